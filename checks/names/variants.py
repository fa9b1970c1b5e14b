"""When are two spellings one name? Edit distance and sound-alike keys, minus morphology, minus
two established names, minus two different people."""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

# The sibling modules are imported here, not in the functions that use them: those run once per
# pair of names, and an import statement inside a function costs a microsecond per call. (None of
# these modules imports this one at its top.)
from auditor import compiled

from .frequency import zipf
from .gazetteer import same_place
from .origins import case_form, suffix_extension
from .romanize import is_pinyin, looks_japanese, looks_pinyin, same_name, scheme_standard, standard_spelling

# Endings that make a related word, not a variant: Russia/Russian, Japan/Japanese, Kuril/Kurils,
# Tursunov/Tursunova (a relative).
_MORPH_TAILS = frozenset("s es n an ans ian ians ese i is ic ish a ov ova ev eva er ers ern".split()) | {""}
_MORPH_PAIRS = frozenset({("e", "ian"), ("e", "ians"), ("e", "an"), ("e", "ans"), ("a", "an"),
                          ("a", "ans"), ("a", "ian"), ("o", "an"), ("y", "ies"), ("e", "es"),
                          ("ia", "ian"), ("y", "aya"), ("i", "a"), ("iy", "aya"), ("ii", "a")})
#: Two spellings both at least this frequent (Zipf) are two established names (Iran/Iraq,
#: Allen/Allan): a name that common is not misspelled into another one.
ESTABLISHED = 2.0
#: A word at least this frequent (Zipf) is in the English word list as a word of its own.
KNOWN_WORD = 1.0
#: A word this frequent (Zipf: Chinese, Remove) is so common that a known word one letter from it
#: is another word (Chinoise), not its misspelling.
VERY_COMMON = 4.5
#: Shortest word compared at all: one edit in a three-letter word makes another word.
MIN_LENGTH = 4
#: Words this long may differ by one edit without sounding alike; shorter ones must sound alike.
LONG_WORD = 5
#: Most edits between two spellings of one word (a second edit only when they sound alike).
MAX_EDITS = 2
#: Whole names (runs of words) may differ by up to a third of their letters when they sound alike.
RUN_EDIT_SHARE = 3


def base(word: str) -> str:
    """The word without a plural -s, so that Kurils, Kuriles and Kurles compare as Kuril...
    (not in words of four letters or less: Mars, Laos; nor after a, o, u, i, y or s, where the s
    belongs to the name: Donbas, Honduras, Kos, Mykolas, Paris)."""
    if len(word) > MIN_LENGTH and word.endswith("s") and not word.endswith(("ss", "us", "is", "ys", "as", "os")):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def metaphone(word: str) -> str:
    """The sound-alike key of a word (Metaphone): Hirokasu and Hirokazu share one."""
    import jellyfish

    return jellyfish.metaphone(word)


def morph_related(a: str, b: str) -> bool:
    """A word and its plural, adjective or relative's form (Russia/Russian, Tursunov/Tursunova),
    or an adjective and its adverb (Unseasonable/Unseasonably)."""
    a, b = a.lower(), b.lower()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    ta, tb = a[n:], b[n:]
    if ta in _MORPH_TAILS and tb in _MORPH_TAILS:
        return True
    if {ta, tb} == {"e", "y"} and a[:n].endswith("bl"):
        return True  # an adjective and its adverb: Unseasonable, Unseasonably
    return (ta, tb) in _MORPH_PAIRS or (tb, ta) in _MORPH_PAIRS


def distance(a: str, b: str) -> int:
    """Edits between two words, a transposition counting one (case ignored)."""
    return _osa(a.lower(), b.lower())


#: Distances computed here before rapidfuzz is imported: a one-file run needs a few dozen, and
#: importing rapidfuzz took 7 ms of it; past this many pairs (a corpus), rapidfuzz computes them.
PYTHON_DISTANCES = 500
_python_distances = 0


def _osa(a: str, b: str) -> int:
    """rapidfuzz's OSA distance: computed by `_python_osa` for the first PYTHON_DISTANCES pairs,
    then by rapidfuzz, imported then and called directly (this function replaces itself)."""
    global _osa, _python_distances
    if _python_distances < PYTHON_DISTANCES:
        _python_distances += 1
        return _python_osa(a, b)
    from rapidfuzz.distance import OSA

    _osa = OSA.distance
    return _osa(a, b)


def _python_osa(a: str, b: str) -> int:
    """The optimal string alignment distance as rapidfuzz's OSA gives it: insertions, deletions,
    substitutions and transpositions of two adjacent letters, each counting one, no part edited
    twice (tests/test_names.py compares the two)."""
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            d = min(row[j] + 1, cur[j - 1] + 1, row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and before[j - 2] + 1 < d:
                d = before[j - 2] + 1
            cur[j] = d
        before, row = row, cur
    return row[-1]


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's ratio: imported on first use, then called directly (as `_osa`)."""
    global _ratio
    from rapidfuzz.fuzz import ratio

    _ratio = ratio
    return _ratio(a, b)


def is_variant(a: str, b: str, za: float | None = None, zb: float | None = None) -> bool:
    """One name spelled two ways: same first letter, close in edit distance or in sound.
    `za`, `zb` are the Zipf frequencies of the two (looked up when not given)."""
    if a == b or a[:1].lower() != b[:1].lower() or not (a.isascii() and b.isascii()):
        return False
    if abs(len(a) - len(b)) > MAX_EDITS:
        return False  # the edit distance is at least the difference in length (cheap test first)
    n = min(len(a), len(b))
    if n < MIN_LENGTH:
        return False
    # The distance first: one call to compiled code that rejects most pairs, before the tests
    # below, written in Python (all of them must pass, so their order changes no answer).
    d = distance(a, b)
    if d > MAX_EDITS or d == 0 or morph_related(a, b):
        return False  # d == 0: the same word in other capitals
    if _chinese_pair(a, b):
        return False
    if len(a) != len(b) and (_camel(a) or _camel(b)):
        return False  # a brand built on another (GraphiQL on GraphQL) or two words run together (FonceOh)
    same_sound = metaphone(a) == metaphone(b)
    if not (d == 1 and (n >= LONG_WORD or same_sound) or d == 2 and n >= LONG_WORD and same_sound):
        return False
    za = zipf(a) if za is None else za
    zb = zipf(b) if zb is None else zb
    if za >= ESTABLISHED and zb >= ESTABLISHED:
        return False
    if n < LONG_WORD and max(za, zb) >= KNOWN_WORD:
        return False  # Fern / Firn, Jill / Jyll: in four letters a known word is its own word
    return not (max(za, zb) >= VERY_COMMON and min(za, zb) >= KNOWN_WORD)  # Chinese / Chinoise


#: Two given names beside one surname are one person's name spelled two ways when they share
#: their first letter, differ by at most MAX_EDITS and read alike (Metaphone) or have this many
#: letters in common (ratio): Emanuel / Emmanuel Macron, Mohammed / Muhammad bin Salman, Xi
#: Jingping / Jinping. A name and its feminine or diminutive (Daniel / Daniela, Alexander /
#: Alexandra, Mark / Mary) differ only in their last letters: two people of one family.
SAME_PERSON_RATIO = 75
#: Letters at the end in which a name and another of its family may differ (Alexand-er / -ra).
FAMILY_ENDING = 2


def same_person_variant(a: str, b: str) -> bool:
    """Whether two given names, seen beside the same surname in one article, are one name spelled
    two ways (see SAME_PERSON_RATIO): the surname in common makes even two established names one
    (Mohammed / Muhammad), as long as they read alike."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < MIN_LENGTH or not (a.isalpha() and b.isalpha()):
        return False
    la, lb = a.lower(), b.lower()
    if la == lb or distance(la, lb) > MAX_EDITS:
        return False
    if len(os.path.commonprefix((la, lb))) >= min(len(la), len(lb)) - FAMILY_ENDING:
        return False  # only the ending differs: Daniel / Daniela, Mark / Mary
    same_sound = metaphone(la) == metaphone(lb)
    if zipf(a) >= ESTABLISHED and zipf(b) >= ESTABLISHED and not same_sound:
        return False  # two established names that read differently: two people
    return same_sound or _ratio(la, lb) >= SAME_PERSON_RATIO


# Personal spellings of one Korean vowel (Ha-jeen for Ha-jin, Soo for Su): the same syllable.
_KOREAN_SAME_VOWEL = (("ee", "i"), ("oo", "u"))


def distinct_syllables(a: str, b: str, origins) -> bool:
    """Whether two spellings of an origin with short syllables (Korean) differ in a syllable's
    vowel or its final n/ng (Seo-yeon / Soo-yeon, Chonju / Chongju): two names of that system,
    which a one-letter difference does not make one (Ha-jin / Ha-jeen, one vowel spelled two
    ways, stays one name)."""
    from .origins import origins as known

    if "korean" not in origins:
        return False
    korean = known().get("korean")
    if korean is None or not (korean.fits(a.replace(" ", "-")) and korean.fits(b.replace(" ", "-"))):
        return False

    def key(x: str) -> str:
        x = re.sub(r"[- ]", "", x.lower())
        for old, new in _KOREAN_SAME_VOWEL:
            x = x.replace(old, new)
        return x

    def skeleton(x: str) -> str:
        return re.sub(r"[aeiouwyŏŭ]", "", x.replace("ng", "n"))

    ka, kb = key(a), key(b)
    return ka != kb and skeleton(ka) == skeleton(kb)


def _chinese_pair(a: str, b: str) -> bool:
    """Xining / Xinming, Shanxi / Shaanxi: both pinyin (and not Japanese), so likely two names."""
    return all(looks_pinyin(x) and not looks_japanese(x) for x in (a, b))


def _pinyin_words(a: str, b: str) -> bool:
    """Two words of pinyin syllables, one of them of several (a single syllable, Long or Fan,
    is as often an English word), and not Japanese-looking (Shaba)."""
    return (is_pinyin(a) and is_pinyin(b) and not (looks_japanese(a) or looks_japanese(b))
            and (looks_pinyin(a) or looks_pinyin(b)))


#: The pinyin sounds told apart by one letter, which speakers of many Chinese dialects and
#: machine translation confuse: retroflex and dental initials (zh/z, ch/c, sh/s), final ng/n.
_PINYIN_CONFUSION = compiled.regex(r"(?<=[zcs])h|(?<=n)g")


def _pinyin_confusion(word: str) -> str:
    """The word with the pinyin sounds often confused made one (Xiaozhai, Xiaozai -> xiaozai)."""
    return _PINYIN_CONFUSION.sub("", word)


def _camel(word: str) -> bool:
    """Whether the word has a capital after its first letter (DevOcean, GraphQL)."""
    return any(c.isupper() for c in word[1:])


def runs_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-word names that sound alike as wholes ("Aldograph Redley" / "Aldgra Fredly"),
    where no token is an established word that differs (Foreign Ministry / Foreign Minister)."""
    if len(a) != len(b) or a == b or a[0][:1] != b[0][:1]:
        return False
    if unaccent(" ".join(a)) == unaccent(" ".join(b)):
        return False  # Stålenhag / Stalenhag: an accent dropped, not a variant
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    for x, y in differing:
        if _chinese_pair(x, y) or morph_related(x, y) or zipf(x) >= ESTABLISHED or zipf(y) >= ESTABLISHED:
            return False
        if len(x) < MIN_LENGTH or len(y) < MIN_LENGTH:
            return False
    ja, jb = "".join(a), "".join(b)
    return metaphone(ja) == metaphone(jb) and distance(ja, jb) <= max(MAX_EDITS, len(ja) // RUN_EDIT_SHARE)


def distinct_people(na: set[str], nb: set[str], origins=frozenset()) -> bool:
    """Mylissa Fitzsimmons and Melissa Leo: both appear with other words of their names, and
    those words differ (and are not variants of each other either, nor one name under a key of
    the `origins`: Sergei Shoigu and Sergey Shoygu are one man in two romanizations)."""
    if not na or not nb or na & nb:
        return False
    return not any(is_variant(x, y) or origins and same_name(x, y, origins) for x in na for y in nb)


# Letters that carry no combining mark to drop but that English spelling writes as plain ones:
# Turkish dotless ı, Polish ł, Scandinavian ø and æ, Vietnamese and Croatian đ, German ß.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae",
                       "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ð": "d", "þ": "th"})


@lru_cache(maxsize=20_000)  # asked for the same names again and again
def unaccent(text: str) -> str:
    """The text without its accents (Şimşek -> Simsek, Łódź -> Lodz, Kılıç -> Kilic)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_FOLD)) if not unicodedata.combining(c))


# Accented letters that a language's own rule writes as two plain letters when accents are not
# available (German DIN 5007-2 and German, Austrian and Swiss passports: ä ae, ö oe, ü ue;
# Danish and Norwegian: å aa, ø oe, æ ae): Mueller, Soeder and Goeteborg are Müller, Söder and
# Göteborg, not names one letter away from them.
_DIGRAPHS = str.maketrans({"ä": "ae", "Ä": "Ae", "ö": "oe", "Ö": "Oe", "ü": "ue", "Ü": "Ue",
                           "å": "aa", "Å": "Aa", "ø": "oe", "Ø": "Oe"})


def digraph_spelling(text: str) -> str:
    """The text with its umlauts and Nordic vowels written as two letters and its other accents
    dropped (Müller -> Mueller, Søren -> Soeren, Jürgen Schäfer -> Juergen Schaefer)."""
    return unaccent(text.translate(_DIGRAPHS))


def deletion_keys(word: str) -> set[str]:
    """Blocking keys: a word and its one-letter deletions; two words one edit apart share one."""
    w = word.lower()
    return {w} | {w[:i] + w[i + 1:] for i in range(len(w))}


#: Two renditions' spellings that alternate in one paragraph are one name when they are this
#: similar (rapidfuzz ratio, 0-100, on the unaccented lowercase words): three quarters of the
#: letters in common is a variant (Kakigara/Kakigaracho, Odnoklassniki/Odnoklasnyky), less is
#: another word the translation chose (Bucha/Buchansk is 77, Kazo/Kasu 50).
LOOSE_RATIO = 75
#: Shortest word compared between renditions: in three letters any change makes another name.
LOOSE_MIN_LENGTH = 4
#: A word this frequent (Zipf) is an ordinary English word: with a name suffix added it is the
#: name of which the word translates a part (Tone River / Tonegawa), not another spelling of it.
ORDINARY = 3.5
#: A sound-alike key this short (Metaphone of Rada and Radio: RT) is shared by unrelated words.
MIN_SOUND_KEY = 3
#: Two words that sound alike must still share this much of their letters (ratio, 0-100): the
#: keys of Zozo and Suisei agree though nothing else does; Croon / Kroon is 75.
SOUND_RATIO = 60


#: Two names GeoNames gives one place are two spellings of one name when they share this much
#: of their letters (ratio, 0-100: Rangoon / Yangon 77; Songdo / Kaesong, 62, is not) ...
PLACE_NAME_RATIO = 65
# ... or begin with the same sound, the consonants romanizations write differently made one
# (Peking / Beijing, Tsingtao / Qingdao, Calcutta / Kolkata; German w is English v: Wien /
# Vienna); otherwise they are two names of one place, an older or another dynasty's name (Songdo
# / Kaesong, Mukden / Shenyang, Stalingrad / Volgograd), which may be another entity: a
# historical city, not a misspelling.
_FIRST_SOUND = (("tsz", "c"), ("ts", "c"), ("ch", "c"), ("zh", "c"), ("sh", "s"), ("kh", "k"), ("hs", "s"),
                ("dzh", "c"), ("dz", "c"))
_SOUND_CLASS = str.maketrans({"k": "k", "g": "k", "q": "c", "j": "c", "z": "c", "x": "s", "b": "p", "d": "t", "w": "v"})


def _first_sound(word: str) -> str:
    for prefix, cls in _FIRST_SOUND:
        if word.startswith(prefix):
            return cls
    return word[:1].translate(_SOUND_CLASS)


def one_name(a: str, b: str) -> bool:
    """Whether two names of one place are spellings of one name (not a renaming), whatever their
    accents and capitals."""
    ua, ub = unaccent(a).lower(), unaccent(b).lower()
    if _ratio(ua, ub) >= PLACE_NAME_RATIO:
        return True
    fa, fb = _first_sound(ua), _first_sound(ub)
    return fa == fb or {fa, fb} <= {"c", "k"}


def loosely_variant(a: str, b: str, za: float | None = None, zb: float | None = None, origins=()) -> bool:
    """One name in two spellings, judged for two words that alternate between renditions of one
    story (so looser than `is_variant`): same first letter and LOOSE_RATIO letters in common, or
    the same sound (Metaphone), or the same romanization key. Never a word and its derivative
    (Russia/Russian, Marin/Marina), nor two established words that sound different (Iran/Iraq,
    Epicenter/Epicentre: a word choice, not a misspelled name). `origins` are the origins the
    story is about: spellings that their romanization schemes make one name are one name
    (Andrei/Andrey, Ryukou/Ryuko)."""
    if a == b:
        return False
    ua, ub = unaccent(a).lower(), unaccent(b).lower()
    if ua == ub or not (ua.isalpha() and ub.isalpha()):
        return False  # an accent dropped is NM106's; hyphenated runs are compared as runs
    if min(len(ua), len(ub)) < LOOSE_MIN_LENGTH:
        # a short name (a Chinese surname: Cai / Tsai, Ke / Ko) is one name in two spellings only
        # when the schemes of the story's origins give them one comparison key (a standard form)
        return bool(origins) and same_name(a, b, origins)
    if same_place(a, b) and one_name(ua, ub) or standard_spelling(a, b) is not None:
        return True  # two spellings of one place in GeoNames (Rubezhnoye / Rubizhne), a table's pair
    if origins and (case_form(ua, ub, origins) or same_name(a, b, origins)):
        return True  # a case ending carried into English (Bucha / Buchi), one romanization key
    if origins and scheme_standard(a, b, origins, strict=False) is not None:
        return True  # a scheme of the origins makes one the other (Kadhafi -> Gaddafi, Prigoschin)
    if morph_related(ua, ub):
        return False
    za = zipf(a) if za is None else za
    zb = zipf(b) if zb is None else zb
    extension = suffix_extension(ua, ub)
    if extension is not None:  # a name suffix added (Kabuki/Kabukiza), or another word (Terry/Terryman)
        short = za if len(ua) < len(ub) else zb
        return extension and short < ORDINARY  # Tone (River) / Tonegawa: the short one is a word
    if _pinyin_words(ua, ub):
        # two pinyin words: a changed syllable is another name (Xining / Xinjiang, Jiaxing /
        # Jiaying, Zhang / Zhaofeng), but a translation slips between the sounds pinyin tells
        # apart by one letter
        return _pinyin_confusion(ua) == _pinyin_confusion(ub)  # Xiaozhai / Xiaozai

    if za >= ESTABLISHED and zb >= ESTABLISHED:
        return False  # two established words or names: a word choice (Defence/Defense, Miles/Myles)
    similarity = _ratio(ua, ub)
    key = metaphone(ua)
    same_sound = key == metaphone(ub) and len(key) >= MIN_SOUND_KEY and similarity >= SOUND_RATIO
    return (ua[0] == ub[0] and similarity >= LOOSE_RATIO) or same_sound
