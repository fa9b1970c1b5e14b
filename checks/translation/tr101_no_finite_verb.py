"""TR101: a sentence of the article body without a finite verb ("Russian action.", "Noting that
…", "The length of the line 56 kilometres.")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding, Option
from auditor.text import clip, is_title_case

from . import parse
from .body import sentences_by_paragraph, unquoted_sentences
from .clause_shapes import measure_without_verb, participial_only
from .english import english_findings
from .tokens import OPEN_QUOTES, norm, tokenize, words
from .verbs import DEVERBAL_PREPOSITIONS, PREPOSITIONS, has_finite_verb
from .word_classes import ADJECTIVE, ADVERB, FINITE, NOUN, PARTICIPLE, classes

MONTHS = frozenset("january february march april may june july august september october "
                   "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
# A deliberate stylistic fragment starts with one of these ("And yet.", "Not the same.").
_DISCOURSE_OPENERS = frozenset("and but or so yet then not no also maybe just sorry perhaps "
                               "still even here there now none".split())
# Words of emphasis and evaluation: a fragment holding one is a writer's aside ("Too many.",
# "A true master.", "Really far."), not a clause whose verb was lost.
_EVALUATIVE = frozenset(
    "too very really so quite rather pretty more most less least much many enough such what how "
    "great good best better bad worse worst true real perfect wonderful amazing awesome nice "
    "beautiful lovely strange weird simple easy hard fun sweet favourite favorite ultimate "
    "absolutely totally completely definitely certainly probably technically practically "
    "literally honestly seriously exactly only own little big extra all one".split())
#: A paragraph is prose when one of its sentences has a verb and at least this many words: a
#: long sentence with a verb is news prose, not a list of labels, names or captions.
FULL_SENTENCE_MIN_WORDS = 12
#: A colon this early in a sentence makes it a label ("Photo: Ukrinform"), not prose.
LABEL_COLON_WITHIN = 30
#: A paragraph that is one verbless sentence is judged only with at least this many words (a
#: shorter one is a heading, a caption or a call to action) and between two paragraphs of prose.
LONE_PARAGRAPH_MIN_WORDS = 4
#: A fragment this short that points back with 'that' or 'this' is an aside.
SHORT_ASIDE_WORDS = 3
# A sentence opening with one of these is a list item.
_LIST_MARKS = frozenset("-–—•·*+>")
# Marks of quotations, labels, asides and markup: a sentence holding one is not judged (one
# character class searched, rather than a test a mark).
_UNJUDGED_MARK = compiled.regex("[" + re.escape(OPEN_QUOTES + "”:(),#*") + "]")
_DIGIT = compiled.regex(r"\d")
# A number as prose writes it: a count or a year ("2030", "1,200", "4.5"), with a currency sign or
# a percent sign at most; anything else with a digit is a code, a time, a version, a range or a
# measurement ("3-4", "2015/0097", "302ms", "A1", "9:30"), which lists and specifications hold.
_PROSE_NUMBER = compiled.regex(r"[$€£¥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


class NoFiniteVerb(Check):
    """A sentence of the article body that has no finite verb ("He said the approach had not
    changed. Russian action.", "For breach of the rules."): machine translation that dropped the
    verb or split a phrase off its clause.

    A sentence is judged wherever it stands in a paragraph of prose (one that holds a long
    sentence with a verb), and a paragraph that is one verbless sentence is judged when it
    stands between two paragraphs of prose and has four words or more; headlines, captions,
    datelines, calls to action and lists are legitimately verbless and are left alone. Only
    sentences that end with a full stop and have min-words to max-words words are judged.
    The verb test is generous: auxiliaries, -ed and -s forms, irregular verbs, pronoun subjects,
    and every form that a word-class table (from lemminflect) lists as a finite verb where a
    subject or an imperative can precede it. Sentences with quotation marks, brackets, commas,
    colons or digits, datelines, Title Case names, imperatives and a writer's asides ("And yet.",
    "Too many.", "A true master.") are left alone. No fix is offered: the lost verb is not known.

    Two shapes are judged in any sentence, long ones and ones with commas or figures included: a
    sentence that is only a participial clause of saying ("Pointing out that the work will end
    in May."), and a noun phrase headed by a noun of measure that runs straight into its figure
    ("The length of the line 56 kilometres, and its capacity 20,000 cubic metres."): the source
    strung its clauses, or builds such sentences without a copula.

    With the optional parser installed (`pip install 'news-auditor[parse]'`, spaCy's
    en_core_web_sm), a sentence is reported only when the parser also finds no finite verb in
    it; `auditor explain TR101` says which model is used."""

    code = "TR101"
    family = "translation"
    summary = "Sentence without a finite verb in a body paragraph"
    severity = "warning"
    options = {"max_words": Option(12, "judge only sentences of at most this many words"),
               "min_words": Option(2, "and of at least this many words")}

    @classmethod
    def describe(cls) -> str:
        return super().describe() + "\n\n" + parse.model_status()

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        by_para = sentences_by_paragraph(doc)
        order = sorted(by_para)
        prose: dict[int, bool] = {}

        def is_prose(p: int) -> bool:
            # asked only about the paragraphs of a candidate and its neighbours: most have none
            if p not in prose:
                prose[p] = _is_prose(doc, by_para[p])
            return prose[p]

        reported: set[int] = set()
        for n, p in enumerate(order):
            sents = by_para[p]
            if "|" in doc.paragraphs[p].text:
                continue  # a footer or menu line, not prose
            if len(sents) == 1:
                if not 0 < n < len(order) - 1:
                    continue
                candidates = [s for s in self._verbless(doc, sents)
                              if len(words(s.text)) >= LONE_PARAGRAPH_MIN_WORDS]
                if not candidates or not (is_prose(order[n - 1]) and is_prose(order[n + 1])):
                    continue
            else:
                candidates = list(self._verbless(doc, sents))
                if not candidates or len(candidates) == len(sents) or not is_prose(p):
                    continue
            for s in parse.confirm_verbless(candidates):
                reported.add(s.start)
                yield Finding(s.start, s.end,
                              f"'{clip(s.text)}' has no verb: a fragment among full sentences, "
                              "where the translation probably dropped the verb")
        yield from self._shapes(doc, reported)

    def _shapes(self, doc, reported):
        """Sentences whose shape has no main verb, wherever they stand: only a participial clause
        ("Noting that …"), or a noun of measure followed straight by its figure ("The length of
        the line 56 kilometres")."""
        for s in unquoted_sentences(doc):
            text = s.text
            if s.start in reported or not text[:1].isupper() or not text.rstrip("”\"’' ").endswith("."):
                continue
            found = participial_only(text)
            if found:
                a, b = found
                yield Finding(s.start, s.end, f"'{clip(text)}' is only a clause opened by '{text[a:b]}': the "
                                              "sentence has no main verb, its clauses strung as the source did")
                continue
            found = measure_without_verb(text)
            if found:
                a, b = found
                yield Finding(s.start + a, s.start + b, f"'{clip(text[a:b])}' runs into its figure with no verb: "
                                                        "the translation dropped the 'is' or 'was'")

    def _verbless(self, doc, sents):
        for s in sents:
            text = s.text
            if not text.endswith(".") or text.endswith("..") or text[:1] in OPEN_QUOTES \
                    or doc.in_quote(s.start, s.end):
                continue
            if _UNJUDGED_MARK.search(text) or text[:1] in _LIST_MARKS \
                    or " — " in text or " – " in text:
                continue  # quotations, labels, lists and markup
            if text.split(None, 1)[0].lower() in _DISCOURSE_OPENERS:
                continue
            tokens = list(tokenize(text).words)
            if not self.opts.min_words <= len(text.split()) <= self.opts.max_words:
                continue  # (numbers count as words: "From 2019.")
            if not text[:1].isupper() or not _plain_numbers(text):
                continue  # the tail of a broken line, or a list item, a code or a specification
            if _is_dateline(tokens) or has_finite_verb(tokens):
                continue
            if len(tokens) == 1 and norm(tokens[0]) not in PREPOSITIONS | DEVERBAL_PREPOSITIONS:
                continue  # one word and a number: a name ("Pylint 4.", "Step 3."), not a phrase
            if (len(tokens) > 1 and is_title_case(tokens)) or _is_aside(tokens):
                continue
            yield s


def _plain_numbers(text: str) -> bool:
    """Every word of `text` that holds a digit is a number as prose writes it."""
    if not _DIGIT.search(text):
        return True
    return all(_PROSE_NUMBER.fullmatch(w.strip(".,;!?")) for w in text.split() if _DIGIT.search(w))


def _is_aside(tokens: list[str]) -> bool:
    """A writer's aside rather than a clause without its verb: a word of emphasis or evaluation,
    an adverb, a comparative ("The thicker the better."), an opening adjective ("Available as a
    poster.", "Infinite resolution.") or a descriptive phrase opened by 'a' ("A true master.")."""
    lows = [norm(t) for t in tokens]
    if any(t in _EVALUATIVE for t in lows):
        return True
    if len(lows) <= SHORT_ASIDE_WORDS and ("that" in lows or "this" in lows):
        return True  # "In that order.", "Like this.": pointing back at the sentence before
    if any(ADVERB in classes(t) and NOUN not in classes(t) and ADJECTIVE not in classes(t)
           and t not in PREPOSITIONS for t in lows):
        return True
    if any(t.endswith("er") and ADJECTIVE in classes(t) and NOUN not in classes(t) and t not in PREPOSITIONS
           for t in lows):
        return True
    first = classes(lows[0])
    if PARTICIPLE in first and lows[0] not in DEVERBAL_PREPOSITIONS:
        return True  # "Pressing down each time.": a participle phrase, a writer's shorthand
    if ADJECTIVE in first and NOUN not in first and FINITE not in first:
        return not _is_proper_adjective(tokens[0])
    return lows[0] in ("a", "an")


def _is_proper_adjective(word: str) -> bool:
    """'Russian', 'Japanese': a nationality, which opens a news phrase rather than an aside."""
    return word[:1].isupper() and word.lower().endswith(("an", "ese", "ish", "ic", "i"))


def _is_dateline(tokens: list[str]) -> bool:
    """'TOKYO, June 16.' and similar: an all-capitals place or a month with a day."""
    return bool(tokens) and (tokens[0].isupper() and len(tokens[0]) > 1
                             or any(norm(t) in MONTHS for t in tokens))


def _is_prose(doc, sents) -> bool:
    """A paragraph of news prose: one of its sentences is long, has a finite verb and no label
    colon."""
    return any(_is_full_sentence(s.text) for s in sents)


def _is_full_sentence(text: str) -> bool:
    """A sentence of news prose: long, with a finite verb, no label colon."""
    tokens = list(tokenize(text).words)
    return (len(tokens) >= FULL_SENTENCE_MIN_WORDS and ":" not in text[:LABEL_COLON_WITHIN]
            and has_finite_verb(tokens))
