"""What a rendition says, sentence by sentence, in a small picklable summary: the stems of its
content words, its names, numbers, negation and polarity words. Collected per document (in worker
processes), compared across documents later."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor import compiled
from auditor.records import tuple_record
from auditor.text import STOPWORDS, clip

from ..data import load_json
from ..tokens import per_sentence
from .numbers import ANY_DIGIT, numbers as number_values, writes_number

POLARITY_TABLE = "renditions_polarity.json"

# Bounded, non-nested patterns: safe on a 1 MB line without spaces.
WORD = compiled.regex(r"[A-Za-z][A-Za-z'’\-]{0,39}")
#: Words of the shared stop-word list that still tell renditions apart: a quantity ("many"), a
#: verb of doing ("made", "make") and a relation ("among"). Leaving them out of the comparison
#: lost two Major errors and added false alarms on the development sets (MQM, scraped pages).
COMPARED_STOPWORDS = frozenset("among made make many".split())
IGNORED_WORDS = STOPWORDS - COMPARED_STOPWORDS
NEGATIONS = frozenset("not no never neither nor cannot without none nobody nothing".split())
NEG_SUFFIX = "n't"
#: A sentence keeps this much of its text, for quoting in messages: a run-on "sentence" of a
#: scraped page must not make the summary big.
MAX_SENTENCE_CHARS = 600
#: A headline keeps this much, for the overview of stories.
MAX_TITLE_CHARS = 200
#: Words of fewer letters ("un", "EU") carry too little to compare renditions by.
MIN_WORD_LETTERS = 3
#: A stem keeps this many letters: long words of one family ("negotiation", "negotiations",
#: "negotiating") meet in their first eight letters.
STEM_LETTERS = 8
#: A suffix is stripped only when this many letters stay ("sings" keeps its s: "sing" is 4).
MIN_STEM_LETTERS = 4
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
             ("ation", "ate"), ("ion", ""))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper (no dependency): groups 'sanction/sanctions/sanctioned'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM_LETTERS:
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > MIN_STEM_LETTERS:
        w = w[:-1]
    return w[:STEM_LETTERS]


@tuple_record
class SentenceSummary:
    start: int
    end: int
    text: str
    stems: frozenset            # stemmed content words
    names: frozenset            # stems of capitalised words in mid-sentence
    numbers: frozenset          # normalised values ("1200" for '1,200' or '1.2 thousand'), no clock times
    negated: bool               # a negation cue (not, never, n't, without ...)
    poles: frozenset            # (pair index, side) of polarity words
    quoted: bool = False        # mostly direct quotation


@tuple_record
class DocSummary:
    path: str
    title: str                  # the first line: the headline
    sentences: tuple


@lru_cache(maxsize=1)
def polarity_table() -> tuple[dict, list]:
    """{stem: (pair index, side)} and the pairs of the polarity table (side 0: 'pole', 1: 'opposite')."""
    pairs = load_json(POLARITY_TABLE)["pairs"]
    table = {}
    for i, pair in enumerate(pairs):
        for side, key in ((0, "pole"), (1, "opposite")):
            for word in pair[key]:
                table[stem(word)] = (i, side)
    return table, pairs


def is_negation(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return low in NEGATIONS or low.endswith(NEG_SUFFIX)


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple:
    """(whether it negates, its normal form, its stem or None when it is not compared, its
    polarity pole or None, whether it is capitalised but no acronym (a name after the first word),
    whether it writes a number in words), looked up once per distinct word."""
    low = word.lower().replace("’", "'")
    negation = low in NEGATIONS or low.endswith(NEG_SUFFIX)
    spelled = writes_number(low)
    if low in IGNORED_WORDS or len(low) < MIN_WORD_LETTERS:
        return negation, low, None, None, False, spelled
    s = stem(word)
    return negation, low, s, polarity_table()[0].get(s), word[0].isupper() and not word.isupper(), spelled


def summarise_sentence(start: int, end: int, text: str, quoted: bool = False) -> SentenceSummary:
    return SentenceSummary(start, end, *_content(text), quoted)


@per_sentence
def _content(text: str) -> tuple:
    """What the sentence `text` says: (its kept text, stems, names, numbers, whether negated,
    poles), the fields of its `SentenceSummary` that its text alone decides; worked out once
    for a sentence that several documents repeat (wire copy, a site's boilerplate)."""
    stems, names, poles = set(), set(), set()
    negated = not_seen = written = later = False
    for negation, low, s, pole, capitalised, spelled in map(_word_info, WORD.findall(text)):
        if negation:
            if low == "not":
                not_seen = True  # judged below: a contrastive 'not' negates nothing
            else:
                negated = True
        written = written or spelled
        if s is not None:
            stems.add(s)
            if pole is not None:
                poles.add(pole)
            if capitalised and later:
                names.add(s)  # a capitalised word after the first one is a name
        later = True
    if not_seen and not negated:
        negated = any(not _contrastive(text, m.start(), "not") for m in WORD.finditer(text)
                      if m.group().lower() == "not")
    # most sentences have no number, in digits or in words: they are told so without the reader
    numbers = {n.value for n in number_values(text, written)} if written or ANY_DIGIT.search(text) else _EMPTY
    return text[:MAX_SENTENCE_CHARS], _frozen(stems), _frozen(names), _frozen(numbers), negated, _frozen(poles)


_EMPTY: frozenset = frozenset()


def _frozen(values: set) -> frozenset:
    """Most sentences have no number, name or polarity word: one shared empty set for them all
    (pickling keeps the sharing within a document, so the parent process holds fewer objects)."""
    return frozenset(values) if values else _EMPTY


def _contrastive(text: str, at: int, low: str) -> bool:
    """', not Y' and 'not only' contrast two things rather than negate the predicate."""
    if low != "not":
        return False
    before = text[max(0, at - 3):at].rstrip()
    return before.endswith((",", "—", "–")) or text[at + 3:at + 9].lower().startswith(" only")


def summarise(doc) -> DocSummary:
    """The summary of one document: its headline and what each sentence says."""
    sentences = tuple(summarise_sentence(s.start, s.end, s.text,
                                         2 * doc.quoted_chars(s.start, s.end) > s.end - s.start)
                      for s in doc.sentences)
    title = clip(doc.lines[0].text, MAX_TITLE_CHARS) if doc.lines else ""
    return DocSummary(doc.path, title, sentences)


def surface(text: str, stems: set) -> list[str]:
    """The words of `text` whose stems are in `stems`, in order, each once."""
    out: list[str] = []
    for word in WORD.findall(text):  # the words, not match objects: TR601 asks for every finding
        if word not in out and stem(word) in stems:
            out.append(word)
    return out
