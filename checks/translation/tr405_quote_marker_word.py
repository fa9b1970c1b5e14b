"""TR405: "Quote" / "Unquote" written out as words ("Quote According to Kyodo News.")."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import UNSAFE, Check, Edit, Finding

from .english import english_findings

# The marker word, then punctuation or spaces and a capital, a quotation mark or the line end.
_QUOTE_WORD = compiled.regex(r"(?<![\w’'-])(Quote|Unquote|End quote|End of quote)(?=[\s\u00a0.,:;]{1,3}"
                             r"(?:[A-Z“\"]|$))", re.M)
_AFTER = compiled.regex(r"[.,:;]?[ \u00a0]*")
# After these the marker starts a sentence or a clause.
_SENTENCE_ENDS = ".!?:;,\"”"


class QuoteMarkerWord(Check):
    """The words "Quote", "Unquote", "End quote" written out as text ("Quote According to Kyodo
    News.", "We will not give up. Unquote."): a transcript's or the source's quotation marker
    translated as a word. Inside a quotation they are left alone. The fix deletes the word (and
    the punctuation that would be left dangling); it needs an editor's eye, since quotation
    marks may belong in its place."""

    code = "TR405"
    family = "translation"
    summary = "'Quote'/'Unquote' written out as a word"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        text = doc.text
        if "uote" not in text:
            return  # every marker word holds these letters: one scan for most documents
        for m in _QUOTE_WORD.finditer(text):
            if doc.in_quote(m.start(), m.end()):
                continue
            yield Finding(m.start(), m.end(),
                          f"'{m.group(1)}' is a quotation marker written out as a word: residue "
                          "of a transcript or of the source's quotation marks",
                          edits=(_deletion(text, m.start(), m.end()),), applicability=UNSAFE)


def _deletion(text: str, start: int, end: int) -> Edit:
    """Delete the marker. Where it starts a sentence, its punctuation goes too ("up. Unquote.
    The" -> "up. The"); in mid-sentence the spaces before it go and its punctuation stays ("he
    said Unquote. The" -> "he said. The")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip(" \u00a0")
    after = _AFTER.match(text, end).end()
    at_sentence_start = not before or before[-1] in _SENTENCE_ENDS
    if not at_sentence_start:
        return Edit(line_start + len(before), end, "")
    if after == len(text) or text[after] == "\n":
        return Edit(line_start + len(before), after, "")  # nothing follows on the line
    return Edit(start, after, "")
