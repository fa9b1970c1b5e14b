"""Which of two spellings of one name is right, what says so, and the fix shaped like the text.

The variant checks (NM101, NM102) find two spellings of one name and must say which one to
suggest and why. The evidence, strongest first:

1. the house list: a canonical spelling always wins;
2. the gazetteer: GeoNames gives Rubizhne as the English name of the town also spelled Rubezhnoye,
   and, in a story about an origin, Hadyach as the English name of a town of its countries
   where the other spelling (Gadyach) is listed nowhere;
3. a romanization rule: Kishida is the standard form of Kisida, Iryna of Irina;
4. use: the spelling used more often (occurrences in an article, files in the corpus);
5. for two spellings used equally often in one article, the other files audited together;
6. the common spelling: one spelling is a well-known word or name, the other is not.

A tie (one against one) that nothing of this decides is not a minority: both places are
reported and nothing is suggested.
"""
from __future__ import annotations

from auditor.records import record

from .frequency import more_common
from .romanize import standard_spelling

HOUSE, GAZETTEER, ROMANIZATION, MAJORITY, OTHER_FILES, COMMON, TIE, SEPARATORS = (
    "house list", "gazetteer", "romanization rule", "majority", "other files", "common spelling", "tie",
    "hyphens and spaces")
#: The gazetteer's English name of a place of the story's countries, against a spelling it does
#: not list at all (Hadyach / Gadyach): NM103, which reports only spellings the gazetteer or a
#: scheme lists, does not see such pairs, so the variant checks report them themselves.
GAZETTEER_PLACE = "gazetteer place"


#: Evidence that NM103 (a non-standard romanization or place spelling) states better than a
#: variant check: NM101 and NM102 leave such pairs to it when it runs.
RULES = (GAZETTEER, ROMANIZATION)


@record(frozen=True)
class Verdict:
    """The spelling to keep and the one to change (both None on a tie), and the evidence."""

    winner: str | None
    loser: str | None
    evidence: str

    @property
    def tie(self) -> bool:
        return self.evidence == TIE


def decide(a: str, b: str, uses: tuple[float, float], known: tuple[float, float],
           protected: frozenset[str] = frozenset(), other_files: tuple[int, int] | None = None,
           origins=(), rules: bool = True) -> Verdict | None:
    """Which of the spellings `a` and `b` wins. `uses` is how often each is used, `known` their
    Zipf frequencies, `protected` the house list's words, `other_files` (for two spellings of one
    article) how many other files of the corpus use each, `origins` the origins the text is about
    (whose romanization schemes count as rules); `rules=False` leaves the gazetteer and the
    romanization rules out (a first name of someone who is not of the rule's origin). None when
    both are house spellings:
    two names of the list, never one misspelled."""

    def win(w: str, evidence: str) -> Verdict:
        return Verdict(w, b if w == a else a, evidence)

    if a in protected or b in protected:
        if a in protected and b in protected:
            return None
        return win(a if a in protected else b, HOUSE)
    if rules:
        english = _gazetteer_english(a, b)
        if english is not None:
            return win(english, GAZETTEER)
        english = _story_place(a, b, origins)
        if english is not None:
            return win(english, GAZETTEER_PLACE)
        standard = standard_spelling(a, b, origins)
        if standard is not None:
            return win(standard, ROMANIZATION)
    if uses[0] != uses[1]:
        return win(a if uses[0] > uses[1] else b, MAJORITY)
    if other_files is not None and other_files[0] != other_files[1]:
        return win(a if other_files[0] > other_files[1] else b, OTHER_FILES)
    common = more_common(a, known[0], b, known[1])
    if common is not None:
        return win(common, COMMON)
    return Verdict(None, None, TIE)


#: A spelling GeoNames does not know is taken for another spelling of a place of the story's
#: countries only when English text hardly prints it (Zipf): a word or a name English uses is
#: something else (a person, a thing), whatever place it resembles.
UNLISTED_MAX_ZIPF = 1.0


def _story_place(a: str, b: str, origins) -> str | None:
    """For a story about an origin, the one of two spellings that the gazetteer gives as the
    English name of a place of that origin's countries, when it lists the other nowhere and
    English text hardly prints it (Hadyach, a town of Ukraine, against Gadyach); or None."""
    if not origins:
        return None
    from .frequency import zipf
    from .gazetteer import lookup
    from .origins import countries_of

    pa, pb = lookup(a), lookup(b)
    if (pa is None) == (pb is None):
        return None
    place, other = (pa, b) if pb is None else (pb, a)
    if place.alternate or place.country not in countries_of(origins) or zipf(other) >= UNLISTED_MAX_ZIPF:
        return None
    return place.spelling


def _gazetteer_english(a: str, b: str) -> str | None:
    """The one of two spellings that the gazetteer gives as the English name of the other's
    place (Rubizhne for Rubezhnoye), or None."""
    from .gazetteer import lookup

    pa, pb = lookup(a), lookup(b)
    if pa is None or pb is None or pa.english != pb.english or pa.country != pb.country:
        return None
    for x, px in ((a, pa), (b, pb)):
        if not px.alternate:
            return x
    return None


def because(evidence: str, winner: str) -> str:
    """The reason a suggestion was made, in an editor's words (majority and other-files reasons
    need counts: the checks say them)."""
    return {HOUSE: f"the house list spells it '{winner}'",
            GAZETTEER: f"the gazetteer (GeoNames) spells it '{winner}'",
            GAZETTEER_PLACE: f"the gazetteer (GeoNames) spells the place '{winner}'",
            ROMANIZATION: f"'{winner}' is the standard romanization",
            COMMON: f"'{winner}' is the common spelling"}[evidence]


def shaped_like(surface: str, loser: str, winner: str, winner_surfaces=()) -> str:
    """The winning spelling shaped like the flagged word: its plural kept (Kurles -> Kurils, for
    the bases Kurle and Kuril); and where the flagged word has no plural ending but the winner is
    only ever written with a final s (a name ending in -ets, -ts: Dniprovest -> Dniprovets, whose
    base is Dniprovet), as it is written. `winner_surfaces` are the winner's written forms."""
    if surface != loser and surface == loser + "s":
        from .variants import base

        # a winner whose own final s is part of the name (Mitsotakes -> Mitsotakis, not -iss)
        return winner + "s" if base(winner + "s") == winner else winner
    if surface == loser and winner_surfaces and all(w == winner + "s" for w in winner_surfaces):
        return winner + "s"
    return winner
