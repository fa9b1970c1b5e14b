"""BP204: a widget label glued to the line by a no-break or double space."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import UNSAFE
from auditor.text import clip

from .line_verdicts import Verdict, VerdictCheck

#: A flattened widget (label + headline of a linked story) is this many words at least ...
MIN_WORDS = 4
#: ... and at most this many: a longer line is a paragraph with a typo in its spacing.
MAX_WORDS = 30

# A label of one to four short words, then the seam: a no-break space or 2-4 spaces.
_GLUE = compiled.regex(r"^(\S{1,30}(?:\s\S{1,30}){0,3}?)(?:\xa0\s?|\s\xa0| {2,4})(?=\S)")


class GluedWidget(VerdictCheck):
    """A headline-shaped line inside the body (4 to 30 words, no final punctuation) whose first
    words are glued to the rest by a no-break space or a double space, the seam a widget leaves
    when its label and link text are flattened into one line ('Trending  Pop star cancels …').

    Fix (unsafe): remove the line; only its shape says it is a widget."""

    code = "BP204"
    summary = "Widget label glued by a no-break or double space"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        for ln in lay.lines:
            if ln.index in claimed or ln.index == 0 or lay.zone(ln.index) != "body":
                continue
            if ln.ends_sentence or not MIN_WORDS <= ln.n_words <= MAX_WORDS:
                continue
            m = _GLUE.match(ln.text)
            if m and ("\xa0" in m.group(0) or "  " in m.group(0)):
                claimed[ln.index] = Verdict(
                    cls.code, ln.start, ln.end,
                    f"'{clip(m.group(1))}' is a short label glued to '{clip(ln.text[m.end():], 40)}' by a "
                    "no-break or double space, the seam a flattened widget leaves")
