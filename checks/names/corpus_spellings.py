"""The spellings of names across the corpus: which files use which spelling, which spellings are
variants of one name, and what NM102 reports. Shared by NM101 (a tie inside an article is decided
by the other files), NM102 (a minority spelling across the files) and NM104 (a rare twin of a
name used in other files)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from auditor.api import Analysis, Option, Spelling as SpellingOverview, SpellingGroup

from .evidence import ROMANIZATION, Verdict, decide
from .frequency import zipf
from .house_list import SETTINGS, HouseList, house_list
from .table import context_names, spelling_table
from .variants import MIN_LENGTH, deletion_keys, distinct_people, is_variant, metaphone

#: Names two files must share (besides the spelling compared) to tell one story: one shared rare
#: name is a coincidence in a large corpus (two articles about one city), two are rarely.
MIN_SHARED_NAMES = 2
#: A blocking key shared by more spellings than this is too common to say anything (a deletion
#: key of a short common stem): its members are not compared pairwise.
MAX_BUCKET = 40
#: Related places a finding lists: the first few files of the other spelling.
RELATED_FILES = 5
#: A tie is reported (both sides, nothing suggested) only when each spelling is used by at most
#: this many files: a slip in one of two files. Two spellings each used by several files are two
#: established usages (two transliteration systems), not a slip: the corpus overview shows them.
MAX_TIE_FILES = 1


@dataclass(frozen=True)
class FileNames:
    """What one document contributes: its confident names outside quotes, by base, each with
    its Zipf frequency, its surfaces and their spans, and the words it stands next to."""

    path: str
    entries: dict[str, tuple[float, dict[str, list[tuple[int, int]]], frozenset[str]]]
    context: frozenset[str]  # its rarer names: shared ones say that two files tell one story
    house_spans: tuple[tuple[int, int], ...]  # listed house-list variants (NM105's findings)


@dataclass(frozen=True)
class Report:
    """A spelling NM102 reports: `base` in `paths`, against `other` (the winner, or the other
    side of a tie) in the files `witnesses[path]` that tell the same story."""

    base: str
    other: str
    verdict: Verdict
    paths: tuple[str, ...]
    witnesses: dict[str, tuple[str, ...]]


class Spellings:
    """The result of the analysis: the corpus's name spellings, indexed."""

    def __init__(self, summary: list[FileNames], min_shared: int, house: HouseList):
        self.min_shared = min_shared
        self.house = house
        self.files: dict[str, dict[str, dict[str, list]]] = defaultdict(dict)  # base -> path -> surfaces
        self.known: dict[str, float] = {}
        self.context: dict[str, frozenset[str]] = {}
        self.house_spans: dict[str, tuple] = {}
        neighbours: dict[str, set[str]] = defaultdict(set)
        for item in sorted(summary, key=lambda f: f.path):
            self.context[item.path] = item.context
            if item.house_spans:
                self.house_spans[item.path] = item.house_spans
            for b, (z, surfaces, near) in item.entries.items():
                self.files[b][item.path] = surfaces
                self.known[b] = z
                neighbours[b].update(near)
        self.linked = self._link(neighbours)
        self._reports: dict[bool, list[Report]] = {}

    def _link(self, neighbours) -> list[tuple[str, str]]:
        """Every pair of spellings that are variants of one name, found through blocking keys
        (one-letter deletions and sound-alike keys), so the work grows with the number of
        distinct names, never pairwise over the corpus."""
        buckets = defaultdict(set)
        for b in self.files:
            if len(b) >= MIN_LENGTH:  # shorter words are never variants
                for k in deletion_keys(b):
                    buckets[k].add(b)
                buckets["m:" + metaphone(b)].add(b)
        pairs = set()
        for members in buckets.values():
            if 1 < len(members) <= MAX_BUCKET:
                ms = sorted(members)
                for i, a in enumerate(ms):
                    for b in ms[i + 1:]:
                        pairs.add((a, b))
        return [(a, b) for a, b in sorted(pairs)
                if is_variant(a, b, self.known[a], self.known[b])
                and not distinct_people(neighbours[a], neighbours[b])]

    def other_files(self, b: str, path: str) -> int:
        """How many files besides `path` use the spelling `b`."""
        return len(self.files.get(b, ())) - (path in self.files.get(b, ()))

    def first_place(self, b: str, path: str) -> tuple[str, int, int]:
        """(surface, start, end) of the first occurrence of `b` in `path`."""
        surface, spans = next(iter(self.files[b][path].items()))
        return (surface, *spans[0])

    def verdict(self, a: str, b: str) -> Verdict | None:
        """Which of two variant spellings wins across the corpus (files using each)."""
        return decide(a, b, (len(self.files[a]), len(self.files[b])), (self.known[a], self.known[b]),
                      self.house.protected)

    @cached_property
    def _within(self) -> set[tuple[str, str]]:
        """(base, path): the file holds a variant of the spelling too, which is NM101's case."""
        out = set()
        for a, b in self.linked:
            for p in self.files[a].keys() & self.files[b].keys():
                out.update(((a, p), (b, p)))
        return out

    def _same_story(self, p: str, others, skip: set[str], limit: int) -> tuple[str, ...]:
        """The first `limit` files of `others` that share enough rare names with `p` (besides
        the spellings compared) to tell the same story."""
        found = []
        for q in sorted(others):
            if len((self.context[p] & self.context[q]) - skip) >= self.min_shared:
                found.append(q)
                if len(found) >= limit:
                    break
        return tuple(found)

    def _report(self, b: str, other: str, verdict: Verdict) -> Report | None:
        witnesses = {}
        for p in sorted(self.files[b]):
            if p in self.files[other] or (b, p) in self._within:
                continue  # both spellings in one file: NM101
            found = self._same_story(p, self.files[other], {b, other}, RELATED_FILES)
            if found:
                witnesses[p] = found
        if not witnesses:
            return None
        return Report(b, other, verdict, tuple(witnesses), witnesses)

    def reports(self, defer_romanization: bool) -> list[Report]:
        """What NM102 reports: each minority spelling against the best-supported winner, and
        both sides of a tie that nothing decides (of at most MAX_TIE_FILES files each). With
        `defer_romanization`, pairs that a romanization rule relates are left out (NM103's)."""
        if defer_romanization not in self._reports:  # NM102 and NM104 both ask
            self._reports[defer_romanization] = self._compute_reports(defer_romanization)
        return self._reports[defer_romanization]

    def _compute_reports(self, defer_romanization: bool) -> list[Report]:
        best: dict[str, tuple[str, Verdict]] = {}
        ties = []
        for a, b in self.linked:
            v = self.verdict(a, b)
            if v is None or (defer_romanization and v.evidence == ROMANIZATION):
                continue
            if v.tie:
                ties.append((a, b, v))
                continue
            cur = best.get(v.loser)
            if cur is None or self._support(v.winner) > self._support(cur[0]):
                best[v.loser] = (v.winner, v)
        out = []
        for loser, (winner, v) in sorted(best.items()):
            r = self._report(loser, winner, v)
            if r:
                out.append(r)
        reported = set(best)
        for a, b, v in ties:
            if len(self.files[a]) > MAX_TIE_FILES:
                continue
            for x, y in ((a, b), (b, a)):
                if x not in reported:
                    r = self._report(x, y, v)
                    if r:
                        out.append(r)
                        reported.add(x)  # one report per spelling, against its first tie
        return out

    def _support(self, b: str) -> tuple[int, float]:
        return len(self.files[b]), self.known[b]

    def groups(self) -> list[SpellingGroup]:
        """The variant groups of the corpus (connected variant pairs) with every spelling's
        count and files, and the spelling to use (None when nothing decides)."""
        parent: dict[str, str] = {}

        def find(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for a, b in self.linked:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        members = defaultdict(set)
        for a, b in self.linked:
            members[find(a)].update((a, b))
        out = []
        for bases in members.values():
            surfaces: dict[str, list] = defaultdict(lambda: [0, set()])
            for b in bases:
                for path, sf in self.files[b].items():
                    for s, spans in sf.items():
                        surfaces[s][0] += len(spans)
                        surfaces[s][1].add(path)
            ranked = sorted(surfaces, key=lambda s: (-len(surfaces[s][1]), -surfaces[s][0], s))
            suggested = ranked[0]
            if len(ranked) > 1:
                x, y = ranked[0], ranked[1]
                v = decide(x, y, (len(surfaces[x][1]), len(surfaces[y][1])), (zipf(x), zipf(y)),
                           self.house.protected)
                suggested = v.winner if v is not None else None
            out.append(SpellingGroup(suggested, tuple(
                SpellingOverview(s, surfaces[s][0], tuple(sorted(surfaces[s][1]))) for s in ranked)))
        out.sort(key=lambda g: (g.suggested is None, g.suggested or "", g.spellings[0].text))
        return out


class CorpusSpellings(Analysis):
    """The name spellings of every file, for the checks that compare files (NM101, NM102, NM104).

    Only confident names count: capitalised in mid-sentence, outside direct quotes."""

    name = "names"
    family = "names"
    settings = SETTINGS
    options = {"min_shared_names": Option(MIN_SHARED_NAMES, "other rare names two files must share "
                                                            "to tell one story")}

    def collect(self, doc):
        table = spelling_table(doc)
        entries = {b: (sp.known, {s: list(v) for s, v in sp.surfaces.items()}, frozenset(sp.neighbours))
                   for b, sp in table.items() if not sp.quoted and sp.confident}
        house = house_list(self.settings)
        return [FileNames(doc.path, entries, context_names(table), tuple(house.spans_in(doc.text)))]

    def finalize(self, summary) -> Spellings:
        return Spellings(summary, self.opts.min_shared_names, house_list(self.settings))
