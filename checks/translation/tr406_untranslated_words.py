"""TR406: a run of words in a Latin-script foreign language left untranslated ("known as
gosudarstvennaya podderzhka semey")."""
from __future__ import annotations

import re

from auditor.api import Check, Finding, Option
from auditor.text import clip

from .language import detect_language, language_name, unknown_in_english

# A lowercase word, accented Latin letters included, of 3 to 30 letters.
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿāēīōūčšžřěłńśźżőűçñ]{3,30}(?![\w’'-])")


class UntranslatedWords(Check):
    """A run of lowercase words that English does not use at all (they are missing from its
    word-frequency list) and that a language detector assigns to another language with high
    confidence: words left untranslated in the source's Latin-script language or in
    transliteration. The word list keeps the detector to a handful of runs per article;
    sentences inside quotations are left alone. No fix is offered: the translation is not
    known."""

    code = "TR406"
    family = "translation"
    summary = "Untranslated words in a Latin-script foreign language"
    severity = "warning"
    options = {"min_probability": Option(0.95, "how sure (0-1) the language detector must be of another language"),
               "min_run": Option(2, "unknown words in a row needed to consider a span")}

    def check(self, doc):
        text = doc.text
        for s in doc.sentences:
            if doc.in_quote(s.start, s.end):
                continue
            run: list[re.Match] = []
            for m in list(_LOWER_WORD.finditer(s.text)) + [None]:
                if m is not None and unknown_in_english(m.group()) and (
                        not run or s.text[run[-1].end():m.start()].strip() == ""):
                    run.append(m)
                    continue
                if len(run) >= self.opts.min_run:
                    a, b = s.start + run[0].start(), s.start + run[-1].end()
                    lang, prob = detect_language(text[a:b])
                    if lang and lang != "en" and prob >= self.opts.min_probability:
                        yield Finding(a, b, f"'{clip(text[a:b])}' looks like {language_name(lang)}, "
                                            "not English: words left untranslated")
                run = [m] if m is not None and unknown_in_english(m.group()) else []
