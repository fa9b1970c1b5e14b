"""Which lines of a document are in English at all. A line entirely in another language (a cookie
banner in Portuguese, a caption in Indonesian, a title quoted in Polish) is a widget or a
quotation, which the boilerplate family reports; the translation checks judge English sentences
only, so they leave such lines alone."""
from __future__ import annotations

import math
import re
from bisect import bisect_right

from auditor import compiled
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
#: A line without a single English function word is a candidate up to this mean frequency: a
#: banner in French borrows English-looking words ("site", "cookies", "navigation", "pour").
MAX_MEAN_ZIPF_NO_FUNCTION = 3.8
#: A line whose words are on average this rare in English is another language even when names
#: fill it (a caption: "Warga melintasi banjir di Jalan Raya Bogor, Jawa Barat, Senin"): a
#: quarter of its words in lowercase is enough then.
RARE_MEAN_ZIPF = 2.2
MIN_LOWERCASE_SHARE_RARE = 0.25
#: A short line (a banner's buttons: "Accepter les cookies ? Tout refuser !") says too little for
#: the detector; it counts as foreign next to a foreign line (at most this many lines away) when
#: it holds no English function word and its words are this rare in English on average.
NEIGHBOUR_LINES = 2
NEAR_MAX_MEAN_ZIPF = 3.0
# Lines of code, tables, paths and addresses are no language at all (a slash between lowercase
# letters is a path; a date such as 3/3/2025 or a credit such as FOTO/Name is not).
_CODE = compiled.regex(r"[|`{}<>=@#$_\\]|//|[a-z]/[a-z]")
_WORD = compiled.regex(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def foreign_lines(doc) -> list[tuple[int, int]]:
    """(start, end) of the lines of `doc.text` that are entirely in another language, in order."""
    return doc.memo("translation.foreign_lines", _foreign_lines)


def _foreign_lines(doc) -> list[tuple[int, int]]:
    out = []
    # (index, line, its words): lines without a function word, which the detector cannot settle;
    # foreign beside a foreign line when rare enough in English (asked only then: seldom)
    near = []
    found = set()
    for i, line in enumerate(doc.lines):
        words = _WORD.findall(line.text)
        if not words:
            continue
        # the words lowercased at once, joined by a line break (which no word holds, and which
        # keeps a word's last letter from reading as mid-word to `lower`)
        lows = "\n".join(words).lower().replace("’", "'").split("\n")
        function = sum(map(STOPWORDS.__contains__, lows))
        candidate = len(words) >= MIN_WORDS and function <= MAX_FUNCTION_SHARE * len(lows)
        if function and not candidate:
            continue  # English prose: its words' frequencies would decide nothing
        if _CODE.search(line.text):
            continue  # code, a table, a path: no language (asked after prose, the most lines)
        if not function:
            near.append((i, line, lows))
        if not candidate:
            continue
        zipf = sum(map(english_zipf, lows))
        if zipf > (MAX_MEAN_ZIPF if function else MAX_MEAN_ZIPF_NO_FUNCTION) * len(lows):
            continue
        lower = MIN_LOWERCASE_SHARE_RARE if zipf <= RARE_MEAN_ZIPF * len(lows) else MIN_LOWERCASE_SHARE
        if sum(w[0].islower() for w in words) < lower * len(words):
            continue
        lang, prob = detect_language(line.text)
        if lang and lang != "en" and prob >= MIN_PROBABILITY:
            found.add(i)
            out.append((line.start, line.end))
    if found and near:
        out.extend((line.start, line.end) for i, line, lows in near if i not in found and
                   any(i + d in found for d in range(-NEIGHBOUR_LINES, NEIGHBOUR_LINES + 1))
                   and sum(map(english_zipf, lows)) <= NEAR_MAX_MEAN_ZIPF * len(lows))
        out.sort()
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
