"""Finding the files to audit and reading them; every problem becomes a one-line message."""
from __future__ import annotations

import fnmatch
import os
import re
import stat

from . import compiled
from .document import KIND_BY_SUFFIX, Document
from .records import record

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"})
_SNIFF = 8192


class InputError(Exception):
    """A file that cannot be audited; the message names the file and the problem."""

    def __init__(self, path: str, problem: str, fatal: bool = True, skipped: bool | None = None):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.fatal = fatal  # False: a notice (e.g. empty file), the run's exit code is unaffected
        self.skipped = fatal if skipped is None else skipped  # the file was not audited


@record(frozen=True)
class Source:
    """A file to audit: the path as shown (relative to the working directory) and on disk, or
    the bytes themselves for an article read from standard input (`fs_path` is then its name)."""

    display: str
    fs_path: str
    data: bytes | None = None

    @property
    def on_disk(self) -> bool:
        return self.data is None


STDIN = "-"


def read_stdin(name: str | None) -> Source:
    """The article piped to `auditor check -`, named by --stdin-filename (default 'stdin.txt')."""
    import sys

    name = name or "stdin.txt"
    return Source(display_path(name), name, sys.stdin.buffer.read())


def _matches(path: str, patterns) -> bool:
    posix = path.replace(os.sep, "/")
    name = posix.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(name, p) or
               fnmatch.fnmatch(posix, p.rstrip("/") + "/*") for p in patterns)


def display_path(path: str, cwd: str | None = None) -> str:
    """The path as given, relative to the working directory `cwd` (default: this process's);
    absolute ones outside it stay."""
    if os.path.isabs(path):
        rel = os.path.relpath(path, cwd) if cwd else os.path.relpath(path)
        return path if rel.startswith("..") else rel
    return os.path.normpath(path)


def discover(paths, include=DEFAULT_INCLUDE, exclude=(), stdin: Source | None = None,
             cwd: str | None = None) -> tuple[list[Source], list[InputError]]:
    """Expand files and folders (recursively) into sources, in a stable order.

    Files named explicitly are audited whatever their suffix (unless excluded); files found in
    folders must match `include`. `cwd` is the working directory the paths were given in, when
    that is not this process's (the archive mode lists the files on a worker).
    """
    sources: list[Source] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(shown: str, path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(display_path(shown, cwd), path))

    for given in paths:
        if given == STDIN:
            if stdin is not None and stdin not in sources:
                sources.append(stdin)
            continue
        on_disk = given if cwd is None or os.path.isabs(given) else os.path.join(cwd, given)
        if os.path.isdir(on_disk):
            found = 0
            for root, dirs, files in os.walk(on_disk):
                shown_root = given + root[len(on_disk):]  # the folder as the user would name it
                dirs[:] = sorted(d for d in dirs
                                 if d not in SKIP_DIRS and not _matches(os.path.join(shown_root, d), exclude))
                for name in sorted(files):
                    shown = os.path.join(shown_root, name)
                    if _matches(shown, include) and not _matches(shown, exclude):
                        add(shown, os.path.join(root, name))
                        found += 1
            if not found:
                errors.append(InputError(given, "folder contains no articles (looked for "
                                         + ", ".join(include) + ")", fatal=False))
        elif os.path.exists(on_disk):
            if not _matches(given, exclude):
                add(given, on_disk)
        else:
            errors.append(InputError(given, "no such file or folder"))
    return sources, errors


def kind_of(path: str) -> str:
    return KIND_BY_SUFFIX.get(os.path.splitext(path)[1].lower(), "text")


# Legacy encodings of news text, in the order that wins a tie. charset-normalizer alone misjudges
# short texts (a line of Russian came out as cp1125), so these are scored as well.
_LEGACY = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "koi8_r")
_FINE_SYMBOLS = frozenset("©®°№™€£¥§¶•·")
_WORD = compiled.regex(r"[^\W\d_]{2,40}")


# Byte-order marks of the wide Unicode encodings, longest first (UTF-32 LE starts like UTF-16 LE).
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def wide_bom(data: bytes) -> tuple[int, str] | None:
    """(BOM length, codec) of a UTF-16 or UTF-32 file that starts with its byte-order mark."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return len(bom), codec
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode the file. The BOM stays in the text as U+FEFF (as Python reads UTF-8 with a BOM),
    so offsets count it and writing the text back in the same codec restores the bytes.
    UTF-16/32 need their BOM; other files are UTF-8 or a detected legacy encoding."""
    wide = wide_bom(data)
    if wide is not None:
        n, codec = wide
        try:
            return "\ufeff" + data[n:].decode(codec), codec
        except UnicodeDecodeError:
            raise InputError(path, f"starts with a {codec.upper()} byte-order mark but is not valid "
                                   f"{codec.upper()}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 files pay for it

    best = from_bytes(data).best()
    candidates = list(_LEGACY)
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    sample = data[:65536]
    scored = []
    for rank, enc in enumerate(candidates):
        multibyte = enc not in _LEGACY  # the sample may end inside a character
        try:
            scored.append((_mess(sample.decode(enc, errors="ignore" if multibyte else "strict")), rank, enc))
        except (UnicodeDecodeError, LookupError):
            continue
    if not scored:
        raise InputError(path, "not UTF-8 and no other text encoding fits; is it a binary file?")
    for _, _, enc in sorted(scored):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:  # the sample decoded, the whole file does not
            continue
    raise InputError(path, "not UTF-8 and no other text encoding fits; is it a binary file?")


def _mess(text: str) -> int:
    """How implausible a decoding looks: odd symbols, words mixing scripts or letter case, and
    Latin words made mostly of accented letters (Cyrillic bytes read as cp1252)."""
    import unicodedata

    bad = 0
    for ch in text:
        if ord(ch) > 127 and ch not in _FINE_SYMBOLS:
            cat = unicodedata.category(ch)
            if cat[0] in "SC" and cat != "Sc" or cat == "No":
                bad += 1
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in word if not c.isascii()}
        if len(scripts) > 1 or (scripts - {"LATIN"} and any(c.isascii() for c in word)):
            bad += 1
        elif any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            bad += 1
        elif scripts == {"LATIN"} and len(word) >= 3 and sum(not c.isascii() for c in word) * 2 > len(word):
            bad += 1
    return bad


#: Every byte but the control characters a text file does not hold (0-8 and 14-31: tab, line
#: ends, vertical tab and form feed are text): deleting these leaves the controls to count, in
#: one pass in C (a Python loop over the sniffed bytes took a tenth of a millisecond a file).
_TEXT_BYTES = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def looks_binary(data: bytes) -> bool:
    if wide_bom(data) is not None:  # UTF-16/32 text is full of NUL bytes
        return False
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return bool(head) and controls / len(head) > 0.1


def load(source: Source, max_bytes: int, data: bytes | None = None) -> tuple[Document, list[InputError]]:
    """Read (unless `data` is given) and decode one file. Raises InputError for files that
    cannot be audited."""
    path = source.display
    notices: list[InputError] = []
    if data is None:
        data = read_bytes(source, max_bytes)
    if looks_binary(data):
        raise InputError(path, "binary file (contains NUL or control bytes); skipped")
    text, encoding = decode(data, path)
    if not encoding.startswith("utf-"):
        notices.append(InputError(path, f"not UTF-8; decoded as {encoding}", fatal=False))
    if not text.strip():
        notices.append(InputError(path, "empty file; nothing to audit", fatal=False))
    return Document(path, text, kind_of(source.fs_path), encoding), notices


def read_bytes(source: Source, max_bytes: int) -> bytes:
    """The file's bytes (or the piped ones). Raises InputError naming the problem."""
    if source.data is not None:
        return source.data
    path = source.display
    try:
        info = os.stat(source.fs_path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(source.fs_path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise InputError(path, "not a regular file (a pipe, socket or device); skipped")
        size = info.st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size / 1e6:.1f} MB, larger than max-file-size "
                                   f"({max_bytes / 1e6:.1f} MB); skipped (raise max-file-size to audit it)",
                             fatal=False, skipped=True)
        with open(source.fs_path, "rb") as fh:
            return fh.read()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied; cannot read the file") from None
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror or e})") from None
