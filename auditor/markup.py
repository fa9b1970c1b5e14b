"""Visible text of Markdown and HTML, with a map back to offsets in the file on disk.

Checks read `doc.text`, the visible text. Every character of it comes from a known place in the
raw file, so the engine can report findings at raw offsets. The map is a sorted list of
segments `(text_start, text_end, raw_start, raw_end)`: a kept run has equal lengths; a
replacement (a tag turned into a line break, an entity into its character) maps as a whole.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import compiled

Segment = tuple[int, int, int, int]


class OffsetMap:
    """Maps offsets of the visible text to offsets of the raw text."""

    __slots__ = ("_starts", "_segments", "_text_len", "_raw_len", "_markup")

    def __init__(self, segments: list[Segment], text_len: int, raw_len: int):
        self._segments = segments
        self._starts = [s[0] for s in segments]
        self._text_len = text_len
        self._raw_len = raw_len
        self._markup: tuple[list[int], list[tuple[int, int]]] | None = None

    def markup(self) -> tuple[list[int], list[tuple[int, int]]]:
        """Raw spans that are not text kept as it is (tags, link syntax, entities, line ends,
        a BOM), sorted, with their starts: an edit must take each whole or leave it alone."""
        if self._markup is None:
            pieces = []
            pos = 0
            for t0, t1, r0, r1 in self._segments:
                if r0 > pos:
                    pieces.append((pos, r0))  # raw text that became nothing (a tag, '**')
                if t1 - t0 != r1 - r0:
                    pieces.append((r0, r1))  # raw text replaced (an entity, a block tag, CRLF)
                pos = max(pos, r1)
            if pos < self._raw_len:
                pieces.append((pos, self._raw_len))
            self._markup = ([a for a, _ in pieces], pieces)
        return self._markup

    def cuts_markup(self, start: int, end: int) -> bool:
        """Whether the raw span [start, end) takes part of a markup piece but not all of it."""
        starts, pieces = self.markup()
        i = max(0, bisect_right(starts, start) - 1)
        while i < len(pieces) and pieces[i][0] < max(end, start + 1):
            a, b = pieces[i]
            overlaps = a < end and start < b if end > start else a < start < b
            if overlaps and not (start <= a and b <= end):
                return True
            i += 1
        return False

    def _segment(self, pos: int) -> Segment | None:
        i = bisect_right(self._starts, pos) - 1
        return self._segments[i] if i >= 0 else None

    def start(self, pos: int) -> int:
        """Raw offset of the visible character at `pos` (span start)."""
        if pos >= self._text_len:
            return self._raw_len
        seg = self._segment(pos)
        if seg is None:
            return 0
        t0, t1, r0, r1 = seg
        if t1 - t0 == r1 - r0:
            return r0 + (pos - t0)
        return r0

    def end(self, pos: int) -> int:
        """Raw offset just after the visible character at `pos - 1` (span end)."""
        if pos <= 0:
            return 0
        seg = self._segment(pos - 1)
        if seg is None:
            return 0
        t0, t1, r0, r1 = seg
        if t1 - t0 == r1 - r0:
            return r0 + (pos - t0)
        return r1

    def to_list(self) -> list[Segment]:
        return list(self._segments)


class _Builder:
    """Accumulates visible text from kept raw runs and replacements."""

    def __init__(self, raw: str):
        self.raw = raw
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def keep(self, r0: int, r1: int) -> None:
        if r1 > r0:
            self._add(self.raw[r0:r1], r0, r1)

    def replace(self, r0: int, r1: int, text: str) -> None:
        if text:
            self._add(text, r0, r1)

    def _add(self, text: str, r0: int, r1: int) -> None:
        t0 = self.length
        self.parts.append(text)
        self.length += len(text)
        self.segments.append((t0, self.length, r0, r1))

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self.parts)
        return text, OffsetMap(self.segments, len(text), len(self.raw))


def project(raw: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping `(raw_start, raw_end, replacement)` edits, sorted by start."""
    b = _Builder(raw)
    pos = 0
    for r0, r1, repl in edits:
        if r0 < pos:  # overlapping edit: the earlier one wins
            continue
        b.keep(pos, r0)
        b.replace(r0, r1, repl)
        pos = r1
    b.keep(pos, len(raw))
    return b.build()


# --- plain text -------------------------------------------------------------------------------

_BOM_OR_CR = compiled.regex(r"\ufeff|\r\n?")


def plain_edits(raw: str) -> list[tuple[int, int, str]]:
    """A BOM is dropped and CRLF/CR line ends become LF; nothing else changes."""
    if "\r" not in raw and "\ufeff" not in raw:   # most files have neither: two scans, not the pattern's
        return []
    return [(m.start(), m.end(), "" if m.group() == "\ufeff" else "\n") for m in _BOM_OR_CR.finditer(raw)]


def _unescape(entity: str) -> str:
    """The character of an entity; `&#13;` is whitespace, never a line end of the visible text.
    (html is imported here: a plain-text run needs none of its entity table.)"""
    import html

    return html.unescape(entity).replace("\r", " ")


# --- HTML -------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul title body html head".split()
)
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "svg", "head")
# Each alternative is linear: no nested quantifiers over overlapping classes.
_HTML_TOKEN = compiled.regex(
    r"<!--.*?(?:-->|\Z)"                      # comment (unterminated runs to the end)
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<![^<>]*>?"                            # doctype
    r"|<\?[^<>]*>?"                           # processing instruction
    r"|</?([A-Za-z][A-Za-z0-9:-]*)[^<>]*>"    # tag ([^<>]: "<b<b<b…" must not rescan to the end)
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"  # entity
    r"|\r\n|\r|\n|\t|\ufeff",
    re.S,
)


def html_edits(raw: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    hidden_until = -1
    for m in _HTML_TOKEN.finditer(raw):
        if m.start() < hidden_until:
            continue
        tok = m.group()
        name = (m.group(1) or "").lower()
        if tok[0] == "<":
            if name in _HIDDEN_TAGS and not tok.startswith("</") and not tok.endswith("/>"):
                close = re.compile(r"</" + name + r"\s*>", re.I).search(raw, m.end())
                hidden_until = close.end() if close else len(raw)
                edits.append((m.start(), hidden_until, "\n"))
                continue
            edits.append((m.start(), m.end(), "\n" if name in _BLOCK_TAGS else ""))
        elif tok[0] == "&":
            edits.append((m.start(), m.end(), _unescape(tok)))
        elif tok == "\ufeff":
            edits.append((m.start(), m.end(), ""))
        else:  # raw line breaks and tabs inside HTML text are spaces
            edits.append((m.start(), m.end(), " "))
    return edits


# --- Markdown ---------------------------------------------------------------------------------

# A line starts after LF, CR (a lone CR ends a line too) or the BOM at the top; it ends before CR/LF.
_BOL = r"(?:\A|(?<=[\n\r])|(?<=\A\ufeff))"
_EOL = r"(?=[\r\n]|\Z)"
_MD_LINE_PREFIX = compiled.regex(_BOL + r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
# Starts only where a run of blanks starts: tried from every blank of a long run it was quadratic.
_MD_HEADING_TAIL = compiled.regex(r"(?<![ \t])[ \t]+#+[ \t]*" + _EOL)
_MD_RULE = compiled.regex(_BOL + r"[ \t]{0,3}(?:[-*_][ \t]*){3,}" + _EOL)
_MD_INLINE = compiled.regex(
    r"<!--.*?(?:-->|\Z)"                        # HTML comment
    r"|!?\[([^\[\]\r\n]{0,500})\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\r\n]{0,300}\")?\)"  # link/image
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\r\n]{0,500})?/?>"  # inline HTML tag
    r"|\*\*\*|___|\*\*|__"                      # emphasis; a BOM before a closing mark is no text
    r"|(?<![\w*])\*(?=\S)|(?<=[^\s\ufeff])\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=[^\s\ufeff])_(?![\w_])"
    r"|`"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\(?=[\\`*_{}\[\]()#+\-.!])"             # backslash escape
    r"|\r|\ufeff",                              # CRLF loses its CR; a lone CR is a line end
    re.S,
)


_FRONT_MATTER = compiled.regex(r"\A\ufeff?(---|\+\+\+)[ \t]*(?:\r\n?|\n).*?(?<=[\r\n])\1[ \t]*(?:\r\n?|\n|\Z)", re.S)
_FENCE_OPEN = compiled.regex(_BOL + r"[ ]{0,3}(`{3,}|~{3,})[^\r\n]*")
_INDENTED = compiled.regex(r"^(?: {4}|\t)")
_LIST_ITEM = compiled.regex(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


def markdown_code_regions(raw: str) -> list[tuple[int, int]]:
    """Raw spans that are not article text: YAML/TOML front matter at the top, fenced code blocks
    (``` or ~~~, closed by a fence of the same kind at least as long, or by the end) and indented
    code blocks (lines indented 4+ spaces or a tab after a blank line, outside lists)."""
    regions = []
    pos = 0
    m = _FRONT_MATTER.match(raw)
    if m:
        regions.append((0, m.end()))
        pos = m.end()
    while True:
        m = _FENCE_OPEN.search(raw, pos)
        if not m:
            break
        fence = m.group(1)
        closer = re.compile(_BOL + r"[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*" + _EOL)
        c = closer.search(raw, m.end())
        end = len(raw) if c is None else c.end()
        regions.append((m.start(), end))
        pos = end
    return _merge(regions + _indented_blocks(raw, regions))


def _indented_blocks(raw: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    start = None  # the block being built
    prev_blank, in_list = True, False
    offset = 0
    taken = sorted(taken)
    t = 0  # the first taken region that does not end before the current line (lines only advance)
    for line in raw.splitlines(keepends=True):
        a, offset = offset, offset + len(line)
        while t < len(taken) and taken[t][1] <= a:
            t += 1
        if t < len(taken) and taken[t][0] <= a:
            if start is not None:
                out.append((start, a))
            prev_blank, start = True, None
            continue
        body = line.rstrip("\r\n").lstrip("\ufeff") if a == 0 else line.rstrip("\r\n")
        blank = not body.strip()
        if start is not None:
            if blank or _INDENTED.match(body):
                prev_blank = blank
                continue
            out.append((start, a))
            start = None
        if not blank and _INDENTED.match(body) and prev_blank and not in_list:
            start = a
        elif not blank:
            in_list = bool(_LIST_ITEM.match(body)) or (in_list and body[:1] in " \t")
        prev_blank = blank
    if start is not None:
        out.append((start, len(raw)))
    return out


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def markdown_edits(raw: str) -> list[tuple[int, int, str]]:
    hidden = markdown_code_regions(raw)
    starts = [a for a, _ in hidden]

    def visible(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i < 0 or pos >= hidden[i][1]

    top = 1 if raw.startswith("\ufeff") else 0  # a block right after the BOM is at the top too
    edits: list[tuple[int, int, str]] = [(a, b, "\n" if a > top else "") for a, b in hidden]
    for m in _MD_RULE.finditer(raw):
        edits.append((m.start(), m.end(), ""))
    for m in _MD_LINE_PREFIX.finditer(raw):
        edits.append((m.start(), m.end(), ""))
    for m in _MD_HEADING_TAIL.finditer(raw):
        edits.append((m.start(), m.end(), ""))
    for m in _MD_INLINE.finditer(raw):
        tok = m.group()
        if tok.startswith(("[", "![")) and m.group(1) is not None:
            label_start = m.start(1)
            edits.append((m.start(), label_start, ""))
            edits.append((m.end(1), m.end(), ""))
        elif tok.startswith("&"):
            edits.append((m.start(), m.end(), _unescape(tok)))
        elif tok == "\r":  # CRLF: the LF stays; a lone CR ends a line too: LF in the visible text
            edits.append((m.start(), m.end(), "" if raw.startswith("\n", m.end()) else "\n"))
        else:
            edits.append((m.start(), m.end(), ""))
    regions = set(hidden)
    edits = [e for e in edits if (e[0], e[1]) in regions or (visible(e[0]) and visible(max(e[0], e[1] - 1)))]
    edits.sort(key=lambda e: (e[0], e[1]))
    return edits


def visible_text(raw: str, kind: str) -> tuple[str, OffsetMap | None]:
    """Return the text checks see and its map to raw offsets (None when they are the same)."""
    if kind == "html":
        edits = html_edits(raw)
    elif kind == "markdown":
        edits = markdown_edits(raw)
    else:
        edits = plain_edits(raw)
    if not edits:
        return raw, None
    return project(raw, edits)


_SUPPRESS = compiled.regex(r"<!--\s*auditor:\s*(ignore(?:-file)?)\b([^>]{0,300}?)-->", re.I)


def suppression_comments(raw: str) -> list[tuple[str, int, frozenset[str]]]:
    """`<!-- auditor: ignore CODE ... -->` comments: (scope, raw offset, codes; empty = all)."""
    found = []
    for m in _SUPPRESS.finditer(raw):
        codes = frozenset(c.upper() for c in re.findall(r"[A-Za-z]+[0-9]*", m.group(2)))
        found.append((m.group(1).lower(), m.start(), codes))
    return found
