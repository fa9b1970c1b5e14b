"""Words as the single-text translation checks see them: one word pattern, one normal form, and
the quotation marks that open a quotation."""
from __future__ import annotations

import re

# A word: letters with inner apostrophes or hyphens; bounded so a 1 MB token costs one linear scan.
WORD = re.compile(r"[^\W\d_][^\W_]{0,60}(?:[’'-][^\W\d_]{1,30}){0,4}")

#: Marks that open a quotation (a straight double quote opens one as well as it closes one).
OPEN_QUOTES = "“«„\""


def words(text: str) -> list[re.Match]:
    """The words of `text`, as matches (their offsets locate them in `text`)."""
    return list(WORD.finditer(text))


def norm(word: str) -> str:
    """Lowercase, with a typographic apostrophe made straight: the form word lists are written in."""
    return word.lower().replace("’", "'")
