"""BP301: the headline printed again below it."""
from __future__ import annotations

from auditor.text import clip

from .line_verdicts import Verdict, VerdictCheck

#: A repeated short line ('News', 'Video') is a label, not a headline: the headline's comparable
#: form must have this many characters.
MIN_HEADLINE_CHARS = 12


class RepeatedHeadline(VerdictCheck):
    """The headline (the first line near the top with three or more words) appears again below
    it, word for word (case, spacing and final punctuation aside): the page printed it twice, as
    a title and as the first line of the text. The repeat is reported, pointing at the headline.

    Fix (safe): remove the repeat; the headline stays."""

    code = "BP301"
    summary = "Headline repeated"
    severity = "warning"

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        head = lay.headline(claimed)
        head_key = lay.keys[head.index]
        if len(head_key) < MIN_HEADLINE_CHARS:
            return
        for ln in lay.lines[head.index + 1:]:
            if lay.keys[ln.index] == head_key and ln.index not in claimed:
                claimed[ln.index] = Verdict(
                    cls.code, ln.start, ln.end,
                    f"'{clip(ln.text)}' repeats the headline: the page printed it twice",
                    ((head.start, head.end, "the headline"),))
