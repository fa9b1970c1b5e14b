"""Is there a finite verb? A cheap, generous test without a part-of-speech tagger, and the word
classes it rests on (auxiliaries, irregular verbs, pronouns, determiners, prepositions), which the
fragment checks share.

Generous means: a word is taken for a finite verb unless it surely is not one, so that a sentence
is called verbless only when no word of it can be its verb."""
from __future__ import annotations

from .tokens import norm
from .word_classes import ADJECTIVE, FINITE, NOUN, classes

AUXILIARIES = frozenset(
    "is are was were am be been being has have had do does did will would can could shall should "
    "may might must isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't "
    "wouldn't can't cannot couldn't shouldn't mustn't it's he's she's that's there's what's "
    "i'm we're they're you're i've we've they've i'll we'll they'll he'll she'll it'll i'd we'd "
    "they'd he'd she'd let's you'll you've you'd here's where's how's who's when's why's".split())
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

# Words that open an object or a complement: a first word before one of them is an imperative.
_OBJECT_STARTERS = frozenset("the a an your my our their his her it them this these those some "
                             "up out something anything everything for to on at with about".split())
# "the season's also good": after these, a word's 's is 'is' or 'has', not a possessive.
_AFTER_CONTRACTED_IS = frozenset("also not still been never always just now very too so going got "
                                 "gone done a an the".split())
_PLURAL_DETERMINERS = frozenset("these those many most some all both several other such".split())
_NOT_VERBS = PREPOSITIONS | DETERMINERS | frozenset("and or but nor not also only just even all "
                                                    "both such quote unquote according".split())
# Pronouns that are a subject and so bring a verb we may not know ("They agree."); the relative
# and dummy ones ("that", "which", "it", "there") also stand in verbless phrases.
_SUBJECTS_WITH_VERB = SUBJECT_PRONOUNS - {"that", "which", "it", "there"}
# "-ed" and "-s" words this short ("red", "bus") are not inflected verbs.
_MIN_INFLECTED_LENGTH = 4


def may_be_finite_verb(tokens: list[str], i: int) -> bool:
    """True unless token i is surely not a finite verb."""
    word = tokens[i]
    low = norm(word)
    if i > 0 and word[:1].isupper():
        return False  # a capitalised word in mid-sentence is a name
    if low in AUXILIARIES or low in IRREGULAR_FINITE:
        return True
    if low.endswith("'s") and i + 1 < len(tokens) and norm(tokens[i + 1]) in _AFTER_CONTRACTED_IS:
        return True
    prev = norm(tokens[i - 1]) if i > 0 else ""
    if low.endswith("ed") and len(low) >= _MIN_INFLECTED_LENGTH:
        return prev not in DETERMINERS
    if low.endswith("s") and len(low) >= _MIN_INFLECTED_LENGTH and not low.endswith(("ss", "us", "is", "'s")):
        # "this transforms", "that keeps": a demonstrative before an -s word is its subject
        return prev in ("this", "that") or (prev not in DETERMINERS and prev not in PREPOSITIONS)
    if i == 0 and len(tokens) > 1 and norm(tokens[1]) in _OBJECT_STARTERS and low not in _NOT_VERBS:
        return True  # an imperative: "Check the results.", "Grab a tape measure."
    if (i >= 2 and norm(tokens[i - 2]) in _PLURAL_DETERMINERS and prev.endswith("s")
            and word.islower() and low not in _NOT_VERBS and not low.endswith("ly")):
        return True  # "These things happen.": a plural subject, then its verb
    return False


# Words before the first word of an imperative ("Please include …", "Never alter …").
_IMPERATIVE_LEADS = frozenset("please kindly just simply never always then now first also".split())
# Determiners and quantifiers that open a subject ("Some people prefer …", "Many users rely …").
_SUBJECT_OPENERS = frozenset("some many most all both several few other such these those".split())


def lexicon_verb(tokens: list[str], i: int) -> bool:
    """Token i is a verb by the word-class table: a form that is only a verb ("prefer",
    "extracted"), one that is also a noun or adjective right after a subject (a plural noun, a
    name, a quantified noun: "newspapers charge", "people aim"), or the first word of an
    imperative ("Contact us today.", "Please include your name.")."""
    word = tokens[i]
    low = norm(word)
    cls = classes(low)
    if FINITE not in cls:
        return False
    if i > 0 and word[:1].isupper():
        return False
    prev = norm(tokens[i - 1]) if i > 0 else ""
    if prev in DETERMINERS or prev in PREPOSITIONS or prev in ("to", "'s"):
        return False
    first = i == 0 or (i == 1 and prev in _IMPERATIVE_LEADS)
    if first:
        return True  # an imperative
    if NOUN not in cls and ADJECTIVE not in cls:
        return True
    before = tokens[i - 1]
    prev_cls = classes(prev)
    return ((before[:1].isupper() and i > 1)  # a name: "Shops rely"
            or (prev.endswith("s") and NOUN in prev_cls and not prev.endswith("ss"))
            or prev in ("people", "police", "children", "men", "women")
            or (i >= 2 and norm(tokens[i - 2]) in _SUBJECT_OPENERS))


def has_finite_verb(tokens: list[str]) -> bool:
    """Whether some word of the sentence `tokens` may be its finite verb."""
    if any(norm(t) in _SUBJECTS_WITH_VERB for t in tokens):
        return True
    if any(may_be_finite_verb(tokens, i) for i in range(len(tokens))):
        return True
    return any(lexicon_verb(tokens, i) for i in range(len(tokens)))
