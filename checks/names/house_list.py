"""The newsroom's house list of names: canonical spellings and their known variants, read once
per run from the file the names family's `house-names` setting names."""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.api import Option
from auditor.config import ConfigError

#: The setting every names check declares: `[tool.auditor.names] house-names = "names.txt"`.
SETTINGS = {"house_names": Option(None, "house list of names: one canonical name a line, known "
                                        "variants after '|'", type=str, path=True)}


def house_list(settings) -> dict[str, str]:
    """{spelling: canonical} of the configured house list ({} when none is set)."""
    path = settings.get("house_names") if settings else None
    return read(path) if path else {}


@lru_cache(maxsize=4)
def read(path: str) -> dict[str, str]:
    """The house list: one canonical name per line, optional known variants after it.

    Variants follow the canonical name after a `|` or a tab, separated by `|`, `,` or tabs;
    `#` starts a comment. Returns {spelling: canonical}, canonical names mapping to themselves.
    """
    names: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the house list of names ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the house list of names is not UTF-8") from None
    for n, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in re.split(r"\s*[|\t,]\s*", line) if p.strip()]
        canonical = parts[0]
        names.setdefault(canonical, canonical)
        for variant in parts[1:]:
            names[variant] = canonical
    return names
