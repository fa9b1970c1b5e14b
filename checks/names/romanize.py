"""Romanization rules: what the standard spelling of a name would be.

Japanese through Russian or Kunrei-shiki to Hepburn, Russian-route Ukrainian names (a table of
first names and places, and the letter swaps of surnames), older Chinese romanizations (a table),
and the shapes of Japanese and pinyin words. Each rule only says what a standard spelling would
be; the checks decide whether the evidence (origin, frequency, the corpus) is strong enough.
Data: data/ru_uk.tsv and data/old_romanization.tsv (spelling, standard spelling, kind, example,
counter-example)."""
from __future__ import annotations

import itertools
import os
import re
from functools import lru_cache

# Imported here, not in the functions that run once per pair of names (an import statement there
# costs a microsecond per call); neither imports this module at its top.
from .origins import origins as _known_origins
from .schemes import keys
from auditor import compiled
from auditor.datafiles import beside, read_text
from auditor.records import record

DATA = beside(__file__, "data")

# A Japanese name is a string of morae: optional (geminate) consonant cluster, a vowel; or a
# moraic n. The inventory covers Hepburn, Kunrei-shiki and the Russian (Polivanov) route.
_MORA = (r"(?:kk|ss|tt|pp|tch|ssh)?"
         r"(?:ky|gy|sy|zy|ty|dy|ny|hy|by|py|my|ry|kh|sh|ch|ts|dz|[kgsztdnhbpmrjfwyv])?[aiueo]"
         r"|n(?![aiueoy])")
_JAPANESE = compiled.regex(rf"(?:{_MORA}){{2,16}}")
#: Shortest and longest word the shape tests judge: three letters fit any syllable system, and
#: anything longer than thirty letters is no single name.
SHAPE_MIN, SHAPE_MAX = 4, 30
# Non-Hepburn syllables and their Hepburn form, longest first.
_TO_HEPBURN = {"dzy": "j", "dzi": "ji", "dz": "z", "zy": "j", "zi": "ji", "sy": "sh", "si": "shi",
               "ty": "ch", "ti": "chi", "tu": "tsu", "hu": "fu", "kh": "h", "va": "wa"}
_NON_HEPBURN = compiled.regex("|".join(sorted(_TO_HEPBURN, key=len, reverse=True)))


@lru_cache(maxsize=20_000)  # asked once per occurrence of a name: cached per word
def looks_japanese(word: str) -> bool:
    """True when the word is made of Japanese morae only ("Sidzuoka", "Kishida", not "Putin")."""
    w = word.lower()
    return SHAPE_MIN <= len(w) <= SHAPE_MAX and w.isascii() and _JAPANESE.fullmatch(w) is not None


@lru_cache(maxsize=20_000)  # asked once per occurrence of a name: cached per word
def to_hepburn(word: str) -> str:
    """Hepburn spelling of a Russian-route or Kunrei-shiki Japanese name; the word if unchanged."""
    low = _NON_HEPBURN.sub(lambda m: _TO_HEPBURN[m.group()], word.lower())
    # "chi" after a geminate t is "tchi" in Hepburn; "sh" after s is "ssh": already right.
    if low == word.lower():
        return word
    return low[:1].upper() + low[1:]


@record(frozen=True)
class Entry:
    """One row of a romanization table: a spelling, its standard form, and a text on which the
    rule must fire (example) and one on which it must not (counter-example)."""

    spelling: str
    standard: str
    kind: str  # 'first' (a first name), 'place'
    example: str
    counter_example: str


TABLES = ("ru_uk.tsv", "old_romanization.tsv", "first_names_via_russian.tsv")


@lru_cache(maxsize=None)
def table(name: str) -> tuple[Entry, ...]:
    """The rows of one data file."""
    rows = []
    for line in read_text(os.path.join(DATA, name)).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(Entry(*line.split("\t")))
    return tuple(rows)


@lru_cache(maxsize=1)
def first_names_via_russian() -> dict[str, tuple[str, str]]:
    """{Russian form of a first name: (the form English uses for a person of the origin, origin)}."""
    return {e.spelling: (e.standard, e.kind) for e in table("first_names_via_russian.tsv")}


@lru_cache(maxsize=1)
def russian_to_ukrainian() -> dict[str, tuple[str, str]]:
    """{Russian-route spelling: (Ukrainian spelling, kind)} where kind is 'first' or 'place'."""
    return {e.spelling: (e.standard, e.kind) for e in table("ru_uk.tsv")}


@lru_cache(maxsize=1)
def old_chinese_to_pinyin() -> dict[str, str]:
    """{Wade-Giles or postal spelling: pinyin}."""
    return {e.spelling: e.standard for e in table("old_romanization.tsv")}


def first_name_pair(a: str, b: str) -> bool:
    """Whether the two spellings are a Russian-route first name and its Ukrainian form (Olga /
    Olha): a rule for Ukrainian people only, never for Boris Johnson."""
    ru = russian_to_ukrainian()
    return any(ru.get(x, ("", ""))[1] == "first" and ru[x][0] == y for x, y in ((a, b), (b, a)))


def standard_spelling(a: str, b: str, origins=()) -> str | None:
    """Which of two spellings of one name a rule makes the standard one (Kisida/Kishida ->
    Kishida, Irina/Iryna -> Iryna, Yuukaku/Yukaku for a Japanese name), or None when no rule
    relates them. `origins` are the origins the text is about: their schemes count too."""
    ru, old = russian_to_ukrainian(), old_chinese_to_pinyin()
    for x, y in ((a, b), (b, a)):
        if ru.get(x, ("",))[0] == y or old.get(x) == y:
            return y
    if origins:
        return scheme_standard(a, b, origins)
    return None


_UK_SWAPS = (("g", "h"), ("yu", "iu"), ("ya", "ia"), ("ye", "ie"), ("i", "y"), ("y", "i"))
#: Letters whose Russian-route spelling differs from the Ukrainian one (g for h, yu, ya): a
#: surname with none of them reads the same both ways.
_RUSSIAN_MARKERS = ("g", "yu", "ya")
#: At most this many swap sites and swaps at once: the candidates grow combinatorially and a
#: surname rarely differs in more places.
MAX_SWAP_SITES, MAX_SWAPS = 8, 4
#: Most Ukrainian candidates tried for one surname (the swaps above stay far below it in practice).
MAX_CANDIDATES = 64
#: Shortest surname given Ukrainian candidates: in shorter ones a swap makes another name.
MIN_SURNAME = 5


@lru_cache(maxsize=20_000)  # asked once per occurrence of a name: cached per word
def russian_markers(word: str) -> int:
    """How many letters of the word (after the first) a Russian-route transliteration would
    spell differently from the Ukrainian national one."""
    body = word[1:].lower()
    return sum(body.count(m) for m in _RUSSIAN_MARKERS)


def ukrainian_spellings(word: str, limit: int = MAX_CANDIDATES) -> set[str]:
    """Ukrainian transliterations a Russian-route surname may stand for ("Dovganyuk" ->
    "Dovhaniuk", ...): every combination of g->h, yu->iu, ya->ia, ye->ie, i<->y, first letter kept."""
    head, body = word[:1], word[1:]
    if not body or len(word) < MIN_SURNAME:
        return set()
    sites = []
    for src, dst in _UK_SWAPS:
        for m in re.finditer(re.escape(src), body):
            sites.append((m.start(), m.end(), dst))
    sites = sites[:MAX_SWAP_SITES]
    out = set()
    for n in range(1, min(len(sites), MAX_SWAPS) + 1):
        for combo in itertools.combinations(sites, n):
            spans = sorted(combo)
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
                continue  # overlapping swaps
            s, pos = [], 0
            for a, b, dst in spans:
                s.append(body[pos:a])
                s.append(dst)
                pos = b
            s.append(body[pos:])
            out.add(head + "".join(s))
            if len(out) >= limit:
                return out
    out.discard(word)
    return out


def _pinyin_syllables() -> frozenset[str]:
    groups = {
        "j q x": "i ia ie iao iu ian in iang ing iong u ue uan un",
        "g k h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
        "zh ch sh r z c s": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
        "b p m f": "a o ai ei ao ou an en ang eng i ie iao ian in ing u iu",
        "d t n l": "a e i ai ei ao ou an en ang eng ong u uo ui uan un ia ie iao iu ian in ing iang v",
        "y": "a e i ao ou an in ang ing ong u ue uan un",
        "w": "a o ai ei an en ang eng u",
        "": "a o e ai ei ao ou an en ang eng er",
    }
    return frozenset(i + f for inits, finals in groups.items()
                     for i in (inits.split() or [""]) for f in finals.split())


_PINYIN = _pinyin_syllables()


@lru_cache(maxsize=50_000)
def is_pinyin(word: str) -> bool:
    """True when the word (hyphens and apostrophes aside) is a string of pinyin syllables."""
    w = re.sub(r"[-'’ ]", "", word.lower())
    reach = {0}
    for i in range(len(w)):
        if i in reach:
            reach.update(i + n for n in range(1, 7) if w[i:i + n] in _PINYIN)
    return len(w) in reach and len(w) > 0


@lru_cache(maxsize=50_000)
def looks_pinyin(word: str) -> bool:
    """True when the word splits into two or more pinyin syllables ("Xining", "Shaanxi"): in
    pinyin a one-letter change usually makes another real name, so such pairs are not variants."""
    w = word.lower()
    if not (SHAPE_MIN <= len(w) <= SHAPE_MAX and w.isascii() and w.isalpha()):
        return False
    reach = {0: 0}  # end offset -> fewest syllables to get there
    for i in range(len(w)):
        if i not in reach:
            continue
        for n in range(1, 7):
            if w[i:i + n] in _PINYIN and i + n <= len(w):
                reach[i + n] = min(reach.get(i + n, 99), reach[i] + 1)
    return reach.get(len(w), 0) >= 2  # one syllable is any short word


# --- the schemes of data/schemes/ ---------------------------------------------------------------

#: A spelling at least this frequent in English (Zipf) is established: no scheme converts it
#: (Wagner is not the German spelling of a Russian Vagner).
ESTABLISHED_SPELLING = 2.0


def fitting_origins(word: str, origins) -> tuple[str, ...]:
    """The origins among `origins` whose names have the word's letters."""
    table = _known_origins()
    return tuple(o for o in sorted(origins) if o in table and table[o].fits(word))


def scheme_standards(word: str, origins, strict: bool = True) -> list[tuple[str, object]]:
    """(standard spelling, scheme) for the schemes of the given origins whose letters the word
    has. `strict`: only schemes that always change the word (a spelling the scheme could also
    leave as it is, like Inoue under the long-vowel scheme, is no evidence of a direction)."""
    return list(_scheme_standards(word, tuple(sorted(origins)), strict))


@lru_cache(maxsize=50_000)  # asked for every pair of spellings a check weighs: cached per word
def _scheme_standards(word: str, origins: tuple[str, ...], strict: bool) -> tuple[tuple[str, object], ...]:
    from .frequency import zipf
    from .schemes import changes, schemes_of

    out = []
    if zipf(word) >= ESTABLISHED_SPELLING:
        return ()  # an established spelling (Wagner, Pusan): never converted
    for o in fitting_origins(word, origins):
        for s in schemes_of(o):
            forms = s.convert(word)
            if strict and not all(changes(word, f) for f in forms):
                continue
            out.extend((f, s) for f in sorted(forms) if changes(word, f))
    return tuple(out)


def same_name(a: str, b: str, origins) -> bool:
    """Whether two spellings are one name of one of the origins: a key in common (Ryukou /
    Ryuko, Natalia / Nataliya) for an origin whose letters both have."""
    for o in fitting_origins(a, origins):
        if fitting_origins(b, (o,)) and keys(a, o) & keys(b, o):
            return True
    return False


def scheme_standard(a: str, b: str, origins, strict: bool = True) -> str | None:
    """The one of two spellings that a scheme of the origins makes the standard of the other
    (`strict`: see `scheme_standards`; a scheme that may also leave the word as it is, like the
    French Kadhafi -> Gaddafi or Kadhafi, still makes the two one name)."""
    key = tuple(sorted(origins))
    for x, y in ((a, b), (b, a)):
        if y in _standard_forms(x, key, strict):
            return y
    return None


@lru_cache(maxsize=50_000)
def _standard_forms(word: str, origins: tuple[str, ...], strict: bool = True) -> frozenset[str]:
    """The spellings of `scheme_standards(word, origins)`, as a set: a word may have dozens."""
    return frozenset(f for f, _ in _scheme_standards(word, origins, strict))
