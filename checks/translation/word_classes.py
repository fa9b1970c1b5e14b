"""Which word classes an English word form can belong to (data/word_classes.tsv, built from
lemminflect's tables by scripts/build_word_classes.py), read on first use."""
from __future__ import annotations

from functools import lru_cache

from .data import DATA

TABLE = "word_classes.tsv"
FINITE, PARTICIPLE, NOUN, ADJECTIVE, ADVERB = "f", "p", "n", "a", "r"


@lru_cache(maxsize=None)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(DATA / TABLE, encoding="utf-8") as fh:
        for line in fh:
            if line[:1] != "#":
                word, _, classes = line.rstrip("\n").partition("\t")
                out[word] = classes
    return out


def classes(word: str) -> str:
    """The class letters of `word` (lowercased); '' for a word the table does not know."""
    return _table().get(word.lower().replace("’", "'"), "")
