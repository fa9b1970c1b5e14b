"""Renditions of one story and the names that alternate between them.

Several translations of one article (the renditions a newsroom gets from several machine
translation systems, or a wire story and its reposts) say the same thing paragraph by paragraph.
Where one rendition has "Motoshuku" and another has "Motojuku" in the same paragraph, and no
rendition has both there, the two spellings stand for one name: a link far stronger than the
likeness of two words anywhere in a corpus, so it may join spellings that are further apart
(three-way splits, a Japanese suffix added, a letter swapped for a sound-alike one).

Renditions are found without knowing them in advance: files that share at least `min_shared`
rare names (the same test NM102 uses for "the same story") tell one story; those of them with as
many paragraphs are compared paragraph by paragraph (a rendition that merged two paragraphs is
still counted as using the spellings it has, but not aligned).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

#: A story needs at least this many paragraphs for its paragraphs to be compared one by one: a
#: one-paragraph file aligns with anything of one paragraph.
MIN_PARAGRAPHS = 2
#: A rare name shared by more files than this says nothing about which files are renditions of
#: one story (it is a well-covered person or place), and comparing all its files pairwise would
#: grow with the square of the corpus.
MAX_NAME_FILES = 64
#: Most names compared pairwise in one paragraph slot of one story: beyond it the slot is a list
#: (a table of results), not prose, and its pairs are skipped.
MAX_SLOT_NAMES = 80


def rendition_groups(files: dict[str, tuple[int, frozenset[str]]], min_shared: int) -> list[list[str]]:
    """Groups (of two files or more) of renditions of one story: `files` maps a path to its
    paragraph count and its rare names. Two files are renditions when they have at least
    MIN_PARAGRAPHS paragraphs and share at least `min_shared` rare names; groups are the
    connected sets."""
    paths = [p for p in sorted(files) if files[p][0] >= MIN_PARAGRAPHS]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    index: dict[str, list[str]] = defaultdict(list)
    for p in paths:
        for name in files[p][1]:
            index[name].append(p)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for members in index.values():
        if 2 <= len(members) <= MAX_NAME_FILES:
            for a, b in combinations(members, 2):
                shared[a, b] += 1
    for (a, b), n in shared.items():
        if n >= min_shared:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for p in paths:
        groups[find(p)].append(p)
    return [g for g in groups.values() if len(g) >= 2]


def alternations(slots: dict[str, dict[str, tuple[int, ...]]], group: list[str], similar,
                 counts: dict[str, int], watch=frozenset(), raw: set | None = None
                 ) -> dict[tuple[str, str], tuple[int, int]]:
    """{(a, b): (alternating paragraphs, co-occurrences)} for the name pairs of one group of
    renditions that `similar(a, b)` accepts: `slots[path][name]` are the paragraphs where the
    file uses the name, `counts[path]` its paragraph count (only files with as many paragraphs
    are aligned). A pair alternates in a paragraph when one file has a there without b and
    another has b there without a; it co-occurs once for each file that has both there. Only pairs
    that alternate in at least one paragraph are returned. The pairs of `watch` (sorted tuples)
    that alternate somewhere are added to `raw`, whatever `similar` says of them."""
    at: dict[tuple[int, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in group:
        for name, paras in slots.get(path, {}).items():
            for k in paras:
                at[counts[path], k][name].add(path)
    # Count first (set tests on a few paths), judge after: `similar` is the costly part, and a
    # pair that never alternates is never reported, so only those that do are judged.
    out: dict[tuple[str, str], list[int]] = {}
    for k in sorted(at):
        names = at[k]
        if len(names) > MAX_SLOT_NAMES:
            continue
        for a, b in combinations(sorted(names), 2):
            fa, fb = names[a], names[b]
            rec = out.get((a, b))
            if rec is None:
                rec = out[a, b] = [0, 0]
            if not (fa <= fb or fb <= fa):
                rec[0] += 1
            rec[1] += len(fa & fb)
    if raw is not None:
        raw.update(pair for pair, (alt, _) in out.items() if alt and pair in watch)
    return {pair: (alt, co) for pair, (alt, co) in out.items() if alt and similar(*pair)}
