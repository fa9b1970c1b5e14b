"""The families a report shows and their colours. The core knows no family: they are read from
the registry (every registered check's family, so a family keeps its colour whatever is
selected) and from the findings (a family only a finding names still gets one)."""
from __future__ import annotations

from .page_model import css_token

#: The Okabe-Ito palette (distinguishable with the common colour-vision deficiencies), as
#: "r, g, b" for rgba(): the n-th family in alphabetical order gets the n-th colour, cycling.
PALETTE = ("230, 159, 0", "0, 114, 178", "204, 121, 167", "0, 158, 115", "213, 94, 0",
           "86, 180, 233", "240, 228, 66", "90, 90, 90")


def registered_families(registry) -> list[str]:
    return sorted({rule.cls.family for rule in registry.rules.values()})


def families_run(result, registry) -> list[str]:
    """The families of the checks that ran, then any other family a finding names, each once."""
    ran = {registry.get(code).cls.family for code in result.rules_run if registry.get(code)}
    seen = {f.family for r in result.files for f in r.findings}
    return sorted(ran) + sorted(seen - ran)


def palette_css(families: list[str]) -> str:
    """One CSS rule per family setting its colour (`--fam`), inlined after report.css."""
    rules = [f".fam-{css_token(fam)} {{ --fam: {PALETTE[i % len(PALETTE)]}; }}" for i, fam in enumerate(families)]
    return "/* family colours (reports/families.py) */\n" + "\n".join(rules) + "\n"
