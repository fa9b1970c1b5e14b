"""BP401: a headline of another story spliced into the body."""
from __future__ import annotations

from auditor.api import UNSAFE
from auditor.text import clip

from . import line_scores
from .line_verdicts import Verdict, VerdictCheck

#: A headline-shaped line has this many words at least (shorter: a subheading) ...
MIN_WORDS = 6
#: ... and at most this many (longer: a sentence that lost its full stop).
MAX_WORDS = 30
#: It must have this many content words for the overlap to mean something.
MIN_CONTENT_WORDS = 5
#: Words every story uses besides the function words: they say nothing of the topic. (Each is
#: shorter than a stem, line_scores.STEM_CHARS: its stem is the word itself, and taking them
#: from a line's stems takes out the words and nothing else.)
_COMMON_WORDS = frozenset("came come week weeks year years".split())
#: The largest share of its content words a splice shares with the rest of the article: none.
#: A line of the story always shares some (its subject, its place).
MAX_SHARED = 0.0
#: Texts shorter than this (lines after the headline) have too little to compare with.
MIN_BODY_LINES = 4


def _content_stems(ln) -> frozenset[str]:
    """The line's content words compared by their first letters ('flood' meets 'flooded'), as
    the other rules compare lines (line_scores.stems), the words every story uses aside."""
    return line_scores.stems(ln) - _COMMON_WORDS


def _shared(stems: frozenset[str], index: int, lines) -> int | None:
    """How many of the stems (of line `index`) the other lines use; None as soon as more than
    MAX_SHARED of them are found. The lines are looked at from the nearest out: a line of the
    story shares words with the paragraphs around it, and is told after a few of them (counting
    the stems of every line of a long page was most of this rule's time)."""
    found: set[str] = set()
    for k in range(1, max(index + 1, len(lines) - index)):
        for j in (index - k, index + k):
            if 0 <= j < len(lines):
                found |= stems & _content_stems(lines[j])
        if len(found) / len(stems) > MAX_SHARED:
            return None
    return len(found)


class OffTopicSplice(VerdictCheck):
    """A headline-shaped line inside the body (6 to 30 words, a capital first, no final
    punctuation, between two paragraphs) none of whose content words (5 or more) occurs
    elsewhere in the article: the headline of a link to another story, spliced in.

    Fix (unsafe): remove the line; only the lack of overlap says it is off topic."""

    code = "BP401"
    summary = "Off-topic line spliced into the body"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        body = lay.lines[1:]
        if len(body) < MIN_BODY_LINES:
            return
        # A splice sits between two paragraphs; inside a run of short lines it is a list item.
        # (The shape is told first: most articles have no such line, and then no line's words
        # need counting.)
        candidates = [ln for ln in body
                      if ln.index not in claimed and lay.zone(ln.index) == "body" and not ln.ends_sentence
                      and not ln.listed and MIN_WORDS <= ln.n_words <= MAX_WORDS and ln.text[:1].isupper()
                      and lay.lines[ln.index - 1].prose and ln.index + 1 < len(lay.lines)
                      and lay.lines[ln.index + 1].prose]
        if not candidates:
            return
        for ln in candidates:
            stems = _content_stems(ln)
            if len(stems) < MIN_CONTENT_WORDS:
                continue
            shared = _shared(stems, ln.index, lay.lines)
            if shared is not None and shared / len(stems) <= MAX_SHARED:
                seen = "none" if shared == 0 else f"only {shared}"
                claimed[ln.index] = Verdict(
                    cls.code, ln.start, ln.end,
                    f"'{clip(ln.text)}' shares {seen} of its {len(stems)} content words with the rest "
                    "of the article: a headline of another story, spliced into the body")
