"""Readability figures of an article (textstat's Flesch reading ease and Flesch-Kincaid grade),
and what they mean in words for an editor."""
from __future__ import annotations

import re

from .page_model import Readability

#: Characters measured: the figures settle long before, and textstat stays fast.
SAMPLE = 200_000
#: Fewer words than this give figures that mean nothing.
MIN_WORDS = 10

_EASE_BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
               (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"))


def grade_in_words(grade: float) -> str:
    """What a Flesch-Kincaid grade level means to a reader (US school years)."""
    years = max(0, round(grade))
    if grade < 6:
        who = "easy: a primary-school reader could follow it"
    elif grade < 9:
        who = "plain: readable by a 12- to 14-year-old (the level most news aims for)"
    elif grade < 13:
        who = "fairly hard: needs a secondary-school education"
    elif grade < 17:
        who = "hard: written at university level"
    else:
        who = "very hard: postgraduate level; sentences are probably too long"
    return f"about {years} year{'s' * (years != 1)} of schooling needed to understand it on a first reading; {who}"


def readability(text: str) -> Readability | None:
    """textstat figures for the visible text, or None when there is too little to measure."""
    sample = text[:SAMPLE]
    if len(re.findall(r"[A-Za-z]{2,}", sample)) < MIN_WORDS:
        return None
    textstat = _textstat()
    try:
        ease = float(textstat.flesch_reading_ease(sample))
        grade = float(textstat.flesch_kincaid_grade(sample))
        words = int(textstat.lexicon_count(sample))
        sentences = int(textstat.sentence_count(sample))
    except Exception:  # textstat is not robust on every input; the page stays useful without it
        return None
    ease_words = next(label for floor, label in _EASE_BANDS if ease >= floor)
    return Readability(words, sentences, round(ease, 1), round(grade, 1), ease_words, grade_in_words(grade))


def _textstat():
    """textstat, imported only when a report is written (pinned to a release that counts syllables
    with pyphen alone: later ones download nltk's cmudict at run time)."""
    import textstat

    return textstat
