"""Sentence alignment within one story: for each sentence of each rendition, its best
counterpart in each other rendition, found through its rarest words and its place in the story,
scored by shared content words and word order."""
from __future__ import annotations

from collections import defaultdict

from auditor.records import tuple_record

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


@tuple_record
class Counterpart:
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
    # How many sentences each word is in, for those few enough to probe with (every stem of a
    # sentence that looks for counterparts is in the index)
    probes = {t: len(where) for t, where in index.items() if len(where) <= cap}
    joined: dict[tuple[int, int], str] = {}

    def words(d: int, k: int) -> str:
        key = (d, k)
        if key not in joined:
            joined[key] = " ".join(sorted(docs[d].sentences[k].stems | docs[d].sentences[k].numbers))
        return joined[key]

    places = {d: [position(docs[d], k) for k in range(len(docs[d].sentences))] for d in members}
    twins: dict[tuple, set[int]] = defaultdict(set)
    for d in members:
        for s in docs[d].sentences:
            twins[content(s)].add(d)
    stems = {d: [s.stems for s in docs[d].sentences] for d in members}
    sizes = {d: list(map(len, stems[d])) for d in members}
    out: dict[tuple[int, int], list[Counterpart]] = {}
    for d in members:
        others = [d2 for d2 in members if d2 != d]
        for k, s in enumerate(docs[d].sentences):
            if len(s.stems) < min_stems or len(twins[content(s)]) > 1:
                continue
            # The candidates in each other rendition: sentences that share a rare word, and the
            # sentences at the same relative place, whatever their words.
            here = places[d][k]
            cands: dict[int, set[int]] = {}
            for d2 in others:
                n2 = len(stems[d2])
                mid = round(here * (n2 - 1))
                cands[d2] = set(range(max(0, mid - PLACE_WINDOW), min(n2, mid + PLACE_WINDOW + 1)))
            rare = sorted([(probes[t], t) for t in s.stems if t in probes])[:RARE_PROBES]
            for _, t in rare:
                for d2, k2 in index[t]:
                    if d2 != d:
                        cands[d2].add(k2)
            found = []
            mine, size, my_words = s.stems, len(s.stems), words(d, k)
            for d2 in sorted(cands):
                theirs, their_places, their_sizes = stems[d2], places[d2], sizes[d2]
                # (-(shared-word score less the drift penalty), sentence): the best first (the
                # penalty capped by a comparison, not min(): a call a candidate was a tenth of it)
                ranked = [(-(2 * len(mine & theirs[k2]) / (size + n)
                             - (drift if (drift := abs(here - their_places[k2])) < MAX_DRIFT_PENALTY
                                else MAX_DRIFT_PENALTY)), k2)
                          for k2 in cands[d2] if (n := their_sizes[k2]) >= min_stems]
                if not ranked:
                    continue
                # token_sort_ratio's score: `words` are already sorted and joined by spaces (stems
                # and numbers hold no space), and the sorting again took a tenth of the alignment;
                # each (score, -sentence), so that the greatest is the best, the earlier on a tie
                scored = [(fuzz.ratio(my_words, words(d2, k2)) / 100 * WORD_ORDER_WEIGHT
                           - neg * (1 - WORD_ORDER_WEIGHT), -k2) for neg, k2 in sorted(ranked)[:RESCORED]]
                score, k2 = max(scored)
                if score >= min_score:
                    found.append(Counterpart(d2, -k2, score))
            out[(d, k)] = found
    return out


def position(doc: DocSummary, k: int) -> float:
    """Relative place of sentence k in its document, 0 to 1."""
    return k / max(1, len(doc.sentences) - 1)
