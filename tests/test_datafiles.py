"""auditor.datafiles finds and reads the shipped data as pathlib would."""
from __future__ import annotations

from pathlib import Path

from auditor import datafiles


def test_shipped_data_files_are_listed_as_path_glob_lists_them(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "c.json", "z.txt.bak"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    assert datafiles.listed(str(tmp_path), ".txt") == [str(p) for p in sorted(tmp_path.glob("*.txt"))]
    assert datafiles.read_text(datafiles.beside(str(tmp_path / "a.txt"), "b.txt")) == "b.txt"
    assert datafiles.beside(__file__, "data") == str(Path(__file__).resolve().parent / "data")
