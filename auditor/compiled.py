"""Regular expressions, and values derived from the shipped data, kept between runs.

A cold run on one article spends about half its time turning the phrase families' data into
regular expressions: parsing each pattern (to read the literals it needs, literals.py) and
compiling the combined patterns. The result depends only on the pattern text, so it is kept in
one file in the user cache and the next run, on any file, starts from it.

What is kept is `re`'s own compiled program (the list of codes its C engine runs) with the group
tables, handed back to the engine as `re.compile` itself does; the file is named after the
Python version and the engine's version number, so another Python never reads it, and any entry
the engine refuses is compiled again. Values (`derived`) are keyed by the caller's own key, which
must hold everything they are computed from (a pattern's text, say), so they cannot go stale.

The file is read on demand (`_Kept`): an index of key digests to places in the file, then only
the entries the run asks for are read (`os.pread`: a memory map would count the pages around each
entry in the run's resident size) and unpickled. A run on one article uses a few hundred of the
thousands of entries that accumulate as the data changes (every edited pattern is a new key), and
reading them all cost a one-file run 15 MB and 20 ms.

Only the process that audits in the foreground saves (`save()`, called by the engine at the end
of a run); worker processes read the file but never write it. Writes are atomic (atomic.py):
concurrent runs see the old file or the new one (a reader keeps the file it opened); the last
writer wins, which costs at most a recompilation.

The methods records.py writes for the project's record classes (__init__, __repr__, __eq__ ...) are
kept the same way (`kept_code`): they are compiled from source text, and compiling the 243 of a
run's 50 classes took 20 ms of a one-file run.
"""
from __future__ import annotations

import marshal
import os
import pickle
import re
import struct
import sys
from array import array

try:  # BLAKE2 without `hashlib`, whose import loads OpenSSL (3 MB and 4 ms of a one-file run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

try:  # CPython's regular-expression engine; elsewhere patterns are simply compiled.
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

#: The C type of the engine's code words (CODESIZE bytes each).
_CODE_TYPE = "I" if _sre is None or _sre.CODESIZE == 4 else "H"
#: Stop keeping entries past this many: a save keeps the entries this run used and then the
#: newest others up to it (the shipped data needs a few hundred; edits of the data leave the rest).
MAX_ENTRIES = 20_000
#: An entry no run used in this many saves is dropped: an edited pattern's old program, an old
#: release's values. (A save happens when a run compiled something new; an entry dropped while
#: still needed by rare documents is compiled again when one comes.)
MAX_UNUSED_SAVES = 50
#: The layout of the kept file, in its name and its first bytes (_MAGIC): a file of another layout
#: (or a damaged one) is ignored and replaced at the next save.
_LAYOUT = 4
_MAGIC = f"auditor-compiled-{_LAYOUT}\n".encode()
#: The index's size, after the magic: an unsigned 64-bit little-endian integer.
_SIZE = struct.Struct("<Q")

#: The version of the bytecode (a .pyc's magic number): a kept code object is for this one only.
try:
    from importlib._bootstrap_external import MAGIC_NUMBER as _BYTECODE
except ImportError:  # pragma: no cover
    _BYTECODE = sys.version.encode()

_store: _Kept | None = None
_dirty = False
_saving_allowed = True


def _path():
    from .lexicon import cache_dir

    magic = getattr(_sre, "MAGIC", 0)
    version = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{magic}"
    # The layout in the name too: a run of an older release keeps its own file instead of
    # replacing this one at each save.
    return os.path.join(cache_dir(), f"compiled-{version}-layout{_LAYOUT}.bin")


def digest(data: bytes) -> bytes:
    """A 16-byte digest of `data`, for names of files and entries in the user cache."""
    return blake2b(data, digest_size=16).digest()


#: marshal's format 2: every str as its UTF-8 bytes, no back-references and no mark of interning,
#: so the same key gives the same bytes in every process (format 3 and later mark shared and
#: interned objects, which differ from run to run).
_KEY_FORMAT = 2


def _digest(key) -> bytes:
    """A key's name in the file's index: its bytes by marshal (in C: encoding the keys' long
    pattern sources in Python took 3 ms of a one-file run), or by `_encode` for a key marshal
    refuses (one holding an int subclass such as a RegexFlag); a prefix keeps the two apart."""
    try:
        return digest(b"m" + marshal.dumps(key, _KEY_FORMAT))
    except ValueError:
        out: list[bytes] = [b"e"]
        _encode(key, out)
        return digest(b"".join(out))


def _encode(key, out: list[bytes]) -> None:
    """A key (tuples of str, int, bytes and such) as bytes, each part with its type and length."""
    if isinstance(key, str):
        data = key.encode("utf-8", "surrogatepass")
        out.append(b"s%d:" % len(data))
        out.append(data)
    elif isinstance(key, tuple):
        out.append(b"t%d:" % len(key))
        for part in key:
            _encode(part, out)
    elif isinstance(key, int) and not isinstance(key, bool):   # a RegexFlag's repr is slow and names its members
        out.append(b"i%d:" % key)
    else:   # bytes, None ...: repr is short and stable
        data = repr(key).encode("utf-8", "surrogatepass")
        out.append(b"r%d:" % len(data))
        out.append(data)


class _Kept:
    """The kept entries: those of the file, unpickled when asked for, and those this run added.

    The file: _MAGIC, the size of the index, the index (a pickled {digest: (offset, length, saves
    since a run used it)}, offsets from the end of the index), then each entry's value pickled,
    those the last saving run used first. An entry is found by the 16-byte BLAKE2 digest of its
    key alone (keeping the key too, the long pattern sources, doubled what a run read); one that
    fails to unpickle counts as missing."""

    def __init__(self, fd: int | None = None, index=None, base=0):
        self.fd = fd                # the file, open for the run (None: no file)
        self.index = index or {}    # digest -> (offset, length, unused saves), from `base`
        self.base = base            # where the entries start in `data` (after the index)
        self.known: dict = {}       # key -> value: read from the file or added in this run
        # digest -> the entry as saved, pickled when added: a value may change after it is kept
        # (a pattern object caching its compiled regex), and what is kept is what was computed
        self.fresh: dict[bytes, bytes] = {}
        self.used: dict[bytes, None] = {}   # digests of the file's entries this run read, in order

    @classmethod
    def read(cls, path) -> _Kept:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            start = len(_MAGIC) + _SIZE.size
            head = os.pread(fd, start, 0)
            if head[:len(_MAGIC)] != _MAGIC or len(head) < start:
                raise ValueError("not a kept file of this layout")
            (size,) = _SIZE.unpack(head[len(_MAGIC):])
            index = pickle.loads(os.pread(fd, size, start))
            if not isinstance(index, dict):
                raise ValueError("damaged index")
        except BaseException:
            os.close(fd)
            raise
        return cls(fd, index, start + size)

    def _blob(self, offset: int, length: int) -> bytes:
        return os.pread(self.fd, length, self.base + offset)

    def get(self, key, default=None):
        if key in self.known:
            return self.known[key]
        digest = _digest(key)
        place = self.index.get(digest)
        if place is None:
            return default
        try:
            value = pickle.loads(self._blob(place[0], place[1]))
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
                ImportError, IndexError):
            return default
        self.known[key] = value   # asked again: no second unpickling
        self.used[digest] = None
        return value

    def __contains__(self, key) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __setitem__(self, key, value) -> None:
        """Keep `value` under `key` for this run and, when it pickles, for the next ones."""
        self.known[key] = value
        try:
            self.fresh[_digest(key)] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            pass

    def __len__(self) -> int:
        return len(self.index) + sum(digest not in self.index for digest in self.fresh)

    def dumps(self) -> bytes:
        """The file to save: the entries this run used or added, then the file's others in their
        order (most recently used first) while a run used them in the last MAX_UNUSED_SAVES saves,
        up to MAX_ENTRIES; copied without unpickling."""
        blobs = {digest: (blob, 0) for digest, blob in self.fresh.items()}
        older = sorted(self.index, key=lambda digest: (digest not in self.used, self.index[digest][0]))
        for digest in older:
            if len(blobs) >= MAX_ENTRIES:
                break
            offset, length, unused = self.index[digest]
            unused = 0 if digest in self.used else unused + 1
            if digest not in blobs and unused <= MAX_UNUSED_SAVES:
                blobs[digest] = (self._blob(offset, length), unused)
        index, offset = {}, 0
        for digest, (blob, unused) in blobs.items():
            index[digest] = (offset, len(blob), unused)
            offset += len(blob)
        head = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        return b"".join([_MAGIC, _SIZE.pack(len(head)), head, *(blob for blob, _ in blobs.values())])


_MISSING = object()


def _load() -> _Kept:
    global _store
    if _store is None:
        _store = _Kept()
        if _sre is not None and not os.environ.get("AUDITOR_NO_COMPILED_CACHE"):
            try:
                _store = _Kept.read(_path())
            except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
                    ImportError, IndexError, struct.error):
                pass   # no file yet, or an unreadable one: compile and write a new one
    return _store


def _remember(key, value) -> None:
    global _dirty
    store = _load()
    if len(store.fresh) < MAX_ENTRIES:
        store[key] = value
        _dirty = True


def regex(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the kept program when there is one."""
    if _sre is None:
        return re.compile(source, flags)
    key = ("re", source, int(flags))   # a plain int: a key marshal takes (_digest)
    kept = _load().get(key)
    if kept is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = kept
            return _sre.compile(source, final_flags, array(_CODE_TYPE, code).tolist(), groups,
                                groupindex, indexgroup)
        except (TypeError, ValueError, RuntimeError):
            pass   # a program this engine does not take: compile it again
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    final_flags = int(flags | parsed.state.flags)
    pattern = _sre.compile(source, final_flags, code, parsed.state.groups - 1, groupindex,
                           tuple(indexgroup))
    # Kept as bytes: compact, quick to load, and the engine's opcodes (int subclasses) refuse
    # to be pickled as they are.
    _remember(key, (final_flags, array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
                    dict(groupindex), tuple(indexgroup)))
    return pattern


def derived(kind: str, key, compute):
    """`compute()`, kept under (`kind`, `key`): `key` must determine the value completely."""
    store = _load()
    full = ("value", kind, key)
    value = store.get(full, _MISSING)
    if value is not _MISSING:
        return value
    value = compute()
    _remember(full, value)
    return value


def derived_from_files(kind: str, files, compute):
    """`derived` for a value parsed from files (a data table): kept under each file's path, size
    and modification time, as Python keys a module's bytecode by its source's (reading and
    hashing the 150 data files took a one-file run 1.5 ms; an edit, a checkout or an install
    writes the file anew). The caller lists the modules that parse them among `files`, so that
    a change of the parser is a new key as a change of the data is."""
    parts = []
    for path in map(os.fspath, files):
        info = os.stat(path)
        parts.append(f"{len(path)}:{path}{info.st_size}:{info.st_mtime_ns};")
    return derived(kind, digest("".join(parts).encode("utf-8", "surrogatepass")).hex(), compute)


def kept_code(source: str):
    """`compile(source, "<string>", "exec")`, from the kept file when it was compiled before: the
    methods records.py writes for each record class (compiling the 243 of a run took 20 ms).
    `dont_inherit`: compiled without this module's `from __future__` flags."""
    key = ("code", _BYTECODE, sys.flags.optimize, source)
    kept = _load().get(key)
    if kept is not None:
        try:
            return marshal.loads(kept)
        except (EOFError, ValueError, TypeError):
            pass   # a damaged entry: compile it again
    code = compile(source, "<string>", "exec", dont_inherit=True)
    _remember(key, marshal.dumps(code))
    return code


def forbid_saving() -> None:
    """In a worker process: read the kept file, never write it."""
    global _saving_allowed
    _saving_allowed = False


def save() -> None:
    """Write what this run compiled, if anything new (never fails the run)."""
    global _dirty
    if not (_dirty and _saving_allowed) or os.environ.get("AUDITOR_NO_COMPILED_CACHE"):
        return
    from .atomic import write_bytes

    try:
        path = _path()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_bytes(path, _store.dumps())
        _dirty = False
    except OSError:
        pass   # a read-only cache: the next run compiles again
