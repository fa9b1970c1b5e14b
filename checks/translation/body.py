"""Sentences of the article body: the ones the fragment checks judge."""
from __future__ import annotations

from itertools import groupby
from operator import attrgetter

#: A paragraph of one sentence is a headline, a caption, a dateline or a call to action, which are
#: legitimately verbless or elliptic; body prose comes in paragraphs of two sentences or more.
MIN_BODY_PARAGRAPH_SENTENCES = 2


def body_sentences(doc):
    """Sentences of paragraphs that hold at least two sentences: article body, not captions,
    headlines or calls to action."""
    for sents in sentences_by_paragraph(doc).values():
        if len(sents) >= MIN_BODY_PARAGRAPH_SENTENCES:
            yield from sents


def unquoted_sentences(doc) -> list:
    """The sentences that do not lie inside one quotation, in order: the sentences the grammar
    checks judge (a quotation is the speaker's words), sorted out once for them all."""
    return doc.memo("translation.unquoted_sentences", _unquoted_sentences)


def _unquoted_sentences(doc) -> list:
    if not doc.quotes:
        return doc.sentences
    return [s for s in doc.sentences if not doc.in_quote(s.start, s.end)]


def sentences_by_paragraph(doc) -> dict[int, list]:
    """{paragraph index: its sentences}, in order, for the paragraphs that have one; worked out
    once for the checks that judge a sentence by its paragraph (read it, do not change it)."""
    return doc.memo("translation.sentences_by_paragraph", _sentences_by_paragraph)


def _sentences_by_paragraph(doc) -> dict[int, list]:
    # the sentences come paragraph by paragraph: one C-level grouping pass
    return {p: list(sents) for p, sents in groupby(doc.sentences, attrgetter("paragraph"))}
