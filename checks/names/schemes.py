"""Romanization schemes as data: one scheme a file in data/schemes/, one engine for all.

A scheme says how a name spelled in one system (Wade-Giles, Kunrei-shiki, the German
transliteration of Russian, a French transliteration of Arabic ...) is spelled in the English
newsroom standard of its origin (Hanyu Pinyin, Hepburn, the national romanization of Ukraine, the
usual English form). A file holds:

    name: Wade-Giles            what the system is called in a message ("'Tse-tung' follows
                                Wade-Giles")
    origin: chinese             the origin (data/origins/<origin>.txt) whose names it applies to
    standard: Hanyu Pinyin      the system it converts to ("the Hanyu Pinyin spelling 'Zedong'")
    role: convert               convert (gives standard spellings) or key (only normalises names
                                for comparison: two spellings with one key are one name)
    unit: letters               letters (rewrite anywhere in the word), syllables (the word,
                                split at hyphens and apostrophes, must be a string of the table's
                                syllables; each is replaced and the parts are joined) or words
                                (the whole word is a `from`: a table of surnames)
    marks: a regular expression a word must contain to be spelled in this system at all (the
                                letters that give a pivot away: "sch|tsch|w" for German); none:
                                any word of the origin
    telltale: a regular expression of letters English news never prints (McCune-Reischauer's
                                breves: "[ŏŭ]"): a word that has them is reported even when its
                                usual spelling is not known
    result: pinyin              what a standard spelling must be made of: "pinyin" (a string of
                                Hanyu Pinyin syllables); none: anything the rules give
    source: where the table comes from, and its licence
    rule <TAB> from <TAB> to [<TAB> before <TAB> after]
                                `from` is replaced by `to` ("a|b" gives both spellings); the
                                optional `before`/`after` are regular expressions the text before
                                (ending there) and after (starting there) must match
                                ("^" word start, "$" word end, "[aeiou]" a vowel; a
                                `before` starting "(?<" is a lookbehind used as written)
    pass                        rules after this line apply to the result of the rules before
    example <TAB> spelling <TAB> standard    the scheme must turn the spelling into the standard
    keep <TAB> spelling [<TAB> context]      the check must leave this spelling alone (in an
                                article that says `context`, when given)

Rules of one pass apply in one sweep from left to right, the longest `from` first. Everything
is lowercase; the result takes the capital of the word it came from. Tables are read the first
time a check asks for them, once per process.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from itertools import product

from auditor import compiled
from auditor.datafiles import beside, listed, read_text
from auditor.records import field, record

SCHEMES = beside(__file__, "data", "schemes")
#: Most spellings one word may give under one scheme: each ambiguous letter doubles them, and a
#: name with more than six ambiguous places is not worth guessing.
MAX_CANDIDATES = 64
#: Longest syllable of any syllable table (Wade-Giles "hsiung", "ch'uang"): bounds the
#: segmentation's look-ahead.
MAX_SYLLABLE = 8
_HEADER = ("name", "origin", "standard", "role", "unit", "marks", "source", "result", "telltale")
_HYPHENS = compiled.regex(r"-+")
_APOSTROPHES = "'’ʼ‘`"


@record(frozen=True)
class Rule:
    source: str
    targets: tuple[str, ...]
    before: str = ""
    after: str = ""


@record
class Scheme:
    name: str
    origin: str
    standard: str
    role: str = "convert"
    unit: str = "letters"
    marks: str = ""
    source: str = ""
    file: str = ""
    result: str = ""
    telltale: str = ""
    passes: list[list[Rule]] = field(default_factory=lambda: [[]])
    examples: list[tuple[str, str, int]] = field(default_factory=list)  # (spelling, standard, line)
    keeps: list[tuple[str, str, int]] = field(default_factory=list)  # (spelling, context, line)

    @property
    def _marks(self) -> re.Pattern:
        """The `marks` expression, compiled once per process from the kept program."""
        try:
            return self.__dict__["_marks_cache"]
        except KeyError:
            pass
        pattern = self.__dict__["_marks_cache"] = compiled.regex(self.marks)
        return pattern

    # --- letters ------------------------------------------------------------------------------
    @property
    def _compiled(self) -> list[tuple[re.Pattern, list[Rule]]]:
        try:
            return self.__dict__["_compiled_cache"]
        except KeyError:
            pass
        out = []
        for rules in self.passes:
            if not rules:
                continue
            ordered = sorted(rules, key=lambda r: len(r.source), reverse=True)
            parts = [_lookbehind(r.before) for r in ordered]
            body = "|".join(
                f"(?P<r{i}>{part}{re.escape(r.source)}{f'(?={r.after})' if r.after else ''})"
                for i, (r, part) in enumerate(zip(ordered, parts)))
            out.append((compiled.regex(body), ordered))  # kept between runs (compiled.py), as the marks
        self.__dict__["_compiled_cache"] = out
        return out

    def _rewrite(self, word: str) -> set[str]:
        forms = {word}
        for pattern, rules in self._compiled:
            nxt = set()
            for w in forms:
                nxt.update(_apply(pattern, rules, w))
                if len(nxt) > MAX_CANDIDATES:
                    break
            forms = set(sorted(nxt)[:MAX_CANDIDATES])
        return forms

    # --- syllables ----------------------------------------------------------------------------
    @property
    def _table(self) -> dict[str, tuple[str, ...]]:
        try:
            return self.__dict__["_table_cache"]
        except KeyError:
            pass
        table: dict[str, tuple[str, ...]] = {}
        for rules in self.passes:
            for r in rules:
                table[r.source] = tuple(dict.fromkeys(table.get(r.source, ()) + r.targets))
        self.__dict__["_table_cache"] = table
        return table

    def _syllables(self, word: str) -> set[str]:
        """The word as a string of the table's syllables (its hyphenated parts joined, as pinyin
        writes a given name: Hsiao-p'ing -> Xiaoping), converted; empty when it is not one."""
        table = self._table
        per_chunk = []
        for chunk in _HYPHENS.split(word):
            if not chunk:
                continue
            ways = _segment(chunk, table)
            if not ways:
                return set()
            per_chunk.append(ways)
        out = set()
        for combo in product(*per_chunk):
            out.add("".join(combo))
            if len(out) >= MAX_CANDIDATES:
                break
        return out

    # --- the interface ------------------------------------------------------------------------
    def convert(self, word: str) -> set[str]:
        """The standard spellings the scheme gives for `word` (lowercase in, capitalised like the
        word out); empty when the word is not spelled in this scheme (a syllable table that
        cannot cover it)."""
        word = unicodedata.normalize("NFC", word)
        if self.marks and not self._marks.search(word.lower()):
            return set()
        per_word = []
        for w in word.split():
            low = w.lower()
            if self.unit == "words":
                forms = set(self._table.get(low, ()))
            else:
                forms = self._syllables(low) if self.unit == "syllables" else self._rewrite(low)
            if self.result == "pinyin":
                from .romanize import is_pinyin

                forms = {f for f in forms if is_pinyin(f)}
            per_word.append(sorted(_capitalised_like(w, f) for f in forms if f) or [w])
        out = set()
        for combo in product(*per_word):
            out.add(" ".join(combo))
            if len(out) >= MAX_CANDIDATES:
                break
        return out


def _lookbehind(before: str) -> str:
    """The `before` context as a lookbehind: "^" is the word start, "(?<..." is used as written,
    anything else (a character class, letters) must be what precedes."""
    if not before:
        return ""
    if before == "^":
        return "(?<!.)"
    if before.startswith("(?<"):
        return before
    return f"(?<={before})"


def _apply(pattern: re.Pattern, rules: list[Rule], word: str) -> set[str]:
    pieces: list[tuple[str, ...]] = []
    pos = 0
    for m in pattern.finditer(word):
        rule = rules[int(m.lastgroup[1:])]
        pieces.append((word[pos:m.start()],))
        pieces.append(rule.targets)
        pos = m.end()
    pieces.append((word[pos:],))
    out = set()
    for combo in product(*pieces):
        out.add("".join(combo))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _segment(chunk: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The ways to spell `chunk` as a string of the table's syllables, fewest syllables first
    (mao is one syllable, not ma-o), converted (at most MAX_CANDIDATES). An apostrophe that no
    syllable holds separates two syllables (Xi'an)."""
    n = len(chunk)
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)  # (syllables, spellings)
    best[0] = (0, [""])
    for i in range(n):
        if best[i] is None:
            continue
        count, ways = best[i]
        steps = [(j, table.get(chunk[i:j])) for j in range(i + 1, min(n, i + MAX_SYLLABLE) + 1)]
        if chunk[i] in _APOSTROPHES:
            steps.append((i + 1, ("",)))
        for j, targets in steps:
            if not targets:
                continue
            c = count + (1 if targets != ("",) else 0)
            cur = best[j]
            if cur is not None and cur[0] < c:
                continue
            spelled = [w + t for w in ways for t in targets][:MAX_CANDIDATES]
            if cur is None or cur[0] > c:
                best[j] = (c, spelled)
            else:
                best[j] = (c, list(dict.fromkeys(cur[1] + spelled))[:MAX_CANDIDATES])
    return best[n][1] if best[n] is not None else []


def _capitalised_like(word: str, form: str) -> str:
    if word[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def parse(text: str, file: str = "<scheme>") -> Scheme:
    """One scheme from the text of its file."""
    header: dict[str, str] = {}
    passes: list[list[Rule]] = [[]]
    examples, keeps = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.strip() == "pass":
            passes.append([])
            continue
        parts = line.split("\t")
        kind = parts[0].strip()
        if kind == "rule" and len(parts) >= 3:
            before = parts[3] if len(parts) > 3 else ""
            after = parts[4] if len(parts) > 4 else ""
            passes[-1].append(Rule(parts[1], tuple(parts[2].split("|")), before, after))
        elif kind == "example" and len(parts) == 3:
            examples.append((parts[1], parts[2], n))
        elif kind == "keep" and len(parts) in (2, 3):
            keeps.append((parts[1], parts[2] if len(parts) == 3 else "", n))
        else:
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in _HEADER:
                raise ValueError(f"{file}:{n}: expected a header ({', '.join(_HEADER)}), 'rule', 'pass', "
                                 f"'example' or 'keep', got {line[:50]!r}")
            header[key.strip()] = value.strip()
    for key in ("name", "origin", "standard"):
        if key not in header:
            raise ValueError(f"{file}: no '{key}:' line")
    return Scheme(header["name"], header["origin"], header["standard"], header.get("role", "convert"),
                  header.get("unit", "letters"), header.get("marks", ""), header.get("source", ""), file,
                  header.get("result", ""), header.get("telltale", ""), passes, examples, keeps)


@lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    """Every scheme of data/schemes/, in the order of their files (a run reads only the schemes
    of the origins its names have: `schemes_of`)."""
    return tuple(sorted((s for origin in _files_by_origin() for s in _schemes_of_origin(origin)),
                        key=lambda s: s.file))


@lru_cache(maxsize=None)
def schemes_of(origin: str, role: str = "convert") -> tuple[Scheme, ...]:
    return tuple(s for s in _schemes_of_origin(origin) if s.role == role)


def _parse_files(paths: list[str]) -> tuple[Scheme, ...]:
    return tuple(parse(read_text(p), os.path.basename(p)) for p in paths)


@lru_cache(maxsize=1)
def _files_by_origin() -> dict[str, tuple[str, ...]]:
    """{origin: the files of its schemes}, kept between runs (compiled.py) under the files' and
    this module's stamps: unpickling all 58 schemes, when a text's names have one or two
    origins, took 2.5 ms of a one-file run."""
    paths = listed(SCHEMES, ".txt")

    def index() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for scheme in _parse_files(paths):
            out.setdefault(scheme.origin, []).append(scheme.file)
        return {origin: tuple(files) for origin, files in out.items()}

    return compiled.derived_from_files("romanization scheme files by origin", [__file__, *paths], index)


@lru_cache(maxsize=None)
def _schemes_of_origin(origin: str) -> tuple[Scheme, ...]:
    """The schemes of one origin, parsed once and kept between runs as `schemes` was."""
    paths = [os.path.join(SCHEMES, name) for name in _files_by_origin().get(origin, ())]
    return compiled.derived_from_files(f"romanization schemes of {origin}", [__file__, *paths],
                                       lambda: _parse_files(paths))


@lru_cache(maxsize=100_000)
def keys(word: str, origin: str) -> frozenset[str]:
    """The comparison keys of a word as a name of `origin`: the word and its standard spellings
    under every scheme of the origin that always changes it, each normalised by the origin's key
    schemes. Two spellings
    with a key in common are one name (Ryukou / Ryuko, Pavliuk / Pavlyuk, Odnoklasnyky /
    Odnoklassniki)."""
    low = word.lower()
    forms = {low}
    for s in schemes_of(origin):
        converted = {f.lower() for f in s.convert(low)}
        if not converted & {low, _letters(low)}:  # a scheme that may leave the word alone links nothing
            forms.update(converted)
    for s in schemes_of(origin, "key"):
        forms = {k.lower() for f in forms for k in (s.convert(f) or {f})}
    return frozenset(forms)


def _letters(word: str) -> str:
    """The word without hyphens and apostrophes, lowercase: what a change must change."""
    return re.sub(r"[-'’ʼ‘`]", "", word.lower())


def changes(word: str, form: str) -> bool:
    """Whether `form` spells `word` differently: not only in case or hyphens (Jin-ping is how
    some write Jinping). An apostrophe after a consonant is a letter of the system (the
    aspiration mark of Wade-Giles and McCune-Reischauer: Ch'ang-ch'un is not Changchun); one
    between a syllable's end and a vowel only parts the syllables (pinyin's Yan'an is Yanan)."""
    return _inner(word) != _inner(form)


#: An apostrophe that parts two syllables: after a vowel or a final n, r or g, before a, e, o.
_SYLLABLE_APOSTROPHE = compiled.regex(r"(?<=[aeiouünrg])'(?=[aeo])")


def _inner(word: str) -> str:
    """The word lowercase without hyphens, its apostrophes made one (and dropped between syllables)."""
    return _SYLLABLE_APOSTROPHE.sub("", re.sub(r"[’ʼ‘`]", "'", word.lower().replace("-", "")))
