"""Examples of every check, in one format, run by one test (tests/test_examples.py) and shown by
`auditor explain`.

A check's examples live next to its module, in `examples/<CODE>.txt`:

    # a comment
    === Isiba is a Japanese name that came through Russian
    --- a.txt
    The Prime Minister of Japan, Shigeru [[Isiba -> Ishiba]], spoke in Tokyo on Friday.
    === a Russian name in a Russian story is left alone
    The skater Elena Radionova won the event in Moscow.

A case starts with `=== title`. Its files follow `--- name` lines (a case of one file may leave
the line out: it is `a.txt`). `[[text]]` marks a span a finding of the code must overlap, and
`[[text -> suggestion]]` also the suggestion it must make; a case without marks must give no
finding of the code, and a finding outside every mark fails the case. `setting: KEY=VALUE`
lines right after the title set family settings (`setting: house-names=names.txt`, with the
file given as `--- names.txt`). `<nbsp>` stands for a no-break space, `<tab>` for a tab.

Entries of data files (phrase families, term tables, romanization schemes) carry an example and
a counter-example each: a data-driven check lists them as `DataExample`s (`data_examples()`),
and the same test tries each one.
"""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Callable

from . import compiled
from .records import field, record

_MARK = compiled.regex(r"\[\[(.*?)\]\]", re.S)
_TOKENS = {"<nbsp>": "\u00a0", "<tab>": "\t"}
DEFAULT_FILE = "a.txt"


@record(frozen=True)
class Mark:
    file: str
    start: int
    end: int
    suggestion: str | None = None


@record
class Case:
    title: str
    source: str  # "path:line" of the `===` line
    files: dict[str, str] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def positive(self) -> bool:
        return bool(self.marks)


@record(frozen=True)
class DataExample:
    """An example (expected=True: the entry must fire on `text`) or counter-example of one entry
    of a data file. `fires(text)` says whether the entry (or the check built on it) fires."""

    source: str  # "data/terms.json: most-favoured-nation status"
    text: str
    expected: bool
    fires: Callable[[str], bool]

    def passes(self) -> bool:
        return bool(self.fires(self.text)) == self.expected


def _unmark(marked: str, name: str) -> tuple[str, list[Mark]]:
    out, marks, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        body, _, suggestion = m.group(1).partition(" -> ")
        out.append(body)
        marks.append(Mark(name, length, length + len(body), suggestion if _ else None))
        length += len(body)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), marks


def _detokenize(text: str) -> str:
    for token, char in _TOKENS.items():
        text = text.replace(token, char)
    return text


def parse(text: str, source: str = "<examples>") -> list[Case]:
    """The cases of one examples file."""
    cases: list[Case] = []
    case: Case | None = None
    current: str | None = None
    bodies: dict[str, list[str]] = {}

    def close() -> None:
        if case is None:
            return
        for name, lines in bodies.items():
            raw = _detokenize("\n".join(lines).strip("\n") + "\n")
            case.files[name], marks = _unmark(raw, name)
            case.marks.extend(marks)
        cases.append(case)

    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("=== "):
            close()
            case, current, bodies = Case(line[4:].strip(), f"{source}:{n}"), None, {}
        elif case is None or (current is None and (line.startswith("#") or not line.strip())):
            continue
        elif current is None and line.startswith("setting: "):
            key, _, value = line[9:].partition("=")
            case.settings[key.strip()] = value.strip()
        elif line.startswith("--- "):
            current = line[4:].strip()
            bodies[current] = []
        else:
            if current is None:
                current = DEFAULT_FILE
                bodies[current] = []
            bodies[current].append(line)
    close()
    return cases


def examples_file(cls) -> Path:
    """Where a check's examples live: `examples/<CODE>.txt` beside its module."""
    import inspect

    return Path(inspect.getfile(cls)).resolve().parent / "examples" / f"{cls.code}.txt"


def load(cls) -> list[Case]:
    path = examples_file(cls)
    if not path.exists():
        return []
    return parse(path.read_text(encoding="utf-8"), f"{path.parent.parent.name}/examples/{path.name}")
