"""BP103: a legally mandated label of the original publisher (foreign agent, banned organisation)."""
from __future__ import annotations

from auditor.text import clip

from .line_verdicts import PhraseCheck


class MandatedNotice(PhraseCheck):
    """A legally mandated label copied with the article: the Russian foreign-agent notice (in
    Russian or in English, matched by its shape: foreign agent + produced/distributed/sent, with
    or without 18+), the 'extremist organisation, banned in Russia' footnote, US FARA
    disclosures. They belong to the original publisher's page, not to a republished article.

    Fix (safe): remove the line; the phrase family identified it."""

    code = "BP103"
    summary = "Legally mandated notice (foreign agent, banned organisation, FARA)"
    severity = "warning"

    @classmethod
    def phrase_message(cls, quote, family):
        return (f"'{clip(quote)}' is {family.what}: the law requires it of the original publisher, "
                "not of a republished article")
