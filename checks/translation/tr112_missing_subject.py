"""TR112: a main clause that starts with its verb after an opening phrase ("In addition, will
increase through Monday."): the subject was lost in translation."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding
from auditor.text import clip

from .body import unquoted_sentences
from .clause_shapes import comma_before_verb
from .english import english_findings
from .tokens import norm, tokenize, words
from .tr113_source_word_order import ADVERBIAL_NOUNS, MODALS, NAMING_VERBS
from .verbs import DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS
from .word_classes import ADJECTIVE, BASE, NOUN, classes, past_participle

# Words that open an adverbial phrase or clause, after which the main clause must bring its subject.
OPENERS = frozenset(
    "in on at by for with during despite after before since until once when while if unless "
    "although though because as according however also moreover furthermore meanwhile besides "
    "additionally thus therefore consequently then later earlier previously yesterday today".split())
# Auxiliaries and modals that cannot open a statement's main clause ("have" can: an imperative, "If it
# rains, have a coat ready.").
AUXILIARIES = frozenset("will would may might can could must should shall is are was were has had "
                        "does did".split())
_COMMA_THEN_WORD = compiled.regex(r",[ \u00a0]([a-z]+)[ \u00a0]([a-z]+)")
# Modals and the forms of 'be' that may follow an opening phrase in place of the subject.
MODALS_AND_BE = MODALS | frozenset("is are was were".split())
OBJECT_PRONOUNS = frozenset("me him her us them".split())
# Prepositions that open a phrase standing in place of the subject; not those that also open a
# clause ("Since deadlines can vary, …").
PHRASE_PREPOSITIONS = (PREPOSITIONS | frozenset("along around beside beyond throughout inside outside behind "
                                                "below above beneath via".split())
                       ) - frozenset("since after before until of".split())
ANY_PREPOSITIONS = PHRASE_PREPOSITIONS | PREPOSITIONS
# Words that open a clause of their own inside an opening phrase ("In an industry where …").
_CLAUSE_WORDS = frozenset("where which who whom whose that when how why what whether".split())
#: Prepositional phrases before a verb are judged up to this many words ("By 2030 in the region").
MAX_PHRASE_WORDS = 8
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
    are left alone. No fix is offered: the lost subject is not known.

    Also a subject parted from its verb by a comma, as Chinese punctuates a long subject ("The
    delegation led by the vice minister, visited the port"): a noun phrase with no verb of its
    own, a comma, a verb in the past and its object; appositions ("The space, called Club
    Contact, will …") and inverted attributions ("The problem, said the mayor, is …") are
    English."""

    code = "TR112"
    family = "translation"
    summary = "Main clause without a subject after an opening phrase"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in unquoted_sentences(doc):
            text = s.text
            if "?" in text:
                continue
            statement = text.rstrip("”\"’' ").endswith(".")
            found = _after_comma(text) if statement else None
            if found is None and (statement or _headline(doc, s)):
                found = _after_phrase(text)
            if found:
                a, b, opening = found
                yield Finding(s.start + a, s.start + b,
                              f"'{clip(text[a:b])}' has no subject after '{clip(opening, 30)}': "
                              "the subject was lost in translation")
            elif statement:
                split = comma_before_verb(text)
                if split:
                    a, b = split
                    yield Finding(s.start + a, s.start + b,
                                  f"'{clip(text[a:b])}': a comma parts the subject from its verb, as the "
                                  "source punctuates a long subject; English writes no comma there")


def _headline(doc, s) -> bool:
    """A paragraph of one line and one sentence without a full stop: a headline."""
    para = doc.paragraphs[s.paragraph]
    return para.start == s.start and para.end == s.end and "\n" not in para.text


def _after_comma(text: str) -> tuple[int, int, str] | None:
    """An opening phrase, a comma, then an auxiliary: "In addition, will increase …"."""
    ms = words(text)
    if not ms or norm(ms[0].group()) not in OPENERS or ms[0].start() > 1:
        return None
    comma = text.find(",")
    if comma < 0 or len(words(text[:comma])) > MAX_OPENING_WORDS:
        return None
    m = _COMMA_THEN_WORD.match(text, comma)
    if not m or m.group(1) not in AUXILIARIES or m.group(2) in ("it", "there", "you", "we", "they", "he", "she", "i"):
        return None
    return m.start(1), m.end(2), text[:comma] + ","


def _after_phrase(text: str) -> tuple[int, int, str] | None:
    """A clause that opens with prepositional phrases and goes on with a modal and a verb, no comma
    and no subject between: "In the region will be built three bridges", "From May will apply
    new rules", also after 'according to which' and the like."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    starts = [0] if ms and ms[0].start() <= 1 else []
    if "which" in lows:  # (most sentences have none: one scan of the tuple, not a loop)
        starts += [i + 1 for i in range(1, len(lows) - 1) if lows[i] == "which" and lows[i - 1] in PREPOSITIONS]
    for k0 in starts:
        if lows[k0] not in PHRASE_PREPOSITIONS:
            continue
        k = k0 + 1
        while k < len(lows) and k - k0 <= MAX_PHRASE_WORDS and lows[k] not in MODALS_AND_BE:
            before = lows[k - 1]
            if not _phrase_word(ws[k], lows[k]) or text[ms[k - 1].end():ms[k].start()].strip(" \u00a00123456789"):
                break  # a pronoun or a verb, or punctuation: the phrase ended
            if lows[k] in DETERMINERS and before not in PREPOSITIONS and before not in PHRASE_PREPOSITIONS:
                break  # a new noun phrase after the phrase: "In the end the plan was approved."
            if ws[k][:1].isupper() and not (before in PREPOSITIONS or before in PHRASE_PREPOSITIONS
                                            or before in DETERMINERS or ws[k - 1][:1].isupper()):
                break  # a name after the phrase: its subject ("On the other hand Eiruna is …")
            if before in ADVERBIAL_NOUNS and lows[k] not in ANY_PREPOSITIONS:
                break  # "For the rest of the week things will settle."
            k += 1
        if k <= k0 + 1 or k >= len(lows) - 1 or lows[k] not in MODALS_AND_BE or not ws[k].islower():
            continue
        if "," in text[ms[k0].start():ms[k].start()]:
            continue
        v = k + 1
        if lows[k] in MODALS and lows[v] not in ("be", "have") and _lexical_base(lows[v]):
            end = v  # "will build"
        else:
            while v < len(lows) and lows[v] in ("be", "been"):
                v += 1
            if v >= len(lows) or v == k + 1 and lows[k] in MODALS or not _passive_participle(lows[v]):
                continue
            if v + 1 < len(lows) and (lows[v + 1] in PREPOSITIONS or lows[v + 1] == "by") \
                    and not _digits_between(text, ms, v):
                continue  # "… was built in 1990": a passive with its subject before the phrase
            end = v
        if v + 1 < len(lows) and lows[v + 1] in SUBJECT_PRONOUNS:
            continue
        return ms[k].start(), ms[end].end(), text[ms[k0].start():ms[k].start()].strip()
    return None


def _digits_between(text: str, ms, v: int) -> bool:
    return v + 1 < len(ms) and any(c.isdigit() for c in text[ms[v].end():ms[v + 1].start()])


def _phrase_word(word: str, low: str) -> bool:
    """A word that may stand in a prepositional phrase: a preposition, a determiner, a number, a
    name, a noun or an adjective; not a pronoun or a word that is only a verb."""
    if low in PREPOSITIONS or low in PHRASE_PREPOSITIONS or low in DETERMINERS or word[:1].isupper():
        return low not in SUBJECT_PRONOUNS
    if low in SUBJECT_PRONOUNS or low in OBJECT_PRONOUNS or low in AUXILIARIES or low in _CLAUSE_WORDS:
        return False
    cls = classes(low)
    return not cls or NOUN in cls or ADJECTIVE in cls


def _lexical_base(low: str) -> bool:
    cls = classes(low)
    return BASE in cls and low not in AUXILIARIES


def _passive_participle(low: str) -> bool:
    return past_participle(low) and low not in NAMING_VERBS
