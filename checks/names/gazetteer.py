"""Place names and the English name each spelling stands for: data/gazetteer.tsv, built from
GeoNames (CC BY 4.0) by scripts/build_gazetteer.py.

The file is sorted by the lowercase spelling, so a word is looked up by bisection over the
file's bytes, read around each probe (`os.pread`), never parsed whole: a one-file run that looks
up a few dozen names pays for those lookups only (reading the 1.9 MB file whole was 1.9 MB of its
peak memory).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from auditor import compiled
from auditor.datafiles import beside, read_text
from auditor.records import record

DATA = beside(__file__, "data", "gazetteer.tsv")


@record(frozen=True)
class Place:
    spelling: str  # as the gazetteer writes it
    english: str  # the English name (the spelling itself when it is one)
    country: str  # ISO 3166 code
    population: int = 0  # thousands (given on the English name's line only)

    @property
    def alternate(self) -> bool:
        """Whether the spelling is another name of the place than its English one."""
        return self.spelling != self.english


#: Bytes read on each side of a probe: a few of the file's lines (the longest is under 100 bytes);
#: a longer line is read with a window doubled until it fits.
_WINDOW = 256


@lru_cache(maxsize=1)
def _data() -> tuple[int, int, int]:
    """(descriptor, where the lines start after the header comment, size) of the file, open for
    the process."""
    fd = os.open(DATA, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    size = os.fstat(fd).st_size
    body = 0
    while body < size and os.pread(fd, 1, body) == b"#":  # the header comment
        body = _line_at(fd, body, 0, size)[1] + 1
    return fd, body, size


def _line_at(fd: int, pos: int, body: int, size: int) -> tuple[int, int, bytes]:
    """(start, end, bytes) of the line holding byte `pos` (the newline at `end` excluded)."""
    window = _WINDOW
    while True:
        lo = max(body, pos - window)
        chunk = os.pread(fd, min(size, pos + window) - lo, lo)
        before = chunk.rfind(b"\n", 0, pos - lo)
        after = chunk.find(b"\n", pos - lo)
        if (before >= 0 or lo == body) and (after >= 0 or lo + len(chunk) >= size):
            start = lo + before + 1 if before >= 0 else body
            end = lo + after if after >= 0 else size
            return start, end, chunk[start - lo:end - lo]
        window *= 2


def body_lines() -> list[str]:
    """Every line of the file after its header comment (the file read whole, for a task that
    goes through all of them)."""
    with open(DATA, "rb") as fh:
        return fh.read()[_data()[1]:].decode("utf-8").splitlines()


@lru_cache(maxsize=50_000)
def lookup(word: str) -> Place | None:
    """The gazetteer's entry for a spelling (case-sensitive match among the lines of the same
    lowercase spelling), or None."""
    fd, body, size = _data()
    key = word.lower()
    lo, hi = body, size
    level = 0
    while lo < hi:  # find the first line whose key is >= key
        mid = (lo + hi) // 2
        start, end, line_key = _probe(fd, mid, body, size, level)
        level += 1
        if line_key < key:
            lo = end + 1
        else:
            hi = start
    pos = lo
    while pos < size:
        _, end, line = _line_at(fd, pos, body, size)
        fields = line.decode("utf-8").split("\t")
        if fields[0].lower() != key:
            return None
        if fields[0] == word and len(fields) >= 3:
            return Place(fields[0], fields[1] or fields[0], fields[2], int(fields[3]) if len(fields) > 3 else 0)
        pos = end + 1
    return None


#: Levels of the bisection whose probes are kept (at most 2 ** KEPT_LEVELS - 1 lines, about
#: 100 KB): every lookup starts with the same probes of the file, each a read (a system call)
#: and a decoded line, while those of the later levels differ from word to word. Ten levels are
#: half of a lookup's reads.
KEPT_LEVELS = 10
_kept: dict[int, tuple[int, int, str]] = {}  # probe offset -> (start, end, lowercase key) of its line


def _probe(fd: int, pos: int, body: int, size: int, level: int) -> tuple[int, int, str]:
    """(start, end, lowercase spelling) of the line holding byte `pos`: a probe of `lookup`'s
    bisection at the given level, kept when the level is among the first KEPT_LEVELS."""
    found = _kept.get(pos)
    if found is None:
        start, end, line = _line_at(fd, pos, body, size)
        found = start, end, line.split(b"\t", 1)[0].decode("utf-8").lower()
        if level < KEPT_LEVELS:
            _kept[pos] = found
    return found


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


REGIONS = beside(__file__, "data", "regions.tsv")
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
    regions with that key, of the PIVOT_COUNTRIES only (no other country is looked up: keying the
    whole gazetteer's cities took 0.11 s of every run that looked one up, these 0.06 s): built
    once, the first time a pivot spelling is looked up."""
    index: dict[tuple[str, str], set[str]] = {}
    for line in body_lines():
        fields = line.split("\t")
        if (len(fields) >= 4 and not fields[1] and fields[2] in PIVOT_COUNTRIES
                and int(fields[3]) >= MIN_PIVOT_POPULATION):
            index.setdefault((pivot_key(fields[0]), fields[2]), set()).add(fields[0])
    for line in read_text(REGIONS).splitlines():
        if line and not line.startswith("#"):
            name, country = line.split("\t")
            if country in PIVOT_COUNTRIES:
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
