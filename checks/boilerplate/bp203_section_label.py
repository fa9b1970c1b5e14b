"""BP203: a site section label or breadcrumb trail between the headline and the body."""
from __future__ import annotations

from auditor.api import UNSAFE
from auditor.text import clip, is_title_case

from .line_verdicts import PhraseCheck, Verdict

#: A section label is a word or two ('World', 'Middle East').
MAX_WORDS = 2
#: The headline above it is a real headline, not another label.
HEADLINE_MIN_WORDS = 4


class SectionLabel(PhraseCheck):
    """A site section label or breadcrumb copied with the article: a one- or two-word Title Case
    line right under the headline and right before the first paragraph ('World'), or a known
    section name or 'Home / News' trail (phrase families) between the headline and the body.

    Fix (unsafe): remove the line; a section name could also be the kicker of the story, and
    only its position says otherwise."""

    code = "BP203"
    summary = "Section label under the headline"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def phrase_message(cls, quote, family):
        return (f"'{clip(quote)}' is {family.what} between the headline and the body: page navigation, "
                "not article text")

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        """The second line, alone between the headline and the first paragraph."""
        if len(lay.lines) < 2 or 1 in claimed:
            return
        ln = lay.lines[1]
        text = ln.text.replace("\xa0", " ").strip()
        if (1 <= ln.n_words <= MAX_WORDS and not ln.ends_sentence and lay.first_body == 2
                and is_title_case(ln.words) and not any(c.isdigit() for c in text)
                and lay.starts_anew(2) and lay.lines[0].n_words >= HEADLINE_MIN_WORDS):
            claimed[1] = Verdict(cls.code, ln.start, ln.end,
                                 f"'{clip(text)}' stands between the headline and the first paragraph "
                                 "like a site section label: page navigation, not article text")
