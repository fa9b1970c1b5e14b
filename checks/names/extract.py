"""Finding the names of a document: capitalised tokens, their stems, and runs of them.

Shared by every NM check and cached on the document, so the family reads each text once.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# A word: letters only, bounded; hyphen and apostrophe split words (no nested quantifier).
_WORD = re.compile(r"[^\W\d_]{1,40}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")
_SPACE_ONLY = re.compile(r"[ \u00a0]{1,3}$")
_CONTEXT_WORDS = {"japan": ("Japan", "Japanese", "Tokyo"),
                  "ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev")}

_FREQ = None


def _freq_dict() -> dict:
    """wordfreq's English list, loaded once per process and only when a check needs it."""
    global _FREQ
    if _FREQ is None:
        from wordfreq import get_frequency_dict

        _FREQ = get_frequency_dict("en")
    return _FREQ


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word (0 when unknown); wordfreq lowercases, so names and words mix."""
    f = _freq_dict().get(word.lower(), 0.0)
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
    return word[0].isupper() and any(c.islower() for c in word[1:])


def _uncertain_starts(doc) -> set[int]:
    """Offsets where a capital says nothing: sentence and line starts, title-case lines."""
    text = doc.text
    starts = set()
    for s in doc.sentences:
        m = _WORD.search(text, s.start, min(s.end, s.start + 12))
        if m:
            starts.add(m.start())
    for line in doc.lines:
        words = _WORD.findall(line.text[:400])
        m = _WORD.search(text, line.start, min(line.end, line.start + 12))
        if m:
            starts.add(m.start())
        caps = sum(1 for w in words if w[0].isupper())
        titled = len(words) >= 3 and caps >= 0.6 * len(words)
        if titled and not _SENTENCE_END.search(line.text[-3:]):  # a headline in title case
            for w in _WORD.finditer(text, line.start, line.end):
                starts.add(w.start())
    return starts


def doc_names(doc) -> DocNames:
    """The names of a document, computed once and shared by all NM checks."""
    cached = getattr(doc, "_nm_names", None)
    if cached is not None:
        return cached
    text = doc.text
    uncertain = _uncertain_starts(doc)
    short_lines = [(ln.start, ln.end) for ln in doc.lines if len(ln.text.split()) <= 4]
    tokens: list[Token] = []
    lowercase: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group()
        if not _is_capitalised(word):
            if word.islower():
                lowercase.add(word)
            continue
        a, b = m.start(), m.end()
        standalone = any(s <= a and b <= e for s, e in short_lines)
        tokens.append(Token(a, b, word, a not in uncertain, standalone))
    tokens = [t for t in tokens if t.text.lower() not in lowercase]
    runs = _runs(text, tokens)
    context = frozenset(k for k, words in _CONTEXT_WORDS.items()
                        if any(w in text for w in words))
    result = DocNames(tokens, runs, lowercase, context)
    try:
        doc._nm_names = result
    except AttributeError:  # pragma: no cover - a document type without __dict__
        pass
    return result


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
