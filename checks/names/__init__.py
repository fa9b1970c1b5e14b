"""Names family (NM): inconsistent or wrongly romanized names.

NM101 within one article, NM102 across the corpus, NM103 non-standard romanization,
NM104 a rare spelling of a well-known name, NM105 the house list.
"""
from __future__ import annotations

import re
from collections import defaultdict

from auditor.api import SAFE, UNSAFE, Check, CorpusCheck, Edit, Finding, Option, Related

from .extract import doc_names, zipf
from .house_list import SETTINGS, house_list
from .romanize import (looks_japanese, old_chinese_to_pinyin, russian_to_ukrainian, to_hepburn,
                       ukrainian_spellings)
from .table import context_names, distinct_people, spelling_table, suggestion_for
from .variants import base, deletion_keys, distance, is_variant, metaphone, morph_related, runs_variant

#: Two spellings within this Zipf gap are equally known; a larger gap decides a tie.
ZIPF_TIE = 0.5


def _house_protected(settings) -> set[str]:
    """Every word of every canonical house name: never flagged by an NM check."""
    house = house_list(settings)
    out = set()
    for canonical in set(house.values()):
        for word in [canonical, *canonical.split()]:
            out.update((word, base(word)))
    return out


def _owned_by_romanization(loser: str, winner: str) -> bool:
    """Pairs that NM103 explains better (Kisida/Kishida, Irina/Iryna)."""
    ru = russian_to_ukrainian()
    return (to_hepburn(loser) == winner or ru.get(loser, ("",))[0] == winner
            or ru.get(winner, ("",))[0] == loser)


class WithinFileVariant(Check):
    """Two spellings of one person or place in the same article.

    Whole names are compared as well as single words: a byline "Aldograph Redley" against a bio
    "Aldgra Fredly" sounds alike as a whole (Metaphone of the joined name) though no word is one
    edit from the other. Single words are one edit apart (two if they also sound alike), share
    their first letter, and are not a plural or adjective of each other (Russia/Russian). The
    spelling used less often is reported (a byline or caption line counts half); on a tie the one
    wordfreq knows better wins, then the earlier one. Names inside a direct quote only, two
    established names (Iran/Iraq), two names in one sentence (a list: Shanxi, Shaanxi) and two
    names that come with different other words (Mylissa Fitzsimmons, Melissa Leo) are left alone."""

    code = "NM101"
    family = "names"
    settings = SETTINGS
    summary = "Name spelled two ways in one article"
    severity = "error"

    def check(self, doc):
        protected = _house_protected(self.settings)
        text = doc.text
        covered: list[tuple[int, int]] = []
        yield from self._run_variants(doc, protected, covered)
        table = spelling_table(doc)
        by_letter = defaultdict(list)
        for b in sorted(table):
            by_letter[b[:1].lower()].append(b)
        losers: dict[str, str] = {}
        for bases in by_letter.values():
            for i, a in enumerate(bases):
                for b in bases[i + 1:]:
                    sa, sb = table[a], table[b]
                    if not is_variant(a, b, sa.known, sb.known) or sa.sentences & sb.sentences \
                            or distinct_people(sa.neighbours, sb.neighbours):
                        continue
                    loser, winner = self._decide(a, sa, b, sb)
                    if _owned_by_romanization(loser, winner) or loser in protected:
                        continue
                    prev = losers.get(loser)
                    if prev is None or table[winner].weight > table[prev].weight:
                        losers[loser] = winner
        for loser, winner in sorted(losers.items()):
            sp, wp = table[loser], table[winner]
            if sp.quoted:
                continue
            ws, we = next(iter(wp.surfaces.values()))[0]
            related = (Related(doc.path, ws, we, f"'{text[ws:we]}' here"),)
            for surface, spans in sorted(sp.surfaces.items()):
                for s, e in spans:
                    if any(a <= s and e <= b for a, b in covered) or doc.in_quote(s, e):
                        continue
                    sugg = suggestion_for(surface, loser, winner)
                    yield Finding(s, e, f"'{surface}' is spelled '{sugg}' elsewhere in this article "
                                        f"(line {doc.line_of(ws)}, {wp.weight:g}x against "
                                        f"{sp.weight:g}x): one name, two spellings",
                                  (Edit(s, e, sugg),), UNSAFE, related)

    @staticmethod
    def _decide(a, sa, b, sb):
        """(loser, winner): fewer occurrences loses; then the less known; then the later one."""
        if sa.weight != sb.weight:
            return (a, b) if sa.weight < sb.weight else (b, a)
        za, zb = sa.known, sb.known
        if abs(za - zb) >= ZIPF_TIE:
            return (a, b) if za < zb else (b, a)
        return (a, b) if sa.first > sb.first else (b, a)

    def _run_variants(self, doc, protected, covered):
        runs = defaultdict(list)
        for r in doc_names(doc).runs:
            runs[tuple(t.text for t in r.tokens)].append(r)
        keys = sorted(runs)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if not runs_variant(a, b):
                    continue
                wa = sum(0.5 if r.tokens[0].standalone else 1.0 for r in runs[a])
                wb = sum(0.5 if r.tokens[0].standalone else 1.0 for r in runs[b])
                if wa == wb:
                    wa, wb = -runs[a][0].start, -runs[b][0].start  # the earlier wins the tie
                loser, winner = (a, b) if wa < wb else (b, a)
                if any(w in protected for w in loser):
                    continue
                w0 = runs[winner][0]
                for r in runs[loser]:
                    if doc.in_quote(r.start, r.end):
                        continue
                    covered.append((r.start, r.end))
                    yield Finding(r.start, r.end,
                                  f"'{r.text}' sounds like '{w0.text}' (line "
                                  f"{doc.line_of(w0.start)}): the whole name sounds alike "
                                  f"(Metaphone), so one person is spelled two ways in this article",
                                  (Edit(r.start, r.end, w0.text),), UNSAFE,
                                  (Related(doc.path, w0.start, w0.end, "the other spelling"),))


class CorpusVariant(CorpusCheck):
    """The same name spelled differently in different files audited together.

    Spellings are grouped by blocking keys (one-letter deletions and Metaphone), so the work grows
    with the number of distinct names, never pairwise over the corpus. The spelling used by fewer
    FILES is reported and the majority spelling suggested (a tie is decided by wordfreq, or left
    alone). Two files count as telling one story only when they share at least two other rare
    names; a similar name in an unrelated article is another person. A file that holds both
    spellings is left to NM101."""

    code = "NM102"
    family = "names"
    settings = SETTINGS
    summary = "Name spelled differently in another file of the corpus"
    severity = "error"
    options = {"min_shared_names": Option(2, "other rare names two files must share to be one story")}

    def collect(self, doc):
        table = spelling_table(doc)
        entries = {b: (sp.known, {s: v for s, v in sp.surfaces.items()}, frozenset(sp.neighbours))
                   for b, sp in table.items() if not sp.quoted and sp.confident}
        return [(doc.path, entries, context_names(table))]

    def _links(self, summary):
        """[(loser, winner, paths to flag)], {base: {path: surfaces}}, variant pairs, {base: zipf}.

        Computed once per summary (finalize and corpus_data both need it)."""
        cached = getattr(self, "_links_cache", None)
        if cached is not None and cached[0] is summary:
            return cached[1]
        result = self._compute_links(summary)
        self._links_cache = (summary, result)
        return result

    def _compute_links(self, summary):
        files = defaultdict(dict)
        ctx, known, neighbours = {}, {}, defaultdict(set)
        for path, entries, names in summary:
            ctx[path] = names
            for b, (z, surfaces, near) in entries.items():
                files[b][path] = surfaces
                known[b] = z
                neighbours[b].update(near)
        buckets = defaultdict(set)
        for b in files:
            if len(b) >= 4:
                for k in deletion_keys(b):
                    buckets[k].add(b)
                buckets["m:" + metaphone(b)].add(b)
        pairs = set()
        for members in buckets.values():
            if 1 < len(members) <= 40:
                ms = sorted(members)
                for i, a in enumerate(ms):
                    for b in ms[i + 1:]:
                        pairs.add((a, b))
        best = {}
        linked = []
        for a, b in sorted(pairs):
            if not is_variant(a, b, known[a], known[b]) or distinct_people(neighbours[a], neighbours[b]):
                continue
            fa, fb = len(files[a]), len(files[b])
            if fa == fb:
                za, zb = known[a], known[b]
                if abs(za - zb) < ZIPF_TIE:
                    linked.append((a, b))
                    continue
                loser, winner = (a, b) if za < zb else (b, a)
            else:
                loser, winner = (a, b) if fa < fb else (b, a)
            linked.append((a, b))
            if _owned_by_romanization(loser, winner):
                continue
            cur = best.get(loser)
            if cur is None or (len(files[winner]), known[winner]) > (len(files[cur]), known[cur]):
                best[loser] = winner
        within = set()  # (base, path): the file also holds a variant of it, which is NM101's job
        for a, b in linked:
            for p in files[a].keys() & files[b].keys():
                within.update(((a, p), (b, p)))
        flags = []
        for loser, winner in sorted(best.items()):
            wpaths = files[winner]
            paths = []
            for p in sorted(files[loser]):
                if p in wpaths or (loser, p) in within:
                    continue  # both spellings in one file: NM101
                # one file of the majority that tells the same story is enough (stop at the first:
                # a common spelling can be in thousands of files)
                if any(len((ctx[p] & ctx[q]) - {loser, winner}) >= self.opts.min_shared_names
                       for q in wpaths):
                    paths.append(p)
            if paths:
                flags.append((loser, winner, paths))
        return flags, files, linked, known

    def finalize(self, summary):
        protected = _house_protected(self.settings)
        flags, files, _, _ = self._links(summary)
        for loser, winner, paths in flags:
            if loser in protected:
                continue
            wfiles = sorted(files[winner])
            related = tuple(Related(q, *next(iter(files[winner][q].values()))[0],
                                    f"spelled '{winner}'") for q in wfiles[:5])
            for p in paths:
                for surface, spans in sorted(files[loser][p].items()):
                    sugg = suggestion_for(surface, loser, winner)
                    for s, e in spans:
                        yield p, Finding(s, e, f"'{surface}' is spelled '{sugg}' in {len(wfiles)} "
                                               f"other file(s) of this story (against "
                                               f"{len(files[loser])} for '{surface}'): minority "
                                               f"spelling", (Edit(s, e, sugg),), UNSAFE, related)

    def corpus_data(self, summary):
        _, files, linked, _ = self._links(summary)
        parent = {}

        def find(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        for a, b in linked:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups = defaultdict(set)
        for a, b in linked:
            groups[find(a)].update((a, b))
        out = []
        for members in groups.values():
            surfaces = defaultdict(lambda: [0, set()])
            for b in members:
                for path, sf in files[b].items():
                    for s, spans in sf.items():
                        surfaces[s][0] += len(spans)
                        surfaces[s][1].add(path)
            top = max(sorted(surfaces), key=lambda s: (len(surfaces[s][1]), surfaces[s][0], zipf(s)))
            out.append({"suggested": top, "spellings": [
                {"spelling": s, "count": c, "files": sorted(ps)}
                for s, (c, ps) in sorted(surfaces.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))]})
        out.sort(key=lambda g: g["suggested"])
        return {"groups": out} if out else None


class NonStandardRomanization(CorpusCheck):
    """A name romanized by a non-standard route, where the standard form is known.

    Japanese names that came through Russian or Kunrei-shiki (si->shi, ti->chi, tu->tsu, hu->fu,
    dz/zi->z/ji, sy/ty->sh/ch: "Isiba" -> "Ishiba", "Sidzuoka" -> "Shizuoka") are reported when
    the word is made of Japanese syllables only, the article is about Japan, the word is unknown
    to wordfreq and the Hepburn form is known (wordfreq) or used in the corpus. Ukrainian names
    that came through Russian (Kiev, Elena, Dovganyuk) and older Chinese romanizations (Peking)
    are reported only when a file audited together uses the standard form (for a first name,
    with the same surname): "Elena" alone may be a Russian."""

    code = "NM103"
    family = "names"
    settings = SETTINGS
    summary = "Name in a non-standard romanization"
    severity = "warning"
    options = {"max_zipf": Option(1.0, "a Japanese-looking word at least this frequent is left alone")}

    def collect(self, doc):
        names = doc_names(doc)
        table = spelling_table(doc)
        ru = russian_to_ukrainian()
        old = old_chinese_to_pinyin()
        uk_first = {v[0] for v in ru.values() if v[1] == "first"}
        candidates = []
        for i, t in enumerate(names.tokens):
            w = t.text
            nxt = names.tokens[i + 1].text if i + 1 < len(names.tokens) and \
                doc.text[t.end:names.tokens[i + 1].start] == " " else ""
            if doc.in_quote(t.start, t.end):
                continue
            if w in ru or w in old:
                candidates.append(("table", w, nxt, t.start, t.end))
            elif "japan" in names.context and looks_japanese(w) and to_hepburn(w) != w:
                candidates.append(("japanese", w, nxt, t.start, t.end))
            elif "ukraine" in names.context and t.confident and _russian_markers(w):
                candidates.append(("surname", w, nxt, t.start, t.end))
        pairs = {(t.text, names.tokens[i + 1].text) for i, t in enumerate(names.tokens[:-1])
                 if t.text in uk_first}
        return {"docs": [(doc.path, candidates)], "names": set(table), "pairs": pairs}

    def empty(self):
        return {"docs": [], "names": set(), "pairs": set()}

    def merge(self, a, b):
        a["docs"].extend(b["docs"])
        a["names"] |= b["names"]
        a["pairs"] |= b["pairs"]
        return a

    def finalize(self, summary):
        protected = _house_protected(self.settings)
        corpus = summary["names"]
        pairs = summary["pairs"]
        for path, candidates in summary["docs"]:
            for kind, w, nxt, s, e in candidates:
                if w in protected:
                    continue
                found = self._standard(kind, w, nxt, corpus, pairs)
                if found:
                    sugg, why = found
                    yield path, Finding(s, e, f"'{w}' looks like a {why}; the standard "
                                              f"romanization is '{sugg}'", (Edit(s, e, sugg),), UNSAFE)

    def _standard(self, kind, w, nxt, corpus, pairs):
        if kind == "japanese":
            hep = to_hepburn(w)
            zw, zh = zipf(w), zipf(hep)
            if zw < self.opts.max_zipf and (hep in corpus or zh >= 1.0 and zh > zw + ZIPF_TIE):
                where = "used in the corpus" if hep in corpus else "known to wordfreq"
                return hep, f"Japanese name romanized through Russian or Kunrei-shiki (Hepburn " \
                            f"'{hep}' is {where})"
            return None
        if kind == "surname":
            options = sorted(c for c in ukrainian_spellings(w)
                             if c in corpus and _russian_markers(c) < _russian_markers(w))
            if options and zipf(w) < 2.0:
                return options[0], f"Ukrainian name transliterated from Russian ('{options[0]}' " \
                                   f"is used in the corpus)"
            return None
        ru = russian_to_ukrainian()
        if w in ru:
            uk, what = ru[w]
            if what == "place" and uk in corpus:
                return uk, f"Russian-based spelling of a Ukrainian place ('{uk}' is used in the corpus)"
            if what == "first" and nxt and any((uk, s) in pairs for s in {nxt} | ukrainian_spellings(nxt)):
                return uk, f"Russian form of a Ukrainian first name ('{uk} {nxt}' is used in the corpus)"
            return None
        pinyin = old_chinese_to_pinyin().get(w)
        if pinyin and pinyin in corpus:
            return pinyin, f"older Chinese romanization ('{pinyin}' in pinyin is used in the corpus)"
        return None


def _russian_markers(word: str) -> int:
    body = word[1:].lower()
    return body.count("g") + body.count("yu") + body.count("ya")


class RareTwin(CorpusVariant):
    """A capitalised word unknown to wordfreq, one edit from a well-known name in the corpus.

    Weaker evidence than an in-corpus variant of one story (NM102), so reported at a lower
    severity: the word is not at a sentence start, is unknown to wordfreq and at least six
    letters long, and a twin one edit away (deletion, insertion, substitution, transposition) is
    both frequent in wordfreq and used as a capitalised name in another file of the corpus
    ("Ukriane" -> "Ukraine"). A frequent twin that is never a name in the corpus ("Fredly" ->
    "freely") is no evidence. Japanese-looking words are left to NM103."""

    code = "NM104"
    family = "names"
    settings = SETTINGS
    summary = "Rare spelling next to a well-known name"
    severity = "info"
    options = {"min_twin_zipf": Option(3.0, "how frequent the twin must be (Zipf)"),
               "min_length": Option(6, "shortest word considered"),
               "min_shared_names": Option(2, "as NM102: pairs NM102 reports are skipped here")}

    def finalize(self, summary):
        protected = _house_protected(self.settings)
        flagged, files, _, known = self._links(summary)
        done = {(loser, p) for loser, _, paths in flagged for p in paths}
        index = defaultdict(set)
        for b in files:
            if known[b] >= self.opts.min_twin_zipf and len(b) >= self.opts.min_length - 1:
                for k in deletion_keys(b):
                    index[k].add(b)
        for b in sorted(files):
            if (len(b) < self.opts.min_length or not b.isascii() or b in protected
                    or looks_japanese(b)):
                continue
            for p, surfaces in sorted(files[b].items()):
                if (b, p) in done or known[b] > 0:
                    continue
                twins = sorted({t for k in deletion_keys(b) for t in index.get(k, ())
                                if t != b and distance(t, b) == 1 and t[:1] == b[:1]
                                and p not in files[t] and not morph_related(t, b)})
                if len(twins) != 1:
                    continue  # none, or no telling which was meant
                twin = twins[0]
                q = min(files[twin])
                related = (Related(q, *next(iter(files[twin][q].values()))[0], f"'{twin}' here"),)
                for surface, spans in sorted(surfaces.items()):
                    sugg = suggestion_for(surface, b, twin)
                    for s, e in spans:
                        yield p, Finding(s, e, f"'{surface}' is unknown to wordfreq while "
                                               f"'{sugg}', one letter away, is a frequent name used "
                                               f"in {len(files[twin])} other file(s): a misspelling?",
                                         (Edit(s, e, sugg),), UNSAFE, related)

    def corpus_data(self, summary):
        return None


class HouseList(Check):
    """A spelling the house list (`house-names` in the config) marks as a variant of a canonical
    name. The list is one canonical name per line, known variants after it; the canonical names
    themselves are never flagged by any NM check."""

    code = "NM105"
    family = "names"
    settings = SETTINGS
    summary = "Variant of a name on the house list"
    severity = "error"

    def _pattern(self):
        if not hasattr(self, "_compiled"):
            house = house_list(self.settings)
            variants = sorted((v for v, c in house.items() if v != c), key=len, reverse=True)
            self._compiled = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")
                              if variants else None)
            self._house = house
        return self._compiled

    def check(self, doc):
        pattern = self._pattern()
        if pattern is None:
            return
        for m in pattern.finditer(doc.text):
            canonical = self._house[m.group()]
            yield Finding(m.start(), m.end(), f"'{m.group()}' is listed in the house list as a "
                                              f"variant of '{canonical}'", (Edit(m.start(), m.end(), canonical),), SAFE)


CHECKS = [WithinFileVariant, CorpusVariant, NonStandardRomanization, RareTwin, HouseList]
