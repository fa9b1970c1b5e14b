"""Shared reading of one document for the boilerplate checks: lines, where the body is, line shapes.

Computed once per document (cached on the document) because every BP check needs the same facts:
which lines are prose, where the article body starts and ends (residue clusters at the edges),
which lines are list items or table rows (repeated list items are not residue).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


_WORD = re.compile(r"[^\W\d_][\w'’\-]{0,40}")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]*]{0,3}$")
_LIST_MARK = re.compile(r"^(?:[-–—•*·▪►✓✔]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_SPACES = re.compile(r"\s{1,50}")
_TRAIL_PUNCT = re.compile(r"[\s.,;:!?…·|\-–—]{1,20}$")
# Small words that stay lowercase in a Title Case line.
_MINOR = frozenset("a an the and or nor but of in on at to for by with from as vs via is are "
                   "de la le les du des von van der den di da y e et und".split())

PROSE_MIN_WORDS = 8


def normalize(text: str) -> str:
    """Comparable form of a line: NFKC, no-break spaces folded, lowercase, trailing punctuation cut."""
    text = unicodedata.normalize("NFKC", text).replace("\xa0", " ")
    text = _SPACES.sub(" ", text).strip().lower()
    return _TRAIL_PUNCT.sub("", text)


def words(text: str) -> list[str]:
    return _WORD.findall(text[:5000])


def is_title_case(ws: list[str]) -> bool:
    """Every significant word starts with a capital (or the line is ALL CAPS)."""
    if not ws:
        return False
    significant = [w for w in ws if w.lower() not in _MINOR]
    if not significant or not ws[0][:1].isupper():
        return False
    return all(w[:1].isupper() for w in significant)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text[:300] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str
    words: list[str]
    ends_sentence: bool
    listed: bool      # list item or table row: legitimately repeated, never "residue" by shape
    prose: bool       # reads like a body paragraph

    @property
    def n_words(self) -> int:
        return len(self.words)


@dataclass
class Layout:
    lines: list[Line]
    first_body: int   # index of the first prose line (len(lines) when none)
    last_body: int    # index of the last prose line (-1 when none)

    def zone(self, i: int) -> str:
        """'head' (the first line), 'lead' (before the body), 'body', 'tail' (after the body)."""
        if i == 0:
            return "head"
        if i < self.first_body:
            return "lead"
        if i > self.last_body:
            return "tail"
        return "body"


def _make_line(i: int, span) -> Line:
    text = span.text
    ws = words(text)
    ends = bool(_SENTENCE_END.search(text[-20:]))
    listed = bool(_LIST_MARK.match(text)) or text.count("|") >= 3
    prose = not listed and ((len(ws) >= PROSE_MIN_WORDS and ends) or len(ws) >= 25)
    return Line(i, span.start, span.end, text, ws, ends, listed, prose)


def layout(doc) -> Layout:
    return doc.memo("boilerplate.layout", _layout)


def _layout(doc) -> Layout:
    lines = [_make_line(i, span) for i, span in enumerate(doc.lines)]
    prose = [ln.index for ln in lines if ln.prose and ln.index > 0]
    first = prose[0] if prose else len(lines)
    last = prose[-1] if prose else -1
    return Layout(lines, first, last)
