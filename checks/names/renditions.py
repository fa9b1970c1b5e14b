"""Renditions of one story and the names that alternate between them.

Several translations of one article (the renditions a newsroom gets from several machine
translation systems, or a wire story and its reposts) say the same thing paragraph by paragraph.
Where one rendition has "Motoshuku" and another has "Motojuku" in the same paragraph, and no
rendition has both there, the two spellings stand for one name: a link far stronger than the
likeness of two words anywhere in a corpus, so it may join spellings that are further apart
(three-way splits, a Japanese suffix added, a letter swapped for a sound-alike one).

Renditions are found without knowing them in advance: files that share at least `min_shared`
rare names and some wording (the same test NM102 uses for "the same story") tell one story;
those of them with as many paragraphs are compared paragraph by paragraph (a rendition that
merged two paragraphs is still counted as using the spellings it has, but not aligned).
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import combinations
from zlib import crc32

from auditor import compiled

#: A story needs at least this many paragraphs for its paragraphs to be compared one by one: a
#: one-paragraph file aligns with anything of one paragraph.
MIN_PARAGRAPHS = 2
#: A rare name shared by more files than this says nothing about which files are renditions of
#: one story (it is a well-covered person or place), and comparing all its files pairwise would
#: grow with the square of the corpus.
MAX_NAME_FILES = 64
#: Lowercase words this long carry what a text is about ("shelling", "evacuated"), not its
#: grammar; capitalised ones are names, compared on their own. (ASCII letters: a third faster
#: than any letter and a test of case, and the text is English.)
_CONTENT_WORD = compiled.regex(r"\b[a-z]{6,}\b")
#: A file's content sketch keeps the smallest hashes of this many of its distinct lowercase words
#: (a bottom-k sketch: the share of the union's k smallest hashes that both files hold estimates
#: the share of words they have in common, in 4*k bytes a file whatever its length).
SKETCH_SIZE = 32
#: Two files sharing rare names tell one story only if they also share some wording: renditions
#: of one article share about half of their content words, and the least alike pair measured
#: (machine translations of one news article) still 2 of 32; two regional reports that name the
#: same two ministers share none (Péter Szijjártó in one, Petr Fiala in the other).
MIN_CONTENT_OVERLAP = 0.05
#: A sketch of fewer words than this (a one-line note, a caption) says nothing of a text's
#: wording: the rare names alone decide.
MIN_SKETCH_WORDS = 5
#: Most names compared pairwise in one paragraph slot of one story: beyond it the slot is a list
#: (a table of results), not prose, and its pairs are skipped.
MAX_SLOT_NAMES = 80


_HASH_BYTES = array("I").itemsize


def content_words(doc) -> frozenset[str]:
    """A document's distinct content words (`_CONTENT_WORD`), found once: its sketch and the
    search for its origins' lowercase cue words (prefecture, hryvnia) both read them."""
    return doc.memo("names.content_words", lambda d: frozenset(_CONTENT_WORD.findall(d.text)))


def is_content_word(word: str) -> bool:
    """Whether the word, wherever a text has it as a word of its own, is among its content words."""
    return _CONTENT_WORD.fullmatch(word) is not None


def content_sketch(text: str, words=None) -> bytes:
    """The bottom-k sketch of a text's content words: the SKETCH_SIZE smallest CRC-32 hashes (the
    same in every process, unlike hash()) of its distinct lowercase words of six letters or more
    (`words`, when they are already found: see `content_words`)."""
    hashes = sorted(map(crc32, map(str.encode, set(_CONTENT_WORD.findall(text)) if words is None else words)))
    return array("I", hashes[:SKETCH_SIZE]).tobytes()


def content_overlap(a: bytes, b: bytes) -> float:
    """The share of the two sketches' SKETCH_SIZE smallest hashes that both hold (0 to 1)."""
    ha, hb = set(array("I", a)), set(array("I", b))
    union = sorted(ha | hb)[:SKETCH_SIZE]
    return sum(1 for h in union if h in ha and h in hb) / len(union) if union else 0.0


def rendition_groups(files: dict[str, tuple[int, frozenset[str], bytes]], min_shared: int) -> list[list[str]]:
    """Groups (of two files or more) of renditions of one story: `files` maps a path to its
    paragraph count, its rare names and its content sketch. Two files are renditions when they
    have at least MIN_PARAGRAPHS paragraphs and share at least `min_shared` rare names and some
    wording (MIN_CONTENT_OVERLAP); groups are the connected sets."""
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
        if n >= min_shared and share_wording(files[a][2], files[b][2]):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for p in paths:
        groups[find(p)].append(p)
    return [g for g in groups.values() if len(g) >= 2]


def share_wording(a: bytes, b: bytes) -> bool:
    """Whether two files' sketches allow them to tell one story: they share some wording
    (MIN_CONTENT_OVERLAP), or one of them is too short to tell."""
    return not (_sketched(a) and _sketched(b)) or content_overlap(a, b) >= MIN_CONTENT_OVERLAP


def _sketched(sketch: bytes) -> bool:
    return len(sketch) >= MIN_SKETCH_WORDS * _HASH_BYTES


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
