"""Which of two spellings of one name is right, what says so, and the fix shaped like the text.

The variant checks (NM101, NM102) find two spellings of one name and must say which one to
suggest and why. The evidence, strongest first:

1. the house list: a canonical spelling always wins;
2. a romanization rule: Kishida is the standard form of Kisida, Iryna of Irina;
3. use: the spelling used more often (occurrences in an article, files in the corpus);
4. for two spellings used equally often in one article, the other files audited together;
5. the common spelling: one spelling is a well-known word or name, the other is not.

A tie (one against one) that nothing of this decides is not a minority: both places are
reported and nothing is suggested.
"""
from __future__ import annotations

from dataclasses import dataclass

from .frequency import more_common
from .romanize import standard_spelling

HOUSE, ROMANIZATION, MAJORITY, OTHER_FILES, COMMON, TIE = (
    "house list", "romanization rule", "majority", "other files", "common spelling", "tie")


@dataclass(frozen=True)
class Verdict:
    """The spelling to keep and the one to change (both None on a tie), and the evidence."""

    winner: str | None
    loser: str | None
    evidence: str

    @property
    def tie(self) -> bool:
        return self.evidence == TIE


def decide(a: str, b: str, uses: tuple[float, float], known: tuple[float, float],
           protected: frozenset[str] = frozenset(), other_files: tuple[int, int] | None = None
           ) -> Verdict | None:
    """Which of the spellings `a` and `b` wins. `uses` is how often each is used, `known` their
    Zipf frequencies, `protected` the house list's words, `other_files` (for two spellings of one
    article) how many other files of the corpus use each. None when both are house spellings:
    two names of the list, never one misspelled."""

    def win(w: str, evidence: str) -> Verdict:
        return Verdict(w, b if w == a else a, evidence)

    if a in protected or b in protected:
        if a in protected and b in protected:
            return None
        return win(a if a in protected else b, HOUSE)
    standard = standard_spelling(a, b)
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


def because(evidence: str, winner: str) -> str:
    """The reason a suggestion was made, in an editor's words (majority and other-files reasons
    need counts: the checks say them)."""
    return {HOUSE: f"the house list spells it '{winner}'",
            ROMANIZATION: f"'{winner}' is the standard romanization",
            COMMON: f"'{winner}' is the common spelling"}[evidence]


def shaped_like(surface: str, loser: str, winner: str) -> str:
    """The winning spelling shaped like the flagged word: its plural kept (Kurles -> Kurils, for
    the bases Kurle and Kuril)."""
    if surface != loser and surface == loser + "s":
        return winner + "s"
    return winner
