"""Configuration: `[tool.auditor]` in pyproject.toml or an auditor.toml, found upwards from the
working directory; command-line flags override it. Unknown keys and bad values are errors that
name the key."""
from __future__ import annotations

import os
import re

from . import compiled
from .api import SEVERITIES
from .inputs import DEFAULT_INCLUDE
from .records import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any

CONFIG_FILES = ("auditor.toml", ".auditor.toml", "pyproject.toml")
FAIL_ON = SEVERITIES + ("never",)
DEFAULT_BASELINE = ".auditor-baseline.json"


class ConfigError(Exception):
    """A configuration problem; the message names the file and key."""


@record
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    baseline: str | None = None
    max_file_size: int = 20_000_000
    cache: bool = True  # the result cache (off with --no-cache or `cache = false`)
    cache_dir: str | None = None  # default: the user's cache folder
    jobs: int = 0  # 0: automatic
    output_format: str = "text"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Settings the core does not know: [tool.auditor.<family>] tables, and top-level keys that
    # may name one family's setting. Validated against the registry (selection.resolve_settings).
    families: dict[str, dict[str, Any]] = field(default_factory=dict)
    loose: dict[str, Any] = field(default_factory=dict)
    # `--setting KEY=VALUE` from the command line ("family.key" or a top-level key): paths in
    # them are relative to the working directory, not to the config file.
    cli_settings: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # the file the settings came from
    from_cli: set[str] = field(default_factory=set)  # keys set on the command line (for messages)
    cwd: str = field(default_factory=os.getcwd)  # paths shown are relative to it (workers may be elsewhere)
    root: str = "."  # folder of that file: relative paths in it resolve from here

    def resolve(self, path: str | None) -> str | None:
        if path is None or os.path.isabs(path):
            return path
        return os.path.normpath(os.path.join(self.cwd, self.root, path))

    @property
    def baseline_path(self) -> str:
        return self.resolve(self.baseline) or os.path.join(self.root, DEFAULT_BASELINE)


def _str_list(key: str, value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def _severity(key: str, value: Any, where: str, allowed=SEVERITIES) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


SELECTOR_RE = compiled.regex(r"^(?:ALL|[A-Z]{1,4}[0-9]{0,4})$")


def _code_list(key, value, where):
    codes = [c.strip().upper() for c in _str_list(key, value, where)]
    for c in codes:
        if not SELECTOR_RE.match(c):
            raise ConfigError(f"{where}: '{key}' has {c!r}, which is not a check code or prefix "
                              "(like NM, NM1 or NM101) nor ALL")
    return codes


# key -> (attribute, parser)
_KEYS = {
    "select": ("select", _code_list),
    "ignore": ("ignore", _code_list),
    "extend-select": ("extend_select", _code_list),
    "include": ("include", _str_list),
    "exclude": ("exclude", _str_list),
    "paths": ("paths", _str_list),
    "fail-on": ("fail_on", lambda k, v, w: _severity(k, v, w, FAIL_ON)),
    "output-format": ("output_format", lambda k, v, w: _choice(k, v, w, ("text", "json", "sarif", "github"))),
}


def _choice(key, value, where, choices):
    if value not in choices:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(choices)}, not {value!r}")
    return value


def _int(key, value, where, minimum=0):
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"{where}: '{key}' must be a whole number >= {minimum}, not {value!r}")
    return value


def _path(key, value, where):
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: '{key}' must be a path (a string)")
    return value


def parse(table: dict, where: str, root: str = ".") -> Config:
    """Build a Config from a `[tool.auditor]` table, validating every key."""
    cfg = Config(source=where, root=root)
    for key, value in table.items():
        if key in _KEYS:
            attr, parser = _KEYS[key]
            setattr(cfg, attr, parser(key, value, where))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            cfg.per_file_ignores = {g: _code_list(f"per-file-ignores.{g}", v, where) for g, v in value.items()}
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of CODE = \"error|warning|info\"")
            _code_list("severity", list(value), where)
            cfg.severity = {c.upper(): _severity(f"severity.{c}", v, where) for c, v in value.items()}
        elif key == "baseline":
            cfg.baseline = _path(key, value, where)
        elif key == "cache-dir":
            cfg.cache_dir = _path(key, value, where)
        elif key == "cache":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: 'cache' must be true or false, not {value!r}")
            cfg.cache = value
        elif key == "max-file-size":
            cfg.max_file_size = _int(key, value, where, 1)
        elif key == "jobs":
            cfg.jobs = _int(key, value, where, 0)
        elif key == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: 'options' must hold one table per check code or shared "
                                  "analysis, e.g. [tool.auditor.options.NM101]")
            # check codes are upper case; shared analyses are named in lower case (`renditions`)
            cfg.options = {(c.upper() if SELECTOR_RE.match(c.upper()) else c.lower()):
                           {k.replace("-", "_"): v for k, v in opts.items()} for c, opts in value.items()}
        elif isinstance(value, dict):  # a family's settings: checked once the checks are known
            cfg.families[key] = {k.replace("-", "_"): v for k, v in value.items()}
        else:
            cfg.loose[key.replace("-", "_")] = value
    return cfg


def find_config(start: str = ".") -> str | None:
    """The nearest auditor.toml, or pyproject.toml with a [tool.auditor] table, upwards."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def toml():
    """The TOML parser, imported when a file is read (with datetime, 4 ms a run that has none)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml holds [tool.auditor]. One that does not parse is an error: its
    settings might be meant for us, and ignoring them silently would audit with the wrong ones."""
    tomllib = toml()
    try:
        with open(path, "rb") as fh:
            return "auditor" in tomllib.load(fh).get("tool", {})
    except OSError:
        return False
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(_toml_problem(os.path.relpath(path), e)) from None


def _toml_problem(shown: str, e: Exception) -> str:
    """'pyproject.toml:3: not valid TOML: Expected '=' ... (at line 3, column 5)'."""
    m = re.search(r"at line (\d+)", str(e))
    return f"{shown}:{m.group(1)}: not valid TOML: {e}" if m else f"{shown}: not valid TOML: {e}"


def load(path: str | None = None, start: str = ".") -> Config:
    """Load the given config file, or the nearest one; defaults when there is none."""
    path = path or find_config(start)
    if path is None:
        return Config()
    shown = os.path.relpath(path)
    tomllib = toml()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as e:
        raise ConfigError(f"{shown}: cannot read the config file ({e.strerror or e})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(_toml_problem(shown, e)) from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("auditor", {})
        shown += " [tool.auditor]"
    elif "tool" in data and "auditor" in data.get("tool", {}):
        data = data["tool"]["auditor"]
    return parse(data, shown, os.path.dirname(os.path.abspath(path)))
