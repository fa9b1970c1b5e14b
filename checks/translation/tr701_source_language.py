"""TR701: one verdict per file: "reads as machine-translated from <language> (evidence: …)"."""
from __future__ import annotations

from auditor.api import Check, Finding
from auditor.text import clip

from . import fingerprint

#: Pieces of evidence quoted in the message, and characters of each.
QUOTED_EVIDENCE = 3
EVIDENCE_CHARS = 24


class SourceLanguage(Check):
    """The file as a whole reads as a translation from one language: its calques (TR302, also
    the usual formulas that TR302 does not report) and its source typography (TR407, also the
    weaker cues) point to the same language. Reported once per file, as information for triage
    ("reads as machine-translated from Russian (evidence: 'in the framework of', '«…»')"), at the
    first piece of evidence that is reported on its own. A verdict needs two different pieces of
    evidence for one language, or for two at most ("Russian or Ukrainian"); a cue that many
    languages share (a decimal comma) supports each of them but decides nothing alone."""

    code = "TR701"
    family = "translation"
    summary = "File reads as machine-translated from a named language"
    severity = "info"

    def check(self, doc):
        found = fingerprint.verdict(fingerprint.evidence(doc))
        if found is None:
            return
        shown: list[str] = []
        for ev in found.items:
            label = f"'{clip(ev.label, EVIDENCE_CHARS)}'" if ev.kind.startswith("calque") else ev.label.split(" (")[0]
            if label not in shown:
                shown.append(label)
        more = len(shown) - QUOTED_EVIDENCE
        evidence = "; ".join(shown[:QUOTED_EVIDENCE]) + (f"; {more} more" if more > 0 else "")
        a = found.anchor
        yield Finding(a.start, a.end, clip(f"reads as machine-translated from {' or '.join(found.languages)} "
                                           f"(evidence: {evidence})", 200))
