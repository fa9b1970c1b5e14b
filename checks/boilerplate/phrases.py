"""Phrase families read from data files: one family a file in `data/`, each pattern with an example.

A data file is a few `key: value` headers, then `pattern:`/`heading:` lines each followed by an
`example:` line that the pattern must match (the tests check it). Patterns are Python regexes
matched case-insensitively against one whole line (anchor them with ^ and $ as needed); they must
not nest quantifiers over overlapping classes, and repetitions are bounded.

Headers:
  family     name shown in messages ("comment form")
  code       the BP code that reports the family (BP101 widget, BP102 credit, BP103 notice, BP104 attribution)
  about      one line for `auditor explain`
  max_words  longer lines are never matched (real sentences are long, widget text is short)
  position   any | lead (between headline and body) | edges (lead or tail) | tail (the run of
             short or widget lines that ends the text)
  case       insensitive (default) | sensitive: then [A-Z] means a capital; use (?i:...) for words

A `heading:` pattern is a widget heading ("Related content", "You may also like"): the short,
non-prose lines right under it (up to the next prose line) belong to the same widget.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_HEADER = re.compile(r"^(family|code|about|max_words|position|case)\s*:\s*(.*)$")
_ENTRY = re.compile(r"^(pattern|heading|example)\s*:\s?(.*)$")
MAX_LINE_CHARS = 1200


@dataclass
class Pattern:
    source: str
    example: str
    heading: bool = False
    flags: int = re.I

    @cached_property
    def regex(self) -> re.Pattern:
        """Compiled on first use: a line reaches the single patterns only after the family's
        combined pattern matched it, so a one-file run compiles few of them."""
        return re.compile(self.source, self.flags)


@dataclass
class Family:
    name: str
    code: str
    about: str
    path: str
    max_words: int = 30
    position: str = "any"
    patterns: list[Pattern] = field(default_factory=list)
    anchored: re.Pattern | None = None     # all ^-patterns: tried at the line start only
    floating: re.Pattern | None = None     # the others: searched along the line

    def match(self, text: str) -> Pattern | None:
        """The first pattern of the family that matches the line, or None."""
        if not ((self.anchored is not None and self.anchored.match(text))
                or (self.floating is not None and self.floating.search(text))):
            return None
        for p in self.patterns:
            if p.regex.search(text):
                return p
        return None


def parse_family(text: str, path: str) -> Family:
    headers: dict[str, str] = {}
    entries: list[tuple[str, str, str]] = []  # (kind, pattern, example)
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _HEADER.match(line)
        if m and not entries:
            headers[m.group(1)] = m.group(2).strip()
            continue
        m = _ENTRY.match(line)
        if not m:
            raise ValueError(f"{path}:{n}: expected 'pattern:', 'heading:' or 'example:', got {line!r}")
        key, value = m.group(1), m.group(2)
        if key == "example":
            if not entries or entries[-1][2]:
                raise ValueError(f"{path}:{n}: example without a pattern")
            kind, source, _ = entries[-1]
            entries[-1] = (kind, source, value)
        else:
            if entries and not entries[-1][2]:
                raise ValueError(f"{path}:{n}: pattern {entries[-1][1]!r} has no example")
            entries.append((key, value.strip(), ""))
    if entries and not entries[-1][2]:
        raise ValueError(f"{path}: pattern {entries[-1][1]!r} has no example")
    for key in ("family", "code"):
        if key not in headers:
            raise ValueError(f"{path}: missing '{key}:' header")
    fam = Family(headers["family"], headers["code"], headers.get("about", ""), path,
                 int(headers.get("max_words", 30)), headers.get("position", "any"))
    flags = 0 if headers.get("case", "insensitive") == "sensitive" else re.I
    for kind, source, example in entries:
        fam.patterns.append(Pattern(source, example, kind == "heading", flags))
    anchored = [p.source for p in fam.patterns if p.source.startswith("^")]
    floating = [p.source for p in fam.patterns if not p.source.startswith("^")]
    if anchored:
        fam.anchored = re.compile("|".join(f"(?:{src})" for src in anchored), flags)
    if floating:
        fam.floating = re.compile("|".join(f"(?:{src})" for src in floating), flags)
    return fam


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """All phrase families, loaded once, sorted by file name (the order decides ties)."""
    out = []
    for path in sorted(DATA.glob("*.txt")):
        out.append(parse_family(path.read_text(encoding="utf-8"), path.name))
    return tuple(out)
