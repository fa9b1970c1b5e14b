"""TR402: a doubled word ("rooms rooms") or a doubled comma ("seasonings,, and")."""
from __future__ import annotations

import re

from auditor.api import SAFE, Check, Edit, Finding
from auditor.text import clip

# A lowercase word repeated right after itself, up to 20 repeats (bounded: linear on any input).
_DOUBLED = re.compile(r"(?<![\w’'-])([a-z]{1,30})((?:[ \u00a0]{1,3}\1){1,20})(?![\w’'-])")
_DOUBLE_COMMA = re.compile(r"(?<=[^\W\d_]),[ \u00a0]?,(?=[ \u00a0][^\W\d_])")
# Grammatical ("was taken in in the church", "had had enough") or emphatic ("a really really long
# day") doublings: never reported.
DOUBLING_ALLOWED = frozenset("had that is bye so in very etc really many much far long more no yes ha".split())
#: The doubled-comma finding starts this many characters before the commas, so that the word
#: before them shows.
COMMA_CONTEXT_CHARS = 15


class DoubledWord(Check):
    """The same lowercase word twice or more in a row ("rooms rooms"): a decoding loop or a
    stutter of the translation engine. Doublings that can be grammatical or emphatic ('had
    had', 'that that', 'is is', 'in in', 'very very', 'many many', …) are left alone. The fix
    keeps one copy and is safe. Two commas in a row ("seasonings,, and") mark a word lost
    between them; they are reported without a fix, since the word is not known."""

    code = "TR402"
    family = "translation"
    summary = "Doubled word"
    severity = "warning"

    def check(self, doc):
        for m in _DOUBLED.finditer(doc.text):
            word = m.group(1)
            if word in DOUBLING_ALLOWED:
                continue
            count = 1 + len(m.group(2).split())
            yield Finding(m.start(), m.end(),
                          f"'{clip(m.group())}' repeats '{word}' {count} times in a row: a stutter "
                          "of the translation",
                          edits=(Edit(m.start(), m.end(), word),), applicability=SAFE)
        for m in _DOUBLE_COMMA.finditer(doc.text):
            yield Finding(max(0, m.start() - COMMA_CONTEXT_CHARS), m.end(),
                          "two commas in a row: a word between them was lost in translation")
