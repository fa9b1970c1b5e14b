"""NM102: one name spelled differently in different files audited together."""
from __future__ import annotations

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Related
from auditor.text import clip

from .corpus_spellings import CorpusSpellings, Report, Spellings
from .evidence import MAJORITY, because, shaped_like
from .house_list import SETTINGS

#: Longest name a message quotes: two names and a reason must fit in about 200 characters.
NAME_LIMIT = 32


class CorpusVariant(CorpusCheck):
    """The same name spelled differently in different files audited together.

    Spellings are grouped by blocking keys (one-letter deletions and a sound-alike key), so the
    work grows with the number of distinct names, never pairwise over the corpus. Two files count
    as telling one story only when they share at least two other rare names (`min-shared-names`
    of the `names` analysis); a similar name in an unrelated article is another person. A file
    that holds both spellings is left to NM101.

    The spelling to keep is decided by, in order: the house list; a romanization rule (such pairs
    are left to NM103 when NM103 runs); the spelling used by more files; for two spellings used
    by as many files, the one that is a well-known word or name. A tie of one file against one
    that nothing decides is reported in both files, with nothing suggested; two spellings each
    used by several files are two usages, not a slip in one file, and only the corpus overview of
    the report shows them. House-list variants are left to NM105 when NM105 runs."""

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
        spellings = self.analysis(CorpusSpellings)
        defer_house = self.is_selected("NM105")
        for r in self.reports(spellings, self):
            for p in r.paths:
                places = [(q, *spellings.first_place(r.other, q)) for q in r.witnesses[p]]
                related = tuple(Related(q, s, e, f"'{clip(t, NAME_LIMIT)}' here") for q, t, s, e in places)
                there = places[0][1]
                house_spans = spellings.house_spans.get(p, ()) if defer_house else ()
                for surface, spans in sorted(spellings.files[r.base][p].items()):
                    for s, e in spans:
                        if any(a <= s and e <= b for a, b in house_spans):
                            continue  # a listed house-list variant: NM105 reports it
                        yield p, _finding(s, e, surface, there, r, spellings, related)

    def corpus_data(self, summary):
        return self.analysis(CorpusSpellings).groups()


def _finding(s, e, surface, there, r: Report, spellings: Spellings, related) -> Finding:
    n_other, n_this = len(spellings.files[r.other]), len(spellings.files[r.base])
    q_there = clip(there, NAME_LIMIT)
    head = (f"'{clip(surface, NAME_LIMIT)}' here and '{q_there}' in "
            f"{'another file' if n_other == 1 else 'other files'} of this story are one name spelled two ways")
    v = r.verdict
    each = "one file each" if n_this == 1 else f"{n_this} files each"
    if v.tie:
        return Finding(s, e, f"{head}; {each}, and nothing says which is right", related=related)
    if v.evidence == MAJORITY:
        reason = f"{n_other} files use the other, {n_this} this one"
    elif n_other == n_this:
        reason = f"{each}, and {because(v.evidence, q_there)}"
    else:
        reason = because(v.evidence, q_there)
    return Finding(s, e, f"{head}; {reason}", (Edit(s, e, shaped_like(surface, r.base, v.winner)),),
                   UNSAFE, related)
