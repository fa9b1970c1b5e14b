"""The spellings of names across the corpus: which files use which spelling, which spellings are
variants of one name, and what NM102 reports. Shared by NM101 (a tie inside an article is decided
by the other files), NM102 (a minority spelling across the files) and NM104 (a rare twin of a
name used in other files)."""
from __future__ import annotations

import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Mapping

from functools import cached_property, lru_cache
from itertools import chain

from auditor import compiled
from auditor.api import Analysis, Option, Spelling as SpellingOverview, SpellingGroup
from auditor.records import record, replace, tuple_record

from .evidence import (GAZETTEER, GAZETTEER_PLACE, HOUSE, MAJORITY, ROMANIZATION, RULES, SEPARATORS, Verdict,
                       decide)
from .frequency import foreign_word, zipf
from .house_list import SETTINGS, HouseList, house_list
from .origins import doc_origins
from .romanize import (first_name_pair, old_chinese_to_pinyin, russian_to_ukrainian, same_name, scheme_standard,
                       standard_spelling)
from .renditions import alternations, content_sketch, content_words, rendition_groups, share_wording
from .extract import distinct_words, doc_names
from .table import STANDALONE_WEIGHT, all_names_table, context_names, spelling_table
from .variants import (LOOSE_MIN_LENGTH, MIN_LENGTH, deletion_keys, distinct_people, is_variant, loosely_variant,
                       metaphone, unaccent)

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
#: A surname this frequent in English (Zipf: Johnson, Smith) is no Ukrainian surname: the first name
#: next to it keeps its English form (Boris Johnson, not Borys).
FOREIGN_SURNAME_ZIPF = 3.0
#: Letters one romanization writes where another writes the other, in given names that are both
#: established (Nikolai / Nikolay / Nikolaj, Pavel / Pawel). Not vowels of another quality: the
#: renditions of a Ukrainian story that split between Aislin and Eislin are not labelled a slip.
ROMANIZED_LETTERS = frozenset(map(frozenset, ("iy", "ij", "yj", "vw")))
# Letters of Ukraine's national romanization that Russian-route and English spellings lack: y for
# и between consonants (Shmyhal, Stefanishyna), and the -yi/-iy/-yy endings (Zelenskyy).
_UKRAINIAN_LETTERS = compiled.regex(r"[bcdfghklmnprstvzj]y[bcdfghklmnprstvz]|yi$|iy$|yy$")
#: Two spellings that share a paragraph of one rendition this many times or more (for each
#: paragraph where they alternate) are two names mentioned together, not one name spelled two
#: ways: "Zelensky" and "Zelenska" in one sentence.
CO_OCCURRENCE_SHARE = 1


@tuple_record
class Use:
    """One name (by base) in one document: its Zipf frequency, its surfaces and their spans, the
    words it stands next to, the paragraphs it occurs in, and whether it is solid evidence
    (capitalised in mid-sentence somewhere outside direct quotes). A tuple: a corpus holds
    millions of them, and they travel between processes."""

    known: float
    surfaces: dict[str, tuple[tuple[int, int], ...]]
    near: tuple[str, ...]
    paragraphs: tuple[int, ...]
    solid: bool
    prose: bool = True  # used somewhere outside a short line of its own (a tag, a caption label)


class Surfaces(Mapping):
    """{surface: ((start, end), ...)} of one name in one file, as merged summaries keep it: the
    spans in one flat array and the surfaces in a tuple that files share (a dict of tuples of
    pairs of ints took three times the memory; the corpus keeps one per name and file)."""

    __slots__ = ("_keys", "_sizes", "_flat")

    def __init__(self, surfaces: Mapping, shared: dict):
        keys = tuple(map(sys.intern, surfaces))
        sizes = tuple(map(len, surfaces.values()))
        self._keys = shared.setdefault(keys, keys)
        self._sizes = shared.setdefault(sizes, sizes)
        # Flattened in compiled code (the parent process merges every file's names in turn).
        self._flat = array("q", chain.from_iterable(chain.from_iterable(surfaces.values())))

    def __getstate__(self):
        return self._keys, self._sizes, self._flat

    def __setstate__(self, state):
        self._keys, self._sizes, self._flat = state

    def __getitem__(self, surface: str) -> tuple[tuple[int, int], ...]:
        try:
            k = self._keys.index(surface)
        except ValueError:
            raise KeyError(surface) from None
        at, flat = 2 * sum(self._sizes[:k]), self._flat
        return tuple((flat[i], flat[i + 1]) for i in range(at, at + 2 * self._sizes[k], 2))

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


@record(frozen=True)
class FileNames:
    """What one document contributes: its names by base, its rarer names (for telling which files
    tell one story), its paragraph count (renditions have as many) and NM105's spans."""

    path: str
    entries: dict[str, Use]
    context: frozenset[str]  # its rarer names: shared ones say that two files tell one story
    house_spans: tuple[tuple[int, int], ...]  # listed house-list variants (NM105's findings)
    paragraphs: int = 0
    origins: frozenset[str] = frozenset()  # the origins its cue words name (Japan: japanese)
    phrases: dict[str, dict[str, list[tuple[int, int]]]] | None = None  # joined key -> surface -> spans
    exempt: frozenset[str] = frozenset()  # the origins whose older spellings it may use (Taiwan: chinese)
    established: tuple[tuple[int, int], ...] = ()  # old spellings inside a longer name (Peking University)
    sketch: bytes = b""  # its content words' bottom-k sketch (renditions.content_sketch)


@record(frozen=True)
class Report:
    """A spelling NM102 reports: `base` in `paths`, against `other` (the winner, or the other
    side of a tie) in the files `witnesses[path]` that tell the same story. `counts` are the
    files using (other, base) among those compared (the corpus, or one story's renditions)."""

    base: str
    other: str
    verdict: Verdict
    paths: tuple[str, ...]
    witnesses: dict[str, tuple[str, ...]]
    counts: tuple[int, int] = (0, 0)
    renditions: bool = False  # the spellings alternate between renditions of one story


class Spellings:
    """The result of the analysis: the corpus's name spellings, indexed.

    `files[b][path]` are the surfaces of `b` in files where it is solid evidence (capitalised in
    mid-sentence outside quotes), `every[b][path]` in every file that uses it at all (what
    renditions are compared on: a quoted name is translated like any other)."""

    def __init__(self, summary: list[FileNames], min_shared: int, house: HouseList):
        self.min_shared = min_shared
        self.house = house
        self.files: dict[str, dict[str, dict[str, list]]] = defaultdict(dict)  # base -> path -> surfaces
        self.every: dict[str, dict[str, dict[str, list]]] = defaultdict(dict)
        self.known: dict[str, float] = {}
        self.context: dict[str, frozenset[str]] = {}
        self.house_spans: dict[str, tuple] = {}
        self.origins: dict[str, frozenset[str]] = {}
        self.exempt: dict[str, frozenset[str]] = {}
        self.established: dict[str, tuple] = {}
        self.lines_only: set[tuple[str, str]] = set()  # (base, path): only on short lines of its own
        neighbours: dict[str, set[str]] = defaultdict(set)
        shapes: dict[str, tuple[int, frozenset[str], bytes]] = {}
        for item in sorted(summary, key=lambda f: f.path):
            self.context[item.path] = item.context
            self.origins[item.path] = item.origins
            if item.exempt:
                self.exempt[item.path] = item.exempt
            if item.established:
                self.established[item.path] = item.established
            shapes[item.path] = (item.paragraphs, item.context, item.sketch)
            if item.house_spans:
                self.house_spans[item.path] = item.house_spans
            for b, u in item.entries.items():
                self.every[b][item.path] = u.surfaces
                self.known[b] = u.known
                if not u.prose:
                    self.lines_only.add((b, item.path))
                neighbours[b].update(u.near)
                if u.solid:
                    self.files[b][item.path] = u.surfaces
        self.phrases: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
        for item in summary:
            for key, surfaces in (item.phrases or {}).items():
                for surface, spans in surfaces.items():
                    self.phrases[key][surface][item.path] = spans
        self.neighbours = neighbours
        self.linked = self._link(neighbours)
        self.paragraphs = {p: n for p, (n, _, _) in shapes.items()}
        self.sketch = {p: sk for p, (_, _, sk) in shapes.items()}
        self.groups_of_renditions = rendition_groups(shapes, min_shared)
        grouped = {p for g in self.groups_of_renditions for p in g}
        slots = {item.path: {b: u.paragraphs for b, u in item.entries.items()}
                 for item in summary if item.path in grouped}
        self.alternating = self._alternating(slots, self.paragraphs)
        self._reports: dict[bool, list[Report]] = {}
        self.memo: dict = {}  # what the checks reading this result compute from it once (NM102's findings)

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

    def _alternating(self, slots, counts) -> list[tuple[int, str, str]]:
        """(group, a, b): spellings that alternate between the renditions of one story (one
        rendition has a where another has b, and no rendition has both there). The linked pairs
        (`_link`) that alternate anywhere in a group, alike or not, go to `_linked_alternating`."""
        out = []
        watch = frozenset(self.linked)
        self._linked_alternating: set[tuple[int, str, str]] = set()
        for g, group in enumerate(self.groups_of_renditions):
            origins, shared = self.origins_of(group), self._origins_shared_by_users(group)
            raw: set[tuple[str, str]] = set()
            pairs = alternations(slots, group, lambda a, b: self._alike(a, b, origins, shared), counts, watch, raw)
            self._linked_alternating.update((g, a, b) for a, b in raw)
            for (a, b), (alt, co) in sorted(pairs.items()):
                if alt and co < CO_OCCURRENCE_SHARE * alt:
                    out.append((g, a, b))
        return out

    def _alike(self, a: str, b: str, origins, shared) -> bool:
        """Whether two spellings that alternate in one story (whose files are about `origins`)
        are one name. A short name (Cai / Tsai, Ke / Ko) is judged under the origins that every
        file of the story using either spelling is about, older spellings included (a story
        about Taiwan is about Chinese names: its spellings are linked through the Chinese
        schemes, though the older one is right there): two stories taken for one (a Korean Lee,
        a Chinese Yi) share none: `shared(a, b)` (`_origins_shared_by_users`)."""
        if min(len(a), len(b)) < LOOSE_MIN_LENGTH:
            origins = shared(a, b)
        return loosely_variant(a, b, self.known[a], self.known[b], origins) or self._one_given_name(a, b)

    def _origins_shared_by_users(self, group):
        """shared(a, b): the origins (older spellings included) that every file of `group` using
        the spelling a or b is about. What the files using one spelling share is kept per
        spelling: a story's short names are compared pairwise, and going over the story's files
        for each pair made a large story's cost its pairs times its size."""
        members, kept = set(group), {}

        def of(name: str) -> frozenset[str] | None:
            if name not in kept:
                users = self.every[name].keys() & members  # goes over the smaller of the two
                kept[name] = frozenset.intersection(*((self.origins.get(p, frozenset()) | self.exempt.get(p, frozenset()))
                                                      for p in users)) if users else None
            return kept[name]

        def shared(a: str, b: str) -> frozenset[str]:
            # The files using a or b share what those using a share and those using b share.
            return frozenset.intersection(*(o for o in (of(a), of(b)) if o is not None))
        return shared

    def _one_given_name(self, a: str, b: str) -> bool:
        """Two well-known given names that take each other's place beside one rare surname in the
        renditions of a story and differ in one letter that romanizations write either way
        (Nikolai / Nikolay, Pavel / Pawel): one person's name in two
        romanizations, though each is an established name on its own."""
        ua, ub = unaccent(a).lower(), unaccent(b).lower()
        if len(ua) != len(ub) or len(ua) < LOOSE_MIN_LENGTH or not (ua.isalpha() and ub.isalpha()):
            return False
        diff = [frozenset(x + y) for x, y in zip(ua, ub) if x != y]
        if len(diff) != 1 or diff[0] not in ROMANIZED_LETTERS:
            return False
        shared = self.neighbours.get(a, set()) & self.neighbours.get(b, set())
        return any(zipf(w) < FOREIGN_SURNAME_ZIPF for w in shared)

    def origins_of(self, paths) -> frozenset[str]:
        """The origins any of the files is about."""
        return frozenset().union(*(self.origins.get(p, frozenset()) for p in paths))

    def exempt_of(self, paths) -> frozenset[str]:
        """The origins whose older spellings any of the files may use correctly (Taiwan's own)."""
        return frozenset().union(*(self.exempt.get(p, frozenset()) for p in paths))

    def other_files(self, b: str, path: str) -> int:
        """How many files besides `path` use the spelling `b`."""
        return len(self.files.get(b, ())) - (path in self.files.get(b, ()))

    def places(self, b: str, path: str) -> dict[str, list[tuple[int, int]]]:
        """{surface: spans} of the spelling `b` (a name's base, or a whole hyphenated name) in `path`."""
        if b in self.every and path in self.every[b]:
            return self.every[b][path]
        key = joined(b)
        return {b: self.phrases[key][b][path]} if key in self.phrases and path in self.phrases[key].get(b, {}) \
            else {}

    def surfaces(self, b: str) -> frozenset[str]:
        """Every written form of the spelling `b` (a base: Dniprovet for Dniprovets) in the corpus.
        Kept per spelling: a majority spelling of thousands of files is asked for once a finding."""
        kept = self.memo.setdefault("surfaces", {})
        if b not in kept:
            kept[b] = frozenset(x for sf in self.every.get(b, {}).values() for x in sf)
        return kept[b]

    def first_place(self, b: str, path: str) -> tuple[str, int, int]:
        """(surface, start, end) of the first occurrence of `b` in `path`."""
        surface, spans = min(self.places(b, path).items(), key=lambda x: x[1][0])
        return (surface, *spans[0])

    def _separator_reports(self) -> list[Report]:
        """Names written with different hyphens or spaces in files of one story (Moon Jae-in /
        Moon Jae In, Kim Jong Un / Kim Jong-un): the form fewer files use, against the other."""
        out = []
        single = {b.lower(): b for b in self.every if len(b) >= MIN_LENGTH}
        for key, surfaces in sorted(self.phrases.items()):
            word = single.get(key)
            if word is None and not any("-" in x or any(c in x for c in _APOSTROPHES) for x in surfaces):
                continue  # spaces only, no one-word form: capitals alone differ in titles
            if word is not None and word not in surfaces:  # Jinping against Jin-ping or Jin Ping
                surfaces = {**surfaces, word: {p: [sp for spans in self.every[word][p].values() for sp in spans]
                                               for p in self.every[word]}}
            if len(surfaces) < 2:
                continue
            ranked = sorted(surfaces, key=lambda x: (-len(surfaces[x]), x))
            top = ranked[0]
            for other in ranked[1:]:
                mine, theirs = set(surfaces[other]), set(surfaces[top])
                if len(mine) >= len(theirs):
                    continue  # a tie: two usages
                witnesses = self._story_witnesses(mine - theirs, theirs)
                if witnesses:
                    out.append(Report(other, top, Verdict(top, other, SEPARATORS), tuple(witnesses), witnesses,
                                      (len(theirs), len(mine)), renditions=True))
        return out

    def _syllable_reports(self) -> list[Report]:
        """Given names of several syllables written differently in files of one story, however
        each writes the syllables: one letter apart (Eun-ji / Eun-jee), or one name under a
        romanization of the story's origins (Seok-yeol / Suk Yeol, Wen-pin / Wenbin). The writing
        fewer files use, against the other. One side is hyphenated; the other is hyphenated, two
        syllables after a space, or one word."""
        written = self._syllable_forms()
        buckets = defaultdict(set)
        for key in written:
            for k in deletion_keys(key):
                buckets[k].add(key)
            buckets["m:" + metaphone(key)].add(key)
        pairs = {(a, b) for ms in buckets.values() if 1 < len(ms) <= MAX_BUCKET
                 for a in ms for b in ms if a < b}
        out = []
        for a, b in sorted(pairs):
            (sa, fa), (sb, fb) = written[a], written[b]
            if "-" not in sa + sb or len(fa) == len(fb) or fa & fb:
                continue  # no hyphenated side, a tie, or both in one file (NM101's)
            if not (is_variant(a.capitalize(), b.capitalize()) or self._one_romanized_name(sa, sb, fa | fb)):
                continue
            (loser, mine), (winner, theirs) = sorted([(sa, fa), (sb, fb)], key=lambda x: len(x[1]))
            witnesses = self._story_witnesses(mine, theirs)
            if witnesses:
                out.append(Report(loser, winner, Verdict(winner, loser, MAJORITY), tuple(witnesses), witnesses,
                                  (len(theirs), len(mine)), renditions=True))
        return out

    def _syllable_forms(self) -> dict[str, tuple[str, set[str]]]:
        """{joined key: (the writing most files use, its files)} of the given names compared by
        `_syllable_reports`: hyphenated ones, two syllables after a space, and the rare one-word
        names of SYLLABLE_WORD letters or more (a given name written as one word)."""
        candidates: dict[str, dict[str, set[str]]] = defaultdict(dict)  # key -> writing -> files
        for key, surfaces in self.phrases.items():
            for x in surfaces:
                if "-" in x or _two_syllables(x):
                    candidates[key][x] = set(surfaces[x])
        for b, files in self.every.items():
            if SYLLABLE_WORD <= len(b) <= 2 * SYLLABLE and self.known[b] < RARE_PART and b.isalpha():
                candidates[b.lower()][b] = set(files)
        out = {}
        for key, writings in candidates.items():
            top = max(writings, key=lambda x: (len(writings[x]), x))
            out[key] = (top, writings[top])
        return out

    def _one_romanized_name(self, a: str, b: str, paths) -> bool:
        """Whether a scheme of the files' origins makes the two writings one name (Wen-pin and
        Wenbin under Wade-Giles; Seok-yeol and Suk Yeol under the Korean keys)."""
        origins = self.origins_of(paths) | self.exempt_of(paths)
        return bool(origins) and (scheme_standard(a, b, origins, strict=False) is not None
                                  or same_name(joined(a).capitalize(), joined(b).capitalize(), origins))

    def verdict(self, a: str, b: str) -> Verdict | None:
        """Which of two variant spellings wins across the corpus (files using each)."""
        return decide(a, b, (len(self.files[a]), len(self.files[b])), (self.known[a], self.known[b]),
                      self.house.protected, origins=self.origins_of(set(self.files[a]) | set(self.files[b])))

    @cached_property
    def _within(self) -> set[tuple[str, str]]:
        """(base, path): the file holds a variant of the spelling too, which is NM101's case."""
        out = set()
        for a, b in self.linked:
            for p in self.files[a].keys() & self.files[b].keys():
                out.update(((a, p), (b, p)))
        return out

    def _story_witnesses(self, paths, theirs) -> dict[str, tuple[str, ...]]:
        """{file of `paths`: the files of `theirs` that tell its story}, for the files that have any."""
        found = {p: self.same_story_files(p, theirs, set(), RELATED_FILES) for p in sorted(paths)}
        return {p: files for p, files in found.items() if files}

    def same_story_files(self, p: str, others, skip: set[str], limit: int) -> tuple[str, ...]:
        """The first `limit` files of `others` that tell the same story as `p` (renditions of
        one story, or files sharing enough rare names besides `skip`)."""
        g = self._group_of.get(p)  # the groups are disjoint
        group = set(self.groups_of_renditions[g]) if g is not None else set()
        found = [q for q in sorted(others) if q in group][:limit]
        if len(found) < limit:
            found += [q for q in self._same_story(p, sorted(set(others) - group), skip, limit - len(found))]
        return tuple(found)

    def _same_story(self, p: str, others: list[str], skip: set[str], limit: int) -> tuple[str, ...]:
        """The first `limit` files of `others` (sorted: callers that ask for many files `p` sort
        them once, as sorting them for each was quadratic in the corpus) that share enough rare
        names with `p` (besides the spellings compared) and some wording to tell the same story."""
        found = []
        for q in others:
            if (len((self.context[p] & self.context[q]) - skip) >= self.min_shared
                    and share_wording(self.sketch[p], self.sketch[q])):
                found.append(q)
                if len(found) >= limit:
                    break
        return tuple(found)

    @cached_property
    def _group_of(self) -> dict[str, int]:
        """The rendition group of each file that has one."""
        return {p: g for g, group in enumerate(self.groups_of_renditions) for p in group}

    def _never_alternate(self, g: int, a: str, b: str, p: str) -> bool:
        """Whether two linked spellings, both used by renditions of the story `g` aligned with
        the file `p` (as many paragraphs), never stand for each other in one paragraph there."""
        if (g, min(a, b), max(a, b)) in self._linked_alternating:
            return False
        group, n = set(self.groups_of_renditions[g]), self.paragraphs[p]
        return all(any(self.paragraphs[q] == n for q in group.intersection(self.every.get(x, ()))) for x in (a, b))

    def _report(self, b: str, other: str, verdict: Verdict) -> Report | None:
        witnesses = {}
        theirs = sorted(self.files[other])
        for p in sorted(self.files[b]):
            if p in self.files[other] or (b, p) in self._within:
                continue  # both spellings in one file: NM101
            found = self._same_story(p, theirs, {b, other}, RELATED_FILES)
            g = self._group_of.get(p)
            if g is not None and self._never_alternate(g, b, other, p):
                # Renditions of one story with as many paragraphs were compared paragraph by
                # paragraph: two spellings that never stand for each other there are two names (a
                # town and a man's given name one letter apart), whatever their likeness. Files
                # outside the story, or not aligned with this one, still count.
                found = tuple(q for q in found
                              if self._group_of.get(q) != g or self.paragraphs[q] != self.paragraphs[p])
            if found:
                witnesses[p] = found
        if not witnesses:
            return None
        return Report(b, other, verdict, tuple(witnesses), witnesses,
                      (len(self.files[other]), len(self.files[b])))

    def reports(self, defer_romanization: bool) -> list[Report]:
        """What NM102 reports: each minority spelling against the best-supported winner, and
        both sides of a tie that nothing decides (of at most MAX_TIE_FILES files each). With
        `defer_romanization`, pairs that a romanization rule relates are left out (NM103's)."""
        if defer_romanization not in self._reports:  # NM102 and NM104 both ask
            out = self._rendition_reports(defer_romanization)
            taken = {(r.base, p) for r in out for p in r.paths}
            for r in self._compute_reports(defer_romanization):
                paths = tuple(p for p in r.paths if (r.base, p) not in taken)
                if paths:
                    out.append(Report(r.base, r.other, r.verdict, paths, {p: r.witnesses[p] for p in paths},
                                      r.counts))
            out.extend(self._separator_reports())
            out.extend(self._syllable_reports())
            self._reports[defer_romanization] = out
        return self._reports[defer_romanization]

    def _rendition_reports(self, defer_romanization: bool) -> list[Report]:
        """Minority spellings among the renditions of one story: each against the spelling the
        most renditions use among those it alternates with (following a chain of minorities to
        the top), ties of one rendition against one reported on both sides. A romanization rule
        decides here too (the alternation already shows one name): NM103 leaves these places."""
        by_group: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for g, a, b in self.alternating:
            by_group[g].append((a, b))
        out = []
        for g, pairs in sorted(by_group.items()):
            group = set(self.groups_of_renditions[g])
            # no romanization rule of an origin whose older spellings the story may use (Tsai, Ko in
            # Taiwan): the majority decides there
            origins = self.origins_of(group) - self.exempt_of(group)

            def users(b: str) -> set[str]:
                return set(self.every[b]) & group

            best: dict[str, tuple[str, Verdict]] = {}
            ties = []
            for a, b in pairs:
                ua, ub = users(a), users(b)
                v = decide(a, b, (len(ua), len(ub)), (self.known[a], self.known[b]), self.house.protected,
                           origins=origins)
                if v is not None and v.evidence == ROMANIZATION and first_name_pair(a, b) \
                        and not self._ukrainian_person(a, b, origins):
                    v = decide(a, b, (len(ua), len(ub)), (self.known[a], self.known[b]), self.house.protected,
                               rules=False)
                if v is not None and v.evidence == ROMANIZATION and len(users(v.winner)) < len(users(v.loser)) \
                        and standard_spelling(a, b) is None:
                    # a scheme's standard that fewer renditions use than the spelling it replaces: a
                    # name of another origin in a story that also has this one (a Mongolian
                    # Tserendorj is no French-route Russian name); the renditions decide
                    v = decide(a, b, (len(ua), len(ub)), (self.known[a], self.known[b]), self.house.protected,
                               rules=False)
                if v is None:
                    continue  # a romanization between renditions is reported here, not by NM103
                if v.tie:
                    ties.append((a, b, v))
                    continue
                cur = best.get(v.loser)
                if cur is None or (len(users(v.winner)), self.known[v.winner]) > \
                        (len(users(cur[0])), self.known[cur[0]]):
                    best[v.loser] = (v.winner, v)
            reported = set()
            for loser in sorted(best):
                v = _top(best, loser)
                winner = v.winner
                r = self._group_report(loser, winner, v, users)
                if r:
                    out.append(r)
                    reported.add(loser)
            for a, b, v in ties:
                if len(users(a)) > MAX_TIE_FILES:
                    continue
                for x, y in ((a, b), (b, a)):
                    if x not in reported and x not in best:
                        r = self._group_report(x, y, v, users)
                        if r:
                            out.append(r)
                            reported.add(x)
        return out

    def _ukrainian_person(self, a: str, b: str, origins) -> bool:
        """Whether a first name (Olga / Olha) belongs to a Ukrainian: the story is about an East
        Slavic origin and the name stands alone or next to a surname spelled the Ukrainian way
        (Stefanishyna, Venedyktova, Shmyhal), not a Russian, Belarusian or English one (Shoigu,
        Lukashenko, Johnson)."""
        if "east_slavic" not in origins:
            return False
        near = self.neighbours.get(a, set()) | self.neighbours.get(b, set())
        if not near:
            return True  # a first name alone in a Ukrainian story ("her son Oleksandr"): a Ukrainian
        return any(zipf(w) < FOREIGN_SURNAME_ZIPF and _UKRAINIAN_LETTERS.search(w.lower()) for w in near)

    def _group_report(self, b: str, other: str, v: Verdict, users) -> Report | None:
        mine, theirs = users(b), users(other)
        if v.evidence == MAJORITY and all((b, p) in self.lines_only for p in mine) and foreign_word(b):
            return None  # a word of a foreign widget's tag line ("Etiopia"), not an English spelling
        witnesses = {p: tuple(sorted(theirs - {p})[:RELATED_FILES]) for p in sorted(mine)
                     if p not in theirs or (b, p) not in self._within}  # else NM101 reports it
        if not witnesses or not theirs:
            return None
        return Report(b, other, v, tuple(witnesses), witnesses, (len(theirs), len(mine)), renditions=True)

    def _compute_reports(self, defer_romanization: bool) -> list[Report]:
        best: dict[str, tuple[str, Verdict]] = {}
        ties = []
        for a, b in self.linked:
            v = self.verdict(a, b)
            if v is None or (defer_romanization and v.evidence in RULES):
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

        links = sorted(set(self.linked) | {(a, b) for _, a, b in self.alternating})
        for a, b in links:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        members = defaultdict(set)
        for a, b in links:
            members[find(a)].update((a, b))
        out = []
        for bases in members.values():
            surfaces: dict[str, list] = defaultdict(lambda: [0, set()])
            for b in bases:
                for path, sf in self.every[b].items():
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


#: A name of several parts is compared with other writings of it only when one part is this rare
#: (Zipf; Korean and Chinese syllables are 3 to 4: Jae 3.4, Ji 3.9): Jae-in, Shinryogae-cho are names;
#: Long-Term, E-Commerce (4.4), Commander-in-chief are words.
RARE_PART = 4.0
#: Longest part after a space that may be a syllable of a given name written without its hyphen
#: (Jae In, Jong Un, Xiao Ping, Jae Myung): the longest syllables of the romanizations of Korean
#: and Chinese have six letters (myeong, hyeong, zhuang, shuang); longer parts are words of their own.
SYLLABLE = 6
# A short capitalised part after a space (In of Jae In), however common the word ("in").
_SHORT_PART = compiled.regex(r" [A-Z][^\W\d_]{0,%d}(?![\w-])" % (SYLLABLE - 1))
# The Arabic article written apart from the name it belongs to (Al Qahtani, El Sisi, Ash Shaikh), which
# other renditions hyphenate (al-Qahtani) or join (Alqahtani). The article's first letter comes
# first, and the tests of the character before it and of the letters after it follow (lookbehinds):
# a pattern that opens with a set of characters is scanned for them by the engine's fast search,
# two and a half times faster over a whole article (the same matches).
_ARTICLE_SPACED = compiled.regex(r"[AaEe](?<![\w-].)(?:(?<=[Ee])l|(?<=[Aa])(?:l|[dnrstz]|sh)) [A-Z][^\W\d_]{2,20}(?![\w-])")
# The parts a hyphen joins to a capitalised word (Jae-in, Shinryogae-cho, Edo-maejima).
_HYPHEN_TAIL = compiled.regex(r"(?:-[^\W\d_]{1,20}){1,2}(?![\w-])")
# The parts an inner apostrophe joins to a capitalised word (Sana'a, Isma'il: the ʿayn or hamza
# of a transliteration), never an English contraction or possessive (Kuwait's, Couldn't).
_APOSTROPHE_TAIL = compiled.regex(r"(?:['’ʼ](?!(?:s|t|d|m|ll|re|ve)(?![^\W\d_]))[^\W\d_]{1,20}){1,2}(?![\w'’ʼ-])")
_APOSTROPHES = "'’ʼ"
_MARKS = compiled.regex(r"[- '’ʼ]")


#: Shortest one-word given name compared with hyphenated ones (Wenbin with Wen-pin): two
#: syllables of three letters; shorter words are one syllable or a surname.
SYLLABLE_WORD = 6


def _two_syllables(phrase: str) -> bool:
    """Two capitalised syllables after a space (Suk Yeol, Jae In): a given name without its
    hyphen. A common English word of more letters than a syllable's least is a word of its own
    (Sharo Cross)."""
    parts = phrase.split(" ")
    return len(parts) == 2 and all(len(p) <= SYLLABLE and (len(p) <= 3 or zipf(p) < RARE_PART) for p in parts)


def joined(phrase: str) -> str:
    """The letters of a name without its hyphens, spaces and apostrophes, lowercase: Jae-in,
    Jae In -> jaein; Sana'a -> sanaa."""
    return _MARKS.sub("", phrase).lower()


def _phrases(doc) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """The document's names of several parts (computed once per document): see `_find_phrases`."""
    return doc.memo("names.phrases", _find_phrases)


def _find_phrases(doc) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """The document's names of several parts, by joined key: a capitalised word with the parts a
    hyphen joins to it (Jae-in), and two or three capitalised words whose last is as short as a
    syllable (Jae In, Moon Jae In): the ways a hyphenated given name is written."""
    text = doc.text
    tokens = doc_names(doc).tokens
    spaced = bool(doc_origins(doc)[0])  # given names without their hyphen: only in a story of an origin
    found: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))

    def add(a: int, b: int) -> None:
        phrase = text[a:b]
        key = _phrase_key(phrase)
        if key is not None:
            found[key][phrase].append((a, b))

    for i, t in enumerate(tokens):
        after = text[t.end:t.end + 1]
        if after == "-" and text[t.start - 1:t.start] != "-":
            m = _HYPHEN_TAIL.match(text, t.end)
            if m:
                add(t.start, m.end())
        elif after in _APOSTROPHES and not (t.start and text[t.start - 1] in "-" + _APOSTROPHES):
            m = _APOSTROPHE_TAIL.match(text, t.end)
            if m:
                add(t.start, m.end())  # a name with an inner apostrophe, whole (Sana'a)
        m = _SHORT_PART.match(text, t.end) if spaced and after == " " else None  # the part's space first
        if m:
            add(t.start, m.end())
            prev = tokens[i - 1] if i else None
            if prev is not None and text[prev.end:t.start] == " ":
                add(prev.start, m.end())
    if spaced and " " in text:
        for m in _ARTICLE_SPACED.finditer(text):
            add(m.start(), m.end())  # al-Qahtani written Al Qahtani: the article and its name
    return {k: dict(v) for k, v in found.items()}


#: Distinct phrases whose key is kept: the names of several parts a corpus repeats (a few
#: thousand on 2,000 articles of two stories); about 1 MB when full.
PHRASE_KEYS_KEPT = 4096


@lru_cache(maxsize=PHRASE_KEYS_KEPT)
def _phrase_key(phrase: str) -> str | None:
    """The joined key of a name of several parts when one part is rare (see RARE_PART), else None:
    worked out once per distinct phrase, the same names recurring across articles."""
    if any(len(w) >= 2 and zipf(w) < RARE_PART for w in _MARKS.split(phrase)):
        return joined(phrase)
    return None


def _established(doc) -> tuple[tuple[int, int], ...]:
    """The spans of the old spellings (the tables of old Chinese and Russian-route place names)
    that are part of a longer name, an institution's or a team's (Peking University, Dynamo
    Kiev): NM103 leaves them alone, and so does NM102, whatever another file writes."""
    from .nm103_romanization import _in_longer_name  # that module imports this one

    old, ru = old_chinese_to_pinyin(), russian_to_ukrainian()
    if old.keys().isdisjoint(distinct_words(doc)) and ru.keys().isdisjoint(distinct_words(doc)):
        return ()  # no old spelling at all (most articles): no token to look at
    text, tokens = doc.text, doc_names(doc).tokens
    return tuple((t.start, t.end) for i, t in enumerate(tokens)
                 if (t.text in old or t.text in ru and ru[t.text][1] != "first")
                 and _in_longer_name(text, tokens, i, t.end))


#: Evidence that a spelling is wrong whatever the counts say (the house list, the gazetteer, a
#: romanization rule): a chain of verdicts is followed through it to a spelling nothing reports.
_REFERENCE = (HOUSE, GAZETTEER, GAZETTEER_PLACE, ROMANIZATION)


def _top(best: dict[str, tuple[str, Verdict]], loser: str) -> Verdict:
    """The verdict for `loser` that suggests the top of its chain of winners: a chain of
    minorities leads to the spelling most renditions use, and a winner that a reference itself
    reports (Gadyach, which the gazetteer spells Hadyach) is never the suggestion. The
    evidence is the last reference met on the way, else the first link's."""
    winner, v = best[loser]
    evidence, seen = v.evidence, {loser}
    while winner in best and winner not in seen:
        nxt = best[winner][1]
        if nxt.evidence != v.evidence and nxt.evidence not in _REFERENCE:
            break
        if nxt.evidence in _REFERENCE:
            evidence = nxt.evidence
        seen.add(winner)
        winner = best[winner][0]
    return Verdict(winner, loser, evidence)


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
        entries = {}
        new = tuple.__new__  # a Use made directly: one for every name of every document
        for b, sp in all_names_table(doc).items():
            solid = not sp.quoted and sp.confident
            surfaces = sp.surfaces
            entries[b] = new(Use, (sp.known, dict(zip(surfaces, map(tuple, surfaces.values()))),
                                   tuple(sp.neighbours), tuple(sp.paragraphs), solid,
                                   sp.weight > STANDALONE_WEIGHT * sp.count))
        house = house_list(self.settings)
        return [FileNames(doc.path, entries, context_names(table), tuple(house.spans_in(doc.text)),
                          len(doc.paragraphs), doc_origins(doc)[0], _phrases(doc), doc_origins(doc)[1],
                          _established(doc), content_sketch(doc.text, content_words(doc)))]

    def merge(self, a, b):
        """Extend the list `a` with the files of `b`, made smaller on the way (see `_compact`)."""
        shared = self.__dict__.setdefault("_shared", {})
        a.extend(_compact(f, shared) for f in b)
        return a

    def finalize(self, summary) -> Spellings:
        return Spellings(summary, self.opts.min_shared_names, house_list(self.settings))


def _compact(f: FileNames, shared: dict) -> FileNames:
    """The same file's names, sharing what the corpus repeats: the name strings (interned: the
    same names recur across articles, and arrive from worker processes as new strings), the
    tuples of paragraphs and neighbours (most are one of a few small ones) and the frequencies;
    spans in flat arrays (`Surfaces`). The
    corpus holds the summaries of every file until the end of the run: this is most of their
    memory."""
    intern = sys.intern
    entries = {}
    for b, u in f.entries.items():
        near = tuple(map(intern, u.near))
        entries[intern(b)] = tuple.__new__(Use, (shared.setdefault(u.known, u.known), Surfaces(u.surfaces, shared),
                                                 shared.setdefault(near, near),
                                                 shared.setdefault(u.paragraphs, u.paragraphs), u.solid, u.prose))
    return replace(f, entries=entries, context=frozenset(map(intern, f.context)))
