"""TR406: words in a Latin-script foreign language left untranslated: a run of them ("known as
gosudarstvennaya podderzhka semey"), or one word of the language the article was translated from
("the two mineros")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding, Option
from auditor.lexicon import english_frequencies, unknown_words
from auditor.text import clip

from . import fingerprint
from .body import unquoted_sentences
from .english import english_findings, english_zipf
from .language import detect_language, language_name

# A lowercase word, accented Latin letters included, of 3 to 30 letters.
_LOWER_WORD = compiled.regex(r"(?<![\w’'-])[a-zà-ÿāēīōūčšžřěłńśźżőűçñ]{3,30}(?![\w’'-])")
# A word of any case, for the one-word test.
_ANY_WORD = compiled.regex(r"(?<![\w’'-])[^\W\d_]{4,30}(?![\w’'-])")
#: Source languages (codes of the calque tables) whose word frequencies wordfreq ships: a single
#: word of them left in the English is recognised by its frequency there.
WORD_LIST_LANGUAGES = ("es", "fr", "de", "pt", "it", "pl", "tr", "vi")
#: One word is reported when English hardly uses it (below this on wordfreq's Zipf scale) ...
MAX_ENGLISH_ZIPF = 2.5
#: ... the article's source language uses it (at least this) ...
MIN_SOURCE_ZIPF = 2.2
#: ... and far more than English does.
MIN_ZIPF_MARGIN = 1.5
#: A capitalised word counts only in German (which capitalises its nouns), from this length
#: (a compound: "Sondervermögen"; shorter capitalised words are mostly names).
MIN_GERMAN_NOUN_LETTERS = 8
# A capitalised German compound that names a body is a proper noun, which English copy may keep
# ("the Bundesverfassungsgericht", "the Bundesamt für Bevölkerungsschutz"): its first part says
# federal or state, or its last part is the head noun of an institution, a force, a party, a law
# or an office.
GERMAN_NAME_PREFIXES = ("bundes", "landes", "staats", "reichs")
GERMAN_NAME_HEADS = (
    "amt", "ämter", "gericht", "gerichtshof", "regierung", "ministerium", "wehr", "tag", "rat", "bank",
    "anstalt", "behörde", "polizei", "dienst", "kammer", "verband", "verein", "partei", "kommission",
    "agentur", "stiftung", "institut", "hilfswerk", "schutz", "gesetz", "kasse", "bahn", "werk", "werke",
    "zentrale", "präsidium", "direktion", "senat", "versammlung", "akademie", "universität",
    "hochschule", "klinik", "klinikum", "museum", "theater", "archiv", "zeitung", "rundfunk", "ausschuss",
    "gewerkschaft", "konzern", "kanzlei", "kommando", "marine", "armee", "garde", "miliz", "büro",
    "zentrum", "netz", "netzagentur", "aufsicht", "verwaltung", "kirche", "orchester", "ordnung",
    # and the titles of office holders ("Verteidigungsminister", "Generalinspekteur")
    "minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "inspekteur",
    "beauftragter", "beauftragte", "sprecher", "sprecherin", "leiter", "leiterin", "direktor", "richter",
    "kommandeur", "befehlshaber")
# German words that join the parts of a name ("Bundesamt für Bevölkerungsschutz", "Stiftung
# der Deutschen Wirtschaft"): a capitalised word beside one of them and another capital is a name.
GERMAN_NAME_JOINS = frozenset("für der des von und zur zum am im vom".split())


class UntranslatedWords(Check):
    """Words left untranslated in the source's Latin-script language or in transliteration: a
    run of lowercase words that English does not use at all (they are missing from its
    word-frequency list) and that a language detector assigns to another language with high
    confidence; or a single word of the language the article reads as translated from (its
    calques and typography tell, TR701) that English hardly uses and that language uses far more
    (word frequencies from wordfreq): "the two mineros were found", "the town, endeuillée by the
    storm". A single word counts in lowercase only (a capitalised one is a name), except a long
    German noun ("from the Sondervermögen") that is not the name of a body (a federal or state
    office, a court, a ministry, a force, a law: "the Bundesverfassungsgericht", "the Bundesamt
    für Bevölkerungsschutz"): a proper noun is no untranslated word. Sentences inside quotations and lines entirely in
    another language are left alone. No fix is offered: the translation is not known."""

    code = "TR406"
    family = "translation"
    summary = "Untranslated words in a Latin-script foreign language"
    severity = "warning"
    options = {"min_probability": Option(0.95, "how sure (0-1) the language detector must be of another language"),
               "min_run": Option(2, "unknown words in a row needed to consider a span")}

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        runs = list(self._runs(doc))
        yield from runs
        yield from self._single_words(doc, runs)

    def _runs(self, doc):
        text = doc.text
        # the words English does not know, looked up once each: most documents have none (the
        # pattern matches lowercase letters only, so a word is its own lowercase form)
        unknown = unknown_words(english_frequencies(), set(_LOWER_WORD.findall(text)))
        if not unknown:
            return
        for s in unquoted_sentences(doc):
            # a run needs that many unknown words in the sentence: most sentences have none, and
            # are read without a match object a word
            if sum(map(unknown.__contains__, _LOWER_WORD.findall(s.text))) < max(1, self.opts.min_run):
                continue
            run: list[re.Match] = []
            for m in list(_LOWER_WORD.finditer(s.text)) + [None]:
                if m is not None and m.group() in unknown and (
                        not run or s.text[run[-1].end():m.start()].strip() == ""):
                    run.append(m)
                    continue
                if len(run) >= self.opts.min_run:
                    a, b = s.start + run[0].start(), s.start + run[-1].end()
                    lang, prob = detect_language(text[a:b])
                    if lang and lang != "en" and prob >= self.opts.min_probability:
                        yield Finding(a, b, f"'{clip(text[a:b])}' looks like {language_name(lang)}, "
                                            "not English: words left untranslated")
                run = [m] if m is not None and m.group() in unknown else []

    def _single_words(self, doc, runs):
        """One word of the language the article was translated from (as its calques and
        typography tell), which that language uses far more than English does."""
        langs = [code for code in source_languages(doc) if code in WORD_LIST_LANGUAGES]
        if not langs:
            return
        names = fingerprint.language_names()
        for s in unquoted_sentences(doc):
            for m in _ANY_WORD.finditer(s.text):
                word = m.group()
                a, b = s.start + m.start(), s.start + m.end()
                if any(f.start <= a and b <= f.end for f in runs):
                    continue
                low = word.lower()
                capital = not word[0].islower()
                if capital and (m.start() == 0 or len(word) < MIN_GERMAN_NOUN_LETTERS or "de" not in langs
                                or _beside_capital(s.text, m) or _german_name(s.text, m)):
                    continue
                in_english = english_zipf(low)
                if in_english >= MAX_ENGLISH_ZIPF:
                    continue
                for code in langs if not capital else ("de",):
                    in_source = _zipf_in(low, code)
                    if in_source >= MIN_SOURCE_ZIPF and in_source - in_english >= MIN_ZIPF_MARGIN:
                        yield Finding(a, b, f"'{word}' is {names.get(code, code)}, not English: a word left "
                                            "untranslated")
                        break


def source_languages(doc) -> list[str]:
    """The languages the document reads as translated from: the verdict's, or else those that a
    specific piece of evidence (one naming at most two languages) points to."""
    items = fingerprint.evidence(doc)
    if not items:
        return []
    found = fingerprint.verdict(items)
    if found is not None:
        codes = {code for code, name in fingerprint.language_names().items() if name in found.languages}
        return sorted(codes)
    return sorted({code for ev in items if len(ev.languages) <= fingerprint.MAX_LANGUAGES for code in ev.languages})


def _beside_capital(text: str, m) -> bool:
    """A capitalised word next to another one is part of a name ("Angela Merkel")."""
    before = text[:m.start()].rstrip().rsplit(None, 1)[-1:] or [""]
    after = text[m.end():].lstrip().split(None, 1)[:1] or [""]
    return before[0][:1].isupper() or after[0][:1].isupper()


def _german_name(text: str, m) -> bool:
    """A capitalised German word that names a body: federal or state by its first part, an
    institution by its last ("Landesregierung", "Verfassungsschutz"), joined by 'für' or 'der' to
    another capitalised word ("Bundesamt für Bevölkerungsschutz"), or explained or abbreviated in
    brackets right after it ("Technisches Hilfswerk (THW)")."""
    low = m.group().lower()
    if low.startswith(GERMAN_NAME_PREFIXES) or low.endswith(GERMAN_NAME_HEADS):
        return True
    before = text[:m.start()].split()[-2:]
    after = text[m.end():].split()[:2]
    if len(before) == 2 and before[1].lower() in GERMAN_NAME_JOINS and before[0][:1].isupper():
        return True
    if len(after) == 2 and after[0].lower() in GERMAN_NAME_JOINS and after[1][:1].isupper():
        return True
    return text[m.end():].lstrip().startswith("(")


def _zipf_in(word: str, code: str) -> float:
    """The word's frequency in a language, from wordfreq (the language's list indexed, and
    mapped, only when a document needs it)."""
    from auditor.lexicon import zipf_frequency
    return zipf_frequency(word, code)
