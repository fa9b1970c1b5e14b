"""A check's finding placed in the file on disk: code, family and severity stamped; offsets,
lines and columns, related places and fix edits mapped from the visible text to the raw file."""
from __future__ import annotations

import zlib

from . import fixes
from .api import SAFE, Finding
from .document import Document
from .records import field, record

#: zlib's fastest level: a third of the size of the text, in a few microseconds per article.
RAW_COMPRESSION = 1


@record(slots=True)  # slots: every finding of a run is kept until the report is written
class Reported:
    """A finding as reported: stamped with code, family, severity; offsets into the raw file."""

    code: str
    family: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    related: list[dict] = field(default_factory=list)
    snippet: str = ""  # the flagged raw text (for baselines and reports)
    raw_edits: tuple[fixes.RawEdit, ...] = ()  # the fix, in offsets of the raw file; () for none
    applicability: str = SAFE

    @property
    def fixable(self) -> bool:
        return bool(self.raw_edits)

    @property
    def suggestion(self) -> str | None:
        """The replacement text, when the fix is one replacement of (part of) the flagged text."""
        if len(self.raw_edits) == 1:
            a, b, repl = self.raw_edits[0]
            if repl and a >= self.start and b <= self.end:
                return repl
        return None

    @property
    def fix_kind(self) -> str:
        """'removal' (the fix deletes text), 'replacement', or '' (no fix)."""
        if not self.raw_edits:
            return ""
        return "removal" if all(not e[2] for e in self.raw_edits) else "replacement"

    def as_json(self) -> dict:
        return {"code": self.code, "family": self.family, "severity": self.severity,
                "start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "message": self.message, "suggestion": self.suggestion}


class DocRef:
    """What the main process keeps of a document to place corpus findings in it: its raw text
    compressed (every file's is kept to the end of a run, and a few are read again: the files
    that cross-file checks report on, Markdown and HTML for their inline suppressions)."""

    __slots__ = ("path", "kind", "encoding", "on_disk", "_raw")

    def __init__(self, path: str, raw: str, kind: str, encoding: str, on_disk: bool = True):
        self.path, self.kind, self.encoding, self.on_disk = path, kind, encoding, on_disk
        self._raw = zlib.compress(raw.encode("utf-8", "surrogatepass"), RAW_COMPRESSION)

    @property
    def raw(self) -> str:
        return zlib.decompress(self._raw).decode("utf-8", "surrogatepass")

    @classmethod
    def of(cls, doc: Document, on_disk: bool = True) -> "DocRef":
        return cls(doc.path, doc.raw, doc.kind, doc.encoding, on_disk)

    def document(self) -> Document:
        return Document(self.path, self.raw, self.kind, self.encoding)

    @property
    def headline(self) -> str:
        """The first line of visible text (what an editor calls the article by)."""
        for line in self.document().lines[:1]:
            return line.text
        return ""


@record
class FileResult:
    path: str
    ref: DocRef
    findings: list[Reported] = field(default_factory=list)
    corpus_findings: list[Reported] = field(default_factory=list)  # placed by the engine, then merged
    accepted: int = 0  # per-document findings the baseline accepted


def place(doc: Document, check, f: Finding, severity: str, lookup=None) -> Reported:
    """Map a check's finding from visible-text offsets to raw offsets, lines and columns."""
    text_len = len(doc.text)
    a = min(max(f.start, 0), text_len)
    b = min(max(f.end, a), text_len)
    start, end = doc.raw_span(a, b)
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    related = []
    for r in f.related:
        entry = {"path": r.path, "start": r.start, "end": r.end, "note": r.note}
        other = doc if r.path == doc.path else (lookup(r.path) if lookup else None)
        if other is not None:
            other_len = len(other.text)
            rs, re_ = other.raw_span(min(r.start, other_len), min(r.end, other_len))
            r_line, r_column = other.line_col(rs)
            entry.update(start=rs, end=re_, line=r_line, column=r_column)
        related.append(entry)
    edits = (fixes.to_raw(doc, f.edits) or ()) if f.edits else ()
    return Reported(check.code, check.family, severity, start, end, line, col, end_line, end_col,
                    f.message, related, doc.raw[start:end], edits, f.applicability)
