"""NM103: a name in a non-standard romanization, where the standard form is known."""
from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache, partial
from operator import attrgetter

from auditor import compiled
from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Option
from auditor.text import STOPWORDS

from .corpus_spellings import CorpusSpellings
from .extract import distinct_words, doc_names
from .frequency import ZIPF_TIE, zipf
from .gazetteer import lookup
from .house_list import SETTINGS, house_list
from .origins import doc_origins
from .romanize import (TABLES, first_names_via_russian, looks_japanese, old_chinese_to_pinyin, russian_markers,
                       russian_to_ukrainian, scheme_standards, table, to_hepburn, ukrainian_spellings)
from .schemes import schemes

#: A Japanese-looking word at least this frequent (Zipf) is an English word or an established
#: spelling, not a misromanized name (the default of the `max-zipf` option).
MAX_ZIPF = 1.0
#: The Hepburn form must be at least this frequent (Zipf) to be evidence on its own: a known name.
MIN_HEPBURN_ZIPF = 1.0
#: A Russian-route surname at least this frequent (Zipf) is an established English spelling of
#: the name, left alone.
MAX_SURNAME_ZIPF = 2.0
#: A scheme's standard form is evidence on its own (no file uses it) only when it is this
#: frequent (Zipf 2: a name English text uses, like Zedong or Daegu) ...
MIN_STANDARD_ZIPF = 2.0
#: ... or this frequent when English text never prints the spelling seen (Zipf 0): the word list
#: predates the names of recent news (Zelensky 1.8, Peskov 1.9), and a spelling no English text
#: uses (Selenskyj, Peskow) against one it does is a transliteration to undo.
MIN_STANDARD_ZIPF_UNSEEN = 1.5
#: ... for names of the origins whose English spellings the word list (built from text up to
#: 2021) has not caught up with: Ukraine's and Russia's people in the news since 2022. Elsewhere
#: a spelling English text never prints may still be the person's own (a Moroccan's Houssaini).
ORIGINS_NEWER_THAN_WORD_LIST = frozenset({"east_slavic"})
# The endings of East Slavic surnames (Zelensky, Peskov, Navalny, Klymenko, Kozak): only a
# standard form of that shape takes the lower bar, never a word a scheme happens to make of
# another origin's name (Moumou -> Mumu in a Chinese story).
_SLAVIC_SURNAME = compiled.regex(r"(?:sk[iy]y?|ov|ev|yov|in|yn|n[iy]y?|enko|ko|uk|yuk|ych|ich|ak)$")
#: ... and at least this much more frequent than the spelling seen (a factor of ten): two
#: spellings of similar frequency are both in use (Pusan, Busan), not one a slip.
STANDARD_GAP = 1.0
#: A place spelling this frequent (Zipf) or more is an established English name (Kiev, Peking,
#: Bombay): the gazetteer alone never changes it (the tables of Russian-based and older Chinese
#: spellings do, with the standard form used in the corpus).
PLACE_MAX_ZIPF = 3.0
#: With no file using the English name, the spelling must be this rare (Zipf) to be changed on
#: the gazetteer's word (Chimkent, Alma-Ata) ...
PLACE_ALONE_MAX_ZIPF = 1.5
#: ... or this much rarer than the English name (half a Zipf unit, a factor of three: Teheran
#: 2.3 against Tehran 3.6, Tientsin 2.1 against Tianjin 2.8; Bombay 3.7 against Mumbai 4.0 is an
#: established name of its own) ...
PLACE_ALONE_GAP = 0.5
#: ... and the English name this well known (Zipf) ...
PLACE_MIN_ENGLISH_ZIPF = 2.0
#: ... or the place this large (thousands of people: Ashgabat, Shymkent are capitals and cities
#: of a million that the word list knows little of).
PLACE_MIN_POPULATION = 500
# A sentence about the past, where a place's old name is the right one ("the siege of
# Leningrad", "Tiflis in 1921", "the Soviet-era Frunze"): a year before 1992 or a word of history.
_HISTORICAL = compiled.regex(r"\b(?:1[0-8]\d\d|19[0-8]\d|199[01])s?\b|\b(?:former(?:ly)?|then-|known as|"
                             # "called" naming something ("a town called Kiev"), not the phrasal
                             # verbs of today's news ("called on allies", "called for talks")
                             r"called(?!\s+(?:on|upon|for|off|in|out|up|back)\b)|"
                             r"renamed|historic(?:al)?|history|century|centuries|dynasty|empire|imperial|Soviet|"
                             r"treaty|massacre|rape|atrocit(?:y|ies)|invasion|battle|"
                             r"USSR|colonial|wartime|siege|ancient|medieval|old name)\b", re.I)
# A sentence of today's news: a weekday, a year since 1992, someone said or told.
_CURRENT = compiled.regex(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:199[2-9]|20\d\d)\b|"
                          r"\b(?:said|says|told|today|yesterday)\b")
# Words before a place that show it is used as one ("in Tiflis", "from Alma-Ata", "Teheran and").
_PLACE_BEFORE = frozenset("in from to near of at outside around across into via between and or towards toward "
                          "through visit visited city town port capital province region".split())
# What may follow a place used as a place: punctuation, a line end, a possessive, a function word.
_PLACE_AFTER = compiled.regex(r"\s*(?:$|[.,;:!?)\]\n]|['’]s\b)")
#: Longest name word looked at (letters, hyphens and apostrophes): "Hsiao-p'ing", "Ch'ŏngju".
MAX_WORD = 40
# A name word: a capitalised word, with the hyphenated or apostrophised syllables that follow it
# ("Tse-tung", "Ch'ing", "Xi'an", "P'yŏngyang").
_NAME_WORD = compiled.regex(r"[^\W\d_]{1,40}(?:['’ʼ-][^\W\d_]{1,20}){0,4}")
_POSSESSIVE = compiled.regex(r"['’]s$")
# What joins a name to more letters (a hyphen, an apostrophe): the token is then not the whole
# word (a string test: the end of the text, "", counts as joined too).
_JOINERS = "'’ʼ-"
_CONTRACTION = compiled.regex(r"['’](?:ll|re|ve|d|t|m)$", re.I)
# A name whose first syllable is one capital and an aspiration apostrophe (P'yŏngyang, T'aebaek).
# The capital first, then the test that no letter precedes it (as extract._CAPITAL: the regex
# engine's fast search for a leading set of characters scans the article four times faster).
_APOSTROPHE_INITIAL = compiled.regex(r"[A-Z](?<![^\W\d_].)['’][^\W\d_]{2,20}(?:-[^\W\d_]{1,20}){0,3}")


class NonStandardRomanization(CorpusCheck):
    """A name romanized by a non-standard route, where the standard form is known.

    The romanization schemes (one data file each: Kunrei-shiki and the Russian route to Hepburn
    for Japanese, Wade-Giles and the Russian route to pinyin for Chinese, McCune-Reischauer, Yale
    and the Russian route to the Revised Romanization for Korean, the German, French and
    scholarly transliterations of Russian, Ukrainian, Belarusian and Arabic names, the German
    ones of Japanese, Greek and South Asian names and the German and French ones of Korean,
    Hebrew, Persian, Central Asian and Caucasian names: Schinzo, Netanyahou, Nasarbajew) apply to
    a word only when the article, or a file of the same story, is about that origin (its cue
    words: Japan, Tokyo ...; not Taiwan for Wade-Giles), the word has the letters of a name of
    that origin, and the standard form is known: used in the files audited together, or a well
    known name while the spelling seen is not ("Isiba" -> "Ishiba", "Tse-tung" -> "Zedong").
    Ukrainian names that came through Russian (Kiev, Elena, Dovganyuk) and older Chinese place
    names (Peking) are reported only when a file audited together uses the standard form (for a
    first name, with the same surname): "Elena" alone may be a Russian."""

    code = "NM103"
    family = "names"
    settings = SETTINGS
    summary = "Name in a non-standard romanization"
    severity = "warning"
    uses = (CorpusSpellings,)
    options = {"max_zipf": Option(MAX_ZIPF, "a Japanese-looking word at least this frequent (Zipf) "
                                            "is left alone")}

    def collect(self, doc):
        from .countries import doc_countries
        from .origins import countries_of

        names = doc_names(doc)
        origins, exempt = doc_origins(doc)
        countries = doc_countries(doc)
        ru = russian_to_ukrainian()
        old = old_chinese_to_pinyin()
        uk_first = _ukrainian_first_names()
        candidates = []
        text = doc.text
        from .gazetteer import PIVOT_COUNTRIES

        home = (countries | countries_of(origins - exempt)) - countries_of(exempt)
        home = home & PIVOT_COUNTRIES  # the Russian pivot is undone only for these
        # The loop runs for every capitalised word of every article: what it asks more than once
        # of a token (its frequency, the character after it) is asked once.
        tokens, in_quote = names.tokens, doc.in_quote
        japan, ukraine = "japan" in names.context, "ukraine" in names.context
        for i, t in enumerate(tokens):
            w = t.text
            after = text[t.end:t.end + 1]
            if after and after not in _JOINERS and _plain_word(w, japan, ukraine):
                continue  # a well-known word on its own (most tokens): no rule below applies to it
            kind = None
            if w in ru and ru[w][1] == "first" or w in old and not _in_longer_name(text, tokens, i, t.end) \
                    or w in ru and not _in_longer_name(text, tokens, i, t.end):
                if not (w in old and _other_name_in_the_past(doc, w, old[w], t.start)):
                    kind = "table"  # not Peking University, Dynamo Kiev
            elif japan and looks_japanese(w) and to_hepburn(w) != w:
                kind = "japanese"
            elif ukraine and t.confident and russian_markers(w):
                kind = "surname"
            zw = zipf(w)
            if kind is None and zw >= _CANDIDATE_MAX_ZIPF and after and after not in _JOINERS:
                continue  # a well-known word on its own, which a table or a scheme could name
            if in_quote(t.start, t.end):
                continue
            if kind is not None:
                nxt = tokens[i + 1].text if i + 1 < len(tokens) and text[t.end:tokens[i + 1].start] == " " else ""
                candidates.append((kind, w, nxt, t.start, t.end))
            word, zword = w, zw
            if after in "-'’":
                m = _NAME_WORD.match(text, t.start)
                if m:
                    word = _POSSESSIVE.sub("", m.group())
                    zword = zipf(word)
            if zword < PLACE_MAX_ZIPF and _alternate(word):  # cheap tests before the guards
                place = _place_word(doc, tokens, i)
                if place is not None:
                    flags = "now " if _CURRENT.search(text, *_sentence(doc, t.start)) else ""
                    before = text[max(0, t.start - 20):t.start].split()
                    if before and before[-1].lower() in _PLACE_BEFORE:
                        flags += "after-preposition"
                    candidates.append(("place", place[0], flags, place[1], place[2]))
            elif home and zword < PIVOT_MAX_ZIPF and _unknown_place(word):
                place = _place_word(doc, tokens, i)
                if place is not None:
                    candidates.append(("pivot", place[0], "", place[1], place[2]))
            joined = after in _JOINERS
            if zw < MAX_SURNAME_ZIPF and not joined and len(w) <= MAX_WORD:
                # Nothing joined to the token: the name word is the token itself (no apostrophe
                # for a possessive or a contraction), as the general case below would find.
                inside = "name" if _in_longer_name(text, tokens, i, t.end) else ""
                candidates.append(("scheme", w, inside, t.start, t.end))
            elif zw < MAX_SURNAME_ZIPF or joined:
                m = _NAME_WORD.match(text, t.start)
                if m and len(m.group()) <= MAX_WORD:
                    word = _POSSESSIVE.sub("", m.group())
                    if _CONTRACTION.search(word):
                        continue  # We'll, They're: English
                    if zw < MAX_ZIPF or joined or word == w:
                        end = m.start() + len(word)
                        inside = "name" if _in_longer_name(text, tokens, i, end) else ""
                        candidates.append(("scheme", word, inside, m.start(), end))
        if origins and ("'" in text or "’" in text):  # P'yŏngyang: a one-letter syllable is no token
            for m in _APOSTROPHE_INITIAL.finditer(text):
                if len(m.group()) <= MAX_WORD and not doc.in_quote(m.start(), m.end()):
                    candidates.append(("scheme", m.group(), "", m.start(), m.end()))
        if "korean" in origins and "korean" not in exempt:  # Kim Tong-hyun: McCune-Reischauer
            for m in _KOREAN_GIVEN.finditer(text):
                if not doc.in_quote(m.start(2), m.end(2)):
                    candidates.append(("kgiven", m.group(2), m.group(1), m.start(2), m.end(2)))
        pivot_first = first_names_via_russian()
        words = distinct_words(doc)
        if origins and pivot_first and not pivot_first.keys().isdisjoint(words):
            from .origins import origins as known

            for i, t in enumerate(names.tokens[:-1]):
                row = pivot_first.get(t.text)
                if row is None or row[1] not in origins or doc.in_quote(t.start, t.end):
                    continue
                surname = names.tokens[i + 1]
                if text[t.end:surname.start] == " " and known()[row[1]].fits(surname.text):
                    candidates.append(("first", t.text, surname.text, t.start, t.end))
        pairs = {(t.text, names.tokens[i + 1].text) for i, t in enumerate(names.tokens[:-1])
                 if t.text in uk_first} if not uk_first.isdisjoint(words) else set()
        return {"docs": [(doc.path, candidates, origins, exempt, countries)], "pairs": pairs}

    def empty(self):
        return {"docs": [], "pairs": set()}

    def merge(self, a, b):
        # Kept to the end of the run for every file: share what files repeat (the words, interned;
        # the sets of origins and countries, mostly empty or one of a few).
        shared = self.__dict__.setdefault("_shared", {})
        intern = sys.intern
        for path, candidates, origins, exempt, countries in b["docs"]:
            candidates = [(kind, intern(w), intern(x), s, e) for kind, w, x, s, e in candidates]
            a["docs"].append((path, candidates, shared.setdefault(origins, origins),
                              shared.setdefault(exempt, exempt), shared.setdefault(countries, countries)))
        a["pairs"] |= b["pairs"]
        return a

    def finalize(self, summary):
        protected = house_list(self.settings).protected
        spellings = self.analysis(CorpusSpellings)
        corpus = set(spellings.every)
        pairs = summary["pairs"]
        story_origins = _story_origins(spellings)
        left = set()  # spans NM102 reports as a minority among renditions of one story
        if self.is_selected("NM102"):
            for r in spellings.reports(defer_romanization=True):
                if r.renditions:
                    for p in r.paths:
                        left.update((p, s, e) for spans in spellings.places(r.base, p).values() for s, e in spans)
        left_in: dict[str, set] = defaultdict(set)
        for p, s, e in left:
            left_in[p].add((s, e))
        memo: dict[tuple, tuple[str, str] | None] = {}  # names repeat across files: judge each once
        for path, candidates, origins, exempt, countries in sorted(summary["docs"], key=lambda d: d[0]):
            origins = (origins | story_origins.get(path, frozenset())) - exempt
            done = left_in.get(path, set())
            judged = []
            for kind, w, nxt, s, e in candidates:
                if w in protected or (s, e) in done:
                    continue
                key = (kind, w, nxt, origins, countries if kind == "place" else None)
                if key not in memo:
                    if kind == "scheme":
                        memo[key] = self._scheme_standard(w, origins, spellings, inside=bool(nxt))
                    elif kind == "place":
                        memo[key] = _gazetteer_standard(w, origins, exempt, countries, spellings, nxt)
                    elif kind == "kgiven":
                        memo[key] = _korean_given_standard(w, nxt)
                    elif kind == "first":
                        memo[key] = _pivot_first_standard(w, nxt)
                    elif kind == "pivot":
                        memo[key] = _pivot_standard(w, origins, exempt, countries)
                    else:
                        memo[key] = self._standard(kind, w, nxt, corpus, pairs)
                found = memo[key]
                if found:
                    done = done | {(s, e)}
                    judged.append((kind, w, s, e, found))
            # One word, one verdict in a file: where the gazetteer judged the word as a place (in
            # a sentence), its other occurrences (a heading's) take that verdict, not a scheme's
            # (Charków: the gazetteer's Kharkiv, never also the Russian-route Kharkov).
            place_verdict = {w: found for kind, w, s, e, found in judged if kind == "place"}
            for kind, w, s, e, found in judged:
                standard, message = place_verdict.get(w, found)
                if standard is None:
                    yield path, Finding(s, e, message)
                else:
                    yield path, Finding(s, e, message, (Edit(s, e, standard),), UNSAFE)

    def _scheme_standard(self, w, origins, spellings, inside=False) -> tuple[str, str] | None:
        """(standard spelling, message) from the romanization schemes of the origins. `inside`:
        the word is part of a longer name (Kweichow Moutai), where a spelling in some use is the
        name's own."""
        if not origins or zipf(w) >= MAX_SURNAME_ZIPF or inside and zipf(w) >= self.opts.max_zipf:
            return None
        best = None
        for form, scheme in scheme_standards(w, origins):
            used = len(spellings.every.get(form, ()))
            seen = len(spellings.every.get(w, ()))
            zf, zw = zipf(form), zipf(w)
            if zw >= self.opts.max_zipf and not (scheme.unit == "syllables" or scheme.result or scheme.telltale):
                # a spelling in some use (Zipf 1 to 2: Kwangtung, Szechwan) is taken only by a
                # scheme whose standard spellings are checked whole (strings of pinyin syllables)
                # or whose letters give it away (MR's breves): Storj is no German Story
                continue
            if used and used >= seen:
                score = (2, used, zf)
                where = "used in the files audited together"  # this one among them
            elif (zf >= MIN_STANDARD_ZIPF or zw == 0 and zf >= MIN_STANDARD_ZIPF_UNSEEN
                  and scheme.origin in ORIGINS_NEWER_THAN_WORD_LIST and _SLAVIC_SURNAME.search(form)) \
                    and zf >= zw + STANDARD_GAP:
                score = (1, 0, zf)
                where = "the common spelling"
            elif (_home_place(form, scheme.origin) or _renamed_home_place(form, scheme.origin)) \
                    and zw < self.opts.max_zipf:
                # Kermanchah -> Kermanshah: a city of the origin's countries; Saporoschje ->
                # Zaporozhye, another spelling of one (Zaporizhzhia: suggested below)
                score = (1, 0, zf)
                where = "the English name of the place (GeoNames)"
            else:
                continue
            if best is None or score > best[0]:
                best = (score, form, scheme, where)
        if best is None:
            best = _ambiguous_standard(w, origins, spellings)
        if best is None:
            return _telltale_standard(w, origins)
        _, form, scheme, where = best
        renamed = _renamed_home_place(form, scheme.origin)
        if renamed is not None:  # Járkov -> Kharkov, which English now writes Kharkiv
            return renamed, (f"'{w}' follows {scheme.name}; its {scheme.standard} spelling '{form}' is another "
                             f"name of {renamed}, the English name of the place (GeoNames)")
        return form, f"'{w}' follows {scheme.name}; the {scheme.standard} spelling '{form}' is {where}"

    def _standard(self, kind, w, nxt, corpus, pairs) -> tuple[str, str] | None:
        """(standard spelling, message) when the evidence is strong enough, else None."""
        if kind == "japanese":
            hep = to_hepburn(w)
            zw, zh = zipf(w), zipf(hep)
            if zw < self.opts.max_zipf and (hep in corpus or zh >= MIN_HEPBURN_ZIPF and zh > zw + ZIPF_TIE):
                where = "used in the files audited together" if hep in corpus else "a known name"
                return hep, (f"'{w}' looks like a Japanese name romanized through Russian or Kunrei-shiki; "
                             f"the standard (Hepburn) spelling '{hep}' is {where}")
            return None
        if kind == "surname":
            if _english_place_name(w):
                return None  # a town of Russia (Bogotol): GeoNames' English name, the standard form
            options = sorted(c for c in ukrainian_spellings(w)
                             if c in corpus and russian_markers(c) < russian_markers(w))
            if options and zipf(w) < MAX_SURNAME_ZIPF:
                return options[0], (f"'{w}' looks like a Ukrainian name transliterated from Russian; "
                                    f"the Ukrainian spelling '{options[0]}' is used in the files audited together")
            return None
        ru = russian_to_ukrainian()
        if w in ru:
            uk, what = ru[w]
            if what == "place" and uk in corpus:
                return uk, (f"'{w}' is the Russian-based spelling of a Ukrainian place; '{uk}' is used "
                            f"in the files audited together")
            if what == "first" and nxt and any((uk, s) in pairs for s in {nxt} | ukrainian_spellings(nxt)):
                return uk, (f"'{w} {nxt}' has the Russian form of a Ukrainian first name; '{uk}' is used "
                            f"with that surname in the files audited together")
            return None
        pinyin = old_chinese_to_pinyin().get(w)
        if pinyin and pinyin in corpus:
            return pinyin, (f"'{w}' is an older Chinese romanization; the pinyin '{pinyin}' is used in the "
                            f"files audited together")
        return None

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for name in TABLES:
            for entry in table(name):
                source = f"data/{name}: {entry.spelling}"
                fires = partial(_entry_fires, cls, entry.spelling, entry.standard)
                out.append(DataExample(source, entry.example, True, fires))
                out.append(DataExample(source, entry.counter_example, False, fires))
        for scheme in schemes():
            for spelling, standard, line in scheme.examples:
                source = f"data/schemes/{scheme.file}:{line}: {spelling}"
                out.append(DataExample(source, spelling, True, partial(_converts, scheme, standard)))
            for spelling, context, line in scheme.keeps:
                source = f"data/schemes/{scheme.file}:{line}: {spelling}"
                text = (f"Officials said on Monday that {spelling} would travel to the capital"
                        f"{' of ' + context if context else ''} next week.\n")
                out.append(DataExample(source, text, False, partial(_entry_fires, cls, spelling, None)))
        return out


#: A spelling a scheme may also leave as it is (a plain t is Wade-Giles' d or t; McCune-Reischauer's
#: k is g or k) is changed only when it is this rare (Zipf 0: English text never prints it) ...
AMBIGUOUS_MAX_ZIPF = 0.5
#: ... and the scheme's other spelling is a place of the origin's countries with this many
#: thousand people (Chengtu -> Chengdu, Chunchon -> Chuncheon) ...
AMBIGUOUS_MIN_POPULATION = 100
#: ... or a name English text prints this often (Zipf: Taewoo -> Daewoo, 2.3): a common word
#: one letter from a rare one, in an article about the origin, is the name meant.
AMBIGUOUS_MIN_ZIPF = 2.0


def _ambiguous_standard(w, origins, spellings) -> tuple | None:
    """(score, form, scheme, where) when the schemes of the origins may leave `w` as it is (its
    letters are ambiguous: Chengtu is Wade-Giles without its apostrophe, or pinyin; only systems
    whose spellings are strings of syllables or that have letters of their own: a Japanese long
    vowel spelled ou, Kantou, may be a family's own spelling), but one of
    their other spellings is what English text uses: a place of the origin's countries in the
    gazetteer, a name English prints often while `w` is never printed, or the spelling the other
    files use."""
    from .gazetteer import lookup, population
    from .origins import countries_of

    if zipf(w) >= AMBIGUOUS_MAX_ZIPF or lookup(w) is not None:
        return None  # a place of its own (Chinju, Masan)
    best = None
    for form, scheme in scheme_standards(w, origins, strict=False):
        if scheme.role != "convert" or not _same_shape(w, form) or \
                not (scheme.unit == "syllables" or scheme.result or scheme.telltale):
            continue  # only systems of syllables checked whole, or with letters of their own
        place = lookup(form)
        if len(spellings.every.get(form, ())) > len(spellings.every.get(w, ())):
            score, where = (3, zipf(form)), "used in the files audited together"
        elif place is not None and place.country in countries_of((scheme.origin,)) and \
                population(place) >= AMBIGUOUS_MIN_POPULATION and \
                (not place.alternate or place.english.startswith(form)):
            score, where = (2, population(place)), "the English name of the place (GeoNames)"
        elif zipf(form) >= AMBIGUOUS_MIN_ZIPF:
            score, where = (1, zipf(form)), "the common spelling"
        else:
            continue
        if best is None or score > best[0]:
            best = (score, form, scheme, where)
    return best


def _same_shape(a: str, b: str) -> bool:
    """Whether two spellings differ in letters only (the same hyphens and apostrophes)."""
    return [c for c in a if not c.isalpha()] == [c for c in b if not c.isalpha()] and a[:1].isupper() == b[:1].isupper()


#: A part of a name (a syllable block of a Korean given name: Kyung, Jong, Ho) this frequent in
#: English (Zipf) is a spelling English text uses.
MIN_PART_ZIPF = 1.5


def _telltale_standard(w, origins) -> tuple[str | None, str] | None:
    """(usual spelling or None, message) for a word written with the letters that give a system
    away and that English news never prints (McCune-Reischauer's breves and aspiration
    apostrophes: P'yŏngyang, Chŏng-ŭn), whether or not its usual spelling is known: the spelling
    the scheme gives whose parts English text uses most (a place of the origin's countries in
    the gazetteer first)."""
    from .gazetteer import lookup
    from .origins import countries_of
    from .romanize import fitting_origins
    from .schemes import changes, schemes_of

    for o in fitting_origins(w, origins):
        for scheme in schemes_of(o):
            if not scheme.telltale or not re.search(scheme.telltale, w.lower()):
                continue
            forms = [f for f in scheme.convert(w) if changes(w, f)]
            if not forms:
                continue
            countries = countries_of((o,))

            def support(f: str) -> tuple:
                place = lookup(f)
                at_home = place is not None and not place.alternate and place.country in countries
                return (at_home, min(zipf(p) for p in re.split(r"[- ]", f) if p), f)

            best = max(forms, key=support)
            head = f"'{w}' is written in {scheme.name}, with letters English news does not print"
            if support(best)[0] or support(best)[1] >= MIN_PART_ZIPF:
                return best, f"{head}; the usual {scheme.standard} spelling is '{best}'"
            return None, f"{head}; write it in {scheme.standard}"
    return None


def _place_word(doc, tokens, i) -> tuple[str, int, int] | None:
    """(spelling, start, end) of the place name at token `i` (with the hyphenated or
    apostrophised parts that follow it: Alma-Ata, Ch'ongjin), when the text uses it as a place of
    today: not inside a longer name (Peking University, Dynamo Kiev), not as a modifier (Tsingtao
    beer), not in a sentence about the past (the siege of Leningrad, Tiflis in 1921)."""
    text = doc.text
    t = tokens[i]
    m = _NAME_WORD.match(text, t.start)
    if not m or len(m.group()) > MAX_WORD:
        return None
    word = _POSSESSIVE.sub("", m.group())
    end = t.start + len(word)
    if _in_longer_name(text, tokens, i, end):
        return None
    before = text[max(0, t.start - 20):t.start].split()
    if not (_PLACE_AFTER.match(text, end) or _next_word(text, end) in STOPWORDS
            or before and before[-1].lower() in _PLACE_BEFORE):
        return None
    if _about_the_past(doc, _sentence(doc, t.start)):
        return None
    return word, t.start, end


def _about_the_past(doc, sentence: tuple[int, int]) -> bool:
    """Whether the sentence (start, end) is about the past (`_HISTORICAL`): searched once per
    sentence of a document, whose places often stand in one list (Kunashir, Iturup, Shikotan)."""
    seen = doc.memo("names.about_the_past", lambda d: {})
    found = seen.get(sentence)
    if found is None:
        found = seen[sentence] = _HISTORICAL.search(doc.text, *sentence) is not None
    return found


@lru_cache(maxsize=1)
def _ukrainian_first_names() -> frozenset[str]:
    """The Ukrainian forms of the first names the Russian-to-Ukrainian table lists (once per run,
    not per document)."""
    return frozenset(v[0] for v in russian_to_ukrainian().values() if v[1] == "first")


def _in_longer_name(text: str, tokens, i: int, end: int) -> bool:
    """Whether the word of token `i` (ending at `end`) is part of a longer name: a capitalised
    word (not at a sentence start) before it or a capitalised word after it (Peking University,
    Dynamo Kiev, Kweichow Moutai)."""
    t = tokens[i]
    prev = tokens[i - 1] if i else None
    if prev is not None and prev.confident and text[prev.end:t.start] == " ":
        return True
    nxt = text[end:end + 2]
    return nxt[:1] == " " and nxt[1:2].isupper()


def _home_place(form: str, origin: str) -> bool:
    """Whether the gazetteer gives `form` as the English name of a place in a country of the
    origin."""
    from .gazetteer import lookup
    from .origins import countries_of

    place = lookup(form)
    return place is not None and not place.alternate and place.country in countries_of((origin,))


def _renamed_home_place(form: str, origin: str) -> str | None:
    """The English name of a place of the origin's countries of which the gazetteer gives `form`
    as another spelling of the same name (Kharkov: Kharkiv), else None. A former name (Gorky for
    Nizhny Novgorod) is no spelling of the new one: Gorky may be the writer; nor is a name the
    English name begins with (Jeju, the island, for Jeju City)."""
    from .origins import countries_of
    from .variants import one_name, unaccent

    place = lookup(form)
    if place is None or not place.alternate or place.country not in countries_of((origin,)):
        return None
    begins = unaccent(place.english).lower().startswith(unaccent(form).lower())
    return place.english if one_name(form, place.english) and not begins else None


def _english_place_name(word: str) -> bool:
    """Whether GeoNames gives the word as the English name of a place (Bogotol in Russia): a
    standard spelling of its own, whatever a Ukrainian transliteration of it would look like."""
    place = lookup(word)
    return place is not None and not place.alternate


def _alternate(word: str) -> bool:
    """Whether the gazetteer lists the spelling as another name of a place."""
    place = lookup(word)
    return place is not None and place.alternate


_NEXT_WORD = compiled.regex(r"\s+([a-z]+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


_START = attrgetter("start")


def _sentence(doc, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `pos`, else (pos, pos). The sentences are sorted and
    disjoint: the one that starts last at or before `pos` is the only one that may hold it."""
    sentences = doc.sentences
    i = bisect_right(sentences, pos, key=_START) - 1
    if i >= 0 and pos < sentences[i].end:
        return sentences[i].start, sentences[i].end
    return pos, pos


def _gazetteer_standard(w, origins, exempt, countries, spellings, flags="") -> tuple[str, str] | None:
    """(English name, message) when the gazetteer gives the spelling as another name of a place
    of a country the text is about (a Ukrainian town in its Russian form, a Chinese city in
    Wade-Giles, a Kazakh city in its Soviet-era Russian form), and the English name is used in
    the files audited together, or well known while the spelling seen is not. In a text that
    names no country at all, only a large city after a preposition of place in a sentence of
    today's news (`flags` has "now": a weekday, a recent year, someone said: "in Alma-Ata on
    Sunday", not "Marco Polo described Hangchow"; a Korean firm Kolon is no Köln).
    A spelling in some use of its own (Sian is also a Welsh name) is changed only for a city of
    millions of a country the text names, after a preposition of place ("in Sian")."""
    from .gazetteer import lookup, population
    from .origins import countries_of

    place = lookup(w)
    if place is None or not place.alternate or place.country in countries_of(exempt):
        return None
    named = place.country in countries_of(origins) | countries
    if not named and not (not origins and not countries and _unnamed_ok(w, place) and "now" in flags
                          and "after-preposition" in flags):
        return None
    english = place.english.replace("’", "'")  # Xi’an: GeoNames' typography; news writes Xi'an
    english = _same_name_place(w, english, place.country)
    if english.endswith("'"):
        return None  # a soft sign written as an apostrophe (Homyel'): no spelling to suggest
    if english.lower() in re.split(r"[- ]", w.lower()) or w.lower() in re.split(r"[- ]", english.lower()):
        return None  # the English name with more or less (Nashville-Davidson, Cheongju-si): one name
    if _scheme_makes(english, w, origins | _origins_of_country(place.country)):
        return None  # GeoNames' English name in an older system (Kimhae): the spelling seen is the standard
    zw, ze = zipf(w), zipf(english)
    from .gazetteer import MIN_PIVOT_POPULATION, pivot_key

    if english in spellings.every or " " in english and _words_used(english, spellings):
        where = "used in the files audited together"
    elif named and pivot_key(w) == pivot_key(english) and not _y_for_i(w, english) and \
            population(place) >= MIN_PIVOT_POPULATION:
        where = "the usual English name"  # Batum, Kutais: the Russian form of the city's own name
    elif named and zw < AMBIGUOUS_MAX_ZIPF and population(place) >= NEVER_PRINTED_MIN_POPULATION and \
            ze >= NEVER_PRINTED_MIN_ENGLISH_ZIPF and place.country not in countries_of(("east_slavic",)):
        where = "the usual English name"  # Kyongju, Kangnung: a spelling English text never prints
    elif named and "after-preposition" in flags and population(place) >= GREAT_CITY_POPULATION:
        where = "the usual English name"  # in Sian: Xi'an, a city of nine million
    elif (zw < PLACE_ALONE_MAX_ZIPF or zw <= ze - PLACE_ALONE_GAP) and \
            (ze >= PLACE_MIN_ENGLISH_ZIPF or population(place) >= PLACE_MIN_POPULATION
             and place.country not in countries_of(("east_slavic",))):
        where = "the usual English name"
    else:
        return None
    return english, f"'{w}' is another spelling of {english} (GeoNames); '{english}' is {where}"


def _words_used(english: str, spellings) -> bool:
    """Whether every capitalised word of an English place name of several words is used in the
    files audited together (Tsuen Wan for the pinyin Quanwan: the name itself is no one word)."""
    words = [w for w in re.split(r"[ -]", english) if w[:1].isupper()]
    return bool(words) and all(w in spellings.every for w in words)


# A Korean surname (a short capitalised word) and a hyphenated given name whose first syllable
# starts with t or p: where McCune-Reischauer's plain stops show.
_KOREAN_GIVEN = compiled.regex(r"\b([A-Z][a-z]{1,4}) ([TP][a-z]{1,5}-[a-z]{1,7})\b")


def _korean_given_standard(w: str, surname: str) -> tuple[str, str] | None:
    """(Revised Romanization, message) for a Korean given name in McCune-Reischauer (Kim
    Tong-hyun -> Dong-hyun), when only that reading is a name Korean text uses."""
    from .korean_given import revised_given_name

    form = revised_given_name(w)
    if form is None:
        return None
    return form, (f"'{surname} {w}' follows McCune-Reischauer; the Revised Romanization '{form}' is the "
                  f"reading Korean names use")


def _pivot_first_standard(w: str, surname: str) -> tuple[str, str]:
    """(English form, message) for the Russian form of a first name before a surname of its
    origin (Irakly Kobakhidze -> Irakli)."""
    standard, origin = first_names_via_russian()[w]
    return standard, (f"'{w} {surname}' has the Russian form of a {origin.capitalize()} first name; "
                      f"English uses '{standard}'")


#: A place name written through the Russian pivot is looked for only among words this rare (Zipf):
#: Batum, Kutais, Abkhaziya, Kakhetiya.
PIVOT_MAX_ZIPF = 1.0
#: A word at least this frequent (Zipf), and whole (nothing joined to it), is no place, pivot or
#: scheme candidate: `collect` passes over it (most capitalised words of an article) at once.
_CANDIDATE_MAX_ZIPF = max(PLACE_MAX_ZIPF, PIVOT_MAX_ZIPF, MAX_SURNAME_ZIPF)


#: Distinct words whose test below is kept: the capitalised words of a corpus recur.
PLAIN_WORDS_KEPT = 100_000


@lru_cache(maxsize=PLAIN_WORDS_KEPT)
def _plain_word(word: str, japan: bool, ukraine: bool) -> bool:
    """Whether a word is well known (at least _CANDIDATE_MAX_ZIPF) and no table or scheme could
    name it in an article about Japan or Ukraine or neither (as told): not in the tables of
    Russian-route and older Chinese spellings, not a Japanese name Hepburn would spell otherwise,
    no Russian-route letters. `collect` passes over such a word, whole, without asking anything
    else of it."""
    return zipf(word) >= _CANDIDATE_MAX_ZIPF and word not in russian_to_ukrainian() \
        and word not in old_chinese_to_pinyin() \
        and not (japan and looks_japanese(word) and to_hepburn(word) != word) \
        and not (ukraine and russian_markers(word))


def _unknown_place(word: str) -> bool:
    """Whether the gazetteer does not know the spelling at all (a cheap test first)."""
    return lookup(word) is None


def _pivot_standard(w, origins, exempt, countries) -> tuple[str, str] | None:
    """(English name, message) when `w` is a city or region of a country the text is about
    written the Russian way (Batum for Batumi, Abkhaziya for Abkhazia)."""
    from .gazetteer import pivot_place
    from .origins import countries_of

    home = (countries_of(origins) | countries) - countries_of(exempt)
    english = pivot_place(w, sorted(home))
    if english is None or _y_for_i(w, english):
        return None
    return english, f"'{w}' is the Russian form of {english}; English uses '{english}' (GeoNames, ISO 3166-2)"


#: A spelling English text never prints (Zipf below AMBIGUOUS_MAX_ZIPF) of a place in a country
#: the text names is changed for a city of this many thousand people (Kyongju -> Gyeongju, a
#: city of 245,000 that the word list knows little of).
NEVER_PRINTED_MIN_POPULATION = 100
#: ... whose English name English text prints this often (Zipf: Gyeongju 1.9, Gangneung 1.6): the
#: word list has not caught up with every newer standard (Zaporizhzhia 0 against the older
#: Zaporizhzhya 1.1). Russia, Ukraine and Belarus are left to the tables of Russian-based
#: spellings: GeoNames' English names there follow several systems (Vitebsk, Hrodna, Homyel').
NEVER_PRINTED_MIN_ENGLISH_ZIPF = 1.5


#: A spelling in some use of its own (Sian, a Welsh name; Nanking, a historical name) is changed
#: after a preposition of place in a text about the country for a city of this many thousand
#: people: the great city is what a reader takes it for.
GREAT_CITY_POPULATION = 5000


#: A place spelling in an article that names neither its country nor its origin is reported only
#: for a city this large (thousands of people: Alma-Ata, Almaty's two million) ...
UNNAMED_MIN_POPULATION = 1000


def _scheme_makes(old: str, new: str, origin_names) -> bool:
    """Whether a romanization scheme of the origins turns `old` into `new` (Kimhae -> Gimhae)."""
    return any(f == new for f, _ in scheme_standards(old, origin_names, strict=False))


def _origins_of_country(country: str) -> frozenset[str]:
    """The origins whose countries include `country`."""
    from .origins import origins as known

    return frozenset(o.name for o in known().values() if country in o.countries)


def _other_name_in_the_past(doc, w: str, standard: str, pos: int) -> bool:
    """Whether an older name that is another name, not another spelling, of a place (Mukden for
    Shenyang, Amoy for Xiamen) is used in a sentence about the past, where it names the city of
    that time (the Mukden of 1931)."""
    from .variants import one_name

    if one_name(w, standard):
        return False
    return bool(_HISTORICAL.search(doc.text, *_sentence(doc, pos)))


def _y_for_i(a: str, b: str) -> bool:
    """Whether two spellings differ only in y for i (Bobruisk / Bobruysk): both English, neither
    the Russian pivot's mark."""
    from .variants import unaccent

    def weak(x: str) -> str:
        return unaccent(x).lower().replace("y", "i").replace("-", "").replace(" ", "")

    return weak(a) == weak(b)


def _same_name_place(w: str, english: str, country: str) -> str:
    """The English name to suggest for `w`: GeoNames' own, unless that is another name (a
    renaming, or a quirk: Dzhalal-Abad under Manas) and a place of the country has `w`'s name
    written the English way (Jalal-Abad)."""
    from .gazetteer import PIVOT_COUNTRIES, pivot_place
    from .variants import one_name

    if country not in PIVOT_COUNTRIES or one_name(w, english):
        return english
    return pivot_place(w, [country]) or english


def _unnamed_ok(w: str, place) -> bool:
    """Whether an older or pivot spelling of a place is worth reporting in an article that names
    neither its country nor its origin: a large city, a spelling English text hardly uses, and
    a spelling of the same name (Alma-Ata / Almaty), not another name (Frunze / Bishkek is said
    of the Soviet city too)."""
    from .gazetteer import population
    from .variants import one_name

    return zipf(w) < PLACE_ALONE_MAX_ZIPF and population(place) >= UNNAMED_MIN_POPULATION and \
        one_name(w.replace("-", ""), place.english.replace("-", ""))


def _story_origins(spellings) -> dict[str, frozenset[str]]:
    """For each file of a group of renditions, the origins any file of the group is about."""
    out: dict[str, frozenset[str]] = {}
    for group in spellings.groups_of_renditions:
        origins = spellings.origins_of(group)
        for p in group:
            out[p] = origins
    return out


def _converts(scheme, standard: str, spelling: str) -> bool:
    """Whether the scheme gives `standard` for `spelling` (case aside)."""
    return standard.lower() in {f.lower() for f in scheme.convert(spelling)}


def _entry_fires(cls, spelling: str, standard: str | None, text: str) -> bool:
    """Whether the check, run on `text` as a corpus of one article, flags `spelling` (and, when
    `standard` is given, changes it into that)."""
    from auditor.document import Document

    check = cls()
    analysis = CorpusSpellings()
    doc = Document("example.txt", text)
    check._analysis_results = {CorpusSpellings: analysis.finalize_now(analysis.collect(doc))}
    summary = check.merge(check.empty(), check.collect(doc))
    return any(doc.text[f.start:f.end].startswith(spelling.split()[0]) and
               (standard is None or (f.edits and f.edits[0].replacement == standard))
               for _, f in check.finalize(summary))
