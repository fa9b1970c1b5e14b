"""TR104: reported speech that reports nothing ("He said he had to ask.")."""
from __future__ import annotations

from auditor.api import Check, Finding
from auditor.text import clip

from .body import body_sentences
from .english import english_findings
from .tokens import OPEN_QUOTES, tokenize
from .verbs import AUXILIARIES

_SAYING_VERBS = frozenset("say says said tell tells told add adds added state states stated "
                          "explain explains explained note notes noted claim claims claimed "
                          "reply replies replied answer answers answered insist insists insisted".split())
# Words that carry no content of their own: pronouns, particles and light verbs.
_EMPTY_WORDS = frozenset(
    "i we they you he she it him her them us me his their its our my your himself herself "
    "themselves itself that so to not never then also just only too there this "
    "have has had having do did does get got go went come came want wanted need needed know knew "
    "think thought see saw ask asked try tried agree agreed".split())
#: A subject, a verb of saying and something said: fewer words cannot report anything anyway.
MIN_WORDS = 3


class EmptyReport(Check):
    """Reported speech that reports nothing: a verb of saying whose clause holds only pronouns,
    auxiliaries and light verbs ("He said he had to ask.", "She told them they would."). News
    copy reports a proposition; an empty one means the translation lost what was said. Only
    sentences of the article body that end in a full stop are judged: quotations, questions and
    exclamations are left alone. No fix is offered: what was said is not known."""

    code = "TR104"
    family = "translation"
    summary = "Reported speech with nothing reported"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in body_sentences(doc):
            text = s.text
            if not text.endswith(".") or any(q in text for q in OPEN_QUOTES + "”"):
                continue
            tokens = list(tokenize(text).lows)
            if len(tokens) >= MIN_WORDS and any(t in _SAYING_VERBS for t in tokens) and all(
                    t in _SAYING_VERBS or t in _EMPTY_WORDS or t in AUXILIARIES for t in tokens):
                yield Finding(s.start, s.end,
                              f"'{clip(text)}' reports speech but says nothing: what was said "
                              "was lost in translation")
