"""BP402: lines that recur across many files of the corpus are template text.

Map/reduce. Each document contributes its short lines (hashed) and a bottom-k sketch of its word
5-grams. At the end a line counts once per group of near-duplicate documents (renditions of one
story, syndicated copies, two scrapes of one page), so only text shared by unrelated articles
counts. Long sentence-shaped lines (quotations repeated across renditions) need twice the files.
"""
from __future__ import annotations

import zlib

from auditor.api import CorpusCheck, Edit, Finding, Option, Related

from .analysis import verdicts
from .layout import layout, normalize

SKETCH_SIZE = 32


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "replace")) ^ (len(text) << 32)


def _sketch(words: list[str]) -> tuple[int, ...]:
    """Bottom-k sketch of the document's word 5-grams (deterministic: crc32, not hash())."""
    lowered = [w.lower() for w in words]
    hashes = {zlib.crc32(" ".join(lowered[i:i + 5]).encode("utf-8", "replace"))
              for i in range(max(0, len(lowered) - 4))}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two documents from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    sa, sb = set(a), set(b)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


class CorpusRepetition(CorpusCheck):
    """A line that recurs in many unrelated files of the corpus is template text of the site
    (footers, widget labels, sign-up boxes), as web-text cleaners find it. Files that are near
    copies of one another (renditions of one story, syndicated copies) count once, and long
    sentence-shaped lines need twice as many files, so quotations repeated across renditions of a
    story are not reported. Lines already claimed by another BP rule are not reported again."""

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
        all_words: list[str] = []
        for ln in lay.lines:
            all_words.extend(ln.words)
            if ln.n_words < 2 or ln.n_words > self.opts.max_words or ln.index == 0:
                continue
            key = normalize(ln.text)
            if len(key) < 4:
                continue
            long_sentence = ln.n_words >= 12 and ln.ends_sentence
            cut = doc.line_removal(ln.start, ln.end)
            lines.setdefault(_hash(key), []).append(
                (doc.path, ln.start, ln.end, long_sentence, ln.index in claimed, ln.text[:80], cut.start, cut.end))
        return {"lines": lines, "sketch": {doc.path: _sketch(all_words)}}

    def merge(self, a, b):
        for key, occ in b["lines"].items():
            a["lines"].setdefault(key, []).extend(occ)
        a["sketch"].update(b["sketch"])
        return a

    def _groups(self, paths: list[str], sketch: dict) -> list[list[str]]:
        """Greedy grouping of files into near-copy groups (the files of one line: few)."""
        groups: list[list[str]] = []
        for p in paths:
            for g in groups:
                if any(similarity(sketch.get(p, ()), sketch.get(q, ())) >= self.opts.near_copy for q in g):
                    g.append(p)
                    break
            else:
                groups.append([p])
        return groups

    def finalize(self, summary):
        sketch = summary["sketch"]
        min_files = self.opts.min_files
        for key in sorted(summary["lines"], key=lambda k: min(summary["lines"][k])):
            occ = sorted(summary["lines"][key])
            per_file: dict[str, int] = {}
            for o in occ:
                per_file[o[0]] = per_file.get(o[0], 0) + 1
            # Template text appears once a page; a line repeated inside its pages is a subheading.
            paths = sorted(p for p, n in per_file.items() if n == 1)
            if len(paths) < min_files:
                continue
            need = min_files * 2 if any(o[3] for o in occ) else min_files
            if len(paths) < need or len(paths) > 5000:
                continue
            groups = self._groups(paths, sketch)
            if len(groups) < need:
                continue
            first = {}
            for o in occ:
                first.setdefault(o[0], o)
            for path, start, end, _long, already, text, cut_start, cut_end in occ:
                if already or path not in first or per_file[path] != 1:
                    continue
                others = [first[p] for p in paths if p != path][:3]
                related = tuple(Related(o[0], o[1], o[2], "same line") for o in others)
                yield path, Finding(
                    start, end,
                    f"'{text}' recurs in {len(paths)} files of the corpus ({len(groups)} unrelated "
                    "groups): template text of the site, not the article; remove the line",
                    (Edit(cut_start, cut_end),), related=related)
