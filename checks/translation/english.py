"""Which lines of a document are in English at all. A line entirely in another language (a cookie
banner in Portuguese, a caption in Indonesian, a title quoted in Polish) is a widget or a
quotation, which the boilerplate family reports; the translation checks judge English sentences
only, so they leave such lines alone."""
from __future__ import annotations

import math
import re
from bisect import bisect_right

from auditor.lexicon import english_frequencies
from auditor.text import STOPWORDS

from .language import detect_language

#: A line of fewer words says too little about its language.
MIN_WORDS = 5
#: English prose has about four function words in ten; a line is a candidate with at most this
#: share of English function words ...
MAX_FUNCTION_SHARE = 0.25
#: ... whose words are on average rare in English (English prose averages above 4 on wordfreq's
#: Zipf scale, a line of another language below 3, unknown words counting 0) ...
MAX_MEAN_ZIPF = 3.2
#: ... and mostly lowercase (a line of capitalised words is a list of names or products): then
#: the language detector is asked, and must name another language.
MIN_LOWERCASE_SHARE = 0.5
MIN_PROBABILITY = 0.95
# Lines of code, tables, paths and addresses are no language at all.
_CODE = re.compile(r"[|`{}<>=@#$_\\]|//|\w/\w")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def foreign_lines(doc) -> list[tuple[int, int]]:
    """(start, end) of the lines of `doc.text` that are entirely in another language, in order."""
    return doc.memo("translation.foreign_lines", _foreign_lines)


def _foreign_lines(doc) -> list[tuple[int, int]]:
    out = []
    for line in doc.lines:
        words = _WORD.findall(line.text)
        if len(words) < MIN_WORDS or _CODE.search(line.text):
            continue
        if sum(w[0].islower() for w in words) < MIN_LOWERCASE_SHARE * len(words):
            continue
        lows = [w.lower().replace("’", "'") for w in words]
        function = sum(w in STOPWORDS for w in lows)
        if function > MAX_FUNCTION_SHARE * len(lows):
            continue
        if sum(map(english_zipf, lows)) > MAX_MEAN_ZIPF * len(lows):
            continue
        lang, prob = detect_language(line.text)
        if lang and lang != "en" and prob >= MIN_PROBABILITY:
            out.append((line.start, line.end))
    return out


def english_zipf(word: str) -> float:
    """The word's frequency on wordfreq's Zipf scale (log10 per billion words); 0 when unknown."""
    freq = english_frequencies().get(word)
    return max(0.0, math.log10(freq * 1e9)) if freq else 0.0


def in_foreign_line(doc, start: int, end: int) -> bool:
    """The span [start, end) lies in a line entirely in another language."""
    lines = foreign_lines(doc)
    if not lines:
        return False
    i = bisect_right(lines, (start, float("inf"))) - 1
    return i >= 0 and lines[i][0] <= start and end <= lines[i][1]


def english_findings(doc, findings):
    """The findings that do not lie in a line entirely in another language."""
    for f in findings:
        if not in_foreign_line(doc, f.start, f.end):
            yield f
