"""Which word classes an English word form can belong to (data/word_classes.tsv, built from
lemminflect's tables by scripts/build_word_classes.py), read on first use. The sorted lines are
searched by bisection over the file's text rather than loaded into a dict: a one-file run stays
fast."""
from __future__ import annotations

import os
from functools import lru_cache

from .data import DATA

TABLE = "word_classes.tsv"
FINITE, BASE, PARTICIPLE, NOUN, ADJECTIVE, ADVERB = "f", "b", "p", "n", "a", "r"
PAST_PARTICIPLE = "d"  # read by past_participle(); classes() leaves it out


@lru_cache(maxsize=None)
def _table() -> tuple[str, int]:
    """The table's text and where its lines start (after the header comments). Split into a list
    of its 35,000 lines, it took 2.4 MB and 4 ms of a one-file run."""
    with open(os.path.join(DATA, TABLE), encoding="utf-8") as fh:
        text = fh.read()
    body = 0
    while text.startswith("#", body):
        body = text.index("\n", body) + 1
    return text, body


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    key = word.lower().replace("’", "'") + "\t"
    text, body = _table()
    lo, hi = body, len(text)
    while lo < hi:   # lo, hi: starts of lines; every line before lo is < key, none from hi on
        mid = (lo + hi) // 2
        start = max(text.rfind("\n", body, mid) + 1, body)
        end = text.find("\n", mid)
        end = len(text) if end < 0 else end
        if text[start:end] < key:
            lo = end + 1
        else:
            hi = start
    if text.startswith(key, lo):
        end = text.find("\n", lo)
        return text[lo + len(key):len(text) if end < 0 else end]
    return ""


@lru_cache(maxsize=65536)
def classes(word: str) -> str:
    """The class letters of `word` (lowercased: f, b, p, n, a, r); '' for a word the table does
    not know."""
    return _letters(word).replace(PAST_PARTICIPLE, "")


def past_participle(word: str) -> bool:
    """The table lists `word` as a verb's past participle ('planned', 'built', 'taken')."""
    return PAST_PARTICIPLE in _letters(word)
