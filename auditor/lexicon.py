"""Word frequencies shared by the checks: wordfreq's English list, loaded lazily, once per process
(its first load costs about 0.1 s, which a run whose checks never ask for it should not pay)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def english_frequencies() -> dict[str, float]:
    """{lowercase word: frequency} from wordfreq's large English list."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")
