"""TR110: two adjacent words that English grammar does not allow together ("in he thirties"),
from the table data/word_pairs.json."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import islice
from re import Match
from collections.abc import Iterator

from auditor.api import Check, Finding
from auditor.document import Document
from auditor.records import tuple_record
from auditor.text import clip

from .body import unquoted_sentences
from .data import load_json
from .english import english_findings
from .tokens import norm, per_sentence, tokenize

TABLE = "word_pairs.json"
START, END = "^", "$"  # the sentence markers the table uses as words
_SENTENCE_ENDS = (".", ".”", '."')


@tuple_record
class PairRule:
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
    for s in unquoted_sentences(doc):
        found = _pair_in(s.text)
        if found:
            a, b, rule = found
            yield s.start + a, s.start + b, rule


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    return frozenset(a for a, _ in pair_table())


@lru_cache(maxsize=None)
def _before_comma() -> frozenset[str]:
    """The words of the table's pairs whose second word is a comma."""
    return frozenset(a for a, b in pair_table() if b == ",")


def _comma_pair(text: str, ms, lows: list[str]) -> bool:
    """Whether a word that the table pairs with a comma stands right before a comma."""
    before = _before_comma()
    at = text.find(",")
    while at >= 0:
        i = bisect_right(ms, at, key=Match.end) - 1
        if i >= 0 and ms[i].end() == at and lows[i + 1] in before:
            return True
        at = text.find(",", at + 1)
    return False


@per_sentence
def _pair_in(text: str) -> tuple[int, int, PairRule] | None:
    """`_first_pair` of the sentence in the table of data/ (`pair_table()`)."""
    return _first_pair(text, pair_table())


def _first_pair(text: str, table) -> tuple[int, int, PairRule] | None:
    tk = tokenize(text)
    ms = tk.matches
    if not ms:
        return None
    firsts = _first_words()
    tokens = [START, *tk.words]
    lows = [START, *tk.lows]
    if text[ms[-1].end():].strip() in _SENTENCE_ENDS:
        tokens.append(END)
        lows.append(END)
    if table.keys().isdisjoint(zip(lows, islice(lows, 1, None))) and not _comma_pair(text, ms, lows):
        return None  # no two words in a row (nor a word and a comma) form a pair of the table
    # A statement ends with a full stop and asks nothing ('"Are you sure?" asked Pineda.').
    statement = text.rstrip("”\"’' ").endswith(".") and "?" not in text
    opens = text[:ms[0].start()].strip(" \"“‘'(«") == ""  # no number or symbol before word 1
    for i in range(len(tokens) - 1):
        if lows[i] not in firsts:
            continue  # no pair of the table starts with this word
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
    and one pair is reported per sentence; a doubled word ("the the") is left to TR402 when it is
    selected. No fix is offered: the lost or swapped word is not known."""

    code = "TR110"
    family = "translation"
    summary = "Grammatically impossible pair of adjacent words"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        text = doc.text
        stutters_reported = self.is_selected("TR402")
        for a, b, rule in impossible_pairs(doc):
            words = text[a:b].lower().split()
            if stutters_reported and len(words) == 2 and words[0] == words[1]:
                continue   # a doubled word ('the the') is TR402's, which offers the fix
            yield Finding(a, b, f"'{clip(text[a:b])}' is not English: {rule.why}")

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

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
