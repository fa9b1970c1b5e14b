"""Disagreements: a sentence that says something else than its counterparts in the other
renditions agree on. One kind per sentence, tried in this order: a reversed meaning (polarity,
then negation), a number, then its words (a name only it has, or wording no other rendition
uses)."""
from __future__ import annotations

import math
from collections import Counter

from auditor.records import tuple_record

from .alignment import content
from .summary import DocSummary, SentenceSummary, polarity_table

#: A majority needs at least this many renditions, whatever the share asked for.
MIN_VOTES = 2
#: Below this alignment score a rendition may have split or moved the sentence: its counterpart
#: is not surely the same sentence.
WEAK_ALIGNMENT = 0.4
#: A weakly aligned counterpart lends its vote from another sentence of its rendition that uses a
#: pole, when that sentence shares this share of content words (Dice) with this one ...
MIN_LENDER_SIMILARITY = 0.15
#: ... and at least this many content words besides the polarity words.
MIN_LENDER_SHARED_WORDS = 3
#: With two renditions only, their sentences are compared when they are aligned at least this
#: well (surely the same sentence), and for a negation better still (a negation in a loosely
#: matched sentence may belong to a clause the other rendition split off).
PAIR_ALIGNMENT = 0.5
PAIR_NEGATION_ALIGNMENT = 0.6
#: Numbers below this are often written as words in one rendition and as digits in another.
MIN_SIGNIFICANT_NUMBER = 10


@tuple_record
class Disagreement:
    kind: str                   # "polarity", "negation", "number", "name", "wording"; with two
                                # renditions only: "pair-number", "pair-polarity", "pair-negation"
    doc: int
    sent: int
    counterparts: tuple         # Counterparts of the sentence in the other renditions
    seen: tuple                 # what the sentence says (stems, numbers, a polarity side)
    expected: tuple             # what most counterparts say instead
    support: tuple              # the Counterparts that say it
    majority_text: str          # the wording of the best of them
    # "wording" judged by consensus of fewer renditions than a majority needs: (how close the
    # other renditions' sentences are to each other, how close the closest is to this one);
    # None when judged by majority.
    consensus: tuple | None = None


def window(doc: DocSummary, k: int, field: str) -> set:
    """`field` of sentence k and of its neighbours (renditions split sentences differently)."""
    out = set(getattr(doc.sentences[k], field))
    for j in (k - 1, k + 1):
        if 0 <= j < len(doc.sentences):
            out |= getattr(doc.sentences[j], field)
    return out


def find_disagreements(docs: list[DocSummary], members: list[int], aligned, opts) -> list[Disagreement]:
    """The disagreements of one story (`aligned`: its sentences' counterparts). Wording
    disagreements are candidates: TR603 applies its own thresholds to them."""
    out = []
    for (d, k), cps in sorted(aligned.items()):
        n = len(cps)
        if len(members) == 2 and n == 1:
            pair = _pair(docs, d, k, cps[0])
            if pair:
                out.append(pair)
            continue
        if n < max(MIN_VOTES, opts.min_counterparts):
            continue
        s = docs[d].sentences[k]
        need = max(MIN_VOTES, math.ceil(n * opts.majority_share))
        other = [docs[c.doc].sentences[c.sent] for c in cps]
        found = _polarity(docs, s, other, cps, need) or _negation(docs, s, cps, need)
        if not found:
            found = _numbers(docs, d, k, s, other, cps, need)
        consensus = None
        if not found and n >= opts.min_counterparts_wording:
            found = _wording(docs, d, k, s, other, cps, need)
        elif not found and not s.quoted:
            consensus = _consensus(docs, aligned, cps)
            if consensus is not None:
                found = _wording(docs, d, k, s, other, cps, need)
                if found and found[0] != "wording":
                    found = None  # a name or detail only this rendition adds is not a disagreement
        if found:
            kind, seen, expected, support = found
            best = max(support, key=lambda c: (c.score, -c.doc))
            text = docs[best.doc].sentences[best.sent].text
            out.append(Disagreement(kind, d, k, tuple(cps), tuple(seen), tuple(expected),
                                    tuple(support), text, consensus))
    return out


def _pair(docs, d, k, c) -> Disagreement | None:
    """Two renditions only: no majority can say which one is right, so a number, a pole or a
    negation that the two surely aligned sentences state differently is a disagreement of both
    ("pair-" kinds, reported on each side)."""
    if c.score < PAIR_ALIGNMENT:
        return None
    s, o = docs[d].sentences[k], docs[c.doc].sentences[c.sent]
    mine = sorted(x for x in s.numbers if _significant(x) and x not in window(docs[c.doc], c.sent, "numbers"))
    theirs = sorted(x for x in o.numbers if _significant(x) and x not in window(docs[d], k, "numbers"))
    if mine and theirs:
        return Disagreement("pair-number", d, k, (c,), tuple(mine), tuple(theirs), (c,), o.text)
    for pair, side in sorted(s.poles):
        if (pair, 1 - side) in o.poles and (pair, side) not in o.poles and (pair, 1 - side) not in s.poles:
            return Disagreement("pair-polarity", d, k, (c,), ((pair, side),), ((pair, 1 - side),), (c,), o.text)
    if s.negated != o.negated and c.score >= PAIR_NEGATION_ALIGNMENT and not any(
            docs[c.doc].sentences[j].negated == s.negated
            for j in (c.sent - 1, c.sent + 1) if 0 <= j < len(docs[c.doc].sentences)):
        return Disagreement("pair-negation", d, k, (c,), ("negated" if s.negated else "affirmative",),
                            ("affirmative" if s.negated else "negated",), (c,), o.text)
    return None


def _consensus(docs, aligned, cps) -> tuple[float, float] | None:
    """Too few renditions for a vote, but do the other renditions tell this sentence the same
    way? Each counterpart must have every other one as its own counterpart (or repeat it word for
    word); then (the least similarity between them, the best similarity of one of them to this
    sentence), which TR603 weighs. Direct quotations are left out by the caller: outlets pick
    different quotes from one speech, so a quote only one rendition has is not a disagreement."""
    mutual = []
    for c in cps:
        theirs = {(x.doc, x.sent): x.score for x in aligned.get((c.doc, c.sent), ())}
        mine = content(docs[c.doc].sentences[c.sent])
        for c2 in cps:
            if c2 is c:
                continue
            if content(docs[c2.doc].sentences[c2.sent]) == mine:
                mutual.append(1.0)
            elif (c2.doc, c2.sent) in theirs:
                mutual.append(theirs[c2.doc, c2.sent])
            else:
                return None
    return min(mutual), max(c.score for c in cps)


def _polarity(docs, s, other, cps, need):
    """Most counterparts take the opposite pole and none takes this one.

    A counterpart that uses both poles sides with the wording it shares most ("continue to
    sanction Russia in cooperation with ..." sides with "continue to sanction Russia"). A
    counterpart that takes no side and is only weakly aligned lends its vote from a sentence of
    its rendition that uses a pole and shares enough content words with this one (renditions
    split and order sentences differently)."""
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
        if ((mine in t.poles or theirs in t.poles) and _dice(s, t) >= MIN_LENDER_SIMILARITY
                and len((s.stems & t.stems) - _pole_stems(s, t)) >= MIN_LENDER_SHARED_WORDS):
            if mine in t.poles:
                return ("both" if theirs in t.poles else "mine"), t
            return "theirs", t
    return "none", o


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
    """Numbers only this sentence has (not even its counterparts' neighbours), where most
    counterparts agree on another one."""
    if not s.numbers:
        return None
    own = window(docs[d], k, "numbers")
    seen_anywhere = set()
    votes: Counter = Counter()
    for c in cps:
        seen_anywhere |= window(docs[c.doc], c.sent, "numbers")
        votes.update(docs[c.doc].sentences[c.sent].numbers)
    lone = sorted(x for x in s.numbers if x not in seen_anywhere and _significant(x))
    expected = sorted(x for x, v in votes.items() if v >= need and x not in own and _significant(x))
    if lone and expected:
        support = [c for o, c in zip(other, cps) if set(expected) & o.numbers]
        return "number", lone, expected, support
    return None


def _significant(number: str) -> bool:
    try:
        return float(number) >= MIN_SIGNIFICANT_NUMBER
    except ValueError:
        return False


def _wording(docs, d, k, s, other, cps, need):
    """Words only this sentence uses near this place (none of its counterparts' windows has
    them), and the words most counterparts share that it lacks: a name if one of its own words
    is a name, else a wording candidate."""
    windows = [window(docs[c.doc], c.sent, "stems") for c in cps]
    own_window = window(docs[d], k, "stems")
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
    return "wording", lone, missing, support
