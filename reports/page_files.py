"""The site's files on disk: a flat, safe page name per input path, pages written atomically,
pages of an earlier report for files no longer audited removed, and the output folder kept out
of the audit."""
from __future__ import annotations

import glob
import hashlib
import os
import re
import tempfile

INDEX = "index.html"
#: Characters of a file's base name kept in its page name (the hash tells pages apart).
MAX_SLUG = 60

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
PAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*_[0-9a-f]{10}\.html")
#: The line every page of ours carries near its top (base.html): how a stale page is known as ours.
GENERATOR_MARK = '<meta name="generator" content="auditor '


def page_name(path: str) -> str:
    """A flat, safe file name for an input path: its base name (cleaned) and a hash of the whole
    path, so '../../x.txt' stays in the output folder and a/x.txt, b/x.txt do not collide."""
    posix = path.replace("\\", "/").rstrip("/")
    slug = _UNSAFE.sub("_", posix.rsplit("/", 1)[-1]).strip("._-")[:MAX_SLUG] or "file"
    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}_{digest}.html"


def output_exclusions(out_dir: str, paths) -> list[str]:
    """Exclude patterns for the output folder as the folder walk will spell it under each PATH:
    never audit an earlier report (its pages are not articles)."""
    out = os.path.realpath(out_dir)
    patterns = []
    for given in paths:
        if not os.path.isdir(given):
            continue
        rel = os.path.relpath(out, os.path.realpath(given))
        if rel != os.curdir and not rel.startswith(os.pardir):
            patterns.append(glob.escape(os.path.join(given, rel)).replace(os.sep, "/"))
    return patterns


def remove_stale_pages(out_dir: str, current: set[str]) -> None:
    """Article pages an earlier report wrote for files no longer audited (ours only: our name
    pattern and our generator line), so the folder shows this run and nothing else."""
    for name in sorted(os.listdir(out_dir)):
        if name in current or not PAGE_NAME.fullmatch(name):
            continue
        path = os.path.join(out_dir, name)
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                head = fh.read(1000)
            if GENERATOR_MARK in head:
                os.unlink(path)
        except OSError:
            pass  # not ours to worry about


def write_atomic(path: str, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`."""
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
