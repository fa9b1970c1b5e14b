"""Calques, false friends and source-language formulas that machine translation leaves in English,
one table per source language (data/calques/<code>.json). A reader adds an entry without touching
code: the table's "about" field documents the format. Shared by TR302 (each match) and TR701 (the
file's source language)."""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from functools import lru_cache
from collections.abc import Iterator

from .data import DATA
from .phrase_forms import (KeywordIndex, can_match, can_match_in, compile_form, folds_plainly, form_keywords, keyword_lines,
                           lowered, slot_keywords)
from .regex_gates import required_literal, tail
from auditor import compiled
from auditor.datafiles import listed
from auditor.records import tuple_record

FOLDER = os.path.join(DATA, "calques")
#: Month names of other calendars ('on 12 Esfand'): each calendar becomes an entry of its
#: language's table.
CALENDARS = os.path.join(DATA, "calendars.json")
GREGORIAN_MONTHS = ("january february march april may june july august september october november "
                    "december").split()
#: A day of the month (or a year of an era) written beside a month name.
_DAY = r"(?:[1-9]|[12]\d|3[01]|[1-9]\d)"
#: How far after a match the 'not_followed_by' words are looked for (characters).
FOLLOW_CHARS = 40
_WORD = compiled.regex(r"[^\W\d_][\w'’-]{0,40}")


@tuple_record
class Entry:
    index: int                  # place in the flattened list of all tables' entries
    language: str               # the table's language name ("Russian")
    code: str                   # the table's file stem ("ru")
    languages: tuple            # its code and the codes of the other languages that give the phrase
    data: dict                  # the entry as written
    keywords: frozenset         # words one of which a text must hold ('' = always try)
    with_words: tuple           # the sentence must hold one of these (prefix* allowed)
    without_words: tuple        # and none of these
    not_followed_by: frozenset  # the word right after the match may not be one of these
    form_slots: tuple           # `slot_keywords` of each of its forms
    literal: str                # `required_literal` of its regex ('' when none)
    tail: str                   # `tail` of its regex ('' when none)


@tuple_record
class Hit:
    start: int
    end: int
    entry: Entry


@lru_cache(maxsize=None)
def _parsed() -> tuple[tuple, tuple, tuple]:
    """(tables, entries, index), kept between runs (compiled.py) under a digest of the tables and
    of the code that reads them: reading the tables and indexing their entries took 6 ms of a
    one-file run."""
    from . import data, phrase_forms, regex_gates

    files = [__file__, data.__file__, phrase_forms.__file__, regex_gates.__file__, *listed(FOLDER, ".json"),
             CALENDARS]
    return compiled.derived_from_files("calques", files, _parse)


def _parse() -> tuple[tuple, tuple, tuple]:
    read = _read_tables()
    found = _entries(read)
    return read, found, _index_of(found)


def tables() -> tuple[tuple[str, str, dict], ...]:
    """(code, language, table) of every calque table, sorted by code."""
    return _parsed()[0]


def entries() -> tuple[Entry, ...]:
    return _parsed()[1]


def _index() -> tuple[KeywordIndex, dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The keyword index (the entries' keywords and every word of their forms), {keyword: indexes
    of the entries it unlocks}, and the entries always tried."""
    return _parsed()[2]


def _read_tables() -> tuple[tuple[str, str, dict], ...]:
    out = []
    for path in listed(FOLDER, ".json"):
        with open(path, encoding="utf-8") as fh:
            table = json.load(fh)
        out.append((os.path.splitext(os.path.basename(path))[0], table["language"], table))
    return tuple(out)


def _words(spec) -> tuple[str, ...]:
    if not spec:
        return ()
    return tuple(w.lower() for w in (spec.split() if isinstance(spec, str) else spec))


def _entries(tables: tuple) -> tuple[Entry, ...]:
    out = []
    for code, language, table in tables:
        for data in table["entries"]:
            keys: set[str] = set()
            for f in data.get("forms", ()):
                keys |= form_keywords(f)
            if "regex" in data:
                # a regex is tried where one of its 'needs' words occurs, or always
                keys |= {w + "*" for w in _words(data.get("needs"))} or {""}
            out.append(Entry(len(out), language, code, (code, *data.get("also", ())), data, frozenset(keys),
                             _words(data.get("with")), _words(data.get("without")),
                             frozenset(_words(data.get("not_followed_by"))),
                             tuple(slot_keywords(f) for f in data.get("forms", ())),
                             required_literal(data["regex"], re.M) if "regex" in data else "",
                             tail(data["regex"], re.M) if "regex" in data else ""))
    names = {code: language for code, language, _ in tables}
    for data in calendar_entries():
        code = data["languages"][0]
        keys = {w + "*" for w in data["needs"]}
        out.append(Entry(len(out), names[code], code, tuple(data["languages"]), data, frozenset(keys),
                         (), _words(data["without"]), frozenset(), (), required_literal(data["regex"], re.M),
                         tail(data["regex"], re.M)))
    return tuple(out)


@lru_cache(maxsize=None)
def calendar_entries() -> tuple[dict, ...]:
    """The calendars of data/calendars.json as calque entries: a month name beside a day number
    ('12 Esfand', 'Esfand 12', 'the 3rd of Rajab'), not in a sentence that also gives a Gregorian
    month."""
    with open(CALENDARS, encoding="utf-8") as fh:
        table = json.load(fh)
    out = []
    for cal in table["calendars"]:
        names = sorted(set(cal["months"]), key=len, reverse=True)
        alts = "|".join(_month_pattern(m) for m in names)
        regex = (rf"\b(?:{_DAY}(?:st|nd|rd|th)?(?: of)? (?:{alts})|(?:{alts}) {_DAY})(?![\w'’-])")
        needs = sorted({re.split(r"[\s'’-]", m)[0].lower() for m in names})
        out.append({"regex": regex, "needs": needs, "languages": cal["languages"], "kind": "calendar",
                    "source": cal["name"], "english": cal["english"], "without": list(GREGORIAN_MONTHS),
                    "example": cal["example"], "counter": cal["counter"], "table": os.path.basename(CALENDARS)})
    return tuple(out)


def _month_pattern(name: str) -> str:
    """A month name as a regex: an apostrophe may be missing or curly, a hyphen a space."""
    out = []
    for ch in name:
        if ch in "'’":
            out.append("['’]?")
        elif ch in "- ":
            out.append("[- ]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def patterns(e: Entry, text: str, present: set[str] | None) -> list[tuple[re.Pattern, tuple, str]]:
    """(pattern, `slot_keywords` of its form or (), `required_literal` of the regex or '') of
    the forms and regex of entry `e` that can match `text`, in which the keywords `present`
    occur (None: `folds_plainly(text)` does not hold, so every form is tried); each compiled
    when a text first needs it."""
    out = [(_form(f), slots, "") for f, slots in zip(e.data.get("forms", ()), e.form_slots)
           if present is None or can_match(slots, present)]
    if "regex" in e.data and e.literal in text and _tail_found(e.index, text):
        out.append((_regex(e.index), (), e.literal))
    return out


def _tail_found(index: int, text: str) -> bool:
    """Whether the `tail` of entry `index`'s regex finds something in `text`, or it has none: a
    regex that opens with an alternation ('\\bthe \\d{1,2} of (?:January|…') is tried at every
    position of a line, its tail only where its literal stands."""
    source = entries()[index].tail
    return not source or _tail(source).search(text) is not None


@lru_cache(maxsize=None)
def _tail(source: str) -> re.Pattern:
    return compiled.regex(source, re.M)


_form = lru_cache(maxsize=None)(compile_form)


@lru_cache(maxsize=None)
def _regex(index: int) -> re.Pattern:
    return compiled.regex(entries()[index].data["regex"], re.M)


def _index_of(entries: tuple[Entry, ...]) -> tuple[KeywordIndex, dict[str, tuple[int, ...]], tuple[int, ...]]:
    by_key: dict[str, list[int]] = {}
    always = []
    words = set()
    for e in entries:
        if "" in e.keywords:
            always.append(e.index)
        for k in e.keywords - {""}:
            by_key.setdefault(k, []).append(e.index)
        words.update(k for slots in e.form_slots for slot in slots for k in slot)
    return KeywordIndex(words | set(by_key)), {k: tuple(v) for k, v in by_key.items()}, tuple(always)


def _has_word(words: set[str], wanted: tuple[str, ...]) -> bool:
    for w in wanted:
        if w.endswith("*"):
            if any(x.startswith(w[:-1]) for x in words):
                return True
        elif w in words:
            return True
    return False


def find(text: str, sentence_spans: list[tuple[int, int]]) -> Iterator[Hit]:
    """Every calque of every table in `text`, at most one per place (the first entry listed
    wins), in text order; `sentence_spans` are the sentences' (start, end), for the guards."""
    index, by_key, always = _index()
    tried = set(always)
    present = index.present(text)
    for k in present:
        tried.update(by_key.get(k, ()))
    if not folds_plainly(text):
        present = None
    starts = [a for a, _ in sentence_spans]
    hits: list[Hit] = []
    all_entries = entries()
    low = lowered(text)
    whole = [(0, len(text))]
    for i in sorted(tried):
        e = all_entries[i]
        pats = patterns(e, text, present)
        if not pats:
            continue
        lines = whole if "" in e.keywords or len(low) != len(text) else keyword_lines(text, low, e.keywords)
        spans = ((p, (la, lb)) for p, slots, literal in pats for la, lb in lines
                 if (present is None or can_match_in(low, la, lb, slots)) and text.find(literal, la, lb) >= 0)
        for pattern, (la, lb) in spans:
            for m in pattern.finditer(text, la, lb):
                a, b = m.span()
                if a == b or "\n" in m.group() or any(h.start < b and a < h.end for h in hits):
                    continue
                if e.not_followed_by:
                    nxt = _WORD.search(text, b, b + FOLLOW_CHARS)
                    if nxt and text[b:nxt.start()].strip() == "" and nxt.group().lower() in e.not_followed_by:
                        continue
                if e.with_words or e.without_words:
                    k = bisect_right(starts, a) - 1
                    sa, sb = sentence_spans[k] if k >= 0 else (0, len(text))
                    words = {w.group().lower() for w in _WORD.finditer(text, sa, max(sb, b))}
                    if e.with_words and not _has_word(words, e.with_words):
                        continue
                    if e.without_words and _has_word(words, e.without_words):
                        continue
                hits.append(Hit(a, b, e))
    hits.sort(key=lambda h: (h.start, h.entry.index))
    return iter(hits)


def find_in_doc(doc) -> list[Hit]:
    """The calques of a document, found once and shared by TR302 and TR701."""
    return doc.memo("translation.calques", lambda d: list(find(d.text, [(s.start, s.end) for s in d.sentences])))
