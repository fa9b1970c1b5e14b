"""The engine: runs the selected checks over a corpus of files and applies, alone, severity,
select/ignore, per-file ignores, inline suppressions and the baseline.

Per-document work (reading, the document model, per-document checks, `collect` of corpus checks)
runs in worker processes with `--jobs`; the summaries are merged as results arrive and each
corpus check is finalized once.
"""
from __future__ import annotations

import fnmatch
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import inputs
from .api import Finding, Options, SEVERITIES, severity_rank
from .config import Config, ConfigError, read_house_names
from .document import Document
from .registry import Registry


@dataclass
class Reported:
    """A finding as reported: stamped with code, family, severity; offsets into the raw file."""

    code: str
    family: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str | None
    related: list[dict] = field(default_factory=list)
    snippet: str = ""  # the flagged raw text (for baselines and reports)

    def as_json(self) -> dict:
        return {"code": self.code, "family": self.family, "severity": self.severity,
                "start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "message": self.message, "suggestion": self.suggestion}


@dataclass
class DocRef:
    """What the main process keeps of a document to place corpus findings in it."""

    path: str
    raw: str
    kind: str
    encoding: str
    segments: list | None

    @classmethod
    def of(cls, doc: Document) -> "DocRef":
        m = doc.offset_map
        return cls(doc.path, doc.raw, doc.kind, doc.encoding, m.to_list() if m else None)

    def document(self) -> Document:
        return Document(self.path, self.raw, self.kind, self.encoding)


@dataclass
class FileResult:
    path: str
    ref: DocRef
    findings: list[Reported] = field(default_factory=list)


@dataclass(frozen=True)
class Notice:
    """A one-line message for stderr about the run: an input that could not be audited, a check
    that failed, a setting that does nothing. `path` is the file it concerns, if any; `skipped`
    says that the file was not audited at all (it is then listed under "errors" in JSON)."""

    level: str  # "error" (the run is not clean: exit 2), "warning" or "note"
    message: str  # names the file (or the setting) and the problem
    path: str | None = None
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"


@dataclass
class RunResult:
    files: list[FileResult]
    notices: list[Notice]
    rules_run: list[str]
    baseline_suppressed: int = 0
    corpus_data: dict[str, Any] = field(default_factory=dict)  # code -> check.corpus_data(...)

    @property
    def errors(self) -> int:
        """Problems that make the run incomplete: files not read, checks that failed."""
        return sum(n.level == "error" for n in self.notices)

    @property
    def unaudited(self) -> list[Notice]:
        """Files that were skipped or could not be read, one notice each."""
        return [n for n in self.notices if n.skipped]

    @property
    def failed_checks(self) -> int:
        return sum(n.level == "error" and not n.skipped for n in self.notices)


def notice(e: inputs.InputError) -> Notice:
    return Notice("error" if e.fatal else "note", str(e), e.path, e.skipped)


def check_failed(code: str, path: str | None, e: BaseException, stage: str = "") -> Notice:
    """A check that raised: the run goes on, but it is not clean (exit 2)."""
    where = f"{path}: " if path else ""
    text = " ".join(str(e).split())[:200]
    return Notice("error", f"{where}check {code} failed{stage}: {type(e).__name__}: {text}", path)


@dataclass
class Context:
    """Run-wide information a check may read (`self.context`)."""

    house_names: dict[str, str] = field(default_factory=dict)
    config_root: str = "."


# --- selection --------------------------------------------------------------------------------

def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


def is_selected(code: str, select, ignore, extend_select=()) -> bool:
    """ruff-style: the most specific matching prefix wins; on a tie, ignore wins."""
    chosen = max(_longest_prefix(code, select), _longest_prefix(code, extend_select))
    return chosen >= 0 and chosen > _longest_prefix(code, ignore)


def severity_for(code: str, default: str, overrides: dict[str, str]) -> str:
    best, level = -1, default
    for prefix, sev in overrides.items():
        n = _longest_prefix(code, [prefix])
        if n > best:
            best, level = n, sev
    return level


def resolve_options(cfg: Config, registry: Registry) -> dict[str, Options]:
    """Per-check options: defaults overlaid with config values, validated against declarations."""
    resolved = {}
    for code, values in cfg.options.items():
        if registry.get(code) is None:
            raise ConfigError(f"{cfg.source}: options for unknown check '{code}'")
    for rule in registry.sorted():
        opts = rule.cls.default_options()
        for name, value in cfg.options.get(rule.code, {}).items():
            decl = rule.cls.options.get(name)
            if decl is None:
                known = ", ".join(rule.cls.options) or "none"
                raise ConfigError(f"{cfg.source}: unknown option 'options.{rule.code}.{name}' (known: {known})")
            try:
                opts[name] = decl.coerce(value)
            except ValueError as e:
                raise ConfigError(f"{cfg.source}: option 'options.{rule.code}.{name}': {e}") from None
        resolved[rule.code] = opts
    return resolved


def validate_selectors(cfg: Config, registry: Registry) -> None:
    """Codes in the settings must match a registered check: a typo would otherwise silently
    select or ignore nothing. Raises ConfigError naming the setting and the nearest code."""
    keys = [("select", cfg.select), ("ignore", cfg.ignore), ("extend-select", cfg.extend_select),
            ("severity", list(cfg.severity))]
    keys += [(f"per-file-ignores.{glob}", codes) for glob, codes in cfg.per_file_ignores.items()]
    for key, values in keys:
        for v in values:
            if v != "ALL" and not any(code.startswith(v) for code in registry.rules):
                raise ConfigError(f"{_where(cfg, key)}'{v}' matches no check{_nearest(v, registry)}; "
                                  "`auditor rules` lists them")


def _where(cfg: Config, key: str) -> str:
    if key in cfg.from_cli:
        return f"--{key}: "
    return f"{cfg.source}: '{key}': " if cfg.source else f"{key}: "


def _nearest(selector: str, registry: Registry) -> str:
    """'; did you mean NM101?' for the closest code (or else family prefix), or ''."""
    import difflib

    codes = sorted(registry.rules)
    prefixes = sorted({code[:n] for code in codes for n in range(2, len(code))})
    for candidates in (codes, prefixes):
        close = difflib.get_close_matches(selector, candidates, n=1, cutoff=0.6)
        if close:
            return f"; did you mean {close[0]}?"
    return ""


def make_context(cfg: Config) -> Context:
    house = {}
    if cfg.house_names:
        house = read_house_names(cfg.resolve(cfg.house_names))
    return Context(house_names=house, config_root=cfg.root)


def _is_settings_file(source: inputs.Source, cfg: Config) -> bool:
    """The house list of names and the baseline are the tool's own files, never articles (the
    staged-files pre-commit hook passes every staged .txt, the house list included)."""
    own = [cfg.resolve(cfg.house_names), cfg.baseline_path]
    if not source.on_disk:
        return False
    here = os.path.realpath(source.fs_path)
    return any(p and os.path.realpath(p) == here for p in own)


# --- the per-document worker -----------------------------------------------------------------

class Worker:
    """Holds instantiated checks; audits one source at a time."""

    def __init__(self, registry: Registry, codes: list[str], options: dict[str, Options],
                 context: Context, severities: dict[str, str], max_bytes: int):
        insts = [registry.get(c).cls(options[c], context) for c in codes]
        self.doc_checks = [i for i in insts if not i.is_corpus]
        self.corpus_checks = [i for i in insts if i.is_corpus]
        self.severities = severities
        self.max_bytes = max_bytes

    def audit(self, source: inputs.Source):
        """Returns (FileResult | None, {code: summary}, [notice])."""
        try:
            doc, notices = inputs.load(source, self.max_bytes)
        except inputs.InputError as e:
            return None, {}, [notice(e)]
        except Exception as e:  # never let one file take the run down
            return None, {}, [Notice("error", f"{source.display}: could not be read: {type(e).__name__}: {e}",
                                     source.display, skipped=True)]
        messages = [notice(n) for n in notices]
        result = FileResult(doc.path, DocRef.of(doc))
        for inst in self.doc_checks:
            if inst.kinds and doc.kind not in inst.kinds:
                continue
            try:
                for f in inst.check(doc):
                    result.findings.append(place(doc, inst, f, self.severities[inst.code]))
            except Exception as e:  # a broken check must not take the run down
                messages.append(check_failed(inst.code, doc.path, e))
        summaries = {}
        for inst in self.corpus_checks:
            try:
                summaries[inst.code] = inst.collect(doc)
            except Exception as e:
                messages.append(check_failed(inst.code, doc.path, e))
        return result, summaries, messages


def place(doc: Document, check, f: Finding, severity: str, lookup=None) -> Reported:
    """Map a check's finding from visible-text offsets to raw offsets, lines and columns."""
    text_len = len(doc.text)
    a = min(max(f.start, 0), text_len)
    b = min(max(f.end, a), text_len)
    start, end = doc.raw_span(a, b)
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    related = []
    for r in f.related:
        entry = {"path": r.path, "start": r.start, "end": r.end, "note": r.note}
        other = doc if r.path == doc.path else (lookup(r.path) if lookup else None)
        if other is not None:
            rs, re_ = other.raw_span(min(r.start, len(other.text)), min(r.end, len(other.text)))
            entry.update(start=rs, end=re_, line=other.line_col(rs)[0], column=other.line_col(rs)[1])
        related.append(entry)
    return Reported(check.code, check.family, severity, start, end, line, col, end_line, end_col,
                    f.message, f.suggestion, related, doc.raw[start:end])


# --- suppression ------------------------------------------------------------------------------

def _inline_suppressed(ref: DocRef, findings: list[Reported]) -> list[Reported]:
    doc = ref.document()
    comments = doc.suppressions
    if not comments:
        return findings
    raw = doc.raw
    rules = []  # (raw_from, raw_to, codes)
    for scope, offset, codes in comments:
        if scope == "ignore-file":
            rules.append((0, len(raw), codes))
            continue
        close = raw.find("-->", offset)
        after = close + 3 if close >= 0 else len(raw)
        line_start = raw.rfind("\n", 0, offset) + 1
        line_end = raw.find("\n", after)
        line_end = len(raw) if line_end < 0 else line_end
        own_line = (raw[line_start:offset] + raw[after:line_end]).strip()
        if own_line:  # a comment beside text covers its own line
            rules.append((line_start, line_end, codes))
            continue
        nxt = after
        while nxt < len(raw) and raw[nxt].isspace():
            nxt += 1
        stop = raw.find("\n", nxt)
        rules.append((after, len(raw) if stop < 0 else stop, codes))
    return [f for f in findings
            if not any(a <= f.start <= b and (not codes or any(f.code.startswith(c) for c in codes))
                       for a, b, codes in rules)]


def _per_file_ignored(path: str, code: str, table: dict[str, list[str]], root: str = ".") -> bool:
    """Globs match the path as shown, the path relative to the config file's folder, or the name."""
    if not table:
        return False
    posix = path.replace(os.sep, "/")
    names = {posix, posix.rsplit("/", 1)[-1]}
    try:
        names.add(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))
    except ValueError:  # another drive (Windows)
        pass
    for pattern, codes in table.items():
        if any(fnmatch.fnmatch(n, pattern) for n in names):
            if any(c == "ALL" or code.startswith(c) for c in codes):
                return True
    return False


# --- running ----------------------------------------------------------------------------------

_WORKER: Worker | None = None


def _init_worker(args) -> None:
    global _WORKER
    from .registry import load_registry

    gc.set_threshold(*gc.get_threshold()[:2], 1_000_000)  # see no_full_collections

    codes, options, context, severities, max_bytes = args
    _WORKER = Worker(load_registry(), codes, options, context, severities, max_bytes)


def _audit_in_worker(source):
    return _WORKER.audit(source)


def choose_jobs(requested: int, n_files: int) -> int:
    if requested > 0:
        return requested
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_files < 64 else max(1, cpus)


@contextmanager
def no_full_collections():
    """Corpus summaries are many long-lived objects: every full (generation 2) garbage collection
    scans them all again, which made a run grow faster than the corpus (measured: 2.95 x the time
    for 2 x the articles). Young cycles are still collected by generations 0 and 1."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], 1_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def run(paths: list[str], cfg: Config, registry: Registry, jobs: int = 0, baseline=None,
        stdin: inputs.Source | None = None, progress=None) -> RunResult:
    """Audit `paths` as one corpus ('-' in `paths` stands for `stdin`). `progress(done, total)`
    is called as each file is audited."""
    with no_full_collections():
        return _run(paths, cfg, registry, jobs, baseline, stdin, progress)


def _run(paths: list[str], cfg: Config, registry: Registry, jobs: int, baseline, stdin,
         progress) -> RunResult:
    options = resolve_options(cfg, registry)
    codes = [r.code for r in registry.sorted()
             if is_selected(r.code, cfg.select, cfg.ignore, cfg.extend_select)]
    severities = {c: severity_for(c, registry.get(c).cls.severity, cfg.severity) for c in codes}
    context = make_context(cfg)
    sources, errors = inputs.discover(paths, cfg.include, cfg.exclude, stdin)
    sources = [s for s in sources if not _is_settings_file(s, cfg)]
    validate_selectors(cfg, registry)
    notices: list[Notice] = [notice(e) for e in errors]

    worker_args = (codes, options, context, severities, cfg.max_file_size)
    n_jobs = choose_jobs(jobs or cfg.jobs, len(sources))
    results: list[FileResult] = []
    corpus = [registry.get(c).cls(options[c], context) for c in codes if registry.get(c).cls.is_corpus]
    summaries: dict[str, Any] = {c.code: c.empty() for c in corpus}

    done = 0

    def absorb(outcome):
        nonlocal done
        result, file_summaries, messages = outcome
        notices.extend(messages)
        done += 1
        if progress is not None:
            progress(done, len(sources))
        if result is not None:
            results.append(result)
        for check in corpus:
            if check.code in file_summaries:
                summaries[check.code] = check.merge(summaries[check.code], file_summaries[check.code])

    if n_jobs <= 1 or len(sources) <= 1:
        worker = Worker(registry, codes, options, context, severities, cfg.max_file_size)
        for source in sources:
            absorb(worker.audit(source))
    else:
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        chunk = max(1, min(64, len(sources) // (n_jobs * 8) or 1))
        with ctx.Pool(n_jobs, _init_worker, (worker_args,)) as pool:
            for outcome in pool.imap(_audit_in_worker, sources, chunksize=chunk):
                absorb(outcome)

    by_path = {r.path: r for r in results}
    docs: dict[str, Document] = {}
    corpus_data: dict[str, Any] = {}

    def lookup(path: str) -> Document | None:
        if path not in docs and path in by_path:
            docs[path] = by_path[path].ref.document()
        return docs.get(path)

    for check in corpus:
        try:
            for path, finding in check.finalize(summaries[check.code]):
                target = by_path.get(path)
                if target is None:
                    notices.append(Notice("error", f"check {check.code} reported on a file that was not "
                                                   f"audited ({path}); finding dropped"))
                    continue
                target.findings.append(place(lookup(path), check, finding, severities[check.code], lookup))
            data = check.corpus_data(summaries[check.code])
            if data is not None:
                corpus_data[check.code] = data
        except Exception as e:
            notices.append(check_failed(check.code, None, e, " while comparing the files"))

    suppressed = 0
    for r in results:
        kept = [f for f in r.findings if not _per_file_ignored(r.path, f.code, cfg.per_file_ignores, cfg.root)]
        kept = _inline_suppressed(r.ref, kept)
        if baseline is not None:
            before = len(kept)
            kept = baseline.filter(r.path, kept)
            suppressed += before - len(kept)
        kept.sort(key=lambda f: (f.start, f.end, f.code))
        r.findings = kept
    results.sort(key=lambda r: r.path)
    return RunResult(results, notices, codes, suppressed, corpus_data)


def exit_code(result: RunResult, fail_on: str) -> int:
    if result.errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = severity_rank(fail_on)
    for r in result.files:
        if any(severity_rank(f.severity) >= threshold for f in r.findings):
            return 1
    return 0


__all__ = ["run", "exit_code", "RunResult", "FileResult", "Reported", "Context", "SEVERITIES"]
