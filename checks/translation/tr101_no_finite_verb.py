"""TR101: a sentence of the article body without a finite verb ("Russian action.")."""
from __future__ import annotations

import re

from auditor.api import Check, Finding, Option
from auditor.text import clip, is_title_case

from .body import body_sentences
from .tokens import OPEN_QUOTES, norm, words
from .verbs import has_finite_verb

MONTHS = frozenset("january february march april may june july august september october "
                   "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
# A deliberate stylistic fragment starts with one of these ("And yet.", "Not the same.").
_DISCOURSE_OPENERS = frozenset("and but or so yet then not no also maybe just sorry perhaps "
                               "still even".split())
#: A paragraph is prose when one of its sentences has a verb and at least this many words: a
#: long sentence with a verb is news prose, not a list of labels, names or captions.
FULL_SENTENCE_MIN_WORDS = 12
#: A colon this early in a sentence makes it a label ("Photo: Ukrinform"), not prose.
LABEL_COLON_WITHIN = 30
_DIGIT = re.compile(r"\d")


class NoFiniteVerb(Check):
    """A sentence inside a body paragraph that has no finite verb ("He said the approach had not
    changed. Russian action."): machine translation that dropped the verb.

    Headlines, captions, datelines and calls to action are legitimately verbless, so a sentence is
    judged only when it follows another sentence of its paragraph and the paragraph holds a
    long sentence of prose with a verb. Only short sentences that end with a full
    stop are judged (options min-words and max-words), where the verb test (auxiliaries, -ed and
    -s forms, irregular verbs, pronoun subjects) is reliable. Sentences with quotation marks,
    brackets, commas, colons or digits, datelines, Title Case names and stylistic fragments ("And
    yet.") are left alone, and so is a paragraph with '|' (a footer or menu). No fix is offered:
    the lost verb is not known."""

    code = "TR101"
    family = "translation"
    summary = "Sentence without a finite verb in a body paragraph"
    severity = "warning"
    options = {"max_words": Option(12, "judge only sentences of at most this many words"),
               "min_words": Option(2, "and of at least this many words")}

    def check(self, doc):
        by_para: dict[int, list] = {}
        for s in body_sentences(doc):
            by_para.setdefault(s.paragraph, []).append(s)
        for sents in by_para.values():
            if "|" in doc.paragraphs[sents[0].paragraph].text:
                continue  # a footer or menu line, not prose
            verbless = [v for v in self._verbless(doc, sents) if v is not sents[0]]
            if verbless and len(verbless) < len(sents) and any(
                    _is_full_sentence(s.text) for s in sents if s not in verbless):
                for s in verbless:
                    yield Finding(s.start, s.end,
                                  f"'{clip(s.text)}' has no verb: a fragment among full sentences, "
                                  "where the translation probably dropped the verb")

    def _verbless(self, doc, sents):
        for s in sents:
            text = s.text
            if not text.endswith(".") or text[:1] in OPEN_QUOTES or doc.in_quote(s.start, s.end):
                continue
            if any(q in text for q in OPEN_QUOTES + "”:(),"):
                continue  # quotations, labels and lists
            if text.split(None, 1)[0].lower() in _DISCOURSE_OPENERS:
                continue
            tokens = [m.group() for m in words(text)]
            if not self.opts.min_words <= len(tokens) <= self.opts.max_words:
                continue
            if _is_dateline(tokens) or has_finite_verb(tokens) or _DIGIT.search(text):
                continue
            if is_title_case(tokens):
                continue  # a name or heading in Title Case ("All Rights Reserved.")
            yield s


def _is_dateline(tokens: list[str]) -> bool:
    """'TOKYO, June 16.' and similar: an all-capitals place or a month with a day."""
    return bool(tokens) and (tokens[0].isupper() and len(tokens[0]) > 1
                             or any(norm(t) in MONTHS for t in tokens))


def _is_full_sentence(text: str) -> bool:
    """A sentence of news prose: long, with a finite verb, no label colon."""
    tokens = [m.group() for m in words(text)]
    return (len(tokens) >= FULL_SENTENCE_MIN_WORDS and ":" not in text[:LABEL_COLON_WITHIN]
            and has_finite_verb(tokens))
