"""TR604: two renditions of a story that state a number, an outcome or a negation differently,
where no majority can say which one is right."""
from __future__ import annotations

from .renditions.report import DisagreementCheck, example, negations_of, numbers_of, quoted, words_of
from .renditions.summary import polarity_table


class RenditionsDisagree(DisagreementCheck):
    """Only two renditions of the story are audited, and a sentence and its counterpart in the
    other rendition disagree: a number ('40' here, '400' there), an outcome from the table of
    opposite poles ('approved' here, 'rejected' there) or a negation. With two renditions no
    majority can say which one is right, so both sentences are reported, as information, each
    naming the other rendition: an editor checks both against the source. Only sentences that
    are surely the same sentence (closely aligned) are compared, and a number or a negation
    that the other rendition states in a neighbouring sentence does not count. No fix is
    offered."""

    code = "TR604"
    summary = "Two renditions of the story disagree (number, outcome, negation)"
    severity = "info"
    kinds = ("pair-number", "pair-polarity", "pair-negation")

    def message(self, dis, text, result, chars):
        other = result.docs.path(dis.counterparts[0].doc).rsplit("/", 1)[-1]
        if dis.kind == "pair-number":
            seen = quoted(numbers_of(text, dis.seen) or dis.seen)
            theirs = quoted(numbers_of(dis.majority_text, dis.expected) or dis.expected)
        elif dis.kind == "pair-polarity":
            table, _ = polarity_table()
            seen = quoted(words_of(text, {t for t, v in table.items() if v == dis.seen[0]})[:1])
            theirs = quoted(words_of(dis.majority_text, {t for t, v in table.items() if v == dis.expected[0]})[:1])
        else:
            negated = dis.seen[0] == "negated"
            seen = quoted(negations_of(text)[:1]) if negated else "no negation"
            theirs = "no negation" if negated else quoted(negations_of(dis.majority_text)[:1])
        return (f"the two renditions disagree: {seen} here, {theirs} in {other}{example(dis, chars)}: "
                "check both against the source")
