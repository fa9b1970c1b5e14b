"""Clause shapes that English grammar does not have and that machine translation copies from the
source language, found from the word-class table rather than from phrases:

- a verb before its subject in a statement, the subject a title or a body ("Affirmed the
  Minister of Health the importance of …"), as Arabic orders it (TR113);
- the verb at the end of its clause with its object before it ("The minister has on Monday the
  new timetable presented.", "… that the strike the network paralyse could."), as German and
  Persian order it (TR113);
- a sentence that is only a participial clause ("Pointing out that the work will end in May."),
  as Arabic strings its clauses (TR101);
- a nominal sentence without its copula ("The length of the line 56 kilometres."), as Arabic,
  Russian and Persian build it (TR101).

Each function takes a sentence's text and returns (start, end) of the offending words, or None."""
from __future__ import annotations

import re

from .tokens import tokenize
from .verbs import AUXILIARIES, DETERMINERS, IRREGULAR_FINITE, PREPOSITIONS, has_finite_verb
from .word_classes import ADJECTIVE, ADVERB, BASE, FINITE, NOUN, PARTICIPLE, classes, past_participle
from auditor import compiled

# Verbs that report, judge or perform an official act, in the past: before a title or a body
# ("Affirmed the Minister …", "Received the President …") they open a verb-subject statement.
# Verbs a diary or a biography opens with ("Joined the Army") are left out; those that do open one
# ("Met the President of the club today") need the subject to be followed by an object or a comma.
OFFICIAL_VERBS = frozenset(
    "affirmed stressed emphasized emphasised confirmed underlined underscored noted indicated praised "
    "welcomed condemned denounced reiterated expressed announced discussed reviewed urged warned "
    "declared stated said added explained revealed asserted assured inaugurated chaired witnessed "
    "sponsored headed called demanded rejected hailed commended lauded deplored affirms stresses "
    "considered renewed valued appreciated congratulated instructed directed ordered received met visited "
    "arrived participated began continued concluded started returned departed opened attended".split())
# Nouns of office and of bodies: the subject an official verb stands before.
ROLE_NOUNS = frozenset(
    "minister ministry president presidency governor secretary ambassador king prince emir sheikh "
    "chairman chairwoman head director mayor premier deputy spokesman spokeswoman spokesperson "
    "council cabinet government parliament assembly court committee commission army authorities "
    "delegation official officials leader leadership envoy commander chief general prosecutor "
    "agency office foreign interior health defence defense finance".split())
# What an office is 'of': 'the Governor of the province', 'the head of the region'.
JURISDICTIONS = frozenset("province provinces region regions state city country district republic kingdom "
                          "municipality governorate county prefecture emirate capital nation".split())
# A time adverbial that may stand between a verb-first statement's subject and its object.
TIME_ADVERBS = frozenset("yesterday today tonight".split())
TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday morning afternoon "
                       "evening week weekend month year".split())
# Words that open a noun phrase.
NP_OPENERS = frozenset("the a an his her its their this these those".split())
MODALS = frozenset("will would can could shall should may might must".split())
# Auxiliaries before a participle or an infinitive: a German or Persian clause puts its objects
# and adverbials between them and the verb, which then ends the clause.
# ('is' and 'was' are left out: as copulas they take a noun phrase and a relative clause, "is the
# same conclusion the team reached").
BRACKET_AUXILIARIES = frozenset("has have had will would should could must can shall may might".split())
# Endings of verbs the word-class table may not list ('paralyse', 'digitalize').
VERB_ENDINGS = ("ise", "ize", "yse", "yze", "ify", "ate")
# Words after which a clause ends with a modal by ellipsis ("faster than the processor will",
# "where they can").
ELLIPSIS_WORDS = frozenset("than as where whether if when what whatever wherever how they we you i he she "
                           "it that which who".split())
# Words that end the middle of a verb bracket: a clause or a conjunction starts there.
CLAUSE_WORDS = frozenset("that which who whom whose when where while because although if and or but "
                         "as than to not".split())
# Clause words that end a subject: all but 'and' and 'to', which may join or extend it (a set of
# its own, not worked out at each test).
SUBJECT_ENDERS = CLAUSE_WORDS - {"and", "to"}
#: Words between the auxiliary and the verb that ends the clause: fewer is an English adverbial
#: ("was in the end abandoned", "had the roof repaired").
MIN_BRACKET_WORDS = 4
#: Without an object in the middle, this many prepositional phrases between them ("had for years
#: against the project protested"); English puts at most one short adverbial there.
MIN_BRACKET_PHRASES = 2
# Present participles of verbs of saying and pointing out: a sentence that is only such a
# participle and its clause ("Noting that …") lost its main clause.
SAYING_PARTICIPLES = frozenset(
    "noting pointing adding stressing emphasizing emphasising indicating explaining stating affirming "
    "confirming underlining underscoring recalling revealing warning asserting assuring saying "
    "announcing clarifying calling expressing praising welcoming reiterating urging considering "
    "highlighting mentioning arguing insisting demanding hoping describing denying".split())
#: A participial clause needs this many words to be judged.
MIN_PARTICIPIAL_WORDS = 5
# Words that open a further part of the participial clause after a comma, not a main clause.
TAIL_OPENERS = frozenset("and or but that which who whom whose where when while as including in on at "
                         "with from for to by".split())
# Nouns of measure: a noun phrase headed by one and followed straight by a number is a nominal
# sentence whose copula was lost ("The length of the line 56 kilometres").
MEASURE_NOUNS = frozenset(
    "length width height depth area size capacity cost costs value price prices budget total population "
    "weight volume distance duration speed share rate output production turnover revenue revenues "
    "amount sum debt deficit surplus toll temperature diameter altitude elevation investment "
    "investments salary wage wages age range number".split())
# Determiners that open such a noun phrase.
MEASURE_OPENERS = frozenset("the its his her their".split())
#: Words of the noun phrase between the measure noun and the number.
MAX_MEASURE_PHRASE_WORDS = 7
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve fifteen twenty "
                         "thirty forty fifty hundred thousand million billion".split())


def _past(low: str) -> bool:
    cls = classes(low)
    if low in IRREGULAR_FINITE:
        return BASE not in cls
    return FINITE in cls and BASE not in cls and low.endswith("ed")


def verb_before_subject(text: str) -> tuple[int, int] | None:
    """'Affirmed the Minister of Health the importance of …': an official verb in the past opens
    the statement and a title or a body follows it as its subject (capitalised, or a noun of
    office), then more of the clause: an object, a comma or 'that'."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if len(ms) < 6 or ms[0].start() > 0 or ":" in text or "?" in text:
        return None
    j = 1 if lows[0] in ("and", "but") else 0
    if lows[j] not in OFFICIAL_VERBS or not _past(lows[j]) or lows[j + 1] not in NP_OPENERS:
        return None
    k = j + 2
    head = ws[k]
    if not (head[:1].isupper() or lows[k] in ROLE_NOUNS):
        return None
    # the subject: its words up to a comma, 'that' or the next noun phrase
    m = k + 1
    while m < len(ms) and not text[ms[m - 1].end():ms[m].start()].strip():
        if ws[m][:1].isupper() or lows[m] in ROLE_NOUNS:
            m += 1
            continue
        # 'of', 'for' or 'and' (and 'the') join the subject to a title or a body: 'Minister of the
        # Interior'; before anything else they end it
        nxt = m + 2 if m + 2 < len(ms) and lows[m + 1] == "the" else m + 1
        if lows[m] in ("of", "for", "and") and nxt < len(ms) and (
                ws[nxt][:1].isupper() or lows[nxt] in ROLE_NOUNS or lows[nxt] in JURISDICTIONS):
            m = nxt + 1
            continue
        break
    if m >= len(ms):
        return None
    end = ms[m - 1].end()
    gap = text[end:ms[m].start()]
    if "," not in gap:
        # a time adverbial may follow the subject: 'on Sunday', 'yesterday', 'this morning'
        if lows[m] in TIME_ADVERBS:
            m += 1
        elif lows[m] in ("on", "this", "last") and m + 1 < len(ms) and lows[m + 1] in TIME_WORDS:
            m += 2
            if m < len(ms) and lows[m] in ("morning", "afternoon", "evening", "night"):
                m += 1
        if m >= len(ms):
            return None
        gap = text[ms[m - 1].end():ms[m].start()]
    if lows[m] in NP_OPENERS or lows[m] == "that" or "," in gap:
        return ms[j].start(), end
    return None


def verb_at_clause_end(text: str) -> tuple[int, int, bool] | None:
    """'The minister has on Monday in Berlin the new timetable presented.': 'has' or a modal, then
    adverbials and an object but no verb, then the participle or infinitive ending the clause;
    or a verb and a modal ending it ('… that the whole network paralyse could.'). The third value
    says whether a modal ends the clause."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if BRACKET_AUXILIARIES.isdisjoint(lows):
        return None  # both shapes need an auxiliary or a modal (MODALS are among them)
    n = len(ms)
    for i in range(2, n - 1):
        if lows[i + 1] not in MODALS or not _clause_end(text, ms, i + 1) or not ws[i].islower():
            continue
        cls = classes(lows[i])
        verb = (BASE in cls and NOUN not in cls and ADJECTIVE not in cls) or \
            (not cls and lows[i].endswith(VERB_ENDINGS))
        if verb and not set(lows[max(0, i - 3):i]) & ELLIPSIS_WORDS and lows[i - 1] not in AUXILIARIES:
            return ms[i].start(), ms[i + 1].end(), True
    for i in range(n):
        if lows[i] not in BRACKET_AUXILIARIES:
            continue
        for k in range(i + 1, n):
            low = lows[k]
            if low in CLAUSE_WORDS or low in AUXILIARIES:
                break
            if not _clause_end(text, ms, k):
                continue
            between = text[ms[i].end():ms[k].start()]
            figure = any(ch.isdigit() for ch in between)
            if len(between.split()) <= MIN_BRACKET_WORDS - figure or not ws[k].islower():
                break
            middle = lows[i + 1:k]
            if _verbal(middle[0], lows[i]) or BASE in classes(middle[0]) and lows[i] in MODALS:
                break  # the verb follows its auxiliary: 'can increase your value by …'

            phrases = sum(w in PREPOSITIONS and w != "of" for w in middle)
            if _verbal(low, lows[i]) and (_object_inside(middle) or figure or phrases >= MIN_BRACKET_PHRASES) \
                    and not any(map(_may_be_verb, middle)):
                return ms[i].start(), ms[k].end(), False
            break
    return None


def _may_be_verb(low: str) -> bool:
    """A word the table knows as a verb form and not as a noun ('see', 'reached', 'aggregate')."""
    cls = classes(low)
    return low in AUXILIARIES or ((BASE in cls or FINITE in cls) and NOUN not in cls) or _past(low)


def _clause_end(text: str, ms, k: int) -> bool:
    """Word k ends its clause: a full stop, a comma, a semicolon or the end follows it."""
    if k + 1 < len(ms):
        return text[ms[k].end():ms[k + 1].start()].strip()[:1] in (".", ",", ";")
    return text[ms[k].end():].strip()[:1] in (".", ",", ";", "")


def _verbal(low: str, aux: str) -> bool:
    """The word closing a verb bracket: a past participle after 'has' or 'was', a base form after
    a modal."""
    cls = classes(low)
    if aux in MODALS:
        return BASE in cls and NOUN not in cls and ADJECTIVE not in cls
    return past_participle(low) and NOUN not in cls and ADJECTIVE not in cls


def _object_inside(middle: list[str]) -> bool:
    """The middle holds a noun phrase that no preposition opens: the object, put before the
    verb."""
    for t, w in enumerate(middle):
        if w in NP_OPENERS and t > 0 and middle[t - 1] not in PREPOSITIONS and middle[t - 1] != "of":
            return True
    return False


def participial_only(text: str) -> tuple[int, int] | None:
    """'Pointing out that the first phase will end in May.': the sentence opens with a
    participle of saying and its clause, and no main clause follows (no comma after which a
    subject and its verb stand)."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if len(ms) < MIN_PARTICIPIAL_WORDS or ms[0].start() > 0 or lows[0] not in SAYING_PARTICIPLES:
        return None
    k = 2 if lows[1] in ("out", "also") else 1
    if lows[k] != "that":
        return None  # 'Adding the criteria …' is a gerund, the subject of a verb to come
    # a main clause after a comma: words with a finite verb that no conjunction or relative opens
    for c in (i for i, ch in enumerate(text) if ch == ","):
        tail = list(tokenize(text[c + 1:]).words)
        if tail and tail[0].lower() not in TAIL_OPENERS and has_finite_verb(tail):
            return None
    return ms[0].start(), ms[k].end()


def measure_without_verb(text: str) -> tuple[int, int] | None:
    """'The length of the new line 56 kilometres', 'its capacity 20,000 cubic metres': a clause
    (the sentence, or one after ', and' or ';') whose noun phrase is headed by a noun of
    measure and goes straight on to a number, with no verb between."""
    tk = tokenize(text)
    ms, lows = tk.matches, tk.lows
    if MEASURE_NOUNS.isdisjoint(lows):
        return None  # most sentences: one set test instead of a loop over their words
    for i in range(len(ms) - 1):
        if lows[i] not in MEASURE_OPENERS or lows[i + 1] not in MEASURE_NOUNS:
            continue
        before = text[:ms[i].start()].rstrip()
        if before and not (before.endswith((";", ",")) or (before.endswith("and") and before[:-3].rstrip().endswith(","))):
            continue
        # the noun phrase: 'of' phrases without a verb, up to the number
        k = i + 2
        while k < len(ms) and k - i <= MAX_MEASURE_PHRASE_WORDS:
            gap = text[ms[k - 1].end():ms[k].start()]
            if any(ch.isdigit() for ch in gap):
                break
            if gap.strip() or lows[k] in AUXILIARIES or lows[k] in CLAUSE_WORDS or lows[k] in NUMBER_WORDS:
                break
            k += 1
        gap = text[ms[k - 1].end():ms[k].start()] if k < len(ms) else text[ms[k - 1].end():]
        number = gap.strip()[:1].isdigit() or (k < len(ms) and lows[k] in NUMBER_WORDS and not gap.strip())
        if not number:
            continue
        phrase = list(tk.words[i + 1:k])
        if lows[k - 1] in PREPOSITIONS or lows[k - 1] in ("of", "than", "about", "around", "some", "nearly",
                                                          "almost", "over", "under", "by", "to", "from"):
            continue  # 'the cost of 3 billion' is English
        if any(_verb_like(w, t, phrase) for t, w in enumerate(phrase) if t > 0):
            continue
        return ms[i].start(), ms[k - 1].end()
    return None


_PHRASE_OPENERS = DETERMINERS | PREPOSITIONS


def _verb_like(word: str, t: int, phrase: list[str]) -> bool:
    """A word of the noun phrase that may be its verb ('rose', 'reached', 'is')."""
    low = word.lower()
    if low in AUXILIARIES or _past(low):
        return True
    cls = classes(low)
    return FINITE in cls and NOUN not in cls and ADJECTIVE not in cls and ADVERB not in cls and PARTICIPLE not in cls \
        and phrase[t - 1].lower() not in _PHRASE_OPENERS


# Verbs of sending, giving and official acts: they take an object, so a statement that ends with
# one right after a prepositional phrase has put its verb last ("The teams with tents to the
# villages dispatched."), as Persian and Turkish do.
OBJECT_VERBS = frozenset(
    "dispatched sent delivered transferred distributed provided handed donated allocated transported "
    "deployed shipped supplied signed approved adopted launched inaugurated established announced "
    "presented submitted discussed reviewed examined arrested detained seized confiscated evacuated "
    "rescued imposed granted awarded issued published opened closed received destroyed damaged killed "
    "injured built".split())
# Head nouns of time: 'The next day, visited …' is a diary's subjectless line, not a subject and
# its verb split by a comma.
TIME_NOUNS = frozenset("day days week weeks month months year years morning afternoon evening night "
                       "weekend time times season moment hour hours decade century today yesterday".split())
# Auxiliaries that may follow the comma after a long subject: 'The delegation led by the minister,
# will visit …'.
COMMA_AUXILIARIES = frozenset("is are was were has have had will would can could should must".split())
#: A second comma this many words after the verb closes an apposition.
APPOSITION_WORDS = 5
#: Words of a subject that a comma separates from its verb.
MIN_SUBJECT_WORDS, MAX_SUBJECT_WORDS = 3, 12
# Verbs of saying after a comma open an inverted attribution ("The problem, said the mayor, is …").
SAYING = frozenset("said says added adds explained noted wrote told argued insisted warned stressed "
                   "announced declared recalled observed remarked replied answered continued "
                   "concluded admitted acknowledged".split())


def comma_before_verb(text: str) -> tuple[int, int] | None:
    """'The delegation led by the vice minister, visited the port on Tuesday.': a noun phrase
    with no verb of its own (a participle before 'by' at most), a comma, then its verb in the
    past and the verb's object, as Chinese punctuates a long subject."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if len(ms) < MIN_SUBJECT_WORDS + 2 or ms[0].start() > 0 or lows[0] not in NP_OPENERS:
        return None
    comma = text.find(",")
    if comma < 0:
        return None
    v = next((i for i, m in enumerate(ms) if m.start() > comma), None)
    if v is None or not MIN_SUBJECT_WORDS <= v <= MAX_SUBJECT_WORDS or v + 1 >= len(ms):
        return None
    if text[ms[v - 1].end():ms[v].start()].strip() != ",":
        return None
    subject = lows[:v]
    if not (TIME_NOUNS.isdisjoint(subject) and SUBJECT_ENDERS.isdisjoint(subject) and AUXILIARIES.isdisjoint(subject)):
        return None
    for t in range(1, v):
        w = subject[t]
        if _may_be_verb(w) and not (t + 1 < v and subject[t + 1] == "by") and not w.endswith("ing"):
            return None
    verb, nxt = lows[v], lows[v + 1]
    if verb in COMMA_AUXILIARIES and ws[v].islower() and nxt not in ("not", "also", "however", "of", "course"):
        if NOUN in classes(lows[v - 1]) or ws[v - 1][:1].isupper():
            return ms[v - 1].start(), ms[v].end()  # 'The delegation led by the minister, will visit …'
        return None
    if verb in SAYING or not ws[v].islower() or not _past(verb):
        return None
    head = classes(lows[v - 1])
    if NOUN not in head and not ws[v - 1][:1].isupper():
        return None  # 'from traditional, decentralised functions': a list of modifiers
    closing = text.find(",", ms[v].end())
    if 0 <= closing and len(tokenize(text[ms[v].end():closing]).words) <= APPOSITION_WORDS:
        return None  # 'The space, called Club Contact, will …': an apposition
    figure = any(ch.isdigit() for ch in text[ms[v].end():ms[v + 1].start()])
    if nxt in NP_OPENERS or nxt in NUMBER_WORDS or figure or ws[v + 1][:1].isupper():
        return ms[v - 1].start(), ms[v].end()
    return None


def object_verb_last(text: str) -> tuple[int, int] | None:
    """'The rescue teams with tents and blankets to the affected villages dispatched.': a
    statement that ends with a verb needing an object, right after a prepositional phrase, with
    no other verb before it (a form of 'be' at most)."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    k = len(ms) - 1
    if k < 5 or lows[k] not in OBJECT_VERBS or not ws[k].islower() or not _clause_end(text, ms, k):
        return None
    if text[ms[k].end():].strip() not in (".", ""):
        return None
    if not SUBJECT_ENDERS.isdisjoint(lows[:k]):
        return None
    be = [i for i, w in enumerate(lows[:k]) if w in ("is", "are", "was", "were")]
    if any(_may_be_verb(w) and i not in be[:1] and lows[i - 1] not in DETERMINERS
           for i, w in enumerate(lows[:k]) if i > 0):
        return None
    if NOUN not in classes(lows[k - 1]) and not ws[k - 1][:1].isupper():
        return None
    p = next((i for i in range(k - 1, max(0, k - 7), -1) if lows[i] in PREPOSITIONS and lows[i] != "of"), None)
    if p is None or (be and be[0] + 1 == k):
        return None
    start = ms[be[0]].start() if be else ms[p].start()
    return start, ms[k].end()


# Verbs that English never puts before their subject after a fronted phrase, unlike the verbs of
# place and being of a locative inversion ("Among the dead were two children").
NON_INVERTING = frozenset("participate participates participated collaborate collaborates collaborated "
                          "cooperate cooperates cooperated intervene intervenes intervened work works worked "
                          "attend attends attended".split())
# Words that open the subject after such a verb: 'more than 300 soldiers', 'some 40 firms'.
SUBJECT_OPENERS = NP_OPENERS | NUMBER_WORDS | frozenset("more over about around some nearly almost "
                                                        "several many dozens hundreds thousands".split())


_FIGURE_GAP = compiled.regex(r"(?:\d[\d,.]*\d|\d)?")


def fronted_phrase_verb_subject(text: str) -> tuple[int, int] | None:
    """'In the rescue work participate more than 300 soldiers.': a phrase opened by a preposition,
    then a verb English never inverts, then its subject, as Spanish and Russian order it."""
    tk = tokenize(text)
    ms, ws, lows = tk.matches, tk.words, tk.lows
    if len(ms) < 5 or ms[0].start() > 0 or lows[0] not in PREPOSITIONS:
        return None
    for v in range(2, min(len(ms) - 1, 10)):
        gap = text[ms[v - 1].end():ms[v].start()]
        if gap.strip():
            return None  # a comma ends the fronted phrase: 'In May, worked …' is another slip
        low = lows[v]
        took = low in ("took", "take", "takes") and lows[v + 1] == "part"
        prev = classes(lows[v - 1])
        if (low in NON_INVERTING or took) and lows[v - 1] not in DETERMINERS and \
                not (ADJECTIVE in prev and NOUN not in prev):
            s = v + 2 if took else v + 1
            if s >= len(ms) or not _FIGURE_GAP.fullmatch(text[ms[s - 1].end():ms[s].start()].strip()) or \
                    not _FIGURE_GAP.fullmatch(text[ms[v].end():ms[v + 1].start()].strip()):
                return None
            figure = any(ch.isdigit() for ch in text[ms[s - 1].end():ms[s].start()])
            if lows[s] in SUBJECT_OPENERS or figure or ws[s][:1].isupper():
                return ms[v].start(), ms[s].end()
            if NOUN in classes(low):
                continue  # 'In the rescue work took part …': the noun ends the fronted phrase
            return None
        if low in AUXILIARIES or _may_be_verb(low):
            return None
    return None
