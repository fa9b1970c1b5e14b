"""The check API: what a check declares and what it yields.

A check is a small class. It declares its code, family, one-line summary, default severity and
typed options; `check(doc)` yields `Finding`s with offsets into `doc.text`. The engine, not the
check, stamps code, family and severity, maps offsets back to the file on disk, and applies
select/ignore and suppressions.

A corpus (cross-file) check is map and reduce, so that it runs in parallel here and on a
distributed engine elsewhere: `collect(doc)` returns a small picklable summary of one document,
`merge(a, b)` combines two summaries (associative), and `finalize(summary)` yields
`(path, Finding)` pairs once for the whole corpus.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

SEVERITIES = ("info", "warning", "error")
FAMILIES = ("names", "boilerplate", "translation")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Related:
    """Another place that bears on a finding, usually in another file of the corpus."""

    path: str
    start: int
    end: int
    note: str = ""


@dataclass
class Finding:
    """What a check yields: a span of `doc.text`, a message, optionally a suggestion."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class Option:
    """A typed check option with its default; the type is the default's unless given."""

    default: Any
    help: str = ""
    type: type | None = None

    @property
    def kind(self) -> type:
        return self.type or type(self.default)

    def coerce(self, value: Any) -> Any:
        """Return `value` as this option's type, or raise ValueError saying what was expected."""
        kind = self.kind
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if kind in (list, tuple) and isinstance(value, (list, tuple)):
            return kind(value)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise ValueError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")


class Options(dict):
    """Resolved option values of one check; readable as attributes (`self.opts.max_words`).

    Option names are snake_case; config files may spell them with dashes."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Check:
    """Base class of a per-document check. Subclasses set the class attributes below."""

    code: str = ""
    family: str = ""
    summary: str = ""
    severity: str = "warning"
    options: dict[str, Option] = {}
    #: Longer explanation shown by `auditor explain`; the class docstring when empty.
    explanation: str = ""
    #: Which document kinds the check applies to (text, markdown, html); empty means all.
    kinds: tuple[str, ...] = ()

    is_corpus = False

    def __init__(self, opts: Options | None = None, context: Any = None):
        self.opts = opts if opts is not None else self.default_options()
        self.context = context

    @classmethod
    def default_options(cls) -> Options:
        return Options({name: opt.default for name, opt in cls.options.items()})

    @classmethod
    def describe(cls) -> str:
        return inspect.cleandoc(cls.explanation or cls.__doc__ or cls.summary)

    def check(self, doc) -> Iterator[Finding]:  # pragma: no cover - interface
        return iter(())


class CorpusCheck(Check):
    """Base class of a cross-file check: collect per document, merge, finalize once."""

    is_corpus = True

    def collect(self, doc) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def merge(self, a: Any, b: Any) -> Any:
        """Combine two summaries. The default extends the list `a` in place (linear over a corpus)."""
        a.extend(b)
        return a

    def empty(self) -> Any:
        """The neutral summary, the start of the reduction."""
        return []

    def finalize(self, summary: Any) -> Iterable[tuple[str, Finding]]:  # pragma: no cover
        return iter(())

    def corpus_data(self, summary: Any) -> Any:
        """Optional JSON-able overview of the corpus for reports (e.g. name spellings, stories).

        Called once after `finalize` with the same merged summary; None when there is nothing."""
        return None


@dataclass
class Rule:
    """A registered check class and where it came from (for messages about broken plugins)."""

    cls: type[Check]
    source: str
    extra: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.cls.code
