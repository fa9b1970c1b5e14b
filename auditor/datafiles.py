"""The data files shipped beside the checks' modules, found and read with `os.path`.

`pathlib` would do the same, but importing it (with `fnmatch`, `urllib.parse` and `ipaddress`)
took 2.5 ms of a one-file run; the paths here are plain strings."""
from __future__ import annotations

import os


def beside(module_file: str, *parts: str) -> str:
    """The path of `parts` in the folder of the module whose `__file__` is given (links resolved,
    as `Path(module_file).resolve().parent.joinpath(*parts)`)."""
    return os.path.join(os.path.dirname(os.path.realpath(module_file)), *parts)


def listed(folder: str, suffix: str) -> list[str]:
    """The paths of the files of `folder` whose names end with `suffix` (".txt"), sorted by name:
    `sorted(Path(folder).glob("*" + suffix))` as strings."""
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(suffix))


def read_text(path: str) -> str:
    """The file's text (UTF-8)."""
    with open(path, encoding="utf-8") as fh:
        return fh.read()
