"""TR110: two adjacent words that English grammar does not allow together ("in he thirties"),
from the table data/word_pairs.json."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, NamedTuple

from auditor.api import Check, Finding
from auditor.examples import DataExample
from auditor.document import Document
from auditor.text import clip

from .data import load_json
from .tokens import norm, words

TABLE = "word_pairs.json"
START, END = "^", "$"  # the sentence markers the table uses as words
_SENTENCE_ENDS = (".", ".”", '."')


class PairRule(NamedTuple):
    """One entry of the table: why the pair is impossible, the words that make it grammatical
    right before it, whether it holds in statements only, and the words one of which must come
    right before it (empty: any)."""

    index: int
    why: str
    not_after: frozenset
    statements_only: bool
    only_after: frozenset


@lru_cache(maxsize=None)
def pair_table() -> dict[tuple[str, str], PairRule]:
    """{(first word, second word): the first entry that lists the pair}."""
    table: dict[tuple[str, str], PairRule] = {}
    for i, entry in enumerate(load_json(TABLE)["pairs"]):
        rule = PairRule(i, entry["why"], frozenset(entry.get("not_after", "").split()),
                        entry.get("statements_only", False), frozenset(entry.get("only_after", "").split()))
        for a in entry["first"].split():
            for b in entry["second"].split():
                table.setdefault((a, b), rule)
    return table


def impossible_pairs(doc) -> Iterator[tuple[int, int, PairRule]]:
    """(start, end, rule) of the first impossible pair of each sentence not inside a quotation."""
    table = pair_table()
    for s in doc.sentences:
        if doc.in_quote(s.start, s.end):
            continue
        found = _first_pair(s.text, table)
        if found:
            a, b, rule = found
            yield s.start + a, s.start + b, rule


def _first_pair(text: str, table) -> tuple[int, int, PairRule] | None:
    ms = words(text)
    if not ms:
        return None
    tokens = [START] + [m.group() for m in ms]
    if text[ms[-1].end():].strip() in _SENTENCE_ENDS:
        tokens.append(END)
    # A statement ends with a full stop and asks nothing ('"Are you sure?" asked Pineda.').
    statement = text.rstrip("”\"’' ").endswith(".") and "?" not in text
    opens = text[:ms[0].start()].strip(" \"“‘'(«") == ""  # no number or symbol before word 1
    for i in range(len(tokens) - 1):
        first, second = tokens[i], tokens[i + 1]
        gap = text[ms[i - 1].end(): ms[i].start()] if 0 < i < len(ms) else " "
        if gap.strip() == "," and gap.startswith(","):
            second = ","
        elif gap.strip():
            continue  # punctuation between the words: not a pair
        if not _lower_enough(first, i) or not _lower_enough(second, i + 1):
            continue
        rule = table.get((norm(first), norm(second)))
        if rule is None or (i > 1 and norm(tokens[i - 1]) in rule.not_after):
            continue
        if rule.only_after and not _preceded_by(text, ms, tokens, i, rule.only_after):
            continue
        if (rule.statements_only and not statement) or (i == 0 and not opens):
            continue
        if i == 0 and not second[:1].isupper():
            continue  # a sentence that opens in lowercase is the tail of a broken line, not a sentence
        a = ms[max(i - 1, 0)].start()
        b = ms[min(i, len(ms) - 1)].end() if second not in (END, ",") else ms[i - 1].end() + 1
        return a, b, rule
    return None


def _preceded_by(text: str, ms, tokens: list[str], i: int, allowed: frozenset[str]) -> bool:
    """Whether the word before tokens[i] (or '^', or a comma right before it) is in `allowed`."""
    if i < 1:
        return False
    if i >= 2 and "," in allowed and text[ms[i - 2].end(): ms[i - 1].start()].strip() == ",":
        return True
    return norm(tokens[i - 1]) in allowed


def _lower_enough(token: str, index: int) -> bool:
    """Sentence markers, lowercase words, and the capitalised first word of the sentence."""
    return token in (START, END, ",") or token.islower() or (
        index == 1 and (token[1:].islower() or len(token) == 1))


class ImpossibleWordPair(Check):
    """Two adjacent words that English grammar does not allow together: pronoun-case errors
    ("Him research shows", "in he thirties"), a determiner before a verb or preposition ("the of
    advice"), a sentence ending on an article, and word salad. The pairs are data (each entry:
    the first and second words, the words before it that make it grammatical, why the pair is
    impossible, an example and a counter-example); sentences inside quotations are left alone,
    and one pair is reported per sentence. No fix is offered: the lost or swapped word is not
    known."""

    code = "TR110"
    family = "translation"
    summary = "Grammatically impossible pair of adjacent words"
    severity = "warning"

    def check(self, doc):
        text = doc.text
        for a, b, rule in impossible_pairs(doc):
            yield Finding(a, b, f"'{clip(text[a:b])}' is not English: {rule.why}")

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        out = []
        for i, entry in enumerate(load_json(TABLE)["pairs"]):
            source = f"data/{TABLE}: {entry['first'][:20]} + {entry['second'][:20]}"
            fires = _entry_fires(i)
            out.append(DataExample(source, entry["example"], True, fires))
            out.append(DataExample(source, entry["counter"], False, fires))
        return out


def _entry_fires(index: int):
    def fires(text: str) -> bool:
        return any(rule.index == index for *_, rule in impossible_pairs(Document("example.txt", text)))
    return fires
