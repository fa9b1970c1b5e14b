"""Word frequencies shared by the checks: wordfreq's English list, loaded lazily, once per process.

The list is read straight from the data file that the wordfreq package ships, in wordfreq's own
cBpack format (gzipped msgpack, one bucket of words per centibel). Importing wordfreq itself
would also import langcodes, ftfy and regex, which doubles the cost of a one-file run; if the file
is not where wordfreq keeps it, wordfreq's own loader is used."""
from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def english_frequencies() -> dict[str, float]:
    """{lowercase word: frequency} from wordfreq's large English list."""
    try:
        return _read_cbpack(_wordfreq_data() / "large_en.msgpack.gz")
    except (OSError, ValueError, TypeError, ImportError):
        from wordfreq import get_frequency_dict

        return get_frequency_dict("en")


def _wordfreq_data() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read_cbpack(path: Path) -> dict[str, float]:
    """wordfreq's read_cBpack + get_frequency_dict: bucket i holds the words of frequency
    10 ** (-i / 100)."""
    import msgpack

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)
        for word in bucket:
            freqs[word] = freq
    return freqs
