"""BP101: widget text of the page (comment forms, related links, share bars, sign-up boxes, ...)."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.text import clip

from .line_verdicts import PhraseCheck, Verdict

#: Families whose heading line ("Related content", "Tags", "Advertisement") announces the lines
#: under it, and how many lines under it it may claim: a related-links or navigation box lists
#: up to about a dozen links; an ad label stands over the one or two lines of its teaser; a
#: publisher's appeal ("A message from our founder:") over the few points of its pitch.
LISTS_UNDER_HEADING = {"related links": 12, "navigation": 12, "advertisement": 2, "donation appeal": 6}
#: A table of contents lists the article's own sections: its entries are not links away.
CONTENTS_HEADING = compiled.regex(r"^(?:table of contents|contents|in this article|on this page|"
                                  r"jump to|skip to)\b", re.I)
#: A heading is short: at most this many words without a final full stop ...
HEADING_MAX_WORDS = 5
#: ... or at most this many ending in a colon ("Read more on this topic:").
HEADING_COLON_MAX_WORDS = 10
#: A link listed under a heading is a headline or a title, not a paragraph of this length.
LISTED_MAX_WORDS = 25
#: Quoting the heading in the message: enough to recognise it.
HEADING_QUOTE_CHARS = 40


class WidgetPhrase(PhraseCheck):
    """A line made of widget text: comment forms, related links, share bars, newsletter and
    donation boxes, cookie banners, ad labels, navigation and CMS footers. The wording comes from
    the phrase families (data files, each pattern with an example and a counter-example); a
    widget heading of related links, navigation or an ad label ("You may also like") also claims
    the short, non-prose lines right under it (up to 12 links; 2 under an ad label; 6 points of a
    publisher's appeal) when they are list items or come after the last paragraph. A short
    related-links or navigation label ('Related', 'Next') between two paragraphs of the body,
    over a paragraph that more body follows, is a subheading and is not reported. Wording after
    opening pictographs or arrows ('👉 Donate today') counts. Real sentences that merely mention subscribing,
    sharing or comments are long and do not start with the widget's wording, so they are not
    matched.

    Fix (safe): remove the line; the phrase family or the widget heading identified it."""

    code = "BP101"
    summary = "Widget text (comments, related links, share, newsletter, ads, footer)"
    severity = "warning"

    @classmethod
    def phrase_message(cls, quote, family):
        return f"'{clip(quote)}' is {family.what}, not article text: page furniture copied with the story"

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        """Short non-prose lines right under a widget heading belong to the widget."""
        headings = [(i, v) for i, v in sorted(claimed.items())
                    if v.family in LISTS_UNDER_HEADING and _looks_like_heading(lay.lines[i])
                    and not CONTENTS_HEADING.match(lay.lines[i].text.strip())]
        for index, heading in headings:
            for ln in lay.lines[index + 1:index + 1 + LISTS_UNDER_HEADING[heading.family]]:
                if ln.index in claimed:
                    continue
                if ln.prose or ln.n_words > LISTED_MAX_WORDS or ln.n_words == 0:
                    break
                if not (ln.index > lay.last_body or ln.listed):
                    break
                head = lay.lines[index].text
                claimed[ln.index] = Verdict(
                    cls.code, ln.start, ln.end,
                    f"'{clip(ln.text)}' is listed under the widget heading "
                    f"'{clip(head, HEADING_QUOTE_CHARS)}': a link of the widget, not article text")


def _looks_like_heading(ln) -> bool:
    return (ln.n_words <= HEADING_MAX_WORDS and not ln.ends_sentence
            or ln.text.rstrip().endswith(":") and ln.n_words <= HEADING_COLON_MAX_WORDS)
