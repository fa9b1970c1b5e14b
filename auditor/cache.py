"""The result cache: what auditing one file gave (its per-document findings, the summaries the
corpus checks and shared analyses collected, its notes), kept per file so that a re-run — a
pre-commit hook, an editor, a desk re-auditing a folder — reads and checks only what changed.

An entry is found by a key made of the file's path as shown and its bytes, the run's settings
(checks, options, family settings and the contents of the files they name, severities) and the
code of the tool and of every check package (versions, and the size and time of their files):
a new release, an edited plugin or a changed house list never meets an old entry. Entries are
pickles written to a temporary file and renamed into place, so concurrent runs never read half
an entry; an unreadable entry is a miss. Entries unused for `MAX_AGE_DAYS` are pruned.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from pathlib import Path

from .atomic import write_bytes

#: Bumped when what an entry holds changes shape.
CACHE_VERSION = 1
#: Entries not read for this long are removed (at most once a day, by the first run that day).
MAX_AGE_DAYS = 30
_PRUNE_EVERY = 24 * 3600


def default_folder() -> Path:
    from .lexicon import cache_dir

    return Path(cache_dir()) / "results"


def code_fingerprint(registry) -> str:
    """The tool's version and the size and time of every file of the packages that registered
    checks (an editable install or a plugin edited in place changes it)."""
    roots = [Path(__file__).resolve().parent]
    for rule in registry.sorted():
        module = sys.modules.get(rule.cls.__module__)
        if module is not None and getattr(module, "__file__", None):
            roots.append(Path(module.__file__).resolve().parent)
    return files_fingerprint(roots)


def files_fingerprint(roots, salt: str = "") -> str:
    """The version of the tool and Python, and the size and time of every file under `roots`."""
    from . import __version__

    h = hashlib.sha256(f"{CACHE_VERSION}|{__version__}|{sys.version_info[:2]}|{salt}".encode())
    for root in sorted(set(roots)):
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                h.update(f"{folder}/{name}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return h.hexdigest()


def settings_fingerprint(plan_parts: tuple, setting_files: list[str]) -> str:
    """The run's settings, with the contents of the files they name (the house list)."""
    h = hashlib.sha256(repr(plan_parts).encode())
    for path in sorted(setting_files):
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


class ResultCache:
    def __init__(self, folder: str | Path, fingerprint: str):
        self.folder = Path(folder)
        self.fingerprint = fingerprint

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(b"\0" + path.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, key: str):
        path = self._file(key)
        try:
            with open(path, "rb") as fh:
                entry = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            return None
        try:
            os.utime(path)  # recently used: kept by the pruning
        except OSError:
            pass
        return entry

    def put(self, key: str, entry) -> None:
        path = self._file(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong

    def prune(self) -> None:
        """Remove entries unused for MAX_AGE_DAYS; runs at most once a day."""
        marker = self.folder / ".pruned"
        now = time.time()
        try:
            if now - marker.stat().st_mtime < _PRUNE_EVERY:
                return
        except OSError:
            pass
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            return
        limit = now - MAX_AGE_DAYS * 86400
        for entry in self.folder.glob("*/*.pickle"):
            try:
                if entry.stat().st_mtime < limit:
                    entry.unlink()
            except OSError:
                pass
