"""TR301: a mangled fixed term ("preferred national trade status" for most-favoured-nation
status), from the table data/terms.json. A new term is data, no code."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from auditor.api import UNSAFE, Check, Edit, Finding
from auditor.examples import DataExample
from auditor.text import clip

from .data import load_json

TABLE = "terms.json"
#: '…' in a form: up to four words of any kind, each bounded so a long token stays linear.
_GAP = r"(?:[\s\u00a0]{1,3}[^\s\u00a0]{1,40}){0,4}"
_SEP = r"[\s\u00a0\-‑]{1,3}"
#: Characters of the words found quoted in the message (the term and why take the rest).
QUOTED_CHARS = 50


def compile_form(form: str) -> re.Pattern:
    """A corrupted form ('regain|restore … trade status') as a case-insensitive regex; a
    leading '^' anchors it at the start of a sentence."""
    parts: list[str] = []
    anchored = form.startswith("^ ")
    for word in form.split()[1:] if anchored else form.split():
        if word == "…":
            parts.append(_GAP if _GAP in parts else "(" + _GAP + ")")
            continue
        alts = []
        for alt in word.split("|"):
            stem = alt.rstrip("*")
            pat = r"[\s\-]?".join(re.escape(p) for p in stem.split("-"))
            alts.append(pat + (r"\w{0,20}" if alt.endswith("*") else ""))
        if parts and not parts[-1].endswith("{0,4}") and not parts[-1].endswith("{0,4})"):
            parts.append(_SEP)
        elif parts:
            parts.append(r"[\s\u00a0]{1,3}")
        parts.append("(?:" + "|".join(alts) + ")")
    lead = r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"] ))" if anchored else r"(?<!\w)"
    return re.compile(lead + "".join(parts) + r"(?!\w)", re.I | re.M)


class Form(NamedTuple):
    pattern: re.Pattern
    entry: int  # index of its entry in the table
    keywords: frozenset


@lru_cache(maxsize=None)
def forms() -> tuple[Form, ...]:
    return tuple(Form(compile_form(form), i, _keywords(form))
                 for i, entry in enumerate(load_json(TABLE)["terms"]) for form in entry["corrupted"])


def _keywords(form: str) -> frozenset[str]:
    """The alternatives of the form's most selective word: a form can match only where one of
    them occurs, so one scan for all keywords decides which forms to try."""
    slots = [w.split("|") for w in form.split() if w not in ("…", "^")]
    best = max(slots, key=lambda alts: min(len(a) for a in alts))
    return frozenset(a.rstrip("*").split("-")[0].lower() for a in best)


@lru_cache(maxsize=None)
def _keyword_scan() -> re.Pattern:
    stems = sorted({k for f in forms() for k in f.keywords}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.I)


def mangled_terms(text: str) -> Iterator[tuple[re.Match, dict, int]]:
    """(match, entry, entry index) of every corrupted form in `text`, the first form listed
    winning where two overlap; never across a line break."""
    entries = load_json(TABLE)["terms"]
    taken: list[tuple[int, int]] = []
    present = {m.group().lower() for m in _keyword_scan().finditer(text)}
    for form in forms():
        if not form.keywords & present:
            continue
        for m in form.pattern.finditer(text):
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
        for m, entry, _ in mangled_terms(doc.text):
            a, b = m.span()
            edits = (Edit(a, b, _replacement(entry["term"], m)),) if entry.get("replaces", True) else ()
            yield Finding(a, b, f"'{clip(m.group(), QUOTED_CHARS)}' garbles the fixed term "
                                f"'{entry['term']}': {entry['why']}",
                          edits=edits, applicability=UNSAFE)

    @classmethod
    def data_examples(cls) -> list[DataExample]:
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
