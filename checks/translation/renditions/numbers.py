"""Numbers as renditions state them, normalised to one value so that '4,000', '4 000', 'four
thousand', '4k' and '4.0 thousand' compare equal, and '1.2 million' equals '1,200,000': digits
with thousands separators (comma, space, thin space), decimals, scale words and suffixes
(thousand, million, billion, trillion, mn, bn; not 'm' or 'k', which are also units), and numbers written out in words. Units,
currencies and percent signs around a number do not change its value. Clock times are left out."""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor import compiled
from auditor.records import tuple_record

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
           "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000}
_NUMBER_WORDS = "|".join(sorted(list(_ONES) + list(_TENS) + ["hundred", "thousand", "million", "billion", "trillion"],
                                key=len, reverse=True))
# Digits: 4,000 / 4 000 / 4.5 / 12; then an optional scale word or suffix.
_DIGITS = compiled.regex(
    r"(?<![\w.,:])(\d{1,3}(?:(?:,|[ \u00a0\u202f](?=\d{3}\b))\d{3}){1,4}|\d{1,12}(?:\.\d{1,4})?)"
    r"(?:[ \u00a0]?(thousand|million|billion|trillion|mln|bln|mn|bn)\b|(?![\w:]|[.,]\d))", re.I)
_WORDS = compiled.regex(r"\b(?:" + _NUMBER_WORDS + r")(?:[ \-](?:and[ ])?(?:" + _NUMBER_WORDS + r")){0,6}\b", re.I)
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS.split("|"))
_LETTER_RUN = compiled.regex(r"[a-z]+")
ANY_DIGIT = compiled.regex(r"\d")
_CLOCK = compiled.regex(r"\s{0,2}(?:a\.?m\b|p\.?m\b|o'clock|hours?\b|local time)", re.I)
# Compiled once here: a pattern passed to re.sub or re.split as a string is looked up in re's
# cache at every call, a number at a time.
_SEPARATORS = compiled.regex(r"[,\s\u00a0\u202f]")
_WORD_BREAKS = compiled.regex(r"[ \-]+")


@tuple_record
class Number:
    start: int
    end: int
    value: str      # canonical: '4000', '2.9'


def canonical(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _words_value(text: str) -> float | None:
    total, current = 0, 0
    seen = False
    for w in _WORD_BREAKS.split(text.lower()):
        if w == "and":
            continue
        if w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def writes_number(word: str) -> bool:
    """Whether the lowercase word (a run of letters, apostrophes and hyphens) writes a number
    in words, or part of one ('seven', 'twenty-one')."""
    return word in _NUMBER_WORD_SET or (not word.isalpha()
                                        and not _NUMBER_WORD_SET.isdisjoint(_LETTER_RUN.findall(word)))


def numbers(text: str, written: bool | None = None) -> Iterator[Number]:
    """The numbers of `text`, in order, with their values; clock times left out. `written`:
    whether one of the words of `text` `writes_number`, when the caller has looked its words up:
    it tells cheaply whether a number is written out in words."""
    taken: list[tuple[int, int]] = []
    digits = ANY_DIGIT.search(text) is not None
    for m in _DIGITS.finditer(text) if digits else ():
        if _CLOCK.match(text, m.end(1)):
            continue
        raw = _SEPARATORS.sub("", m.group(1))
        try:
            value = float(raw)
        except ValueError:
            continue
        if m.group(2):
            value *= _SCALES[m.group(2).lower()]
        taken.append((m.start(), m.end()))
        yield Number(m.start(), m.end(), canonical(value))
    if written is None:
        written = not _NUMBER_WORD_SET.isdisjoint(_LETTER_RUN.findall(text.lower()))
    if not written:
        return  # no number written out in words
    for m in _WORDS.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = _words_value(m.group())
        if value is not None and not _CLOCK.match(text, m.end()):
            yield Number(m.start(), m.end(), canonical(value))
