"""The engine: runs the selected checks over a corpus of files and applies, alone, severity,
select/ignore, per-file ignores, inline suppressions and the baseline.

Per-document work (`worker.Worker`: reading, the document model, per-document checks, `collect`
of corpus checks and shared analyses) runs on an executor (this process or a process pool);
the summaries are merged as results arrive, each shared analysis is finalized once, and then
each corpus check, with the executor's workers lent to them (`map`).
"""
from __future__ import annotations

import functools
import gc
import os

from . import compiled, inputs, selection
from .api import Deferred, severity_rank
from .config import Config
from .document import Document
from .executor import LocalExecutor, collector_paused
from .notices import Notice, check_failed, notice
from .placement import FileResult, place
from .records import field, record
from .registry import Registry
from .suppression import inline_suppressed, per_file_ignored
from .worker import ANALYSIS_KEY, Plan, analysis_name

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any


#: Documents rebuilt to place cross-file findings that are kept for the next findings: the checks
#: report file by file, and keeping every document of a large corpus took more memory than its
#: summaries.
DOCUMENTS_KEPT = 64


@record
class RunResult:
    files: list[FileResult]
    notices: list[Notice]
    rules_run: list[str]
    baseline_suppressed: int = 0
    corpus_data: dict[str, list] = field(default_factory=dict)  # code -> check.corpus_data(...)
    settings: dict[str, Any] = field(default_factory=dict)  # family -> resolved settings

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

    def overviews(self, kind: type) -> list:
        """The corpus overviews of one type (api.SpellingGroup, api.Story) that checks gave."""
        return [item for data in self.corpus_data.values() for item in data if isinstance(item, kind)]


def make_plan(cfg: Config, registry: Registry) -> Plan:
    """Resolve the settings against the registry; raises ConfigError on anything unknown."""
    selection.validate_selectors(cfg, registry)
    options = selection.resolve_options(cfg, registry)
    settings = selection.resolve_settings(cfg, registry)
    codes = tuple(selection.selected_codes(cfg, registry))
    severities = {c: selection.severity_for(c, registry.get(c).cls.severity, cfg.severity) for c in codes}
    plan = Plan(codes, options, settings, severities, cfg.max_file_size)
    if not cfg.cache:
        return plan
    from .records import replace

    from . import cache

    parts = (codes, sorted((k, sorted(v.items())) for k, v in options.items()),
             sorted((k, sorted(v.items())) for k, v in settings.items()), sorted(severities.items()),
             cfg.max_file_size)
    fingerprint = cache.settings_fingerprint(parts, selection.setting_files(settings, registry))
    fingerprint += cache.code_fingerprint(registry)
    folder = cfg.resolve(cfg.cache_dir) if cfg.cache_dir else str(cache.default_folder())
    return replace(plan, cache_folder=folder, fingerprint=fingerprint)


def _is_own_file(source: inputs.Source, own: list[str]) -> bool:
    """The house list of names and the baseline are the tool's own files, never articles (the
    staged-files pre-commit hook passes every staged .txt, the house list included)."""
    if not source.on_disk:
        return False
    here = os.path.realpath(source.fs_path)
    return any(os.path.realpath(p) == here for p in own)


class no_full_collections:  # noqa: N801 - used as `with no_full_collections():`, as contextlib's
    """Corpus summaries are many long-lived objects: every full (generation 2) garbage collection
    scans them all again, which made a run grow faster than the corpus (measured: 2.95 x the time
    for 2 x the articles). Young cycles are still collected by generations 0 and 1. (A class, not
    a contextlib.contextmanager: importing contextlib cost a one-file run 0.5 ms.)"""

    def __enter__(self) -> None:
        self.old = gc.get_threshold()
        gc.set_threshold(self.old[0], self.old[1], 1_000_000)

    def __exit__(self, *exc) -> None:
        gc.set_threshold(*self.old)


def run(paths: list[str], cfg: Config, registry: Registry, jobs: int = 0, baseline=None,
        stdin: inputs.Source | None = None, progress=None, executor=None,
        sources: list[inputs.Source] = (), on_file=None) -> RunResult:
    """Audit `paths` as one corpus ('-' in `paths` stands for `stdin`), with any in-memory
    `sources` besides. `progress(done, total)` is called as each file is audited, and
    `on_file(FileResult)` with its per-document findings (filtered, sorted) as soon as it is
    audited: cross-file findings come only with the returned result."""
    with no_full_collections():
        return _run(paths, cfg, registry, jobs, baseline, stdin, progress, executor, list(sources), on_file)


def _run(paths, cfg: Config, registry: Registry, jobs, baseline, stdin, progress, executor,
         extra, on_file) -> RunResult:
    plan = make_plan(cfg, registry)
    sources, errors = inputs.discover(paths, cfg.include, cfg.exclude, stdin)
    sources += extra
    own = selection.setting_files(plan.settings, registry) + [cfg.baseline_path]
    sources = [s for s in sources if not _is_own_file(s, own)]
    notices: list[Notice] = [Notice("error", p) for p in registry.problems] + [notice(e) for e in errors]

    _, corpus, analyses = plan.instantiate(registry)
    summaries: dict[str, Any] = {c.code: c.empty() for c in corpus if c.collects()}
    summaries.update({ANALYSIS_KEY + name: a.empty() for name, a in analyses.items()})
    reducers = {c.code: c for c in corpus if c.collects()}
    reducers.update({ANALYSIS_KEY + name: a for name, a in analyses.items()})
    results: list[FileResult] = []
    done = suppressed = 0

    def absorb(outcome):
        nonlocal done, suppressed
        result, file_summaries, messages = outcome
        notices.extend(messages)
        done += 1
        if progress is not None:
            progress(done, len(sources))
        if result is not None:
            result.findings, accepted = _filter(result, result.findings, cfg, baseline)
            suppressed += accepted
            results.append(result)
            if on_file is not None:
                on_file(result)
        for key, value in file_summaries.items():
            summaries[key] = reducers[key].merge(summaries[key], value)

    with executor or LocalExecutor(jobs or cfg.jobs) as ex:  # its workers serve finalize too
        ex.run(registry, plan, sources, absorb)
        compiled.save()   # the regular expressions this run compiled, for the next one
        if plan.cache_folder:
            from .cache import ResultCache

            ResultCache(plan.cache_folder, plan.fingerprint).prune()
        with collector_paused():
            corpus_data = _finalize(corpus, analyses, summaries, results, plan, notices, ex.map)
    for r in results:
        if r.corpus_findings:
            kept, accepted = _filter(r, r.corpus_findings, cfg, baseline)
            suppressed += accepted
            r.findings = merged(r.findings, kept)
            r.corpus_findings = []
    results.sort(key=lambda r: r.path)
    return RunResult(results, notices, list(plan.codes), suppressed, corpus_data, plan.settings)


def _finalize(corpus, analyses, summaries, results, plan: Plan, notices, map_=None) -> dict[str, list]:
    """Finalize the shared analyses once, then each corpus check; place their findings.
    `map_` is the executor's `map`, lent to them (`api._Declared.map`)."""
    for reducer in [*analyses.values(), *corpus]:
        reducer._map = map_
    by_path = {r.path: r for r in results}

    @functools.lru_cache(maxsize=DOCUMENTS_KEPT)
    def lookup(path: str) -> Document | None:
        return by_path[path].ref.document() if path in by_path else None

    outcomes = AnalysisOutcomes(analyses, summaries, notices)
    corpus_data: dict[str, list] = {}
    for check in corpus:
        if not outcomes.hand_to(check):
            continue
        summary = summaries.get(check.code)
        try:
            for path, finding in check.finalize(summary):
                target = by_path.get(path)
                if target is None:
                    notices.append(Notice("error", f"check {check.code} reported on a file that was not "
                                                   f"audited ({path}); finding dropped"))
                    continue
                target.corpus_findings.append(place(lookup(path), check, finding, plan.severities[check.code],
                                                    lookup))
            data = list(check.corpus_data(summary) or ())
            if data:
                corpus_data[check.code] = data
        except Exception as e:
            notices.append(check_failed(check.code, None, e, " while comparing the files"))
    return corpus_data


class AnalysisOutcomes:
    """The shared analyses finalized, each once, and handed to the corpus checks that use them.
    An analysis that fails is reported once; the checks that need it are skipped, the others go
    on. An analysis that returns `Deferred` is completed when the first check that uses it asks."""

    def __init__(self, analyses: dict, summaries: dict, notices: list[Notice]):
        self.notices = notices
        self.outcomes: dict[str, Any] = {}
        self.failed: set[str] = set()
        # those that lend work to the workers first (`Analysis.lends_work`); sorted() is stable
        for name, analysis in sorted(analyses.items(), key=lambda item: not item[1].lends_work):
            summary = summaries.get(ANALYSIS_KEY + name)
            self._settle(name, lambda: analysis.finalize(analysis.empty() if summary is None else summary))

    def hand_to(self, check) -> bool:
        """Set the results of the analyses `check` uses on it; False if one of them failed."""
        needs = {analysis_name(cls): cls for cls in check.uses}
        for name in needs.keys() - self.failed:
            if isinstance(self.outcomes[name], Deferred):
                self._settle(name, self.outcomes[name].result)
        if needs.keys() & self.failed:
            return False
        check._analysis_results = {cls: self.outcomes[name] for name, cls in needs.items()}
        return True

    def _settle(self, name: str, compute) -> None:
        try:
            self.outcomes[name] = compute()
        except Exception as e:  # the checks that need it fail; the others go on
            self.failed.add(name)
            self.notices.append(check_failed(name, None, e, " (shared analysis) while comparing the files"))


def _order(f) -> tuple:
    return f.start, f.end, f.code


def merged(findings: list, more: list) -> list:
    """A file's per-document findings and its corpus findings, sorted, one per fix."""
    return one_per_fix(sorted(findings + more, key=_order))


def one_per_fix(findings: list) -> list:
    """Keep one finding of a family per span and fix. Two checks of one family that flag the same
    text with the same fix (NM101's variant and NM107's case form of one name; TR301's garbled term
    and TR302's calque) would have an editor read one mistake twice: the graver stays, code order
    breaking a tie. Findings without a fix are distinct diagnoses and all stay. `findings` is
    sorted by `_order`, so the duplicates of a span are neighbours."""
    kept: list = []
    for f in findings:
        last = kept[-1] if kept else None
        if (last is not None and f.raw_edits and (f.start, f.end, f.family, f.raw_edits)
                == (last.start, last.end, last.family, last.raw_edits)):
            if severity_rank(f.severity) > severity_rank(last.severity):
                kept[-1] = f
            continue
        kept.append(f)
    return kept


def _filter(r: FileResult, findings: list, cfg: Config, baseline) -> tuple[list, int]:
    """Apply per-file-ignores, inline suppressions and the baseline to findings of one file;
    sorted. Returns them and how many the baseline accepted."""
    kept = [f for f in findings if not per_file_ignored(r.path, f.code, cfg.per_file_ignores,
                                                         os.path.join(cfg.cwd, cfg.root), cfg.cwd)]
    if kept and r.ref.kind in ("markdown", "html"):
        kept = inline_suppressed(r.ref.document(), kept)
    accepted = 0
    if baseline is not None:
        before = len(kept)
        kept = baseline.filter(r.path, kept)
        accepted = before - len(kept)
    return one_per_fix(sorted(kept, key=_order)), accepted


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


__all__ = ["run", "exit_code", "make_plan", "RunResult", "FileResult", "Notice"]
