"""Finding the names of a document: capitalised tokens, their stems, and runs of them.

Shared by every NM check and cached on the document, so the family reads each text once.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from auditor.lexicon import english_frequencies

# A word: letters only, bounded; hyphen and apostrophe split words (no nested quantifier).
_WORD = re.compile(r"[^\W\d_]{1,40}")
# A word that starts with a capital (Latin script); the check below confirms it is mixed case.
_CAPITAL = re.compile(r"(?<![^\W\d_])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][^\W\d_]{0,39}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")
_SPACE_ONLY = re.compile(r"[ \u00a0]{1,3}$")
_CONTEXT_WORDS = {"japan": ("Japan", "Japanese", "Tokyo"),
                  "ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev")}

@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word (0 when unknown); wordfreq lowercases, so names and words mix."""
    f = english_frequencies().get(word.lower(), 0.0)
    return round(math.log10(f) + 9, 2) if f > 0 else 0.0


@lru_cache(maxsize=200_000)
def metaphone(word: str) -> str:
    import jellyfish

    return jellyfish.metaphone(word)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    confident: bool  # capitalised where an ordinary word would not be (not sentence-initial)
    standalone: bool  # on a short line of its own (byline, caption label)


@dataclass(frozen=True)
class Name:
    """A run of capitalised tokens separated by single spaces: "Shigeru Isiba"."""

    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass
class DocNames:
    tokens: list[Token]  # capitalised candidate-name tokens in text order
    runs: list[Name]  # runs of two to four of them
    lowercase: set[str]  # words seen in lowercase in the text
    context: frozenset[str]  # origins the text is about ("japan", "ukraine")

    def stems(self) -> set[str]:
        return {t.text for t in self.tokens}


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and word[1:] != word[1:].upper()


def _uncertain_starts(doc) -> set[int]:
    """Offsets where a capital says nothing: sentence and line starts, title-case lines."""
    text = doc.text
    starts = set()
    for s in doc.sentences:
        m = _WORD.search(text, s.start, min(s.end, s.start + 12))
        if m:
            starts.add(m.start())
    for line in doc.lines:
        m = _WORD.search(text, line.start, min(line.end, line.start + 12))
        if m:
            starts.add(m.start())
        if len(line) > 300 or _SENTENCE_END.search(line.text[-3:]):
            continue
        words = line.text.count(" ") + 1
        caps = _CAPITAL.findall(text, line.start, line.end)
        if words >= 3 and len(caps) >= 0.6 * words:  # a headline in title case
            for w in _WORD.finditer(text, line.start, line.end):
                starts.add(w.start())
    return starts


def doc_names(doc) -> DocNames:
    """The names of a document, computed once and shared by all NM checks."""
    return doc.memo("names.doc_names", _doc_names)


def _doc_names(doc) -> DocNames:
    text = doc.text
    uncertain = _uncertain_starts(doc)
    line_starts = [ln.start for ln in doc.lines]
    short = [len(ln.text.split(None, 5)) <= 4 for ln in doc.lines]
    tokens: list[Token] = []
    for m in _CAPITAL.finditer(text):
        word = m.group()
        if not _is_capitalised(word):
            continue
        a = m.start()
        i = bisect_right(line_starts, a) - 1
        tokens.append(Token(a, m.end(), word, a not in uncertain, i >= 0 and short[i]))
    lowercase = _seen_in_lowercase(text, {t.text for t in tokens})
    tokens = [t for t in tokens if t.text not in lowercase]
    runs = _runs(text, tokens)
    context = frozenset(k for k, words in _CONTEXT_WORDS.items()
                        if any(w in text for w in words))
    return DocNames(tokens, runs, lowercase, context)


def _seen_in_lowercase(text: str, words: set[str]) -> set[str]:
    """The capitalised words that also occur in lowercase (ordinary words: "Sponsored")."""
    out = set()
    for w in words:
        low = w.lower()
        i = text.find(low)
        while i >= 0:
            before = text[i - 1:i]
            after = text[i + len(low):i + len(low) + 1]
            if not (before.isalpha() or after.isalpha()):
                out.add(w)
                break
            i = text.find(low, i + 1)
    return out


def _runs(text: str, tokens: list[Token]) -> list[Name]:
    runs, cur = [], []
    for t in tokens:
        if cur and _SPACE_ONLY.match(text[cur[-1].end:t.start]) and len(cur) < 4:
            cur.append(t)
            continue
        if len(cur) >= 2:
            runs.append(Name(tuple(cur)))
        cur = [t]
    if len(cur) >= 2:
        runs.append(Name(tuple(cur)))
    return runs
