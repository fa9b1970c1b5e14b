"""TR407: typography of the source language left in English (« », „ “, full-width punctuation,
decimal commas, dates as 16.06.2024), from data/fingerprints.json."""
from __future__ import annotations

from auditor.api import Check, Finding
from auditor.document import Document
from auditor.text import clip

from . import fingerprint
from .data import load_json
from .english import english_findings

#: Characters of the text found quoted in the message.
QUOTED_CHARS = 30


class SourceTypography(Check):
    """Typography that English does not use and the source language does: its quotation marks
    (« », „ “), a dash introducing the speaker after a quotation ("– declared the mayor"),
    full-width punctuation and brackets, a decimal comma (2,5 percent), thousands grouped with a
    point (1.200 people), dates as day.month.year or year/month/day, the numero sign. The cues are
    data (each: its name, the languages it points to, a pattern, an example and a native
    counter-example); cues that native English also writes now and then (a space before a colon,
    an age in brackets, a day without its month) are not reported but count as evidence for
    TR701. No fix is offered: the house style decides the English form."""

    code = "TR407"
    family = "translation"
    summary = "Typography of the source language (quotation marks, punctuation, number and date formats)"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        names = fingerprint.language_names()
        for m, cue in fingerprint.doc_cues(doc):
            if not cue.report:
                continue
            langs = [names.get(c, c) for c in cue.languages]
            where = f"{langs[0]} writes" if len(langs) == 1 else f"{', '.join(langs[:2])} and others write"
            yield Finding(m.start(), m.end(),
                          f"'{clip(m.group(), QUOTED_CHARS)}': {cue.name.split(' (')[0]}, as {where} it, "
                          "not English: a translation kept the source's typography")

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for cue in fingerprint.cues():
            entry = load_json(fingerprint.TABLE)["cues"][cue.index]
            fires = _cue_fires(cue.index)
            out.append(DataExample(f"data/{fingerprint.TABLE}: {cue.name[:40]}", entry["example"], True, fires))
            out.append(DataExample(f"data/{fingerprint.TABLE}: {cue.name[:40]}", entry["counter"], False, fires))
        return out


def _cue_fires(index: int):
    def fires(text: str) -> bool:
        return any(cue.index == index for _, cue in fingerprint.find_cues(Document("example.txt", text).text))
    return fires
