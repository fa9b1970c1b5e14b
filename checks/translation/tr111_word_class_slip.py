"""TR111: a word of the wrong class where the grammar needs another ("He explanation that", "for
the maintain of", "a major globally problem"), judged with the word-class table."""
from __future__ import annotations

from bisect import bisect_right
from re import Match
from collections.abc import Iterator

from auditor.api import Check, Finding
from auditor.text import clip

from .body import unquoted_sentences
from .english import english_findings
from .tokens import norm, per_sentence, tokenize
from .verbs import AUXILIARIES, DETERMINERS, IRREGULAR_FINITE, PREPOSITIONS
from .word_classes import ADJECTIVE, ADVERB, NOUN, classes

_SUBJECTS = frozenset("he she they we i".split())
_BE = frozenset("is are was were".split())
_CLAUSE_STARTS = frozenset("that to".split())
# The determiners before a noun whose place a bare verb took ("for the maintain of").
_ARTICLES_AND_POSSESSIVES = frozenset("the a an its their his her our my your".split())
# Before an adjective in a comparison ("the most complete,").
_COMPARISON = frozenset("most more less least".split())
# Nouns that an adverb may modify ("absolutely nothing").
_PRONOUN_NOUNS = frozenset("nothing everything anything something everyone anyone someone nobody".split())
#: Short words ("set", "run") are too often several classes at once for the table to be sure.
MIN_LETTERS = 5
#: A determiner may stand this many adjectives before the word it determines.
MAX_ADJECTIVES = 2


_NOMINAL_SUFFIXES = (("", "ation"), ("e", "ation"), ("", "ion"), ("e", "ion"), ("", "ment"), ("", "ance"),
                     ("ain", "enance"), ("", "al"), ("e", "al"), ("", "ence"))


def _verb_only(word: str) -> bool:
    """A base form that the table knows only as a verb and whose noun is a different word
    ('maintain' / 'maintenance', 'investigate' / 'investigation'): the table does not know every
    uninflected noun, so a verb without such a noun ('template') may be one."""
    low = norm(word)
    if not (word.islower() and len(low) >= MIN_LETTERS and classes(low) == "bf" and low not in AUXILIARIES):
        return False
    for cut, suffix in _NOMINAL_SUFFIXES:
        if low.endswith(cut) and classes(low[: len(low) - len(cut)] + suffix) == NOUN:
            return True
    return False


def _noun_only(word: str) -> bool:
    return word.islower() and len(word) >= MIN_LETTERS and classes(word) == NOUN


def _adverb_only(word: str) -> bool:
    """An adverb made from an adjective ('globally' from 'global'), known only as an adverb."""
    return (word.islower() and word.endswith("ly") and classes(word) == ADVERB
            and ADJECTIVE in classes(word[:-2] if not word.endswith("ily") else word[:-3] + "y"))


def _adjective(word: str) -> bool:
    return ADJECTIVE in classes(word) or (word[:1].isupper() and word.lower().endswith(("an", "ese", "ish", "ic")))


_TRIGGER_WORDS = _SUBJECTS | _BE | {"of"}


def _triggered(text: str, tk) -> list[int]:
    """The places where a rule below can apply, in order: a subject pronoun, a word before 'of'
    or a comma, a word after a form of 'be', a word in -ly. Every other word is skipped cheaply."""
    lows = tk.lows
    found = set()
    for i in [i for i, low in enumerate(lows) if low in _TRIGGER_WORDS or low.endswith("ly")]:
        low = lows[i]
        if low in _SUBJECTS or low.endswith("ly"):
            found.add(i)
        if low in _BE:
            found.add(i + 1)
        if low == "of":
            found.add(i - 1)
    if "," in text:
        ends = list(map(Match.end, tk.matches))
        at = text.find(",")
        while at >= 0:
            found.add(bisect_right(ends, at) - 1)
            at = text.find(",", at + 1)
    # the places past either end ('of' opening the sentence, 'is' ending it, a comma before the
    # first word) are the only ones out of range
    found.discard(-1)
    found.discard(len(lows))
    return sorted(found)


def slips(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what is wrong) of each word-class slip in the sentence `text`."""
    tk = tokenize(text)
    ms, toks, lows = tk.matches, tk.words, tk.lows
    for i in _triggered(text, tk):
        tok = toks[i]
        nxt = lows[i + 1] if i + 1 < len(toks) else ""
        gap = text[ms[i].end():ms[i + 1].start()] if i + 1 < len(toks) else text[ms[i].end():]
        after = gap.strip()[:1]
        if lows[i] in _SUBJECTS and i + 2 < len(toks) and _noun_only(toks[i + 1]) and lows[i + 2] in _CLAUSE_STARTS \
                and not gap.strip():
            yield ms[i].start(), ms[i + 1].end(), "a noun where the subject needs its verb"
        # cheap context tests first: the word-class table is read only where a rule can apply
        if i >= 1 and (nxt == "of" and not gap.strip() or after == ",") and _verb_only(tok):
            j = i - 1
            while j >= 0 and i - j <= MAX_ADJECTIVES and _adjective(toks[j]) and lows[j] not in DETERMINERS:
                j -= 1
            before = lows[j] if j >= 0 else ""
            if before in _ARTICLES_AND_POSSESSIVES and lows[i - 1] not in _COMPARISON and nxt == "of" \
                    and not gap.strip():
                yield ms[j].start(), ms[i].end(), "a verb where the phrase needs a noun"
            elif before in PREPOSITIONS and before != "to" and j < i - 1 and after == ",":
                yield ms[j].start(), ms[i].end(), "a verb where the phrase needs a noun"
        if i >= 1 and lows[i - 1] in _BE and nxt in _CLAUSE_STARTS and not gap.strip() and tok.islower() \
                and classes(lows[i]) == "bf" and lows[i] not in AUXILIARIES and lows[i] not in IRREGULAR_FINITE:
            yield ms[i - 1].start(), ms[i].end(), "a bare verb after 'be' (advisable, advised)"
        if tok.endswith("ly") and i >= 1 and i + 1 < len(toks) and not gap.strip() and _adverb_only(tok) \
                and _noun_only(toks[i + 1]) \
                and lows[i - 1] != "to" and lows[i + 1] not in _PRONOUN_NOUNS \
                and (lows[i - 1] in DETERMINERS or lows[i - 1] in PREPOSITIONS or ADJECTIVE in classes(lows[i - 1])) \
                and not (i + 2 < len(toks) and NOUN in classes(lows[i + 2])):
            yield ms[i].start(), ms[i + 1].end(), "an adverb where the noun needs an adjective"


@per_sentence
def first_slip(text: str) -> tuple[int, int, str] | None:
    """The first of the sentence's `slips`, or None."""
    return next(slips(text), None)


class WordClassSlip(Check):
    """A word of the wrong part of speech where the grammar needs another, as machine translation
    and garbled copy leave it: a noun after a subject pronoun where the verb belongs ("He
    explanation that"), a bare verb where a noun belongs ("for the maintain of the statue",
    "During further investigate,"), a bare verb after 'be' ("it is advise to"), an adverb before a
    noun ("a major globally problem"). Word classes come from a table built from lemminflect; only
    words the table knows in one class alone count, so a word that can be both ("review",
    "visit") is never reported. Sentences inside quotations are left alone. No fix is offered: the
    right form is for an editor to choose."""

    code = "TR111"
    family = "translation"
    summary = "Word of the wrong part of speech (noun for verb, verb for noun, adverb for adjective)"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in unquoted_sentences(doc):
            found = first_slip(s.text)  # one per sentence
            if found:
                a, b, why = found
                yield Finding(s.start + a, s.start + b, f"'{clip(s.text[a:b])}': {why}")
