"""TR112: a main clause that starts with its verb after an opening phrase ("In addition, will
increase through Monday."): the subject was lost in translation."""
from __future__ import annotations

import re

from auditor.api import Check, Finding
from auditor.text import clip

from .tokens import norm, words

# Words that open an adverbial phrase or clause, after which the main clause must bring its subject.
OPENERS = frozenset(
    "in on at by for with during despite after before since until once when while if unless "
    "although though because as according however also moreover furthermore meanwhile besides "
    "additionally thus therefore consequently then later earlier previously yesterday today".split())
# Auxiliaries and modals that cannot open a statement's main clause ("have" can: an imperative, "If it
# rains, have a coat ready.").
AUXILIARIES = frozenset("will would may might can could must should shall is are was were has had "
                        "does did".split())
_COMMA_THEN_WORD = re.compile(r",[ \u00a0]([a-z]+)[ \u00a0]([a-z]+)")
#: An opening phrase longer than this is more likely a subject with commas in it ("The plan,
#: which …, will"), whose verb may follow a comma.
MAX_OPENING_WORDS = 25


class MissingSubject(Check):
    """A statement that opens with an adverbial phrase ("In addition,", "When a person tries to
    …,", "By matching the numbers,") and goes on with an auxiliary or a modal verb, with no
    subject between them ("In addition, will increase through Monday."): machine translation
    from a language that drops its subjects, or a garbled sentence. Only statements are judged
    (a question inverts: "If so, will it?"), only when the sentence opens with a preposition,
    a conjunction or a linking adverb, and only at its first comma; sentences inside quotations
    are left alone. No fix is offered: the lost subject is not known."""

    code = "TR112"
    family = "translation"
    summary = "Main clause without a subject after an opening phrase"
    severity = "warning"

    def check(self, doc):
        for s in doc.sentences:
            text = s.text
            if "?" in text or not text.rstrip("”\"’' ").endswith(".") or doc.in_quote(s.start, s.end):
                continue
            ms = words(text)
            if not ms or norm(ms[0].group()) not in OPENERS or ms[0].start() > 1:
                continue
            comma = text.find(",")
            if comma < 0 or len(words(text[:comma])) > MAX_OPENING_WORDS:
                continue
            m = _COMMA_THEN_WORD.match(text, comma)
            if not m or m.group(1) not in AUXILIARIES or m.group(2) in ("it", "there", "you", "we", "they", "he", "she", "i"):
                continue
            a, b = m.start(1), m.end(2)
            yield Finding(s.start + a, s.start + b,
                          f"'{clip(text[a:b])}' has no subject after '{clip(text[:comma], 30)},': "
                          "the subject was lost in translation")
