"""Findings the settings silence: per-file-ignores globs and inline suppression comments."""
from __future__ import annotations

import fnmatch
import os

from .selection import matches


def inline_suppressed(doc, findings: list) -> list:
    """Drop findings silenced by `<!-- auditor: ignore CODE -->` comments (Markdown, HTML): on a
    line of its own, the comment covers the next line; at the end of a line, that line;
    `ignore-file`, the whole file. Without codes it silences every check."""
    comments = doc.suppressions
    if not comments:
        return findings
    raw = doc.raw
    rules = []  # (raw_from, raw_to, codes)
    for scope, offset, codes in comments:
        if scope == "ignore-file":
            rules.append((0, len(raw), codes))
            continue
        close = raw.find("-->", offset)
        after = close + 3 if close >= 0 else len(raw)
        line_start = raw.rfind("\n", 0, offset) + 1
        line_end = raw.find("\n", after)
        line_end = len(raw) if line_end < 0 else line_end
        own_line = (raw[line_start:offset] + raw[after:line_end]).strip()
        if own_line:  # a comment beside text covers its own line
            rules.append((line_start, line_end, codes))
            continue
        nxt = after
        while nxt < len(raw) and raw[nxt].isspace():
            nxt += 1
        stop = raw.find("\n", nxt)
        rules.append((after, len(raw) if stop < 0 else stop, codes))
    return [f for f in findings
            if not any(a <= f.start <= b and (not codes or any(f.code.startswith(c) for c in codes))
                       for a, b, codes in rules)]


def per_file_ignored(path: str, code: str, table: dict[str, list[str]], root: str = ".") -> bool:
    """Globs match the path as shown, the path relative to the config file's folder, or the name."""
    if not table:
        return False
    posix = path.replace(os.sep, "/")
    names = {posix, posix.rsplit("/", 1)[-1]}
    try:
        names.add(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))
    except ValueError:  # another drive (Windows)
        pass
    for pattern, codes in table.items():
        if any(fnmatch.fnmatch(n, pattern) for n in names):
            if matches(code, codes):
                return True
    return False
