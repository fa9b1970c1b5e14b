"""Writing a file so that a reader (a concurrent run, a browser, an editor) sees the old file or
the whole new one, never half of it: a temporary file in the same folder, renamed into place."""
from __future__ import annotations

import os
import tempfile


def write_bytes(path, data: bytes, mode: int | None = None, fsync: bool = False) -> None:
    """Write `data` to `path` atomically; `mode` sets its permissions (default: the temporary
    file's, 0o600, unless `path` existed: then its own are kept)."""
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = None
    fd, tmp = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(path, text: str, mode: int | None = None) -> None:
    """`text` as UTF-8 with LF line ends, atomically."""
    write_bytes(path, text.encode("utf-8", "replace"), mode)
