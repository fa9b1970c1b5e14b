"""Finding checks: every check, built-in or third-party, registers through the entry-point group
`auditor.checks`. An entry point names a Check class or a list of them (a module's CHECKS).
A plugin that fails to load or declares itself wrongly is reported by name and skipped."""
from __future__ import annotations

import os
import re
import sys

from . import compiled
from .api import SEVERITIES, Check, Rule

GROUP = "auditor.checks"
CODE_RE = compiled.regex(r"^[A-Z]{1,4}[0-9]{2,4}$")


class Registry:
    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.problems: list[str] = []

    def add(self, cls, source: str) -> None:
        problem = _declaration_problem(cls)
        if problem:
            self.problems.append(f"plugin '{source}': {getattr(cls, '__name__', cls)!s}: {problem}; skipped")
            return
        if cls.code in self.rules:
            other = self.rules[cls.code].source
            self.problems.append(f"plugin '{source}': code {cls.code} is already taken by '{other}'; skipped")
            return
        self.rules[cls.code] = Rule(cls, source)

    def sorted(self) -> list[Rule]:
        return sorted(self.rules.values(), key=lambda r: (r.cls.family, r.code))

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code.upper())

    def analyses(self) -> dict[str, type]:
        """The shared analyses the registered corpus checks use, by name."""
        out = {}
        for rule in self.sorted():
            for cls in getattr(rule.cls, "uses", ()):
                out.setdefault(cls.name or cls.__name__.lower(), cls)
        return out

    def family_settings(self) -> dict[str, dict]:
        """{family: {setting: Option}} declared by its checks and their analyses."""
        out: dict[str, dict] = {}
        for rule in self.sorted():
            for cls in (rule.cls, *getattr(rule.cls, "uses", ())):
                if cls.settings:
                    out.setdefault(cls.family or rule.cls.family, {}).update(cls.settings)
        return out


def _declaration_problem(cls) -> str | None:
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        return "not a subclass of auditor.api.Check"
    if not CODE_RE.match(cls.code or ""):
        return f"code {cls.code!r} is not a family prefix plus digits (like NM101)"
    if not cls.family:
        return "declares no family"
    if not cls.summary:
        return "declares no summary"
    if cls.severity not in SEVERITIES:
        return f"severity {cls.severity!r} is not one of {', '.join(SEVERITIES)}"
    return None


def load_registry(extra: dict[str, object] | None = None) -> Registry:
    """Load every check registered in the entry-point group (plus `extra`, for tests)."""
    reg = Registry()
    for name, value in sorted(entry_points(GROUP)):
        try:
            obj = _load(value)
        except Exception as e:  # a broken plugin must not take the run down
            reg.problems.append(f"plugin '{name}' ({value}) failed to load: {type(e).__name__}: {e}")
            continue
        _add_all(reg, obj, name)
    for name, obj in (extra or {}).items():
        _add_all(reg, obj, name)
    return reg


def entry_points(group: str) -> list[tuple[str, str]]:
    """(name, "module:attr") of the entry points in `group` of the installed distributions,
    kept between runs (compiled.py) under the modification times of the sys.path folders: an
    install, upgrade or removal adds or removes a distribution's folder there, which changes
    them, and listing the folders and reading every distribution's file took a one-file run 1 ms."""
    stamps = []
    for folder in sys.path:
        try:
            stamps.append((folder, os.stat(folder or ".").st_mtime_ns))
        except OSError:
            stamps.append((folder, None))
    return compiled.derived(f"entry points ({group})", tuple(stamps), lambda: _scan_entry_points(group))


def _scan_entry_points(group: str) -> list[tuple[str, str]]:
    """Read straight from the `entry_points.txt` files of the `*.dist-info` (and `*.egg-info`)
    folders on sys.path, first distribution of a name winning as in importlib.metadata: that
    module imports email, zipfile and more to do the same, a third of a one-file run's start-up.
    Falls back to importlib.metadata when the scan finds no distribution (zipped paths)."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for entry in names:
            if not entry.endswith((".dist-info", ".egg-info")):
                continue
            dist = entry.rsplit(".", 1)[0].split("-", 1)[0].lower().replace("_", "-").replace(".", "-")
            if dist in seen:
                continue
            seen.add(dist)
            for ep_name, value in _read_entry_points(os.path.join(folder or ".", entry, "entry_points.txt"), group):
                found.setdefault(ep_name, value)
    if not seen:
        from importlib.metadata import entry_points as metadata_entry_points

        return [(ep.name, ep.value) for ep in metadata_entry_points(group=group)]
    return list(found.items())


def _read_entry_points(path: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` lines of one section of an entry_points.txt (an INI file)."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    out, inside = [], False
    for line in lines:
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            inside = line == f"[{group}]"
        elif inside and "=" in line:
            name, value = line.split("=", 1)
            out.append((name.strip(), value.strip()))
    return out


def _load(value: str):
    """Import what an entry point names: 'package.module:attr.sub [extra]'."""
    import importlib

    target = value.split("[", 1)[0].strip()
    module, _, attrs = target.partition(":")
    obj = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj


def _add_all(reg: Registry, obj, source: str) -> None:
    for cls in obj if isinstance(obj, (list, tuple)) else [obj]:
        reg.add(cls, source)
