"""Which countries a text is about: data/countries.tsv (built from GeoNames and pycountry by
scripts/build_countries.py) gives each country's English names, demonyms, capital and languages.

A country counts for a text when one of its names, demonyms or its capital occurs in it as a
capitalised name ("Kazakhstan", "Georgian", "Tehran", "South Korea"). The names family uses it to
judge a place's older spelling only in an article about that place's country, and to know which
languages the names of an article come from. Read once, when a check first asks.
"""
from __future__ import annotations

from functools import lru_cache

from auditor.datafiles import beside, read_text
from auditor.records import record

DATA = beside(__file__, "data", "countries.tsv")
#: Longest country cue in words ("Bosnia and Herzegovina" is not matched: its parts are).
MAX_CUE_WORDS = 3


@record(frozen=True)
class Country:
    iso: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    languages: tuple[str, ...]  # ISO 639 codes, the main one first


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    out = {}
    for line in read_text(DATA).splitlines():
        if not line or line.startswith("#"):
            continue
        iso, names, demonyms, capital, languages = (line.split("\t") + [""] * 5)[:5]
        out[iso] = Country(iso, tuple(n for n in names.split("|") if n), tuple(d for d in demonyms.split("|") if d),
                           capital, tuple(x for x in languages.split(",") if x))
    return out


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for c in countries().values():
        for cue in (*c.names, *c.demonyms, c.capital):
            if cue and len(cue.split()) <= MAX_CUE_WORDS:
                index.setdefault(cue, set()).add(c.iso)
    return {k: frozenset(v) for k, v in index.items()}


def countries_in(names) -> frozenset[str]:
    """The ISO codes of the countries that the given capitalised names and runs of names
    ("Kazakh", "South Korea") name."""
    cues = _cues()
    named = cues.keys() & names if isinstance(names, (set, frozenset)) else [n for n in names if n in cues]
    return frozenset().union(*map(cues.__getitem__, named))


def doc_countries(doc) -> frozenset[str]:
    """The countries a document is about (its country names, demonyms and capitals)."""
    def compute(d):
        from .extract import distinct_words, doc_names

        names = doc_names(d)
        words = set(distinct_words(d))
        text = d.text
        for run in names.runs:
            toks = run.tokens
            for i in range(len(toks)):
                for j in range(i + 2, min(len(toks), i + MAX_CUE_WORDS) + 1):
                    words.add(text[toks[i].start:toks[j - 1].end])
        return countries_in(words)

    return doc.memo("names.countries", compute)


def languages_of(isos) -> frozenset[str]:
    """The main languages (ISO 639) of the given countries."""
    table = countries()
    return frozenset(table[i].languages[0] for i in isos if i in table and table[i].languages)
