"""BP202: a line that is only a URL, only a time stamp or only a tag."""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import UNSAFE
from auditor.text import STOPWORDS, clip, is_title_case

from .line_verdicts import Verdict, VerdictCheck

#: A time stamp line is short; a longer line with a time in it says something.
TIMESTAMP_MAX_CHARS = 60
#: A tag is a word or two: '[VIDEO]', '18+', 'BREAKING'.
TAG_MAX_CHARS = 30


_URL_ONLY = compiled.regex(r"^(?:https?://|www\.)\S{1,2000}$", re.I)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|UTC|MSK|JST|CET|EST|ET|PT)(?:[+-]\d{1,2})?)?"
_DATE = (r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
         r"|(?:\d{1,2}\s)?[A-Za-zА-Яа-яё]{3,10}\.?\s\d{1,2}(?:st|nd|rd|th)?,?(?:\s\d{4})?"
         r"|\d{1,2}\s[A-Za-zА-Яа-яё]{3,10}\.?(?:\s\d{4})?)")
_TIMESTAMP_ONLY = compiled.regex(rf"^(?:(?:updated|published|posted|обновлено|опубликовано)\s?:?\s)?"
                                 rf"(?:{_DATE}[,\s|–—-]{{0,4}})?{_TIME}(?:[,\s|–—-]{{0,4}}{_DATE})?$", re.I)
# A bracketed tag starts with a capital or a digit ('[VIDEO]', '(To the Review)', '【速報】');
# a bracketed lowercase word ('(optional)') is a note of the text.
_TAG_ONLY = compiled.regex(r"^(?:[\[(【]\s?(?:[A-Z0-9]|[^\x00-\x7f])[\w+ ]{0,19}\s?[\])】]|\d{1,2}\+"
                           r"|(?:VIDEO|PHOTOS?|GALLERY|LIVE|UPDATED?|BREAKING|EXCLUSIVE|ВИДЕО|ФОТО)[:!]?)$")


class StrayToken(VerdictCheck):
    """A line that is only a URL, only a time stamp (a time, perhaps with a date or 'Updated:'),
    or only a tag such as [VIDEO], BREAKING or 18+ (a bracketed lowercase note such as
    '(optional)' is not a tag): left by the page, it says nothing in the text. A line that
    mentions a URL or a time inside a sentence is left alone, and so is a URL that the line above
    introduces (a source's name in Title Case followed by a colon, 'Forbes:') or that ends the
    sentence the line above leaves open on a function word ('… through the web interface at'),
    unless that line is widget text.

    Fix (unsafe): remove the line; only its shape says it is residue."""

    code = "BP202"
    summary = "Line is only a URL, time stamp or tag"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        for ln in lay.lines:
            if ln.index in claimed or ln.index == 0:
                continue
            text = ln.text.replace("\xa0", " ").strip()
            if _URL_ONLY.match(text):
                if _introduced(lay, ln.index, claimed):
                    continue
                what = "a bare URL"
            elif len(text) <= TIMESTAMP_MAX_CHARS and _TIMESTAMP_ONLY.match(text):
                what = "a bare time stamp"
            elif len(text) <= TAG_MAX_CHARS and _TAG_ONLY.match(text):
                what = "a bare tag"

            else:
                continue
            claimed[ln.index] = Verdict(cls.code, ln.start, ln.end,
                                        f"'{clip(text)}' is {what} on a line of its own, left by the page")


def _introduced(lay, i: int, claimed) -> bool:
    """The line above introduces the URL: it names a source (Title Case) and ends in a colon, or
    it leaves its sentence open on a function word ('at', 'from'); a cited source of the article,
    not residue (widget text above, 'Follow us:', claims nothing here; an instruction, 'Copy and
    paste:', is not a source's name)."""
    if i < 1 or i - 1 in claimed:
        return False
    above = lay.lines[i - 1]
    text = above.text.rstrip()
    if not text or not above.words or _URL_ONLY.match(text):
        return False
    if text.endswith(":"):
        return is_title_case(above.words)
    return text[-1].isalpha() and above.words[-1] in STOPWORDS
