"""BP104: an attribution or source line, which a published article may keep (information only)."""
from __future__ import annotations

from auditor.api import UNSAFE
from auditor.text import clip

from .line_verdicts import PhraseCheck


class AttributionLine(PhraseCheck):
    """An attribution line ('Reuters contributed to this report.', 'Source: …', 'Reporting by
    …', 'Originally published …'). Such lines may belong in a published article, so they are
    reported as information only. A line that is also widget text is reported as widget text.
    A 'Source: …' line right under a table row, a list item or a chart's Title Case title inside
    the body names the source of the data shown: it is the article's, and is not reported.

    Fix (unsafe): remove the line, only if the house style drops attributions."""

    code = "BP104"
    summary = "Attribution or source line (may stay)"
    severity = "info"
    fix_applicability = UNSAFE

    @classmethod
    def phrase_message(cls, quote, family):
        return f"'{clip(quote)}' is {family.what}: it may stay if the house style prints attributions"
