"""Archive mode: the same checks on a Dask cluster (`auditor check --engine dask [--scheduler ADDR]`,
`pip install 'news-auditor[dask]'`), for corpora that do not fit one machine's memory.

The documents go to the workers in partitions (sorted by path). Each worker audits its documents
(per-document checks and the corpus checks' `collect`) and keeps the results. The corpus work is
then done in the cluster: a corpus check that declares keys (`CorpusCheck.keyed`) has its
summaries split by key, shuffled, and each key group finalized on a worker, so no process holds
the whole corpus; the others (and the shared analyses) are merged by a tree reduction and
finalized on one worker. The driver only receives findings. The findings that compare files are sent to the partitions of their files, placed
and filtered there, and every partition writes its files as JSON Lines. The driver only
concatenates those parts, in path order, into the report: the bytes are the local engine's.
"""
from __future__ import annotations

import json
import os
import tempfile

from . import engine, inputs, selection
from .notices import Notice, check_failed, notice
from .records import field, record
from .worker import ANALYSIS_KEY, Plan, Worker

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any

#: Files per partition: large enough that scheduling costs little, small enough to spread a
#: corpus of a few thousand files over the workers.
PARTITION_FILES = 500
#: Partitions per worker at most: enough to balance the load (a worker with slow files does not
#: hold up the others), few enough that the scheduler's bookkeeping -- in the driver's process
#: with a local cluster -- does not grow with the corpus; larger corpora get larger partitions.
PARTITIONS_PER_WORKER = 8
#: Workers of the local cluster started when no scheduler is given.
LOCAL_WORKERS = 2
#: Items of a finalize's `map` (a story, ...) sent to a worker in one task: the scheduler -- in
#: the driver's process with a local cluster -- keeps some bookkeeping for every task it has
#: seen (dask's cache of key names holds up to 100,000, its logs the last 1,000 graphs), which
#: grew the driver by 8 MB between 10,000 and 100,000 articles with one item a task. A few
#: stories a task still spread a corpus's stories over the workers.
MAP_ITEMS_PER_TASK = 16
#: Tasks of a finalize's `map` in the cluster at once, per worker: enough to keep every worker
#: busy, few enough that only a few are held at once (each travels with its items).
MAP_TASKS_PER_WORKER = 2


@record
class PartSummary:
    """What a partition tells the driver after writing its files: no text, no summaries."""

    part: str  # the JSON Lines file it wrote
    files: int = 0
    findings: dict[str, int] = field(default_factory=dict)  # severity -> count
    accepted: int = 0  # findings the baseline accepted
    notices: list[Notice] = field(default_factory=list)


@record
class DistributedResult:
    parts: list[PartSummary]
    notices: list[Notice]
    rules_run: list[str]

    @property
    def errors(self) -> int:
        return sum(n.level == "error" for n in self.notices) + sum(
            n.level == "error" for p in self.parts for n in p.notices)

    @property
    def baseline_suppressed(self) -> int:
        return sum(p.accepted for p in self.parts)

    def severities(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.parts:
            for sev, n in p.findings.items():
                out[sev] = out.get(sev, 0) + n
        return out

    def all_notices(self) -> list[Notice]:
        return self.notices + [n for p in self.parts for n in p.notices]


def client_for(scheduler: str | None):
    """A Dask client: to the scheduler at `scheduler`, or to a local cluster of worker processes."""
    from .config import ConfigError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask needs Dask: pip install 'news-auditor[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler), None
        except (OSError, ValueError, TypeError) as e:  # no scheduler there, or no address
            raise ConfigError(f"--scheduler {scheduler}: cannot reach a Dask scheduler: {_first_line(e)}") from None
    try:
        cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    except Exception as e:  # noqa: BLE001 - Dask raises plain RuntimeErrors; the user needs one line
        raise ConfigError(f"the local Dask cluster did not start: {_first_line(e)} (from a Python script, call "
                          f"auditor under `if __name__ == \"__main__\":` -- its workers re-import the script)") from None
    return Client(cluster), cluster


def _first_line(error: BaseException) -> str:
    """The first non-empty line of an exception's message (Dask's run to many lines)."""
    lines = [ln.strip() for ln in str(error).splitlines() if ln.strip()]
    return lines[0] if lines else type(error).__name__


def run(paths, cfg, registry, baseline=None, scheduler: str | None = None, work_dir: str | None = None,
        partition_files: int = PARTITION_FILES, client=None) -> DistributedResult:
    """Audit `paths` as one corpus on a Dask cluster; the partitions' JSON Lines are left in
    `work_dir` (a temporary folder when None) and listed in the result, in path order."""
    import dask.bag as db

    plan = engine.make_plan(cfg, registry)
    own = [os.path.abspath(p) for p in selection.setting_files(plan.settings, registry) + [cfg.baseline_path]]
    notices = [Notice("error", p) for p in registry.problems]
    work_dir = work_dir or tempfile.mkdtemp(prefix="auditor-dask-")
    own_client, cluster = (client, None) if client is not None else client_for(scheduler)
    lists: list[str] = []
    try:
        import dask

        # The files are listed on a worker and handed to the partitions as lists on disk: the
        # driver never holds the corpus's paths (a newsroom archive has millions).
        most = PARTITIONS_PER_WORKER * max(1, len(own_client.scheduler_info().get("workers", ())))
        lists, listed, errors = dask.delayed(_list_sources)(
            list(paths), cfg.include, cfg.exclude, own, os.getcwd(), work_dir, max(1, partition_files), most
        ).compute()
        notices += errors
        if not listed:
            return DistributedResult([], notices, list(plan.codes))
        bag = db.from_sequence(lists, partition_size=1)
        audited = bag.map_partitions(_audit_partition, plan, cfg, baseline).persist()
        reducers = _reducer_keys(plan, registry)
        # The findings that compare files are gathered on a worker and handed from there to the
        # partitions: the driver never holds them (their number grows with the corpus).
        finalized = _finalize_reduced(audited, reducers, plan)
        findings = dask.delayed(_gather_findings)(finalized, _keyed(audited, reducers, plan))
        unknown = dask.delayed(_unknown_paths)(findings, lists)
        written = audited.map_partitions(_place_and_write, findings, plan, cfg, baseline, work_dir)
        written_parts, more, unknown_paths = dask.compute(written, dask.delayed(_notices_of)(finalized), unknown)
        notices += more
        parts = [p for p in written_parts if p.files or p.notices]
        notices += [Notice("error", f"a check reported on a file that was not audited ({p}); dropped")
                    for p in unknown_paths]
        return DistributedResult(parts, notices, list(plan.codes))
    finally:
        for name in lists:
            _remove(name)
        if client is None:
            own_client.close()
            if cluster is not None:
                cluster.close()


# --- on the workers ----------------------------------------------------------------------------

def _worker(plan: Plan) -> Worker:
    """One Worker per process and plan (checks instantiated once, not once a partition)."""
    from .registry import load_registry

    if _WORKER.get("plan") != plan:
        registry = load_registry()
        doc_checks, corpus, _ = plan.instantiate(registry)
        _WORKER.update(plan=plan, worker=Worker(registry, plan), reducers=None,
                       checks={c.code: c for c in doc_checks + corpus})
    return _WORKER["worker"]


_WORKER: dict[str, Any] = {}


def _list_sources(paths: list[str], include, exclude, own: list[str], cwd: str, work_dir: str,
                  per_list: int, most: int) -> tuple[list[str], int, list[Notice]]:
    """The files to audit, found from `cwd` as the local engine would find them, in path order,
    written `per_list` to a file in `work_dir`, or more so as to make no more than `most` lists:
    (those files, how many files, notices)."""
    sources, errors = inputs.discover(paths, include, exclude, cwd=cwd)
    sources = sorted((inputs.Source(s.display, os.path.abspath(s.fs_path)) for s in sources
                      if not engine._is_own_file(s, own)), key=lambda s: s.display)
    per_list = max(per_list, -(-len(sources) // most))
    lists = []
    for n, start in enumerate(range(0, len(sources), per_list)):
        name = os.path.join(work_dir, f"sources-{n:06d}.json")
        with open(name, "w", encoding="utf-8") as fh:
            json.dump([[s.display, s.fs_path] for s in sources[start:start + per_list]], fh)  # ASCII: keeps undecodable names
        lists.append(name)
    return lists, len(sources), [notice(e) for e in errors]


def _sources_in(lists) -> list[inputs.Source]:
    out = []
    for name in lists:
        with open(name, encoding="utf-8") as fh:
            out.extend(inputs.Source(display, fs_path) for display, fs_path in json.load(fh))
    return out


def _remove(name: str) -> None:
    try:
        os.remove(name)
    except OSError:
        pass  # a list the run could not write or already removed: nothing to clean


def _audit_partition(lists, plan: Plan, cfg, baseline):
    """Audit a partition (the files of its lists): [(FileResult with its per-document findings
    filtered, summaries, notices)]."""
    worker = _worker(plan)
    out = []
    for source in _sources_in(lists):
        result, summaries, messages = worker.audit(source)
        if result is not None:
            result.findings, accepted = engine._filter(result, result.findings, cfg, baseline)
            result.accepted = accepted
        out.append((result, summaries, messages))
    return out


def _reducer_keys(plan: Plan, registry) -> dict[str, Any]:
    """{summary key: reducer} of this run (corpus checks that collect, shared analyses)."""
    _, corpus, analyses = plan.instantiate(registry)
    reducers = {c.code: c for c in corpus if c.collects()}
    reducers.update({ANALYSIS_KEY + name: a for name, a in analyses.items()})
    return reducers


def _reducers_here(plan: Plan) -> dict[str, Any]:
    """The reducers of this run in this worker process (made once per plan)."""
    from .registry import load_registry

    _worker(plan)
    if _WORKER.get("reducers") is None:
        _WORKER["reducers"] = _reducer_keys(plan, load_registry())
    return _WORKER["reducers"]


def _partition_summaries(records, plan: Plan, keys: tuple[str, ...]) -> dict[str, Any]:
    reducers = _reducers_here(plan)
    merged = {k: reducers[k].empty() for k in keys}
    for _, summaries, _ in records:
        for k in keys:
            if k in summaries:
                merged[k] = reducers[k].merge(merged[k], summaries[k])
    return merged


def _merge_two(a: dict, b: dict, plan: Plan) -> dict:
    reducers = _reducers_here(plan)
    return {k: reducers[k].merge(a[k], b[k]) for k in a}


def _finalize_reduced(audited, reducers: dict, plan: Plan):
    """The reducers that are not keyed: their summaries merged by a tree reduction in the
    cluster and finalized there, on one worker. A Delayed ({path: [(code, Finding)]}, notices)."""
    import functools

    import dask

    keys = tuple(k for k, r in reducers.items() if not _is_keyed(r))
    merged = audited.reduction(functools.partial(_partition_summaries, plan=plan, keys=keys),
                               functools.partial(_aggregate, plan=plan, keys=keys), split_every=8)
    return dask.delayed(_finalize_merged)(merged, plan)


def _notices_of(finalized) -> list[Notice]:
    return finalized[1]


def _gather_findings(finalized, keyed: list) -> dict[str, list]:
    """{path: [(code, Finding)]}: the findings of the reducers that are not keyed, then the keyed
    ones, in the order of a local run."""
    findings = {path: list(items) for path, items in finalized[0].items()}
    for path, item in keyed:
        findings.setdefault(path, []).append(item)
    return findings


def _unknown_paths(findings: dict, lists: list[str]) -> list[str]:
    return sorted(set(findings) - {s.display for s in _sources_in(lists)})


def _finalize_merged(summaries: dict, plan: Plan):
    from .registry import load_registry

    return _finalize_on_driver(plan, load_registry(), summaries)


def _aggregate(parts, plan: Plan, keys: tuple[str, ...]) -> dict:
    out = None
    for part in parts:
        out = part if out is None else _merge_two(out, part, plan)
    return out if out is not None else {k: _reducers_here(plan)[k].empty() for k in keys}


def _is_keyed(reducer) -> bool:
    return bool(getattr(reducer, "keyed", False))


def _keyed(audited, reducers: dict, plan: Plan):
    """Keyed corpus checks: split each summary by key, shuffle, finalize each key on a worker.
    A lazy list (a Bag reduced to one Item) of (path, (code, Finding)), check by check."""
    import dask.bag as db

    bags = []
    for key, reducer in reducers.items():
        if not _is_keyed(reducer) or key.startswith(ANALYSIS_KEY):
            continue
        parts = audited.map_partitions(_split, key, plan)
        grouped = parts.groupby(lambda kp: kp[0], shuffle="tasks")
        bags.append(grouped.map(_finalize_key, key, plan).flatten().map(_tagged, key))
    if not bags:
        return []
    return db.concat(bags).reduction(list, _concatenated, split_every=8)


def _tagged(path_finding, key: str):
    path, finding = path_finding
    return path, (key, finding)


def _concatenated(lists) -> list:
    return [item for part in lists for item in part]


def _split(records, key: str, plan: Plan):
    reducer = _reducers_here(plan)[key]
    return [(k, part) for _, summaries, _ in records if key in summaries
            for k, part in reducer.keys_of(summaries[key])]


def _finalize_key(group, key: str, plan: Plan):
    reducer = _reducers_here(plan)[key]
    k, items = group
    return list(reducer.finalize_key(k, [part for _, part in items]))


# --- finalizing what is not keyed (on a worker) -------------------------------------------------

def _finalize_on_driver(plan: Plan, registry, summaries: dict) -> tuple[dict[str, list], list[Notice]]:
    """Finalize the analyses and the corpus checks that are not keyed: {path: [(code, Finding)]}.
    Runs where the merged summaries are (a worker), not necessarily on the driver."""
    _, corpus, analyses = plan.instantiate(registry)
    for reducer in [*analyses.values(), *corpus]:
        reducer._map = _cluster_map
    notices: list[Notice] = []
    outcomes = engine.AnalysisOutcomes(analyses, summaries, notices)
    found: dict[str, list] = {}
    for check in corpus:
        if check.collects() and _is_keyed(check):
            continue
        if not outcomes.hand_to(check):
            continue
        try:
            for path, finding in check.finalize(summaries.get(check.code)):
                found.setdefault(path, []).append((check.code, finding))
        except Exception as e:
            notices.append(check_failed(check.code, None, e, " while comparing the files"))
    return found, notices


def _cluster_map(fn, items):
    """The finalize's `map` (api._Declared.map) in the cluster: MAP_ITEMS_PER_TASK items a task,
    at most MAP_TASKS_PER_WORKER tasks a worker submitted at once, the results in the order of
    the items. Outside a Dask task (a finalize run by hand), here."""
    from collections import deque
    from itertools import islice

    from dask.distributed import get_worker, worker_client

    try:
        get_worker()
    except ValueError:
        yield from map(fn, items)
        return
    with worker_client() as client:  # this task leaves its thread to the items meanwhile
        most = MAP_TASKS_PER_WORKER * max(1, len(client.scheduler_info().get("workers", ())))
        pending: deque = deque()
        items = iter(items)
        while chunk := list(islice(items, MAP_ITEMS_PER_TASK)):
            # sent to a worker directly: a task holding it would go through the scheduler (and
            # as a list of one, or scatter would send each item apart)
            [sent] = client.scatter([chunk], direct=True, hash=False)
            pending.append(client.submit(_map_items, fn, sent, pure=False))
            if len(pending) >= most:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _map_items(fn, chunk: list) -> list:
    return list(map(fn, chunk))


# --- back on the workers: place, filter, write -------------------------------------------------

def _place_and_write(records, findings: dict, plan: Plan, cfg, baseline, work_dir: str):
    from .placement import place

    _worker(plan)
    checks = _WORKER["checks"]
    first = next((r for r, _, _ in records if r is not None), None)
    name = os.path.join(work_dir, f"part-{_part_name(first.path if first else 'empty')}.jsonl")
    summary = PartSummary(name)
    docs = {}
    for result, _, messages in records:
        summary.notices.extend(messages)
        if result is None:
            continue
        mine = findings.get(result.path, ())
        if mine:
            doc = docs.setdefault(result.path, result.ref.document())
            placed = [place(doc, checks[code], f, plan.severities[code]) for code, f in mine]
            kept, accepted = engine._filter(result, placed, cfg, baseline)
            result.findings = engine.merged(result.findings, kept)
            summary.accepted += accepted
        summary.accepted += result.accepted
        summary.files += 1
        for f in result.findings:
            summary.findings[f.severity] = summary.findings.get(f.severity, 0) + 1
        docs.pop(result.path, None)
    with open(name, "w", encoding="utf-8") as fh:
        for result, _, _ in records:
            if result is not None:
                fh.write(json.dumps({"path": result.path, "findings": [f.as_json() for f in result.findings]},
                                    ensure_ascii=False) + "\n")
    return [summary]


def _part_name(first_path: str) -> str:
    import hashlib

    return hashlib.sha1(first_path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- the merged report -------------------------------------------------------------------------

def file_entries(result: DistributedResult):
    """The per-file entries of all partitions, in path order (parts are in path order)."""
    for part in sorted(result.parts, key=lambda p: _first_path(p.part)):
        with open(part.part, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def _first_path(part: str) -> str:
    try:
        with open(part, encoding="utf-8") as fh:
            return json.loads(fh.readline())["path"]
    except (OSError, ValueError, KeyError):
        return ""


def write_json(result: DistributedResult, out) -> None:
    """The same bytes as `reports.formats.write_json` of a local run, written file by file."""
    from .reports.formats import write_json_stream

    errors = [{"path": n.path or "", "message": n.message} for n in result.all_notices()
              if n.skipped or n.level == "error"]
    write_json_stream(file_entries(result), errors, out)


def write_jsonl(result: DistributedResult, out) -> None:
    for entry in file_entries(result):
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")


def write_text(result: DistributedResult, out) -> None:
    total = files = n_files = 0
    for entry in file_entries(result):
        n_files += 1
        files += bool(entry["findings"])
        for f in entry["findings"]:
            total += 1
            hint = f" (suggest: {f['suggestion']})" if f["suggestion"] and f["suggestion"] not in f["message"] else ""
            out.write(f"{entry['path']}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}] "
                      f"{f['message']}{hint}\n")
    out.write(f"Found {total} finding{'s' * (total != 1)} in {files} of {n_files} file{'s' * (n_files != 1)}.\n"
              if total else f"All clear: {n_files} file{'s' * (n_files != 1)} audited, no findings.\n")
