"""NM104: a rare spelling one letter away from a well-known name used in other files."""
from __future__ import annotations

from collections import defaultdict

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Option, Related

from .corpus_spellings import CorpusSpellings
from .evidence import shaped_like
from .house_list import SETTINGS
from .nm102_corpus_variant import CorpusVariant
from .romanize import looks_japanese
from .variants import deletion_keys, distance, morph_related

#: How frequent (Zipf) the twin must be: a name readers know (Berlin, Ukraine), not a rare one
#: that could itself be the slip.
MIN_TWIN_ZIPF = 3.0
#: Shortest word considered: in shorter words one letter makes another real name.
MIN_LENGTH = 6


class RareTwin(CorpusCheck):
    """A capitalised word that is no known word or name, one letter from a well-known name that
    other files of the corpus use.

    Weaker evidence than a variant in one story (NM102), so reported at a lower severity: the word
    is not at a sentence start, is not in the English word list and is at least `min-length`
    letters long, and a twin one edit away (deletion, insertion, substitution, transposition) is
    both frequent (`min-twin-zipf`) and used as a capitalised name in another file of the corpus
    ("Ukriane" -> "Ukraine"). A frequent twin that is never a name in the corpus ("Fredly" ->
    "freely") is no evidence, and two twins leave no telling which was meant. Places NM102
    reports, and Japanese-looking words (NM103's), are left to those checks when they run."""

    code = "NM104"
    family = "names"
    settings = SETTINGS
    summary = "Rare spelling next to a well-known name"
    severity = "info"
    uses = (CorpusSpellings,)
    options = {"min_twin_zipf": Option(MIN_TWIN_ZIPF, "how frequent the twin must be (Zipf)"),
               "min_length": Option(MIN_LENGTH, "shortest word considered")}

    def finalize(self, summary):
        spellings = self.analysis(CorpusSpellings)
        files, known = spellings.files, spellings.known
        protected = spellings.house.protected
        done = set()
        if self.is_selected("NM102"):
            done = {(r.base, p) for r in CorpusVariant.reports(spellings, self) for p in r.paths}
        leave_japanese = self.is_selected("NM103")
        index = defaultdict(set)
        for b in files:
            if known[b] >= self.opts.min_twin_zipf and len(b) >= self.opts.min_length - 1:
                for k in deletion_keys(b):
                    index[k].add(b)
        for b in sorted(files):
            if (len(b) < self.opts.min_length or not b.isascii() or b in protected or known[b] > 0
                    or leave_japanese and looks_japanese(b)):
                continue
            for p, surfaces in sorted(files[b].items()):
                if (b, p) in done:
                    continue
                twins = sorted({t for k in deletion_keys(b) for t in index.get(k, ())
                                if t != b and distance(t, b) == 1 and t[:1] == b[:1]
                                and p not in files[t] and not morph_related(t, b)})
                if len(twins) != 1:
                    continue  # none, or no telling which was meant
                twin = twins[0]
                q = min(files[twin])
                there, s0, e0 = spellings.first_place(twin, q)
                related = (Related(q, s0, e0, f"'{there}' here"),)
                n = len(files[twin])
                for surface, spans in sorted(surfaces.items()):
                    fix = shaped_like(surface, b, twin)
                    for s, e in spans:
                        yield p, Finding(s, e, f"'{surface}' is no known word or name, while '{there}', one "
                                               f"letter away, is a well-known name used in "
                                               f"{'another file' if n == 1 else f'{n} other files'}: "
                                               f"a misspelling?", (Edit(s, e, fix),), UNSAFE, related)
