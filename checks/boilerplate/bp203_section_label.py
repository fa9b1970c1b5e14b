"""BP203: a site section label or breadcrumb trail between the headline and the body."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import UNSAFE
from auditor.text import clip, is_title_case

from .line_scores import stems
from .line_verdicts import PhraseCheck, Verdict

#: A section label is a word or two ('World', 'Middle East').
MAX_WORDS = 2
#: The headline above it is a real headline, not another label.
HEADLINE_MIN_WORDS = 4
#: The heading of the article's own summary box ('Key Takeaways', 'TL;DR') stands there too,
#: and is article text: the summary follows it.
_SUMMARY_HEADING = compiled.regex(r"^(?:key takeaways?|takeaways?|tl;?\s?dr|summary|in summary|in brief|at a glance|"
                                  r"highlights|key points|overview|introduction|in short|the short answer|"
                                  r"quick answer|bottom line|the bottom line)\s?:?$", re.I)


class SectionLabel(PhraseCheck):
    """A site section label or breadcrumb copied with the article: a one- or two-word Title Case
    line without a stop ('Perfect.' is a sentence) right under the headline and right before the
    first paragraph ('World') that shares no
    word with that paragraph (a subheading takes up its words) and is not the heading of the
    article's summary box ('Key Takeaways', 'TL;DR'), or a known
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
        if (1 <= ln.n_words <= MAX_WORDS and not ln.ends_sentence and not any(c in ".!?" for c in text)
                and lay.first_body == 2 < len(lay.lines)
                and is_title_case(ln.words) and not any(c.isdigit() for c in text)
                and not _SUMMARY_HEADING.match(text)
                and lay.starts_anew(2) and lay.lines[0].n_words >= HEADLINE_MIN_WORDS
                and not _heads_first_paragraph(ln, lay.lines[2])):
            claimed[1] = Verdict(cls.code, ln.start, ln.end,
                                 f"'{clip(text)}' stands between the headline and the first paragraph "
                                 "like a site section label: page navigation, not article text")


def _heads_first_paragraph(label, paragraph) -> bool:
    """A subheading takes up a word of the paragraph under it ('Nissan Leaf' over a paragraph
    about the Leaf); a section label ('World') says nothing of the story."""
    return not stems(label).isdisjoint(stems(paragraph))
