"""Phrase families: the wording of widgets, credits, notices and attributions, read from the data
files in `data/` (one family a file), and how a family applies to a line of a document.

A data file is a few `key: value` headers, then entries. An entry is a `pattern:` line followed by
an `example:` line (a line the pattern matches, as the check uses it) and a `counterexample:` line
(a realistic line of article prose that has the widget's words and that no pattern of the family
may match); the tests try both (`data_examples()` of the checks), and the parser rejects an entry
without them. Patterns are Python regexes matched case-insensitively against one whole line
(anchor them with ^ and $ as needed); they must not nest quantifiers over overlapping classes, and
repetitions are bounded.

Headers:
  family     name of the family ("comment form"), listed by `auditor explain`
  code       the BP code that reports the family (BP101 widget, BP102 credit, BP103 notice,
             BP104 attribution, BP203 section label)
  what       what a matched line is, as the message says it ("a comment-form prompt")
  about      one line for `auditor explain`
  max_words  longer lines are never matched (real sentences are long, widget text is short)
  position   any | lead (between headline and body) | edges (lead or tail) | tail (the run of
             short or widget lines that ends the text)
  case       insensitive (default) | sensitive: then [A-Z] means a capital; use (?i:...) for words

A pattern may name the residue in a group `(?P<residue>...)`: when the rest of the line is text of
its own ("Jump To DetailsBest Thumb-Style Trackball"), the finding and its fix cover only that part.

The files in `data/` hold the English wording of each family and define it (its headers). The
same families in other languages are one file per language, `data/languages/<code>.txt`:

  language   the language's code (es, zh, ...) and, after it, its name ("es Spanish")
  cues       words of the language's widgets, one of which a document must hold for the file's
             patterns to be tried (a cheap prefilter: an English article compiles none of them);
             with `script: unspaced` (Chinese, Japanese) a cue is looked for inside the lines
  section    the family the entries below it belong to (its `family:` name)

A new language is one such file; a new family is one file in `data/` (and a section in the
language files that know its wording). Every example of a language file must hold a cue.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import chain

from auditor import compiled
from auditor.datafiles import beside, listed, read_text
from auditor.records import field, record, replace

from . import grammar, literals
from .layout import Layout, Line, words

DATA = beside(__file__, "data")
LANGUAGES = os.path.join(DATA, "languages")
#: Longer lines are never widget text, and no pattern is tried on them (they may be megabytes).
MAX_LINE_CHARS = 1200
#: What a family matches when its file does not say (real sentences are longer).
DEFAULT_MAX_WORDS = 30
POSITIONS = ("any", "lead", "edges", "tail")
#: Characters that may stand beside a residue without being text of their own.
_RESIDUE_SEPARATORS = " \t\xa0|·•:;,-–—»›>→"

_HEADERS = ("family", "code", "what", "about", "max_words", "position", "case")
_LANGUAGE_HEADERS = ("language", "cues", "script")
_HEADER = compiled.regex(rf"^({'|'.join(_HEADERS + _LANGUAGE_HEADERS)})\s*:\s*(.*)$")
_WORDS = compiled.regex(r"^words\s+([a-z_][a-z0-9_]*)\s*:\s*(.*)$")
_ENTRY = compiled.regex(r"^(pattern|template|example|counterexample|section)\s*:\s?(.*)$")
_RESIDUE_GROUP = "(?P<residue>"
ENGLISH = "en"
_ENGLISH_ONLY = (ENGLISH,)


@record
class Pattern:
    """One pattern of a family. Its example, counter-example and place are the tests' and empty in
    the patterns a run reads (`_parse_for_runs`)."""

    source: str
    example: str
    counterexample: str
    where: str             # "data/comments.txt:12", the line of the pattern
    flags: int = re.I
    language: str = "en"

    @cached_property
    def regex(self) -> re.Pattern:
        """Compiled on first use: a line reaches the single patterns only after the family's
        combined pattern matched it, so a one-file run compiles few of them."""
        return compiled.regex(self.source, self.flags)


@record
class Language:
    """The widget wording of one language (`data/languages/<code>.txt`)."""

    code: str
    name: str
    cues: frozenset[str]
    unspaced: bool
    path: str
    #: slot -> the language's words for it (grammar.py); emptied once the templates are filled
    vocab: dict[str, list[str]] = field(default_factory=dict)
    #: template name -> its entry (example, counterexample, where) in the language file; emptied
    #: once the templates are filled
    template_examples: dict[str, dict] = field(default_factory=dict)

    def cued(self, doc_words: frozenset[str], short_text: str) -> bool:
        """Whether a document may hold widget text of the language: one of its cues is a word of
        it (or, in an unspaced script, occurs in its short lines)."""
        if self.unspaced:
            return self._cue_search is not None and self._cue_search(short_text) is not None
        return not self.cues.isdisjoint(doc_words)

    @cached_property
    def _cue_search(self):
        """The cues of an unspaced script as one pattern: one scan of the text finds any of them
        (a substring search a cue scanned it fifty times)."""
        if not self.cues:
            return None
        return compiled.regex("|".join(re.escape(c) for c in sorted(self.cues))).search


@record
class Family:
    name: str
    code: str
    what: str
    about: str
    path: str
    max_words: int = DEFAULT_MAX_WORDS
    position: str = "any"
    patterns: list[Pattern] = field(default_factory=list)
    #: language code -> the family's patterns in that language (data/languages/)
    foreign: dict[str, list[Pattern]] = field(default_factory=dict)
    flags: int = re.I
    #: language code -> _combined_for(language), built on first use (match() reads it for each
    #: line: a dictionary lookup, not a call)
    combined: dict[str, "_Combined"] = field(default_factory=dict, repr=False, compare=False)

    def _combined_for(self, language: str) -> "_Combined":
        """The family's patterns in a language as regexes, built on first use: those that fail
        at the first character of most lines (anchored, starting with a literal), tried as they
        are; and the others (searched along the line, or scanning it: _SlowPatterns), tried only
        when the line holds one of the literals they need (literals.py)."""
        cache = self.combined
        if language not in cache:
            pats = self.patterns if language == ENGLISH else self.foreign.get(language, [])
            # Kept between runs as one value: the family's patterns each looked up (literals.py
            # keeps them too) cost a one-file run 500 lookups.
            fast, (start, whole, end, reach, rest, firsts), gate = compiled.derived(
                f"literal split ({literals.NEEDLES_KIND}; slow patterns by anchor, first characters)",
                tuple((p.source, int(p.flags)) for p in pats), lambda: _split_by_literals(pats, self.flags))
            head = literals.head_class(tuple(fast), self.flags) if fast else None
            slow = None
            if start or whole or end or rest:
                slow = _SlowPatterns(_combined(start, self.flags),
                                     tuple((n, _combined([src], self.flags)) for n, src in whole),
                                     _combined(end, self.flags, firsts[0]), reach,
                                     _combined(rest, self.flags, firsts[1]))
            cache[language] = _Combined(_combined(fast, self.flags), slow, gate,
                                        compiled.regex(head).match if head else None)
        return cache[language]

    def match(self, text: str, languages: tuple[str, ...] = (), lowered: str | None = None
              ) -> tuple[Pattern, re.Match] | None:
        """The first pattern of the family (English, then the given languages) that matches the
        line, and its match; or None. `lowered`: the line in lower case, if the caller has it."""
        for language in (ENGLISH, *languages) if languages else _ENGLISH_ONLY:
            if language != ENGLISH and language not in self.foreign:
                continue
            c = self.combined.get(language) or self._combined_for(language)
            if not (c.fast is not None and c.fast.match(text)):
                if c.slow is None:
                    continue
                if c.gate is not None:
                    if lowered is None:
                        lowered = text.lower()
                    if not any(n in lowered for n in c.gate):
                        continue
                if not c.slow.search(text):
                    continue
            for p in (self.patterns if language == ENGLISH else self.foreign[language]):
                m = p.regex.search(text)
                if m:
                    return p, m
        return None

    def claims(self, text: str, n_words: int | None = None,
               languages: tuple[str, ...] = ()) -> tuple[Pattern, re.Match] | None:
        """The match of the family on a line as the checks try it, wherever the line stands:
        not too long, no more than `max_words` words, no-break spaces read as spaces."""
        if len(text) > MAX_LINE_CHARS:
            return None
        if (len(words(text)) if n_words is None else n_words) > self.max_words:
            return None
        return self.match(text.replace("\xa0", " "), languages)


@record(frozen=True)
class _SlowPatterns:
    """The patterns of a family that do not fail fast, tried by where they are anchored: those
    anchored at the line start, tried there only (those anchored at both ends, each on lines no
    longer than it matches: long lines of prose are many); those anchored at its end that match
    at most `reach` characters, tried in its last `reach`; and the others, searched along the
    whole line (one alternation of them all tried each of its branches at every character). The
    two searched start with a look-ahead for their first characters where those can be told."""

    start: re.Pattern | None
    #: (the most characters it matches, the pattern), the longest first
    whole: tuple[tuple[int, re.Pattern], ...]
    end: re.Pattern | None
    reach: int
    rest: re.Pattern | None

    def search(self, text: str) -> bool:
        """Whether some pattern matches somewhere in the line."""
        size = len(text)
        for longest, regex in self.whole:
            if size > longest:
                break
            if regex.match(text):
                return True
        return bool((self.start is not None and self.start.match(text))
                    or (self.end is not None and self.end.search(text, max(0, size - self.reach)))
                    or (self.rest is not None and self.rest.search(text)))


@record(frozen=True)
class _Combined:
    fast: re.Pattern | None
    slow: _SlowPatterns | None
    gate: tuple[str, ...] | None    # one of these occurs in every line a slow pattern matches
    #: matches the first characters (literals.HEAD_CHARS) of every line a fast pattern matches
    #: (None: not told)
    head: Callable[[str], re.Match | None] | None = None


def _split_by_literals(pats: list[Pattern], flags: int) -> tuple[list[str], tuple, tuple[str, ...] | None]:
    """The sources of the patterns that fail fast; of the others, by where they are anchored
    (_SlowPatterns: at the start; at both ends, each with the most characters it matches, the
    longest first; at the end and the most characters those match; neither; and the
    look-aheads for the first characters of those searched, literals.first_chars); and the
    needles one of which a line must hold for the others to be tried (None: some pattern needs
    none that can be told)."""
    fast = [p.source for p in pats if literals.fails_fast(p.source, p.flags)]
    slow = [p for p in pats if not literals.fails_fast(p.source, p.flags)]
    gate: frozenset[str] | None = frozenset()
    for p in slow:
        needed = literals.needles(p.source, p.flags)
        if not needed:
            gate = None
            break
        gate |= needed
    if gate:   # a needle that holds another is found whenever the shorter one is
        gate = frozenset(n for n in gate if not any(m != n and m in n for m in gate))
    start, whole, end, rest, reach = [], [], [], [], 0
    for p in slow:
        at_start, span = literals.anchored_at_start(p.source, p.flags), literals.end_reach(p.source, p.flags)
        if at_start and span is not None:
            whole.append((span, p.source))
        elif at_start:
            start.append(p.source)
        elif span is not None:
            end.append(p.source)
            reach = max(reach, span)
        else:
            rest.append(p.source)
    firsts = tuple(literals.first_chars(tuple(group), flags) if group else None for group in (end, rest))
    whole.sort(key=lambda ns: -ns[0])
    return fast, (start, whole, end, reach, rest, firsts), tuple(sorted(gate, key=len)) if gate else None


def _combined(sources: list[str], flags: int, first: str | None = None) -> re.Pattern | None:
    """One regex of the patterns; `first`: a look-ahead that the first character of their every
    match passes (literals.first_chars), tried before them at each character of a search (one
    test where the alternation tried each of its branches)."""
    if not sources:
        return None
    # A named group may occur once in a regex: the combined one needs none.
    either = "|".join(f"(?:{src.replace(_RESIDUE_GROUP, '(?:')})" for src in sources)
    return compiled.regex(f"{first}(?:{either})" if first else either, flags)


def _entries(text: str, path: str, allowed: tuple[str, ...]):
    """(headers, words, entries) of a data file; each entry a dict with pattern (or template),
    example, counterexample, where and the section it stands in; words: slot -> its words (the
    `words <slot>:` lines of a language file)."""
    headers: dict[str, str] = {}
    vocab: dict[str, list[str]] = {}
    entries: list[dict[str, str]] = []
    section = ""

    def complete(entry: dict[str, str], where: str) -> None:
        for key in ("example", "counterexample"):
            if key not in entry:
                what = f"template {entry['template']!r}" if "template" in entry else f"pattern {entry['pattern']!r}"
                raise ValueError(f"{where}: {what} has no {key}")

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _HEADER.match(line)
        if m and not entries and not section and m.group(1) in allowed:
            headers[m.group(1)] = m.group(2).strip()
            continue
        m = _WORDS.match(line)
        if m and "words" in allowed and not entries and not section:
            vocab.setdefault(m.group(1), []).extend(grammar.split_words(m.group(2)))
            continue
        m = _ENTRY.match(line)
        if not m or (m.group(1) in ("section", "template") and m.group(1) not in allowed):
            raise ValueError(f"{path}:{n}: expected a header, 'pattern:', 'example:' or "
                             f"'counterexample:', got {line!r}")
        key, value = m.group(1), m.group(2)
        if key == "section":
            if entries:
                complete(entries[-1], f"{path}:{n}")
            section = value.strip()
        elif key in ("pattern", "template"):
            if entries:
                complete(entries[-1], f"{path}:{n}")
            if key == "pattern" and "section" in allowed and not section:
                raise ValueError(f"{path}:{n}: a pattern before the first 'section:'")
            entries.append({key: value.strip(), "where": f"{path}:{n}", "section": section})
        elif not entries or entries[-1]["section"] != section:
            raise ValueError(f"{path}:{n}: {key} without a pattern")
        elif key in entries[-1]:
            what = entries[-1].get("pattern") or entries[-1].get("template")
            raise ValueError(f"{path}:{n}: a second {key} for {what!r}")
        else:
            entries[-1][key] = value
    if entries:
        complete(entries[-1], path)
    return headers, vocab, entries


def parse_family(text: str, path: str) -> Family:
    """The family of one data file; ValueError naming the line when the file is malformed."""
    headers, _, entries = _entries(text, path, _HEADERS)
    for key in ("family", "code", "what"):
        if key not in headers:
            raise ValueError(f"{path}: missing '{key}:' header")
    position = headers.get("position", "any")
    if position not in POSITIONS:
        raise ValueError(f"{path}: position {position!r} is not one of {', '.join(POSITIONS)}")
    fam = Family(headers["family"], headers["code"], headers["what"], headers.get("about", ""), path,
                 int(headers.get("max_words", DEFAULT_MAX_WORDS)), position)
    fam.flags = 0 if headers.get("case", "insensitive") == "sensitive" else re.I
    for e in entries:
        fam.patterns.append(Pattern(e["pattern"], e["example"], e["counterexample"], e["where"], fam.flags))
    return fam


def parse_language(text: str, path: str, fams: dict[str, Family]) -> Language:
    """Add the patterns of one language file to the families it names; its Language (with its
    words and the examples of the templates it fills, which `fill_templates` adds).
    ValueError naming the line when the file is malformed or names an unknown family."""
    headers, vocab, entries = _entries(text, path, _LANGUAGE_HEADERS + ("section", "template", "words"))
    code, _, name = headers.get("language", "").partition(" ")
    if not code or ("cues" not in headers and code != ENGLISH):
        raise ValueError(f"{path}: missing 'language:' or 'cues:' header")
    cues = frozenset(c.strip().lower() for c in headers.get("cues", "").split(",") if c.strip())
    lang = Language(code, name.strip() or code, cues, headers.get("script", "") == "unspaced", path, vocab)
    for e in entries:
        if "template" in e:
            if e["template"] in lang.template_examples:
                raise ValueError(f"{e['where']}: a second entry for template {e['template']!r}")
            lang.template_examples[e["template"]] = e
            continue
        fam = fams.get(e["section"])
        if fam is None:
            raise ValueError(f"{e['where']}: section {e['section']!r} is not a family of data/*.txt")
        fam.foreign.setdefault(code, []).append(
            Pattern(e["pattern"], e["example"], e["counterexample"], e["where"], fam.flags, code))
    return lang


def fill_templates(g: grammar.Grammar, fams: dict[str, Family], english: Language,
                   langs: tuple[Language, ...]) -> None:
    """Add to the families the patterns of the grammar's templates, filled by every language that
    has their words (English first); ValueError when a language fills a template without giving
    its example, or gives an example of a template it does not fill."""
    filled: dict[str, set[str]] = {}
    for t in g.templates:
        fam = fams.get(t.family)
        if fam is None:
            raise ValueError(f"{t.where}: family {t.family!r} is not a family of data/*.txt")
        required, optional = g.slots(t)
        for lang in (english, *langs):
            vocab = {slot: list(g.words.get(slot, ())) + list(lang.vocab.get(slot, ()))
                     for slot in required | optional}
            if any(not vocab[slot] for slot in required):
                continue
            own = any(slot in lang.vocab for slot in required | optional)
            if lang.code != ENGLISH and not own:
                continue
            if own:
                entry = lang.template_examples.get(t.name)
                if entry is None:
                    raise ValueError(f"{lang.path}: fills template {t.name!r} ({t.where}) but gives no "
                                     "'template:' entry with its example and counterexample")
                example, counter, where = entry["example"], entry["counterexample"], entry["where"]
            else:
                if t.example is None:
                    raise ValueError(f"{t.where}: template {t.name!r} uses only shared words: it needs "
                                     "its example and counterexample in the grammar")
                example, counter, where = t.example, t.counterexample, t.where
            source = g.expand(t, vocab, lang.unspaced)
            pattern = Pattern(source, example, counter, f"{where} ({t.name})", fam.flags, lang.code)
            if lang.code == ENGLISH:
                fam.patterns.append(pattern)
            else:
                fam.foreign.setdefault(lang.code, []).append(pattern)
            filled.setdefault(lang.code, set()).add(t.name)
    for lang in (english, *langs):
        for name, entry in lang.template_examples.items():
            if name not in filled.get(lang.code, ()):
                raise ValueError(f"{entry['where']}: template {name!r} is not in the grammar or the "
                                 "language lacks the words of its slots")


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Family, ...], tuple[Language, ...]]:
    """The parsed families and languages as a run uses them, kept between runs (compiled.py) under
    a digest of what they are parsed from: parsing and filling every language's templates took a
    one-file run 20 ms, unpickling the result 4."""
    files = [__file__, grammar.__file__, *listed(DATA, ".txt"), *listed(LANGUAGES, ".txt"),
             *listed(os.path.join(DATA, "words"), ".txt")]
    return compiled.derived_from_files("phrase families", files, _parse_for_runs)


@lru_cache(maxsize=1)
def with_examples() -> tuple[tuple[Family, ...], tuple[Language, ...], grammar.Grammar]:
    """The families, languages and grammar with every example and counter-example and where each
    entry stands: the tests' (`data_examples`), parsed anew, never kept."""
    return _parse_all()


def _parse_for_runs() -> tuple[tuple[Family, ...], tuple[Language, ...]]:
    """What `_parse_all` gives, less what only the tests read: the examples, counter-examples and
    places of the patterns (a third of what every run unpickled) and the grammar, done with once
    its templates are filled."""
    fams, langs, _ = _parse_all()
    for fam in fams:
        fam.patterns = [_without_examples(p) for p in fam.patterns]
        fam.foreign = {code: [_without_examples(p) for p in pats] for code, pats in fam.foreign.items()}
    return fams, langs


def _without_examples(p: Pattern) -> Pattern:
    return replace(p, example="", counterexample="", where="")


def _parse_all() -> tuple[tuple[Family, ...], tuple[Language, ...], grammar.Grammar]:
    fams = tuple(parse_family(read_text(path), f"data/{os.path.basename(path)}")
                 for path in listed(DATA, ".txt") if os.path.basename(path) != "grammar.txt")
    by_name = {f.name: f for f in fams}
    parsed = [parse_language(read_text(path), f"data/languages/{os.path.basename(path)}", by_name)
              for path in listed(LANGUAGES, ".txt")]
    english = next(lang for lang in parsed if lang.code == ENGLISH)
    langs = tuple(lang for lang in parsed if lang.code != ENGLISH)
    g = grammar.load_grammar()
    fill_templates(g, by_name, english, langs)
    for lang in parsed:
        # Their words served to fill the templates, and are done with: kept, they were a third of
        # what every run unpickled (1.2 ms of a one-file run).
        lang.vocab, lang.template_examples = {}, {}
    return fams, langs, g


def families() -> tuple[Family, ...]:
    """All phrase families, loaded once, sorted by file name, with their foreign patterns and the
    grammar's templates filled in every language."""
    return _load()[0]


def languages() -> tuple[Language, ...]:
    """The languages of data/languages/ other than English (tried when cued), sorted by file name."""
    return _load()[1]


def widget_grammar() -> grammar.Grammar:
    """The grammar of the templates (the tests read its word lists' examples)."""
    return with_examples()[2]


@lru_cache(maxsize=1)
def by_precedence() -> tuple[Family, ...]:
    """The families in the order they are tried on a line: attributions last (a line that is
    also widget text is reported as such), then by code and file name."""
    return tuple(sorted(families(), key=lambda f: (f.code == "BP104", f.code, f.path)))


#: The longest line whose words may cue a language: the longest a family matches (max_words).
CUE_LINE_MAX_WORDS = 100


def _lower(text: str) -> str:
    """Lower case as the cues are written: the Turkish dotted capital I lowers to a plain 'i'
    (str.lower() gives 'i' and a combining dot: 'İçindekiler' would miss the cue 'içindekiler')."""
    return text.lower().replace("i\u0307", "i")


@lru_cache(maxsize=1)
def _all_cues() -> frozenset[str]:
    return frozenset().union(*(lang.cues for lang in languages()))


def cued_languages(lay: Layout) -> tuple[str, ...]:
    """The languages whose widget wording a document may hold (their cues occur in it)."""
    # Widget text stands in short lines: only they are looked at (a family matches no longer).
    short = [ln for ln in lay.lines if ln.n_words <= CUE_LINE_MAX_WORDS and len(ln.text) <= MAX_LINE_CHARS]
    shown = "\n".join(ln.text for ln in short)
    # The words as the layout lowered them (each as it would alone): joining, lowering and
    # splitting them again was most of this. Only a dotted capital I puts in them the dot
    # above that _lower() takes off.
    doc_words = chain.from_iterable(ln.lowered for ln in short)
    if "\u0130" in shown or "\u0307" in shown:
        doc_words = frozenset(w.replace("i\u0307", "i") for w in doc_words)
    # Only the words that cue some language: each language then looks through a few, not through
    # the document's hundreds (its cues meet them where they meet the document's words; the
    # words are looked up as they come, not gathered in a set first).
    doc_words = _all_cues().intersection(doc_words)
    short_text = ""
    out = []
    for lang in languages():
        if lang.unspaced and not short_text:
            short_text = _lower(shown)
        if lang.cued(doc_words, short_text):
            out.append(lang.code)
    return tuple(out)


# --- a family on a line of a document --------------------------------------------------------

#: The first line is the headline, never widget text, unless it is this short (or a sentence,
#: which a headline is not) and a widget family claims it: "Table of Contents", "Image Credit",
#: "Sign up for our newsletter." where the scraper lost the title ...
FIRST_LINE_WIDGET_MAX_WORDS = 4
#: ... namely widget text (BP101), a photo credit (BP102: "Image: Thinkstock") or a breadcrumb
#: (BP203: "Home", "World").
FIRST_LINE_CODES = ("BP101", "BP102", "BP203")


#: Pictographs and arrows that a widget puts before its words ("👉 Donate today »", ">> Get
#: started"): the families match the words after them. (List marks, '-', '*', '•', are not
#: among them: a list item of the article is not widget text for its wording alone.)
_DECORATION = compiled.regex(r"^(?:(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u2B00-\u2BFF»›]|>{2,3})"
                         r"[\ufe0f\u200d\s]{0,3}){1,3}(?=\w)")


def match_line(matcher: "LineMatcher", ln: Line, lay: Layout, tail_start: int, languages: tuple[str, ...] = ()):
    """(family, pattern, match) of the first family that claims the line where it stands, or None.
    The headline is never widget text (but for a very short first line, or a first line that
    ends a sentence, that a widget family claims). A line that opens with pictographs or arrows
    is matched on the words after them (the match is then of that text, not of the line)."""
    if ln.index == 0 and ln.n_words > FIRST_LINE_WIDGET_MAX_WORDS and not ln.ends_sentence:
        return None
    if len(ln.text) > MAX_LINE_CHARS:
        return None
    # (a line no family looks at, a paragraph of a hundred words, is not scanned at all)
    looking = matcher.looking(ln, lay, tail_start)
    if not looking:
        return None
    text, fast, gated = matcher.english(ln)   # once a line, not once a family
    hit = matcher.first(text, ln, looking, languages, (fast, gated))
    if hit is None:
        deco = _DECORATION.match(text)
        if deco:
            hit = matcher.first(text[deco.end():], ln, looking, languages)
    return hit


def tail_start(matcher: "LineMatcher", lay: Layout, languages: tuple[str, ...] = (), hits: dict | None = None) -> int:
    """Index where the tail run starts: from there on every line is short, or is widget text
    (a bio, a call to action, a sign-up box) by some phrase family, evidence on each line.
    `hits`, if given, gets the match_line() of each line tried (index -> match or None), as
    it is with the tail starting where this returns: a line in the tail stands there for the
    families both ways, and the line that ends the run matched no family even with the tail's
    own allowed (fewer families look at it when it is not in the tail)."""
    start = len(lay.lines)
    for ln in reversed(lay.lines[1:]):
        if ln.prose:
            hit = match_line(matcher, ln, lay, ln.index, languages)
            if hits is not None:
                hits[ln.index] = hit
            if hit is None:
                break
        start = ln.index
    return start


# --- every family on a line at once ------------------------------------------------------------
#
# Some twenty families try each line, each in English and in the document's cued languages, and on
# most lines none gets past its prefilters: its fast patterns (anchored, they start with a literal)
# and its gate (the needles one of which its other patterns need). Both are told once a line for all
# the families of a language (_LanguageScan), then only the families they let through are tried.


#: All the families, as bits (-1 has every bit set).
ALL_FAMILIES = -1


class _LanguageScan:
    """The prefilters of all the families of one language, told once a line: which families'
    fast patterns may match it (by its first characters) and which families' gates it passes
    (one scan for the needles of them all; looking for each family's needles in turn was half
    the time of the phrase families). Families are bits of an int, their index in the matcher."""

    def __init__(self, combined: dict[int, _Combined]):
        self._combined = combined
        #: first characters (literals.HEAD_CHARS) -> the families whose fast patterns may match a
        #: line that starts with them. Filled as they come: a table of line starts, which lines
        #: share (3,200 over the 35,000 lines of the wide dev set), not a memory of the lines.
        self._by_head: dict[str, int] = {}
        #: needle -> the families whose gate holds it
        self._gates: dict[str, int] = {}
        #: the families whose slow patterns are searched in every line (they have no gate)
        self.ungated = 0
        for i, c in combined.items():
            if c.slow is not None and c.gate is None:
                self.ungated |= 1 << i
            for needle in c.gate or ():
                self._gates[needle] = self._gates.get(needle, 0) | 1 << i
        #: some families -> the scan for the needles of their gates, built as lines ask for them
        self._scans: dict[int, literals.NeedleScan] = {}

    def fast(self, text: str) -> int:
        """The families whose fast patterns may match the line (each is tried still)."""
        head = text[:literals.HEAD_CHARS]
        mask = self._by_head.get(head)
        if mask is None:
            mask = 0
            for i, c in self._combined.items():
                if c.fast is not None and head and (c.head is None or c.head(head)):
                    mask |= 1 << i
            self._by_head[head] = mask
        return mask

    def gated(self, lowered: str, families: int = ALL_FAMILIES) -> int:
        """Which of `families` have a gate that the line (in lower case) passes: it holds one of
        its needles. A long line is looked at by few families (those that take as many words):
        their needles alone are scanned for (a scan for every needle stopped at most words)."""
        scan = self._scans.get(families)
        if scan is None:
            scan = self._scans[families] = literals.NeedleScan(
                {n: bits & families for n, bits in self._gates.items() if bits & families})
        return scan(lowered)


class LineMatcher:
    """The families, in precedence order, tried on the lines of documents."""

    def __init__(self, fams: tuple[Family, ...]):
        self.families = fams
        self._bit = {id(fam): 1 << i for i, fam in enumerate(fams)}
        self._scans: dict[str, _LanguageScan] = {}
        # Which families look at a line, as bits: by its words (n -> those that take n words),
        # by where it stands, and on the first line.
        self._taking = [_bits(fams, lambda f: n <= f.max_words) for n in range(max(f.max_words for f in fams) + 1)]
        # (position "edges" is the lead or the tail)
        self._anywhere = _bits(fams, lambda f: f.position == "any")
        self._in_tail = _bits(fams, lambda f: f.position in ("tail", "edges"))
        self._in_lead = _bits(fams, lambda f: f.position in ("lead", "edges"))
        self._on_first_line = _bits(fams, lambda f: f.code in FIRST_LINE_CODES)

    def _scan(self, language: str) -> _LanguageScan:
        scan = self._scans.get(language)
        if scan is None:
            scan = self._scans[language] = _LanguageScan(
                {i: fam.combined.get(language) or fam._combined_for(language)
                 for i, fam in enumerate(self.families) if language == ENGLISH or language in fam.foreign})
        return scan

    def english(self, ln: Line) -> tuple[str, int, int]:
        """The line as the families read it (no-break spaces as spaces), and its English
        prefilters (fast, gated), told once for every rule that asks."""
        out = ln.memo.get("phrase prefilters")
        if out is None:
            text = ln.text.replace("\xa0", " ")
            scan = self._scan(ENGLISH)
            gated = scan.gated(text.lower(), self._taken(ln))
            out = ln.memo["phrase prefilters"] = (text, scan.fast(text), gated)
        return out

    def first(self, text: str, ln: Line, looking: int, languages: tuple[str, ...],
              english: tuple[int, int] | None = None):
        """(family, pattern, match) of the first family that claims `text` (the line, or what
        follows its pictographs) of the families `looking` at the line where it stands
        (looking()), or None. `english`: the English prefilters of `text`, if the caller has
        them."""
        lowered = None
        scans = []
        maybe = 0   # the families that some prefilter lets through, in some language
        for language in (ENGLISH, *languages):
            scan = self._scan(language)
            if language == ENGLISH and english is not None:
                fast, gated = english
            else:
                if lowered is None:
                    lowered = text.lower()
                fast, gated = scan.fast(text), scan.gated(lowered, self._taken(ln))
            scans.append((language, fast, gated))
            maybe |= fast | gated | scan.ungated
        maybe &= looking
        while maybe:   # the families in order (of their bits), only those let through
            bit = maybe & -maybe
            maybe ^= bit
            fam = self.families[bit.bit_length() - 1]
            for language, fast, gated in scans:
                if language != ENGLISH and language not in fam.foreign:
                    continue
                hit = _tried(fam, language, text, fast & bit, gated & bit)
                if hit is not None:
                    return (fam, *hit)
        return None

    def _taken(self, ln: Line) -> int:
        """The families that take as many words as the line has."""
        return self._taking[ln.n_words] if ln.n_words < len(self._taking) else 0

    def looking(self, ln: Line, lay: Layout, tail_start: int) -> int:
        """The families that look at the line: it has no more words than they take, and it
        stands where they look (on the first line, only those that may claim it)."""
        taking = self._taken(ln)
        i = ln.index
        if i == 0:
            return taking & self._on_first_line
        at = self._anywhere
        if i >= tail_start:
            at |= self._in_tail
        if i < lay.first_body:
            at |= self._in_lead
        return taking & at

    def claims(self, fam: Family, ln: Line):
        """`fam.claims(ln.text, ln.n_words)` in English, from the line's prefilters."""
        if len(ln.text) > MAX_LINE_CHARS or ln.n_words > fam.max_words:
            return None
        text, fast, gated = self.english(ln)
        bit = self._bit[id(fam)]
        return _tried(fam, ENGLISH, text, fast & bit, gated & bit)


def _tried(fam: Family, language: str, text: str, fast: int, gated: int) -> tuple[Pattern, re.Match] | None:
    """`fam.match(text)` in one language, its prefilters told: `fast`, whether its fast patterns
    may match the line (its first characters); `gated`, whether the line passes its gate."""
    c = fam.combined[language]
    if not (fast and c.fast.match(text)):
        if c.slow is None or not (c.gate is None or gated) or not c.slow.search(text):
            return None
    for p in (fam.patterns if language == ENGLISH else fam.foreign[language]):
        m = p.regex.search(text)
        if m:
            return p, m
    return None


def _bits(fams, which) -> int:
    out = 0
    for i, fam in enumerate(fams):
        if which(fam):
            out |= 1 << i
    return out


@lru_cache(maxsize=1)
def matcher() -> LineMatcher:
    """The families in precedence order, tried on lines."""
    return LineMatcher(by_precedence())


def residue(m: re.Match, text: str) -> tuple[int, int] | None:
    """The span of the line that is residue when the pattern names it and the rest of the line
    is text of its own; None when the whole line is residue."""
    if "residue" not in m.re.groupindex or m.group("residue") is None:
        return None
    a, b = m.span("residue")
    if not (text[:a] + text[b:]).strip(_RESIDUE_SEPARATORS):
        return None
    return a, b


# --- examples of the data --------------------------------------------------------------------

def data_examples(code: str) -> list:
    """The example and the counter-example of every pattern of the families `code` reports, in
    every language. The example must be claimed by the family through its own pattern (and, in
    a language file, hold one of the language's cues); no pattern of the family in that language
    may match the counter-example, whatever its length."""
    from auditor.examples import DataExample

    out = []
    fams, langs_, _ = with_examples()
    langs = {lang.code: lang for lang in langs_}
    for fam in fams:
        if fam.code != code:
            continue
        pats = list(fam.patterns) + [p for code_ in sorted(fam.foreign) for p in fam.foreign[code_]]
        for p in pats:
            source = f"boilerplate/{p.where}"
            out.append(DataExample(source, p.example, True, _ExampleTest(fam, p, langs.get(p.language))))
            out.append(DataExample(source, p.counterexample, False, _CounterTest(fam, p.language)))
    # The shared word lists (data/words/): each word's example is claimed by its family, its
    # counter-example is not.
    by_name = {f.name: f for f in fams}
    for wl in widget_grammar().word_lists:
        fam = by_name[wl.family]
        if fam.code != code:
            continue
        for e in wl.entries:
            source = f"boilerplate/{e.where}"
            out.append(DataExample(source, e.example, True, _WordTest(fam)))
            out.append(DataExample(source, e.counterexample, False, _CounterTest(fam)))
    return out


@record(frozen=True)
class _WordTest:
    family: Family

    def __call__(self, text: str) -> bool:
        return self.family.claims(text) is not None


@record(frozen=True)
class _ExampleTest:
    family: Family
    pattern: Pattern
    language: Language | None = None

    def __call__(self, text: str) -> bool:
        if self.language is not None:
            lowered = _lower(text)
            if not self.language.cued(frozenset(_lower(w) for w in words(text)), lowered):
                return False
        langs = () if self.pattern.language == "en" else (self.pattern.language,)
        return (self.family.claims(text, None, langs) is not None
                and self.pattern.regex.search(text.replace("\xa0", " ")) is not None)


@record(frozen=True)
class _CounterTest:
    family: Family
    language: str = "en"

    def __call__(self, text: str) -> bool:
        langs = () if self.language == "en" else (self.language,)
        return self.family.match(text.replace("\xa0", " "), langs) is not None
