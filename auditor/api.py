"""The check API: what a check declares and what it yields.

A check is a small class. It declares its code, family, one-line summary, default severity and
typed options; `check(doc)` yields `Finding`s with offsets into `doc.text`, each with the `Edit`s
that would fix it. The engine, not the check, stamps code, family and severity, maps offsets and
edits back to the file on disk, and applies select/ignore and suppressions.

A corpus (cross-file) check is map and reduce, so that it runs in parallel here and on a
distributed engine elsewhere: `collect(doc)` returns a small picklable summary of one document,
`merge(a, b)` combines two summaries (associative), and `finalize(summary)` yields
`(path, Finding)` pairs once for the whole corpus. Work that several corpus checks share is an
`Analysis` (the same three steps), declared in the checks' `uses`: the engine runs it once and
hands its result to each of them (`self.analysis(TheAnalysis)`).

A family may declare settings of its own (`settings`, configured in `[tool.auditor.<family>]`,
e.g. the names family's house list); every check and analysis of the family reads them as
`self.settings`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any

SEVERITIES = ("info", "warning", "error")
#: How sure a fix is. `safe` fixes are applied by `auditor fix`; `unsafe` ones need --unsafe-fixes.
SAFE, UNSAFE = "safe", "unsafe"


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@record(frozen=True)
class Related:
    """Another place that bears on a finding, usually in another file of the corpus."""

    path: str
    start: int
    end: int
    note: str = ""


@record(frozen=True)
class Edit:
    """Replace [start, end) with `replacement` ("" deletes). A check gives offsets into
    `doc.text`; the engine maps them to the file on disk, and drops an edit that would cut a tag
    or a link of a Markdown or HTML file."""

    start: int
    end: int
    replacement: str = ""


@record
class Finding:
    """What a check yields: a span of `doc.text`, a message, and the edits that fix it.

    `applicability` says how sure the fix is: `SAFE` (removing a whole residue line, a house-list
    spelling) or `UNSAFE` (a spelling chosen by majority, a rewritten term). Advice that is not
    replacement text belongs in the message."""

    start: int
    end: int
    message: str
    edits: tuple[Edit, ...] = ()
    applicability: str = SAFE
    related: tuple[Related, ...] = ()


@record(frozen=True)
class Option:
    """A typed option with its default; the type is the default's unless given. A `path` option
    is a file name, resolved from the folder of the config file that sets it."""

    default: Any
    help: str = ""
    type: type | None = None
    path: bool = False

    @property
    def kind(self) -> type:
        if self.path:
            return str
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


def default_options(declared: dict[str, Option]) -> Options:
    return Options({name: opt.default for name, opt in declared.items()})


class _Declared:
    """What checks and analyses share: options, family settings, an explanation."""

    family: str = ""
    summary: str = ""
    options: dict[str, Option] = {}
    #: Settings of the whole family ([tool.auditor.<family>]); any check of the family may declare them.
    settings: dict[str, Option] = {}
    #: Longer explanation shown by `auditor explain`; the class docstring when empty.
    explanation: str = ""

    def __init__(self, opts: Options | None = None, settings: Options | None = None,
                 selected: frozenset[str] | None = None):
        self.opts = opts if opts is not None else self.default_options()
        self.settings = settings if settings is not None else default_options(type(self).settings)
        self._selected = selected
        self._map = None

    def map(self, fn, items) -> Iterator:
        """For `finalize`: `fn` over `items`, the results in the order of `items`, in the run's
        worker processes when it has some (set by the engine), else here. Use it for work that is
        independent across keys (one story, one group): `fn` (a module-level function or a
        partial of one) and the items must pickle and must not rely on this process's state;
        the items are consumed lazily."""
        return (self._map or map)(fn, items)

    def is_selected(self, code: str) -> bool:
        """Whether the check `code` runs too (a check may leave a case to a better-placed one,
        but only when that one is selected). True when not run by the engine."""
        return self._selected is None or code in self._selected

    @classmethod
    def default_options(cls) -> Options:
        return default_options(cls.options)

    @classmethod
    def describe(cls) -> str:
        import inspect   # here: importing it (with ast, dis, tokenize) costs every run 4 ms

        return inspect.cleandoc(cls.explanation or cls.__doc__ or cls.summary)


class Check(_Declared):
    """Base class of a per-document check. Subclasses set the class attributes below."""

    code: str = ""
    severity: str = "warning"
    #: Which document kinds the check applies to (text, markdown, html); empty means all.
    kinds: tuple[str, ...] = ()

    is_corpus = False

    def check(self, doc) -> Iterator[Finding]:  # pragma: no cover - interface
        return iter(())

    @classmethod
    def data_examples(cls) -> list:
        """The example and counter-example of every entry of the data files this check reads
        (`auditor.examples.DataExample`); run by the test suite."""
        return []


class Deferred:
    """What an analysis's `finalize` may return while the rest of its work runs in the run's
    workers (its `map`, whose results come back lazily): the engine completes it with `result()`
    when it finalizes the first check that uses the analysis. The main process finalizes the
    checks before that one meanwhile, on the core the workers leave it. (An analysis may instead
    return a result that reads its workers' results as its checks ask, as the renditions'
    `Result.stream` does: the first check then reports while the rest is still being worked out.)"""

    def __init__(self, complete: Callable[[], Any]):
        self._complete = complete

    def result(self) -> Any:
        return self._complete()


class Analysis(_Declared):
    """A corpus analysis that several corpus checks share (stories of renditions, the corpus's
    name spellings): collect per document, merge, finalize once into a result. The engine runs
    it once per run, for all the selected checks that list it in `uses`. Its options are set in
    `[tool.auditor.options.<name>]`."""

    name: str = ""
    #: Whether `finalize` hands most of its work to the run's workers (`map`) and returns before
    #: it is done (`Deferred`, or a result read lazily): the engine finalizes such analyses before
    #: the others, so that their work in the workers overlaps with what the main process
    #: finalizes meanwhile (10,000 articles: the renditions' story grouping waited behind the
    #: names analysis, with the workers idle).
    lends_work: bool = False

    def collect(self, doc) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def merge(self, a: Any, b: Any) -> Any:
        """Combine two summaries. The default extends the list `a` in place (linear over a corpus)."""
        a.extend(b)
        return a

    def empty(self) -> Any:
        """The neutral summary, the start of the reduction."""
        return []

    def finalize(self, summary: Any) -> Any:  # pragma: no cover - interface
        """The result for the checks (or `Deferred`, completed when the first of them asks)."""
        raise NotImplementedError

    def finalize_now(self, summary: Any) -> Any:
        """`finalize`'s result, completed now if it was deferred: for callers that want it at once."""
        outcome = self.finalize(summary)
        return outcome.result() if isinstance(outcome, Deferred) else outcome


class CorpusCheck(Check):
    """Base class of a cross-file check: collect per document, merge, finalize once.

    A check whose work is all in shared analyses (`uses`) needs no summary of its own: the
    default `collect` returns None and is not called."""

    is_corpus = True
    #: Analyses whose results `finalize` reads with `self.analysis(cls)`.
    uses: tuple[type[Analysis], ...] = ()

    def collect(self, doc) -> Any:
        return None

    def merge(self, a: Any, b: Any) -> Any:
        """Combine two summaries. The default extends the list `a` in place (linear over a corpus)."""
        if b is not None:
            a.extend(b if isinstance(b, list) else [b])
        return a

    def empty(self) -> Any:
        """The neutral summary, the start of the reduction."""
        return []

    #: Corpus work that splits by key (a line by its text, a name by its blocking key): set `keyed`
    #: and implement `keys_of` and `finalize_key`. The Dask engine then shuffles the parts by key
    #: and finalizes each key on a worker, so no process holds the whole corpus; `finalize` of the
    #: merged summary must yield the same findings (tests/test_distributed.py checks it).
    keyed = False

    def keys_of(self, summary: Any) -> Iterable[tuple[Any, Any]]:  # pragma: no cover - interface
        """One document's summary as (key, part) pairs."""
        raise NotImplementedError

    def finalize_key(self, key: Any, parts: list) -> Iterable[tuple[str, Finding]]:  # pragma: no cover
        """The findings of one key, from the parts of every document that has it."""
        raise NotImplementedError

    @classmethod
    def collects(cls) -> bool:
        """Whether the check keeps a summary of its own (it overrides `collect`)."""
        return cls.collect is not CorpusCheck.collect

    def analysis(self, cls: type[Analysis]) -> Any:
        """The result of a shared analysis this check `uses` (set by the engine before finalize)."""
        try:
            return self._analysis_results[cls]
        except (AttributeError, KeyError):
            raise LookupError(f"{type(self).__name__} reads {cls.__name__}, which it does not "
                              "declare in `uses`") from None

    def finalize(self, summary: Any) -> Iterable[tuple[str, Finding]]:  # pragma: no cover
        return iter(())

    def corpus_data(self, summary: Any) -> list:
        """Typed overviews of the corpus for reports (`SpellingGroup`, `Story`): called once
        after `finalize`. Empty when there is nothing to show."""
        return []


# --- corpus overviews that reports show -----------------------------------------------------

@record(frozen=True)
class Spelling:
    """One spelling of a name: how often and in which files it occurs."""

    text: str
    count: int
    files: tuple[str, ...]


@record(frozen=True)
class SpellingGroup:
    """The spellings of one name across the corpus, and the one suggested (None on a tie)."""

    suggested: str | None
    spellings: tuple[Spelling, ...]


@record(frozen=True)
class Story:
    """Files that tell one story (renditions), titled by the headline of the first one."""

    title: str
    files: tuple[str, ...]


@record
class Rule:
    """A registered check class and where it came from (for messages about broken plugins)."""

    cls: type[Check]
    source: str
    extra: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.cls.code
