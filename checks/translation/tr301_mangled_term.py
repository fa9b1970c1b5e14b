"""TR301: a mangled fixed term ("preferred national trade status" for most-favoured-nation
status), from the table data/terms.json. A new term is data, no code."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from auditor.api import UNSAFE, Check, Edit, Finding
from auditor.records import tuple_record
from auditor.text import clip

from .data import load_json
from .english import english_findings
from .phrase_forms import (KeywordIndex, can_match, can_match_in, compile_form, folds_plainly, form_keywords,
                           keyword_lines, lowered, slot_keywords)

TABLE = "terms.json"
#: Characters of the words found quoted in the message (the term and why take the rest).
QUOTED_CHARS = 50


@tuple_record
class Form:
    form: str
    entry: int  # index of its entry in the table
    keywords: frozenset
    slots: tuple  # its `slot_keywords`

    @property
    def pattern(self) -> re.Pattern:
        """Compiled when a text first needs it (a one-file run compiles few)."""
        return _compiled(self.form)


_compiled = lru_cache(maxsize=None)(compile_form)


@lru_cache(maxsize=None)
def forms() -> tuple[Form, ...]:
    return tuple(Form(form, i, form_keywords(form), slot_keywords(form))
                 for i, entry in enumerate(load_json(TABLE)["terms"]) for form in entry["corrupted"])


@lru_cache(maxsize=None)
def _keyword_index() -> KeywordIndex:
    """Every word of every form: `can_match` needs them all."""
    return KeywordIndex(k for f in forms() for slot in f.slots for k in slot)


def mangled_terms(text: str) -> Iterator[tuple[re.Match, dict, int]]:
    """(match, entry, entry index) of every corrupted form in `text`, the first form listed
    winning where two overlap; never across a line break."""
    entries = load_json(TABLE)["terms"]
    taken: list[tuple[int, int]] = []
    present = _keyword_index().present(text)
    low = lowered(text)
    plain = folds_plainly(text)
    for form in forms():
        if form.keywords.isdisjoint(present) or plain and not can_match(form.slots, present):
            continue
        lines = keyword_lines(text, low, form.keywords) if len(low) == len(text) else [(0, len(text))]
        if plain:
            lines = [(a, b) for a, b in lines if can_match_in(low, a, b, form.slots)]
        for m in (m for a, b in lines for m in form.pattern.finditer(text, a, b)):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken) or "\n" in m.group():
                continue
            taken.append((a, b))
            yield m, entries[form.entry], form.entry


class MangledFixedTerm(Check):
    """A corrupted form of a fixed diplomatic, legal, economic or emergency term ("regain
    Russia’s preferred national trade status", "the liquidation of the consequences"), from a
    table of terms (each entry: the fixed term, its corrupted forms, why, its source, an
    example and a counter-example). Matches are loose: case, hyphens and a few words in between
    do not matter. The fix writes the fixed term in place of the words found, where the term can
    stand in for them; it needs an editor's eye (the sentence around may need rewording too)."""

    code = "TR301"
    family = "translation"
    summary = "Mangled fixed term (diplomatic, legal, economic, emergency)"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for m, entry, _ in mangled_terms(doc.text):
            a, b = m.span()
            edits = (Edit(a, b, _replacement(entry["term"], m)),) if entry.get("replaces", True) else ()
            yield Finding(a, b, f"'{clip(m.group(), QUOTED_CHARS)}' garbles the fixed term "
                                f"'{entry['term']}': {entry['why']}",
                          edits=edits, applicability=UNSAFE)

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        from auditor.examples import DataExample  # the test suite's: a run never needs it

        out = []
        for i, entry in enumerate(load_json(TABLE)["terms"]):
            source = f"data/{TABLE}: {entry['term']}"
            fires = _entry_fires(i)
            out.append(DataExample(source, entry["example"], True, fires))
            out.append(DataExample(source, entry["counter"], False, fires))
        return out


def _entry_fires(index: int):
    def fires(text: str) -> bool:
        return any(i == index for *_, i in mangled_terms(text))
    return fires


def _replacement(term: str, m: re.Match) -> str:
    """The fixed term, with its '…' filled by the words the corrupted form had there, and a
    capital where the words found began with one."""
    gap = (m.group(1) or "").strip() if m.re.groups else ""
    fixed = " ".join(term.replace("…", gap, 1).split())
    if m.group()[:1].isupper() and fixed[:1].islower():
        fixed = fixed[0].upper() + fixed[1:]
    return fixed
