"""BP402: lines that recur across many unrelated files of the corpus are template text.

Map/reduce. Each document contributes its short lines (hashed) and a bottom-k sketch of its word
5-grams. At the end a line counts once per group of near-duplicate documents (renditions of one
story, syndicated copies, two scrapes of one page), so only text shared by unrelated articles
counts.
"""
from __future__ import annotations

import heapq
import zlib
from array import array
from itertools import chain, repeat

from auditor.api import CorpusCheck, Edit, Finding, Option, Related
from auditor.text import clip

from .layout import layout
from .line_verdicts import verdicts

#: Word n-grams of the sketch: long enough that two unrelated articles share few of them.
SHINGLE_WORDS = 5
#: Hashes kept per document (bottom-k): enough to tell near copies (similarity 0.2+) apart
#: from unrelated files, small enough to ship every document's sketch to the reduce step.
SKETCH_SIZE = 32
#: The sketch's smallest hashes are looked for among those under a bound that this many times
#: SKETCH_SIZE of them pass on average (fewer than SKETCH_SIZE pass a few times in 10^6) ...
SKETCH_BOUND_FACTOR = 2
#: ... in a document of this many times SKETCH_SIZE shingles (a short one: all are compared).
SKETCH_FILTER_MIN_FACTOR = 4
#: A line needs this many words to be compared: single words repeat everywhere.
MIN_WORDS = 2
#: ... and its comparable form this many characters.
MIN_CHARS = 4
#: A line of this many words ending a sentence is sentence-shaped (a quotation repeated across
#: renditions of one story): it needs LONG_SENTENCE_FACTOR times `min_files` files.
LONG_SENTENCE_WORDS = 12
LONG_SENTENCE_FACTOR = 2
#: A line in more files than this is not looked at: grouping its files compares each with the
#: earlier files that share sketch hashes with it (quadratic when all of them do), and a line
#: that common is site furniture that other rules see anyway.
MAX_FILES = 5000
#: A line that heads a paragraph or a list in more than this share of its occurrences is a
#: subheading that many articles use, not template text.
SUBHEADING_SHARE = 0.5
#: A line of this many words or fewer ("Thank you.", "Best overall") recurs across unrelated
#: articles by chance: it counts as template text only where its files share another
#: recurring line (a site's template has several).
SHORT_LINE_WORDS = 3
#: Other occurrences shown with each finding.
MAX_RELATED = 3


def _reported(check, verdict) -> bool:
    """Whether another BP rule reports the line: it claims it, and its code is selected (with
    that code ignored, the repetition is reported here)."""
    return verdict is not None and check.is_selected(verdict.code)


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "replace")) ^ (len(text) << 32)


def _sketch(lowered: list[str]) -> tuple[int, ...]:
    """Bottom-k sketch of the document's word 5-grams, of its words in lower case
    (deterministic: crc32, not hash())."""
    # The n-grams joined, encoded and hashed by map() in C: a comprehension a shingle was most
    # of the collect step. Encoded strictly first (faster); a lone surrogate, which only the
    # "replace" handler encodes, sends the document to the second pass.
    try:
        hashes = list(map(zlib.crc32, map(str.encode, _shingles(lowered))))
    except UnicodeEncodeError:
        hashes = list(map(zlib.crc32, map(str.encode, _shingles(lowered), repeat("utf-8"), repeat("replace"))))
    return _smallest(hashes)


def _smallest(hashes: list[int]) -> tuple[int, ...]:
    """The SKETCH_SIZE smallest of the distinct hashes, in order. crc32 spreads evenly over 32
    bits, so the smallest of many lie under a bound that some SKETCH_BOUND_FACTOR x SKETCH_SIZE
    of them pass: those few (filtered in C, before any set of them all is made) are sorted;
    when fewer distinct ones pass (repeated shingles), all of them are looked at."""
    if len(hashes) > SKETCH_FILTER_MIN_FACTOR * SKETCH_SIZE:
        bound = (SKETCH_BOUND_FACTOR * SKETCH_SIZE << 32) // len(hashes)
        low = sorted(set(filter(bound.__gt__, hashes)))
        if len(low) >= SKETCH_SIZE:
            return tuple(low[:SKETCH_SIZE])
    return tuple(heapq.nsmallest(SKETCH_SIZE, set(hashes)))   # (sorting them all took twice as long)


def _shingles(lowered: list[str]):
    """The word n-grams of the words, each as one string (none when there are fewer words)."""
    return map(" ".join, zip(*(lowered[k:] for k in range(SHINGLE_WORDS))))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two documents from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[:SKETCH_SIZE]
    return len((sa & sb).intersection(union)) / len(union)  # the shared ones among them


class CorpusRepetition(CorpusCheck):
    """A line (2 to 25 words) that recurs in many unrelated files of the corpus is template text
    of the site (footers, widget labels, sign-up boxes), as web-text cleaners find it. Files that
    are near copies of one another (renditions of one story, syndicated copies) count once; a
    line repeated inside one file is a subheading, not template text, and so is a line that heads
    a paragraph or a list in most of its files ('Key takeaways'); a line of 3 words or fewer
    counts only where its files share another recurring line (a site's template has several,
    'Thank you.' recurs by chance); long sentence-shaped lines
    need twice as many files, so quotations repeated across renditions of a story are not
    reported. Lines already claimed by another BP rule are not reported again (unless that
    rule's code is not selected).

    Fix (safe): remove the line; its recurrence across unrelated files identified it."""

    code = "BP402"
    family = "boilerplate"
    summary = "Line repeated across many unrelated files of the corpus"
    severity = "warning"
    options = {
        "min_files": Option(3, "unrelated files (groups of near copies) a line must occur in"),
        "max_words": Option(25, "longer lines are never treated as template text"),
        "near_copy": Option(0.2, "sketch similarity above which two files are near copies"),
    }

    def empty(self):
        return {"lines": {}, "sketch": {}}

    def collect(self, doc):
        lay = layout(doc)
        claimed = verdicts(doc)
        lines = {}
        max_words, keys, path = self.opts.max_words, lay.keys, doc.path
        # (each line with the one after it; the headline is not compared)
        for ln, nxt in zip(lay.lines[1:], chain(lay.lines[2:], (None,))):
            if not MIN_WORDS <= ln.n_words <= max_words:
                continue
            key = keys[ln.index]
            if len(key) < MIN_CHARS:
                continue
            long_sentence = ln.n_words >= LONG_SENTENCE_WORDS and ln.ends_sentence
            cut = doc.line_removal(ln.start, ln.end)
            heads = bool(nxt is not None and (nxt.prose or nxt.listed) and not ln.prose)
            lines.setdefault(_hash(key), []).append(
                (path, ln.start, ln.end, long_sentence, _reported(self, claimed.get(ln.index)), clip(ln.text),
                 cut.start, cut.end, heads, ln.n_words))
        # (the words gathered by chain() in C: extending a list a line took longer)
        lowered_words = list(chain.from_iterable(ln.lowered for ln in lay.lines))
        return {"lines": lines, "sketch": {path: _sketch(lowered_words)}}

    def merge(self, a, b):
        for key, occ in b["lines"].items():
            a["lines"].setdefault(key, []).extend(occ)
        # kept for every file to the end of the run: an array is a fifth of a tuple of ints
        a["sketch"].update((p, array("I", s)) for p, s in b["sketch"].items())
        return a

    def _groups(self, paths: list[str], sketch: dict) -> list[list[str]]:
        """Greedy grouping of files into near-copy groups: each file joins the first group (in
        order of creation) that holds a near copy of it, or starts a group of its own.

        Two files can be near copies only if their sketches share enough hashes, so a file looks
        only at the groups whose files hold enough of its hashes between them (an index of the
        hashes by group), in order of creation, and stops at the first that holds a near copy.
        Comparing it with every earlier file that shares a hash made the step quadratic in the
        files of a line when they retell one story: such a file finds a near copy among the
        first members of the first group."""
        threshold = self.opts.near_copy
        if threshold <= 0:   # every file is a near copy of every other
            return [list(paths)] if paths else []
        groups: list[list[str]] = []
        groups_with: dict[int, set[int]] = {}   # sketch hash -> the groups of the files that have it
        for p in paths:
            mine = sketch.get(p, ())
            held: dict[int, int] = {}   # group -> how many of my hashes its files hold
            for h in mine:
                for g in groups_with.get(h, ()):
                    held[g] = held.get(g, 0) + 1
            # A file shares at most `held` hashes with me and needs threshold x min(SKETCH_SIZE,
            # size of the union) of them (see _near): at least threshold x min(SKETCH_SIZE, mine).
            need = threshold * min(SKETCH_SIZE, len(mine))
            hashes = set(mine)
            best = None
            for g in sorted(held):
                if held[g] >= need and any(self._near(mine, hashes, sketch.get(q, ()), threshold)
                                           for q in groups[g]):
                    best = g
                    break
            if best is None:
                best = len(groups)
                groups.append([])
            groups[best].append(p)
            for h in mine:
                groups_with.setdefault(h, set()).add(best)
        return groups

    @staticmethod
    def _near(mine: tuple[int, ...], hashes: set[int], theirs: tuple[int, ...], threshold: float) -> bool:
        """Whether two files are near copies (`hashes`: `mine` as a set)."""
        n = len(hashes.intersection(theirs))
        # similarity() counts shared hashes among the SKETCH_SIZE smallest of the union: at most
        # n of them, so fewer than threshold x that size cannot reach it.
        if not n or n < threshold * min(SKETCH_SIZE, len(mine) + len(theirs) - n):
            return False
        return similarity(mine, theirs) >= threshold

    def finalize(self, summary):
        sketch = summary["sketch"]
        min_files = self.opts.min_files
        candidates = []   # (key, occurrences, files holding it once, near-copy groups)
        for key in sorted(summary["lines"], key=lambda k: min(summary["lines"][k])):
            occ = sorted(summary["lines"][key])
            per_file: dict[str, int] = {}
            for o in occ:
                per_file[o[0]] = per_file.get(o[0], 0) + 1
            # Template text appears once a page; a line repeated inside its pages is a subheading.
            paths = sorted(p for p, n in per_file.items() if n == 1)
            need = min_files * LONG_SENTENCE_FACTOR if any(o[3] for o in occ) else min_files
            if len(paths) < need or len(paths) > MAX_FILES:
                continue
            # A generic subheading ("Key takeaways", "Final thoughts") recurs across unrelated
            # articles too, but it heads the paragraph or list under it; template text does not.
            if sum(1 for o in occ if o[8]) > SUBHEADING_SHARE * len(occ):
                continue
            groups = self._groups(paths, sketch)
            if len(groups) < need:
                continue
            candidates.append((key, occ, per_file, paths, groups))
        # A short line ("Thank you.", "Best overall") recurs in unrelated articles by chance; a
        # site's template has more than one line: the files must share another recurring line.
        keys_of: dict[str, set] = {}
        for key, _occ, _per_file, paths, _groups in candidates:
            for p in paths:
                keys_of.setdefault(p, set()).add(key)
        for key, occ, per_file, paths, groups in candidates:
            if occ[0][9] <= SHORT_LINE_WORDS:
                shared: dict = {}
                for p in paths:
                    for other in keys_of.get(p, ()):
                        if other != key:
                            shared[other] = shared.get(other, 0) + 1
                if not any(n >= min_files for n in shared.values()):
                    continue
            # Once per line: where it occurs in each file (these files hold it once), and the
            # few files shown as related places of every occurrence (the first MAX_RELATED
            # others, taken from the first MAX_RELATED + 1).
            first = {o[0]: o for o in occ if per_file[o[0]] == 1}
            shown = [first[p] for p in paths[:MAX_RELATED + 1]]
            for path, start, end, _long, already, text, cut_start, cut_end, _heads, _n in occ:
                if already or per_file[path] != 1:
                    continue
                related = tuple(Related(o[0], o[1], o[2], "same line")
                                for o in shown if o[0] != path)[:MAX_RELATED]
                yield path, Finding(
                    start, end,
                    f"'{text}' recurs in {len(paths)} files of the corpus ({len(groups)} unrelated "
                    "stories): template text of the site, not part of this article",
                    (Edit(cut_start, cut_end),), related=related)
