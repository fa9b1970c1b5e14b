"""Names left in a case form of their language: data/cases/<language>.txt, one language a file.

Machine translation from a language that declines names (Polish, Czech, Russian, Finnish...)
sometimes copies the inflected form into English: "supporters of Lecha Wałęsy" for Lech Wałęsa.
A file gives the language's given names in the nominative and the endings its cases put in place
of the nominative's (a>y: Katarzyna -> Katarzyny; "">em: Andrzej -> Andrzejem); a given name
is recognised by the list, a surname or a place only when its nominative is used too (in the
article or the files audited with it). Which languages apply comes from the countries the text
names (data/countries.tsv) and the origins it is about. A new language is a new file; a file
may serve several codes of one language (language: hr sr bs), and name the list of its word
frequencies when that is none of them (frequencies: sh, wordfreq's one list for the three).
A language whose women's surnames take a feminine ending (Ivanov, Ivanova) names its men's given
names (masculine) and the endings a surname then cannot have in the nominative
(after-masculine-endings: ov>ova: "Yuri Prochelova" is Prochelov in a case form).
"""
from __future__ import annotations

import os
from functools import lru_cache

from auditor.datafiles import beside, listed, read_text
from auditor.records import record

CASES = beside(__file__, "data", "cases")
_KEYS = ("language", "first", "first-endings", "surname-endings", "after-given-endings", "after-name-endings",
         "frequencies", "masculine", "after-masculine-endings")
#: Shortest stem an ending is taken off: in shorter words the ending is half the name.
MIN_STEM = 3


@record(frozen=True)
class Language:
    code: str
    file: str
    first: frozenset[str]
    first_endings: tuple[tuple[str, str], ...]  # (nominative ending, case ending), longest case first
    surname_endings: tuple[tuple[str, str], ...]
    after_given_endings: tuple[tuple[str, str, str], ...]  # a surname right after a declined given name
    examples: tuple[tuple[str, str, str, int], ...]  # (text, inflected word, nominative, line)
    counters: tuple[tuple[str, int], ...]  # (text, line)
    after_name_endings: tuple[tuple[str, str], ...] = ()  # more surname endings, after a nominative given name
    codes: tuple[str, ...] = ()  # every ISO 639 code the file serves, `code` first
    frequencies: str = ""  # the code of the language's word frequencies (wordfreq's list), `code` when ""
    masculine: frozenset[str] = frozenset()  # the given names of `first` that are men's
    after_masculine_endings: tuple[tuple[str, str], ...] = ()  # a surname's case form a man's name shows

    @property
    def name(self) -> str:
        """The language's name in a message, from its file: polish.txt is Polish,
        croatian_serbian_bosnian.txt is Croatian/Serbian/Bosnian."""
        return "/".join(p.capitalize() for p in self.file.removesuffix(".txt").split("_"))


def _endings(value: str) -> tuple[tuple[str, str], ...]:
    pairs = [tuple(p.split(">", 1)) for p in value.split()]
    return tuple(sorted(pairs, key=lambda p: (-len(p[1]), p)))


def _case_endings(value: str) -> tuple[tuple[str, str, str], ...]:
    """(given name's case ending, surname's nominative ending, its ending in that case)."""
    out = []
    for p in value.split():
        given, _, pair = p.partition("/")
        nominative, _, case = pair.partition(">")
        out.append((given, nominative, case))
    return tuple(sorted(out, key=lambda p: (-len(p[2]), p)))


def parse(text: str, file: str) -> Language:
    fields: dict[str, str] = {}
    examples, counters = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "example" and len(parts) == 4:
            examples.append((parts[1], parts[2], parts[3], n))
            continue
        if parts[0] == "counter" and len(parts) == 2:
            counters.append((parts[1], n))
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in _KEYS:
            raise ValueError(f"{file}:{n}: expected one of {', '.join(_KEYS)}, 'example' or 'counter'")
        fields[key.strip()] = value.strip()
    codes = tuple(fields["language"].split())
    return Language(codes[0], file, frozenset(fields.get("first", "").split()),
                    _endings(fields.get("first-endings", "")), _endings(fields.get("surname-endings", "")),
                    _case_endings(fields.get("after-given-endings", "")), tuple(examples), tuple(counters),
                    _endings(fields.get("after-name-endings", "")), codes, fields.get("frequencies", codes[0]),
                    frozenset(fields.get("masculine", "").split()),
                    _endings(fields.get("after-masculine-endings", "")))


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language file, by each ISO 639 code it serves (read once, when first asked)."""
    out = {}
    for path in listed(CASES, ".txt"):
        lang = parse(read_text(path), os.path.basename(path))
        for code in lang.codes:
            if code in out:
                raise ValueError(f"{os.path.basename(path)}: language {code} is also {out[code].file}'s")
            out[code] = lang
    return out


def _bases(word: str, endings) -> list[str]:
    out = []
    for nominative, case in endings:
        if word.endswith(case) and len(word) - len(case) >= MIN_STEM:
            base = word[:len(word) - len(case)] + nominative
            if base != word:
                out.append(base)
    return out


def nominative(word: str, lang: Language, names) -> tuple[str, str] | None:
    """(nominative, 'first' or 'name') when `word` is a case form of a given name of the language
    (Lecha -> Lech), or of a name among `names` (the text's and corpus's other names: Wałęsy ->
    Wałęsa); None for a nominative given name or anything else."""
    if word in lang.first:
        return None
    found = _first_nominative(word, lang.code)
    if found is not None:
        return found
    for base in surname_bases(word, lang):
        if base in names:
            return base, "name"
    return None


@lru_cache(maxsize=50_000)
def _first_nominative(word: str, code: str) -> tuple[str, str] | None:
    lang = languages()[code]
    for nominative_, case in lang.first_endings:
        if word.endswith(case) and len(word) - len(case) >= MIN_STEM:
            base = word[:len(word) - len(case)] + nominative_
            if base != word and base in lang.first:
                return base, "first:" + case
    return None


def surname_bases(word: str, lang: Language) -> tuple[str, ...]:
    """The nominatives a word may be a case form of, by the language's surname endings."""
    return _surname_bases(word, lang.code)


@lru_cache(maxsize=50_000)
def _surname_bases(word: str, code: str) -> tuple[str, ...]:
    lang = languages()[code]
    if word in lang.first:
        return ()
    return tuple(_bases(word, lang.surname_endings))


def after_name_bases(word: str, lang: Language) -> tuple[str, ...]:
    """The nominatives a surname after a given name in the nominative (or a preposition) may be
    a case form of: the surname endings and the endings only that position shows (Kowalczyka)."""
    if word in lang.first:
        return ()
    return tuple(dict.fromkeys(_bases(word, lang.surname_endings + lang.after_name_endings)))


def after_masculine(word: str, given: str, lang: Language) -> str | None:
    """The nominative of a surname that follows a man's given name in the nominative with an
    ending only a woman's surname or a case form has (Yuri Prochelova, Sergei Lavrova -> Lavrov):
    a man's surname does not take the feminine form, so it is the genitive or accusative."""
    if given not in lang.masculine or word in lang.first:
        return None
    for nominative_, case in lang.after_masculine_endings:
        if word.endswith(case) and len(word) - len(case) >= MIN_STEM:
            return word[:len(word) - len(case)] + nominative_
    return None


def after_given(word: str, given_case: str, lang: Language) -> str | None:
    """The nominative of a surname that follows a given name in a case form (Donalda Tuska ->
    Tusk), `given_case` being the ending the given name has in that case ("a" of Donalda)."""
    if word in lang.first:
        return None
    for given, nominative, case in lang.after_given_endings:
        if given == given_case and word.endswith(case) and len(word) - len(case) >= MIN_STEM:
            base = word[:len(word) - len(case)] + nominative
            if base != word:
                return base
    return None
