"""Checks used only by the foundation tests: registered through a throw-away dist-info that the
tests write into a temporary folder on sys.path (the `auditor.checks` entry-point group)."""
import re

from auditor.api import UNSAFE, Analysis, Check, CorpusCheck, Edit, Finding, Option, Related, SpellingGroup, Spelling


class MarkedWord(Check):
    """Flags every occurrence of one word (default 'wrongword'): a predictable finding whose
    offsets the tests can compute by hand."""

    code = "ZZ101"
    family = "testing"
    summary = "A marked word occurs"
    severity = "warning"
    options = {
        "word": Option("wrongword", "the word to flag"),
        "min_count": Option(1, "report only from this many occurrences on"),
        "ratio": Option(0.5, "an unused float option"),
        "tags": Option(["a"], "an unused list option"),
    }

    def check(self, doc):
        hits = [m for m in re.finditer(r"\b%s\b" % re.escape(self.opts.word), doc.text)]
        if len(hits) < self.opts.min_count:
            return
        for m in hits:
            yield Finding(m.start(), m.end(), f"'{m.group()}' is marked",
                          edits=(Edit(m.start(), m.end(), "right word"),), applicability=UNSAFE)


class ErrorWord(Check):
    """Flags 'fatalword' with error severity."""

    code = "ZZ102"
    family = "testing"
    summary = "A word that is an error"
    severity = "error"

    def check(self, doc):
        for m in re.finditer(r"\bfatalword\b", doc.text):
            yield Finding(m.start(), m.end(), "fatal word", edits=(doc.line_removal(m.start(), m.end()),))


class InfoWord(Check):
    """Flags 'noteword' with info severity."""

    code = "ZZ103"
    family = "testing"
    summary = "A word worth a note"
    severity = "info"

    def check(self, doc):
        for m in re.finditer(r"\bnoteword\b", doc.text):
            yield Finding(m.start(), m.end(), "note word")


class Crashes(Check):
    """Raises on a document that contains 'crashword'; the engine must survive it."""

    code = "ZZ104"
    family = "testing"
    summary = "A check that crashes"

    def check(self, doc):
        if "crashword" in doc.text:
            raise RuntimeError("boom")
        return iter(())


class SharedName(CorpusCheck):
    """Map/reduce: every capitalised 'Zed…' word found in more than one file is reported in
    each file, with the other files' occurrences as related places."""

    code = "ZZ201"
    family = "testing"
    summary = "A Zed-word is shared across files"

    def collect(self, doc):
        return [(doc.path, m.group(), m.start(), m.end()) for m in re.finditer(r"\bZed[a-z]{0,20}\b", doc.text)]

    def finalize(self, summary):
        by_word = {}
        for path, word, start, end in summary:
            by_word.setdefault(word, []).append((path, start, end))
        for word, places in sorted(by_word.items()):
            if len({p for p, _, _ in places}) < 2:
                continue
            for path, start, end in places:
                related = tuple(Related(p, s, e, "also here") for p, s, e in places if p != path)
                yield path, Finding(start, end, f"'{word}' also in other files", related=related)

    def corpus_data(self, summary):
        words = sorted({w for _, w, _, _ in summary})
        return [SpellingGroup(words[0], tuple(Spelling(w, 1, ()) for w in words))] if words else []


class ZedWords(Analysis):
    """Shared: every Zed-word and the files it is in (two checks use it)."""

    name = "zedwords"
    family = "testing"
    options = {"prefix": Option("Zed", "what the words start with")}

    def collect(self, doc):
        return [(doc.path, m.group(), m.start(), m.end())
                for m in re.finditer(r"\b%s[a-z]{0,20}\b" % self.opts.prefix, doc.text)]

    def finalize(self, summary):
        self.finalized = getattr(self, "finalized", 0) + 1
        assert self.finalized == 1, "an analysis is finalized once per run"
        return sorted(summary)


class FirstZed(CorpusCheck):
    code = "ZZ202"
    family = "testing"
    summary = "The first Zed-word of the corpus"
    uses = (ZedWords,)

    def finalize(self, summary):
        words = self.analysis(ZedWords)
        if words:
            path, word, start, end = words[0]
            yield path, Finding(start, end, f"'{word}' comes first")


class LastZed(CorpusCheck):
    code = "ZZ203"
    family = "testing"
    summary = "The last Zed-word of the corpus"
    uses = (ZedWords,)
    settings = {"marker": Option("last", "a family setting"), "word_list": Option("", "a file", path=True)}

    def finalize(self, summary):
        words = self.analysis(ZedWords)
        if words:
            path, word, start, end = words[-1]
            yield path, Finding(start, end, f"'{word}' comes {self.settings.marker}")


class BadCode(Check):
    code = "bad"
    family = "testing"
    summary = "declares a code that is not a prefix plus digits"


CHECKS = [MarkedWord, ErrorWord, InfoWord, Crashes, SharedName, FirstZed, LastZed]
BAD = [BadCode]
NOT_A_CHECK = object
