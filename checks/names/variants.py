"""When are two spellings one name? Edit distance and sound-alike keys, minus morphology, minus
two established names, minus two different people."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .frequency import zipf

# Endings that make a related word, not a variant: Russia/Russian, Japan/Japanese, Kuril/Kurils,
# Tursunov/Tursunova (a relative).
_MORPH_TAILS = frozenset("s es n an ans ian ians ese i is ic ish a ov ova ev eva er ers ern".split()) | {""}
_MORPH_PAIRS = frozenset({("e", "ian"), ("e", "ians"), ("e", "an"), ("e", "ans"), ("a", "an"),
                          ("a", "ans"), ("a", "ian"), ("o", "an"), ("y", "ies"), ("e", "es"),
                          ("ia", "ian"), ("y", "aya"), ("i", "a"), ("iy", "aya"), ("ii", "a")})
#: Two spellings both at least this frequent (Zipf) are two established names (Iran/Iraq,
#: Allen/Allan): a name that common is not misspelled into another one.
ESTABLISHED = 2.0
#: Shortest word compared at all: one edit in a three-letter word makes another word.
MIN_LENGTH = 4
#: Words this long may differ by one edit without sounding alike; shorter ones must sound alike.
LONG_WORD = 5
#: Most edits between two spellings of one word (a second edit only when they sound alike).
MAX_EDITS = 2
#: Whole names (runs of words) may differ by up to a third of their letters when they sound alike.
RUN_EDIT_SHARE = 3


def base(word: str) -> str:
    """The word without a plural -s, so that Kurils, Kuriles and Kurles compare as Kuril...
    (not in words of four letters or less: Mars, Laos)."""
    if len(word) > MIN_LENGTH and word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def metaphone(word: str) -> str:
    """The sound-alike key of a word (Metaphone): Hirokasu and Hirokazu share one."""
    import jellyfish

    return jellyfish.metaphone(word)


def morph_related(a: str, b: str) -> bool:
    """A word and its plural, adjective or relative's form (Russia/Russian, Tursunov/Tursunova),
    or an adjective and its adverb (Unseasonable/Unseasonably)."""
    a, b = a.lower(), b.lower()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    ta, tb = a[n:], b[n:]
    if ta in _MORPH_TAILS and tb in _MORPH_TAILS:
        return True
    if {ta, tb} == {"e", "y"} and a[:n].endswith("bl"):
        return True  # an adjective and its adverb: Unseasonable, Unseasonably
    return (ta, tb) in _MORPH_PAIRS or (tb, ta) in _MORPH_PAIRS


def distance(a: str, b: str) -> int:
    """Edits between two words, a transposition counting one (case ignored)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a.lower(), b.lower())


def is_variant(a: str, b: str, za: float | None = None, zb: float | None = None) -> bool:
    """One name spelled two ways: same first letter, close in edit distance or in sound.
    `za`, `zb` are the Zipf frequencies of the two (looked up when not given)."""
    if a == b or a[:1].lower() != b[:1].lower() or not (a.isascii() and b.isascii()):
        return False
    n = min(len(a), len(b))
    if n < MIN_LENGTH or a.lower() == b.lower() or morph_related(a, b):
        return False
    if _chinese_pair(a, b):
        return False
    d = distance(a, b)
    if d > MAX_EDITS:
        return False
    same_sound = metaphone(a) == metaphone(b)
    if not (d == 1 and (n >= LONG_WORD or same_sound) or d == 2 and n >= LONG_WORD and same_sound):
        return False
    za = zipf(a) if za is None else za
    zb = zipf(b) if zb is None else zb
    return not (za >= ESTABLISHED and zb >= ESTABLISHED)


def _chinese_pair(a: str, b: str) -> bool:
    """Xining / Xinming, Shanxi / Shaanxi: both pinyin (and not Japanese), so likely two names."""
    from .romanize import looks_japanese, looks_pinyin

    return all(looks_pinyin(x) and not looks_japanese(x) for x in (a, b))


def runs_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-word names that sound alike as wholes ("Aldograph Redley" / "Aldgra Fredly"),
    where no token is an established word that differs (Foreign Ministry / Foreign Minister)."""
    if len(a) != len(b) or a == b or a[0][:1] != b[0][:1]:
        return False
    if unaccent(" ".join(a)) == unaccent(" ".join(b)):
        return False  # Stålenhag / Stalenhag: an accent dropped, not a variant
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    for x, y in differing:
        if _chinese_pair(x, y) or morph_related(x, y) or zipf(x) >= ESTABLISHED or zipf(y) >= ESTABLISHED:
            return False
        if len(x) < MIN_LENGTH or len(y) < MIN_LENGTH:
            return False
    ja, jb = "".join(a), "".join(b)
    return metaphone(ja) == metaphone(jb) and distance(ja, jb) <= max(MAX_EDITS, len(ja) // RUN_EDIT_SHARE)


def distinct_people(na: set[str], nb: set[str]) -> bool:
    """Mylissa Fitzsimmons and Melissa Leo: both appear with other words of their names, and
    those words differ (and are not variants of each other either)."""
    if not na or not nb or na & nb:
        return False
    return not any(is_variant(x, y) for x in na for y in nb)


def unaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def deletion_keys(word: str) -> set[str]:
    """Blocking keys: a word and its one-letter deletions; two words one edit apart share one."""
    w = word.lower()
    return {w} | {w[:i] + w[i + 1:] for i in range(len(w))}
