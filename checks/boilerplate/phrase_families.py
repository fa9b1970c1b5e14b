"""Phrase families: the wording of widgets, credits, notices and attributions, read from the data
files in `data/` (one family a file), and how a family applies to a line of a document.

A data file is a few `key: value` headers, then entries. An entry is a `pattern:` line followed by
an `example:` line (a line the pattern matches, as the check uses it) and a `counterexample:` line
(a realistic line of article prose that has the widget's words and that no pattern of the family
may match); the tests try both (`data_examples()` of the checks), and the parser rejects an entry
without them. Patterns are Python regexes matched case-insensitively against one whole line
(anchor them with ^ and $ as needed); they must not nest quantifiers over overlapping classes, and
repetitions are bounded.

Headers:
  family     name of the family ("comment form"), listed by `auditor explain`
  code       the BP code that reports the family (BP101 widget, BP102 credit, BP103 notice,
             BP104 attribution, BP203 section label)
  what       what a matched line is, as the message says it ("a comment-form prompt")
  about      one line for `auditor explain`
  max_words  longer lines are never matched (real sentences are long, widget text is short)
  position   any | lead (between headline and body) | edges (lead or tail) | tail (the run of
             short or widget lines that ends the text)
  case       insensitive (default) | sensitive: then [A-Z] means a capital; use (?i:...) for words

A pattern may name the residue in a group `(?P<residue>...)`: when the rest of the line is text of
its own ("Jump To DetailsBest Thumb-Style Trackball"), the finding and its fix cover only that part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .layout import Layout, Line, words

DATA = Path(__file__).resolve().parent / "data"
#: Longer lines are never widget text, and no pattern is tried on them (they may be megabytes).
MAX_LINE_CHARS = 1200
#: What a family matches when its file does not say (real sentences are longer).
DEFAULT_MAX_WORDS = 30
POSITIONS = ("any", "lead", "edges", "tail")
#: Characters that may stand beside a residue without being text of their own.
_RESIDUE_SEPARATORS = " \t\xa0|·•:;,-–—»›>→"

_HEADERS = ("family", "code", "what", "about", "max_words", "position", "case")
_HEADER = re.compile(rf"^({'|'.join(_HEADERS)})\s*:\s*(.*)$")
_ENTRY = re.compile(r"^(pattern|example|counterexample)\s*:\s?(.*)$")
_RESIDUE_GROUP = "(?P<residue>"


@dataclass
class Pattern:
    source: str
    example: str
    counterexample: str
    where: str             # "data/comments.txt:12", the line of the pattern
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
    what: str
    about: str
    path: str
    max_words: int = DEFAULT_MAX_WORDS
    position: str = "any"
    patterns: list[Pattern] = field(default_factory=list)
    anchored: re.Pattern | None = None     # all ^-patterns: tried at the line start only
    floating: re.Pattern | None = None     # the others: searched along the line

    def match(self, text: str) -> tuple[Pattern, re.Match] | None:
        """The first pattern of the family that matches the line, and its match; or None."""
        if not ((self.anchored is not None and self.anchored.match(text))
                or (self.floating is not None and self.floating.search(text))):
            return None
        for p in self.patterns:
            m = p.regex.search(text)
            if m:
                return p, m
        return None

    def claims(self, text: str, n_words: int | None = None) -> tuple[Pattern, re.Match] | None:
        """The match of the family on a line as the checks try it, wherever the line stands:
        not too long, no more than `max_words` words, no-break spaces read as spaces."""
        if len(text) > MAX_LINE_CHARS:
            return None
        if (len(words(text)) if n_words is None else n_words) > self.max_words:
            return None
        return self.match(text.replace("\xa0", " "))


def _combined(sources: list[str], flags: int) -> re.Pattern | None:
    if not sources:
        return None
    # A named group may occur once in a regex: the combined one needs none.
    return re.compile("|".join(f"(?:{src.replace(_RESIDUE_GROUP, '(?:')})" for src in sources), flags)


def parse_family(text: str, path: str) -> Family:
    """The family of one data file; ValueError naming the line when the file is malformed."""
    headers: dict[str, str] = {}
    entries: list[dict[str, str]] = []

    def complete(entry: dict[str, str], where: str) -> None:
        for key in ("example", "counterexample"):
            if key not in entry:
                raise ValueError(f"{where}: pattern {entry['pattern']!r} has no {key}")

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _HEADER.match(line)
        if m and not entries:
            headers[m.group(1)] = m.group(2).strip()
            continue
        m = _ENTRY.match(line)
        if not m:
            raise ValueError(f"{path}:{n}: expected a header, 'pattern:', 'example:' or "
                             f"'counterexample:', got {line!r}")
        key, value = m.group(1), m.group(2)
        if key == "pattern":
            if entries:
                complete(entries[-1], f"{path}:{n}")
            entries.append({"pattern": value.strip(), "where": f"{path}:{n}"})
        elif not entries:
            raise ValueError(f"{path}:{n}: {key} without a pattern")
        elif key in entries[-1]:
            raise ValueError(f"{path}:{n}: a second {key} for pattern {entries[-1]['pattern']!r}")
        else:
            entries[-1][key] = value
    if entries:
        complete(entries[-1], path)
    for key in ("family", "code", "what"):
        if key not in headers:
            raise ValueError(f"{path}: missing '{key}:' header")
    position = headers.get("position", "any")
    if position not in POSITIONS:
        raise ValueError(f"{path}: position {position!r} is not one of {', '.join(POSITIONS)}")
    fam = Family(headers["family"], headers["code"], headers["what"], headers.get("about", ""), path,
                 int(headers.get("max_words", DEFAULT_MAX_WORDS)), position)
    flags = 0 if headers.get("case", "insensitive") == "sensitive" else re.I
    for e in entries:
        fam.patterns.append(Pattern(e["pattern"], e["example"], e["counterexample"], e["where"], flags))
    fam.anchored = _combined([p.source for p in fam.patterns if p.source.startswith("^")], flags)
    fam.floating = _combined([p.source for p in fam.patterns if not p.source.startswith("^")], flags)
    return fam


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """All phrase families, loaded once, sorted by file name."""
    return tuple(parse_family(path.read_text(encoding="utf-8"), f"data/{path.name}")
                 for path in sorted(DATA.glob("*.txt")))


@lru_cache(maxsize=1)
def by_precedence() -> tuple[Family, ...]:
    """The families in the order they are tried on a line: attributions last (a line that is
    also widget text is reported as such), then by code and file name."""
    return tuple(sorted(families(), key=lambda f: (f.code == "BP104", f.code, f.path)))


# --- a family on a line of a document --------------------------------------------------------

def _in_position(position: str, i: int, lay: Layout, tail_start: int) -> bool:
    if position == "tail":
        return i >= tail_start
    if position == "lead":
        return 0 < i < lay.first_body
    if position == "edges":
        return 0 < i < lay.first_body or i >= tail_start
    return True


def match_line(fams, ln: Line, lay: Layout, tail_start: int):
    """(family, pattern, match) of the first family that claims the line where it stands, or None.
    The headline is never widget text."""
    if ln.index == 0:
        return None
    for fam in fams:
        if not _in_position(fam.position, ln.index, lay, tail_start):
            continue
        hit = fam.claims(ln.text, ln.n_words)
        if hit is not None:
            return (fam, *hit)
    return None


def tail_start(fams, lay: Layout) -> int:
    """Index where the tail run starts: from there on every line is short, or is widget text
    (a bio, a call to action, a sign-up box) by some phrase family, evidence on each line."""
    start = len(lay.lines)
    for ln in reversed(lay.lines[1:]):
        if ln.prose and match_line(fams, ln, lay, ln.index) is None:
            break
        start = ln.index
    return start


def residue(m: re.Match, text: str) -> tuple[int, int] | None:
    """The span of the line that is residue when the pattern names it and the rest of the line
    is text of its own; None when the whole line is residue."""
    if "residue" not in m.re.groupindex or m.group("residue") is None:
        return None
    a, b = m.span("residue")
    if not (text[:a] + text[b:]).strip(_RESIDUE_SEPARATORS):
        return None
    return a, b


# --- examples of the data --------------------------------------------------------------------

def data_examples(code: str) -> list:
    """The example and the counter-example of every pattern of the families `code` reports.
    The example must be claimed by the family through its own pattern; no pattern of the family
    may match the counter-example, whatever its length."""
    from auditor.examples import DataExample

    out = []
    for fam in families():
        if fam.code != code:
            continue
        for p in fam.patterns:
            source = f"boilerplate/{p.where}"
            out.append(DataExample(source, p.example, True, _ExampleTest(fam, p)))
            out.append(DataExample(source, p.counterexample, False, _CounterTest(fam)))
    return out


@dataclass(frozen=True)
class _ExampleTest:
    family: Family
    pattern: Pattern

    def __call__(self, text: str) -> bool:
        return (self.family.claims(text) is not None
                and self.pattern.regex.search(text.replace("\xa0", " ")) is not None)


@dataclass(frozen=True)
class _CounterTest:
    family: Family

    def __call__(self, text: str) -> bool:
        return self.family.match(text.replace("\xa0", " ")) is not None
