"""Word frequencies shared by the checks: wordfreq's English list, read on demand.

wordfreq ships its list as one gzipped msgpack file (cBpack: one bucket of words per centibel).
Decoding all 321,000 words costs about a tenth of a second, which a one-file run cannot afford
for the few hundred words it looks up. So the list is turned once into a compact index in the
user's cache folder (sorted UTF-8 words, their offsets and their bucket numbers), memory-mapped,
and searched by bisection: the first run builds it, every later run only maps the file.

Without a writable cache folder the list is decoded in memory, as before. Importing wordfreq
itself would also import langcodes, ftfy and regex; it is only the fallback when its data file is
not where wordfreq keeps it. The numbers are wordfreq's exactly (tests/test_lexicon.py)."""
from __future__ import annotations

import gzip
from array import array
import hashlib
import importlib.util
import mmap
import os
import struct
import tempfile
from functools import lru_cache
from pathlib import Path

#: Bumped whenever the index layout changes, so an old index is never read as a new one.
INDEX_VERSION = 1
_MAGIC = b"AUDWF%03d" % INDEX_VERSION
_HEADER = struct.Struct("<8sI")  # magic, number of words


def bucket_frequency(index: int) -> float:
    """wordfreq's cBpack: bucket i holds the words of frequency 10 ** (-i / 100)."""
    return 10 ** (-index / 100)


class FrequencyIndex:
    """{lowercase word: frequency}, read from a memory-mapped index. Looks like a read-only dict
    for what the checks need: `get`, `in`, `len`, `items`."""

    def __init__(self, path: Path):
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n = _HEADER.unpack_from(self._map, 0)
        if magic != _MAGIC:
            raise ValueError(f"{path}: not a word index of version {INDEX_VERSION}")
        view = memoryview(self._map)
        start = _HEADER.size
        self._n = n
        self._offsets = view[start:start + 4 * (n + 1)].cast("I")
        start += 4 * (n + 1)
        self._buckets = view[start:start + 2 * n].cast("H")
        self._blob = view[start + 2 * n:]

    def _word(self, i: int) -> bytes:
        return bytes(self._blob[self._offsets[i]:self._offsets[i + 1]])

    def _find(self, word: str) -> int:
        key = word.encode("utf-8", "surrogatepass")
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) // 2
            if self._word(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < self._n and self._word(lo) == key else -1

    def get(self, word: str, default=None):
        i = self._find(word)
        return bucket_frequency(self._buckets[i]) if i >= 0 else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __len__(self) -> int:
        return self._n

    def items(self):
        for i in range(self._n):
            yield self._word(i).decode("utf-8", "surrogatepass"), bucket_frequency(self._buckets[i])


@lru_cache(maxsize=None)
def english_frequencies():
    """wordfreq's large English list: a FrequencyIndex (or a dict when no index can be kept)."""
    try:
        source = _wordfreq_data() / "large_en.msgpack.gz"
        if not source.exists():
            raise FileNotFoundError(source)
    except (OSError, ImportError):
        from wordfreq import get_frequency_dict

        return get_frequency_dict("en")
    try:
        return FrequencyIndex(_index_for(source))
    except (OSError, ValueError):
        return {word: bucket_frequency(i) for word, i in _read_buckets(source)}


def cache_dir() -> Path:
    """Where the tool keeps what it builds once: $AUDITOR_CACHE_DIR, else the user's cache."""
    explicit = os.environ.get("AUDITOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "auditor"


def _index_for(source: Path) -> Path:
    """The index of `source`, built if it is missing (named after the source's size and time,
    so a new wordfreq release gets a new index)."""
    info = source.stat()
    stamp = hashlib.sha1(f"{source}|{info.st_size}|{info.st_mtime_ns}|{INDEX_VERSION}".encode()).hexdigest()[:16]
    path = cache_dir() / f"wordfreq-en-{stamp}.idx"
    if not path.exists():
        _build_index(source, path)
    return path


def _build_index(source: Path, path: Path) -> None:
    rows = sorted((w.encode("utf-8", "surrogatepass"), i) for w, i in _read_buckets(source))
    offsets, pos = [], 0
    for word, _ in rows:
        offsets.append(pos)
        pos += len(word)
    offsets.append(pos)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".wordfreq-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_HEADER.pack(_MAGIC, len(rows)))
            fh.write(array("I", offsets).tobytes())  # native order: the index never leaves this machine
            fh.write(array("H", (i for _, i in rows)).tobytes())
            fh.write(b"".join(word for word, _ in rows))
        os.replace(tmp, path)  # atomic: a concurrent run sees the old state or the whole index
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _wordfreq_data() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read_buckets(path: Path):
    """(word, bucket index) pairs of a cBpack file; a word in two buckets keeps the later one,
    as wordfreq's get_frequency_dict does."""
    import msgpack

    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: unexpected wordfreq header {header!r}")
    buckets = {}
    for index, bucket in enumerate(data[1:]):
        for word in bucket:
            buckets[word] = index
    return buckets.items()
