"""TR401: words in another script (Cyrillic, kana, hanzi, …) inside an English sentence."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import Check, Finding
from auditor.text import clip

_SCRIPTS = (
    ("Cyrillic", "\u0400-\u04ff\u0500-\u052f"),
    ("Japanese kana", "\u3040-\u30ff\u31f0-\u31ff"),
    ("Chinese characters", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Korean hangul", "\uac00-\ud7af\u1100-\u11ff"),
    ("Arabic", "\u0600-\u06ff"),
    ("Hebrew", "\u0590-\u05ff"),
    ("Thai", "\u0e00-\u0e7f"),
    ("Devanagari", "\u0900-\u097f"),
)
_ANY = "".join(r for _, r in _SCRIPTS)
# A run of such characters, spaces allowed between them; bounded so that a long run stays linear.
_FOREIGN = compiled.regex(f"[{_ANY}](?:[\\s\\u00a0]{{0,2}}[{_ANY}]){{0,200}}")
_ANY_CHAR = compiled.regex(f"[{_ANY}]")
_SCRIPT_OF = [(name, compiled.regex(f"[{r}]")) for name, r in _SCRIPTS]
_LATIN_LETTER = compiled.regex(r"[A-Za-z]")
# Brackets and quotation marks around a deliberate gloss ('Tokyo (東京)').
_GLOSS_MARKS = {("(", ")"), ("“", "”"), ('"', '"'), ("«", "»"), ("[", "]"), ("‘", "’"), ("「", "」"),
                ("(", ","), ("(", ";")}
#: An English sentence has at least this many Latin letters, and at least twice as many as it has
#: letters of the other script; below that the sentence is in the other language, not English
#: with leftovers.
MIN_LATIN_LETTERS = 10
MIN_LATIN_SHARE = 2
#: Characters of the run quoted in the message.
QUOTED_CHARS = 30


def _script_name(run: str) -> str:
    for name, rx in _SCRIPT_OF:
        if rx.search(run):
            return name
    return "a non-Latin script"


def _is_gloss(text: str, a: int, b: int) -> bool:
    """A native-script gloss in brackets or quotes ('Tokyo (東京)'), or a word followed by its
    transliteration in brackets ('тоска (toska)'), is deliberate, not a leftover."""
    before = text[max(0, a - 2):a].rstrip()
    after = text[b:b + 2].lstrip()
    return after[:1] == "(" or (before[-1:], after[:1]) in _GLOSS_MARKS


class ForeignScript(Check):
    """Words in another script (Cyrillic, kana, hanzi, hangul, …) inside an English sentence:
    the translator left them untranslated. Glosses in brackets or quotes are allowed, and only
    sentences that are mostly Latin letters count as English. No fix is offered: the
    translation is not known."""

    code = "TR401"
    family = "translation"
    summary = "Untranslated words in another script inside an English sentence"
    severity = "error"

    def check(self, doc):
        if not _ANY_CHAR.search(doc.text):
            return  # one scan: most documents hold no character of another script
        for s in doc.sentences:
            runs = list(_FOREIGN.finditer(s.text))
            if not runs:
                continue
            foreign = sum(len(m.group()) for m in runs)
            latin = len(_LATIN_LETTER.findall(s.text))
            if latin < MIN_LATIN_LETTERS or latin < MIN_LATIN_SHARE * foreign:
                continue
            for m in runs:
                if _is_gloss(s.text, m.start(), m.end()):
                    continue
                yield Finding(s.start + m.start(), s.start + m.end(),
                              f"'{clip(m.group(), QUOTED_CHARS)}' is in {_script_name(m.group())} "
                              "inside an English sentence: left untranslated")
