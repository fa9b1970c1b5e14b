"""TR101: a sentence of the article body without a finite verb ("Russian action.")."""
from __future__ import annotations

import re

from auditor.api import Check, Finding, Option
from auditor.text import clip, is_title_case

from . import parse
from .tokens import OPEN_QUOTES, norm, words
from .verbs import PREPOSITIONS, has_finite_verb
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
_DIGIT = re.compile(r"\d")


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
        by_para: dict[int, list] = {}
        for s in doc.sentences:
            by_para.setdefault(s.paragraph, []).append(s)
        order = sorted(by_para)
        prose = {p: _is_prose(doc, by_para[p]) for p in order}
        for n, p in enumerate(order):
            sents = by_para[p]
            if "|" in doc.paragraphs[p].text:
                continue  # a footer or menu line, not prose
            if len(sents) == 1:
                if not (0 < n < len(order) - 1 and prose[order[n - 1]] and prose[order[n + 1]]):
                    continue
                candidates = [s for s in self._verbless(doc, sents)
                              if len(words(s.text)) >= LONE_PARAGRAPH_MIN_WORDS]
            else:
                if not prose[p]:
                    continue
                candidates = list(self._verbless(doc, sents))
                if len(candidates) == len(sents):
                    continue
            for s in parse.confirm_verbless(candidates):
                yield Finding(s.start, s.end,
                              f"'{clip(s.text)}' has no verb: a fragment among full sentences, "
                              "where the translation probably dropped the verb")

    def _verbless(self, doc, sents):
        for s in sents:
            text = s.text
            if not text.endswith(".") or text.endswith("..") or text[:1] in OPEN_QUOTES \
                    or doc.in_quote(s.start, s.end):
                continue
            if any(q in text for q in OPEN_QUOTES + "”:(),#*") or text[:1] in _LIST_MARKS \
                    or " — " in text or " – " in text:
                continue  # quotations, labels, lists and markup
            if text.split(None, 1)[0].lower() in _DISCOURSE_OPENERS:
                continue
            tokens = [m.group() for m in words(text)]
            if not self.opts.min_words <= len(tokens) <= self.opts.max_words:
                continue
            if _is_dateline(tokens) or has_finite_verb(tokens) or _DIGIT.search(text):
                continue
            if is_title_case(tokens) or _is_aside(tokens):
                continue
            yield s


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
    if any(t.endswith("er") and ADJECTIVE in classes(t) and NOUN not in classes(t) for t in lows):
        return True
    first = classes(lows[0])
    if PARTICIPLE in first:
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
    tokens = [m.group() for m in words(text)]
    return (len(tokens) >= FULL_SENTENCE_MIN_WORDS and ":" not in text[:LABEL_COLON_WITHIN]
            and has_finite_verb(tokens))
