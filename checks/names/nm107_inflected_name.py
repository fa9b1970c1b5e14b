"""NM107: a name left in a case form of its language (Lecha Wałęsy for Lech Wałęsa)."""
from __future__ import annotations

from functools import partial

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding

from .corpus_spellings import CorpusSpellings
from .extract import distinct_words, doc_names
from .frequency import zipf
from .house_list import SETTINGS, house_list
from .inflection import after_given, after_masculine, after_name_bases, languages, nominative, surname_bases

#: A word this frequent in English (Zipf: Marie, Anne, Roberta) is a name or word of its own,
#: not a case form of another.
MAX_ZIPF = 2.5
#: A surname after a given name in the nominative (Jan Kowalczyka) or after a preposition (with
#: Nowakiem) is taken for a case form when the language's own text (wordfreq's list of that
#: language) knows its nominative at least this well (Zipf: Kowalczyk 3.8, Wójcik 3.4; the Czech
#: Šimeček, 2.6, is too rare to make the Slovak nominative Šimečka a case form of it) ...
MIN_NOMINATIVE_ZIPF = 3.0
#: ... no worse than the form seen (Tusk 4.48 against Tuska 4.45; Duda 4.5 is no case form of
#: Dud 2.1), and better than English knows it by this much (Zipf: Tusk 4.5 against 3.0 in
#: English; the English painter Burra is no case form of Burr, 2.5 in Polish, 3.4 in English).
LANGUAGE_OVER_ENGLISH = 0.5
#: After a preposition alone, only endings of this many letters or more (Nowakiem, Kowalczykowi):
#: a one-letter ending (Baku, Sofia, Bucha) is too often a name's own last letter ...
MIN_ENDING_AFTER_PREPOSITION = 2
#: ... unless the language knows the nominative well (Zipf: Kowalczyk 3.8, Wójcik 3.4) and this
#: much better than the form seen (a factor of three: Kowalczyk 3.8 against Kowalczyka 2.9;
#: Bucha's Buch is 2.7 against 2.7).
STRONG_NOMINATIVE_ZIPF = 3.0
STRONG_NOMINATIVE_GAP = 0.5
# English prepositions a case form of a surname follows in a translation ("talks with Nowakiem",
# "a letter from Kowalczyka").
_PREPOSITIONS = frozenset("with from to by of for about against without after before behind near".split())


class InflectedName(CorpusCheck):
    """A name left in a case form of its language, where English uses the nominative.

    Machine translation from a language that declines names (Polish, Czech, Slovak, Russian,
    Ukrainian, Lithuanian, Latvian, Croatian/Serbian/Bosnian, Finnish, Hungarian) sometimes
    copies a declined name into English ("supporters of Lecha Wałęsy", "a call with Sergeya
    Lavrova", "Petteri Orpon government"). A language's file (data/cases/) gives its given names
    in the nominative and the endings its cases put in place of the nominative's; it applies to
    an article that names a country of that language (Poland, Polish, Warsaw) or is about its
    origin. A given name is recognised by the list (Lecha -> Lech, Katarzyny -> Katarzyna); a
    surname or a place only when its nominative is used in the article or the files audited with
    it (Wałęsy -> Wałęsa), or after a given name or a preposition when the language's word
    frequencies know the nominative better; a place also when the gazetteer knows the nominative
    as a town of the language's country (Prahy -> Praha, Prague in English; Olomouci -> Olomouc).
    A word English knows as a name of its own (Marie,
    Anne) is left alone, as is a surname's or place's form right before another name (Nokian
    Tyres, Svobody Square: a name of the language), and places NM102 reports between renditions
    are left to it when it runs."""

    code = "NM107"
    family = "names"
    settings = SETTINGS
    summary = "Name left in a case form of its language"
    severity = "warning"
    uses = (CorpusSpellings,)

    def collect(self, doc):
        from .countries import doc_countries, languages_of
        from .origins import countries_of, doc_origins

        table = languages()
        named = sorted(languages_of(doc_countries(doc)))  # the languages of the countries named first
        codes = named + sorted(languages_of(countries_of(doc_origins(doc)[0])) - set(named))
        langs = list({table[c].code: table[c] for c in codes if c in table}.values())  # a file serves several codes
        if not langs:
            return []
        names = doc_names(doc)
        words = distinct_words(doc)
        protected = house_list(self.settings).protected
        out = []
        text = doc.text
        declined_given = None  # (end, case ending) of the last given name found in a case form
        tokens = names.tokens
        # The words a case form may be (asked once per word, not per occurrence): not in the
        # house list, and no known English word.
        rare = {w for w in words if w not in protected and zipf(w) < MAX_ZIPF}
        for i, t in enumerate(tokens):
            given, declined_given = declined_given, None
            w = t.text
            if w not in rare or doc.in_quote(t.start, t.end):
                continue
            before = tokens[i - 1] if i else None
            after = given[1] if given is not None and text[given[0]:t.start] == " " else None
            found, lang = None, None
            for lang in langs:  # a nominative in the list or in the text first, ...
                # (among the other names: a base is never the word itself, so no copy of the
                # set without it for every token)
                found = nominative(w, lang, words)
                if found is not None:
                    break
            if found is None and after is not None:  # ... then the case the given name before shows
                for lang in langs:
                    base = after_given(w, after, lang)
                    if base:
                        found = (base, "name")
                        break
            if found is None and before is not None and text[before.end:t.start] == " ":
                for lang in langs:  # ... then a man's given name before a surname in a woman's form
                    base = after_masculine(w, before.text, lang)
                    if base:
                        found = (base, "name")
                        break
            cue = _after_nominative_or_preposition(text, before, t, langs) if found is None else None
            if cue:
                for lang in langs:  # ... then the language's frequencies of the forms
                    base = _known_nominative(w, lang, MIN_ENDING_AFTER_PREPOSITION if cue == "preposition" else 1)
                    if base:
                        found = (base, "name")
                        break
            if found is None or found[1] == "name":
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is not None and text[t.end:nxt.start] == " ":
                    continue  # a surname's case form before a name is a name of the language (Nokian Tyres)
            if found is not None:
                kind = found[1]
                if kind.startswith("first:"):
                    declined_given = (t.end, kind.partition(":")[2])
                    kind = "first"
                out.append((doc.path, t.start, t.end, w, (found[0],), kind, lang.code))
                continue
            for lang in langs:
                bases = surname_bases(w, lang)
                if bases:
                    place = _home_place(bases, lang)
                    if place is not None:  # a place of the language's country (Prahy, Olomouci)
                        out.append((doc.path, t.start, t.end, w, place, "place", lang.code))
                    else:  # a nominative used only in other files: finalize decides
                        out.append((doc.path, t.start, t.end, w, bases, "corpus", lang.code))
                    break
        return out

    def finalize(self, summary):
        spellings = self.analysis(CorpusSpellings)
        left = set()
        if self.is_selected("NM102"):
            for r in spellings.reports(defer_romanization=self.is_selected("NM103")):
                for p in r.paths:
                    left.update((p, s) for spans in spellings.places(r.base, p).values() for s, _ in spans)
        for item in sorted(summary):
            path, s, e, w, bases, kind, code = item
            if kind == "corpus":
                bases = tuple(b for b in bases if b in spellings.every)
                if not bases:
                    continue
            if (path, s) in left:
                continue
            base = bases[0]
            language = languages()[code].name
            if kind == "place":  # (nominative, English name): the English name is the fix
                nominative_, english = bases
                known_as = f" ('{english}' in English)" if english != nominative_ else ""
                yield path, Finding(s, e, f"'{w}' is a {language} case form of the place '{nominative_}'{known_as}: "
                                          f"English uses the nominative", (Edit(s, e, english),), UNSAFE)
                continue
            what = "given name" if kind == "first" else "name"
            yield path, Finding(s, e, f"'{w}' is a {language} case form of the {what} '{base}': English uses "
                                      f"the nominative", (Edit(s, e, base),), UNSAFE)

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for lang in languages().values():
            for text, word, base, line in lang.examples:
                source = f"data/cases/{lang.file}:{line}: {word}"
                out.append(DataExample(source, text, True, partial(_fires, cls, word, base)))
            for text, line in lang.counters:
                out.append(DataExample(f"data/cases/{lang.file}:{line}", text, False, partial(_fires, cls, None, None)))
        return out


#: A place of the language's countries is taken for the nominative of a word in a case form
#: (Prahy, Olomouci) only when it has this many thousand people: the gazetteer's smallest towns
#: share their names with surnames and words.
MIN_PLACE_POPULATION = 50


def _home_place(bases, lang) -> tuple[str, str] | None:
    """(nominative, English name) when a nominative the word may be a case form of is a place of
    a country whose language it is (Prahy -> Praha, Prague; Olomouci -> Olomouc), from the
    gazetteer; the English name only when it spells the same name, not a renaming."""
    from .countries import languages_of
    from .gazetteer import lookup, population
    from .variants import one_name

    for base in bases:
        place = lookup(base)
        if place is not None and lang.code in languages_of((place.country,)) and \
                population(place) >= MIN_PLACE_POPULATION:
            if not place.alternate:
                return base, base
            if one_name(base, place.english):
                return base, place.english  # Praha: Prague; never a former name (Svoboda: Liski)
    return None


def _after_nominative_or_preposition(text: str, before, t, langs) -> str | None:
    """"given" when the name token `t` follows a given name of one of the languages in the
    nominative (Jan Kowalczyka), "preposition" when it follows an English preposition (with
    Nowakiem), else None."""
    if before is not None and text[before.end:t.start] == " " and any(before.text in lang.first for lang in langs):
        return "given"
    words = text[max(0, t.start - 12):t.start].split()
    if words and text[t.start - 1:t.start] == " " and words[-1] in _PREPOSITIONS:
        return "preposition"
    return None


def _known_nominative(word: str, lang, min_ending: int = 1) -> str | None:
    """The nominative `word` is a case form of, by the language's surname endings (of at least
    `min_ending` letters, or any when the nominative is far better known), when the language's
    word frequencies know it better than the form seen."""
    from auditor.lexicon import zipf_frequency

    best = None
    seen = zipf_frequency(word.lower(), lang.frequencies)
    for base in after_name_bases(word, lang):
        z = zipf_frequency(base.lower(), lang.frequencies)
        if _ending_length(word, base) < min_ending and \
                not (z >= STRONG_NOMINATIVE_ZIPF and z >= seen + STRONG_NOMINATIVE_GAP):
            continue
        if z >= MIN_NOMINATIVE_ZIPF and z >= seen and z >= zipf_frequency(base.lower(), "en") + LANGUAGE_OVER_ENGLISH \
                and (best is None or z > best[0]):
            best = (z, base)
    return best[1] if best else None


def _ending_length(word: str, base: str) -> int:
    """Letters of `word` after what it shares with its nominative `base`."""
    n = 0
    while n < min(len(word), len(base)) and word[n] == base[n]:
        n += 1
    return len(word) - n


def _fires(cls, word, base, text: str) -> bool:
    """Whether the check, run on `text` as a corpus of one article, flags `word` (as `base`), or
    anything at all when `word` is None."""
    from auditor.document import Document

    check = cls()
    analysis = CorpusSpellings()
    doc = Document("example.txt", text)
    check._analysis_results = {CorpusSpellings: analysis.finalize_now(analysis.collect(doc))}
    found = list(check.finalize(check.merge(check.empty(), check.collect(doc))))
    if word is None:
        return bool(found)
    return any(doc.text[f.start:f.end] == word and f.edits and f.edits[0].replacement == base for _, f in found)
