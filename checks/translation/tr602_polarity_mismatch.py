"""TR602: a sentence that says the opposite of the other renditions of the story ('regain'
where they say 'revoke', a negation they do not have)."""
from __future__ import annotations


from .renditions.report import DisagreementCheck, example, negations_of, others, quoted, words_of
from .renditions.summary import POLARITY_TABLE, polarity_table, summarise_sentence


class PolarityMismatch(DisagreementCheck):
    """A sentence says the opposite of its counterparts in the other renditions of the story:
    'regain' where they say 'revoke', 'imposed' where they say 'lifted', a negation they do not
    have.

    Opposite poles come from a table of word pairs (each entry: the words of one pole and of its
    opposite, an example and a counter-example). The sentence is reported only when it is in the
    minority: most aligned counterparts use the opposite pole and none uses its own; a negation
    counts only against counterparts that are surely the same sentence, when neither they nor
    their neighbours negate. No fix is offered: which rendition is right is for the source to
    say."""

    code = "TR602"
    summary = "Polarity or negation opposite to the other renditions of the story"
    kinds = ("polarity", "negation")

    def message(self, dis, text, result, chars):
        if dis.kind == "negation":
            seen = quoted(negations_of(text)[:1] or ["not"])
            return (f"{seen} here but no negation in {others(dis, result)}{example(dis, chars)}: the "
                    "meaning is reversed; check it against the source")
        table, pairs = polarity_table()
        seen = words_of(text, {t for t, v in table.items() if v == dis.seen})
        expected = words_of(dis.majority_text, {t for t, v in table.items() if v == dis.expected})
        if not expected:
            pair, side = dis.expected
            expected = pairs[pair]["opposite" if side else "pole"][:1]
        return (f"{quoted(seen[:1])} here but {quoted(expected[:1])} in {others(dis, result)}"
                f"{example(dis, chars)}: the meaning is reversed; check it against the source")

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        """Each pair's example ('A / B': two renditions that take opposite poles of the pair) and
        counter-example (two that agree)."""
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for i, pair in enumerate(polarity_table()[1]):
            source = f"data/{POLARITY_TABLE}: {pair['pole'][0]} / {pair['opposite'][0]}"
            fires = _pair_fires(i)
            out.append(DataExample(source, pair["example"], True, fires))
            out.append(DataExample(source, pair["counter"], False, fires))
        return out


def _pair_fires(index: int):
    def fires(text: str) -> bool:
        a, _, b = text.partition(" / ")
        sides = []
        for part in (a, b):
            poles = {side for pair, side in summarise_sentence(0, len(part), part).poles if pair == index}
            if len(poles) != 1:
                return False
            sides.append(poles.pop())
        return sides[0] != sides[1]
    return fires
