"""What the scripts that build a TSV data file from a package share: the file's text (its header,
naming the package's version, then one tab-separated row a line) and writing it."""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path


def table_text(header: str, package: str, rows) -> str:
    """`header` (a format string with {version}: the installed version of `package`), then the rows."""
    lines = [header.format(version=version(package)).rstrip("\n")]
    lines.extend("\t".join(r) for r in rows)
    return "\n".join(lines) + "\n"


def write_table(out: Path, text: str) -> int:
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {text.count(chr(10))} lines, {len(text.encode()) // 1024} KiB")
    return 0
