"""How the boilerplate checks read one document: its lines, their shapes, and where the body is.

Computed once per document (cached on it) because every BP rule needs the same facts: which lines
are prose, where the article body starts and ends (residue clusters at the edges), which lines are
list items or table rows (repeated list items are not residue), and the comparable form of each
line (duplicates, corpus repetition).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

#: A line reads like a body paragraph when it has this many words and ends a sentence: shorter
#: lines are headings, labels and widget text.
PROSE_MIN_WORDS = 8
#: ... or when it has this many words whatever its end (a paragraph that lost its full stop).
PROSE_ANY_END_WORDS = 25
#: A line with this many '|' is a table row (or a bar of links): listed, not prose.
TABLE_ROW_BARS = 3
#: Words are read from the start of a line only: a megabyte-long line has no more shape to tell.
WORDS_SCAN_CHARS = 5000
#: A sentence end is looked for in the last characters of a line only (closing quotes and
#: brackets after the full stop are few; the search stays short on huge lines).
SENTENCE_END_SCAN_CHARS = 20
#: The headline is the first of this many lines that has enough words (a section label or a
#: date line may stand above it) ...
HEADLINE_SEARCH_LINES = 4
#: ... namely this many.
HEADLINE_MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_][\w'’\-]{0,40}")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]*]{0,3}$")
_LIST_MARK = re.compile(r"^(?:[-–—•*·▪►✓✔]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_SPACES = re.compile(r"\s{1,50}")
_TRAIL_PUNCT = re.compile(r"[\s.,;:!?…·|\-–—]{1,20}$")


def normalize(text: str) -> str:
    """Comparable form of a line: NFKC, no-break spaces folded, lowercase, trailing punctuation cut."""
    text = unicodedata.normalize("NFKC", text).replace("\xa0", " ")
    text = _SPACES.sub(" ", text).strip().lower()
    return _TRAIL_PUNCT.sub("", text)


def words(text: str) -> list[str]:
    return _WORD.findall(text[:WORDS_SCAN_CHARS])


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
    keys: list[str]   # normalize() of each line, computed once: the duplicate rules compare them
    first_body: int   # index of the first prose line (len(lines) when none)
    last_body: int    # index of the last prose line (-1 when none)

    def zone(self, i: int) -> str:
        """'head' (the first line), 'lead' (before the body), 'body', 'tail' (after the body).
        In a text without a body paragraph every line but the first is 'lead'."""
        if i == 0:
            return "head"
        if i < self.first_body:
            return "lead"
        if i > self.last_body:
            return "tail"
        return "body"

    def starts_anew(self, i: int) -> bool:
        """The line at i (if any) does not continue a sentence: it starts with a capital or a symbol."""
        if i >= len(self.lines):
            return True
        return not self.lines[i].text[:1].islower()

    def headline(self, claimed) -> Line:
        """The headline: the first unclaimed line near the top with a few words (the first line
        when there is none)."""
        return next((ln for ln in self.lines[:HEADLINE_SEARCH_LINES]
                     if ln.index not in claimed and ln.n_words >= HEADLINE_MIN_WORDS), self.lines[0])

    def reframed(self, claimed) -> Layout:
        """The same lines with the body re-measured: it ends at the last prose line that no
        rule claimed (an author bio is prose too)."""
        first, last = _body(self.lines, claimed)
        return replace(self, first_body=first, last_body=last)


def _make_line(i: int, span) -> Line:
    text = span.text
    ws = words(text)
    ends = bool(_SENTENCE_END.search(text[-SENTENCE_END_SCAN_CHARS:]))
    listed = bool(_LIST_MARK.match(text)) or text.count("|") >= TABLE_ROW_BARS
    prose = not listed and ((len(ws) >= PROSE_MIN_WORDS and ends) or len(ws) >= PROSE_ANY_END_WORDS)
    return Line(i, span.start, span.end, text, ws, ends, listed, prose)


def _body(lines: list[Line], claimed=()) -> tuple[int, int]:
    prose = [ln.index for ln in lines if ln.prose and ln.index > 0 and ln.index not in claimed]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def layout(doc) -> Layout:
    """The document's layout (cached on the document; the rules work on reframed copies)."""
    return doc.memo("boilerplate.layout", _layout)


def _layout(doc) -> Layout:
    lines = [_make_line(i, span) for i, span in enumerate(doc.lines)]
    first, last = _body(lines)
    return Layout(lines, [normalize(ln.text) for ln in lines], first, last)
