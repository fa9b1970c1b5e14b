"""NM102: one name spelled differently in different files audited together."""
from __future__ import annotations

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Related
from auditor.text import clip

from .corpus_spellings import CorpusSpellings, Report, Spellings
from .evidence import MAJORITY, SEPARATORS, because, shaped_like
from .house_list import SETTINGS

#: Longest name a message quotes: two names and a reason must fit in about 200 characters.
NAME_LIMIT = 32
#: Beyond this many characters for the head and the other spelling, the head is shortened so
#: that the reason still fits in about 200 characters.
MESSAGE_ROOM = 140


class CorpusVariant(CorpusCheck):
    """The same name spelled differently in different files audited together.

    Renditions of one story (files sharing two other rare names, `min-shared-names` of the
    `names` analysis) are compared paragraph by paragraph where their paragraphs align: two
    spellings that alternate in one paragraph (one rendition has one where another has the
    other, and no rendition has both) are one name when they share three quarters of their
    letters, sound alike, differ by a name suffix of their origin (Kakigara / Kakigaracho), a case
    ending (Bucha / Buchi), or have one romanization key or one gazetteer place (Pavliuk /
    Pavlyuk, Rubezhnoye / Rubizhne). Across unrelated files, spellings one or two edits apart are
    grouped by blocking keys (one-letter deletions and a sound-alike key), so the work grows with
    the number of distinct names; two files count as one story only when they share two other
    rare names, and aligned renditions that never put two such spellings in each other's place
    keep them apart (a town and a given name one letter apart). A file that holds both spellings
    is left to NM101, and each occurrence is reported once (a hyphenated name whole, not its first
    word again).

    The spelling to keep is decided by, in order: the house list; the gazetteer (GeoNames' English
    name of the place; in a story about an origin, the English name of a place of its countries
    against a spelling GeoNames lists nowhere: Hadyach, not Gadyach, whatever the majority); a
    romanization rule (outside renditions such pairs are left to NM103 when NM103 runs); the
    spelling used by more files; for two spellings used by as many files, the one that is a
    well-known word or name. The suggestion is never a spelling that is itself reported. A tie of
    one file against one that nothing decides is reported in both files, with nothing suggested;
    two spellings each used by several files are two usages, not a slip in one file, and only the
    corpus overview of the report shows them. House-list variants are left to NM105 when NM105
    runs."""

    code = "NM102"
    family = "names"
    settings = SETTINGS
    summary = "Name spelled differently in another file of the corpus"
    severity = "error"
    uses = (CorpusSpellings,)

    @staticmethod
    def reports(spellings: Spellings, check) -> list[Report]:
        """What NM102 reports in this run (`check` tells which other checks run): NM104 leaves
        these places alone."""
        return spellings.reports(defer_romanization=check.is_selected("NM103"))

    def finalize(self, summary):
        yield from corpus_findings(self.analysis(CorpusSpellings), self)

    def corpus_data(self, summary):
        return self.analysis(CorpusSpellings).groups()


def corpus_findings(spellings: Spellings, check) -> list[tuple[str, Finding]]:
    """NM102's (path, Finding)s in this run (`check` tells which other checks run), one per
    occurrence: where a hyphenated name is reported whole (Ozaki-cho against Ozakicho), its
    first word is not reported again on its own (the fix would double the suffix), and where two
    reports reach one occurrence the first, in the order of `Spellings.reports`, is kept. NM101
    asks for them too: it leaves an occurrence NM102 reports to NM102. Computed once per run."""
    key = ("nm102", check.is_selected("NM103"), check.is_selected("NM105"))
    cache = spellings.memo
    if key in cache:
        return cache[key]
    found: dict[str, list[tuple[int, int, Finding]]] = {}
    house_spans = spellings.house_spans if key[2] else {}
    established = spellings.established
    for r in CorpusVariant.reports(spellings, check):
        for p in r.paths:
            places = [(q, *spellings.first_place(r.other, q)) for q in r.witnesses[p]]
            related = tuple(Related(q, s, e, f"'{clip(t, NAME_LIMIT)}' here") for q, t, s, e in places)
            there = places[0][1]
            for surface, spans in sorted(spellings.places(r.base, p).items()):
                for s, e in spans:
                    if any(a <= s and e <= b for a, b in house_spans.get(p, ())):
                        continue  # a listed house-list variant: NM105 reports it
                    if (s, e) in established.get(p, ()):
                        continue  # an old spelling in an established name (Peking University), as NM103
                    found.setdefault(p, []).append((s, e, _finding(s, e, surface, there, r, spellings, related)))
    out = []
    for p, items in found.items():
        # longest first: a whole hyphenated name before the word it starts with
        kept: list[tuple[int, int]] = []
        for s, e, f in sorted(items, key=lambda x: (x[0], -x[1])):
            if any(a < e and s < b for a, b in kept):
                continue
            kept.append((s, e))
            out.append((p, f))
    cache[key] = out
    return out


def _finding(s, e, surface, there, r: Report, spellings: Spellings, related) -> Finding:
    n_other, n_this = r.counts
    q_there = clip(there, NAME_LIMIT)
    head = (f"'{clip(surface, NAME_LIMIT)}' here and '{q_there}' in "
            f"{'another file' if n_other == 1 else 'other files'} of this story are one name spelled two ways")
    if len(head) + len(q_there) > MESSAGE_ROOM:
        head = f"'{clip(surface, NAME_LIMIT)}' here, '{q_there}' elsewhere in this story: one name, two spellings"
    v = r.verdict
    if v.evidence == SEPARATORS:
        marks = "apostrophes" if any(c in surface + there for c in "'’ʼ") else "hyphens or spaces"
        return Finding(s, e, f"'{clip(surface, NAME_LIMIT)}' here is written '{q_there}' with other {marks} "
                             f"in {n_other} other files of this story ({n_this} this way)",
                       (Edit(s, e, v.winner),), UNSAFE, related)
    each = "one file each" if n_this == 1 else f"{n_this} files each"
    if v.tie:
        return Finding(s, e, f"{head}; {each}, and nothing says which is right", related=related)
    if v.evidence == MAJORITY:
        reason = f"{n_other} files use the other, {n_this} this one"
    elif n_other == n_this:
        reason = f"{each}, and {because(v.evidence, q_there)}"
    else:
        reason = because(v.evidence, q_there)
    return Finding(s, e, f"{head}; {reason}", (Edit(s, e, shaped_like(surface, r.base, v.winner, spellings.surfaces(v.winner))),),
                   UNSAFE, related)
