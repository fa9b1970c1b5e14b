"""Corpus work split over processes when a run finalizes.

A corpus check's `finalize` runs once, in the process that merged the summaries; where its work
falls into independent parts (the stories of the renditions analysis), `fork_map` runs the parts
in as many processes as the run audited documents with. The children are forked: they inherit
the merged summaries without copying or pickling them, and only the parts' names and results
cross between processes. The output is the same as in one process, in the same order.

One process is used when the run asked for one (`--jobs 1`, or a run too small for a pool), when
the platform cannot fork, inside a daemonic process (a pool worker, a Dask worker: they may not
have children), or for fewer parts than pay for starting processes.
"""
from __future__ import annotations

import multiprocessing as mp
import os

#: Fewer parts than this are done in this process: forking and collecting costs about as much
#: as aligning a few dozen stories.
MIN_PARTS_FOR_PROCESSES = 48
#: Parts sent to a child at once: large enough to amortise the queue, small enough to balance.
CHUNK = 8

_jobs = 1
_state = None


def configure(jobs: int) -> None:
    """The number of processes the run audits with (set by the executor)."""
    global _jobs
    _jobs = max(1, int(jobs))


def processes_for(n_parts: int) -> int:
    if _jobs <= 1 or n_parts < MIN_PARTS_FOR_PROCESSES:
        return 1
    if "fork" not in mp.get_all_start_methods() or mp.current_process().daemon:
        return 1
    return min(_jobs, os.cpu_count() or 1)


def fork_map(fn, state, parts: list) -> list:
    """[fn(state, part) for part in parts], the parts spread over forked processes when that
    pays (see the module's docstring). `fn` must be a module-level function; `state` is
    inherited by the children, never pickled."""
    n = processes_for(len(parts))
    if n <= 1:
        return [fn(state, part) for part in parts]
    global _state
    _state = (fn, state)
    try:
        with mp.get_context("fork").Pool(n) as pool:
            return pool.map(_call, parts, chunksize=CHUNK)
    finally:
        _state = None


def _call(part):
    fn, state = _state
    return fn(state, part)
