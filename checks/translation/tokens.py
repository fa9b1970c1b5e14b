"""Words as the single-text translation checks see them: one word pattern, one normal form, and
the quotation marks that open a quotation."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor import compiled
from auditor.records import tuple_record

# A word: letters with inner apostrophes or hyphens; bounded so a 1 MB token costs one linear scan.
WORD = compiled.regex(r"[^\W\d_][^\W_]{0,60}(?:[’'-][^\W\d_]{1,30}){0,4}")

#: Marks that open a quotation (a straight double quote opens one as well as it closes one).
OPEN_QUOTES = "“«„\""


#: Sentences whose words are kept at once: every check of the family reads the same sentences of
#: the same document one after the other, so the last few thousand cover a document.
CACHED_TEXTS = 4096


@tuple_record
class Tokens:
    matches: tuple      # the word matches (offsets into the text)
    words: tuple        # the words as written
    lows: tuple         # their normal forms (`norm`)


def per_sentence(function):
    """`function` of a sentence's text (a pure one, whose result is immutable), its results kept
    for the last CACHED_TEXTS texts: documents repeat sentences (wire copy, a site's boilerplate,
    renditions of one story), which are then judged once."""
    return lru_cache(maxsize=CACHED_TEXTS)(function)


@lru_cache(maxsize=CACHED_TEXTS)
def tokenize(text: str) -> Tokens:
    """The words of `text`, computed once for all the checks that read it."""
    ms = tuple(WORD.finditer(text))
    ws = tuple(map(re.Match.group, ms))
    if not ws:
        return Tokens(ms, ws, ws)
    # the words lowercased at once, joined by a line break (which no word holds, and which keeps
    # a word's last letter from reading as mid-word to `lower`): a call a word was a third of
    # tokenizing a sentence
    return Tokens(ms, ws, tuple(norm("\n".join(ws)).split("\n")))


def words(text: str) -> tuple[re.Match, ...]:
    """The words of `text`, as matches (their offsets locate them in `text`)."""
    return tokenize(text).matches


def norm(word: str) -> str:
    """Lowercase, with a typographic apostrophe made straight: the form word lists are written in."""
    return word.lower().replace("’", "'")
