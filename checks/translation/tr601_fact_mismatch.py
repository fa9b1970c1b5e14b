"""TR601: a number or a name that differs from the other renditions of the story."""
from __future__ import annotations

from .renditions.report import DisagreementCheck, example, numbers_of, others, quoted, words_of


class FactMismatch(DisagreementCheck):
    """A sentence states a number or a name that its counterparts in the other renditions of the
    same story do not, while most of them agree on another one ("about 4,000 workers" where the
    others say "about 400 workers").

    Renditions of one story (files that share most of their sentences) are aligned sentence by
    sentence. Small numbers (below 10, often spelt out in one rendition) and clock times are
    ignored, and a number or name counts as shared when it appears in the neighbouring
    sentences of a counterpart; a name needs a majority of four or more aligned renditions
    (option min-counterparts-wording of the shared analysis). Reported in the minority
    rendition, with the other renditions' sentences as related places. No fix is offered: which
    rendition is right is for the source to say."""

    code = "TR601"
    summary = "Number or name differs from the other renditions of the story"
    kinds = ("number", "name")

    def message(self, dis, text, result, chars):
        if dis.kind == "number":
            seen = quoted(numbers_of(text, dis.seen) or dis.seen)
            expected = quoted(numbers_of(dis.majority_text, dis.expected) or dis.expected)
            return (f"{seen} here but {expected} in {others(dis, result)}{example(dis, chars)}: check the "
                    "figure against the source")
        names = words_of(text, dis.seen) or list(dis.seen)
        expected = quoted(words_of(dis.majority_text, dis.expected)) or "another name"
        what = "a name" if len(names) == 1 else "names"
        return (f"{quoted(names)}: {what} no other rendition has here; {others(dis, result)} have {expected}"
                f"{example(dis, chars)}: check the name against the source")
