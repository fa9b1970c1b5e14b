"""TR201: a capitalised function word in mid-sentence ("Russia And Japan World War II has …")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import UNSAFE, Check, Edit, Finding
from auditor.text import clip, is_headline_style

from .english import english_findings
from .tokens import tokenize

# Closed-class words that are never capitalised inside an English sentence, not even in names.
_NEVER_CAPITALISED = frozenset("And Or But Nor According Is Are Was Were Been Has Have Had Does "
                               "Did Which Whose".split())
# Verbs capitalised only inside titles ("They Are Billions", "We Are Social").
_TITLE_VERBS = frozenset("Is Are Was Were Been Has Have Had Does Did".split())
# Capitalised inside names ("Bank Of America", "The Hague"): flagged only between lowercase words.
_NAME_PARTICLES = frozenset("Of The To In On At For With By From As Into Than That Its Their".split())
#: The words this check looks at: a sentence without one needs no other test.
_CANDIDATES = _NEVER_CAPITALISED | _NAME_PARTICLES
_DATE_END = compiled.regex(r"\d(?:st|nd|rd|th)?$")
_QUOTE_MARK = compiled.regex(r"[\"“”«»]")
# After these words a title follows ("a painting titled The Clown").
_TITLE_INTRODUCERS = frozenset("titled entitled called named dubbed".split())
# Code and markup in a sentence: its capitals are not prose.
_CODE_MARKS = frozenset("#`{}<>=")
# After these a capital may start a clause, a quotation or a list item.
_CLAUSE_OPENERS = set(":;—–-“\"«(['‘/|•*…")
#: Shorter sentences are headings, labels or menu items, where capitals are a style.
MIN_WORDS = 4
#: Words quoted on each side of the capitalised one.
CONTEXT_WORDS = 2


class StrayCapital(Check):
    """A capitalised function word in mid-sentence ("Russia And Japan World War II has …",
    "Quote According to …"): machine translation that kept the source's casing, or a heading
    glued into the sentence. Short sentences (labels, menu items) and headline-style ones (most
    words capitalised) are left alone, and so are capitals after a colon, a dash, a bracket, a
    quotation mark, an emoji or other symbol, a dateline or a word that introduces a title
    ("titled The Clown"), and sentences with code or markup; verbs count only outside a run of capitals (titles: "They Are
    Billions"), and particles that occur in names ("Of", "The") only between lowercase words.
    The fix lowercases the word; it needs an editor's eye (a heading may have to be split off
    instead)."""

    code = "TR201"
    family = "translation"
    summary = "Capitalised function word in mid-sentence"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        for s in doc.sentences:
            tk = tokenize(s.text)
            ms, tokens = tk.matches, tk.words
            if len(tokens) < MIN_WORDS or _CANDIDATES.isdisjoint(tokens[1:]) or is_headline_style(tokens) \
                    or any(c in s.text for c in _CODE_MARKS):
                continue
            for i in range(1, len(ms)):
                word = tokens[i]
                if word not in _NEVER_CAPITALISED and word not in _NAME_PARTICLES:
                    continue
                before = s.text[: ms[i].start()].rstrip()
                if before[-1:] in _CLAUSE_OPENERS or before[-1:] in ".!?)" or before[-1:].isdigit() \
                        or not (before[-1:].isalpha() or before[-1:] == ","):
                    continue  # a new clause, a quotation, or text after a dateline "(Xinhua)"
                if _DATE_END.search(before):
                    continue  # "BEIJING, July 26th According to …": a dateline glued on
                if tokens[i - 1][:1].isupper() and _QUOTE_MARK.search(before):
                    continue  # inside a quoted title ("We Are Young")
                if word in _NAME_PARTICLES and not _between_lowercase(tokens, i):
                    continue
                if tokens[i - 1].lower() in _TITLE_INTRODUCERS:
                    continue
                if word in _TITLE_VERBS and _between_capitals(tokens, i):
                    continue  # a title run in the text: "the game They Are Billions"
                start = s.start + ms[i].start()
                a = ms[max(i - CONTEXT_WORDS, 0)].start()
                b = ms[min(i + CONTEXT_WORDS, len(ms) - 1)].end()
                yield Finding(start, start + len(word),
                              f"'{word}' is capitalised in mid-sentence ('{clip(s.text[a:b])}'): "
                              "a function word keeps its capital only at the start of a sentence",
                              edits=(Edit(start, start + len(word), word.lower()),), applicability=UNSAFE)


def _between_capitals(tokens: list[str], i: int) -> bool:
    return tokens[i - 1][:1].isupper() and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()


def _between_lowercase(tokens: list[str], i: int) -> bool:
    prev_low = tokens[i - 1][:1].islower()
    next_low = i + 1 >= len(tokens) or tokens[i + 1][:1].islower()
    return prev_low and next_low
