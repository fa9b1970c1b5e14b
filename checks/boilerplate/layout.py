"""How the boilerplate checks read one document: its lines, their shapes, and where the body is.

Computed once per document (cached on it) because every BP rule needs the same facts: which lines
are prose, where the article body starts and ends (residue clusters at the edges), which lines are
list items or table rows (repeated list items are not residue), and the comparable form of each
line (duplicates, corpus repetition).
"""
from __future__ import annotations

import re
import unicodedata

from auditor import compiled
from auditor.records import field, record, replace

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

_WORD = compiled.regex(r"[^\W\d_][\w'’\-]{0,40}")
_SENTENCE_END = compiled.regex(r"[.!?…:;][\"'”’»)\]*]{0,3}$")
_LIST_MARK = compiled.regex(r"^(?:[-–—•*·▪►✓✔]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
#: Runs of white space fold to one space, by chunks of at most this many characters.
SPACE_RUN_CHARS = 50
#: What folding changes: a run of two or more (a chunk of them), or one that is not a space. (A
#: lone space stays as it is: matching every space of a line made the fold a tenth of the layout.)
_SPACES = compiled.regex(r"\s{2,%d}|[^\S ]" % SPACE_RUN_CHARS)
#: At most this many characters of trailing punctuation are cut ...
TRAIL_PUNCT_CHARS = 20
#: ... looked for at the line's end only (searched from the start, each space began a try).
_TRAIL_PUNCT = compiled.regex(r"[\s.,;:!?…·|\-–—]{1,%d}$" % TRAIL_PUNCT_CHARS)


def normalize(text: str) -> str:
    """Comparable form of a line: NFKC, no-break spaces folded, lowercase, trailing punctuation cut."""
    text = unicodedata.normalize("NFKC", text).replace("\xa0", " ")
    # Every white space but ' ' is unprintable: in a printable line without two spaces in a row
    # there is nothing to fold (most lines; the pattern was half the time of the layout's keys).
    if not text.isprintable() or "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.strip().lower()
    trail = _TRAIL_PUNCT.search(text, max(0, len(text) - TRAIL_PUNCT_CHARS))
    return text[:trail.start()] if trail else text


def words(text: str) -> list[str]:
    return _WORD.findall(text[:WORDS_SCAN_CHARS])


@record
class Line:
    index: int
    start: int
    end: int
    text: str         # the visible text: Markdown links, emphasis and heading marks taken off
    words: list[str]
    ends_sentence: bool
    listed: bool      # list item or table row: legitimately repeated, never "residue" by shape
    prose: bool       # reads like a body paragraph
    #: the line as the document's text has it (differs from `text` when it holds Markdown)
    raw: str = ""
    #: every link of the line points into the page itself ("- [Prices](#prices)"): an entry of
    #: a table of contents
    anchors: bool = False
    #: len(words), counted once: every phrase family and rule compares it with its limits
    n_words: int = field(init=False, repr=False, compare=False)
    #: the words in lower case, lowered once for every rule (each lowered them again)
    lowered: list[str] = field(init=False, repr=False, compare=False)
    #: what the rules derive from the line, computed once for all of them (line_scores.stems)
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.n_words = len(self.words)
        # One call a line: a space is neither a letter nor ignorable by case, so each word lowers
        # as it would alone, and no word holds one (nor does lowering make one).
        self.lowered = " ".join(self.words).lower().split(" ") if self.words else []


@record
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


# --- Markdown in a text file: a scraper's output keeps link and emphasis marks; a line is judged
# on what a reader sees ("[Home](/) › [World](/world)" is the breadcrumb "Home › World").
#: Cheap test first: a line without one of these holds no Markdown ...
_MD_SIGN = compiled.regex(r"\]\(|\*\*|__|^#{1,6}\s|^>|^\*[^*\s]|^_[^_\s]")
#: ... nor, cheaper still, a line without one of these characters, which each of them holds
#: (searching the pattern along every line took a sixth of the layout).
_MD_SIGN_CHARS = "]*_#>"


def _has_md_sign_char(text: str) -> bool:
    """Whether the line holds one of _MD_SIGN_CHARS (written out: any() over a generator took
    three times as long)."""
    return "]" in text or "*" in text or "_" in text or "#" in text or ">" in text


_MD_IMAGE = compiled.regex(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
_MD_LINK = compiled.regex(r"\[([^\]\n]{0,300})\]\(([^)\s]{0,500})(?:\s\"[^\"\n]{0,200}\")?\)")
_MD_STRONG = compiled.regex(r"(\*\*|__)(\S(?:[^\n]{0,300}?\S)?)\1")
_MD_WRAPPED = compiled.regex(r"^([*_])(\S(?:[^\n]{0,300}?\S)?)\1$")
_MD_HEADING = compiled.regex(r"^(?:>\s{0,3}){0,3}(?:#{1,6}\s{1,3})?")
#: A line whose every link points into the page ("- [Prices](#prices)"), list mark aside.
_MD_ANCHORS_ONLY = compiled.regex(r"^(?:[-*+•]\s{1,3}|\d{1,3}[.)]\s{1,3})?(?:\[[^\]\n]{1,200}\]\(#[^)\s]{1,200}\)[\s,;|·•]{0,5}){1,12}$")
#: Markdown is looked for in lines this long at most (longer: article paragraphs, not widgets).
MARKDOWN_MAX_CHARS = 2000


def visible(text: str) -> str:
    """The line as a reader sees it: link and image texts without their targets, strong and
    wrapping emphasis without their marks, a heading without its '#', a quotation without its
    '>'."""
    if (len(text) > MARKDOWN_MAX_CHARS or not _has_md_sign_char(text)
            or not _MD_SIGN.search(text)):
        return text
    out = _MD_IMAGE.sub(r"\1", text)
    out = _MD_LINK.sub(r"\1", out)
    out = _MD_STRONG.sub(r"\2", out)
    out = _MD_HEADING.sub("", out)
    out = _MD_WRAPPED.sub(r"\2", out.strip())
    return out.strip() if out != text else text


def _make_line(i: int, span, raw: str | None = None) -> Line:
    """The line of a span; `raw`: the line as the file has it, when the document's text has
    taken its Markdown off already (a .md file), to see where its links point."""
    shown = visible(span.text)
    ws = words(shown)
    ends = bool(_SENTENCE_END.search(shown[-SENTENCE_END_SCAN_CHARS:]))
    listed = bool(_LIST_MARK.match(span.text)) or shown.count("|") >= TABLE_ROW_BARS
    prose = not listed and ((len(ws) >= PROSE_MIN_WORDS and ends) or len(ws) >= PROSE_ANY_END_WORDS)
    source = span.text if raw is None else raw
    anchors = len(source) <= MARKDOWN_MAX_CHARS and "](#" in source and bool(_MD_ANCHORS_ONLY.match(source.strip()))
    if anchors:
        listed = True
    return Line(i, span.start, span.end, shown, ws, ends, listed, prose, span.text, anchors)


def _body(lines: list[Line], claimed=()) -> tuple[int, int]:
    prose = [ln.index for ln in lines if ln.prose and ln.index > 0 and ln.index not in claimed]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def layout(doc) -> Layout:
    """The document's layout (cached on the document; the rules work on reframed copies)."""
    return doc.memo("boilerplate.layout", _layout)


def _layout(doc) -> Layout:
    if doc.kind == "markdown":
        lines = [_make_line(i, span, _raw_line(doc, span)) for i, span in enumerate(doc.lines)]
    else:
        lines = [_make_line(i, span) for i, span in enumerate(doc.lines)]
    first, last = _body(lines)
    return Layout(lines, [normalize(ln.text) for ln in lines], first, last)


def _raw_line(doc, span) -> str:
    """The line of the file on disk that holds the span's start."""
    a, _ = doc.raw_span(span.start, span.end)
    raw = doc.raw
    end = raw.find("\n", a)
    return raw[raw.rfind("\n", 0, a) + 1:end if end >= 0 else len(raw)]
