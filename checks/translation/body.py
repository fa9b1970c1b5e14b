"""Sentences of the article body: the ones the fragment checks judge."""
from __future__ import annotations

#: A paragraph of one sentence is a headline, a caption, a dateline or a call to action, which are
#: legitimately verbless or elliptic; body prose comes in paragraphs of two sentences or more.
MIN_BODY_PARAGRAPH_SENTENCES = 2


def body_sentences(doc):
    """Sentences of paragraphs that hold at least two sentences: article body, not captions,
    headlines or calls to action."""
    by_para: dict[int, list] = {}
    for s in doc.sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for sents in by_para.values():
        if len(sents) >= MIN_BODY_PARAGRAPH_SENTENCES:
            yield from sents
