"""The document model: one object per file, computed lazily and shared by all checks.

`doc.raw` is the file as decoded from disk; `doc.text` is what checks read (the visible text of
Markdown/HTML, LF line ends, no BOM). Every span below (lines, paragraphs, sentences, quotes)
has `start`/`end` offsets into `doc.text`; `doc.raw_span(start, end)` turns them into offsets
into `doc.raw`, which is what the engine reports. For plain LF text without a BOM the two are
the same string.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from . import compiled
from .markup import OffsetMap, suppression_comments, visible_text
from .records import record

KIND_BY_SUFFIX = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                  ".html": "html", ".htm": "html"}


@record(frozen=True)
class Span:
    """A stretch of `doc.text`: [start, end) and the text itself."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@record(frozen=True)
class Sentence(Span):
    paragraph: int = 0  # index into doc.paragraphs


_LINE = compiled.regex(r"[^\n]+")
# A line ends its paragraph unless it is soft-wrapped: no closing punctuation, next starts lowercase.
_PARA_END = compiled.regex(r"[.!?:;\"”’»)\]…*]\s*$")
_WORDISH = compiled.regex(r"\w")

# Sentence boundary candidates: terminal punctuation, optional closing quotes/brackets, space
# ('.', '?”', '!)'), or a closing quote before the punctuation ('”.'). Repetitions are bounded so
# that a long run of dots or quotes without a space stays linear. Written as one class of every
# first character, the two kinds then told apart by it (the classes do not meet): a pattern that
# starts with a class is searched for its characters, an alternation was tried at every position.
_BOUNDARY = compiled.regex(r"[.!?…\"'”’»](?:(?<=[.!?…])[.!?…]{0,7}[\"'”’»)\]]{0,4}|(?<=[\"'”’»])[.!?…]{1,8})(?=\s)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres "
    "no nos vol vols fig figs p pp ed eds est approx dept univ assn bros co corp inc ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "vs etc al cf e.g i.e u.s u.k u.n e.u a.m p.m d.c". split()
)
_WORD_BEFORE = compiled.regex(r"([\w.]+)$")
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "\"": "\""}
_QUOTE_OPEN = compiled.regex(r"[“«„\"]")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (one paragraph); never crosses a line break."""
    spans = []
    seg_start = start
    para = text[start:end]
    for m in _BOUNDARY.finditer(para):
        cut = start + m.end()
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if text[nxt].islower():  # "e.g. the", "3 p.m. on": a new sentence does not start lowercase
            continue
        mark = m.group()
        if mark[0] == "." and mark[:3] != "..." and _is_abbreviation(text, seg_start, start + m.start()):
            continue
        if (mark.startswith("...") or mark.startswith("…")) and _inside_quote(text, seg_start, cut):
            continue  # an ellipsis inside a quotation does not end the sentence
        spans.append((seg_start, cut))
        seg_start = nxt
    if seg_start < end:
        spans.append((seg_start, end))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _inside_quote(text: str, a: int, b: int) -> bool:
    seg = text[max(a, b - 2000):b]  # bounded: a paragraph of many ellipses must stay linear
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def _is_abbreviation(text: str, seg_start: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(seg_start, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return True
    return word in _ABBREVIATIONS


def _line_start(text: str, pos: int) -> int:
    """Start of the line holding text[pos]."""
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    """Just after the line end of the line holding text[pos] (or the end of the text)."""
    n = text.find("\n", pos)
    return len(text) if n < 0 else n + 1


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


class Document:
    """One audited file. Construct with the decoded text; everything else is derived lazily."""

    def __init__(self, path: str, raw: str, kind: str = "text", encoding: str = "utf-8"):
        self.path = path
        self.raw = raw
        self.kind = kind
        self.encoding = encoding
        self._memo: dict = {}

    def memo(self, key: str, compute):
        """`compute(self)`, once per document: an analysis several checks share (name it
        '<family>.<what>'). Cached like the model's own properties, dropped with the document."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute(self)
            return value

    # --- text and offsets ---------------------------------------------------------------------
    @cached_property
    def _visible(self) -> tuple[str, OffsetMap | None]:
        return visible_text(self.raw, self.kind)

    @property
    def text(self) -> str:
        return self._visible[0]

    @property
    def offset_map(self) -> OffsetMap | None:
        return self._visible[1]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into `raw` of the text span [start, end)."""
        m = self.offset_map
        if m is None:
            return start, end
        return m.start(start), max(m.start(start), m.end(end))

    @cached_property
    def line_starts(self) -> list[int]:
        """Raw offsets where each line of the file begins."""
        starts = [0]
        raw = self.raw
        i = raw.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = raw.find("\n", i + 1)
        return starts

    def line_col(self, raw_offset: int) -> tuple[int, int]:
        """1-based line and column of a raw offset."""
        line = bisect_right(self.line_starts, raw_offset)
        return line, raw_offset - self.line_starts[line - 1] + 1

    def line_of(self, offset: int) -> int:
        """The line of the file on disk (1-based) that holds `doc.text[offset]`: what a message
        should cite, since Markdown and HTML lines differ from the visible text's."""
        offset = min(max(offset, 0), len(self.text))
        return self.line_col(self.raw_span(offset, offset)[0])[0]

    def line_removal(self, start: int, end: int):
        """The edit that removes the whole lines holding text[start:end], and the blank lines that
        separated them from the next paragraph, so the paragraphs around stay one blank line
        apart (at the end of the text, the blank lines before them). Lines of spaces are blank."""
        from .api import Edit

        text = self.text
        a = text.rfind("\n", 0, start) + 1
        b = _line_end(text, max(end - 1, a))
        if a == 0 or not text[_line_start(text, a - 1):a].strip():
            while b < len(text) and not text[b:_line_end(text, b)].strip():
                b = _line_end(text, b)
            if b == len(text):
                while a > 0 and not text[_line_start(text, a - 1):a].strip():
                    a = _line_start(text, a - 1)
        return Edit(a, b, "")

    # --- structure ----------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Non-blank lines of the visible text, stripped."""
        text = self.text
        out = []
        for m in _LINE.finditer(text):
            a, b = _strip(text, m.start(), m.end())
            if b > a:
                out.append(Span(a, b, text[a:b]))
        return out

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Lines joined where a line is soft-wrapped into the next one; blank lines separate."""
        text = self.text
        out: list[Span] = []
        start = end = -1  # the paragraph being built, as offsets (linear on huge paragraphs)
        last: Span | None = None  # its last line: only the end decides whether it continues
        for line in self.lines:
            contiguous = last is not None and text.count("\n", last.end, line.start) < 2
            if contiguous and not _PARA_END.search(last.text) and line.text[:1].islower():
                end = line.end
            else:
                if last is not None:
                    out.append(Span(start, end, text[start:end]))
                start, end = line.start, line.end
            last = line
        if last is not None:
            out.append(Span(start, end, text[start:end]))
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        text = self.text
        out = []
        for i, para in enumerate(self.paragraphs):
            for a, b in split_sentences(text, para.start, para.end):
                out.append(Sentence(a, b, text[a:b], i))
        return out

    @cached_property
    def quotes(self) -> list[Span]:
        """Quoted stretches (“…”, «…», „…“, "…") inside one paragraph, including the marks."""
        text = self.text
        out = []
        for para in self.paragraphs:
            pos = para.start
            while True:
                m = _QUOTE_OPEN.search(text, pos, para.end)
                if not m:
                    break
                close = text.find(_QUOTE_PAIRS[m.group()], m.end(), para.end)
                if close < 0:
                    break
                out.append(Span(m.start(), close + 1, text[m.start():close + 1]))
                pos = close + 1
        return out

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one quoted span (quotes are sorted, disjoint)."""
        i = bisect_right(self._quote_starts, start) - 1
        return i >= 0 and end <= self.quotes[i].end

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of [start, end) lie inside quoted spans."""
        i = max(0, bisect_right(self._quote_starts, start) - 1)
        total = 0
        for q in self.quotes[i:]:
            if q.start >= end:
                break
            total += max(0, min(end, q.end) - max(start, q.start))
        return total

    @cached_property
    def suppressions(self) -> list[tuple[str, int, frozenset[str]]]:
        """Inline `<!-- auditor: ignore CODE -->` comments (Markdown and HTML only)."""
        if self.kind not in ("markdown", "html"):
            return []
        return suppression_comments(self.raw)

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {self.kind}, {len(self.raw)} chars)"
