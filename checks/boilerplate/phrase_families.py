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

The files in `data/` hold the English wording of each family and define it (its headers). The
same families in other languages are one file per language, `data/languages/<code>.txt`:

  language   the language's code (es, zh, ...) and, after it, its name ("es Spanish")
  cues       words of the language's widgets, one of which a document must hold for the file's
             patterns to be tried (a cheap prefilter: an English article compiles none of them);
             with `script: unspaced` (Chinese, Japanese) a cue is looked for inside the lines
  section    the family the entries below it belong to (its `family:` name)

A new language is one such file; a new family is one file in `data/` (and a section in the
language files that know its wording). Every example of a language file must hold a cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .layout import Layout, Line, words

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = DATA / "languages"
#: Longer lines are never widget text, and no pattern is tried on them (they may be megabytes).
MAX_LINE_CHARS = 1200
#: What a family matches when its file does not say (real sentences are longer).
DEFAULT_MAX_WORDS = 30
POSITIONS = ("any", "lead", "edges", "tail")
#: Characters that may stand beside a residue without being text of their own.
_RESIDUE_SEPARATORS = " \t\xa0|·•:;,-–—»›>→"

_HEADERS = ("family", "code", "what", "about", "max_words", "position", "case")
_LANGUAGE_HEADERS = ("language", "cues", "script")
_HEADER = re.compile(rf"^({'|'.join(_HEADERS + _LANGUAGE_HEADERS)})\s*:\s*(.*)$")
_ENTRY = re.compile(r"^(pattern|example|counterexample|section)\s*:\s?(.*)$")
_RESIDUE_GROUP = "(?P<residue>"


@dataclass
class Pattern:
    source: str
    example: str
    counterexample: str
    where: str             # "data/comments.txt:12", the line of the pattern
    flags: int = re.I
    language: str = "en"

    @cached_property
    def regex(self) -> re.Pattern:
        """Compiled on first use: a line reaches the single patterns only after the family's
        combined pattern matched it, so a one-file run compiles few of them."""
        return re.compile(self.source, self.flags)


@dataclass
class Language:
    """The widget wording of one language (`data/languages/<code>.txt`)."""

    code: str
    name: str
    cues: frozenset[str]
    unspaced: bool
    path: str

    def cued(self, doc_words: frozenset[str], short_text: str) -> bool:
        """Whether a document may hold widget text of the language: one of its cues is a word of
        it (or, in an unspaced script, occurs in its short lines)."""
        if self.unspaced:
            return any(c in short_text for c in self.cues)
        return not self.cues.isdisjoint(doc_words)


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
    #: language code -> the family's patterns in that language (data/languages/)
    foreign: dict[str, list[Pattern]] = field(default_factory=dict)

    def _combined_for(self, language: str) -> tuple[re.Pattern | None, re.Pattern | None]:
        if language == "en":
            return self.anchored, self.floating
        cache = self.__dict__.setdefault("_foreign_combined", {})
        if language not in cache:
            pats = self.foreign.get(language, [])
            flags = pats[0].flags if pats else re.I
            cache[language] = (_combined([p.source for p in pats if p.source.startswith("^")], flags),
                               _combined([p.source for p in pats if not p.source.startswith("^")], flags))
        return cache[language]

    def match(self, text: str, languages: tuple[str, ...] = ()) -> tuple[Pattern, re.Match] | None:
        """The first pattern of the family (English, then the given languages) that matches the
        line, and its match; or None."""
        for language in ("en", *languages):
            if language != "en" and language not in self.foreign:
                continue
            anchored, floating = self._combined_for(language)
            if not ((anchored is not None and anchored.match(text))
                    or (floating is not None and floating.search(text))):
                continue
            for p in (self.patterns if language == "en" else self.foreign[language]):
                m = p.regex.search(text)
                if m:
                    return p, m
        return None

    def claims(self, text: str, n_words: int | None = None,
               languages: tuple[str, ...] = ()) -> tuple[Pattern, re.Match] | None:
        """The match of the family on a line as the checks try it, wherever the line stands:
        not too long, no more than `max_words` words, no-break spaces read as spaces."""
        if len(text) > MAX_LINE_CHARS:
            return None
        if (len(words(text)) if n_words is None else n_words) > self.max_words:
            return None
        return self.match(text.replace("\xa0", " "), languages)


def _combined(sources: list[str], flags: int) -> re.Pattern | None:
    if not sources:
        return None
    # A named group may occur once in a regex: the combined one needs none.
    return re.compile("|".join(f"(?:{src.replace(_RESIDUE_GROUP, '(?:')})" for src in sources), flags)


def _entries(text: str, path: str, allowed: tuple[str, ...]):
    """(headers, entries) of a data file; each entry a dict with pattern, example,
    counterexample, where and the section it stands in."""
    headers: dict[str, str] = {}
    entries: list[dict[str, str]] = []
    section = ""

    def complete(entry: dict[str, str], where: str) -> None:
        for key in ("example", "counterexample"):
            if key not in entry:
                raise ValueError(f"{where}: pattern {entry['pattern']!r} has no {key}")

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _HEADER.match(line)
        if m and not entries and not section and m.group(1) in allowed:
            headers[m.group(1)] = m.group(2).strip()
            continue
        m = _ENTRY.match(line)
        if not m or (m.group(1) == "section" and "section" not in allowed):
            raise ValueError(f"{path}:{n}: expected a header, 'pattern:', 'example:' or "
                             f"'counterexample:', got {line!r}")
        key, value = m.group(1), m.group(2)
        if key == "section":
            if entries:
                complete(entries[-1], f"{path}:{n}")
            section = value.strip()
        elif key == "pattern":
            if entries:
                complete(entries[-1], f"{path}:{n}")
            if "section" in allowed and not section:
                raise ValueError(f"{path}:{n}: a pattern before the first 'section:'")
            entries.append({"pattern": value.strip(), "where": f"{path}:{n}", "section": section})
        elif not entries or entries[-1]["section"] != section:
            raise ValueError(f"{path}:{n}: {key} without a pattern")
        elif key in entries[-1]:
            raise ValueError(f"{path}:{n}: a second {key} for pattern {entries[-1]['pattern']!r}")
        else:
            entries[-1][key] = value
    if entries:
        complete(entries[-1], path)
    return headers, entries


def parse_family(text: str, path: str) -> Family:
    """The family of one data file; ValueError naming the line when the file is malformed."""
    headers, entries = _entries(text, path, _HEADERS)
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


def parse_language(text: str, path: str, fams: dict[str, Family]) -> Language:
    """Add the patterns of one language file to the families it names; its Language.
    ValueError naming the line when the file is malformed or names an unknown family."""
    headers, entries = _entries(text, path, _LANGUAGE_HEADERS + ("section",))
    if "language" not in headers or "cues" not in headers:
        raise ValueError(f"{path}: missing 'language:' or 'cues:' header")
    code, _, name = headers["language"].partition(" ")
    cues = frozenset(c.strip().lower() for c in headers["cues"].split(",") if c.strip())
    lang = Language(code, name.strip() or code, cues, headers.get("script", "") == "unspaced", path)
    for e in entries:
        fam = fams.get(e["section"])
        if fam is None:
            raise ValueError(f"{e['where']}: section {e['section']!r} is not a family of data/*.txt")
        flags = fam.patterns[0].flags if fam.patterns else re.I
        fam.foreign.setdefault(code, []).append(
            Pattern(e["pattern"], e["example"], e["counterexample"], e["where"], flags, code))
    return lang


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Family, ...], tuple[Language, ...]]:
    fams = tuple(parse_family(path.read_text(encoding="utf-8"), f"data/{path.name}")
                 for path in sorted(DATA.glob("*.txt")))
    by_name = {f.name: f for f in fams}
    langs = tuple(parse_language(path.read_text(encoding="utf-8"), f"data/languages/{path.name}", by_name)
                  for path in sorted(LANGUAGES.glob("*.txt")))
    return fams, langs


def families() -> tuple[Family, ...]:
    """All phrase families, loaded once, sorted by file name, with their foreign patterns."""
    return _load()[0]


def languages() -> tuple[Language, ...]:
    """The languages of data/languages/, sorted by file name."""
    return _load()[1]


@lru_cache(maxsize=1)
def by_precedence() -> tuple[Family, ...]:
    """The families in the order they are tried on a line: attributions last (a line that is
    also widget text is reported as such), then by code and file name."""
    return tuple(sorted(families(), key=lambda f: (f.code == "BP104", f.code, f.path)))


def cued_languages(lay: Layout) -> tuple[str, ...]:
    """The languages whose widget wording a document may hold (their cues occur in it)."""
    short = [ln for ln in lay.lines if len(ln.text) <= MAX_LINE_CHARS]
    doc_words = frozenset(w.lower() for ln in short for w in ln.words)
    short_text = ""
    out = []
    for lang in languages():
        if lang.unspaced and not short_text:
            short_text = "\n".join(ln.text for ln in short).lower()
        if lang.cued(doc_words, short_text):
            out.append(lang.code)
    return tuple(out)


# --- a family on a line of a document --------------------------------------------------------

def _in_position(position: str, i: int, lay: Layout, tail_start: int) -> bool:
    if position == "tail":
        return i >= tail_start
    if position == "lead":
        return 0 < i < lay.first_body
    if position == "edges":
        return 0 < i < lay.first_body or i >= tail_start
    return True


def match_line(fams, ln: Line, lay: Layout, tail_start: int, languages: tuple[str, ...] = ()):
    """(family, pattern, match) of the first family that claims the line where it stands, or None.
    The headline is never widget text."""
    if ln.index == 0:
        return None
    for fam in fams:
        if not _in_position(fam.position, ln.index, lay, tail_start):
            continue
        hit = fam.claims(ln.text, ln.n_words, languages)
        if hit is not None:
            return (fam, *hit)
    return None


def tail_start(fams, lay: Layout, languages: tuple[str, ...] = ()) -> int:
    """Index where the tail run starts: from there on every line is short, or is widget text
    (a bio, a call to action, a sign-up box) by some phrase family, evidence on each line."""
    start = len(lay.lines)
    for ln in reversed(lay.lines[1:]):
        if ln.prose and match_line(fams, ln, lay, ln.index, languages) is None:
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
    """The example and the counter-example of every pattern of the families `code` reports, in
    every language. The example must be claimed by the family through its own pattern (and, in
    a language file, hold one of the language's cues); no pattern of the family in that language
    may match the counter-example, whatever its length."""
    from auditor.examples import DataExample

    out = []
    langs = {lang.code: lang for lang in languages()}
    for fam in families():
        if fam.code != code:
            continue
        pats = list(fam.patterns) + [p for code_ in sorted(fam.foreign) for p in fam.foreign[code_]]
        for p in pats:
            source = f"boilerplate/{p.where}"
            out.append(DataExample(source, p.example, True, _ExampleTest(fam, p, langs.get(p.language))))
            out.append(DataExample(source, p.counterexample, False, _CounterTest(fam, p.language)))
    return out


@dataclass(frozen=True)
class _ExampleTest:
    family: Family
    pattern: Pattern
    language: Language | None = None

    def __call__(self, text: str) -> bool:
        if self.language is not None:
            lowered = text.lower()
            if not self.language.cued(frozenset(w.lower() for w in words(text)), lowered):
                return False
        langs = () if self.pattern.language == "en" else (self.pattern.language,)
        return (self.family.claims(text, None, langs) is not None
                and self.pattern.regex.search(text.replace("\xa0", " ")) is not None)


@dataclass(frozen=True)
class _CounterTest:
    family: Family
    language: str = "en"

    def __call__(self, text: str) -> bool:
        langs = () if self.language == "en" else (self.language,)
        return self.family.match(text.replace("\xa0", " "), langs) is not None
