"""BP201: a short Title Case or ALL CAPS line after the last paragraph, where widgets collect."""
from __future__ import annotations

from auditor.api import UNSAFE
from auditor.text import clip, is_title_case

from .line_scores import body_stems, stems
from .line_verdicts import Verdict, VerdictCheck

#: A widget label or a detached name is a few words; a longer line is a sentence or a title.
MAX_WORDS = 6
#: ... and a few characters.
MAX_CHARS = 60
#: Letters looked at to call a line ALL CAPS (enough to tell, bounded on huge lines) ...
CAPS_SCAN_CHARS = 300
#: ... and how many it needs: a single capital ('A') is not a line in capitals.
CAPS_MIN_LETTERS = 2
#: Widget labels after the body come a few at a time; a run of more short lines than this
#: (between two paragraphs, or to the end) is a table one cell per line, a list of names or a
#: directory: structure of the page that its shape alone does not call residue.
RUN_MAX_LINES = 10
#: A line that ends in one of these goes on into the next line: not a line of its own.
_CONTINUES = ",;-–—("


def is_all_caps(text: str) -> bool:
    letters = [c for c in text[:CAPS_SCAN_CHARS] if c.isalpha()]
    return len(letters) >= CAPS_MIN_LETTERS and all(c.isupper() for c in letters)


class EdgeLine(VerdictCheck):
    """A short Title Case or ALL CAPS line (1 to 6 words, at most 60 characters, no digits, no
    final punctuation) after the last paragraph of the article, where widgets collect (ad
    teasers, detached names, 'Compare Specs'). Lines before the body (kickers, decks, bylines)
    and inside it (subheadings) are never flagged, nor a line that heads a list or a sentence
    continued on the next line, nor a line in a run of more than 10 short lines (a table one cell
    a line, a list of names), nor a line all of whose content words the article's paragraphs use
    (a table cell or a term of the story).

    Fix (unsafe): remove the line; only its shape and position say it is residue."""

    code = "BP201"
    summary = "Short Title Case line after the body"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        topic = None
        for ln in lay.lines:
            if ln.index in claimed or ln.index == 0:
                continue
            zone = lay.zone(ln.index)
            text = ln.text.replace("\xa0", " ").strip()
            if zone not in ("lead", "tail") or not _edge_line(ln, text, lay):
                continue
            if _run_length(lay, ln.index) > RUN_MAX_LINES:
                continue
            # A line whose every content word the article's paragraphs use is about the story
            # (a table cell, a term of the article), not a widget.
            topic = body_stems(lay, claimed) if topic is None else topic
            own = stems(ln)
            if own and all(topic.get(s, 0) > 0 for s in own):
                continue
            # 'lead' after the body's end: the text has no body paragraph at all.
            where = "after the last paragraph" if zone == "tail" else "in a text without a paragraph of prose"
            shape = "ALL CAPS" if is_all_caps(text) else "Title Case"
            claimed[ln.index] = Verdict(
                cls.code, ln.start, ln.end,
                f"'{clip(text)}' is a short {shape} line without final punctuation {where}, "
                "where page widgets collect")


def _run_length(lay, i: int) -> int:
    """How many lines the run of non-prose lines holding line i has."""
    a = b = i
    while a > 0 and not lay.lines[a - 1].prose:
        a -= 1
    while b + 1 < len(lay.lines) and not lay.lines[b + 1].prose:
        b += 1
    return b - a + 1


def _edge_line(ln, text: str, lay) -> bool:
    if ln.ends_sentence or ln.listed or not 1 <= ln.n_words <= MAX_WORDS or len(text) > MAX_CHARS:
        return False
    if any(c.isdigit() for c in text) or text[-1:] in _CONTINUES:
        return False
    if not (is_title_case(ln.words) or is_all_caps(text)):
        return False
    # Only after the body: before it, kickers, decks and bylines are legitimate. A line that
    # heads a list or a continued sentence is a subheading, not residue.
    if ln.index <= lay.last_body or not lay.starts_anew(ln.index + 1):
        return False
    nxt = lay.lines[ln.index + 1] if ln.index + 1 < len(lay.lines) else None
    return nxt is None or not nxt.listed
