"""Where the per-document work runs: in this process, or in a pool of worker processes.

An executor takes the run's `Plan` and the sources and calls `absorb(outcome)` in the main
process for each audited file as it finishes; the engine's reduction and finalizing do not
depend on which executor ran."""
from __future__ import annotations

import gc
import os

from .worker import Plan, Worker

#: Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_PROCESSES = 64
#: Largest batch of files sent to a worker process at once (keeps results streaming).
MAX_CHUNK = 64


def choose_jobs(requested: int, n_files: int) -> int:
    if requested > 0:
        return requested
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_files < MIN_FILES_FOR_PROCESSES else max(1, cpus)


class LocalExecutor:
    def __init__(self, jobs: int = 0):
        self.jobs = jobs

    def run(self, registry, plan: Plan, sources: list, absorb) -> None:
        n_jobs = choose_jobs(self.jobs, len(sources))
        if n_jobs <= 1 or len(sources) <= 1:
            worker = Worker(registry, plan)
            for source in sources:
                absorb(worker.audit(source))
            return
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        chunk = max(1, min(MAX_CHUNK, len(sources) // (n_jobs * 8) or 1))
        with ctx.Pool(n_jobs, _init_worker, (plan,)) as pool:
            for outcome in pool.imap(_audit_in_worker, sources, chunksize=chunk):
                absorb(outcome)


_WORKER: Worker | None = None


def _init_worker(plan: Plan) -> None:
    global _WORKER
    from .registry import load_registry

    gc.set_threshold(*gc.get_threshold()[:2], 1_000_000)  # see engine.no_full_collections
    _WORKER = Worker(load_registry(), plan)


def _audit_in_worker(source):
    return _WORKER.audit(source)
