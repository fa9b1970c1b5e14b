"""The widget grammar: templates whose slots each language fills with its own words.

A widget says the same thing in every language with the same structure: a share bar is a share
verb followed by a list of network names, a comment counter is the word for comments and a number,
a footer bar is two or more legal words between bars. `data/grammar.txt` writes each widget once
as a template, a regex with `{slots}`; each language file (`data/languages/<code>.txt`, English in
`en.txt`) fills the slots with its words (`words share: compartilhe | compartilhar`) and gives an
example and a counter-example of each template it fills (`template: share-list`). A new language
is a new vocabulary file; a new template serves every language that has its words.

grammar.txt holds:
  words <slot>: w1 | w2 ...   words every language shares (network names, currency signs); a
                              language file may add to them (its own networks, in its script)
  define <name>: regex        a named piece of regex that templates (and other defines) use
  template: <name>            a template: `family:` (a family of data/*.txt) and `pattern:`;
                              a template that uses no language's slot (only shared words) has its
                              `example:` and `counterexample:` here; the others have theirs in the
                              language files that fill it

`data/words/<slot>.txt` is a list of shared words with an example and a counter-example each (the
news agencies): `slot:`, `family:` (whose templates the examples test), `case: sensitive` when the
words keep their case ('AP', not 'ap'), then `word:` entries.

In a pattern, `{name}` is a slot (the alternation of its words, longest first) or a define;
`{name?}` is an optional slot: a language without its words gets a part that never matches. A
template is filled for a language that has the words of every slot without `?` (shared words
count), if the language has words of its own for one of the template's slots (English always).
Two slots are built in: `{_}` the space between words (`\\s` - optional in unspaced scripts:
Chinese, Japanese) and `{b}` a word boundary (none in unspaced scripts). Words are regex
fragments, matched case-insensitively unless their list says otherwise.
"""
from __future__ import annotations

import os
import re

from auditor import compiled
from auditor.datafiles import beside, listed, read_text
from auditor.records import field, record

DATA = beside(__file__, "data")
#: A slot or define reference: {name} or {name?} (a quantifier {1,3} has digits, not a name).
_REF = compiled.regex(r"\{([a-z_][a-z0-9_]*)(\?)?\}")
#: Built-in slots: the space between words and a word boundary, per kind of script.
_BUILTIN = {"_": (r"\s{1,2}", r"\s?"), "b": (r"\b", "")}
_NEVER = "(?!)"
#: Defines may use defines; deeper nesting than this is a loop.
_MAX_DEPTH = 8


@record
class Template:
    name: str
    family: str
    source: str
    where: str
    example: str | None = None
    counterexample: str | None = None


@record
class WordEntry:
    """A shared word of a word list file, with its example and counter-example."""
    words: list[str]
    example: str
    counterexample: str
    where: str


@record
class WordList:
    slot: str
    family: str
    sensitive: bool
    path: str
    entries: list[WordEntry] = field(default_factory=list)


@record
class Grammar:
    words: dict[str, list[str]] = field(default_factory=dict)
    sensitive: set[str] = field(default_factory=set)
    defines: dict[str, str] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)
    word_lists: list[WordList] = field(default_factory=list)

    def slots(self, template: Template) -> tuple[set[str], set[str]]:
        """(required, optional) slots of a template, through its defines."""
        required: set[str] = set()
        optional: set[str] = set()

        def walk(source: str, depth: int) -> None:
            if depth > _MAX_DEPTH:
                raise ValueError(f"{template.where}: defines nest too deep (a loop?)")
            for m in _REF.finditer(source):
                name, opt = m.group(1), bool(m.group(2))
                if name in _BUILTIN:
                    continue
                if name in self.defines:
                    walk(self.defines[name], depth + 1)
                else:
                    (optional if opt else required).add(name)

        walk(template.source, 0)
        return required, optional - required

    def expand(self, template: Template, vocab: dict[str, list[str]], unspaced: bool) -> str:
        """The template's regex with the slots filled by `vocab` (the shared words and the
        language's own)."""
        kind = 1 if unspaced else 0

        def fill(source: str, depth: int) -> str:
            def one(m: re.Match) -> str:
                name, opt = m.group(1), bool(m.group(2))
                if name in _BUILTIN:
                    return _BUILTIN[name][kind]
                if name in self.defines and depth < _MAX_DEPTH:
                    return fill(self.defines[name], depth + 1)
                ws = vocab.get(name)
                if not ws:
                    if opt:
                        return _NEVER
                    raise ValueError(f"{template.where}: no words for slot {{{name}}}")
                body = "|".join(sorted(dict.fromkeys(ws), key=lambda w: (-len(w), w)))
                return f"(?-i:{body})" if name in self.sensitive else f"(?:{body})"
            return _REF.sub(one, source)

        return fill(template.source, 0)


def split_words(value: str) -> list[str]:
    """The words of a `words` line: regex fragments between ' | '."""
    return [w.strip() for w in value.split(" | ") if w.strip()]


_LINE = compiled.regex(r"^(words\s+[a-z_][a-z0-9_]*|define\s+[a-z_][a-z0-9_]*|template|family|pattern|example|"
                       r"counterexample)\s*:\s?(.*)$")


def parse_grammar(text: str, path: str) -> Grammar:
    """The templates, defines and shared words of grammar.txt; ValueError naming the line when
    the file is malformed."""
    g = Grammar()
    current: Template | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise ValueError(f"{path}:{n}: expected 'words <slot>:', 'define <name>:', 'template:' or "
                             f"a template's 'family:', 'pattern:', 'example:', 'counterexample:', got {line!r}")
        key, value = m.group(1), m.group(2).strip() if not m.group(1).endswith("example") else m.group(2)
        if key.startswith("words "):
            g.words.setdefault(key.split()[1], []).extend(split_words(value))
        elif key.startswith("define "):
            g.defines[key.split()[1]] = value
        elif key == "template":
            current = Template(value, "", "", f"{path}:{n}")
            g.templates.append(current)
        elif current is None:
            raise ValueError(f"{path}:{n}: {key} outside a template")
        elif key == "family":
            current.family = value
        elif key == "pattern":
            current.source = value
        elif getattr(current, key) is not None:
            raise ValueError(f"{path}:{n}: a second {key} for template {current.name!r}")
        else:
            setattr(current, key, value)
    names = [t.name for t in g.templates]
    for t in g.templates:
        if not (t.family and t.source):
            raise ValueError(f"{t.where}: template {t.name!r} needs 'family:' and 'pattern:'")
        if names.count(t.name) > 1:
            raise ValueError(f"{t.where}: a second template named {t.name!r}")
        if (t.example is None) != (t.counterexample is None):
            raise ValueError(f"{t.where}: template {t.name!r} has an example without a counterexample or "
                             "the other way round")
    return g


_WORDS_HEADER = compiled.regex(r"^(slot|family|case)\s*:\s*(.*)$")
_WORDS_ENTRY = compiled.regex(r"^(word|example|counterexample)\s*:\s?(.*)$")


def parse_word_list(text: str, path: str) -> WordList:
    """A list of shared words (data/words/<slot>.txt), each with its example and counter-example."""
    headers: dict[str, str] = {}
    entries: list[dict] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _WORDS_HEADER.match(line)
        if m and not entries:
            headers[m.group(1)] = m.group(2).strip()
            continue
        m = _WORDS_ENTRY.match(line)
        if not m:
            raise ValueError(f"{path}:{n}: expected a header, 'word:', 'example:' or 'counterexample:', got {line!r}")
        key, value = m.groups()
        if key == "word":
            entries.append({"word": value.strip(), "where": f"{path}:{n}"})
        elif not entries or key in entries[-1]:
            raise ValueError(f"{path}:{n}: {key} without its word, or a second one")
        else:
            entries[-1][key] = value
    if "slot" not in headers or "family" not in headers:
        raise ValueError(f"{path}: missing 'slot:' or 'family:' header")
    wl = WordList(headers["slot"], headers["family"], headers.get("case", "") == "sensitive", path)
    for e in entries:
        for key in ("example", "counterexample"):
            if key not in e:
                raise ValueError(f"{e['where']}: word {e['word']!r} has no {key}")
        wl.entries.append(WordEntry(split_words(e["word"]), e["example"], e["counterexample"], e["where"]))
    return wl


def load_grammar() -> Grammar:
    g = parse_grammar(read_text(os.path.join(DATA, "grammar.txt")), "data/grammar.txt")
    for path in listed(os.path.join(DATA, "words"), ".txt"):
        wl = parse_word_list(read_text(path), f"data/words/{os.path.basename(path)}")
        g.word_lists.append(wl)
        g.words.setdefault(wl.slot, []).extend(w for e in wl.entries for w in e.words)
        if wl.sensitive:
            g.sensitive.add(wl.slot)
    return g
