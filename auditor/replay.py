"""Replaying a run: when `auditor check` is run again with the same arguments, settings, code and
files (a pre-commit hook on unchanged articles, an editor re-checking on save), what it printed
and its exit code are replayed without importing a single check.

The key holds the arguments, the working directory, what the output goes to (a terminal or not,
NO_COLOR), the bytes of the config file, of the baseline and of every file a setting names, the
code of the tool and of every package that registers checks (found through the entry points,
without importing them), and the path and bytes of every audited file. Anything else — standard
input, a progress bar, a failed check — is simply not recorded. Stored beside the result cache
and pruned with it.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path

REPLAY_VERSION = 1


def folder(cfg) -> Path:
    from .cache import default_folder

    base = Path(cfg.resolve(cfg.cache_dir)) if cfg.cache_dir else default_folder()
    return base / "runs"


def key(args, cfg, sources) -> str | None:
    """The run's key, or None when the run must not be replayed."""
    from . import __version__

    h = hashlib.sha256(f"{REPLAY_VERSION}|{__version__}|{sys.version_info[:2]}".encode())
    h.update(repr(sorted((k, repr(v)) for k, v in vars(args).items())).encode())
    h.update(f"|{os.getcwd()}|{os.environ.get('NO_COLOR', '')}|{_isatty(sys.stdout)}|{_isatty(sys.stderr)}".encode())
    for path in _named_files(cfg):
        h.update(b"\0" + path.encode("utf-8", "surrogatepass") + b"\0" + _bytes(path))
    h.update(_code_fingerprint().encode())
    for source in sources:
        if not source.on_disk or not _plain_file(source.fs_path, cfg.max_file_size):
            return None  # a pipe would block, a huge file is skipped with a note: run it for real
        h.update(b"\1" + source.display.encode("utf-8", "surrogatepass") + b"\0" + _bytes(source.fs_path))
    return h.hexdigest()


def _plain_file(path: str, max_bytes: int) -> bool:
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes


def _isatty(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def _bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return b"<unreadable>"


def _named_files(cfg) -> list[str]:
    """The config file, the baseline, and every existing file a setting names (the house list)."""
    paths = [cfg.baseline_path]
    if cfg.source:
        paths.append(os.path.join(cfg.root, os.path.basename(cfg.source.split(" ")[0])))
    values = list(cfg.loose.values()) + list(cfg.cli_settings.values())
    values += [v for section in cfg.families.values() for v in section.values()]
    for v in values:
        if isinstance(v, str) and v:
            for candidate in (cfg.resolve(v), os.path.abspath(v)):
                if os.path.isfile(candidate):
                    paths.append(candidate)
    return sorted(set(paths))


def _code_fingerprint() -> str:
    """Size and time of every file of the packages that register checks, found through the
    entry points without importing them."""
    import importlib.util

    from .cache import files_fingerprint
    from .registry import GROUP, entry_points

    roots, missing = [Path(__file__).resolve().parent], []
    for _, value in entry_points(GROUP):
        module = value.split(":", 1)[0].split("[", 1)[0].strip()
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            missing.append(module)
        else:
            roots.append(Path(spec.origin).resolve().parent)
    return files_fingerprint(roots, salt=",".join(missing))


def replay(run_key: str, cfg) -> int | None:
    """Print what the run with this key printed and return its exit code; None when unknown."""
    try:
        with open(folder(cfg) / f"{run_key}.pickle", "rb") as fh:
            out, err, code = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return None
    sys.stderr.write(err)
    sys.stdout.write(out)
    return code


class Recorder:
    """Copies what a run prints, to store it once the run ends well."""

    def __init__(self):
        self.out, self.err = io.StringIO(), io.StringIO()
        self._real = (sys.stdout, sys.stderr)

    def __enter__(self):
        sys.stdout = _Tee(self._real[0], self.out)
        sys.stderr = _Tee(self._real[1], self.err)
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self._real
        return False

    def store(self, run_key: str, cfg, code: int) -> None:
        target = folder(cfg)
        from .atomic import write_bytes

        try:
            target.mkdir(parents=True, exist_ok=True)
            write_bytes(target / f"{run_key}.pickle", pickle.dumps((self.out.getvalue(), self.err.getvalue(), code)))
        except OSError:
            pass


class _Tee(io.TextIOBase):
    def __init__(self, real, copy):
        self.real, self.copy = real, copy

    def write(self, text):
        self.copy.write(text)
        return self.real.write(text)

    def flush(self):
        self.real.flush()

    def isatty(self):
        return _isatty(self.real)

    @property
    def encoding(self):
        return getattr(self.real, "encoding", "utf-8")
