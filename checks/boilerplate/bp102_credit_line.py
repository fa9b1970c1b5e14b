"""BP102: a photo credit without its photo, a detached byline, an author bio after the article."""
from __future__ import annotations

from auditor.text import clip

from .line_verdicts import PhraseCheck


class CreditLine(PhraseCheck):
    """A photo credit or caption credit whose picture is not in the text ('Photo: Reuters',
    '… /Getty Images'), a byline or posting stamp standing on a line of its own ('By Jane Doe',
    'Posted by admin | June 16, 2024'), or an author bio after the article ('X is a freelance
    writer …'). The wording comes from the phrase families (data files); bios are matched only
    in the closing run of lines after the body, so a sentence about a journalist inside the story
    is left alone.

    Fix (safe): remove the line; the phrase family identified it."""

    code = "BP102"
    summary = "Photo credit, detached byline or author bio"
    severity = "warning"

    @classmethod
    def phrase_message(cls, quote, family):
        return f"'{clip(quote)}' is {family.what}: left over from the page's layout, not article text"
