"""Readability outliers: a sentence far outside its own article's range of length or word
complexity (syllables per word). Reported as info, with the figures."""
from __future__ import annotations

from statistics import median

from auditor.api import Check, Finding, Option

from ._common import clip, words


def syllables_per_word(text: str, n_words: int) -> float:
    """textstat's syllable count (pyphen; imported only when a sentence is long enough to judge)."""
    import textstat

    return textstat.syllable_count(text) / max(n_words, 1)


class ReadabilityOutlier(Check):
    """A sentence whose length or syllables per word lie far outside the rest of its article:
    run-on sentences where a translation engine glued clauses together, or dense strings of
    nouns where it lost the syntax. Needs an article of several sentences to know its range."""

    code = "TR501"
    family = "translation"
    summary = "Sentence far outside the article's readability range"
    severity = "info"
    options = {"length_ratio": Option(2.5, "report sentences this many times the median length"),
               "min_words": Option(50, "and at least this many words"),
               "min_sentences": Option(6, "articles with fewer sentences are not judged")}

    def check(self, doc):
        sents = [(s, words(s.text)) for s in doc.sentences]
        sents = [(s, ws) for s, ws in sents if len(ws) >= 3]
        if len(sents) < self.opts.min_sentences:
            return
        mid = median(len(ws) for _, ws in sents)
        for s, ws in sents:
            n = len(ws)
            if n < self.opts.min_words or n < self.opts.length_ratio * mid:
                continue
            per_word = syllables_per_word(s.text, n)
            yield Finding(s.start, s.end,
                          f"sentence of {n} words ({per_word:.1f} syllables per word) against an "
                          f"article median of {mid:g} words: '{clip(s.text, 50)}' may run several "
                          "translated sentences together")


CHECKS = [ReadabilityOutlier]
