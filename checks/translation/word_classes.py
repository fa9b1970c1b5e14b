"""Which word classes an English word form can belong to (data/word_classes.tsv, built from
lemminflect's tables by scripts/build_word_classes.py), read on first use. The sorted lines are
searched by bisection rather than loaded into a dict: a one-file run stays fast."""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .data import DATA

TABLE = "word_classes.tsv"
FINITE, BASE, PARTICIPLE, NOUN, ADJECTIVE, ADVERB = "f", "b", "p", "n", "a", "r"
PAST_PARTICIPLE = "d"  # read by past_participle(); classes() leaves it out


@lru_cache(maxsize=None)
def _lines() -> list[str]:
    with open(DATA / TABLE, encoding="utf-8") as fh:
        return [line for line in fh.read().split("\n") if line and line[0] != "#"]


@lru_cache(maxsize=65536)
def _letters(word: str) -> str:
    key = word.lower().replace("’", "'") + "\t"
    lines = _lines()
    i = bisect_left(lines, key)
    if i < len(lines) and lines[i].startswith(key):
        return lines[i][len(key):]
    return ""


@lru_cache(maxsize=65536)
def classes(word: str) -> str:
    """The class letters of `word` (lowercased: f, b, p, n, a, r); '' for a word the table does
    not know."""
    return _letters(word).replace(PAST_PARTICIPLE, "")


def past_participle(word: str) -> bool:
    """The table lists `word` as a verb's past participle ('planned', 'built', 'taken')."""
    return PAST_PARTICIPLE in _letters(word)
