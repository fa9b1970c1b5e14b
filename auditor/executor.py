"""Where the per-document work runs: in this process, or in a pool of worker processes.

An executor takes the run's `Plan` and the sources and calls `absorb(outcome)` in the main
process for each audited file as it finishes; the engine's reduction and finalizing do not
depend on which executor ran. It then lends its workers to `finalize` through `map`: work that
is independent across keys (a story of renditions, ...) runs there while the main process goes
on, and comes back in the order given, so the findings are the same whatever the executor. The
engine closes the executor after finalizing (`with executor:`). A distributed engine is another
executor (auditor.distributed runs Dask's own way)."""
from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable, Iterable, Iterator

from .worker import Plan, Worker

#: Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_PROCESSES = 64
#: Largest batch of files sent to a worker process at once (keeps results streaming).
MAX_CHUNK = 64
#: Items of finalize's `map` sent to a worker process at once: each item sent is a hand-over of
#: the interpreter lock between this process's threads, and one at a time, while this process
#: finalized other checks, left the workers waiting for their next item; a few at once keep
#: them busy and the results streaming.
MAP_CHUNK = 4


def choose_jobs(requested: int, n_files: int) -> int:
    if requested > 0:
        return requested
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_files < MIN_FILES_FOR_PROCESSES else max(1, cpus)


class Executor:
    """The seam: `run` audits the sources, `map` lends the same workers to `finalize`, `close`
    lets them go. This base runs everything in this process."""

    def run(self, registry, plan: Plan, sources: list, absorb) -> None:
        worker = Worker(registry, plan)
        for source in sources:
            absorb(worker.audit(source))

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """`fn` over `items`, the results in the order of `items`. `fn` (a module-level function
        or a partial of one) and the items must pickle: they may go to other processes, which
        hold none of this process's state. Items are consumed lazily (a corpus's worth of them
        need not be held at once); each should be a good piece of work (a story, not a word)."""
        return map(fn, items)

    def close(self) -> None:
        """Release the workers (after finalizing)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class LocalExecutor(Executor):
    """A pool of forked worker processes for `jobs` > 1 (automatic: one per CPU for a corpus of
    MIN_FILES_FOR_PROCESSES or more), else this process.

    Finalize's `map` runs in as many other processes, forked before the auditing ones, while
    this process is still small, and idle until finalize. Not in the auditing workers: they
    hold about 40 MB each of what auditing loaded, and kept through finalize -- the run's peak of
    memory -- they added that to the peak (bench corpus of 2,000: 133 -> 215 MB in finalize; on
    10,000 articles the peak would have reached the 600 MB target). Nor in processes forked at
    finalize: they copy the pages of this large process that their allocations write to
    (measured: more still)."""

    def __init__(self, jobs: int = 0):
        self.jobs = jobs
        self._pool = None

    def run(self, registry, plan: Plan, sources: list, absorb) -> None:
        n_jobs = choose_jobs(self.jobs, len(sources))
        if n_jobs <= 1 or len(sources) <= 1:
            return super().run(registry, plan, sources, absorb)
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        chunk = max(1, min(MAX_CHUNK, len(sources) // (n_jobs * 8) or 1))
        pool_class = _pool_class()
        # for `map`; see the class's docstring
        self._pool = pool_class(n_jobs, _init_finalize_worker, context=ctx)
        with pool_class(n_jobs, _init_worker, (plan,), context=ctx) as pool, collector_paused():
            for outcome in pool.imap(_audit_in_worker, sources, chunksize=chunk):
                absorb(outcome)

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        if self._pool is None:
            return super().map(fn, items)
        return self._pool.imap(fn, items, MAP_CHUNK)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # as leaving `with Pool()` did: nothing is pending by now
            self._pool.join()
            self._pool = None


@functools.cache  # imported when first needed: a one-file run starts no pool
def _pool_class():
    """multiprocessing's Pool, but for the thread that keeps its workers: that one waits for a
    worker to exit, the pool to close or its tasks to be done, and also (in CPython) for results
    to be in the pipe from the workers -- where they are nearly all the time while the workers
    send them, so it went round its loop until the thread that reads them had read them, a
    third of a core while results flowed (10,000 articles, finalize's renditions: 1.3 of this
    process's 4.7 s of CPU). It wakes for the rest as before (as a ThreadPool's does)."""
    from multiprocessing.pool import Pool

    class _Pool(Pool):
        def _get_sentinels(self):
            return [self._change_notifier._reader]

    return _Pool


class collector_paused:  # noqa: N801 - a context manager, as engine.no_full_collections
    """While the workers audit, this process receives their results and merges the summaries:
    objects kept to the end of the run, with next to no garbage in cycles (2,000 articles: 42
    objects). Collecting among them took over a quarter of this process's time then (2,000
    articles: 0.27 of 0.91 s), time the workers wanted for the same two cores. Afterwards they
    are moved out of the collector's sight (as `cli._startup_done` does with the start-up's).
    The engine's finalize runs so too: its findings are kept to the end of the run as well, and
    its garbage goes with reference counts (10,000 articles: no more memory; 0.3-0.6 s of the
    8 s of this process's finalize were collections)."""

    def __enter__(self) -> None:
        self.pausing = gc.isenabled()
        if self.pausing:
            gc.disable()

    def __exit__(self, exc_type, exc, traceback) -> None:
        if self.pausing:
            if exc_type is None:
                gc.freeze()
            gc.enable()


_WORKER: Worker | None = None


def _init_finalize_worker() -> None:
    from . import compiled

    compiled.forbid_saving()
    gc.set_threshold(*gc.get_threshold()[:2], 1_000_000)  # see engine.no_full_collections


def _init_worker(plan: Plan) -> None:
    global _WORKER
    from . import compiled
    from .registry import load_registry

    compiled.forbid_saving()

    gc.set_threshold(*gc.get_threshold()[:2], 1_000_000)  # see engine.no_full_collections
    _WORKER = Worker(load_registry(), plan)


def _audit_in_worker(source):
    return _WORKER.audit(source)
