"""Per-document table of name spellings: every name of a document by its base (Kurils, Kuril ->
Kuril), with where and how often it occurs. What the variant checks compare."""
from __future__ import annotations

from auditor.records import field, record

from .extract import TITLES, doc_names
from .frequency import zipf
from .variants import base

#: A capital at a sentence start proves nothing; such a word counts as a name only when rare.
RARE_FOR_INITIAL = 3.0
#: Names this common carry no evidence that two files tell one story (Japan, Russia, Monday).
CONTEXT_MAX_ZIPF = 4.0
#: What one occurrence on a short line of its own (a byline, a caption label) counts against one
#: in the running text: such lines are typed apart from the article and misspelled more often.
STANDALONE_WEIGHT = 0.5


@record(slots=True)  # slots: made for every name of every document, and read often
class Spelling:
    """All occurrences in one document of one name base (Kurils, Kuril -> base Kuril)."""

    surfaces: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    weight: float = 0.0  # occurrences; one on a short line of its own counts STANDALONE_WEIGHT
    quoted: bool = True  # every occurrence is inside a direct quote
    confident: bool = False
    sentences: set[int] = field(default_factory=set)  # indexes of the sentences it occurs in
    paragraphs: set[int] = field(default_factory=set)  # indexes of the paragraphs it occurs in
    neighbours: set[str] = field(default_factory=set)  # words next to it in multi-word names
    known: float = 0.0  # the highest Zipf frequency of its surfaces (Dallas, not "Dalla")

    @property
    def count(self) -> int:
        """How many times the name occurs."""
        return sum(map(len, self.surfaces.values()))


def spelling_table(doc) -> dict[str, Spelling]:
    return doc.memo("names.spelling_table", _spelling_table)


def _spelling_table(doc) -> dict[str, Spelling]:
    table = all_names_table(doc)
    return {b: sp for b, sp in table.items() if sp.confident or sp.known < RARE_FOR_INITIAL}


def _build(doc) -> dict[str, Spelling]:
    names = doc_names(doc)
    table: dict[str, Spelling] = {}
    # The tokens come in text order: the sentence and the paragraph of each are found by moving
    # on from the previous token's (what bisect_right would give, without a search a token).
    # Each list ends with the text's length, past every token: the moves stop without a test.
    past_end = len(doc.text)
    starts = [x.start for x in doc.sentences] + [past_end]
    para_starts = [p.start for p in doc.paragraphs] + [past_end]
    sentence = paragraph = 0  # how many sentences, paragraphs start at or before the token
    next_sentence, next_paragraph = starts[0], para_starts[0]
    bases: dict[str, str] = {}  # word -> its base, worked out once per distinct word
    # word -> (its Spelling, its list of spans): a word recurs, and is looked up once a token
    of_word: dict[str, tuple[Spelling, list[tuple[int, int]]]] = {}
    in_quote = doc.in_quote
    for start, end, word, confident, standalone in names.tokens:
        found = of_word.get(word)
        if found is None:
            b = bases[word] = base(word)
            sp = table.get(b)
            if sp is None:
                sp = table[b] = Spelling()
            found = of_word[word] = sp, sp.surfaces.setdefault(word, [])
        sp, spans = found
        spans.append((start, end))
        sp.weight += STANDALONE_WEIGHT if standalone else 1.0
        while next_sentence <= start:
            sentence += 1
            next_sentence = starts[sentence]
        while next_paragraph <= start:
            paragraph += 1
            next_paragraph = para_starts[paragraph]
        sp.sentences.add(sentence)
        sp.paragraphs.add(paragraph - 1)
        if confident:
            sp.confident = True
        if sp.quoted and not in_quote(start, end):
            sp.quoted = False
    for run in names.runs:
        # a title is no word of the name (Foreign Minister Péter Szijjártó and Prime Minister
        # Petr Fiala are two people, whatever the office they share)
        words = [bases[t.text] if t.text not in TITLES else None for t in run.tokens]
        for i, w in enumerate(words):
            if w in table:
                table[w].neighbours.update(x for x in words[max(0, i - 1):i] + words[i + 1:i + 2] if x)
    for sp in table.values():
        sp.known = max(map(zipf, sp.surfaces))
    return table


def all_names_table(doc) -> dict[str, Spelling]:
    """Every capitalised name of the document, also those that only start sentences (Natalia at
    the head of a paragraph): what renditions of one story are compared on."""
    return doc.memo("names.all_names_table", _all_names_table)


def _all_names_table(doc) -> dict[str, Spelling]:
    return _build(doc)


def context_names(table: dict[str, Spelling]) -> frozenset[str]:
    """The rarer confident names of a document: shared ones suggest two files tell one story."""
    return frozenset(b for b, sp in table.items() if sp.confident and zipf(b) < CONTEXT_MAX_ZIPF)
