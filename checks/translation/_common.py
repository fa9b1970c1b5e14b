"""Helpers shared by the single-text translation checks: tokens, word classes, lazy loaders.

Heavy libraries (wordfreq, langdetect, ftfy, textstat) are imported inside functions, once, so a
one-file run starts fast.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from auditor.lexicon import english_frequencies

DATA = Path(__file__).resolve().parent / "data"

# A word: letters with inner apostrophes or hyphens; bounded so a 1 MB token costs one linear scan.
WORD = re.compile(r"[^\W\d_][^\W_]{0,60}(?:[’'-][^\W\d_]{1,30}){0,4}")

AUXILIARIES = frozenset(
    "is are was were am be been being has have had do does did will would can could shall should "
    "may might must isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't "
    "wouldn't can't cannot couldn't shouldn't mustn't it's he's she's that's there's what's "
    "i'm we're they're you're i've we've they've i'll we'll they'll he'll she'll it'll i'd we'd "
    "they'd he'd she'd let's".split())
# Finite verbs that neither end in -ed nor in -s (irregular past tense, a few frequent presents).
IRREGULAR_FINITE = frozenset(
    "said told went came took made got gave found saw knew thought became began left held kept "
    "brought met ran stood won lost paid sent set put cut hit let led fell felt spoke wrote rose "
    "broke chose drove ate grew shot sold spent built meant sat fought taught bought caught sought "
    "struck hung dug drew flew threw wore tore swore understood withdrew overtook undertook arose "
    "forbade forgave forgot froze hid lay laid lit rode rang sang sank shook shut slid spun split "
    "spread stole stuck stung swept swam swung woke wound bore beat bit bled bred bent bound burst "
    "cast clung crept dealt dove fled flung fed forecast heard lent mistook overcame oversaw quit "
    "read sought shone shrank slept slung spat strode strove thrust upheld wept withheld "
    "say tell go come take make get give find see know think become begin keep bring meet run "
    "stand win lose pay send need want seem remain believe agree expect hope urge plan call warn "
    "continue consider intend face remember".split())
SUBJECT_PRONOUNS = frozenset("i we they you he she it there who which that".split())
DETERMINERS = frozenset("the a an this that these those its his her their our my your "
                        "some any no every each".split())
PREPOSITIONS = frozenset("of in on at to for with by from about into onto over under "
                         "against among between through during without within upon toward "
                         "towards across after before since until near".split())
MONTHS = frozenset("january february march april may june july august september october "
                   "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
OPEN_QUOTES = "“«„\""
CLOSE_QUOTES = "”»“\""


def words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


def may_be_finite_verb(tokens: list[str], i: int) -> bool:
    """True unless token i is surely not a finite verb (a cheap, generous test: no POS tagger)."""
    word = tokens[i]
    low = norm(word)
    if i > 0 and word[:1].isupper():
        return False  # a capitalised word in mid-sentence is a name
    if low in AUXILIARIES or low in IRREGULAR_FINITE:
        return True
    if low.endswith("'s") and i + 1 < len(tokens) and norm(tokens[i + 1]) in _AFTER_CONTRACTED_IS:
        return True  # "the season's also good": 's is 'is' or 'has', not a possessive
    prev = norm(tokens[i - 1]) if i > 0 else ""
    if low.endswith("ed") and len(low) > 3:
        return prev not in DETERMINERS
    if low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is", "'s")):
        # "this transforms", "that keeps": a demonstrative before an -s word is its subject
        return prev in ("this", "that") or (prev not in DETERMINERS and prev not in PREPOSITIONS)
    if i == 0 and len(tokens) > 1 and norm(tokens[1]) in _OBJECT_STARTERS and low not in _NOT_VERBS:
        return True  # an imperative: "Check the results.", "Grab a tape measure."
    if (i >= 2 and norm(tokens[i - 2]) in _PLURAL_DETERMINERS and prev.endswith("s")
            and word.islower() and low not in _NOT_VERBS and not low.endswith("ly")):
        return True  # "These things happen.": a plural subject, then its verb
    return False


_OBJECT_STARTERS = frozenset("the a an your my our their his her it them this these those some "
                             "up out something anything everything for to on at with about".split())
_AFTER_CONTRACTED_IS = frozenset("also not still been never always just now very too so going got "
                                  "gone done a an the".split())
_PLURAL_DETERMINERS = frozenset("these those many most some all both several other such".split())
_NOT_VERBS = PREPOSITIONS | DETERMINERS | frozenset("and or but nor not also only just even all "
                                                    "both such quote unquote according".split())


def has_finite_verb(tokens: list[str]) -> bool:
    lowered = [norm(t) for t in tokens]
    if any(t in SUBJECT_PRONOUNS - {"that", "which", "it", "there"} for t in lowered):
        return True  # "They agree.": a pronoun subject brings a verb we may not know
    return any(may_be_finite_verb(tokens, i) for i in range(len(tokens)))


def body_sentences(doc):
    """Sentences of paragraphs that hold at least two sentences: article body, not captions,
    headlines or calls to action, which are legitimately verbless."""
    by_para: dict[int, list] = {}
    for s in doc.sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for sents in by_para.values():
        if len(sents) >= 2:
            yield from sents


def is_title_case(tokens: list[str]) -> bool:
    """Headline-style text: most words capitalised."""
    if not tokens:
        return False
    caps = sum(t[:1].isupper() for t in tokens)
    return caps * 2 > len(tokens) or len(tokens) - caps < 4


@lru_cache(maxsize=None)
def load_json(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


def unknown_in_english(word: str) -> bool:
    """Not in wordfreq's English list at all (zipf below 1); a dict lookup, not a tokenizer call."""
    return word.lower() not in english_frequencies()


@lru_cache(maxsize=None)
def _detector():
    from langdetect import DetectorFactory, detect_langs
    DetectorFactory.seed = 0
    return detect_langs


def detect_language(text: str) -> tuple[str, float]:
    """(language, probability) by langdetect, seeded so that results repeat; ('', 0) on failure."""
    try:
        from langdetect import DetectorFactory
        detect = _detector()
        DetectorFactory.seed = 0
        best = detect(text)[0]
        return best.lang, best.prob
    except Exception:  # noqa: BLE001 - langdetect raises on text without features
        return "", 0.0


def clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
