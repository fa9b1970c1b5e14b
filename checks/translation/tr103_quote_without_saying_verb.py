"""TR103: a speaker glued to a quotation without a verb of saying ("The ministry statement
Russia “it is impossible …”")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding
from auditor.text import clip

from .english import english_findings
from .tokens import norm, words
from .verbs import has_finite_verb

# An opening mark: curly or guillemet, or a straight one after a space and before a word.
_OPENING_QUOTE = compiled.regex(r"[“«„]|(?<=\s)\"(?=\w)")
#: The characters every opening quotation mark of _OPENING_QUOTE is: a sentence without one is
#: not searched (the pattern, with a lookbehind, is tried at every position of the sentence).
_OPENING_MARKS = "“«„\""
_CLOSING_QUOTE = compiled.regex(r"[”»\"“]")
# A lead ending in these introduces the quotation legitimately ("the slogan “…”").
_SPEECH_NOUNS = frozenset("slogan motto headline title caption phrase words word term "
                          "banner sign message inscription hashtag".split())
#: A speaker takes at least two words before the quotation ("The ministry …"); a quotation
#: opening a sentence, or after one word, has no speaker to judge.
MIN_LEAD_CHARS = 3
MIN_LEAD_WORDS = 2
#: A quotation of fewer words is a scare quote or a title inside a noun phrase ("the so-called
#: “special operation”"); four words or more hold a clause someone said.
MIN_QUOTED_WORDS = 4
#: The finding covers the speaker and this many characters of the quotation, enough to see it.
QUOTE_CHARS_SHOWN = 20


class QuoteWithoutSayingVerb(Check):
    """A subject followed by a quotation with no verb of saying, colon or comma between them
    ("The ministry statement Russia “it is impossible …”"): the verb was lost in translation.
    Only quotations that run to the end of the sentence and hold a clause (four words or more)
    count, so scare quotes and titles inside a noun phrase are left alone, and so is a lead
    ending in a noun that introduces words ("the slogan", "a banner"), and a lead with a comma or a
    bar ("However, currently “…”", "What Reviewers Say | “…”"), which is no speaker. No fix is offered: which
    verb was lost is not known."""

    code = "TR103"
    family = "translation"
    summary = "Speaker followed by a quotation without a verb of saying"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in doc.sentences:
            text = s.text
            m = _OPENING_QUOTE.search(text) if any(map(text.__contains__, _OPENING_MARKS)) else None
            if not m or m.start() < MIN_LEAD_CHARS:
                continue
            lead = text[: m.start()].rstrip()
            if lead[-1:] in ",:;—–-(" or not lead[:1].isupper() or any(c in lead for c in ",|"):
                continue  # a speaker is a noun phrase: a comma or a bar makes the lead something else
            quoted = text[m.end():]
            close = _CLOSING_QUOTE.search(quoted)
            if close and quoted[close.end():].strip(" .,!?…"):
                continue  # the sentence goes on after the quotation: not a bare speaker + quote
            tokens = [t.group() for t in words(lead)]
            if (len(tokens) < MIN_LEAD_WORDS
                    or len(words(quoted[: close.start()] if close else quoted)) < MIN_QUOTED_WORDS):
                continue
            if has_finite_verb(tokens) or norm(tokens[-1]) in _SPEECH_NOUNS:
                continue
            yield Finding(s.start, s.start + min(len(text), m.start() + QUOTE_CHARS_SHOWN),
                          f"'{clip(lead)}' is followed by a quotation with no verb of saying: "
                          "the verb (said, told, stated …) was probably lost in translation")
