"""Regular expressions, and values derived from the shipped data, kept between runs.

A cold run on one article spends about half its time turning the phrase families' data into
regular expressions: parsing each pattern (to read the literals it needs, literals.py) and
compiling the combined patterns. The result depends only on the pattern text, so it is kept in
one file in the user cache and the next run, on any file, starts from it.

What is kept is `re`'s own compiled program (the list of codes its C engine runs) with the group
tables, handed back to the engine as `re.compile` itself does; the file is named after the
Python version and the engine's version number, so another Python never reads it, and any entry
the engine refuses is compiled again. Values (`derived`) are keyed by the caller's own key, which
must hold everything they are computed from (a pattern's text, say), so they cannot go stale.

Only the process that audits in the foreground saves (`save()`, called by the engine at the end
of a run); worker processes read the file but never write it. Writes are atomic (atomic.py):
concurrent runs see the old file or the new one; the last writer wins, which costs at most a
recompilation.
"""
from __future__ import annotations

import os
import pickle
import re
import sys
from array import array

try:  # CPython's regular-expression engine; elsewhere patterns are simply compiled.
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

#: The C type of the engine's code words (CODESIZE bytes each).
_CODE_TYPE = "I" if _sre is None or _sre.CODESIZE == 4 else "H"
#: Stop keeping entries past this many (a safety net: the shipped data needs a few hundred).
MAX_ENTRIES = 20_000

_store: dict | None = None
_dirty = False
_saving_allowed = True


def _path():
    from .lexicon import cache_dir

    magic = getattr(_sre, "MAGIC", 0)
    version = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{magic}"
    return cache_dir() / f"compiled-{version}.pickle"


def _load() -> dict:
    global _store
    if _store is None:
        _store = {}
        if _sre is not None and not os.environ.get("AUDITOR_NO_COMPILED_CACHE"):
            try:
                with open(_path(), "rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, dict):
                    _store = loaded
            except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
                    ImportError, IndexError):
                pass   # no file yet, or an unreadable one: compile and write a new one
    return _store


def _remember(key, value) -> None:
    global _dirty
    store = _load()
    if len(store) < MAX_ENTRIES:
        store[key] = value
        _dirty = True


def regex(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the kept program when there is one."""
    if _sre is None:
        return re.compile(source, flags)
    key = ("re", source, flags)
    kept = _load().get(key)
    if kept is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = kept
            return _sre.compile(source, final_flags, array(_CODE_TYPE, code).tolist(), groups,
                                groupindex, indexgroup)
        except (TypeError, ValueError, RuntimeError):
            pass   # a program this engine does not take: compile it again
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    final_flags = int(flags | parsed.state.flags)
    pattern = _sre.compile(source, final_flags, code, parsed.state.groups - 1, groupindex,
                           tuple(indexgroup))
    # Kept as bytes: compact, quick to load, and the engine's opcodes (int subclasses) refuse
    # to be pickled as they are.
    _remember(key, (final_flags, array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
                    dict(groupindex), tuple(indexgroup)))
    return pattern


def derived(kind: str, key, compute):
    """`compute()`, kept under (`kind`, `key`): `key` must determine the value completely."""
    store = _load()
    full = ("value", kind, key)
    if full in store:
        return store[full]
    value = compute()
    _remember(full, value)
    return value


def forbid_saving() -> None:
    """In a worker process: read the kept file, never write it."""
    global _saving_allowed
    _saving_allowed = False


def save() -> None:
    """Write what this run compiled, if anything new (never fails the run)."""
    global _dirty
    if not (_dirty and _saving_allowed) or os.environ.get("AUDITOR_NO_COMPILED_CACHE"):
        return
    from .atomic import write_bytes

    try:
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, pickle.dumps(_store, protocol=pickle.HIGHEST_PROTOCOL))
        _dirty = False
    except OSError:
        pass   # a read-only cache: the next run compiles again
