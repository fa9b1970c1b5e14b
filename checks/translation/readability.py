"""Readability outliers: a sentence far outside its own article's range of length or word
complexity (textstat syllable counts). Reported as info, with the figures."""
from __future__ import annotations

from functools import lru_cache
from statistics import median

from auditor.api import Check, Finding, Option

from ._common import clip, words


@lru_cache(maxsize=None)
def _textstat():
    import textstat
    return textstat


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
        sents = [(s, len(words(s.text))) for s in doc.sentences]
        sents = [(s, n) for s, n in sents if n >= 3]
        if len(sents) < self.opts.min_sentences:
            return
        mid = median(n for _, n in sents)
        for s, n in sents:
            if n < self.opts.min_words or n < self.opts.length_ratio * mid:
                continue
            syllables = _textstat().syllable_count(s.text) / n
            yield Finding(s.start, s.end,
                          f"sentence of {n} words ({syllables:.1f} syllables per word) against an "
                          f"article median of {mid:g} words: '{clip(s.text, 50)}' may run several "
                          "translated sentences together",
                          suggestion="split it into sentences and check each against the source")


CHECKS = [ReadabilityOutlier]
