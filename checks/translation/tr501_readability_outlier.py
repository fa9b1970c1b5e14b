"""TR501: a sentence far longer than the rest of its article (clauses run together)."""
from __future__ import annotations

from auditor.api import Check, Finding, Option
from auditor.text import clip

from .tokens import words

#: Sentences of fewer words (headings, labels, "Photo: AP") do not count towards the article's
#: typical length.
MIN_COUNTED_WORDS = 3


def median(values) -> float:
    """statistics.median, without importing statistics (with fractions and decimal, 2.5 ms of
    every run): the middle value, or the mean of the two middle ones."""
    data = sorted(values)
    n = len(data)
    if n == 0:   # (min-sentences set to 0): statistics' own error, as before
        from statistics import median as statistics_median

        return statistics_median(data)
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


class ReadabilityOutlier(Check):
    """A sentence much longer than the typical (median) sentence of its own article: a run-on
    sentence where a translation engine glued several clauses or sentences together. Reported as
    information, with the figures; an article needs several sentences (option min-sentences)
    for its typical length to mean something, and only long sentences (option min-words) are
    judged. No fix is offered: where to split is an editor's call."""

    code = "TR501"
    family = "translation"
    summary = "Sentence far longer than the rest of its article"
    severity = "info"
    options = {"length_ratio": Option(2.5, "report sentences this many times the median length"),
               "min_words": Option(50, "and at least this many words"),
               "min_sentences": Option(6, "articles with fewer sentences are not judged")}

    def check(self, doc):
        sents = [(s, len(words(s.text))) for s in doc.sentences]
        sents = [(s, n) for s, n in sents if n >= MIN_COUNTED_WORDS]
        if len(sents) < self.opts.min_sentences:
            return
        typical = median(n for _, n in sents)
        for s, n in sents:
            if n < self.opts.min_words or n < self.opts.length_ratio * typical:
                continue
            yield Finding(s.start, s.end,
                          f"'{clip(s.text)}' runs to {n} words where this article's sentences "
                          f"typically have {round(typical)}: several sentences may have been run together")
