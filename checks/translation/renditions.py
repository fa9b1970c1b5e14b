"""Translation checks that compare renditions of one story across the corpus (TR6xx).

Map/reduce: `collect` reduces each document to its sentences as sets of stemmed content words,
numbers, names, negation and polarity cues (`DocSummary`); `finalize` groups documents into
stories through an inverted index over their rarest terms (never all pairs of files, and a story
never grows past `max_story_files`), aligns sentences within each story and reports a sentence
whose aligned counterparts in the other renditions agree among themselves but not with it.

The three checks share one analysis (cached per corpus), so selecting all three costs one pass.
"""
from __future__ import annotations

import json
import math
import re
import sys
import zlib
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from auditor.api import CorpusCheck, Finding, Option, Related

DATA = Path(__file__).resolve().parent / "data"

# Bounded, non-nested patterns: safe on a 1 MB line without spaces.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{0,39}")
_NUMBER = re.compile(r"(?<![\w.,:])\d{1,3}(?:,\d{3}){1,4}(?![\d,]*\d)|(?<![\w.,:])\d{1,12}(?:\.\d{1,4})?(?![\w:]|[.,]\d)")
_CLOCK = re.compile(r"\s{0,2}(?:a\.?m\b|p\.?m\b|o'clock|hours?\b|local time)", re.I)
_MAX_SENTENCE_CHARS = 600

STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each either else even ever
every few for from further had has have having he her here hers herself him himself his how however
i if in into is it its itself just least less let like may me might more most much must my myself
neither no nor not now of off on once one only or other others our ours ourselves out over own per
rather same shall she should since so some such than that the their theirs them themselves then there
these they this those though through thus to too toward towards under until up upon us very via was
we were what whatever when where whether which while who whom whose why will with within without would
yet you your yours yourself mr mrs ms said say says saying told added according stated noted
who's it's that's there's he's she's they're we're i'm don't doesn't didn't won't can't isn't aren't
wasn't weren't hasn't haven't hadn't couldn't wouldn't shouldn't cannot
""".split())
NEGATIONS = frozenset("not no never neither nor cannot without none nobody nothing".split())
_NEG_SUFFIX = "n't"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper (no dependency): groups 'sanction/sanctions/sanctioned'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                         ("ly", ""), ("ation", "ate"), ("ion", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w[:8]


class SentenceSummary(NamedTuple):
    start: int
    end: int
    text: str
    stems: frozenset            # stemmed content words
    names: frozenset            # stems of capitalised words in mid-sentence
    numbers: frozenset          # normalised numbers ("1200", "2.9"), clock times left out
    negated: bool               # a negation cue (not, never, n't, without ...)
    poles: frozenset            # (pair index, side) of polarity words
    quoted: bool = False        # mostly direct quotation


class DocSummary(NamedTuple):
    path: str
    digest: int
    sentences: tuple


@lru_cache(maxsize=1)
def polarity_table() -> tuple[dict, list]:
    """{stem: (pair, side)} and the pairs as loaded from data/renditions_polarity.json."""
    with open(DATA / "renditions_polarity.json", encoding="utf-8") as fh:
        pairs = json.load(fh)["pairs"]
    table = {}
    for i, pair in enumerate(pairs):
        for side, key in ((0, "pole"), (1, "opposite")):
            for word in pair[key]:
                table[stem(word)] = (i, side)
    return table, pairs


def summarise_sentence(start: int, end: int, text: str, quoted: bool = False) -> SentenceSummary:
    table, _ = polarity_table()
    stems, names, poles = set(), set(), set()
    negated = False
    first = True
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower().replace("’", "'")
        if (low in NEGATIONS or low.endswith(_NEG_SUFFIX)) and not _contrastive(text, m.start(), low):
            negated = True
        if low in STOPWORDS or len(low) < 3:
            first = False
            continue
        s = stem(word)
        stems.add(s)
        if word[0].isupper() and not first and not word.isupper():
            names.add(s)
        if s in table:
            poles.add(table[s])
        first = False
    numbers = set()
    for m in _NUMBER.finditer(text):
        if _CLOCK.match(text, m.end()):
            continue
        numbers.add(m.group().replace(",", ""))
    return SentenceSummary(start, end, text[:_MAX_SENTENCE_CHARS], _frozen(stems), _frozen(names),
                           _frozen(numbers), negated, _frozen(poles), quoted)


_EMPTY: frozenset = frozenset()


def _frozen(values: set) -> frozenset:
    """Most sentences have no number, name or polarity word: one shared empty set for them all
    (pickling keeps the sharing within a document, so the parent process holds fewer objects)."""
    return frozenset(values) if values else _EMPTY


def _contrastive(text: str, at: int, low: str) -> bool:
    """', not Y' and 'not only' contrast two things rather than negate the predicate."""
    if low != "not":
        return False
    before = text[max(0, at - 3):at].rstrip()
    return before.endswith((",", "—", "–")) or text[at + 3:at + 9].lower().startswith(" only")


def _shared_stems(doc: DocSummary) -> DocSummary:
    """`doc` with interned stems. The three TR6xx checks merge the same summary object one after
    the other: a few recent results are kept so that they go on sharing one copy."""
    hit = _REBUILT.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    intern = sys.intern
    new = doc._replace(sentences=tuple(
        s._replace(stems=frozenset(map(intern, s.stems)), names=_frozen(set(map(intern, s.names))))
        for s in doc.sentences))
    if len(_REBUILT) >= 16:
        _REBUILT.clear()
    _REBUILT[id(doc)] = (doc, new)
    return new


_REBUILT: dict[int, tuple[DocSummary, DocSummary]] = {}


def summarise(doc) -> DocSummary:
    sentences = tuple(summarise_sentence(s.start, s.end, s.text, 2 * doc.quoted_chars(s.start, s.end) > s.end - s.start)
                      for s in doc.sentences)
    return DocSummary(doc.path, zlib.crc32(doc.text.encode("utf-8", "replace")), sentences)


# --- stories ---------------------------------------------------------------------------------------

def doc_terms(doc: DocSummary) -> frozenset:
    terms = set()
    for s in doc.sentences:
        terms.update(t for t in s.stems if len(t) >= 4)
    return frozenset(terms)


def group_stories(docs: list[DocSummary], min_similarity: float, max_files: int,
                  probe_terms: int = 12, window: int = 16, candidates: int = 4) -> list[list[int]]:
    """Stories as lists of indexes into `docs` (2+ files each), found through an inverted index.

    Each document probes its `probe_terms` rarest shared terms; of each posting list it takes only
    the `window` documents nearest to it, so the work stays linear when every term is common. Of
    those, the `candidates` that share most probes are compared (`StoryLinker.similarity`). Links
    are added strongest first (average linkage, so two stories on one topic do not chain into one)
    and never merge two groups past `max_files`."""
    terms = [doc_terms(d) for d in docs]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(terms):
        for t in ts:
            postings[t].append(i)
    linker = StoryLinker(docs)
    edges = []
    for i, ts in enumerate(terms):
        shared = sorted((len(postings[t]), t) for t in ts if len(postings[t]) > 1)
        hits: Counter = Counter()
        for _, t in shared[:probe_terms]:
            plist = postings[t]
            pos = _index_in(plist, i)
            for j in plist[max(0, pos - window // 2): pos + window // 2 + 1]:
                if j != i:
                    hits[j] += 1
        for j, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:candidates]:
            a, b = min(i, j), max(i, j)
            if _overlap(terms[a], terms[b]) >= min_similarity:
                sim = linker.similarity(a, b)
                if sim >= min_similarity:
                    edges.append((-sim, a, b))
    edges = sorted(set(edges))
    members = {i: [i] for i in range(len(docs))}
    owner = list(range(len(docs)))
    for _, i, j in edges:
        a, b = owner[i], owner[j]
        if a == b or len(members[a]) + len(members[b]) > max_files:
            continue
        pairs = [(x, y) for x in members[a] for y in members[b]]
        if sum(linker.similarity(min(x, y), max(x, y)) for x, y in pairs) / len(pairs) < min_similarity:
            continue
        if b < a:
            a, b = b, a
        for x in members[b]:
            owner[x] = a
        members[a].extend(members.pop(b))
    stories = [sorted(g) for g in members.values() if len(g) > 1]
    stories.sort(key=lambda g: min(docs[i].path for i in g))
    return stories


class StoryLinker:
    """How much two documents tell the same story: the share of the shorter one's sentences that
    have a close counterpart (Dice over content words) in the other one. Cached per pair."""

    def __init__(self, docs: list[DocSummary], min_dice: float = 0.4, min_stems: int = 3):
        self.docs, self.min_dice, self.min_stems = docs, min_dice, min_stems
        self._index: dict[int, dict] = {}
        self._cache: dict[tuple[int, int], float] = {}

    def index(self, i: int) -> dict:
        if i not in self._index:
            idx: dict[str, list[int]] = defaultdict(list)
            for k, s in enumerate(self.docs[i].sentences):
                for t in s.stems:
                    idx[t].append(k)
            self._index[i] = idx
        return self._index[i]

    def similarity(self, a: int, b: int) -> float:
        key = (a, b)
        if key not in self._cache:
            da, db = self.docs[a], self.docs[b]
            if len(da.sentences) > len(db.sentences):
                a, b, da, db = b, a, db, da
            idx, good, total = self.index(b), 0, 0
            exact = {s.stems for s in db.sentences}
            for s in da.sentences:
                if len(s.stems) < self.min_stems:
                    continue
                total += 1
                if s.stems in exact:  # a sentence copied word for word: no need to count
                    good += 1
                    continue
                shared: Counter = Counter()
                for t in s.stems:
                    shared.update(idx.get(t, ()))
                size = len(s.stems)
                if any(2 * n >= self.min_dice * (size + len(db.sentences[k].stems)) for k, n in shared.items()):
                    good += 1
            self._cache[key] = good / total if total else 0.0
        return self._cache[key]


def _index_in(sorted_list: list[int], value: int) -> int:
    from bisect import bisect_left
    return bisect_left(sorted_list, value)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller document's terms that the other one also uses."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def story_label(docs: list[DocSummary], members: list[int], n: int = 4) -> str:
    """A few names (then words) that every file of the story uses, most frequent first."""
    counts: Counter = Counter()
    names: set = set()
    for i in members:
        seen = set()
        for s in docs[i].sentences:
            seen |= s.stems
            names |= s.names
        counts.update(seen)
    everywhere = [t for t, c in counts.items() if c == len(members)]
    everywhere.sort(key=lambda t: (t not in names, -sum(1 for i in members for s in docs[i].sentences
                                                         if t in s.stems), t))
    return ", ".join(everywhere[:n])


# --- alignment -------------------------------------------------------------------------------------

RARE_PROBES = 4  # a sentence finds its counterparts through its rarest words (and its place)


class Counterpart(NamedTuple):
    doc: int
    sent: int
    score: float


def align_story(docs: list[DocSummary], members: list[int], min_score: float, min_stems: int
                ) -> dict[tuple[int, int], list[Counterpart]]:
    """For each sentence of the story, its best counterpart in each other rendition (if any)."""
    from rapidfuzz import fuzz

    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in members:
        for k, s in enumerate(docs[d].sentences):
            if len(s.stems) >= min_stems:
                for t in s.stems:
                    index[t].append((d, k))
    cap = 2 * len(members)  # a word in more sentences than that does not help aligning
    joined: dict[tuple[int, int], str] = {}

    def words(d: int, k: int) -> str:
        key = (d, k)
        if key not in joined:
            joined[key] = " ".join(sorted(docs[d].sentences[k].stems | docs[d].sentences[k].numbers))
        return joined[key]

    # A sentence that another rendition repeats word for word (same content words, names,
    # numbers, negation and polarity) cannot disagree with all its counterparts: skip aligning it.
    # Syndicated copies and recombined articles are mostly such sentences.
    twins: dict[tuple, set[int]] = defaultdict(set)
    for d in members:
        for s in docs[d].sentences:
            twins[_content(s)].add(d)
    out: dict[tuple[int, int], list[Counterpart]] = {}
    for d in members:
        for k, s in enumerate(docs[d].sentences):
            if len(s.stems) < min_stems or len(twins[_content(s)]) > 1:
                continue
            cands: set[tuple[int, int]] = set()
            rare = sorted((len(index[t]), t) for t in s.stems if len(index[t]) <= cap)[:RARE_PROBES]
            for _, t in rare:
                cands.update(x for x in index[t] if x[0] != d)
            here = _position(docs[d], k)
            for d2 in members:  # the sentences at the same relative place, whatever their words
                if d2 != d:
                    mid = round(here * (len(docs[d2].sentences) - 1))
                    cands.update((d2, j) for j in range(max(0, mid - 3), min(len(docs[d2].sentences), mid + 4)))
            best: dict[int, list[tuple[float, int]]] = defaultdict(list)
            for d2, k2 in cands:
                other = docs[d2].sentences[k2]
                if len(other.stems) < min_stems:
                    continue
                dice = 2 * len(s.stems & other.stems) / (len(s.stems) + len(other.stems))
                best[d2].append((dice - _drift(here, _position(docs[d2], k2)), k2))
            found = []
            for d2 in sorted(best):
                cands = sorted(best[d2], key=lambda x: (-x[0], x[1]))[:3]
                scored = [(fuzz.token_sort_ratio(words(d, k), words(d2, k2)) / 100 * 0.5 + dice * 0.5, k2)
                          for dice, k2 in cands]
                score, k2 = max(scored, key=lambda x: (x[0], -x[1]))
                if score >= min_score:
                    found.append(Counterpart(d2, k2, score))
            out[(d, k)] = found
    return out


def _content(s: SentenceSummary) -> tuple:
    return (s.stems, s.names, s.numbers, s.negated, s.poles)


def _position(doc: DocSummary, k: int) -> float:
    return k / max(1, len(doc.sentences) - 1)


def _drift(a: float, b: float) -> float:
    """Renditions keep the order of the story: a counterpart far from the same relative place
    is less likely (penalty up to 0.3 on the 0-1 similarity)."""
    return min(0.3, abs(a - b))


# --- disagreements ---------------------------------------------------------------------------------

class Disagreement(NamedTuple):
    kind: str                   # "polarity", "negation", "number", "name", "wording"
    doc: int
    sent: int
    counterparts: tuple         # Counterpart tuples
    seen: tuple                 # what the sentence says (words, numbers)
    expected: tuple             # what most counterparts say instead
    majority_text: str          # the wording of the best majority counterpart


def _window(doc: DocSummary, k: int, field: str) -> set:
    out = set(getattr(doc.sentences[k], field))
    for j in (k - 1, k + 1):
        if 0 <= j < len(doc.sentences):
            out |= getattr(doc.sentences[j], field)
    return out


def find_disagreements(docs: list[DocSummary], members: list[int], aligned, opts) -> list[Disagreement]:
    out = []
    for (d, k), cps in sorted(aligned.items()):
        n = len(cps)
        if n < max(2, opts.min_counterparts):
            continue
        s = docs[d].sentences[k]
        need = max(2, math.ceil(n * opts.majority_share))
        other = [docs[c.doc].sentences[c.sent] for c in cps]
        found = _polarity(docs, s, other, cps, need) or _negation(docs, s, cps, need)
        if not found:
            found = _numbers(docs, d, k, s, other, cps, need)
        if not found and n >= opts.min_counterparts_wording:
            found = _wording(docs, d, k, s, other, cps, need, opts)
        elif not found and not s.quoted and _consensus(docs, aligned, cps, opts):
            found = _wording(docs, d, k, s, other, cps, need, opts)
            if found and found[0] != "wording":
                found = None  # a name or detail only this rendition adds is not a disagreement
        if found:
            kind, seen, expected, support = found
            best = max(support, key=lambda c: (c.score, -c.doc))
            text = docs[best.doc].sentences[best.sent].text
            out.append(Disagreement(kind, d, k, tuple(cps), tuple(seen), tuple(expected), text))
    return out


def _consensus(docs, aligned, cps, opts) -> bool:
    """Too few renditions for a vote, but the other renditions tell this sentence the same way:
    each counterpart has every other one as its own close counterpart (or repeats it word for
    word), and they are all much closer to each other than to this sentence. Direct quotations
    are left out by the caller: outlets pick different quotes from one speech, so a quote only
    one rendition has is not a disagreement."""
    mutual = []
    for c in cps:
        theirs = {(x.doc, x.sent): x.score for x in aligned.get((c.doc, c.sent), ())}
        mine = _content(docs[c.doc].sentences[c.sent])
        for c2 in cps:
            if c2 is c:
                continue
            if _content(docs[c2.doc].sentences[c2.sent]) == mine:
                mutual.append(1.0)
            elif (c2.doc, c2.sent) in theirs:
                mutual.append(theirs[c2.doc, c2.sent])
            else:
                return False
    return (min(mutual) >= opts.min_consensus
            and max(c.score for c in cps) <= min(mutual) - opts.consensus_margin)


def _polarity(docs, s, other, cps, need):
    """Most counterparts take the opposite pole and none takes this one.

    A counterpart that uses both poles sides with the wording it shares most ("continue to
    sanction Russia in cooperation with ..." sides with "continue to sanction Russia"). A
    counterpart that takes no side and is only weakly aligned lends its vote from a sentence of
    its rendition that uses a pole and shares at least three content words with this one
    (renditions split and order sentences differently)."""
    for pair, side in sorted(s.poles):
        mine, theirs = (pair, side), (pair, 1 - side)
        if theirs in s.poles:
            continue
        sides = [_side(docs, s, o, c, mine, theirs) for o, c in zip(other, cps)]
        if any(v == "mine" for v, _ in sides):
            continue
        pure = [sent for v, sent in sides if v == "theirs"]
        mixed = [sent for v, sent in sides if v == "both"]
        against = [c for (v, _), c in zip(sides, cps) if v == "theirs"]
        for (v, sent), c in zip(sides, cps):
            if v == "both" and pure and max(_dice(sent, p) for p in pure) > _dice(sent, s):
                against.append(c)
        if len(against) >= need and len(against) > len(mixed) - (len(against) - len(pure)):
            return "polarity", mine, theirs, against
    return None


def _side(docs, s, o, c, mine, theirs):
    """Which pole counterpart `o` takes: 'mine', 'theirs', 'both' or 'none', and the sentence."""
    has_mine, has_theirs = mine in o.poles, theirs in o.poles
    if has_mine or has_theirs:
        return ("both" if has_mine and has_theirs else "mine" if has_mine else "theirs"), o
    if c.score >= WEAK_ALIGNMENT:
        return "none", o
    for t in docs[c.doc].sentences:
        if ((mine in t.poles or theirs in t.poles) and _dice(s, t) >= 0.15
                and len((s.stems & t.stems) - _pole_stems(s, t)) >= 3):
            if mine in t.poles:
                return ("both" if theirs in t.poles else "mine"), t
            return "theirs", t
    return "none", o


WEAK_ALIGNMENT = 0.4  # below it, a rendition may have split or moved the sentence


def _pole_stems(*sentences) -> set:
    table, _ = polarity_table()
    return {t for x in sentences for t in x.stems if t in table}


def _dice(a: SentenceSummary, b: SentenceSummary) -> float:
    total = len(a.stems) + len(b.stems)
    return 2 * len(a.stems & b.stems) / total if total else 0.0


def _negation(docs, s, cps, need):
    """The sentence negates and no counterpart (nor its neighbours) does. The other direction, a
    negation the sentence lacks, was no better than chance on the MQM development set. Only
    counterparts that are surely the same sentence vote: a weakly aligned one may say something
    else, and its lacking a negation proves nothing."""
    if not s.negated or sum(c.score >= WEAK_ALIGNMENT for c in cps) < need:
        return None
    if any(docs[c.doc].sentences[j].negated for c in cps
           for j in range(max(0, c.sent - 1), min(len(docs[c.doc].sentences), c.sent + 2))):
        return None
    return "negation", ("negated",), ("affirmative",), list(cps)


def _numbers(docs, d, k, s, other, cps, need):
    if not s.numbers:
        return None
    own = _window(docs[d], k, "numbers")
    seen_anywhere = set()
    votes: Counter = Counter()
    for c in cps:
        seen_anywhere |= _window(docs[c.doc], c.sent, "numbers")
        votes.update(docs[c.doc].sentences[c.sent].numbers)
    lone = sorted(x for x in s.numbers if x not in seen_anywhere and _significant(x))
    expected = sorted(x for x, v in votes.items() if v >= need and x not in own and _significant(x))
    if lone and expected:
        support = [c for o, c in zip(other, cps) if set(expected) & o.numbers]
        return "number", lone, expected, support
    return None


def _significant(number: str) -> bool:
    """Small counts are often written as words in one rendition and as digits in another."""
    try:
        return float(number) >= 10
    except ValueError:
        return False


def _wording(docs, d, k, s, other, cps, need, opts):
    windows = [_window(docs[c.doc], c.sent, "stems") for c in cps]
    own_window = _window(docs[d], k, "stems")
    lone = sorted(t for t in s.stems if not any(t in w for w in windows))
    if not lone:
        return None
    votes: Counter = Counter()
    for o in other:
        votes.update(o.stems)
    missing = sorted(t for t, v in votes.items() if v >= need and t not in own_window)
    support = [c for o, c in zip(other, cps) if set(missing) & o.stems] or list(cps)
    names = [t for t in lone if t in s.names]
    if names:
        return "name", names, [t for t in missing if any(t in o.names for o in other)], support
    if len(lone) >= opts.min_lone_words and len(missing) >= opts.min_missing_words:
        return "wording", lone, missing, support
    return None


# --- shared analysis, cached per corpus ------------------------------------------------------------

_ANALYSIS_CACHE: dict = {}


def collect_once(doc) -> DocSummary:
    """All TR6xx checks collect the same summary; compute it once per document."""
    return doc.memo("translation.renditions", summarise)


def analyse(summary: list[DocSummary], opts) -> tuple[list[DocSummary], list[list[int]], list[Disagreement]]:
    docs = sorted(summary, key=lambda d: d.path)
    key = (tuple((d.path, d.digest) for d in docs), tuple(sorted(opts.items())))
    if key in _ANALYSIS_CACHE:
        return _ANALYSIS_CACHE[key]
    stories = group_stories(docs, opts.min_story_similarity, opts.max_story_files)
    found: list[Disagreement] = []
    for members in stories:
        aligned = align_story(docs, members, opts.min_alignment, opts.min_sentence_words)
        found.extend(find_disagreements(docs, members, aligned, opts))
    _ANALYSIS_CACHE.clear()
    _ANALYSIS_CACHE[key] = (docs, stories, found)
    return docs, stories, found


# --- the checks ------------------------------------------------------------------------------------

SHARED_OPTIONS = {
    "min_story_similarity": Option(0.2, "share of the shorter file's sentences that must have a close counterpart in the other (average over a story)"),
    "max_story_files": Option(12, "most files in one story (keeps alignment linear in corpus size)"),
    "min_alignment": Option(0.25, "least similarity (0-1) of two sentences taken as counterparts"),
    "min_sentence_words": Option(3, "least content words of a sentence worth aligning"),
    "min_counterparts": Option(2, "least aligned counterparts in other renditions before a majority counts"),
    "majority_share": Option(0.5, "share of the counterparts that must agree against the sentence"),
    "min_counterparts_wording": Option(4, "TR601 names, TR603: least aligned counterparts (few renditions give no majority on wording)"),
    "min_consensus": Option(0.7, "TR603 with fewer counterparts: least similarity of the other renditions' sentences to each other"),
    "consensus_margin": Option(0.25, "TR603 with fewer counterparts: how much closer they must be to each other than to the sentence"),
    "min_lone_words": Option(2, "TR603: least content words that no other rendition uses"),
    "min_missing_words": Option(3, "TR603: least majority words that the sentence lacks"),
}


class RenditionCheck(CorpusCheck):
    family = "translation"
    severity = "warning"
    options = SHARED_OPTIONS
    kinds_reported: tuple[str, ...] = ()

    def collect(self, doc):
        return [collect_once(doc)]

    def merge(self, a, b):
        """Extends `a`, sharing one string per stem across documents: summaries that come back
        from worker processes each carry their own copies, and the corpus holds millions."""
        a.extend(_shared_stems(d) for d in b)
        return a

    def finalize(self, summary):
        docs, _, found = analyse(summary, self.opts)
        for dis in found:
            if dis.kind in self.kinds_reported:
                yield docs[dis.doc].path, self.finding(docs, dis)

    def finding(self, docs: list[DocSummary], dis: Disagreement) -> Finding:
        s = docs[dis.doc].sentences[dis.sent]
        n = len(dis.counterparts)
        seen, expected = describe(dis, s.text)
        message = (f"{self.what}: this rendition has {seen} where the aligned sentences of {n} other "
                   f"renditions of the story have {expected}; the majority wording is "
                   f"“{_clip(dis.majority_text)}”")
        related = tuple(Related(docs[c.doc].path, docs[c.doc].sentences[c.sent].start,
                                docs[c.doc].sentences[c.sent].end, "aligned sentence in another rendition")
                        for c in dis.counterparts)
        return Finding(s.start, s.end, message, related=related)

    what = "renditions disagree"

    def corpus_data(self, summary):
        return None


def describe(dis: Disagreement, text: str) -> tuple[str, str]:
    """What the sentence has and what the majority has instead, in their own words."""
    if dis.kind == "negation":
        words = [m.group() for m in _WORD.finditer(text)
                 if m.group().lower() in NEGATIONS or m.group().lower().endswith(_NEG_SUFFIX)]
        return f"a negation ({_quoted(words[:2])})", "none"
    if dis.kind == "number":
        return _quoted(dis.seen), _quoted(dis.expected)
    if dis.kind == "polarity":
        table, pairs = polarity_table()
        return (_quoted(_surface(text, {t for t, v in table.items() if v == dis.seen}) or ["?"]),
                _quoted(_surface(dis.majority_text, {t for t, v in table.items() if v == dis.expected})
                        or pairs[dis.expected[0]]["opposite" if dis.expected[1] else "pole"][:1]))
    seen = _quoted(_surface(text, set(dis.seen)))
    expected = _quoted(_surface(dis.majority_text, set(dis.expected)) or list(dis.expected))
    return f"{seen}, which no other rendition uses there,", expected or "other words"


def _surface(text: str, stems: set) -> list[str]:
    """The words of `text` whose stems are in `stems`, in order, each once."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        if stem(m.group()) in stems and m.group() not in out:
            out.append(m.group())
    return out


def _clip(text: str, n: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _quoted(values) -> str:
    return ", ".join(f"'{v}'" for v in list(values)[:6])


class FactMismatch(RenditionCheck):
    """A sentence states a number or a name that its counterparts in the other renditions of the
    same story do not, while most of them agree on another one.

    Renditions of one story (files sharing most of their names and content words) are aligned
    sentence by sentence. Small numbers (below 10, often spelt out in one rendition) and clock
    times are ignored, and a number or name counts as shared when it appears in the neighbouring
    sentences of a counterpart. Reported in the minority rendition; the other renditions' sentences
    are listed as related places."""

    code = "TR601"
    summary = "Number or name differs from the other renditions of the story"
    kinds_reported = ("number", "name")
    what = "number or name differs from the other renditions"

    def corpus_data(self, summary):
        docs, stories, _ = analyse(summary, self.opts)
        return {"stories": [{"id": f"story-{i}", "label": story_label(docs, members),
                             "files": [docs[j].path for j in members]}
                            for i, members in enumerate(stories, 1)]}


class PolarityMismatch(RenditionCheck):
    """A sentence says the opposite of its counterparts in the other renditions: 'regain' where
    they say 'revoke', 'imposed' where they say 'lifted', a negation they do not have.

    Opposite poles come from data/renditions_polarity.json (one entry per pair, with an example).
    The sentence is reported only when it is in the minority: most aligned counterparts use the
    opposite pole and none uses its own."""

    code = "TR602"
    summary = "Polarity or negation opposite to the other renditions of the story"
    kinds_reported = ("polarity", "negation")
    what = "meaning reversed against the other renditions"



class WordingMismatch(RenditionCheck):
    """A sentence keeps the place and structure of its counterparts in the other renditions but
    its key content words differ: it uses words that no other rendition uses anywhere near that
    place, and lacks words that most of them share ("Japan must resolve that Russia will
    cooperate" where the others say "Japan must resolutely continue to sanction Russia").

    With four or more aligned renditions the majority decides. With fewer, the sentence is judged
    only when the other renditions tell it the same way (their sentences are each other's close
    counterparts, much closer to each other than to this one) and it is not a direct quotation:
    outlets quote different parts of one speech."""

    code = "TR603"
    summary = "Key content words differ from all other renditions of the story"
    kinds_reported = ("wording",)
    what = "wording differs from every other rendition"



CHECKS = [FactMismatch, PolarityMismatch, WordingMismatch]
