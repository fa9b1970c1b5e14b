"""Names family (NM): inconsistent or wrongly romanized names."""
import re
from collections import defaultdict

from auditor.api import CorpusCheck, Finding, Option, Related

_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


class NameVariants(CorpusCheck):
    """Two spellings of one name, one edit apart, within a file or across the corpus: the spelling
    used by fewer files is reported, with the majority spelling as the suggestion."""

    code = "NM101"
    family = "names"
    summary = "Name spelled two ways in the corpus"
    severity = "warning"
    options = {"max_distance": Option(1, "largest edit distance between two spellings")}

    def collect(self, doc):
        seen = defaultdict(list)
        for m in _NAME.finditer(doc.text):
            if m.start() and doc.text[m.start() - 2:m.start()].strip() not in ("", ".", "!", "?"):
                seen[m.group()].append((m.start(), m.end()))
        return [(doc.path, name, spans) for name, spans in seen.items()]

    def finalize(self, summary):
        from rapidfuzz.distance import Levenshtein

        files = defaultdict(dict)
        for path, name, spans in summary:
            files[name][path] = spans
        blocks = defaultdict(list)
        for name in files:
            blocks[name[:2]].append(name)
        for names in blocks.values():
            for a in names:
                for b in names:
                    if a == b or len(files[a]) >= len(files[b]):
                        continue
                    if Levenshtein.distance(a, b) <= self.opts.max_distance:
                        related = tuple(Related(p, s[0][0], s[0][1]) for p, s in sorted(files[b].items()))
                        for path, spans in files[a].items():
                            for start, end in spans:
                                yield path, Finding(start, end, f"'{a}' is spelled '{b}' in "
                                                    f"{len(files[b])} other file(s)", b, related)


CHECKS = [NameVariants]
