"""Per-document findings reach a terminal as each file is audited; pipes get the sorted report."""
from __future__ import annotations

import io
import sys

from conftest import run_cli
from test_foundation import write, zz  # noqa: F401 - zz is a fixture


def test_engine_hands_each_file_over_as_it_is_audited(tmp_path, zz):
    from auditor import engine
    from auditor.config import Config
    from auditor.registry import load_registry

    write(tmp_path, "a.txt", "wrongword Zedong\n")
    write(tmp_path, "b.txt", "Zedong fine\n")
    seen = []
    cfg = Config(select=["ZZ101", "ZZ201"])
    result = engine.run([str(tmp_path)], cfg, load_registry(),
                        on_file=lambda r: seen.append((r.path.rsplit("/", 1)[-1], [f.code for f in r.findings])))
    assert seen == [("a.txt", ["ZZ101"]), ("b.txt", [])]  # per-document findings only, at once
    final = {r.path.rsplit("/", 1)[-1]: [f.code for f in r.findings] for r in result.files}
    assert final == {"a.txt": ["ZZ101", "ZZ201"], "b.txt": ["ZZ201"]}


def test_terminal_output_streams_then_adds_cross_file_findings(tmp_path, zz, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    write(tmp_path, "a.txt", "wrongword Zedong\n")
    write(tmp_path, "b.txt", "Zedong fine\n")
    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    from auditor.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["check", "--select", "ZZ101,ZZ201", "--no-show-source", "--color", "never", "."]) == 1
    lines = out.getvalue().splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines[:3]] == ["ZZ101", "ZZ201", "ZZ201"]
    assert lines[0].startswith("a.txt:1:1: ZZ101") and lines[3].startswith("Found 3 findings")
    piped = run_cli(["check", "--select", "ZZ101,ZZ201", "."], cwd=tmp_path).out.splitlines()
    assert piped[:3] == ["a.txt:1:1: ZZ101 [warning] 'wrongword' is marked (suggest: right word)",
                         "a.txt:1:11: ZZ201 [warning] 'Zedong' also in other files",
                         "b.txt:1:1: ZZ201 [warning] 'Zedong' also in other files"]
