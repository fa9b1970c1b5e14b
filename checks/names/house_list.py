"""The newsroom's house list of names: canonical spellings and their known variants, read once
per run from the file the names family's `house-names` setting names."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from auditor.api import Option
from auditor.config import ConfigError
from auditor.records import record

from .variants import base, distance

#: The setting every names check declares: `[tool.auditor.names] house-names = "names.txt"`.
SETTINGS = {"house_names": Option(None, "house list of names: one canonical name a line, known "
                                        "variants after '|'", type=str, path=True)}


@record(frozen=True)
class HouseList:
    """{spelling: canonical} of the house list, canonical names mapping to themselves."""

    names: dict[str, str]

    @cached_property
    def protected(self) -> frozenset[str]:
        """Every word of every canonical name, and its base: never flagged by an NM check, and
        the spelling that wins against any variant."""
        out = set()
        for canonical in set(self.names.values()):
            for word in [canonical, *canonical.split()]:
                out.update((word, base(word)))
        return frozenset(out)

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """The listed variants as whole words, longest first (None when none is listed)."""
        variants = sorted((v for v, c in self.names.items() if v != c), key=len, reverse=True)
        if not variants:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")

    def variants_in(self, text: str):
        """(start, end, canonical) of every listed variant in `text`."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.names[m.group()]

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _ in self.variants_in(text)]


def shaped_canonical(variant: str, canonical: str) -> str:
    """The canonical name shaped like the variant found: a surname-only variant gets the
    canonical surname ("Zelenskyy" -> "Zelensky" under "Volodymyr Zelensky"), never the full name
    pasted over a surname; a variant of as many words gets the whole canonical name."""
    vw, cw = variant.split(), canonical.split()
    if len(vw) >= len(cw):
        return canonical
    # The words of the canonical name that the variant's words stand for: the closest window.
    windows = [cw[i:i + len(vw)] for i in range(len(cw) - len(vw) + 1)]
    best = min(reversed(windows), key=lambda w: sum(distance(a, b) for a, b in zip(vw, w)))
    return " ".join(best)


def house_list(settings) -> HouseList:
    """The configured house list (empty when none is set)."""
    path = settings.get("house_names") if settings else None
    return read(path) if path else _EMPTY


@lru_cache(maxsize=4)
def read(path: str) -> HouseList:
    """The house list: one canonical name per line, optional known variants after it.

    Variants follow the canonical name after a `|` or a tab, separated by `|`, `,` or tabs;
    `#` starts a comment.
    """
    names: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the house list of names ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the house list of names is not UTF-8") from None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in re.split(r"\s*[|\t,]\s*", line) if p.strip()]
        canonical = parts[0]
        names.setdefault(canonical, canonical)
        for variant in parts[1:]:
            names[variant] = canonical
    return HouseList(names)


_EMPTY = HouseList({})
