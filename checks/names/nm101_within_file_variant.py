"""NM101: one name spelled two ways in one article."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Related
from auditor.text import clip

from .corpus_spellings import CorpusSpellings
from .evidence import COMMON, MAJORITY, OTHER_FILES, ROMANIZATION, TIE, Verdict, because, decide, shaped_like
from .extract import doc_names
from .house_list import SETTINGS, house_list
from .table import STANDALONE_WEIGHT, spelling_table
from .variants import distinct_people, is_variant, runs_variant

#: Longest name a message quotes: two names and a reason must fit in about 200 characters.
NAME_LIMIT = 32
_SEPARATORS = re.compile(r"([ \u00a0]+)")


@dataclass(frozen=True)
class Side:
    """One spelling of a pair in one article: its occurrences to report and its first one."""

    name: str  # the base of a word ("Kuril" for Kuril, Kurils), or a whole name
    known: float  # Zipf frequency of the best-known surface
    count: int  # occurrences
    weight: float  # occurrences, one on a short line of its own counting STANDALONE_WEIGHT
    places: tuple[tuple[int, int, str], ...]  # (start, end, surface) outside quotes and NM105's spans
    first: tuple[int, int, str, int]  # (start, end, surface, line) of the first occurrence
    whole_name: bool = False  # a run of words ("Aldograph Redley"), not a single word


@dataclass(frozen=True)
class Tie:
    """Two spellings used equally often in one article: the other files of the corpus, or how
    common each spelling is, may still decide between them (in `finalize`)."""

    path: str
    a: Side
    b: Side


class WithinFileVariant(CorpusCheck):
    """Two spellings of one person or place in the same article.

    Single words are one edit apart (two if they also sound alike), share their first letter,
    and are not a plural or adjective of each other (Russia/Russian). Whole names are compared
    as well: a byline "Aldograph Redley" against a bio "Aldgra Fredly" sounds alike as a whole
    (the sound-alike key, Metaphone, of the joined name) though no word is one edit from the other.

    The spelling to keep is decided by, in order: the house list; a romanization rule (such pairs
    are left to NM103 when NM103 runs); the spelling used more often (an occurrence on a short
    line of its own, a byline or caption, counts half); for two words used equally often, the
    other files audited together, then the spelling that is a well-known word or name. When
    nothing decides, both spellings are reported and nothing is suggested.

    Left alone: names inside a direct quote only, two established names (Iran/Iraq), two names in
    one sentence (a list: Shanxi, Shaanxi), two names that come with different other words
    (Mylissa Fitzsimmons, Melissa Leo), and house-list variants when NM105 runs."""

    code = "NM101"
    family = "names"
    settings = SETTINGS
    summary = "Name spelled two ways in one article"
    severity = "error"
    uses = (CorpusSpellings,)

    def collect(self, doc):
        """The findings of one article, and its ties for `finalize` to decide."""
        house = house_list(self.settings)
        covered = house.spans_in(doc.text) if self.is_selected("NM105") else []
        out = list(self._run_variants(doc, house.protected, covered))
        out.extend(self._word_variants(doc, house.protected, covered))
        return out

    def finalize(self, summary):
        spellings = self.analysis(CorpusSpellings)
        for item in sorted(summary, key=lambda x: x.path if isinstance(x, Tie) else x[0]):
            if not isinstance(item, Tie):
                yield item
                continue
            a, b = item.a, item.b
            others = (spellings.other_files(a.name, item.path), spellings.other_files(b.name, item.path))
            v = decide(a.name, b.name, (a.weight, b.weight), (a.known, b.known), spellings.house.protected,
                       others)
            if v is None:
                continue
            if v.tie:
                yield from _findings(item.path, a, b, v)
                yield from _findings(item.path, b, a, v)
            else:
                loser, winner = (a, b) if v.loser == a.name else (b, a)
                counts = others if winner is a else others[::-1]
                yield from _findings(item.path, loser, winner, v, counts)

    # --- single words -------------------------------------------------------------------------
    def _word_variants(self, doc, protected, covered):
        table = spelling_table(doc)
        by_letter = defaultdict(list)
        for b in sorted(table):
            by_letter[b[:1].lower()].append(b)
        decided: dict[str, Verdict] = {}
        ties = []
        for bases in by_letter.values():
            for i, a in enumerate(bases):
                for b in bases[i + 1:]:
                    sa, sb = table[a], table[b]
                    if not is_variant(a, b, sa.known, sb.known) or sa.sentences & sb.sentences \
                            or distinct_people(sa.neighbours, sb.neighbours):
                        continue
                    v = decide(a, b, (sa.weight, sb.weight), (sa.known, sb.known), protected)
                    if v is None or v.evidence == ROMANIZATION and self.is_selected("NM103"):
                        continue  # two house names; or NM103 explains the pair better
                    if v.evidence in (COMMON, TIE):
                        ties.append((a, b))  # the other files come before frequency: finalize
                        continue
                    prev = decided.get(v.loser)
                    if prev is None or table[v.winner].weight > table[prev.winner].weight:
                        decided[v.loser] = v
        def side(b: str) -> Side:
            return _word_side(doc, b, table[b], covered)

        for loser, v in sorted(decided.items()):
            if not table[loser].quoted:
                counts = (table[v.winner].count, table[loser].count)
                yield from _findings(doc.path, side(loser), side(v.winner), v, counts)
        seen = set(decided)
        for a, b in ties:
            if a in seen or b in seen or table[a].quoted or table[b].quoted:
                continue  # one report per spelling; a spelling only ever quoted proves nothing
            seen.update((a, b))
            sa, sb = side(a), side(b)
            if sa.places and sb.places:
                yield Tie(doc.path, sa, sb)

    # --- whole names --------------------------------------------------------------------------
    def _run_variants(self, doc, protected, covered):
        runs = defaultdict(list)
        for r in doc_names(doc).runs:
            runs[tuple(t.text for t in r.tokens)].append(r)
        keys = sorted(runs)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if not runs_variant(a, b):
                    continue
                ja, jb = " ".join(a), " ".join(b)
                house = frozenset(j for j, words in ((ja, a), (jb, b)) if any(w in protected for w in words))
                side = {ja: _run_side(doc, ja, runs[a], covered), jb: _run_side(doc, jb, runs[b], covered)}
                v = decide(ja, jb, (side[ja].weight, side[jb].weight), (0.0, 0.0), house)
                if v is None or v.evidence == ROMANIZATION and self.is_selected("NM103"):
                    continue
                if v.tie:
                    if side[ja].places and side[jb].places:
                        yield from _findings(doc.path, side[ja], side[jb], v)
                        yield from _findings(doc.path, side[jb], side[ja], v)
                        covered.extend((s, e) for s, e, _ in side[ja].places + side[jb].places)
                    continue
                loser, winner = side[v.loser], side[v.winner]
                yield from _findings(doc.path, loser, winner, v, (winner.count, loser.count))
                covered.extend((s, e) for s, e, _ in loser.places)


def _word_side(doc, base, sp, covered) -> Side:
    spans = sorted((s, e, surface) for surface, spans in sp.surfaces.items() for s, e in spans)
    places = tuple((s, e, t) for s, e, t in spans if not doc.in_quote(s, e) and not _inside(s, e, covered))
    s, e, t = spans[0]
    return Side(base, sp.known, len(spans), sp.weight, places, (s, e, t, doc.line_of(s)))


def _run_side(doc, name, runs, covered) -> Side:
    text = doc.text
    places = tuple((r.start, r.end, text[r.start:r.end]) for r in runs
                   if not doc.in_quote(r.start, r.end) and not _inside(r.start, r.end, covered))
    weight = sum(STANDALONE_WEIGHT if run.tokens[0].standalone else 1.0 for run in runs)
    first = runs[0]
    return Side(name, 0.0, len(runs), weight, places,
                (first.start, first.end, text[first.start:first.end], doc.line_of(first.start)), whole_name=True)


def _inside(s: int, e: int, spans) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _findings(path, side: Side, other: Side, v: Verdict, counts: tuple[int, int] = (0, 0)):
    """(path, Finding) at every place of `side`, citing the first place of `other`: with the
    fix when `side` is the loser of `v`, without on a tie. `counts` are the (winner's, loser's)
    uses the reason cites (occurrences, or other files)."""
    s0, e0, there, line = other.first
    related = (Related(path, s0, e0, f"'{clip(there, NAME_LIMIT)}' here"),)
    for s, e, surface in side.places:
        head = (f"'{clip(surface, NAME_LIMIT)}' here and '{clip(there, NAME_LIMIT)}' on line {line} "
                + ("sound alike: one person, two spellings" if side.whole_name
                   else "are one name spelled two ways"))
        if v.tie:
            yield path, Finding(s, e, f"{head}; {_each(side, other)}, and nothing says which is right",
                                related=related)
            continue
        fix = _whole_name_fix(surface, v.winner) if side.whole_name else shaped_like(surface, side.name, v.winner)
        yield path, Finding(s, e, f"{head}; {_reason(v, side, other, there, counts)}",
                            (Edit(s, e, fix),), UNSAFE, related)


def _reason(v: Verdict, loser: Side, winner: Side, there: str, counts: tuple[int, int]) -> str:
    used, against = counts
    if v.evidence == MAJORITY:
        if used > against:
            return f"the other is used more ({used} times against {against})"
        return "the other is in the running text, this one on a line of its own"
    if v.evidence == OTHER_FILES:
        files = "1 other file uses" if used == 1 else f"{used} other files use"
        return f"{_each(loser, winner)} here, and {files} the other, {against or 'none'} this one"
    if v.evidence == COMMON:
        return f"{_each(loser, winner)} here, and '{clip(there, NAME_LIMIT)}' is the common spelling"
    return because(v.evidence, clip(there, NAME_LIMIT))


def _each(a: Side, b: Side) -> str:
    if a.count != b.count:
        return "used equally often"  # a byline counting half: 1 in the text against 2 bylines
    return "used once each" if a.count == 1 else f"used {a.count} times each"


def _whole_name_fix(surface: str, winner: str) -> str:
    """The winning name with the spacing of the flagged one (a no-break space stays)."""
    parts = _SEPARATORS.split(surface)
    words = winner.split(" ")
    if len(parts) != 2 * len(words) - 1:
        return winner
    return "".join(words[i // 2] if i % 2 == 0 else sep for i, sep in enumerate(parts))
