#!/usr/bin/env python3
"""Build checks/translation/data/word_classes.tsv: which word classes an English word form can
belong to, for the translation family's verb and part-of-speech tests.

Source: the lemma and inflection tables of `lemminflect` (https://github.com/bjascob/LemmInflect,
MIT licence, Copyright (c) 2019 Brad Jascob; its tables derive from the Automatically Generated
Inflection Database (AGID) and the SPECIALIST lexicon). Only word forms that `wordfreq` (Apache-2.0;
its data CC-BY-SA 4.0) rates at least MIN_ZIPF are kept, so the file stays small.

Each line: a lowercase word form, a tab, its classes as letters:
  f  can be a finite verb (base/present, -s present or past tense form of a verb or auxiliary)
  p  a participle or gerund that is not also a finite form (taken, taking)
  n  a noun form      a  an adjective      r  an adverb

    python scripts/build_word_classes.py            # writes the data file
    python scripts/build_word_classes.py --check    # exits 1 when the file is out of date
"""
from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

MIN_ZIPF = 2.5  # words rarer than about 3 in 10 million tokens are left out (file size)
OUT = Path(__file__).resolve().parent.parent / "checks" / "translation" / "data" / "word_classes.tsv"
HEADER = ("# Word classes of English word forms (f finite verb, p participle only, n noun, a adjective, "
          "r adverb).\n# Built by scripts/build_word_classes.py from lemminflect (MIT, (c) 2019 Brad Jascob; "
          "AGID/SPECIALIST data), filtered with wordfreq (zipf >= %.1f). Do not edit by hand.\n" % MIN_ZIPF)


def build() -> str:
    import lemminflect
    from wordfreq import zipf_frequency
    res = Path(lemminflect.__file__).parent / "resources"
    classes: dict[str, set[str]] = defaultdict(set)
    finite: set[str] = set()
    nonfinite: set[str] = set()
    with gzip.open(res / "infl_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            lemma, upos, *forms = row
            if upos in ("verb", "aux"):
                finite.add(lemma.lower())
                if len(forms) >= 4:
                    vbd, vbn, vbg, vbz = forms[:4]
                    for f in vbd.split("/") + vbz.split("/"):
                        if f:
                            finite.add(f.lower())
                    for f in vbn.split("/") + vbg.split("/"):
                        if f:
                            nonfinite.add(f.lower())
    with gzip.open(res / "lemma_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            word, upos = row[0].lower(), row[1]
            letter = {"noun": "n", "adj": "a", "adv": "r"}.get(upos)
            if letter:
                classes[word].add(letter)
            if upos in ("verb", "aux") and word not in finite:
                nonfinite.add(word)
    for w in finite:
        classes[w].add("f")
    for w in nonfinite - finite:
        classes[w].add("p")
    lines = [f"{w}\t{''.join(sorted(c))}" for w, c in sorted(classes.items())
             if w.isalpha() and zipf_frequency(w, "en") >= MIN_ZIPF]
    return HEADER + "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = build()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 2} words")
