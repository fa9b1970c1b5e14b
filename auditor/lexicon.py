"""Word frequencies shared by the checks: wordfreq's lists (English, and any other language a
check asks about), read on demand.

wordfreq ships its list as one gzipped msgpack file (cBpack: one bucket of words per centibel).
Decoding all 321,000 words costs about a tenth of a second, which a one-file run cannot afford
for the few hundred words it looks up. So the list is turned once into a compact index in the
user's cache folder (sorted UTF-8 words in blocks, with their bucket numbers): the first run builds
it, every later run holds only the first word of each block and reads the one block a word can be
in. The index was memory-mapped and bisected before: every probe faulted in the pages around it,
and the six lists a one-file run consults added 25 MB to its resident size.

Without a writable cache folder the list is decoded in memory, as before. Importing wordfreq
itself would also import langcodes, ftfy and regex; it is only the fallback when its data file is
not where wordfreq keeps it. The numbers are wordfreq's exactly (tests/test_lexicon.py).

The other languages' lists are indexed the same way on first use: a check asking whether a word
is Spanish or German (a foreign widget's tag, an untranslated word) would otherwise hold a decoded
list of about a million words in every worker process."""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
import math
import os
import struct
import time
import unicodedata
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any

#: Bumped whenever the index layout changes, so an old index is never read as a new one.
INDEX_VERSION = 2
_MAGIC = b"AUDWF%03d" % INDEX_VERSION
#: magic, words, words per block, blocks, bytes of the blocks' first words
_HEADER = struct.Struct("<8sIIII")
#: Words per block: a lookup reads one block (about 2 KB) and splits it; the first words of the
#: blocks, held in memory, are 1/256 of the list (1,250 words for English's 321,000).
BLOCK_WORDS = 256
#: Between the words of a block (no word of wordfreq's lists holds it; the build checks).
_SEP = b"\x00"
#: Words remembered after a lookup: a large corpus's vocabulary, a bounded dict.
_MAX_SEEN = 500_000


def bucket_frequency(index: int) -> float:
    """wordfreq's cBpack: bucket i holds the words of frequency 10 ** (-i / 100)."""
    return 10 ** (-index / 100)


class FrequencyIndex:
    """{lowercase word: frequency}, read from an index file. Looks like a read-only dict for what
    the checks need: `get`, `in`, `len`, `items`.

    The file: _HEADER; the start of each block (n + 1 offsets, "I", from the end of the first
    words); the first word of each block, joined by _SEP; then the blocks, each its words'
    bucket numbers ("H") and the words joined by _SEP. Blocks are read with `os.pread`, which
    forked workers and threads share safely."""

    def __init__(self, path: str):
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            head = os.pread(self._fd, _HEADER.size, 0)
            if len(head) < _HEADER.size:
                raise ValueError(f"{path}: not a word index of version {INDEX_VERSION}")
            magic, n, block, blocks, firsts_size = _HEADER.unpack(head)
            if magic != _MAGIC or block < 1:
                raise ValueError(f"{path}: not a word index of version {INDEX_VERSION}")
            size = 4 * (blocks + 1)
            table = os.pread(self._fd, size + firsts_size, _HEADER.size)
            if len(table) < size + firsts_size:
                raise ValueError(f"{path}: a truncated word index")
        except BaseException:
            os.close(self._fd)
            raise
        self._n, self._block = n, block
        self._starts = array("I", table[:size])
        self._firsts = table[size:].split(_SEP) if blocks else []
        self._base = _HEADER.size + size + firsts_size
        # Words looked up before: a corpus repeats its vocabulary, and a dict hit is much
        # cheaper than reading a block.
        self._seen: dict[str, float | None] = {}
        self._absent: set[str] = set()  # those of them the list lacks (for `missing`)

    def __del__(self):
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass

    def _read_block(self, i: int) -> tuple[list[bytes], memoryview]:
        """The words of block i and their bucket numbers."""
        start, end = self._starts[i], self._starts[i + 1]
        raw = os.pread(self._fd, end - start, self._base + start)
        k = min(self._block, self._n - i * self._block)
        return raw[2 * k:].split(_SEP), memoryview(raw)[:2 * k].cast("H")

    def _lookup(self, word: str) -> float | None:
        try:
            return self._seen[word]
        except KeyError:
            pass
        key = word.encode("utf-8", "surrogatepass")
        i = bisect_right(self._firsts, key) - 1
        value = None
        if i >= 0:
            words, buckets = self._read_block(i)
            j = bisect_left(words, key)
            if j < len(words) and words[j] == key:
                value = bucket_frequency(buckets[j])
        if len(self._seen) < _MAX_SEEN:
            self._seen[word] = value
            if value is None:
                self._absent.add(word)
        return value

    def missing(self, words: set[str]) -> set[str]:
        """The `words` the list lacks. Those looked up before are sorted out by set operations,
        in compiled code, and only the new ones looked up: a look-up a word was most of the time
        of a check that asks it of every word of a document (TR406)."""
        found = words & self._absent
        for word in words.difference(self._seen):
            if self._lookup(word) is None:
                found.add(word)
        return found

    def get(self, word: str, default=None):
        value = self._lookup(word)
        return default if value is None else value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __len__(self) -> int:
        return self._n

    def items(self):
        for i in range(len(self._firsts)):
            words, buckets = self._read_block(i)
            for word, bucket in zip(words, buckets):
                yield word.decode("utf-8", "surrogatepass"), bucket_frequency(bucket)


def unknown_words(freqs, words: set[str]) -> set[str]:
    """The `words` that `freqs` (a FrequencyIndex, or a dict: see `frequencies`) lacks."""
    if isinstance(freqs, FrequencyIndex):
        return freqs.missing(words)
    return {w for w in words if w not in freqs}


@lru_cache(maxsize=None)
def english_frequencies():
    """wordfreq's large English list: a FrequencyIndex (or a dict when no index can be kept)."""
    return frequencies("en")


@lru_cache(maxsize=None)
def frequencies(lang: str):
    """wordfreq's best list of a language (its large list where it ships one, else its small
    one), as for English: a FrequencyIndex, or a dict when no index can be kept."""
    try:
        data = _wordfreq_data()
        source = os.path.join(data, f"large_{lang}.msgpack.gz")
        if not os.path.exists(source):
            source = os.path.join(data, f"small_{lang}.msgpack.gz")
        if not os.path.exists(source):
            raise FileNotFoundError(source)
    except (OSError, ImportError):
        from wordfreq import get_frequency_dict

        return get_frequency_dict(lang)
    try:
        return FrequencyIndex(_index_for(source, lang))
    except (OSError, ValueError):
        return {word: bucket_frequency(i) for word, i in _read_buckets(source)}


#: Languages for which wordfreq prepares a word only by NFC normalization and case folding (no
#: transliteration, no mark removal, no dotless i, no diacritic repair, a tokenizer that keeps a
#: word of letters whole): a word of letters is looked up in the index directly. Any other word
#: or language is asked of wordfreq itself (tests/test_lexicon.py checks the two agree).
DIRECT_LANGUAGES = frozenset("en es pt fr de it nl pl cs sv nb da fi ca ru uk bg id ms hu".split())


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's `zipf_frequency(word, lang)`: log10 of the word's occurrences per billion
    words, 0 when the list lacks it; without decoding the whole list into memory."""
    if lang not in DIRECT_LANGUAGES or not word.isalpha():
        from wordfreq import zipf_frequency as wordfreq_zipf

        return wordfreq_zipf(word, lang)
    freq = frequencies(lang).get(unicodedata.normalize("NFC", word).casefold(), 0.0)
    if freq <= 0:
        return 0.0
    # wordfreq rounds a frequency to three significant digits before taking the Zipf value.
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


def cache_dir() -> str:
    """Where the tool keeps what it builds once: $AUDITOR_CACHE_DIR, else the user's cache."""
    explicit = os.environ.get("AUDITOR_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "auditor")


#: An index no run has opened for this many days is removed when another of its language is built
#: (an older wordfreq's, another environment's): each is 3 to 9 MB.
MAX_INDEX_AGE_DAYS = 30
#: A run marks the index it opens as used at most this often (its modification time).
_MARK_USED_EVERY = 24 * 3600


def _index_for(source: str, lang: str = "en") -> str:
    """The index of `source`, built if it is missing. Named after wordfreq's release (the name of
    its dist-info folder), the list's file name and size, so that every environment with that
    release shares one index and a new release gets a new one; where the release cannot be
    told, after the list's path and time instead."""
    from .compiled import digest

    info = os.stat(source)
    # source: <site-packages>/wordfreq/data/<list>
    release = _wordfreq_release(os.path.dirname(os.path.dirname(os.path.dirname(source))))
    origin = release or f"{source}|{info.st_mtime_ns}"
    stamp = digest(f"{os.path.basename(source)}|{info.st_size}|{origin}|{INDEX_VERSION}".encode()).hex()[:16]
    path = os.path.join(cache_dir(), f"wordfreq-{lang}-{stamp}.idx")
    try:
        if time.time() - os.stat(path).st_mtime > _MARK_USED_EVERY:
            os.utime(path)   # in use: not pruned
    except FileNotFoundError:
        _build_index(source, path)
        _prune_indexes(lang, keep=path)
    return path


@lru_cache(maxsize=None)
def _wordfreq_release(package_parent: str) -> str:
    """"wordfreq-3.1.1.dist-info", the installed release's metadata folder beside the package,
    or "" when there is none (a source checkout)."""
    try:
        names = os.listdir(package_parent)
    except OSError:
        return ""
    return next((n for n in sorted(names) if n.startswith("wordfreq-") and n.endswith(".dist-info")), "")


def _prune_indexes(lang: str, keep: str) -> None:
    """Remove the language's other indexes no run opened for MAX_INDEX_AGE_DAYS."""
    folder = os.path.dirname(keep)
    limit = time.time() - MAX_INDEX_AGE_DAYS * 24 * 3600
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(f"wordfreq-{lang}-") and name.endswith(".idx") and path != keep:
            try:
                if os.stat(path).st_mtime < limit:
                    os.remove(path)
            except OSError:
                pass   # another run removed it, or it is not ours to remove


def _build_index(source: str, path: str) -> None:
    rows = sorted((w.encode("utf-8", "surrogatepass"), i) for w, i in _read_buckets(source))
    if any(_SEP in word for word, _ in rows):
        raise ValueError(f"{source}: a word holds the index's separator")
    starts, firsts, blocks, pos = [], [], [], 0
    for b in range(0, len(rows), BLOCK_WORDS):
        chunk = rows[b:b + BLOCK_WORDS]
        # native order: the index never leaves this machine
        data = array("H", (i for _, i in chunk)).tobytes() + _SEP.join(word for word, _ in chunk)
        starts.append(pos)
        firsts.append(chunk[0][0])
        blocks.append(data)
        pos += len(data)
    starts.append(pos)
    first_words = _SEP.join(firsts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    from .atomic import write_bytes

    # atomic: a concurrent run sees no index or the whole index
    write_bytes(path, _HEADER.pack(_MAGIC, len(rows), BLOCK_WORDS, len(firsts), len(first_words))
                + array("I", starts).tobytes() + first_words + b"".join(blocks))


def _wordfreq_data() -> str:
    """wordfreq's data folder, found without importing the package: on sys.path (importlib.util,
    which asks every finder, costs a one-file run 2 ms to import), else by importlib.util."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("wordfreq")
    if spec is None:
        import importlib.util

        spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    return os.path.join(next(iter(spec.submodule_search_locations)), "data")


def _read_buckets(path: str):
    """(word, bucket index) pairs of a cBpack file; a word in two buckets keeps the later one,
    as wordfreq's get_frequency_dict does."""
    import gzip   # here: only the first run on a machine decodes a list

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
