"""The names of a document: capitalised tokens, runs of them, and the origins the text is about.

Shared by every NM check and cached on the document, so the family reads each text once.
"""
from __future__ import annotations

import re
from collections import Counter

from auditor import compiled
from auditor.records import record, tuple_record
from auditor.text import is_headline_style

from .frequency import zipf

# A word: letters only, bounded; hyphen and apostrophe split words (no nested quantifier).
_WORD = compiled.regex(r"[^\W\d_]{1,40}")
# A word that starts with a capital (Latin script); the check below confirms it is mixed case.
# The capital comes first and the test that no letter precedes it after it (a lookbehind over
# the letter before and the capital itself): a pattern that opens with a set of characters is
# scanned for them by the regex engine's fast search, 2.5 times faster over a whole article.
_CAPITAL = compiled.regex(r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f](?<![^\W\d_].)[^\W\d_]{0,39}")
_SENTENCE_END = compiled.regex(r"[.!?…][\"'”’)]?$")
_SENTENCE_END_CHARS = ".!?…\"'”’)"  # what a line that _SENTENCE_END finds ends with (a cheap test first)
_SPACE_ONLY = compiled.regex(r"[ \u00a0]{1,3}$")
_CONTEXT_WORDS = {"japan": ("Japan", "Japanese", "Tokyo"),
                  "ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev")}
#: A line of at most this many words is a byline or a caption label (its names count half).
SHORT_LINE_WORDS = 4
#: A sentence or line starts within this many characters of its first word (after quotes,
#: bullets and dashes): a capital there says nothing.
START_REACH = 12
#: Lines longer than this are paragraphs, never title-case headlines.
HEADLINE_MAX_CHARS = 300
#: Longest run of capitalised words taken as one name ("Hirokazu Matsuno", "Kim Jong Un").
MAX_RUN = 4
#: A word also written in lowercase stays a name only when it has at least this many capitalised
#: uses for each lowercase one (a slip of the translation, not an ordinary word)...
LOWERCASE_SLIP_RATIO = 3
#: ...and English does not know it (Zipf below this: under about one use in ten million words;
#: "Superhuman" or "Ramen" in a headline and lowercase in the text are ordinary words).
LOWERCASE_SLIP_MAX_ZIPF = 2.0
#: Shortest line taken for a headline, whose capitals say nothing about names: two capitalised
#: words on a line of their own are a name (a byline).
HEADLINE_MIN_WORDS = 3


@tuple_record
class Token:
    """A capitalised word (a tuple: a document holds dozens, made faster and smaller than objects)."""

    start: int
    end: int
    text: str
    confident: bool  # capitalised where an ordinary word would not be (not sentence-initial)
    standalone: bool  # on a short line of its own (byline, caption label)


@tuple_record
class Name:
    """A run of capitalised tokens separated by single spaces: "Shigeru Isiba"."""

    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@record
class DocNames:
    tokens: list[Token]  # capitalised candidate-name tokens in text order
    runs: list[Name]  # runs of two to MAX_RUN of them
    context: frozenset[str]  # origins the text is about ("japan", "ukraine")


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and word[1:] != word[1:].upper()


def _uncertain_starts(doc) -> set[int]:
    """Offsets where a capital says nothing: sentence and line starts, title-case lines."""
    text = doc.text
    starts = {_first_word(text, span.start, span.end) for span in (*doc.sentences, *doc.lines)}
    starts.discard(None)  # a sentence or line with no word near its start
    for line in doc.lines:
        end = line.text[-3:]
        if line.end - line.start > HEADLINE_MAX_CHARS or end[-1:] in _SENTENCE_END_CHARS and _SENTENCE_END.search(end):
            continue
        words = line.text.split()
        if len(words) >= HEADLINE_MIN_WORDS and is_headline_style(words):  # a headline in title case
            for w in _WORD.finditer(text, line.start, line.end):
                starts.add(w.start())
    return starts


def _first_word(text: str, start: int, end: int) -> int | None:
    """Where the first word of a sentence or line starts (within START_REACH of its start), if
    it has one there; most begin with a letter, found without a search."""
    if text[start].isalpha():  # a letter to str.isalpha is one to _WORD
        return start
    m = _WORD.search(text, start, min(end, start + START_REACH))
    return m.start() if m else None


def doc_names(doc) -> DocNames:
    """The names of a document, computed once and shared by all NM checks."""
    return doc.memo("names.doc_names", _doc_names)


def distinct_words(doc) -> frozenset[str]:
    """The distinct words of a document's name tokens (computed once, shared by the checks)."""
    return doc.memo("names.distinct_words", lambda d: frozenset(t.text for t in doc_names(d).tokens))


def _doc_names(doc) -> DocNames:
    text = doc.text
    uncertain = _uncertain_starts(doc)
    tokens: list[Token] = []
    append, new = tokens.append, tuple.__new__  # the hot loop of the family: a Token made directly
    capitals = _CAPITAL.finditer
    # Line by line (a word never crosses a line; the pattern's lookbehind still sees the text
    # before the line): whether a token stands alone is then its line's, found without a search.
    for line in doc.lines:
        standalone = len(line.text.split(None, SHORT_LINE_WORDS + 1)) <= SHORT_LINE_WORDS
        for m in capitals(text, line.start, line.end):
            word = m.group()
            rest = word[1:]
            if not (word[0].isupper() and rest != rest.upper()):  # _is_capitalised, inlined
                continue
            a, e = m.span()
            append(new(Token, (a, e, word, a not in uncertain, standalone)))
    lowercase = _seen_in_lowercase(text, Counter(t.text for t in tokens))
    tokens = [t for t in tokens if t.text not in lowercase]
    runs = _runs(text, tokens)
    context = frozenset(k for k, words in _CONTEXT_WORDS.items()
                        if any(w in text for w in words))
    return DocNames(tokens, runs, context)


def _seen_in_lowercase(text: str, capitalised: Counter) -> set[str]:
    """The capitalised words (with their counts) that are ordinary words: they also occur in
    lowercase ("Sponsored"), unless the word is unknown to English and the lowercase use is a
    slip against more capitalised ones (a translation's "kinnikuman" once among seven
    "Kinnikuman": dropping the name would drop the file from its story's renditions)."""
    counts = _standalone_counts(text) if len(capitalised) * len(text) > ONE_PASS_MIN_WORK else None
    out = set()
    for w, n_capitalised in capitalised.items():
        low = w.lower()
        if counts is not None and low.isalpha():
            n_lowercase = counts.get(low, 0)
        else:
            n_lowercase = _lowercase_uses(text, low, n_capitalised)
        if n_lowercase and (n_lowercase * LOWERCASE_SLIP_RATIO > n_capitalised
                            or zipf(w) >= LOWERCASE_SLIP_MAX_ZIPF):
            out.add(w)
    return out


def _lowercase_uses(text: str, low: str, n_capitalised: int) -> int:
    """The uses of `low` as a word of its own, counted until they outnumber (LOWERCASE_SLIP_RATIO)
    the `n_capitalised` ones: a search of the text for the word."""
    n_lowercase = 0
    i = text.find(low)
    while i >= 0:
        before = text[i - 1:i]
        after = text[i + len(low):i + len(low) + 1]
        if not (before.isalpha() or after.isalpha() or before == "-" or after in "'’"):
            # a syllable after a hyphen or before an apostrophe (Ch'ang-ch'un) is no word
            n_lowercase += 1
            if n_lowercase * LOWERCASE_SLIP_RATIO > n_capitalised:
                break
        i = text.find(low, i + 1)
    return n_lowercase


#: Above this much work (distinct capitalised words times characters of text), the words of the
#: text are counted in one pass (`_standalone_counts`) instead of searched for one capitalised
#: word at a time: each search reads the whole text, and a long web page has hundreds of
#: capitalised words. Both count the same uses; this is where one pass became the cheaper
#: (measured on the dev corpora: short articles keep the searches, long pages take the pass).
ONE_PASS_MIN_WORK = 1_000_000
# A word of its own as `_lowercase_uses` counts one: a run of letters not after a letter or a
# hyphen, followed by a character (not the end of the text) that is neither a letter nor an
# apostrophe. The first letter comes first and the tests of what precedes it follow
# (lookbehinds): a pattern that opens with a set of characters is scanned for them by the
# engine's fast search.
_STANDALONE_WORD = compiled.regex(r"[^\W\d_](?<![^\W\d_].)(?<!-.)[^\W\d_]*(?=[^'’])(?![^\W\d_])")
_NON_ASCII = compiled.regex(r"[^\x00-\x7f]")


def _standalone_counts(text: str) -> Counter | None:
    """{word: its uses as a word of its own} for the whole text, or None when the text has a
    character that the pattern's letters include and str.isalpha does not (a superscript ², a
    fraction ½: numerals other than digits), where the pattern would part the words otherwise."""
    if not text.isascii() and any(_numeral_letter(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return Counter(_STANDALONE_WORD.findall(text))


def _numeral_letter(c: str) -> bool:
    """Whether a character is a letter to the regex engine ([^\\W\\d_]) but not to str.isalpha."""
    return (c.isdigit() or c.isnumeric()) and not c.isdecimal() and not c.isalpha()


#: Longest gap that _SPACE_ONLY can match (three spaces and the line end its "$" allows): a cheap
#: test of the offsets first, most capitalised words being far apart.
_MAX_GAP = 4


def _runs(text: str, tokens: list[Token]) -> list[Name]:
    """The runs of capitalised tokens; of a longer one, its last MAX_RUN tokens: titles come
    before a name ("Chief Cabinet Secretary Hirokazu Matsuno"), and cutting it from the left
    would part the given name from the surname. A function word capitalised at a line's or a
    sentence's start is no part of the name after it ("By Aldograph Redley", "In Kyiv")."""
    runs, cur = [], []

    def close():
        while cur and _function_word(cur[0].text):
            cur.pop(0)
        if len(cur) >= 2:
            runs.append(Name(tuple(cur[-MAX_RUN:])))

    for t in tokens:
        if cur and t.start - cur[-1].end <= _MAX_GAP and _SPACE_ONLY.match(text[cur[-1].end:t.start]):
            cur.append(t)
            continue
        if len(cur) > 1:  # a lone token is no run (most are): nothing to close
            close()
        cur = [t]
    close()
    return runs


#: Words before a name that are no part of it: titles and offices (President Emmanuel Macron).
TITLES = frozenset("""President Prime Minister Chancellor King Queen Prince Princess Crown Sheikh Emir
Amir Sultan Pope Cardinal Bishop Archbishop Rabbi Imam Ayatollah General Gen Colonel Col Major Maj
Captain Capt Lieutenant Lt Sergeant Sgt Admiral Commander Marshal Secretary Governor Mayor Senator
Sen Representative Rep Congressman Congresswoman Judge Justice Dr Mr Mrs Ms Miss Sir Dame Lord Lady
Professor Prof Ambassador Speaker Deputy Vice Chairman Chairwoman Chair Director Chief
Foreign Defence Defense Finance Interior Premier Councillor Councilman Officer Inspector Agent
Saint St Father Brother Sister Mother""".split())


#: Prepositions and conjunctions (a closed class), which begin a line or a sentence before a
#: name but never a name itself. Not the articles (The Hague, The Guardian) nor the particles of
#: names (de, van, al, bin).
FUNCTION_WORDS = frozenset("""by in at on from for with to of into onto upon under over about against between
among through during without within across along near beside after before since until while when
whereas if unless and or but nor so yet as than via per""".split())


def _function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS
