"""Korean given names written in McCune-Reischauer or through Russian (Tong-hyun for Dong-hyun):
which reading of the first syllable is a name Koreans use, from data/korean_syllables.tsv (the
two-syllable words of Korean text by their Revised Romanization, built by
scripts/build_korean_names.py from wordfreq's Korean list).

McCune-Reischauer writes the plain stops of a name's first syllable k, t, p, ch (Tong, Kwang,
Pyong, Chong), which the Revised Romanization writes g, d, b, j (Dong, Gwang, Byeong, Jeong) and
keeps k, t, p, ch for the aspirated ones. A given name whose plain-stop reading is a Korean word
(동현) while its aspirated reading is not (통현) is written the older way."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from auditor import compiled
from auditor.datafiles import beside, read_text

DATA = beside(__file__, "data", "korean_syllables.tsv")
#: The plain-stop reading must be a word this frequent in Korean text (Zipf 3: 동현 3.2, 서연 3.6)
#: to count as a name in use ...
MIN_NAME_ZIPF = 3.0
#: ... while the reading as written is no word of the list at all (Zipf 0): two readings both in
#: use (태우, 대우) are two names.
# The initial a McCune-Reischauer plain stop stands for in the Revised Romanization: only t and p,
# which Korean people's own English spellings rarely use for the plain stops (Dae, Dong, Byung);
# k and ch they keep for them widely (Kang-in, Kyung-ho, Ki-hyun, Chung), so those say nothing.
_VOICED = {"t": "d", "p": "b"}
# The spellings Korean people use in English for Revised Romanization vowels (Hyun for hyeon,
# Soo for su, Hee for hui, Young for yeong), undone to find the syllable.
_PERSONAL = (("oo", "u"), ("ee", "i"), ("ee", "ui"), ("u", "eo"), ("o", "eo"), ("i", "ui"), ("ou", "eo"),
             ("ou", "u"), ("ai", "ae"))
#: First syllables left alone: 태 (tae) is among the commonest syllables of given names, spelled
#: Tae by its bearers (Tae-won, Tae-yong, Tae-hyun), and the Korean word list knows too few of
#: them to tell a 태 name from an older spelling of a 대 one.
COMMON_ASPIRATED = frozenset({"tae"})
#: Most readings tried for one given name.
MAX_READINGS = 200
_GIVEN = compiled.regex(r"(t|p)([aeiouwy][a-z]{0,5})-([a-z]{1,7})")


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    out = {}
    for line in read_text(DATA).splitlines():
        if line and not line.startswith("#"):
            key, z = line.split("\t")
            out[key] = float(z)
    return out


def _spellings(part: str) -> set[str]:
    """The Revised Romanization syllables a personal or older spelling of one syllable may be."""
    out = {part}
    for old, new in _PERSONAL:
        out |= {p.replace(old, new, 1) for p in list(out) if old in p}
    return out


def _best(first: set[str], second: set[str]) -> float:
    table = _table()
    best = 0.0
    for n, (a, b) in enumerate(product(sorted(first), sorted(second))):
        if n >= MAX_READINGS:
            break
        best = max(best, table.get(f"{a}-{b}", 0.0))
    return best


def revised_given_name(name: str) -> str | None:
    """The given name with its first letters as the Revised Romanization writes them, when its
    plain-stop reading is a Korean name and its reading as written is not (Tong-hyun ->
    Dong-hyun); None otherwise."""
    m = _GIVEN.fullmatch(name.lower())
    if m is None:
        return None
    stop, rest, second = m.groups()
    if stop + rest in COMMON_ASPIRATED:
        return None
    seconds = _spellings(second)
    written = _best({stop + r for r in _spellings(rest)}, seconds)
    voiced = _best({_VOICED[stop] + r for r in _spellings(rest)}, seconds)
    if written > 0 or voiced < MIN_NAME_ZIPF:
        return None
    new = _VOICED[stop]
    return (new.upper() if name[:1].isupper() else new) + name[len(stop):]
