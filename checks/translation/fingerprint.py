"""The source language's fingerprint: typographic cues (data/fingerprints.json: quotation marks,
dialogue dashes, full-width punctuation, spacing before punctuation, decimal commas, dates and
numbers in the source's order) and the calques of data/calques/, gathered per file as evidence of
the language a text was translated from. TR407 reports the cues, TR701 the verdict."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from auditor import compiled
from auditor.records import tuple_record

from . import calques
from .data import load_json
from .english import in_foreign_line
from .regex_gates import matches_at_numbers, numbers, opens_on_number, tail_gate

TABLE = "fingerprints.json"
#: A verdict needs this many different pieces of evidence (cues or calques, each counted once
#: however often it occurs) pointing to one language: one cue alone is a quirk of a writer.
MIN_EVIDENCE_KINDS = 2
#: A verdict names at most this many languages ("Russian or Ukrainian"); evidence shared by more
#: (a decimal comma) says only "not English", which is no triage.
MAX_LANGUAGES = 2


@tuple_record
class Cue:
    index: int
    name: str
    languages: tuple
    regex: str
    report: bool
    needs: tuple = ()       # strings one of which the text must hold for the pattern to be tried
    min_count: int = 1      # lines of the text that must hold a match for any of them to count
    min_variants: int = 1   # different values of the regex's first group the matches must show
    skip_line: str = ""     # a regex: matches on a line it finds are left alone (code)

    @property
    def pattern(self) -> re.Pattern:
        return _compiled(self.regex)

    @property
    def gate(self) -> re.Pattern | None:
        """A pattern that finds something in every text the cue's does (`tail_gate`), or None."""
        return _tail_gate(self.regex)

    @property
    def at_numbers(self) -> bool:
        """Whether the pattern can only match where a number starts (`opens_on_number`)."""
        return _opens_on_number(self.regex)


@tuple_record
class Evidence:
    start: int
    end: int
    kind: str          # "cue:<index>" or "calque:<index>": one kind counts once
    label: str         # what the editor is shown
    languages: tuple   # language codes it points to
    reported: bool     # whether TR407/TR302 report it on its own


@lru_cache(maxsize=None)
def cues() -> tuple[Cue, ...]:
    return tuple(Cue(i, c["name"], tuple(c["languages"]), c["regex"], c.get("report", True),
                     tuple(c.get("needs", ())), c.get("min_count", 1), c.get("min_variants", 1),
                     c.get("skip_line", ""))
                 for i, c in enumerate(load_json(TABLE)["cues"]))


@lru_cache(maxsize=None)
def language_names() -> dict[str, str]:
    return {code: language for code, language, _ in calques.tables()}


@lru_cache(maxsize=None)
def _compiled(regex: str) -> re.Pattern:
    """A cue's pattern, compiled when a text first needs it (a one-file run compiles few)."""
    return compiled.regex(regex, re.M)


_opens_on_number = lru_cache(maxsize=None)(lambda regex: opens_on_number(regex, re.M))
_tail_gate = lru_cache(maxsize=None)(lambda regex: tail_gate(regex, re.M))


def find_cues(text: str, keep=None):
    """(match, cue) of every cue in `text`, in text order; `keep(match)`, when given, drops the
    matches it rejects before a cue's count of lines and variants is taken."""
    found = []
    starts = None  # where the text's numbers start, found once for the cues that open on one
    for cue in cues():
        if cue.needs and not any(n in text for n in cue.needs):
            continue
        if cue.gate is not None and cue.gate.search(text) is None:
            continue
        if cue.at_numbers:
            starts = numbers(text) if starts is None else starts
            ms = list(matches_at_numbers(cue.pattern, text, starts))
        else:
            ms = [m for m in cue.pattern.finditer(text) if m.end() > m.start()]
        if cue.skip_line and ms:
            ms = [m for m in ms if not _compiled(cue.skip_line).search(_line(text, m.start()))]
        if keep is not None and ms:
            ms = [m for m in ms if keep(m)]
        if cue.min_count > 1 and len({text.count("\n", 0, m.start()) for m in ms}) < cue.min_count:
            continue
        if cue.min_variants > 1 and len({m.group(1) for m in ms}) < cue.min_variants:
            continue
        found.extend((m, cue) for m in ms)
    found.sort(key=lambda x: (x[0].start(), x[1].index))
    return found


def _line(text: str, at: int) -> str:
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return text[a:b if b >= 0 else len(text)]


def doc_cues(doc):
    """The cues of a document, found once and shared by TR407 and TR701; lines entirely in another
    language (a banner, a caption) neither show a cue nor count towards one seen elsewhere."""
    return doc.memo("translation.cues",
                    lambda d: find_cues(d.text, lambda m: not in_foreign_line(d, m.start(), m.end())))


def evidence(doc) -> list[Evidence]:
    """Every cue and calque of the document, in text order."""
    text = doc.text
    out = [Evidence(m.start(), m.end(), f"cue:{cue.index}", cue.name, cue.languages, cue.report)
           for m, cue in doc_cues(doc)]
    for hit in calques.find_in_doc(doc):
        e = hit.entry
        out.append(Evidence(hit.start, hit.end, f"calque:{e.index}", text[hit.start:hit.end], e.languages,
                            e.data.get("report", True)))
    out = [ev for ev in out if not in_foreign_line(doc, ev.start, ev.end)]  # widgets and quotations
    out.sort(key=lambda x: (x.start, x.kind))
    return out


@tuple_record
class Verdict:
    languages: tuple        # language names, best first
    items: list             # the Evidence for them, in text order
    anchor: Evidence        # where the finding goes: the first reported piece of evidence


def verdict(items: list[Evidence]) -> Verdict | None:
    """The language(s) most of the evidence points to, or None when the evidence is too thin
    or too vague."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for ev in items:
        for code in ev.languages:
            kinds[code].add(ev.kind)
    if not kinds:
        return None
    best = max(len(k) for k in kinds.values())
    top = sorted(code for code, k in kinds.items() if len(k) == best)
    if best < MIN_EVIDENCE_KINDS or len(top) > MAX_LANGUAGES:
        return None
    mine = [ev for ev in items if set(ev.languages) & set(top)]
    reported = [ev for ev in mine if ev.reported]
    if not reported:
        return None
    names = language_names()
    return Verdict(tuple(names.get(c, c) for c in top), mine, reported[0])
