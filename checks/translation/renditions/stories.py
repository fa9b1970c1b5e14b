"""Which documents of the corpus are renditions of one story: groups found through an inverted
index over their rarest words (never all pairs of files), each capped in size so that the work
stays near-linear in the size of the corpus."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import chain, islice, repeat
from operator import le
from collections.abc import Iterator

from .packed import DecodedDocs, sentence_stems

#: Each document looks for its story through this many of its rarest shared words ...
PROBE_TERMS = 12
#: ... taking from each word's list of documents only the ones nearest to it in path order, so
#: that a word every document uses costs no more than a rare one ...
PROBE_WINDOW = 16
#: ... and compares itself with the few documents that share most of those words.
CANDIDATES = 4
#: Stems this short ("war", "day") are too common to tell stories apart.
MIN_TERM_LETTERS = 4
#: Two sentences are counterparts when this share of their content words is common to both
#: (Dice coefficient): renditions of one sentence share about half of their words.
SENTENCE_MATCH = 0.4
#: Sentences of fewer content words ("He agreed.") match too easily to count.
MIN_SENTENCE_STEMS = 3
#: A document of at most this many sentences is compared with another by intersecting each of
#: the other's sentences' stems with each of its own (a test in C a pair of sentences, cheaper
#: than indexing where its stems occur, as news articles are); a longer one, a scraped page of
#: hundreds of lines, through that index (the pairs of sentences grow as its square).
INTERSECTED_SENTENCES = 40
#: Word indexes of documents kept for the next comparisons (one of every document of a large
#: corpus took more memory than the corpus's summaries).
INDEXES_KEPT = 256
#: Candidate pairs compared in one piece of work sent to the run's worker processes: few, so
#: that a worker's memory for them (their documents' stems and word indexes) stays below what
#: aligning a story takes anyway (bench corpus of 2,000: 2,000 pairs a piece raised the workers'
#: peak from 26 to 34 MB; 100 left it at 26 MB), at a little more work per document.
PAIRS_PER_JOB = 100


def doc_terms(docs: DecodedDocs) -> list[frozenset[int]]:
    """The stems of each document long enough to tell stories apart (from its stems' ids alone:
    decoding the whole document cost more than the rest of this), each as its rank (from 1)
    among those stems of the corpus in the order of their strings: small ints that sort and
    compare as the stems would, faster than the strings."""
    stems = [set().union(*docs.sentence_stems(i)) for i in range(len(docs))]
    vocab = docs.corpus.vocab
    rank = [0] * len(vocab)  # 0: too short
    for r, t in enumerate(sorted((t for t in set().union(*stems) if len(vocab[t]) >= MIN_TERM_LETTERS),
                                 key=vocab.__getitem__), 1):
        rank[t] = r
    return [frozenset(filter(None, map(rank.__getitem__, ids))) for ids in stems]


def group_stories(docs: DecodedDocs, min_similarity: float, max_files: int, map_=map) -> list[list[int]]:
    """Stories as sorted lists of indexes into `docs` (2+ files each), in the order of their
    first path.

    Each document probes its rarest shared terms for candidates (see the constants above). Links
    are added strongest first (average linkage, so two stories on one topic do not chain into
    one) and never merge two groups past `max_files`. The candidates are compared through
    `map_` (the analysis's `map`: in the run's worker processes)."""
    terms = doc_terms(docs)
    candidates: list[tuple[int, int]] = []
    slices: list[list[tuple[int, int]]] = []  # the pairs of each piece of work, in the order sent

    def jobs():
        """The candidate pairs a slice at a time with their documents' stems, as they are found:
        the workers compare the first while this process looks for the rest."""
        found = _candidate_pairs(terms, min_similarity)
        while pairs := list(islice(found, PAIRS_PER_JOB)):
            candidates.extend(pairs)
            slices.append(pairs)
            yield pairs, {i: docs.stem_arrays(i) for i in set(chain.from_iterable(pairs))}

    linker = StoryLinker(docs.sentence_stems)
    # Comparing the candidates is most of the work, each pair on its own; their similarities
    # come back in the order sent.
    for k, sims in enumerate(map_(pair_similarities, jobs())):
        linker.known(slices[k], sims)
    edges = sorted({(-linker.similarity(a, b), a, b) for a, b in candidates
                    if linker.similarity(a, b) >= min_similarity})
    members = {i: [i] for i in range(len(docs))}
    owner = list(range(len(docs)))
    for _, i, j in edges:
        a, b = owner[i], owner[j]
        if a == b or len(members[a]) + len(members[b]) > max_files:
            continue
        if not linker.linked(members[a], members[b], min_similarity):
            continue
        if b < a:
            a, b = b, a
        for x in members[b]:
            owner[x] = a
        members[a].extend(members.pop(b))
    stories = [sorted(g) for g in members.values() if len(g) > 1]
    stories.sort(key=lambda g: docs.path(g[0]))  # docs are in path order: g[0]'s is the least
    return stories


def _candidate_pairs(terms: list[frozenset[int]], min_similarity: float) -> Iterator[tuple[int, int]]:
    """Pairs (a, b), a < b, of documents that may tell one story, each once (two documents that
    find each other are one comparison: a seventh of the pairs of the bench corpus), in the
    order found: each document probes its rarest shared terms (see the constants above)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, ts in enumerate(terms):
        for t in ts:
            postings[t].append(i)
    # A term's documents and its rank as one int, for the rarest first (ties: in the order of
    # the terms' strings): sorting ints took a third of the time of sorting pairs.
    span = max(postings, default=0) + 1
    weight = {t: len(plist) * span + t for t, plist in postings.items() if len(plist) > 1}
    seen: set[tuple[int, int]] = set()
    for i, ts in enumerate(terms):
        shared = sorted(filter(None, map(weight.get, ts)))  # weights are positive
        near: list[int] = []
        for w in shared[:PROBE_TERMS]:
            plist = postings[w % span]
            pos = bisect_left(plist, i)
            near += plist[max(0, pos - PROBE_WINDOW // 2): pos + PROBE_WINDOW // 2 + 1]
        near.sort()  # so that documents found as often come out in their order (most_common is stable)
        hits = Counter(near)  # counted at once: a count at a time was half of this loop's time
        del hits[i]  # itself (its terms' lists hold it)
        for j, _ in hits.most_common(CANDIDATES):
            pair = (i, j) if i < j else (j, i)
            if pair not in seen and _overlap(terms[pair[0]], terms[pair[1]]) >= min_similarity:
                seen.add(pair)
                yield pair


class StoryLinker:
    """How much two documents tell the same story: the share of the shorter one's sentences that
    have a counterpart in the other one. Cached per pair."""

    def __init__(self, stems):
        # `stems(i)`: document i's sentences' stems as ids, without decoding the rest (pairs far
        # apart in path order would decode each document several times over).
        self.stems = stems
        self._recent: dict[int, _Compared] = {}
        self._cache: dict[tuple[int, int], float] = {}

    def known(self, pairs, similarities) -> None:
        """Take these pairs' similarities as computed elsewhere (by `pair_similarities`)."""
        self._cache.update(zip(pairs, similarities))

    def _kept(self, i: int) -> "_Compared":
        """Document `i` ready to compare, the last few documents' kept."""
        kept = self._recent.pop(i, None)
        if kept is None:
            kept = _Compared(self.stems(i))
        self._recent[i] = kept  # the most recently used last
        if len(self._recent) > INDEXES_KEPT:  # a document's candidates are near it in path order
            del self._recent[next(iter(self._recent))]
        return kept

    def linked(self, xs: list[int], ys: list[int], min_similarity: float) -> bool:
        """Whether the documents `xs` and `ys` reach `min_similarity` on average over all pairs
        across them (average linkage). A pair's similarity lies in 0..1, so the pairs not yet
        compared (each a comparison of two documents) are left out as soon as they cannot change
        the answer; when they might, the average is taken over all pairs in their order, as
        always, so the answer never depends on the bounds' rounding."""
        pairs = [(min(x, y), max(x, y)) for x in xs for y in ys]
        need = min_similarity * len(pairs)
        known = [p for p in pairs if p in self._cache]
        total, left = sum(self._cache[p] for p in known), len(pairs) - len(known)
        for p in pairs:
            if total > need + _BOUND_MARGIN:
                return True
            if total + left < need - _BOUND_MARGIN:
                return False
            if p not in self._cache:
                total += self.similarity(*p)
                left -= 1
        return sum(self.similarity(*p) for p in pairs) / len(pairs) >= min_similarity

    def similarity(self, a: int, b: int) -> float:
        key = (a, b)
        if key not in self._cache:
            short, long = self._kept(a), self._kept(b)
            if len(short.stems) > len(long.stems):
                short, long = long, short
            exact = long.sentences()
            good = 0
            for stems in short.countable:
                if stems in exact:  # a sentence copied word for word: no need to count
                    good += 1
                    continue
                size = len(stems)
                if len(long.stems) <= INTERSECTED_SENTENCES:
                    # the stems shared with each of the other's sentences, by set intersections
                    # in C: a short document needs no index (see INTERSECTED_SENTENCES); twice
                    # each count against its bar (below)
                    doubled = map(_TWICE, map(len, map(stems.intersection, long.stems)))
                    good += any(map(le, long.bars(size), doubled))
                    continue
                index, sizes = long.index()
                shared = Counter(chain.from_iterable(map(index.get, stems, repeat(()))))
                # A sentence sharing n stems is a counterpart when 2n >= SENTENCE_MATCH x (size +
                # its own size, which is n or more): none is when the most shared one is not.
                most = max(shared.values(), default=0)
                if 2 * most < SENTENCE_MATCH * (size + most):
                    continue
                if any(2 * n >= SENTENCE_MATCH * (size + sizes[k]) for k, n in shared.items()):
                    good += 1
            total = len(short.countable)
            self._cache[key] = good / total if total else 0.0
        return self._cache[key]


_TWICE = (2).__mul__


class _Compared:
    """A document's sentences' stems as `StoryLinker.similarity` reads them, worked out once for
    all the pairs the document is in: those that count (MIN_SENTENCE_STEMS or more), and, when it
    is the longer of a pair, its sentences as a set and, when a sentence of the other one is not
    among them, the bars its sentences set a sentence of each size (a short document) or where
    each stem occurs and the sentences' sizes (a long one; see INTERSECTED_SENTENCES), built only
    then: syndicated and recombined articles share most sentences word for word, and building the
    index for every document of a job of pairs was most of their comparison."""

    __slots__ = ("stems", "countable", "_sentences", "_bars", "_index")

    def __init__(self, stems: list[frozenset]):
        self.stems = stems
        self.countable = [s for s in stems if len(s) >= MIN_SENTENCE_STEMS]
        self._sentences: set | None = None
        self._bars: dict[int, list[float]] = {}
        self._index: tuple | None = None

    def sentences(self) -> set[frozenset]:
        if self._sentences is None:
            self._sentences = set(self.stems)
        return self._sentences

    def bars(self, size: int) -> list[float]:
        """For a sentence of `size` stems, SENTENCE_MATCH x (size + each sentence's size): twice
        the stems it must share with that sentence (a few sizes recur across a document's pairs)."""
        bars = self._bars.get(size)
        if bars is None:
            bars = self._bars[size] = [SENTENCE_MATCH * (size + len(s)) for s in self.stems]
        return bars


    def index(self) -> tuple[dict, list[int]]:
        """({stem: the sentences it occurs in}, the sentences' sizes)."""
        if self._index is None:
            where: dict = defaultdict(list)
            for k, stems in enumerate(self.stems):
                for t in stems:
                    where[t].append(k)
            self._index = (where, [len(s) for s in self.stems])
        return self._index


def pair_similarities(job: tuple[list[tuple[int, int]], dict]) -> list[float]:
    """`StoryLinker.similarity` of each pair of `job` (the pairs, and {document: its
    `stem_arrays`} for every document they name)."""
    pairs, arrays = job
    linker = StoryLinker(lambda i: sentence_stems(arrays[i]))
    return [linker.similarity(a, b) for a, b in pairs]


#: Far more than the rounding of a sum of a few hundred similarities, far less than one pair's
#: share of an average: a bound that decides `StoryLinker.linked` early is never a rounding's.
_BOUND_MARGIN = 1e-9


def _overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller document's terms that the other one also uses."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
