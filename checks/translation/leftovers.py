"""Leftovers of the source text or of the translation pipeline inside English sentences:
another script (Cyrillic, kana, hanzi), untranslated words, mojibake, doubled words, unbalanced
quotation marks, and the words "Quote"/"Unquote" read out from a transcript."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.api import Check, Edit, Finding, Option

from ._common import clip, detect_language, unknown_in_english

_SCRIPTS = (
    ("Cyrillic", "\u0400-\u04ff\u0500-\u052f"),
    ("Japanese kana", "\u3040-\u30ff\u31f0-\u31ff"),
    ("Chinese characters (hanzi/kanji)", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Korean hangul", "\uac00-\ud7af\u1100-\u11ff"),
    ("Arabic", "\u0600-\u06ff"),
    ("Hebrew", "\u0590-\u05ff"),
    ("Thai", "\u0e00-\u0e7f"),
    ("Devanagari", "\u0900-\u097f"),
)
_FOREIGN = re.compile("[" + "".join(r for _, r in _SCRIPTS) + r"](?:[\s\u00a0]{0,2}["
                      + "".join(r for _, r in _SCRIPTS) + "]){0,200}")
_SCRIPT_OF = [(name, re.compile("[" + r + "]")) for name, r in _SCRIPTS]
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _script_name(run: str) -> str:
    for name, rx in _SCRIPT_OF:
        if rx.search(run):
            return name
    return "a non-Latin script"


def _is_gloss(text: str, a: int, b: int) -> bool:
    """A native-script gloss in brackets or quotes ('Tokyo (東京)') is deliberate, not leftover."""
    before = text[max(0, a - 2):a].rstrip()
    after = text[b:b + 2].lstrip()
    if after[:1] == "(":
        return True  # followed by its transliteration or translation: 'тоска (toska)'
    return (before[-1:], after[:1]) in {("(", ")"), ("“", "”"), ('"', '"'), ("«", "»"), ("[", "]"),
                                        ("‘", "’"), ("「", "」"), ("(", ","), ("(", ";")}


class ForeignScript(Check):
    """Words in another script (Cyrillic, kana, hanzi, hangul, …) inside an English sentence:
    the translator left them untranslated. Glosses in brackets or quotes are allowed, and only
    sentences that are mostly Latin letters count as English."""

    code = "TR401"
    family = "translation"
    summary = "Untranslated words in another script inside an English sentence"
    severity = "error"

    def check(self, doc):
        for s in doc.sentences:
            runs = list(_FOREIGN.finditer(s.text))
            if not runs:
                continue
            foreign = sum(len(m.group()) for m in runs)
            latin = len(_LATIN_LETTER.findall(s.text))
            if latin < 10 or latin < 2 * foreign:
                continue  # a sentence in the other language, not English with leftovers
            for m in runs:
                if _is_gloss(s.text, m.start(), m.end()):
                    continue
                yield Finding(s.start + m.start(), s.start + m.end(),
                              f"'{clip(m.group(), 30)}' is in {_script_name(m.group())} inside an "
                              "English sentence: left untranslated")


_DOUBLED = re.compile(r"(?<![\w’'-])([a-z]{1,30})((?:[ \u00a0]{1,3}\1){1,20})(?![\w’'-])")
_DOUBLE_COMMA = re.compile(r"(?<=[^\W\d_]),[ \u00a0]?,(?=[ \u00a0][^\W\d_])")
# Grammatical ("was taken in in the church") or emphatic ("a really really long day") doublings.
_DOUBLING_ALLOWED = frozenset("had that is bye so in very etc really many much far long more no yes ha".split())


class DoubledWord(Check):
    """The same lowercase word twice in a row ("rooms rooms"): a decoding loop or a stutter of
    the translation engine. 'had had', 'that that', 'is is' and 'in in' are grammatical and allowed. Two
    commas in a row ("seasonings,, and") mark a word that was lost between them."""

    code = "TR402"
    family = "translation"
    summary = "Doubled word"
    severity = "warning"

    def check(self, doc):
        for m in _DOUBLED.finditer(doc.text):
            word = m.group(1)
            if word in _DOUBLING_ALLOWED:
                continue
            count = 1 + len(m.group(2).split())
            yield Finding(m.start(), m.end(),
                          f"'{word}' is repeated {count} times in a row: a stutter of the translation",
                          edits=(Edit(m.start(), m.end(), word),))
        for m in _DOUBLE_COMMA.finditer(doc.text):
            yield Finding(max(0, m.start() - 15), m.end(),
                          "two commas in a row: a word between them was lost in translation")


_MOJIBAKE_HINT = re.compile(r"[ÃÂÐÑâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


@lru_cache(maxsize=None)
def _ftfy():
    import ftfy
    return ftfy


class Mojibake(Check):
    """Text decoded with the wrong encoding ('â€™' for '’', 'Ð¡' for Cyrillic), recognised and
    repaired by ftfy. Only lines with the telltale byte pairs are given to ftfy."""

    code = "TR403"
    family = "translation"
    summary = "Mojibake (text decoded with the wrong encoding)"
    severity = "error"

    def check(self, doc):
        for line in doc.lines:
            if not _MOJIBAKE_HINT.search(line.text):
                continue
            fixed = _ftfy().fix_text(line.text)
            if fixed == line.text:
                continue
            for m in _MOJIBAKE_HINT.finditer(line.text):
                a, b = m.start(), m.end()
                while b < len(line.text) and not line.text[b].isspace() and b - a < 40:
                    b += 1
                yield Finding(line.start + a, line.start + b,
                              f"'{line.text[a:b]}' is mojibake (wrong text encoding); ftfy repairs "
                              f"the line as '{clip(fixed, 60)}'",
                              edits=(Edit(line.start + a, line.start + b, _ftfy().fix_text(line.text[a:b])),))
                break


class UnbalancedQuotes(Check):
    """A paragraph whose curly quotation marks do not pair up: a closing mark with no opening one,
    or an opening mark that no closing mark follows. Translation often loses one side of a
    quotation. A quotation may run over several paragraphs: an unclosed one is fine when the
    next paragraph reopens it (news style) or closes it (a translation split into one
    paragraph per source sentence), and a '“' at the very end of a paragraph is a closing mark
    typed the wrong way round, not an opening one."""

    code = "TR404"
    family = "translation"
    summary = "Unbalanced quotation marks"
    severity = "warning"

    def check(self, doc):
        paras = doc.paragraphs
        marks = [_unpaired(p.text) for p in paras]
        for i, p in enumerate(paras):
            if marks[i] is None:
                continue
            stray_close, open_at = marks[i]
            carried = i > 0 and marks[i - 1] is not None and marks[i - 1][1] >= 0
            if stray_close >= 0 and not carried:
                start = p.start + stray_close
                yield Finding(max(p.start, start - 20), start + 1,
                              "closing quotation mark '”' without an opening one in this "
                              "paragraph: part of the quotation was lost")
            if open_at >= 0 and not _continues(doc.text, paras, marks, i):
                start = p.start + open_at
                yield Finding(start, min(p.end, start + 20),
                              "opening quotation mark '“' is never closed: part of the "
                              "quotation was lost or run into the narrative")


def _unpaired(text: str) -> tuple[int, int] | None:
    """(offset of a closing mark with no opening one, offset of an opening mark left open), -1
    for none; None when the paragraph mixes straight marks in or nests quotations (guesswork)."""
    if '"' in text:
        return None
    depth, opened_at = 0, -1
    last = len(text.rstrip()) - 1
    for j, ch in enumerate(text):
        if ch == "“" and j == last:
            ch = "”"  # nothing follows it: a closing mark typed the wrong way round
        if ch == "“":
            if depth:
                return None
            depth, opened_at = 1, j
        elif ch == "”":
            if not depth:
                return j, -1
            depth = 0
    return -1, opened_at if depth else -1


def _continues(text: str, paras, marks, i: int) -> bool:
    """The next paragraph reopens the quotation or closes it."""
    if i + 1 >= len(paras):
        return False
    nxt = marks[i + 1]
    return text[paras[i + 1].start] in "“\"" or (nxt is not None and nxt[0] >= 0)


_QUOTE_WORD = re.compile(r"(?<![\w’'-])(Quote|Unquote|End quote|End of quote)(?=[\s\u00a0.,:;]{1,3}"
                         r"(?:[A-Z“\"]|$))", re.M)


class QuoteMarkerWord(Check):
    """The words "Quote", "Unquote", "End quote" written out as text ("Quote According to Kyodo
    News."): a transcript or source-language quotation marker translated as a word."""

    code = "TR405"
    family = "translation"
    summary = "'Quote'/'Unquote' written out as a word"
    severity = "warning"

    def check(self, doc):
        for m in _QUOTE_WORD.finditer(doc.text):
            if doc.in_quote(m.start(), m.end()):
                continue
            yield Finding(m.start(), m.end(),
                          f"'{m.group(1)}' is a quotation marker written out as a word: "
                          "residue of a transcript or of the source's quotation marks")


# A run of lowercase words that English does not know (zipf < 1) may be an untranslated phrase.
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿāēīōūčšžřěłńśźżőűçñ]{3,30}(?![\w’'-])")


class UntranslatedWords(Check):
    """A run of two or more lowercase words unknown to English word frequencies that a language
    detector (langdetect, seeded) assigns to another language with high confidence: words left
    untranslated in the source's Latin-script language or transliteration. Cheap prefilters
    (wordfreq) keep the detector to a handful of spans per article."""

    code = "TR406"
    family = "translation"
    summary = "Untranslated words in a Latin-script foreign language"
    severity = "warning"
    options = {"min_probability": Option(0.95, "langdetect probability needed to report"),
               "min_run": Option(2, "unknown words in a row needed to consider a span")}

    def check(self, doc):
        text = doc.text
        for s in doc.sentences:
            if doc.in_quote(s.start, s.end):
                continue
            run: list[re.Match] = []
            for m in list(_LOWER_WORD.finditer(s.text)) + [None]:
                if m is not None and unknown_in_english(m.group()) and (
                        not run or s.text[run[-1].end():m.start()].strip() == ""):
                    run.append(m)
                    continue
                if len(run) >= self.opts.min_run:
                    a, b = s.start + run[0].start(), s.start + run[-1].end()
                    lang, prob = detect_language(text[a:b])
                    if lang and lang != "en" and prob >= self.opts.min_probability:
                        yield Finding(a, b,
                                      f"'{clip(text[a:b], 40)}' looks untranslated ({lang}, "
                                      f"p={prob:.2f}): words English does not use")
                run = [m] if m is not None and unknown_in_english(m.group()) else []


CHECKS = [ForeignScript, DoubledWord, Mojibake, UnbalancedQuotes, QuoteMarkerWord,
          UntranslatedWords]
