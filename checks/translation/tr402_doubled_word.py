"""TR402: a doubled word ("rooms rooms") or a doubled comma ("seasonings,, and")."""
from __future__ import annotations

import re
from itertools import islice

from auditor import compiled
from auditor.api import SAFE, Check, Edit, Finding
from auditor.text import clip

from .english import english_findings

# A lowercase word repeated right after itself, up to 20 repeats (bounded: linear on any input).
_DOUBLED = compiled.regex(r"(?<![\w’'-])([a-z]{1,30})((?:[ \u00a0]{1,3}\1){1,20})(?![\w’'-])")
# A capitalised word or a number (an ordinal too) repeated right after itself.
_DOUBLED_NAME = compiled.regex(r"(?<![\w’'-])([A-Z][a-z]{1,30})((?:[ \u00a0]{1,3}\1){1,20})(?![\w’'-])")
_DOUBLED_NUMBER = compiled.regex(r"(?<![\w.,’'-])(\d{2,4}(?:st|nd|rd|th)?)([ \u00a0]{1,3}\1)(?=[.,;:]?(?:\s|$))")
# The repeated word of each pattern above, alone.
_FIRST_GROUP = {_DOUBLED: compiled.regex(r"[a-z]{1,30}"), _DOUBLED_NAME: compiled.regex(r"[A-Z][a-z]{1,30}"),
                _DOUBLED_NUMBER: compiled.regex(r"\d{2,4}(?:st|nd|rd|th)?")}
_DOUBLE_COMMA_HINT = compiled.regex(r",[ \u00a0]?,")
_RUN = compiled.regex(r"[^\W_]+")
_DOUBLE_COMMA = compiled.regex(r"(?<=[^\W\d_]),[ \u00a0]?,(?=[ \u00a0][^\W\d_])")
# Grammatical ("was taken in in the church", "had had enough") or emphatic ("a really really long
# day") doublings: never reported.
DOUBLING_ALLOWED = frozenset("had that is bye so in very etc really many much far long more no yes ha win".split())
#: Names are doubled on purpose ("Bora Bora", "Li Li", "Bang Bang"): a capitalised word is
#: reported when it stands three times or more, or twice at the end of a phrase when it is a
#: common word (Zipf frequency at least this: "the Russian Federation Federation.") ...
MIN_COMMON_ZIPF = 4.0
#: ... and a number when it is repeated at the end of a phrase ("in 2016 2016."), which a table
#: row ("24 24" in a list of sizes) seldom is.
_PHRASE_END = ".,;:"
# Characters of code and commands ("doc_type = detect(content)", "sudo docker exec").
_CODE_MARKS = ("_", "=", "`", "{", "}", "sudo ", "#", "$ ")
#: The doubled-comma finding starts this many characters before the commas, so that the word
#: before them shows.
COMMA_CONTEXT_CHARS = 15


def _in_code(text: str, at: int) -> bool:
    """The line holds code or a command ('document = read(document)', 'docker exec ollama
    ollama pull'), where a name repeated is an identifier, not a stutter."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    line = text[a:b if b >= 0 else len(text)]
    return any(mark in line for mark in _CODE_MARKS)


def _any_shaped(pattern: re.Pattern, words) -> bool:
    """Whether one of `words` is a whole word that `pattern`'s first group can repeat."""
    first = _FIRST_GROUP[pattern]
    return any(first.fullmatch(w) for w in words)


def _common(word: str) -> bool:
    from auditor.lexicon import zipf_frequency
    return zipf_frequency(word.lower(), "en") >= MIN_COMMON_ZIPF


class DoubledWord(Check):
    """The same lowercase word twice or more in a row ("rooms rooms"): a decoding loop or a
    stutter of the translation engine. Doublings that can be grammatical or emphatic ('had
    had', 'that that', 'is is', 'in in', 'very very', 'many many', …) are left alone. A
    capitalised word counts when it stands three times or more ("Italy Italy Italy"), or twice
    at the end of a phrase when it is a common word ("the Russian Federation Federation."), since
    names are doubled on purpose ("Bora Bora"); a number counts when it is repeated at the end of
    a phrase ("in 2016 2016."). The fix keeps one copy and is safe. Two commas in a row ("seasonings,, and") mark a word lost
    between them; they are reported without a fix, since the word is not known."""

    code = "TR402"
    family = "translation"
    summary = "Doubled word"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        text = doc.text
        runs = _RUN.findall(text)
        if any(map(str.__eq__, runs, islice(runs, 1, None))):  # two equal words in a row somewhere
            yield from self._doubled(doc, {a for a, b in zip(runs, islice(runs, 1, None)) if a == b})
        if "," in text and _DOUBLE_COMMA_HINT.search(text):
            for m in _DOUBLE_COMMA.finditer(text):
                yield Finding(max(0, m.start() - COMMA_CONTEXT_CHARS), m.end(),
                              "two commas in a row: a word between them was lost in translation")

    def _doubled(self, doc, doubled: set[str]):
        """`doubled`: the words (runs of letters and digits) that stand twice in a row in the text.
        A word a pattern finds repeated is one of them, so a pattern is searched for (at every
        position of the text) only when one of them has the shape of its word."""
        for m in _DOUBLED.finditer(doc.text) if _any_shaped(_DOUBLED, doubled - DOUBLING_ALLOWED) else ():
            word = m.group(1)
            if word in DOUBLING_ALLOWED or _in_code(doc.text, m.start()):
                continue
            count = 1 + len(m.group(2).split())
            yield Finding(m.start(), m.end(),
                          f"'{clip(m.group())}' repeats '{word}' {count} times in a row: a stutter "
                          "of the translation",
                          edits=(Edit(m.start(), m.end(), word),), applicability=SAFE)
        for m in _DOUBLED_NAME.finditer(doc.text) if _any_shaped(_DOUBLED_NAME, doubled) else ():
            word, count = m.group(1), 1 + len(m.group(2).split())
            if count == 2 and not (doc.text[m.end():m.end() + 1] in _PHRASE_END and _common(word)):
                continue
            if word.lower() in DOUBLING_ALLOWED:
                continue
            yield Finding(m.start(), m.end(),
                          f"'{clip(m.group())}' repeats '{word}' {count} times in a row: a stutter "
                          "of the translation",
                          edits=(Edit(m.start(), m.end(), word),), applicability=SAFE)
        for m in _DOUBLED_NUMBER.finditer(doc.text) if _any_shaped(_DOUBLED_NUMBER, doubled) else ():
            if doc.text[m.end():m.end() + 1] not in _PHRASE_END:
                continue
            yield Finding(m.start(), m.end(),
                          f"'{clip(m.group())}' repeats '{m.group(1)}': a stutter of the translation",
                          edits=(Edit(m.start(), m.end(), m.group(1)),), applicability=SAFE)
