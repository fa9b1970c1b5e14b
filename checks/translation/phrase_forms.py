"""Loose phrase patterns written as data ("regain|restore … trade status"): the form syntax that
the term table (TR301) and the calque tables (TR302) share, compiled to regular expressions, and
the keywords that decide cheaply which forms a text can match."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress, repeat

from auditor import compiled
from auditor.text import FOLD_EXCEPTIONS

#: '…' in a form: up to four words of any kind, each bounded so a long token stays linear.
GAP = r"(?:[\s\u00a0]{1,3}[^\s\u00a0]{1,40}){0,4}"
_SEP = r"[\s\u00a0\-‑]{1,3}"


def compile_form(form: str) -> re.Pattern:
    """A form ('regain|restore … trade status') as a case-insensitive regex: words separated by
    spaces (matching spaces, no-break spaces or a hyphen), 'a|b' alternatives, a trailing '*'
    for any ending, '…' for up to four words (the first one captured as group 1), a leading '^'
    anchoring the form at the start of a sentence."""
    parts: list[str] = []
    anchored = form.startswith("^ ")
    for word in form.split()[1:] if anchored else form.split():
        if word == "…":
            parts.append(GAP if GAP in parts else "(" + GAP + ")")
            continue
        alts = []
        for alt in word.split("|"):
            stem = alt.rstrip("*")
            pat = r"[\s\-]?".join(re.escape(p) for p in stem.split("-"))
            alts.append(pat + (r"\w{0,20}" if alt.endswith("*") else ""))
        if parts and not parts[-1].endswith("{0,4}") and not parts[-1].endswith("{0,4})"):
            parts.append(_SEP)
        elif parts:
            parts.append(r"[\s\u00a0]{1,3}")
        parts.append("(?:" + "|".join(alts) + ")")
    lead = r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"] ))" if anchored else r"(?<!\w)"
    return compiled.regex(lead + "".join(parts) + r"(?!\w)", re.I | re.M)


def form_keywords(form: str) -> frozenset[str]:
    """The alternatives of the form's most selective word: a form can match only where one of
    them occurs, so one look-up for all keywords decides which forms to try. A keyword that the
    form may continue ('celebrat*', or 'co' of 'co-operation', which also matches 'cooperation')
    keeps a trailing '*': it is looked for at the start of a word; the others as whole words."""
    best = max(_slots(form), key=lambda alts: min(len(a) for a in alts))
    return _alternatives(best)


def slot_keywords(form: str) -> tuple[frozenset[str], ...]:
    """The keywords (as `form_keywords` writes them) of every word of the form: a text can
    match the form only if, for each word, one of its keywords occurs in it (see `can_match`)."""
    return tuple(_alternatives(alts) for alts in _slots(form))


def _slots(form: str) -> list[list[str]]:
    """The words of the form (gaps and the anchor aside), each as its list of alternatives."""
    return [w.split("|") for w in form.split() if w not in ("…", "^")]


def _alternatives(alts: list[str]) -> frozenset[str]:
    out = set()
    for alt in alts:
        stem = alt.rstrip("*").lower()
        head = stem.split("-")[0]
        out.add(head + "*" if alt.endswith("*") or head != stem else head)
    return frozenset(out)




def folds_plainly(text: str) -> bool:
    """Whether `can_match` may judge `text` (it holds none of FOLD_EXCEPTIONS: without them, a
    form's word matches only where its lowercase keyword is a word of the lowercased text)."""
    return not any(c in text for c in FOLD_EXCEPTIONS)


def can_match(slots: tuple[frozenset[str], ...], present: set[str]) -> bool:
    """Whether a form whose `slot_keywords` are `slots` can match a text in which `present` (of
    a KeywordIndex holding them all) occur: every word of the form needs one of its keywords.
    A necessary condition that spares the regular expression most forms whose most selective
    word occurs ('parties' in 'the two parties stressed'): valid when `folds_plainly(text)`."""
    return not any(map(present.isdisjoint, slots))  # (C-level: asked of many forms a text)


def can_match_in(low: str, start: int, end: int, slots: tuple[frozenset[str], ...]) -> bool:
    """Whether the form can match in `low[start:end]` (the lowercased text, of the text's length:
    `folds_plainly`): every word of the form needs one of its keywords in that line, as a
    substring (a weaker test than a word, and still necessary). A line that holds the form's most
    selective word but not the others is left unsearched."""
    return all(any(low.find(bare(k), start, end) >= 0 for k in slot) for slot in slots)


def bare(keyword: str) -> str:
    """The keyword without its prefix mark."""
    return keyword.rstrip("*")


class KeywordIndex:
    """Which of a set of keywords occur in a text, case-insensitively: a keyword is a whole word
    ('monday': a run of word characters), the start of a word ('celebrat*' in 'celebrated'), or
    anything else (with an apostrophe or a point: 'people's'), which is looked for anywhere. One
    set intersection decides the whole words, however many keywords there are; prefixes are looked
    up by bisection in the text's sorted words."""

    def __init__(self, keywords):
        self.exact: frozenset[str] = frozenset(k for k in keywords if _RUN.fullmatch(k))
        self.prefixes = tuple(sorted(k for k in keywords if k.endswith("*") and _RUN.fullmatch(k[:-1])))
        self.others = tuple(sorted(set(keywords) - self.exact - set(self.prefixes)))
        self._stems = tuple(k[:-1] for k in self.prefixes)

    def present(self, text: str) -> set[str]:
        """The keywords (as given) that occur in `text`."""
        found = set(self.exact.intersection(text_words(text)))
        if self.prefixes:
            # a prefix occurs when the first word at or after it in sorted order starts with it;
            # every prefix looked up at once by map (C-level: a text is asked about a hundred)
            ordered = sorted_words(text)
            stems = self._stems
            firsts = map((ordered + [""]).__getitem__, map(bisect_left, repeat(ordered), stems))
            found.update(compress(self.prefixes, map(str.startswith, firsts, stems)))
        if self.others:
            low = lowered(text)
            found.update(k for k in self.others if bare(k) in low)
        return found


def keyword_lines(text: str, low: str, keywords) -> list[tuple[int, int]]:
    """The (start, end) of the lines of `text` that hold one of `keywords` (`low` is
    `text.lower()`, of the same length), in text order: a form that needs one of them is searched
    there only, not through the whole text (forms never match across a line break)."""
    spans = []
    for k in map(bare, keywords):
        if _RUN.fullmatch(k) and k not in joined_words(text):
            continue  # not even inside a word: the text need not be searched for it
        i = low.find(k)
        while i >= 0:
            a = low.rfind("\n", 0, i) + 1
            b = low.find("\n", i)
            b = len(low) if b < 0 else b
            spans.append((a, b))
            i = low.find(k, b)
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=8)
def text_words(text: str) -> frozenset[str]:
    """The distinct lowercase words (runs of word characters) of `text`; cached for the few texts
    being checked at once."""
    return frozenset(_RUN.findall(lowered(text)))


@lru_cache(maxsize=8)
def joined_words(text: str) -> str:
    """The distinct lowercase words of `text`, each on a line: a run of word characters occurs in
    the lowercased text exactly when it occurs in this, which is far shorter than a long text."""
    return "\n".join(text_words(text))


@lru_cache(maxsize=8)
def sorted_words(text: str) -> list[str]:
    return sorted(text_words(text))


_RUN = compiled.regex(r"\w+")
