"""TR302: a calque, false friend or source-language formula left in English by machine
translation ("in the framework of", "he precised that", "new coronary pneumonia"), from one table
per source language (data/calques/<code>.json). A new entry or language is data, no code."""
from __future__ import annotations

from auditor.api import UNSAFE, Check, Edit, Finding
from auditor.document import Document
from auditor.text import clip

from . import calques
from .english import english_findings

#: Characters of the words found quoted in the message.
QUOTED_CHARS = 40
_KINDS = {"calque": "a word-for-word calque of", "false friend": "a false friend from",
          "formula": "a formula of", "format": "written in the format of"}


class Calque(Check):
    """A phrase that machine translation carried over from the source language: a word-for-word
    calque ("in the framework of" for Russian 'в рамках', "new coronary pneumonia" for Chinese
    '新冠肺炎'), a false friend ("he precised that" for French 'préciser', "resulted positive"
    for Italian 'risultato positivo'), an official formula or a number or date written the
    source's way ("in 2020 year", "85 thousand dollars"), or a date left in the source's calendar
    ("on 12 Esfand", "on 15 Shawwal", "in Reiwa 5"), unless the sentence also gives the Gregorian
    date.

    The phrases are data, one table per source language (French, Spanish, Portuguese, Italian,
    German, Polish, Russian, Ukrainian, Turkish, Arabic, Persian, Chinese, Japanese, Korean,
    Vietnamese): each entry gives its forms (or a regular expression), the source expression,
    what English writes instead, a guard where the words also occur in native English (words the
    sentence must or must not hold, words that may not follow), an example and a native
    counter-example; every entry was measured on native English news and web pages. A formula so
    usual in English from its language that editors leave it ("the epidemic situation") is not
    reported: it only counts as evidence of the source language (TR701). The fix writes the
    English expression where the entry gives one that can stand in for the words; it needs an
    editor's eye."""

    code = "TR302"
    family = "translation"
    summary = "Calque, false friend or source-language formula"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        text = doc.text
        for hit in calques.find_in_doc(doc):
            if hit.entry.data.get("report", True):
                yield self._finding(text, hit)

    @staticmethod
    def _finding(text: str, hit: calques.Hit) -> Finding:
        e = hit.entry.data
        found = text[hit.start:hit.end]
        kind = _KINDS.get(e.get("kind", "calque"), _KINDS["calque"])
        source = f" '{e['source']}'" if e.get("source") else ""
        if e.get("kind") == "calendar":
            message = (f"'{clip(found, QUOTED_CHARS)}' is a date in {e['source']}, left from the "
                       f"{hit.entry.language} source: {e['english']}")
        else:
            message = f"'{clip(found, QUOTED_CHARS)}' is {kind} {hit.entry.language}{source}: {e['english']}"
        edits = ()
        if e.get("fix"):
            fix = e["fix"]
            if found[:1].isupper() and fix[:1].islower():
                fix = fix[0].upper() + fix[1:]
            edits = (Edit(hit.start, hit.end, fix),)
        return Finding(hit.start, hit.end, message, edits=edits, applicability=UNSAFE)

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for entry in calques.entries():
            label = entry.data.get("forms", [entry.data.get("regex", "")])[0]
            source = f"data/{entry.data.get('table', f'calques/{entry.code}.json')}: {label[:40]}"
            fires = _entry_fires(entry.index)
            out.append(DataExample(source, entry.data["example"], True, fires))
            out.append(DataExample(source, entry.data["counter"], False, fires))
        return out


def _entry_fires(index: int):
    def fires(text: str) -> bool:
        return any(h.entry.index == index for h in calques.find_in_doc(Document("example.txt", text)))
    return fires
