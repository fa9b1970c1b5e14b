"""Fixes: a finding's edits mapped onto the file on disk, applied without breaking markup.

A check gives edits in offsets of the visible text (`doc.text`). `to_raw` maps them to the file
as decoded from disk and refuses an edit that would cut a tag, a link or an entity of a Markdown
or HTML file (then the finding offers no fix). Removing whole lines of text removes the whole
lines of the file when nothing else visible stands on them (`<p>Leave a Reply</p>`,
`[Read more](…)`), so no empty element or link is left behind.

`apply` applies the fixes of one file in a deterministic order; a fix that overlaps one applied
before it is left for a second run and reported. `write_atomic` writes the result in the file's
own encoding, byte-order mark and line ends (they are part of the decoded text), through a
temporary file renamed into place.
"""
from __future__ import annotations

import re

from . import compiled
from .api import Edit
from .records import record

RawEdit = tuple[int, int, str]  # (start, end, replacement) in offsets of the decoded file

# HTML elements that have no closing tag: they never unbalance a removed stretch.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_TAG = compiled.regex(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


def to_raw(doc, edits: tuple[Edit, ...]) -> tuple[RawEdit, ...] | None:
    """The edits in offsets of `doc.raw`, or None when one of them cannot be made safely."""
    out = []
    for e in edits:
        mapped = _one_to_raw(doc, e)
        if mapped is None:
            return None
        out.append(mapped)
    return tuple(out)


def _one_to_raw(doc, e: Edit) -> RawEdit | None:
    n = len(doc.text)
    if not (0 <= e.start <= e.end <= n):
        return None
    offsets = doc.offset_map
    if offsets is None:  # plain LF text without a BOM: the same string
        return e.start, e.end, e.replacement
    if e.start == e.end:
        rs = offsets.start(e.start)
        return (rs, rs, e.replacement) if not offsets.cuts_markup(rs, rs) else None
    rs, re_ = doc.raw_span(e.start, e.end)
    if not e.replacement and doc.kind in ("markdown", "html") and _whole_lines(doc.text, e.start, e.end):
        wider = _whole_raw_lines(doc, e.start, e.end, rs, re_)
        if wider is not None:
            return wider[0], wider[1], ""
    if offsets.cuts_markup(rs, re_) or not _balanced(doc, rs, re_) or _empties_link(doc, rs, re_, e):
        return None
    return rs, re_, e.replacement


def _whole_lines(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end - 1] == "\n")


def _whole_raw_lines(doc, start: int, end: int, rs: int, re_: int) -> tuple[int, int] | None:
    """The raw lines holding the visible text of [start, end), when no other visible text
    (only white space: the breaks block tags become) stands on them and the markup on them is
    whole and balanced."""
    text, raw = doc.text, doc.raw
    first, last = start, end
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    if first == last:
        return None
    lo, hi = doc.raw_span(first, last)
    a = raw.rfind("\n", 0, lo) + 1
    b = raw.find("\n", max(hi - 1, a))
    b = len(raw) if b < 0 else b + 1
    if not (_only_space_between(doc, first, a, -1) and _only_space_between(doc, last, b, +1)):
        return None
    if doc.offset_map.cuts_markup(a, b) or not _balanced(doc, a, b):
        return None
    # the blank lines the text edit takes with it (paragraphs stay one blank line apart)
    for _ in range(text.count("\n", last, end) - 1):
        nxt = raw.find("\n", b)
        if nxt < 0 or raw[b:nxt].strip():
            break
        b = nxt + 1
    for _ in range(text.count("\n", start, first)):
        prev = raw.rfind("\n", 0, max(a - 1, 0)) + 1
        if a == 0 or raw[prev:a].strip():
            break
        a = prev
    return a, b


#: Visible characters looked at beside an edit on its raw lines (lines of news text are short;
#: a longer run is treated as more text on the line).
_MAX_LOOK = 2000


def _only_space_between(doc, pos: int, limit: int, step: int) -> bool:
    """Whether the visible text beside the edit (before `pos` going back, or from `pos` going
    on) that stands on the same raw lines, up to raw offset `limit`, is only white space (the
    line breaks block tags become)."""
    text, offsets = doc.text, doc.offset_map
    i = pos - 1 if step < 0 else pos
    for _ in range(_MAX_LOOK):
        if not 0 <= i < len(text):
            return True
        raw_at = offsets.start(i)
        if (raw_at < limit) if step < 0 else (raw_at >= limit):
            return True
        if not text[i].isspace():
            return False
        i += step
    return False


def _balanced(doc, rs: int, re_: int) -> bool:
    """HTML: every element opened in the stretch is closed in it, and nothing closed that it
    did not open. Other kinds have no nesting to break."""
    if doc.kind != "html":
        return True
    stack: list[str] = []
    for m in _TAG.finditer(doc.raw, rs, re_):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        if not m.group(1):
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _empties_link(doc, rs: int, re_: int, e: Edit) -> bool:
    """Markdown: deleting a link's whole label leaves `[](url)`, a link cut in half."""
    if doc.kind != "markdown" or e.replacement.strip():
        return False
    return doc.raw[rs - 1:rs] == "[" and doc.raw[re_:re_ + 2] == "]("


@record
class Applied:
    text: str  # the file's new decoded text
    fixed: list  # the findings whose fixes were applied
    skipped: list  # the findings whose fixes overlapped one applied before


def _overlap(a: RawEdit, b: RawEdit) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion collides with anything at or around its point
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def apply(raw: str, findings: list) -> Applied:
    """Apply the fixes (`finding.raw_edits`) of one file. Order: by position, then code, so the
    result never depends on the order checks ran in. A fix overlapping one applied before it is
    skipped, except that deletions which overlap deletions merge (two residue lines in a row each
    take the blank line between them)."""
    taken: list[RawEdit] = []
    fixed, skipped = [], []
    for f in sorted(findings, key=lambda f: (f.raw_edits[0][0], f.raw_edits[0][1], f.code, f.raw_edits)):
        clashes = [t for e in f.raw_edits for t in taken if _overlap(e, t)]
        if clashes and not (all(not e[2] for e in f.raw_edits) and all(not t[2] for t in clashes)):
            skipped.append(f)
            continue
        taken.extend(f.raw_edits)
        fixed.append(f)
    parts, pos = [], 0
    for a, b, repl in sorted(taken, key=lambda e: (e[0], e[1])):
        if b <= pos and not repl:
            continue  # a deletion inside one already made
        parts.append(raw[pos:max(a, pos)])
        parts.append(repl)
        pos = max(pos, b)
    parts.append(raw[pos:])
    return Applied("".join(parts), fixed, skipped)


def unified_diff(path: str, old: str, new: str) -> str:
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class ChangedOnDisk(Exception):
    """The file is not what the check read: it was edited in the meantime."""


def write_atomic(path: str, text: str, encoding: str, expected: str) -> None:
    """Write `text` to `path` in `encoding`, only if the file still decodes to `expected`.
    The text carries its own BOM and line ends; the file's permissions are kept."""
    from .inputs import decode

    with open(path, "rb") as fh:
        current = fh.read()
    try:
        now = decode(current, path)[0]
    except Exception:  # noqa: BLE001 - whatever it became, it is not what we read
        now = None
    if now != expected:
        raise ChangedOnDisk(path)
    from .atomic import write_bytes

    write_bytes(path, text.encode(encoding), fsync=True)  # the file's own permissions are kept
