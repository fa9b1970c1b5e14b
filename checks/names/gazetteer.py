"""Place names and the English name each spelling stands for: data/gazetteer.tsv, built from
GeoNames (CC BY 4.0) by scripts/build_gazetteer.py.

The file is sorted by the lowercase spelling, so a word is looked up by bisection over the
file's bytes (read once, never parsed whole): a one-file run that looks up a few dozen names
pays for those lookups only.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from functools import lru_cache
from pathlib import Path

from auditor import compiled

DATA = Path(__file__).resolve().parent / "data" / "gazetteer.tsv"


@dataclass(frozen=True)
class Place:
    spelling: str  # as the gazetteer writes it
    english: str  # the English name (the spelling itself when it is one)
    country: str  # ISO 3166 code
    population: int = 0  # thousands (given on the English name's line only)

    @property
    def alternate(self) -> bool:
        """Whether the spelling is another name of the place than its English one."""
        return self.spelling != self.english


@lru_cache(maxsize=1)
def _data() -> tuple[bytes, int]:
    raw = DATA.read_bytes()
    body = 0
    while raw.startswith(b"#", body):  # the header comment
        body = raw.index(b"\n", body) + 1
    return raw, body


def _line_at(raw: bytes, pos: int, body: int) -> tuple[int, int]:
    """(start, end) of the line holding byte `pos`."""
    start = raw.rfind(b"\n", body, pos) + 1 if pos > body else body
    start = max(start, body)
    end = raw.find(b"\n", pos)
    return start, (len(raw) if end < 0 else end)


@lru_cache(maxsize=50_000)
def lookup(word: str) -> Place | None:
    """The gazetteer's entry for a spelling (case-sensitive match among the lines of the same
    lowercase spelling), or None."""
    raw, body = _data()
    key = word.lower()
    lo, hi = body, len(raw)
    while lo < hi:  # find the first line whose key is >= key
        mid = (lo + hi) // 2
        start, end = _line_at(raw, mid, body)
        line_key = raw[start:end].split(b"\t", 1)[0].decode("utf-8").lower()
        if line_key < key:
            lo = end + 1
        else:
            hi = start
    pos = lo
    while pos < len(raw):
        end = raw.find(b"\n", pos)
        end = len(raw) if end < 0 else end
        fields = raw[pos:end].decode("utf-8").split("\t")
        if fields[0].lower() != key:
            return None
        if fields[0] == word and len(fields) >= 3:
            return Place(fields[0], fields[1] or fields[0], fields[2], int(fields[3]) if len(fields) > 3 else 0)
        pos = end + 1
    return None


def population(place: Place) -> int:
    """The population (thousands) of the place a spelling names, from its English name's line."""
    if not place.alternate:
        return place.population
    english = lookup(place.english)
    return english.population if english is not None and english.country == place.country else 0


def english_name(word: str) -> str | None:
    """The English name of the place a spelling stands for, when it is another spelling."""
    place = lookup(word)
    return place.english if place is not None and place.alternate else None


def same_place(a: str, b: str) -> bool:
    """Whether two spellings name one place of the gazetteer (Rubezhnoye / Rubizhne)."""
    pa, pb = lookup(a), lookup(b)
    return pa is not None and pb is not None and pa.english == pb.english and pa.country == pb.country


REGIONS = Path(__file__).resolve().parent / "data" / "regions.tsv"
#: The countries whose place names reached English through Russian for most of the twentieth
#: century (the former Soviet states, ISO codes): the only ones the Russian pivot is undone for.
PIVOT_COUNTRIES = frozenset("AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ".split())
#: Fewest letters of a pivot key: shorter keys (Gor, Osh) match too many names.
MIN_PIVOT_KEY = 4
#: Fewest people (thousands) of a city matched through the pivot: the gazetteer's smaller towns
#: share keys with too many rare words. Regions (data/regions.tsv) have no population: they count.
MIN_PIVOT_POPULATION = 50
# How Russian writes the sounds of Georgian, Armenian, Azerbaijani and Central Asian names, and
# what it does to their endings: дж (dzh) for j, ж (zh) for j, х (kh) for h, е (ye) for e at the
# start, -iya for the -ia or -i of a region (Abkhaziya, Kakhetiya), the Georgian final -i dropped
# from a city (Batum, Kutais, Sukhum). The key undoes them on both sides.
_PIVOT_LETTERS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ye", "e"), ("y", "i"), ("'", ""),
                  ("’", ""), ("-", ""), (" ", ""))
_PIVOT_ENDING = compiled.regex(r"(?:iia|ia|ii|i)$")


def pivot_key(word: str) -> str:
    """A spelling with the marks of the Russian pivot undone and its ending dropped: Adzhariya,
    Ajaria and Adjaria give one key, Batum and Batumi another."""
    from .variants import unaccent

    # uncached: the pivot index keys every place of the gazetteer once, which would only crowd the
    # names of the articles out of unaccent's cache
    k = unaccent.__wrapped__(word).lower()
    for old, new in _PIVOT_LETTERS:
        k = k.replace(old, new)
    return _PIVOT_ENDING.sub("", k)


@lru_cache(maxsize=1)
def _pivot_index() -> dict[tuple[str, str], tuple[str, ...]]:
    """(pivot key, country) -> the English names of cities (of MIN_PIVOT_POPULATION or more) and
    regions with that key: built once, the first time a pivot spelling is looked up."""
    index: dict[tuple[str, str], set[str]] = {}
    raw, body = _data()
    for line in raw[body:].decode("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 4 and not fields[1] and int(fields[3]) >= MIN_PIVOT_POPULATION:
            index.setdefault((pivot_key(fields[0]), fields[2]), set()).add(fields[0])
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, country = line.split("\t")
            index.setdefault((pivot_key(name), country), set()).add(name)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def pivot_place(word: str, countries) -> str | None:
    """The English name of a city or region of one of `countries` that `word` spells through the
    Russian pivot (Batum -> Batumi, Abkhaziya -> Abkhazia), when exactly one name fits."""
    key = pivot_key(word)
    if len(key) < MIN_PIVOT_KEY:
        return None
    found = {n for c in countries if c in PIVOT_COUNTRIES for n in _pivot_index().get((key, c), ())}
    found.discard(word)
    return found.pop() if len(found) == 1 else None
