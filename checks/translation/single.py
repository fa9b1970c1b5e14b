"""Translation checks that need one text only."""
import re

from auditor.api import Check, Finding

_FUNCTION_WORDS = frozenset("And Or But The Of To In On At For With By From As Is Are Was Were Be".split())
_TOKEN = re.compile(r"[A-Za-z]+")


class StrayCapitals(Check):
    """A capitalised function word in mid-sentence ("Russia And Japan") is a sign of machine
    translation that kept the source's casing or glued a heading into the text."""

    code = "TR201"
    family = "translation"
    summary = "Capitalised function word in mid-sentence"
    severity = "warning"

    def check(self, doc):
        for s in doc.sentences:
            for m in _TOKEN.finditer(s.text):
                if m.start() > 0 and m.group() in _FUNCTION_WORDS and s.text[m.start() - 1] == " ":
                    start = s.start + m.start()
                    yield Finding(start, start + len(m.group()),
                                  f"'{m.group()}' is capitalised in mid-sentence",
                                  suggestion=m.group().lower())


CHECKS = [StrayCapitals]
