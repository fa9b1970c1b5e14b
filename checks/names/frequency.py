"""How well known a spelling is in English text: the frequency evidence of the names family.

wordfreq's English list (through `auditor.lexicon`) holds names as well as words, lowercased:
"Kuril", "Hirokazu", "Ishiba" have a frequency, "Kurles" and "Hirokasu" have none.
"""
from __future__ import annotations

import math
from functools import lru_cache

from auditor.lexicon import english_frequencies

#: Two spellings whose Zipf frequencies differ by less than this are equally known: half a Zipf
#: unit is a factor of about three in frequency, less than the noise between two spellings of
#: one rare name in the word list.
ZIPF_TIE = 0.5


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word (0 when unknown): log10 of occurrences per billion words."""
    f = english_frequencies().get(word.lower(), 0.0)
    return round(math.log10(f) + 9, 2) if f > 0 else 0.0


def more_common(a: str, za: float, b: str, zb: float) -> str | None:
    """The one of two spellings (with their Zipf frequencies) that is clearly the better known,
    or None when they are equally known."""
    if abs(za - zb) < ZIPF_TIE:
        return None
    return a if za > zb else b
