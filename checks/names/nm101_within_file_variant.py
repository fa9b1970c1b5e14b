"""NM101: one name spelled two ways in one article."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from auditor import compiled
from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Related
from auditor.records import record, replace
from auditor.text import clip

from .corpus_spellings import CorpusSpellings
from .evidence import COMMON, MAJORITY, OTHER_FILES, RULES, TIE, Verdict, because, decide, shaped_like
from .extract import TITLES, doc_names
from .frequency import zipf
from .house_list import SETTINGS, house_list
from .origins import doc_origins
from .romanize import fitting_origins, same_name
from .schemes import keys as scheme_keys
from .table import STANDALONE_WEIGHT, all_names_table, spelling_table
from .variants import KNOWN_WORD, MAX_EDITS, MIN_LENGTH, distinct_people, distinct_syllables, is_variant, runs_variant, same_person_variant

#: Longest name a message quotes: two names and a reason must fit in about 200 characters.
NAME_LIMIT = 32
_SEPARATORS = compiled.regex(r"([ \u00a0]+)")


@record(frozen=True)
class Side:
    """One spelling of a pair in one article: its occurrences to report and its first one."""

    name: str  # the base of a word ("Kuril" for Kuril, Kurils), or a whole name
    known: float  # Zipf frequency of the best-known surface
    count: int  # occurrences
    weight: float  # occurrences, one on a short line of its own counting STANDALONE_WEIGHT
    places: tuple[tuple[int, int, str], ...]  # (start, end, surface) outside quotes and NM105's spans
    first: tuple[int, int, str, int]  # (start, end, surface, line) of the first occurrence
    whole_name: bool = False  # a run of words ("Aldograph Redley"), not a single word


@record(frozen=True)
class Tie:
    """Two spellings used equally often in one article: the other files of the corpus, or how
    common each spelling is, may still decide between them (in `finalize`)."""

    path: str
    a: Side
    b: Side
    origins: frozenset[str] = frozenset()  # the origins the article is about


class WithinFileVariant(CorpusCheck):
    """Two spellings of one person or place in the same article.

    Single words are one edit apart (two if they also sound alike), share their first letter,
    and are not a plural or adjective of each other (Russia/Russian); at least one is capitalised
    in mid-sentence and neither is a known word capitalised at a line start, and two known words
    of four letters (Fern/Firn) or a very common word and a known one (Chinese/Chinoise) are two
    words. Whole names are compared
    as well: a byline "Aldograph Redley" against a bio "Aldgra Fredly" sounds alike as a whole
    (the sound-alike key, Metaphone, of the joined name) though no word is one edit from the other.

    The spelling to keep is decided by, in order: the house list; the gazetteer (GeoNames' English
    name of a place) and the romanization schemes of the origins the article is about (such pairs
    are left to NM103 when NM103 runs); the spelling used more often (an occurrence on a short
    line of its own, a byline or caption, counts half); for two words used equally often, the
    other files audited together, then the spelling that is a well-known word or name. When
    nothing decides, both spellings are reported and nothing is suggested.

    A brand in camel case that English text does not know whole is known by its least known part
    (CloudHarbor against CloudHarbpr: 'Harbpr' is no word).

    Left alone: names inside a direct quote only, two established names (Iran/Iraq), two names in
    one sentence (a list: Shanxi, Shaanxi), two names that come with different other words
    (Mylissa Fitzsimmons, Melissa Leo), a user handle in a list of handles (a contributors list),
    house-list variants when NM105 runs, and an occurrence NM102 reports when it runs."""

    code = "NM101"
    family = "names"
    settings = SETTINGS
    summary = "Name spelled two ways in one article"
    severity = "error"
    uses = (CorpusSpellings,)

    def collect(self, doc):
        """The findings of one article, and its ties for `finalize` to decide."""
        house = house_list(self.settings)
        covered = house.spans_in(doc.text) if self.is_selected("NM105") else []
        out = list(self._run_variants(doc, house.protected, covered))
        out.extend(self._phrase_variants(doc, house.protected, covered))
        out.extend(self._word_variants(doc, house.protected, covered))
        return out

    # --- given names of several syllables -----------------------------------------------------
    def _phrase_variants(self, doc, protected, covered):
        """A given name of several syllables written with other hyphens or spaces (Seong-ho /
        Seongho / Seong Ho), or one letter apart (Eun-ji / Eun-jee), in one article."""
        from .corpus_spellings import _phrases

        phrases = _phrases(doc)
        if not phrases or not doc_origins(doc)[0]:
            return  # compounds of English words (Needle-nose, Add-ons) outside a story of an origin
        table = spelling_table(doc)
        text = doc.text
        forms: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for key, surfaces in phrases.items():
            if not any("-" in x for x in surfaces) and len(surfaces) < 2:
                continue
            merged = {x: list(v) for x, v in surfaces.items() if x.count(" ") <= 1}
            for b, sp in table.items():
                if b.lower() == key:
                    for x, spans in sp.surfaces.items():
                        merged.setdefault(x, []).extend(spans)
            by_case: dict[str, str] = {}
            for x in sorted(merged, key=lambda x: -len(merged[x])):
                if x.lower() in by_case:  # Add-ons / Add-Ons: capitals of a heading, not another writing
                    merged[by_case[x.lower()]].extend(merged.pop(x))
                else:
                    by_case[x.lower()] = x
            forms[key] = merged
        pairs = [(k, k) for k, m in forms.items() if len(m) >= 2]
        hyphenated = sorted(k for k, m in forms.items() if any("-" in x for x in m))
        origins = _origins(doc)
        for i, a in enumerate(hyphenated):
            for b in hyphenated[i + 1:]:
                if is_variant(a.capitalize(), b.capitalize()) and \
                        (not distinct_syllables(a, b, origins) or _same_surname(doc, forms[a], forms[b])):
                    pairs.append((a, b))
        for ka, kb in pairs:
            if ka == kb:  # one key, several writings: each against the most used
                ranked = sorted(forms[ka].items(), key=lambda x: (-len(x[1]), x[0]))
            else:
                ranked = sorted([max(forms[ka].items(), key=lambda x: len(x[1])),
                                 max(forms[kb].items(), key=lambda x: len(x[1]))], key=lambda x: (-len(x[1]), x[0]))
            top = ranked[0]
            for other in ranked[1:]:
                if any(w in protected for w in re.split(r"[- ]", other[0] + " " + top[0])):
                    continue
                sa = _phrase_side(doc, top[0], top[1], covered)
                sb = _phrase_side(doc, other[0], other[1], covered)
                if not sa.places or not sb.places or _same_sentence(doc, top[1], other[1]):
                    continue
                if len(top[1]) == len(other[1]):
                    known = _parts_known(top[0], other[0])
                    v = decide(top[0], other[0], (1, 1), known)
                    if v is None or v.tie:  # the other files may decide (in finalize)
                        yield Tie(doc.path, replace(sa, known=known[0]), replace(sb, known=known[1]), origins)
                    else:
                        loser, winner = (sa, sb) if v.loser == top[0] else (sb, sa)
                        yield from _findings(doc.path, loser, winner, v, (1, 1))
                else:
                    v = Verdict(top[0], other[0], MAJORITY)
                    yield from _findings(doc.path, sb, sa, v, (len(top[1]), len(other[1])))
                covered.extend((s, e) for s, e, _ in sa.places + sb.places)

    def finalize(self, summary):
        spellings = self.analysis(CorpusSpellings)
        left = self._left_to_nm102(spellings)
        for path, f in self._decide(summary, spellings):
            if any(a < f.end and f.start < b for a, b in left.get(path, ())):
                continue
            yield path, f

    def _left_to_nm102(self, spellings) -> dict[str, list[tuple[int, int]]]:
        """{path: spans} of the occurrences NM102 reports (when it runs), which NM101 leaves to
        it: one finding per occurrence, and NM102's verdict has every rendition of the story
        behind it (a town's case form: its nominative in ten renditions, where this article
        alone offers its other slip, another case form)."""
        if not self.is_selected("NM102"):
            return {}
        from .nm102_corpus_variant import corpus_findings

        spans: dict[str, list[tuple[int, int]]] = {}
        for p, f in corpus_findings(spellings, self):
            spans.setdefault(p, []).append((f.start, f.end))
        return spans

    def _decide(self, summary, spellings):
        for item in sorted(summary, key=lambda x: x.path if isinstance(x, Tie) else x[0]):
            if not isinstance(item, Tie):
                yield item
                continue
            a, b = item.a, item.b
            others = (_other_files(spellings, a.name, item.path), _other_files(spellings, b.name, item.path))
            v = decide(a.name, b.name, (a.weight, b.weight), (a.known, b.known), spellings.house.protected,
                       others, item.origins)
            if v is None:
                continue
            if v.tie:
                yield from _findings(item.path, a, b, v)
                yield from _findings(item.path, b, a, v)
            else:
                loser, winner = (a, b) if v.loser == a.name else (b, a)
                counts = others if winner is a else others[::-1]
                yield from _findings(item.path, loser, winner, v, counts)

    # --- single words -------------------------------------------------------------------------
    def _word_variants(self, doc, protected, covered):
        confident = spelling_table(doc)
        # Also the names seen only at a sentence start (Emanuel Macron said ...): beside the
        # surname of a name spelled otherwise in the article, they are that person's name.
        table = all_names_table(doc)
        origins = _origins(doc)
        surnames = _surnames(doc, origins)
        by_letter = defaultdict(list)
        # The keys of each compared base, worked out once (a base meets dozens of others): those of
        # a given name beside a surname; a rarer name's (below KEYED_MAX_ZIPF) are the same keys.
        given_keys: dict[str, tuple[str, ...]] = {}
        for b in sorted(table):
            if b in confident or b in surnames:
                by_letter[b[:1].lower()].append(b)
                given_keys[b] = _romanization_keys(b, table[b].known, origins, KEYED_GIVEN_MAX_ZIPF)
                for k in given_keys[b]:
                    by_letter[k].append(b)  # Yitzhak / Itzhak, Hazan / Chazan: one key, other first letters
        # What each pair asks of a base, worked out once per base: whether it may be a variant at
        # all (is_variant's own first tests), and whether it is evidence of a name. (Two given
        # names are one person's only beside a surname in common: looked for before _one_person.)
        spellable = {b: b.isascii() and len(b) >= MIN_LENGTH for b in given_keys}
        may_be_name = {b: _may_be_name(table[b]) for b in given_keys}
        decided: dict[str, Verdict] = {}
        ties = []
        for a, b in _pairs(by_letter, any(given_keys.values())):
            sa, sb = table[a], table[b]
            if a in confident and b in confident:
                alike = (sa.confident or sb.confident) and may_be_name[a] and may_be_name[b] and (
                    spellable[a] and spellable[b] and abs(len(a) - len(b)) <= MAX_EDITS
                    and is_variant(a, b, sa.known, sb.known)
                    or given_keys[a] and given_keys[b]
                    and a.lower() != b.lower()  # capitals alone (SageMaker) are no romanization
                    and sa.known < KEYED_MAX_ZIPF and sb.known < KEYED_MAX_ZIPF
                    and not set(given_keys[a]).isdisjoint(given_keys[b]))
            else:
                alike = False
            if not (alike or a in surnames and b in surnames and not surnames[a].isdisjoint(surnames[b])
                    and _one_person(a, b, surnames, origins) and _in_prose(sa) and _in_prose(sb)) \
                    or sa.sentences & sb.sentences or distinct_people(sa.neighbours, sb.neighbours, origins) \
                    or _widget_word(a, sa, doc) or _widget_word(b, sb, doc) \
                    or distinct_syllables(a, b, origins) \
                    or _hyphen_part(doc, sa) != _hyphen_part(doc, sb):
                continue
            v = decide(a, b, (sa.weight, sb.weight), (_known(a, sa.known), _known(b, sb.known)), protected,
                       origins=origins)
            if v is None or v.evidence in RULES and self.is_selected("NM103"):
                continue  # two house names; or NM103 explains the pair better
            if v.evidence in (COMMON, TIE):
                ties.append((a, b))  # the other files come before frequency: finalize
                continue
            prev = decided.get(v.loser)
            if prev is None or table[v.winner].weight > table[prev.winner].weight:
                decided[v.loser] = v
        def side(b: str) -> Side:
            return _word_side(doc, b, table[b], covered)

        for loser, v in sorted(decided.items()):
            if not table[loser].quoted:
                counts = (table[v.winner].count, table[loser].count)
                yield from _findings(doc.path, side(loser), side(v.winner), v, counts)
        seen = set(decided)
        for a, b in ties:
            if a in seen or b in seen or table[a].quoted or table[b].quoted:
                continue  # one report per spelling; a spelling only ever quoted proves nothing
            seen.update((a, b))
            sa, sb = side(a), side(b)
            if sa.places and sb.places:
                yield Tie(doc.path, sa, sb, origins)

    # --- whole names --------------------------------------------------------------------------
    def _run_variants(self, doc, protected, covered):
        runs = defaultdict(list)
        for r in doc_names(doc).runs:
            runs[tuple(t.text for t in r.tokens)].append(r)
        # Only names of as many words with the same first letter can be variants (runs_variant's
        # first test): each is compared with the later ones of its kind, in the same order.
        kinds: dict[tuple[int, str], list[tuple[str, ...]]] = defaultdict(list)
        for key in sorted(runs):
            kinds[len(key), key[0][:1]].append(key)
        for a, b in sorted(((a, b) for same in kinds.values() for i, a in enumerate(same) for b in same[i + 1:])):
            if not runs_variant(a, b):
                continue
            ja, jb = " ".join(a), " ".join(b)
            house = frozenset(j for j, words in ((ja, a), (jb, b)) if any(w in protected for w in words))
            side = {ja: _run_side(doc, ja, runs[a], covered), jb: _run_side(doc, jb, runs[b], covered)}
            v = decide(ja, jb, (side[ja].weight, side[jb].weight), (0.0, 0.0), house, origins=_origins(doc))
            if v is None or v.evidence in RULES and self.is_selected("NM103"):
                continue
            if v.tie:
                if side[ja].places and side[jb].places:
                    yield from _findings(doc.path, side[ja], side[jb], v)
                    yield from _findings(doc.path, side[jb], side[ja], v)
                    covered.extend((s, e) for s, e, _ in side[ja].places + side[jb].places)
                continue
            loser, winner = side[v.loser], side[v.winner]
            yield from _findings(doc.path, loser, winner, v, (winner.count, loser.count))
            covered.extend((s, e) for s, e, _ in loser.places)


def _pairs(buckets: dict[str, list[str]], keyed: bool):
    """Each pair (a, b) of the bases that share a bucket, once, in the order of the buckets. A
    pair shares more than one bucket only through a romanization key: without keys, no pair is
    looked up among those already met."""
    if not keyed:
        for bases in buckets.values():
            for i, a in enumerate(bases):
                for b in bases[i + 1:]:
                    yield a, b
        return
    compared = set()
    for bases in buckets.values():
        for i, a in enumerate(bases):
            for b in bases[i + 1:]:
                if (a, b) not in compared:
                    compared.add((a, b))
                    yield a, b


#: Origins whose names put the surname first (Xi Jinping, Kim Jong-un, and Japanese names as
#: Japanese text and its translations write them): a given name follows its surname.
SURNAME_FIRST = frozenset({"chinese", "korean", "japanese"})
# The particles of Arabic, Dutch, German, Romance and Portuguese names between a given name and
# the rest (Mohammed bin Salman, Ursula von der Leyen, Luiz Inácio Lula da Silva).
_PARTICLE = r"(?:(?:bin|bint|ibn|ben|al|el|van|von|der|den|de|del|della|di|da|das|do|dos|du|la|le)\s+){0,2}"
_NEXT_NAME = compiled.regex(r"[ \u00a0]+" + _PARTICLE + r"([A-Z][^\W\d_]+(?:-[^\W\d_]+)?)")


def _surnames(doc, origins) -> dict[str, frozenset[str]]:
    """{word: the names next to it that may be its surname}: the capitalised word after it (across
    the particles of a name: Mohammed bin Salman), and, in an article about a surname-first
    origin, the one before it (Xi Jinping). Titles are no surnames."""
    text = doc.text
    tokens = doc_names(doc).tokens
    out: dict[str, set[str]] = defaultdict(set)
    next_name = _NEXT_NAME.match
    for t in tokens:
        m = next_name(text, t.end)
        if m:
            after = m.group(1)
            if after not in TITLES:
                out[t.text].add(after)
    if origins & SURNAME_FIRST:
        for before, t in zip(tokens, tokens[1:]):
            if text[before.end:t.start] == " " and before.text not in TITLES:
                out[t.text].add(before.text)
    return {w: frozenset(v) for w, v in out.items()}


#: A surname at least this frequent (Zipf: Smith 4.9, Kim 4.6, Khan 4.3, Singh 4.0) is shared by
#: so many people that two similar given names beside it may be two of them (Steven and Stephen
#: Smith); Macron (3.0) or Salman (3.3) name one family.
COMMON_SURNAME_ZIPF = 4.0


def _one_person(a: str, b: str, surnames: dict[str, frozenset[str]], origins=frozenset()) -> bool:
    """Two given names beside the same rare surname, spelled alike (see `same_person_variant`) or
    one name under a romanization of the article's origins (Yuri / Yuriy, Sergei / Sergey,
    Yitzhak / Itzhak: two systems for one Cyrillic or Hebrew name)."""
    shared = surnames.get(a, frozenset()) & surnames.get(b, frozenset())
    return any(zipf(s) < COMMON_SURNAME_ZIPF for s in shared) and \
        (same_person_variant(a, b) or bool(origins) and a.lower() != b.lower() and same_name(a, b, origins))


#: A name this well known (Zipf) is compared by its letters only, never by a romanization key: Israel
#: and Yisrael, Jacob and Yaakov are an English word or name and its Hebrew form, a translator's choice.
KEYED_MAX_ZIPF = 3.0
#: ... except a given name beside the same rare surname as the other spelling (Sergei / Sergey
#: Monakhov, Chaim / Haim Yitzhaki: one person), up to this (Zipf: Sergei 3.4, Chaim 3.0; Israel 5.3).
KEYED_GIVEN_MAX_ZIPF = 4.0
#: Shortest name compared by a romanization key: shorter ones (Li, Ma, Zur) collide too easily.
KEYED_MIN_LENGTH = 4


def _romanization_keys(b: str, known: float, origins, max_zipf: float = KEYED_MAX_ZIPF) -> tuple[str, ...]:
    """The comparison keys ("key:<origin>:<key>") of a rare name under the key schemes of the
    article's origins: two spellings with a key in common are one name in two romanizations
    (Kolenyakhin / Koleniahin, Hazan / Chazan, Tzur / Tsur). Only a word capitalised as a name
    is: HAMi or SageMaker is a product's own spelling."""
    if not origins or len(b) < KEYED_MIN_LENGTH or known >= max_zipf or not b.isalpha() or not b[1:].islower():
        return ()
    return _keys_under(b, origins)


#: Distinct (name, origins) whose keys are kept: the names of a story recur in its every rendition.
KEYS_KEPT = 50_000


@lru_cache(maxsize=KEYS_KEPT)
def _keys_under(b: str, origins: frozenset[str]) -> tuple[str, ...]:
    """The comparison keys of a name under the key schemes of the origins (see
    `_romanization_keys`): worked out once per name and set of origins, not once per article."""
    return tuple(sorted(f"key:{o}:{k}" for o in fitting_origins(b, origins) for k in scheme_keys(b, o)))


def _in_prose(sp) -> bool:
    """Whether a spelling is used in running text at least once, not only on short lines of its
    own (a list's "Scorecard Strengths:" headings are no person's name)."""
    return sp.weight > STANDALONE_WEIGHT * sp.count


def _may_be_name(sp) -> bool:
    """Whether a spelling may be a name: capitalised in mid-sentence, or no known word. Two
    spellings are names when both may be and one is capitalised in mid-sentence (Macronutrient
    and Micronutrients heading two lists are words)."""
    return sp.confident or sp.known < KNOWN_WORD


def _widget_word(base: str, sp, doc=None) -> bool:
    """A word of another language (an Italian tag "Etiopia") only ever on short lines of its
    own, or only on lines in that language (a foreign widget's "Notizie correlate: Etiopia,
    Somalia"): a foreign widget's text, not a spelling of the English name."""
    from .frequency import foreign_word

    if doc is not None and sp.surfaces and all(_handle_line(doc, s) for spans in sp.surfaces.values() for s, _ in spans):
        return True  # a user name in a list of handles (contributors, followers), not a spelling
    if sp.weight <= STANDALONE_WEIGHT * sp.count:
        return foreign_word(base)
    if doc is None or not foreign_word(base):
        return False
    spans = [s for spans in sp.surfaces.values() for s, _ in spans]
    return bool(spans) and all(_foreign_line(doc, s) for s in spans)


#: A line holding a name counts as another language's when at least this share of its other
#: words are common words of one widget language (names included: Somalia, Kenya) ...
FOREIGN_LINE_SHARE = 0.6
#: ... one of them at least is no English word (notizie, mondo), and at most this share are
#: English function words (English prose has about four in ten).
MAX_FUNCTION_SHARE = 0.2
#: Fewest other words a line needs to tell its language.
MIN_LINE_WORDS = 2
_LINE_WORD = compiled.regex(r"[^\W\d_]+")


def _foreign_line(doc, pos: int) -> bool:
    """Whether the line holding `pos` is in another language (its words are common words of a
    widget language, few are English function words)."""
    from auditor.lexicon import zipf_frequency
    from auditor.text import STOPWORDS

    from .frequency import FOREIGN_ZIPF, WIDGET_LANGUAGES, foreign_word

    text = doc.text
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    m = _LINE_WORD.match(text, pos)
    own = m.group() if m else ""
    others = [w for w in _LINE_WORD.findall(text[a:b if b >= 0 else len(text)]) if w != own]
    # Names belong to no language (Macron and Olaf are common German words too): where the line
    # has enough lowercase words, they alone tell its language.
    lowercase = [w for w in others if w[0].islower()]
    if len(lowercase) >= MIN_LINE_WORDS:
        others = lowercase
    if len(others) < MIN_LINE_WORDS or sum(w.lower() in STOPWORDS for w in others) > MAX_FUNCTION_SHARE * len(others):
        return False
    if not any(foreign_word(w) for w in others):
        return False
    return any(sum(zipf_frequency(w.lower(), lang) >= FOREIGN_ZIPF for w in others) >= FOREIGN_LINE_SHARE * len(others)
               for lang in WIDGET_LANGUAGES)


# A user handle: one token of letters, digits, dots, hyphens and underscores.
_HANDLE = compiled.regex(r"[\w.-]{2,40}")
# A handle no name would be written as: a lowercase start, or a digit, underscore or hyphen in it.
_HANDLE_ONLY = compiled.regex(r"[a-z]|.*[\d_-]")
#: Lines looked at on each side of a one-word line to tell a list of handles.
HANDLE_NEIGHBOURS = 2
#: Of those, at least this many must be handles no name would be written as (jam1garner,
#: nevi-me): one could be a stray lowercase word.
MIN_HANDLE_NEIGHBOURS = 2


def _handle_line(doc, pos: int) -> bool:
    """Whether the line holding `pos` is one word in a list of user handles (a contributors or
    followers list: 'jam-rook', 'Kjelssen', 'pix3lhound', one a line): a handle may spell a name
    any way its owner likes."""
    text = doc.text
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    if not _HANDLE.fullmatch(text[a:b].strip()):
        return False
    near, i = [], a - 1
    while i > 0 and len(near) < HANDLE_NEIGHBOURS:  # lines before
        j = text.rfind("\n", 0, i)
        line = text[j + 1:i].strip()
        if line:
            near.append(line)
        i = j
        if j < 0:
            break
    after, i = [], b
    while i < len(text) and len(after) < HANDLE_NEIGHBOURS:  # lines after
        j = text.find("\n", i + 1)
        j = len(text) if j < 0 else j
        line = text[i + 1:j].strip()
        if line:
            after.append(line)
        i = j
    handles = [x for x in near + after if _HANDLE.fullmatch(x) and _HANDLE_ONLY.match(x)]
    return len(handles) >= MIN_HANDLE_NEIGHBOURS


def _origins(doc) -> frozenset[str]:
    """The origins the article is about, less those whose older spellings it may use."""
    found, exempt = doc_origins(doc)
    return found - exempt


def _word_side(doc, base, sp, covered) -> Side:
    spans = sorted((s, e, surface) for surface, spans in sp.surfaces.items() for s, e in spans)
    places = tuple((s, e, t) for s, e, t in spans if not doc.in_quote(s, e) and not _inside(s, e, covered))
    s, e, t = spans[0]
    return Side(base, _known(base, sp.known), len(spans), sp.weight, places, (s, e, t, doc.line_of(s)))


_CAMEL_PART = compiled.regex(r"[A-Z][a-z]+|[a-z]+")


def _known(word: str, known: float) -> float:
    """How well English text knows a spelling: its own frequency (Zipf); for a brand written in
    camel case that English text does not know as a whole (CloudHarbor), the least known of
    its parts, so that a slip in one part (CloudHarbpr: 'Harbpr' is no word) is the less known
    spelling."""
    if known >= KNOWN_WORD or not word.isalpha() or not any(c.isupper() for c in word[1:]):
        return known
    parts = _CAMEL_PART.findall(word)
    return min(zipf(x) for x in parts) if len(parts) > 1 else known


def _run_side(doc, name, runs, covered) -> Side:
    text = doc.text
    places = tuple((r.start, r.end, text[r.start:r.end]) for r in runs
                   if not doc.in_quote(r.start, r.end) and not _inside(r.start, r.end, covered))
    weight = sum(STANDALONE_WEIGHT if run.tokens[0].standalone else 1.0 for run in runs)
    first = runs[0]
    return Side(name, 0.0, len(runs), weight, places,
                (first.start, first.end, text[first.start:first.end], doc.line_of(first.start)), whole_name=True)


def _parts_known(a: str, b: str) -> tuple[float, float]:
    """How well English text knows each of two writings of a name of several parts: the least
    known (Zipf) of the parts the other writing lacks (Eun-ji / Eun-jee: ji against jee). Of one
    name written whole and in parts, a whole that the word list knows is how English writes it
    (Jinping, not Jin-ping: the list splits hyphenated words, so it holds the whole only when
    English joins it); a whole it does not know is weighed by its parts (Min-seok)."""
    pa, pb = (re.split(r"[- ]", x.lower()) for x in (a, b))
    if "".join(pa) == "".join(pb):
        whole = [x for x, parts in ((a, pa), (b, pb)) if len(parts) == 1]
        if whole and zipf(whole[0]) > 0:
            return (zipf(a), 0.0) if whole[0] == a else (0.0, zipf(b))
    pa, pb = (set(parts) - {""} for parts in (pa, pb))
    da, db = pa - pb or pa, pb - pa or pb
    return min(map(zipf, da)), min(map(zipf, db))


def _phrase_side(doc, name, spans, covered) -> Side:
    text = doc.text
    spans = sorted(spans)
    places = tuple((s, e, text[s:e]) for s, e in spans if not doc.in_quote(s, e) and not _inside(s, e, covered))
    s, e = spans[0]
    return Side(name, 0.0, len(spans), float(len(spans)), places, (s, e, text[s:e], doc.line_of(s)))


def _other_files(spellings, name: str, path: str) -> int:
    """How many files besides `path` use a spelling: a word's base, or a name of several parts
    (Yeon-woo, Yeon Woo) written exactly so."""
    if name in spellings.files or " " not in name and "-" not in name:
        return spellings.other_files(name, path)
    from .corpus_spellings import joined

    paths = spellings.phrases.get(joined(name), {}).get(name, {})
    return len(paths) - (path in paths)


def _same_surname(doc, a, b) -> bool:
    """Whether every writing of two given names comes after one and the same capitalised word
    (Kim Seo-yeon ... Kim Soo-yeon): the same person's surname, so one person. Two Korean given
    names a vowel apart with no shared surname are two people."""
    def before(forms) -> set[str]:
        out = set()
        for spans in forms.values():
            for s, _ in spans:
                m = re.search(r"([A-Z][a-z]{1,10}) $", doc.text[max(0, s - 12):s])
                out.add(m.group(1) if m else "")
        return out

    ba, bb = before(a), before(b)
    return len(ba) == 1 and ba == bb and "" not in ba


def _hyphen_part(doc, sp) -> bool:
    """Whether every occurrence of the spelling ends a hyphenated name (Bat-Erdene, Abdel-Fattah):
    the part of a compound is not another spelling of a word the article writes on its own
    (the town of Erdenet beside a Bat-Erdene)."""
    text = doc.text
    return all(s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha()
               for spans in sp.surfaces.values() for s, _ in spans)


def _same_sentence(doc, a, b) -> bool:
    """Whether two writings share a sentence (two people named in one list)."""
    def sentences(spans):
        return {i for s, _ in spans for i, x in enumerate(doc.sentences) if x.start <= s < x.end}
    return bool(sentences(a) & sentences(b))


def _inside(s: int, e: int, spans) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _findings(path, side: Side, other: Side, v: Verdict, counts: tuple[int, int] = (0, 0)):
    """(path, Finding) at every place of `side`, citing the first place of `other`: with the
    fix when `side` is the loser of `v`, without on a tie. `counts` are the (winner's, loser's)
    uses the reason cites (occurrences, or other files)."""
    s0, e0, there, line = other.first
    related = (Related(path, s0, e0, f"'{clip(there, NAME_LIMIT)}' here"),)
    for s, e, surface in side.places:
        head = (f"'{clip(surface, NAME_LIMIT)}' here and '{clip(there, NAME_LIMIT)}' on line {line} "
                + ("sound alike: one person, two spellings" if side.whole_name
                   else "are one name spelled two ways"))
        if v.tie:
            yield path, Finding(s, e, f"{head}; {_each(side, other)}, and nothing says which is right",
                                related=related)
            continue
        fix = _whole_name_fix(surface, v.winner) if side.whole_name else \
            shaped_like(surface, side.name, v.winner, _written(other))
        yield path, Finding(s, e, f"{head}; {_reason(v, side, other, there, counts)}",
                            (Edit(s, e, fix),), UNSAFE, related)


def _written(side: Side) -> set[str]:
    """The forms a spelling is written in in the article (Dniprovets for the base Dniprovet)."""
    return {t for _, _, t in side.places} | {side.first[2]}


def _reason(v: Verdict, loser: Side, winner: Side, there: str, counts: tuple[int, int]) -> str:
    used, against = counts
    if v.evidence == MAJORITY:
        if used > against:
            return f"the other is used more ({used} times against {against})"
        return "the other is in the running text, this one on a line of its own"
    if v.evidence == OTHER_FILES:
        files = "1 other file uses" if used == 1 else f"{used} other files use"
        return f"{_each(loser, winner)} here, and {files} the other, {against or 'none'} this one"
    if v.evidence == COMMON:
        return f"{_each(loser, winner)} here, and '{clip(there, NAME_LIMIT)}' is the common spelling"
    return because(v.evidence, clip(there, NAME_LIMIT))


def _each(a: Side, b: Side) -> str:
    if a.count != b.count:
        return "used equally often"  # a byline counting half: 1 in the text against 2 bylines
    return "used once each" if a.count == 1 else f"used {a.count} times each"


def _whole_name_fix(surface: str, winner: str) -> str:
    """The winning name with the spacing of the flagged one (a no-break space stays)."""
    parts = _SEPARATORS.split(surface)
    words = winner.split(" ")
    if len(parts) != 2 * len(words) - 1:
        return winner
    return "".join(words[i // 2] if i % 2 == 0 else sep for i, sep in enumerate(parts))
