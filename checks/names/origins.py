"""Where a name comes from: the origins the names family knows, read from data/origins/*.txt.

Each origin file gives the words that say an article is about that origin (`cues`), the
countries whose places are of that origin (`countries`, ISO codes, for the gazetteer), the words
that say its older spellings are correct there (`exempt`: Taiwan for Wade-Giles), the shape of a
romanized name of that origin (`letters`, a regular expression matched whole on the lowercase
word) and the suffixes its place and institution names carry (`suffixes`). A new origin is a new
file: the schemes (data/schemes/) name the origin they apply to.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from auditor import compiled
from auditor.datafiles import beside, listed, read_text
from auditor.records import record

ORIGINS = beside(__file__, "data", "origins")
_KEYS = ("origin", "cues", "exempt", "letters", "suffixes", "share", "countries", "cases")
#: Fewest distinct rare names a text must have before the share of them with an origin's letters
#: says anything: three short names fit any syllable system by chance.
MIN_SHAPED_NAMES = 5


@record(frozen=True)
class Origin:
    name: str
    cues: frozenset[str]
    exempt: frozenset[str]
    letters: re.Pattern
    suffixes: tuple[str, ...]  # longest first
    share: float = 0.0  # a text whose rare names have this origin's letters this often is about it
    countries: frozenset[str] = frozenset()  # ISO codes of the countries whose places are of it
    cases: frozenset[tuple[str, str]] = frozenset()  # (nominative ending, case ending) pairs

    def fits(self, word: str) -> bool:
        """Whether the word has the letters of a romanized name of this origin."""
        return self.letters.fullmatch(word.lower()) is not None


def _parse(path: str) -> Origin:
    fields: dict[str, str] = {}
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in _KEYS:
            raise ValueError(f"{os.path.basename(path)}:{n}: expected one of {', '.join(_KEYS)}, got {line[:40]!r}")
        fields[key.strip()] = value.strip()
    return Origin(fields["origin"], frozenset(fields.get("cues", "").split()),
                  frozenset(fields.get("exempt", "").split()), compiled.regex(fields.get("letters") or r"(?!)"),
                  tuple(sorted(fields.get("suffixes", "").split(), key=len, reverse=True)),
                  float(fields.get("share") or 0), frozenset(fields.get("countries", "").split()),
                  frozenset(tuple(p.split(">", 1)) for p in fields.get("cases", "").split()))


@lru_cache(maxsize=1)
def origins() -> dict[str, Origin]:
    """Every origin, by name (read once, when a check first needs one)."""
    out = {}
    for path in listed(ORIGINS, ".txt"):
        o = _parse(path)
        out[o.name] = o
    return out


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for o in origins().values():
        for w in o.cues:
            index.setdefault(w, []).append(o.name)
    return {w: tuple(v) for w, v in index.items()}


@lru_cache(maxsize=1)
def _exempt_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for o in origins().values():
        for w in o.exempt:
            index.setdefault(w, []).append(o.name)
    return {w: tuple(v) for w, v in index.items()}


# A word as the cue lists write them (Xi'an, Kyiv): letters, with inner apostrophes.
_WORD = compiled.regex(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def origins_of_text(text: str, words=None, content_words=None) -> tuple[frozenset[str], frozenset[str]]:
    """(origins the text is about, origins whose older spellings the text may use correctly):
    an origin counts when one of its cue words occurs in the text as a word. `words`, when
    given, are the text's capitalised words (already found): only the lowercase cues (yen,
    prefecture) are then searched for; among the text's `content_words` (renditions.content_words),
    when given, for the cues of their shape."""
    cues, exempt = _cue_index(), _exempt_index()
    found, free = set(), set()
    if words is None:
        words = set(_WORD.findall(text))
    else:
        words = set(words)
        # a test of the word or of a substring first: cheap (a cue shaped like a content word
        # that the text has as a word of its own is among its content words)
        shaped = _content_shaped_cues() if content_words is not None else frozenset()
        low = [w for w in _lowercase_cue_words() if (w in content_words if w in shaped else w in text)]
        if low:
            words |= set(re.findall(r"\b(?:" + "|".join(map(re.escape, low)) + r")\b", text))
    for w in words:
        if w in cues:
            found.update(cues[w])
        if w in exempt:
            free.update(exempt[w])
    return frozenset(found), frozenset(free)


@lru_cache(maxsize=1)
def _lowercase_cue_words() -> tuple[str, ...]:
    return tuple(sorted(w for w in set(_cue_index()) | set(_exempt_index()) if not w[:1].isupper()))


@lru_cache(maxsize=1)
def _content_shaped_cues() -> frozenset[str]:
    """The lowercase cue words shaped like content words (prefecture, hryvnia; not yen)."""
    from .renditions import is_content_word

    return frozenset(filter(is_content_word, _lowercase_cue_words()))


@lru_cache(maxsize=1)
def all_suffixes() -> tuple[str, ...]:
    """Every origin's name suffixes, longest first."""
    return tuple(sorted({s for o in origins().values() for s in o.suffixes}, key=len, reverse=True))


def suffix_extension(a: str, b: str) -> bool | None:
    """For two words of which one extends the other (Kakigara / Kakigaracho; Brovary /
    Brovarsky with the final vowel replaced): True when the extension is a name suffix of some
    origin, False when it is anything else (Terry / Terryman), None when neither extends the
    other."""
    a, b = a.lower(), b.lower()
    if len(a) > len(b):
        a, b = b, a
    for stem in (a, a[:-1] if a[-1:] in "aeiouy" else None):
        if stem and len(stem) >= 3 and b.startswith(stem) and b != stem:
            rest = b[len(stem):].lstrip("-")
            if rest in all_suffixes():
                return True
    if b.startswith(a):
        return False
    return None


def origins_of_names(names, known=frozenset()) -> frozenset[str]:
    """The origins whose letters (at least `share` of) the distinct rare names have: an article
    full of Kakigara, Ryogae and Hatcho is about Japanese names even if it never says Japan.
    Origins in `known` (already found by cue words) are not tried again."""
    names = {n.lower() for n in names}
    if len(names) < MIN_SHAPED_NAMES:
        return frozenset()
    return frozenset(o.name for o in origins().values()
                     if o.share and o.name not in known and sum(o.fits(n) for n in names) >= o.share * len(names))


def doc_origins(doc) -> tuple[frozenset[str], frozenset[str]]:
    """(origins, exempt origins) of a document: its cue words and the letters of its rare
    names; computed once and shared by the checks."""
    def compute(d):
        from .extract import distinct_words, doc_names
        from .renditions import content_words
        from .frequency import zipf

        tokens = doc_names(d).tokens
        found, exempt = origins_of_text(d.text, distinct_words(d) | _apostrophe_words(d.text, tokens),
                                        content_words(d))
        if all(o.name in found for o in origins().values() if o.share):
            return found, exempt
        rare = {t.text for t in tokens if t.confident and zipf(t.text) < RARE_NAME_ZIPF}
        return found | origins_of_names(rare, found), exempt

    return doc.memo("names.origins", compute)


def _apostrophe_words(text: str, tokens) -> set[str]:
    """Capitalised words with an inner apostrophe (Xi'an), which the name tokens split."""
    out = set()
    for t in tokens:
        if text[t.end:t.end + 1] in "'’":
            m = _WORD.match(text, t.start)
            if m:
                out.add(m.group())
    return out


#: A name rarer than this (Zipf) counts for the share of an origin's letters: common names
#: (London, Monday) say nothing about the text's origin.
RARE_NAME_ZIPF = 3.0


def countries_of(origin_names) -> frozenset[str]:
    """The ISO codes of the countries of the given origins."""
    table = origins()
    return frozenset().union(*(table[o].countries for o in origin_names if o in table))


def case_form(a: str, b: str, origin_names) -> bool:
    """Whether one word is the other with a case ending of one of the origins' languages in
    place of its own ending (Bucha / Buchi, Mariupol / Mariupolya): an inflected form that a
    translation carried into English."""
    a, b = a.lower(), b.lower()
    if a[:MIN_CASE_STEM] != b[:MIN_CASE_STEM]:
        return False  # one is the other's stem (of MIN_CASE_STEM letters or more) plus an ending
    table = origins()
    for o in origin_names:
        for nominative, case in table[o].cases if o in table else ():
            for x, y in ((a, b), (b, a)):
                stem = x[:len(x) - len(nominative)] if nominative else x
                if x.endswith(nominative) and len(stem) >= MIN_CASE_STEM and y == stem + case:
                    return True
    return False


#: Shortest stem a case ending is recognised on: in shorter words the ending is half the name.
MIN_CASE_STEM = 3