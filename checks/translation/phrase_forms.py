"""Loose phrase patterns written as data ("regain|restore … trade status"): the form syntax that
the term table (TR301) and the calque tables (TR302) share, compiled to regular expressions, and
the keywords that decide cheaply which forms a text can match."""
from __future__ import annotations

import re
from functools import lru_cache

#: '…' in a form: up to four words of any kind, each bounded so a long token stays linear.
GAP = r"(?:[\s\u00a0]{1,3}[^\s\u00a0]{1,40}){0,4}"
_SEP = r"[\s\u00a0\-‑]{1,3}"


def compile_form(form: str) -> re.Pattern:
    """A form ('regain|restore … trade status') as a case-insensitive regex: words separated by
    spaces (matching spaces, no-break spaces or a hyphen), 'a|b' alternatives, a trailing '*'
    for any ending, '…' for up to four words (the first one captured as group 1), a leading '^'
    anchoring the form at the start of a sentence."""
    parts: list[str] = []
    anchored = form.startswith("^ ")
    for word in form.split()[1:] if anchored else form.split():
        if word == "…":
            parts.append(GAP if GAP in parts else "(" + GAP + ")")
            continue
        alts = []
        for alt in word.split("|"):
            stem = alt.rstrip("*")
            pat = r"[\s\-]?".join(re.escape(p) for p in stem.split("-"))
            alts.append(pat + (r"\w{0,20}" if alt.endswith("*") else ""))
        if parts and not parts[-1].endswith("{0,4}") and not parts[-1].endswith("{0,4})"):
            parts.append(_SEP)
        elif parts:
            parts.append(r"[\s\u00a0]{1,3}")
        parts.append("(?:" + "|".join(alts) + ")")
    lead = r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"] ))" if anchored else r"(?<!\w)"
    return re.compile(lead + "".join(parts) + r"(?!\w)", re.I | re.M)


def form_keywords(form: str) -> frozenset[str]:
    """The alternatives of the form's most selective word: a form can match only where one of
    them occurs, so one scan for all keywords decides which forms to try."""
    slots = [w.split("|") for w in form.split() if w not in ("…", "^")]
    best = max(slots, key=lambda alts: min(len(a) for a in alts))
    return frozenset(a.rstrip("*").split("-")[0].lower() for a in best)


class KeywordIndex:
    """Which of a set of keywords occur in a text at the start of a word (as a word or as the
    start of a longer one: 'celebrat' in 'celebrated', 'co' in 'cooperation'): one pass over the
    text's words and a dictionary lookup each, however many keywords there are."""

    #: Keywords are indexed by their first letters, this many (shorter keywords by all of theirs).
    HEAD = 3

    def __init__(self, keywords):
        self.by_head: dict[str, list[str]] = {}
        for k in sorted(set(keywords)):
            if not _KEYWORD.fullmatch(k):
                raise ValueError(f"keyword {k!r}: letters, digits and inner apostrophes only")
            self.by_head.setdefault(k[:self.HEAD], []).append(k)
        self.short = sorted({len(h) for h in self.by_head if len(h) < self.HEAD})

    def present(self, text: str) -> set[str]:
        """The keywords that occur in `text` at the start of a word (case-insensitive)."""
        found: set[str] = set()
        by_head, head, short = self.by_head, self.HEAD, self.short
        for w in text_words(text):
            for k in by_head.get(w[:head], ()):
                if w.startswith(k):
                    found.add(k)
            for n in short:
                if w[:n] in by_head:
                    found.add(w[:n])
        return found


def keyword_lines(text: str, low: str, keywords) -> list[tuple[int, int]]:
    """The (start, end) of the lines of `text` that hold one of `keywords` (`low` is
    `text.lower()`, of the same length), in text order: a form that needs one of them is searched
    there only, not through the whole text (forms never match across a line break)."""
    spans = []
    for k in keywords:
        i = low.find(k)
        while i >= 0:
            a = low.rfind("\n", 0, i) + 1
            b = low.find("\n", i)
            b = len(low) if b < 0 else b
            spans.append((a, b))
            i = low.find(k, b)
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


_KEYWORD = re.compile(r"\w+(?:'\w+)*")


@lru_cache(maxsize=8)
def text_words(text: str) -> frozenset[str]:
    """The distinct lowercase words of `text`: every run of word characters, and runs joined by
    an inner straight apostrophe ("people's"); cached for the few texts being checked at once."""
    low = text.lower()
    found = set(_RUN.findall(low))
    if "'" in low:
        found.update(_APOSTROPHE_RUN.findall(low))
    return frozenset(found)


_RUN = re.compile(r"\w+")
_APOSTROPHE_RUN = re.compile(r"\w+(?:'\w+)+")
