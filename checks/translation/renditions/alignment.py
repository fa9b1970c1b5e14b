"""Sentence alignment within one story: for each sentence of each rendition, its best
counterpart in each other rendition, found through its rarest words and its place in the story,
scored by shared content words and word order."""
from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from .summary import DocSummary, SentenceSummary

#: A sentence finds its counterparts through this many of its rarest words ...
RARE_PROBES = 4
#: ... among those that occur in at most this many sentences per rendition of the story (a word
#: in more sentences than that does not help aligning) ...
MAX_PROBE_SENTENCES_PER_RENDITION = 2
#: ... and through the sentences at the same relative place, this many either side of it.
PLACE_WINDOW = 3
#: Of the candidates in one rendition, this many best by shared words are scored in full.
RESCORED = 3
#: The full score weighs word order (token sort ratio) and shared words (Dice) equally.
WORD_ORDER_WEIGHT = 0.5
#: Renditions keep the order of the story: a counterpart far from the same relative place loses
#: up to this much of its 0-1 score.
MAX_DRIFT_PENALTY = 0.3


class Counterpart(NamedTuple):
    doc: int
    sent: int
    score: float


def content(s: SentenceSummary) -> tuple:
    """Everything the comparison looks at: two sentences with the same content say the same."""
    return (s.stems, s.names, s.numbers, s.negated, s.poles)


def align_story(docs: list[DocSummary], members: list[int], min_score: float, min_stems: int
                ) -> dict[tuple[int, int], list[Counterpart]]:
    """{(doc, sentence): its counterparts in the other renditions}, for the sentences of the story
    that have at least `min_stems` content words and that no other rendition repeats word for
    word (such a sentence cannot disagree with all its counterparts; syndicated copies and
    recombined articles are mostly such sentences)."""
    from rapidfuzz import fuzz

    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in members:
        for k, s in enumerate(docs[d].sentences):
            if len(s.stems) >= min_stems:
                for t in s.stems:
                    index[t].append((d, k))
    cap = MAX_PROBE_SENTENCES_PER_RENDITION * len(members)
    joined: dict[tuple[int, int], str] = {}

    def words(d: int, k: int) -> str:
        key = (d, k)
        if key not in joined:
            joined[key] = " ".join(sorted(docs[d].sentences[k].stems | docs[d].sentences[k].numbers))
        return joined[key]

    twins: dict[tuple, set[int]] = defaultdict(set)
    for d in members:
        for s in docs[d].sentences:
            twins[content(s)].add(d)
    out: dict[tuple[int, int], list[Counterpart]] = {}
    for d in members:
        for k, s in enumerate(docs[d].sentences):
            if len(s.stems) < min_stems or len(twins[content(s)]) > 1:
                continue
            cands: set[tuple[int, int]] = set()
            rare = sorted((len(index[t]), t) for t in s.stems if len(index[t]) <= cap)[:RARE_PROBES]
            for _, t in rare:
                cands.update(x for x in index[t] if x[0] != d)
            here = position(docs[d], k)
            for d2 in members:  # the sentences at the same relative place, whatever their words
                if d2 != d:
                    mid = round(here * (len(docs[d2].sentences) - 1))
                    cands.update((d2, j) for j in range(max(0, mid - PLACE_WINDOW),
                                                        min(len(docs[d2].sentences), mid + PLACE_WINDOW + 1)))
            best: dict[int, list[tuple[float, int]]] = defaultdict(list)
            for d2, k2 in cands:
                other = docs[d2].sentences[k2]
                if len(other.stems) < min_stems:
                    continue
                dice = 2 * len(s.stems & other.stems) / (len(s.stems) + len(other.stems))
                best[d2].append((dice - _drift(here, position(docs[d2], k2)), k2))
            found = []
            for d2 in sorted(best):
                top = sorted(best[d2], key=lambda x: (-x[0], x[1]))[:RESCORED]
                scored = [(fuzz.token_sort_ratio(words(d, k), words(d2, k2)) / 100 * WORD_ORDER_WEIGHT
                           + dice * (1 - WORD_ORDER_WEIGHT), k2) for dice, k2 in top]
                score, k2 = max(scored, key=lambda x: (x[0], -x[1]))
                if score >= min_score:
                    found.append(Counterpart(d2, k2, score))
            out[(d, k)] = found
    return out


def position(doc: DocSummary, k: int) -> float:
    """Relative place of sentence k in its document, 0 to 1."""
    return k / max(1, len(doc.sentences) - 1)


def _drift(a: float, b: float) -> float:
    return min(MAX_DRIFT_PENALTY, abs(a - b))
