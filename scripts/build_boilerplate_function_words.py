#!/usr/bin/env python3
"""Build checks/boilerplate/reference/function_words.txt: the most frequent words of each language the
boilerplate family can tell from English, less the words English uses too.

A short line in another language inside an English article (a widget of the original page) has
its language's function words ('sie', 'auch', 'nuestro', 'un'); a name or a product ("Marvin
Löbel", "Fittonia albivenis") has none. BP205 counts them (line_scores.py).

Source: wordfreq (https://github.com/rspeer/wordfreq), its `top_n_list` of each language.
wordfreq's code is MIT-licensed; its word lists are CC BY-SA 4.0 (they include data from
Wikipedia, OpenSubtitles, the Leeds Internet Corpus, Google Books, Twitter, Reddit and others;
see wordfreq's README). The data file credits it at its top.

    python scripts/build_boilerplate_function_words.py    # rewrites the data file
"""
from __future__ import annotations

from pathlib import Path

#: The languages (wordfreq codes; langdetect says 'no' for Norwegian Bokmål, wordfreq 'nb').
LANGUAGES = ["es", "pt", "fr", "de", "it", "pl", "tr", "vi", "id", "nl", "sv", "da", "nb", "fi",
             "cs", "ro", "hu", "hr", "sk", "ca"]
#: The most frequent words of a language are its function words (300: a widget line in another
#: language held one in 44 of 108 test lines with 300, 36 with 120) ...
TOP = 300
#: ... less those English uses among its most frequent words ('a', 'in', 'die', 'son').
ENGLISH_TOP = 8000
#: Particles of personal names ('Juan de la Cruz', 'Ludwig van Beethoven'): a name is no sentence.
NAME_PARTICLES = {"de", "la", "le", "du", "des", "del", "della", "di", "da", "dos", "das", "van",
                  "von", "der", "den", "ter", "el", "al", "bin", "ibn", "y", "e"}
OUT = Path(__file__).resolve().parent.parent / "checks" / "boilerplate" / "reference" / "function_words.txt"


def build() -> str:
    from wordfreq import top_n_list

    english = set(top_n_list("en", ENGLISH_TOP))
    lines = ["# The most frequent words of each language less English's (BP205: a line in another language).",
             "# Built by scripts/build_boilerplate_function_words.py from wordfreq's top_n_list",
             f"# (top {TOP} words a language, less the top {ENGLISH_TOP} of English and name particles).",
             "# Source: wordfreq, https://github.com/rspeer/wordfreq (code MIT; word lists CC BY-SA 4.0).",
             "# One line a language: code, a colon, the words separated by spaces."]
    for code in LANGUAGES:
        words = [w for w in top_n_list(code, TOP) if w not in english and w not in NAME_PARTICLES
                 and w.isalpha()]
        lines.append(f"{'no' if code == 'nb' else code}: {' '.join(words)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT}")
