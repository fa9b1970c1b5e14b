"""TR404: quotation marks that do not pair up in a paragraph."""
from __future__ import annotations

from auditor import compiled
from auditor.api import Check, Finding

from .english import english_findings

#: A quotation may run over this many paragraphs (a long quotation, or one a scraper split into
#: lines): a mark left open is closed, and a stray closing mark opened, that far away.
QUOTE_SPAN_PARAGRAPHS = 3
#: A finding covers the stray mark and this many characters on the side of the quotation.
CONTEXT_CHARS = 20


class UnbalancedQuotes(Check):
    """A paragraph whose curly quotation marks do not pair up: a closing mark with no opening one,
    or an opening mark that no closing mark follows. Translation often loses one side of a
    quotation. A quotation may run over several paragraphs: an unclosed one is fine when the
    next paragraph reopens it (news style) or one of the next three closes it (a translation split into one
    paragraph per source sentence), and a '“' at the very end of a paragraph is a closing mark
    typed the wrong way round, not an opening one. Paragraphs with straight quotation marks or
    nested quotations are left alone. No fix is offered: where the lost mark belongs is not
    known."""

    code = "TR404"
    family = "translation"
    summary = "Unbalanced quotation marks"
    severity = "warning"

    def check(self, doc):
        return english_findings(doc, self._findings(doc))

    def _findings(self, doc):
        paras = doc.paragraphs
        marks = [_unpaired(p.text) for p in paras]
        for i, p in enumerate(paras):
            if marks[i] is None:
                continue
            stray_close, open_at = marks[i]
            carried = any(marks[j] is not None and marks[j][1] >= 0
                          for j in range(max(0, i - QUOTE_SPAN_PARAGRAPHS), i))
            if stray_close >= 0 and not carried:
                start = p.start + stray_close
                yield Finding(max(p.start, start - CONTEXT_CHARS), start + 1,
                              "closing quotation mark '”' without an opening one in this "
                              "paragraph: part of the quotation was lost")
            if open_at >= 0 and not _continues(doc.text, paras, marks, i):
                start = p.start + open_at
                yield Finding(start, min(p.end, start + CONTEXT_CHARS),
                              "opening quotation mark '“' is never closed: part of the "
                              "quotation was lost or run into the narrative")


# The curly quotation marks, which `_unpaired` visits in order (every other character is skipped).
_CURLY_MARK = compiled.regex("[“”]")


def _unpaired(text: str) -> tuple[int, int] | None:
    """(offset of a closing mark with no opening one, offset of an opening mark left open), -1
    for none; None when the paragraph mixes straight marks in or nests quotations (guesswork)."""
    if '"' in text:
        return None
    if "“" not in text and "”" not in text:
        return -1, -1  # no curly quotation mark at all
    depth, opened_at = 0, -1
    last = len(text.rstrip()) - 1
    for m in _CURLY_MARK.finditer(text):  # the marks only, not every character
        j, ch = m.start(), m.group()
        if ch == "“" and j == last:
            ch = "”"  # nothing follows it: a closing mark typed the wrong way round
        if ch == "“":
            if depth:
                return None
            depth, opened_at = 1, j
        elif ch == "”":
            if j and text[j - 1].isdigit() and not depth:
                continue  # 29.5”: an inch mark, not a quotation mark ("“0”" closes a quotation)
            if not depth:
                return j, -1
            depth = 0
    return -1, opened_at if depth else -1


def _continues(text: str, paras, marks, i: int) -> bool:
    """The next paragraph reopens the quotation or closes it."""
    if i + 1 >= len(paras):
        return False
    if text[paras[i + 1].start] in "“\"":
        return True
    return any(marks[j] is not None and marks[j][0] >= 0
               for j in range(i + 1, min(len(paras), i + 1 + QUOTE_SPAN_PARAGRAPHS)))
