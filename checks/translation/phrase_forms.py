"""Loose phrase patterns written as data ("regain|restore … trade status"): the form syntax that
the term table (TR301) and the calque tables (TR302) share, compiled to regular expressions, and
the keywords that decide cheaply which forms a text can match."""
from __future__ import annotations

import re

#: '…' in a form: up to four words of any kind, each bounded so a long token stays linear.
GAP = r"(?:[\s\u00a0]{1,3}[^\s\u00a0]{1,40}){0,4}"
_SEP = r"[\s\u00a0\-‑]{1,3}"


def compile_form(form: str) -> re.Pattern:
    """A form ('regain|restore … trade status') as a case-insensitive regex: words separated by
    spaces (matching spaces, no-break spaces or a hyphen), 'a|b' alternatives, a trailing '*'
    for any ending, '…' for up to four words (the first one captured as group 1), a leading '^'
    anchoring the form at the start of a sentence."""
    parts: list[str] = []
    anchored = form.startswith("^ ")
    for word in form.split()[1:] if anchored else form.split():
        if word == "…":
            parts.append(GAP if GAP in parts else "(" + GAP + ")")
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


def form_keywords(form: str) -> frozenset[str]:
    """The alternatives of the form's most selective word: a form can match only where one of
    them occurs, so one scan for all keywords decides which forms to try."""
    slots = [w.split("|") for w in form.split() if w not in ("…", "^")]
    best = max(slots, key=lambda alts: min(len(a) for a in alts))
    return frozenset(a.rstrip("*").split("-")[0].lower() for a in best)


def keyword_scan(keywords) -> re.Pattern:
    """One pattern finding any of `keywords` at the start of a word."""
    stems = sorted(set(keywords), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.I)
