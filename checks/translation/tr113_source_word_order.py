"""TR113: a statement in the word order of the source language, the verb before its subject
("Stated the minister that …", "Will be built also three bridges.", "Financed should the project
…", "Originally were for the bridge …") or at the end of its clause ("has on Monday the new
timetable presented")."""
from __future__ import annotations

from collections.abc import Iterator

from auditor.api import Check, Finding
from auditor.text import clip

from .body import unquoted_sentences
from .clause_shapes import fronted_phrase_verb_subject, object_verb_last, verb_at_clause_end, verb_before_subject
from .english import english_findings
from .tokens import per_sentence, tokenize
from .verbs import IRREGULAR_FINITE, PREPOSITIONS
from .word_classes import ADVERB, BASE, FINITE, NOUN, classes, past_participle

# Words that open a noun phrase: after a verb that opens a statement they make it its subject.
NOUN_PHRASE_OPENERS = frozenset("the a an his her its their our this these those such both all every each "
                                "several many some".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve twenty thirty forty "
                         "fifty hundred hundreds thousand thousands million millions dozens".split())
# Modal verbs and the finite forms of 'be', 'have' and 'will' that stand before a subject only in a
# question or a conditional ("Should the plan fail, …", "Were it not for …").
MODALS = frozenset("will would can could shall should may might must".split())
BE_HAVE = frozenset("is are was were has have had".split())
AUXILIARY_OPENERS = MODALS | BE_HAVE
# Subject pronouns: after an auxiliary they make a question or a conditional, not a reordered
# statement.
PRONOUNS = frozenset("i you he she it we they there one this that".split())
# Conjunctions that may stand before the verb of a reordered statement ("And added the governor
# that …"); not 'then' or 'so', after which English inverts too ("Then came the war.").
LEADS = frozenset("and but".split())
# Adverbs after which English itself inverts ("Rarely have we seen …", "Only then did …").
NEGATIVE_ADVERBS = frozenset("only rarely seldom hardly scarcely barely nearly little never "
                             "nowhere neither nor".split())
# Verbs of saying, in the past: "As reported the press service, …" puts the speaker after the verb.
SAYING = frozenset("said reported stated noted announced told informed explained emphasized "
                   "emphasised stressed added wrote declared confirmed indicated underlined "
                   "specified clarified reminded recalled affirmed asserted assured mentioned "
                   "remarked replied answered revealed warned urged insisted claimed".split())
# Verbs that report a clause with 'that', in the past (saying, thinking, deciding): "Stated the
# minister that …" puts the speaker between the verb and the clause.
REPORTING = SAYING | frozenset("pointed acknowledged admitted argued believed considered decided denied "
                               "estimated expected felt found hoped judged predicted promised ruled "
                               "suggested thought agreed concluded observed".split())
# Verbs that take an object and its complement: their passive is followed by the complement, not
# by a subject ("Is considered a success.", a subjectless line of a feature list).
NAMING_VERBS = frozenset("considered regarded deemed called named known seen thought believed described "
                         "dubbed termed labelled labeled rated ranked viewed recognized recognised "
                         "counted reckoned".split())
# Nouns of time and manner that follow a passive in native English ("Will be released next week.",
# "Could be used the same way.").
ADVERBIAL_NOUNS = frozenset("week weekend month year day morning afternoon evening night summer winter "
                             "spring autumn fall time season quarter decade century way manner".split())
#: A verb at the end of a clause counts only this many words after its auxiliary: an English
#: adverbial between them is shorter ("was in the end abandoned").
MIN_MIDDLE_WORDS = 4
VERB_LAST = "the verb ends its clause after its object"
MODAL_LAST = "the modal ends its clause after its verb"
# What English does instead, by the kind of slip.
ADVICE = {VERB_LAST: "English puts the verb next to its auxiliary, before the object",
          MODAL_LAST: "English puts the modal before the verb"}
#: Statements shorter than this are headings, captions or colloquial asides ("Could be worse.").
MIN_WORDS = 5


def _participle(low: str) -> bool:
    return past_participle(low) or (low.endswith("ed") and len(low) > 4 and not classes(low))


def _past(low: str) -> bool:
    """A past tense form that is not also a base form (so not an imperative): 'stated', 'said'.
    The -s forms are left out: feature lists and résumés open with them ("Manages the team")."""
    cls = classes(low)
    if low in IRREGULAR_FINITE:
        return BASE not in cls and not low.endswith("s")
    return FINITE in cls and BASE not in cls and low.endswith("ed") and NOUN not in cls


def _opens_noun_phrase(word: str, low: str) -> bool:
    return low in NOUN_PHRASE_OPENERS or low in NUMBER_WORDS or word[:1].isdigit()


def _reported_clause(lows: tuple, k: int) -> bool:
    """A 'that' after word k opens a clause with its own subject ("that the works will begin"),
    not a relative clause ("the bug that crashed") or a demonstrative ("that night")."""
    if "that" not in lows[k:]:
        return False
    t = lows.index("that", k)
    if t + 1 >= len(lows):
        return False
    nxt = lows[t + 1]
    if nxt in ADVERBIAL_NOUNS or (_past(nxt) and NOUN not in classes(nxt)):
        return False
    return nxt in NOUN_PHRASE_OPENERS or nxt in PRONOUNS or NOUN in classes(nxt) or not classes(nxt)


def slips(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what is wrong) of the reordered clauses of the statement `text`."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if len(text.split()) < MIN_WORDS or not ms or ms[0].start() > 0:
        return
    j = 1 if lows[0] in LEADS and len(ms) > 3 else 0
    first, low = ws[j], lows[j]
    nxt = lows[j + 1] if j + 1 < len(lows) else ""
    # 1. a verb before its subject and the clause it reports: "Stated the minister that …", "And
    # added the governor that …" (a diary's "Finished a long campaign." reports nothing)
    if low in REPORTING and _past(low) and nxt in NOUN_PHRASE_OPENERS and ":" not in text \
            and _reported_clause(lows, j + 2):
            yield ms[j].start(), ms[min(j + 2, len(ms) - 1)].end(), "the verb stands before its subject"
            return
    # 2. an auxiliary opening a statement, then a passive and its subject: "Will be built also three bridges."
    if low in AUXILIARY_OPENERS and nxt not in PRONOUNS and not first.endswith("n't"):
        k = j + 1
        while k < len(lows) and lows[k] in ("be", "been", "also", "already", "still", "not"):
            k += 1
        if k < len(lows) and k > j and _participle(lows[k]) and lows[k] not in NAMING_VERBS:
            m = k + 1
            while m < len(lows) and ADVERB in classes(lows[m]) and lows[m] not in PREPOSITIONS:
                m += 1
            number = m < len(lows) and any(c.isdigit() for c in text[ms[m - 1].end():ms[m].start()])
            if m < len(lows) and (number or _opens_noun_phrase(ws[m], lows[m])) and lows[m] not in PREPOSITIONS \
                    and not (m + 1 < len(lows) and lows[m + 1] in ADVERBIAL_NOUNS):
                yield ms[j].start(), ms[m].end(), "the verb stands before its subject"
                return
    # 3. a participle, then a modal, then the subject: "Financed should the project partly …"
    if _participle(low) and nxt in MODALS and j + 2 < len(lows) and (
            _opens_noun_phrase(ws[j + 2], lows[j + 2]) or ws[j + 2][:1].isupper()):
        yield ms[j].start(), ms[j + 2].end(), "the verb stands before its subject"
        return
    # 4. an adverb, then the auxiliary, then no subject: "Originally were for the bridge …"
    if j == 0 and low.endswith("ly") and classes(low) == ADVERB and low not in NEGATIVE_ADVERBS \
            and nxt in AUXILIARY_OPENERS and len(lows) > 2 and lows[2] not in PRONOUNS:
        yield ms[0].start(), ms[2].end(), "the verb stands before its subject"
        return
    # 5. 'as' + a verb of saying + its subject: "As reported the press service of the ministry, …"
    if low == "as" and nxt in SAYING and j + 2 < len(lows) and lows[j + 2] in NOUN_PHRASE_OPENERS:
        comma = text.find(",", ms[j + 2].end())
        if comma > 0:
            yield ms[j].start(), ms[j + 2].end(), "the verb stands before its subject"
            return
    # 6. an official verb before a title or a body as its subject: "Affirmed the Minister of
    # Health the importance of …"
    found = verb_before_subject(text) or fronted_phrase_verb_subject(text)
    if found:
        yield found[0], found[1], "the verb stands before its subject"
        return
    # 7. the verb at the end of its clause, its object before it: "The minister has on Monday the
    # new timetable presented.", "… that the strike the network paralyse could."
    found = verb_at_clause_end(text)
    if found:
        yield found[0], found[1], MODAL_LAST if found[2] else VERB_LAST
        return
    # 8. a verb that needs an object ending the statement after a prepositional phrase: "The
    # teams with tents to the affected villages dispatched."
    found = object_verb_last(text)
    if found:
        yield found[0], found[1], VERB_LAST


@per_sentence
def first_slip(text: str) -> tuple[int, int, str] | None:
    """The first of the statement's `slips`, or None."""
    return next(slips(text), None)


class SourceWordOrder(Check):
    """A statement in the word order of the source language, which machine translation copied:
    the verb before its subject: a verb in the past and the clause it reports ("Stated the
    minister that the works will begin.", "And added the governor that …"), a verb of saying after
    'as' ("As reported the press service of the ministry, …"), an auxiliary opening a passive
    ("Will be built also three new bridges."), a participle before a modal ("Financed should the
    project partly from the fund."), an adverb before an auxiliary ("Originally were for the
    bridge …"), or an official verb before a title or a body ("Affirmed the Minister of Health
    the importance of …", Arabic's verb-subject order), or a verb English never inverts after a
    fronted phrase ("In the rescue work participate more than 300 soldiers"; English inverts
    only verbs of place and being: "Among the dead were two children"). Or the verb at the end of its clause with
    its object before it, as German and Persian order it: 'has' or a modal, then adverbials and
    an object, then the participle ("The minister has on Monday the new timetable presented."),
    or a verb and a modal closing the clause ("… that the strike the network paralyse could."),
    or a verb that needs an object ending the statement right after a prepositional phrase ("The
    teams with tents to the affected villages dispatched.").

    English inverts only in questions, conditionals ("Should the plan fail, …"), after negative
    adverbs ("Rarely have we …") and in quotations ("… said the minister"); those are left alone,
    and so are sentences inside quotations, with a colon ('Added the coach: "…"'), and short
    ones ("Could be worse."). Word classes come from the family's word-class table. No fix is
    offered: the sentence must be rebuilt."""

    code = "TR113"
    family = "translation"
    summary = "Word order of the source language (verb before its subject)"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in unquoted_sentences(doc):
            text = s.text
            if "?" in text or text[:1] in "“\"«„'‘":
                continue
            found = first_slip(text)
            if found:
                a, b, why = found
                advice = ADVICE.get(why, "English puts the subject first")
                yield Finding(s.start + a, s.start + b,
                              f"'{clip(text[a:b])}': {why}, as in the source language; {advice}")
