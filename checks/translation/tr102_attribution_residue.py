"""TR102: a sentence that is nothing but an attribution ("Quote According to Kyodo News.")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding
from auditor.text import clip

from .body import body_sentences
from .english import english_findings

# "According to Kyodo News.", optionally led by a stray "Quote": up to seven words of source.
_ATTRIBUTION = compiled.regex(
    r"^(?:(?:quote|unquote|end quote)[.,:]?\s{1,5})?"
    r"(?:according to|as reported by|reported by|as stated by|citing|source:|via)\s{1,5}"
    r"[^\s.,;:]{1,40}(?:\s{1,5}[^\s.,;:]{1,40}){0,6}\.?$", re.I)
#: An attribution residue is a few words; longer sentences are not tried (and the pattern
#: stays cheap on a long run of text without a full stop).
MAX_RESIDUE_CHARS = 300


class AttributionResidue(Check):
    """A sentence of the article body that is only an attribution ("According to Kyodo News.",
    often led by a stray "Quote"): the clause it belonged to was lost or split off in
    translation. An attribution inside a sentence ("…, according to Reuters.") is left alone.
    No fix is offered: the line may be joined to its statement or removed, which an editor
    decides."""

    code = "TR102"
    family = "translation"
    summary = "Sentence that is only an attribution residue"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in body_sentences(doc):
            if len(s.text) > MAX_RESIDUE_CHARS or not _ATTRIBUTION.match(s.text):
                continue
            yield Finding(s.start, s.end,
                          f"'{clip(s.text)}' is only an attribution, cut off from the statement it "
                          "attributes: the translation split or lost that statement")
