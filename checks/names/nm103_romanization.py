"""NM103: a name in a non-standard romanization, where the standard form is known."""
from __future__ import annotations

from functools import partial

from auditor.api import UNSAFE, CorpusCheck, Edit, Finding, Option
from auditor.examples import DataExample

from .extract import doc_names
from .frequency import ZIPF_TIE, zipf
from .house_list import SETTINGS, house_list
from .romanize import (TABLES, looks_japanese, old_chinese_to_pinyin, russian_markers, russian_to_ukrainian,
                       table, to_hepburn, ukrainian_spellings)
from .table import spelling_table

#: A Japanese-looking word at least this frequent (Zipf) is an English word or an established
#: spelling, not a misromanized name (the default of the `max-zipf` option).
MAX_ZIPF = 1.0
#: The Hepburn form must be at least this frequent (Zipf) to be evidence on its own: a known name.
MIN_HEPBURN_ZIPF = 1.0
#: A Russian-route surname at least this frequent (Zipf) is an established English spelling of
#: the name, left alone.
MAX_SURNAME_ZIPF = 2.0


class NonStandardRomanization(CorpusCheck):
    """A name romanized by a non-standard route, where the standard form is known.

    Japanese names that came through Russian or Kunrei-shiki (si->shi, ti->chi, tu->tsu, hu->fu,
    dz/zi->z/ji, sy/ty->sh/ch: "Isiba" -> "Ishiba", "Sidzuoka" -> "Shizuoka") are reported when
    the word is made of Japanese syllables only, the article is about Japan, the word is not a
    known word (`max-zipf`) and the Hepburn form is a known name or used in the files audited
    together. Ukrainian names that came through Russian (Kiev, Elena, Dovganyuk) and older Chinese
    romanizations (Peking) are reported only when a file audited together uses the standard form
    (for a first name, with the same surname): "Elena" alone may be a Russian."""

    code = "NM103"
    family = "names"
    settings = SETTINGS
    summary = "Name in a non-standard romanization"
    severity = "warning"
    options = {"max_zipf": Option(MAX_ZIPF, "a Japanese-looking word at least this frequent (Zipf) "
                                            "is left alone")}

    def collect(self, doc):
        names = doc_names(doc)
        ru = russian_to_ukrainian()
        old = old_chinese_to_pinyin()
        uk_first = {v[0] for v in ru.values() if v[1] == "first"}
        candidates = []
        for i, t in enumerate(names.tokens):
            w = t.text
            nxt = names.tokens[i + 1].text if i + 1 < len(names.tokens) and \
                doc.text[t.end:names.tokens[i + 1].start] == " " else ""
            if doc.in_quote(t.start, t.end):
                continue
            if w in ru or w in old:
                candidates.append(("table", w, nxt, t.start, t.end))
            elif "japan" in names.context and looks_japanese(w) and to_hepburn(w) != w:
                candidates.append(("japanese", w, nxt, t.start, t.end))
            elif "ukraine" in names.context and t.confident and russian_markers(w):
                candidates.append(("surname", w, nxt, t.start, t.end))
        pairs = {(t.text, names.tokens[i + 1].text) for i, t in enumerate(names.tokens[:-1])
                 if t.text in uk_first}
        return {"docs": [(doc.path, candidates)], "names": set(spelling_table(doc)), "pairs": pairs}

    def empty(self):
        return {"docs": [], "names": set(), "pairs": set()}

    def merge(self, a, b):
        a["docs"].extend(b["docs"])
        a["names"] |= b["names"]
        a["pairs"] |= b["pairs"]
        return a

    def finalize(self, summary):
        protected = house_list(self.settings).protected
        corpus = summary["names"]
        pairs = summary["pairs"]
        for path, candidates in sorted(summary["docs"], key=lambda d: d[0]):
            for kind, w, nxt, s, e in candidates:
                if w in protected:
                    continue
                found = self._standard(kind, w, nxt, corpus, pairs)
                if found:
                    standard, message = found
                    yield path, Finding(s, e, message, (Edit(s, e, standard),), UNSAFE)

    def _standard(self, kind, w, nxt, corpus, pairs) -> tuple[str, str] | None:
        """(standard spelling, message) when the evidence is strong enough, else None."""
        if kind == "japanese":
            hep = to_hepburn(w)
            zw, zh = zipf(w), zipf(hep)
            if zw < self.opts.max_zipf and (hep in corpus or zh >= MIN_HEPBURN_ZIPF and zh > zw + ZIPF_TIE):
                where = "used in the files audited together" if hep in corpus else "a known name"
                return hep, (f"'{w}' looks like a Japanese name romanized through Russian or Kunrei-shiki; "
                             f"the standard (Hepburn) spelling '{hep}' is {where}")
            return None
        if kind == "surname":
            options = sorted(c for c in ukrainian_spellings(w)
                             if c in corpus and russian_markers(c) < russian_markers(w))
            if options and zipf(w) < MAX_SURNAME_ZIPF:
                return options[0], (f"'{w}' looks like a Ukrainian surname transliterated from Russian; "
                                    f"the Ukrainian spelling '{options[0]}' is used in the files audited together")
            return None
        ru = russian_to_ukrainian()
        if w in ru:
            uk, what = ru[w]
            if what == "place" and uk in corpus:
                return uk, (f"'{w}' is the Russian-based spelling of a Ukrainian place; '{uk}' is used "
                            f"in the files audited together")
            if what == "first" and nxt and any((uk, s) in pairs for s in {nxt} | ukrainian_spellings(nxt)):
                return uk, (f"'{w} {nxt}' has the Russian form of a Ukrainian first name; '{uk}' is used "
                            f"with that surname in the files audited together")
            return None
        pinyin = old_chinese_to_pinyin().get(w)
        if pinyin and pinyin in corpus:
            return pinyin, (f"'{w}' is an older Chinese romanization; the pinyin '{pinyin}' is used in the "
                            f"files audited together")
        return None

    @classmethod
    def data_examples(cls) -> list[DataExample]:
        out = []
        for name in TABLES:
            for entry in table(name):
                source = f"data/{name}: {entry.spelling}"
                fires = partial(_entry_fires, cls, entry)
                out.append(DataExample(source, entry.example, True, fires))
                out.append(DataExample(source, entry.counter_example, False, fires))
        return out


def _entry_fires(cls, entry, text: str) -> bool:
    """Whether the check, run on `text` as a corpus of one article, changes the entry's spelling
    into its standard form."""
    from auditor.document import Document

    check = cls()
    doc = Document("example.txt", text)
    summary = check.merge(check.empty(), check.collect(doc))
    return any(doc.text[f.start:f.end] == entry.spelling and f.edits and f.edits[0].replacement == entry.standard
               for _, f in check.finalize(summary))
