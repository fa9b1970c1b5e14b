"""Mangled fixed terms: the corrupted forms machine translation makes of fixed diplomatic, legal,
economic and emergency terms ("preferred national trade status" for most-favoured-nation status),
read from `data/terms.json`. A new term is data, no code."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.api import UNSAFE, Check, Edit, Finding

from ._common import clip, load_json

_GAP = r"(?:[\s\u00a0]{1,3}[^\s\u00a0]{1,40}){0,4}"  # '…': up to four words, bounded
_SEP = r"[\s\u00a0\-‑]{1,3}"


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


@lru_cache(maxsize=None)
def term_table() -> tuple[tuple[re.Pattern, dict, frozenset[str]], ...]:
    return tuple((compile_form(form), entry, _keywords(form))
                 for entry in load_json("terms.json")["terms"] for form in entry["corrupted"])


def _keywords(form: str) -> frozenset[str]:
    """The alternatives of the form's most selective word: a form can match only where one of
    them occurs, so one scan for all keywords decides which forms to try."""
    slots = [w.split("|") for w in form.split() if w not in ("…", "^")]
    best = max(slots, key=lambda alts: min(len(a) for a in alts))
    return frozenset(a.rstrip("*").split("-")[0].lower() for a in best)


@lru_cache(maxsize=None)
def _keyword_scan() -> re.Pattern:
    stems = sorted({k for _, _, keys in term_table() for k in keys}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.I)


def _present_keywords(text: str) -> set[str]:
    return {m.group().lower() for m in _keyword_scan().finditer(text)}


class MangledFixedTerm(Check):
    """A corrupted form of a fixed term, from the data table `terms.json` (each entry: the fixed
    term, the corrupted forms, why, its source, an example). Matches are loose: case, hyphens
    and a few words in between do not matter."""

    code = "TR301"
    family = "translation"
    summary = "Mangled fixed term (diplomatic, legal, economic, emergency)"
    severity = "warning"

    def check(self, doc):
        text = doc.text
        taken: list[tuple[int, int]] = []
        present = _present_keywords(text)
        for pattern, entry, keys in term_table():
            if not keys & present:
                continue
            for m in pattern.finditer(text):
                a, b = m.span()
                if any(x < b and a < y for x, y in taken) or "\n" in m.group():
                    continue
                taken.append((a, b))
                yield Finding(a, b,
                              f"'{clip(m.group())}' is a mangled form of the fixed term "
                              f"'{entry['term']}': {entry['why']} (source: {entry['source']})",
                              edits=(Edit(a, b, _suggestion(entry["term"], m)),), applicability=UNSAFE)


def _suggestion(term: str, m: re.Match) -> str:
    """The fixed term, with its '…' filled by the words the corrupted form had there."""
    gap = (m.group(1) or "").strip() if m.re.groups else ""
    return " ".join(term.replace("…", gap, 1).split())


CHECKS = [MangledFixedTerm]
