"""Shared fixtures: run the CLI in-process, the seed folder and its expectations."""
from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class CliRun:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


def run_cli(argv, cwd=None) -> CliRun:
    """Run `auditor ARGV` in-process (optionally in `cwd`) and capture exit code, stdout, stderr."""
    from auditor.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            code = main([str(a) for a in argv])
    finally:
        os.chdir(old)
    return CliRun(code, out.getvalue(), err.getvalue())


def findings_by_path(report: dict) -> dict[str, list[dict]]:
    return {os.path.normpath(f["path"]): f["findings"] for f in report["files"]}


def caught(item: dict, text: str, findings: list[dict]) -> bool:
    """The scorer's rule: a finding of the item's family overlaps an occurrence of its quote."""
    spans, i = [], text.find(item["quote"])
    while i >= 0:
        spans.append((i, i + len(item["quote"])))
        i = text.find(item["quote"], i + 1)
    return any(f["family"] == item["family"] and f["start"] < b and a < f["end"]
               for f in findings for a, b in spans)


@pytest.fixture(scope="session")
def seeds_report():
    """The JSON report of `auditor check --format json .` run in seeds/ (one corpus)."""
    run = run_cli(["check", "--format", "json", "--no-baseline", "."], cwd=SEEDS)
    assert run.code in (0, 1), run.err
    return run.json()


@pytest.fixture(scope="session")
def seeds_expected():
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


def seed_text(name: str) -> str:
    with open(SEEDS / name, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture
def corpus(tmp_path):
    """Write {name: text} files into a temporary folder and return its path."""

    def make(files: dict[str, str]) -> Path:
        for name, text in files.items():
            p = tmp_path / name
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        return tmp_path

    return make


def audit_texts(files: dict[str, str], tmp_path: Path, select: str | None = None, extra=()) -> dict:
    """Audit {name: text} as one corpus and return {name: [findings]} (JSON contract form)."""
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    argv = ["check", "--format", "json", "--no-baseline", "--exit-zero", *extra]
    if select:
        argv += ["--select", select]
    run = run_cli(argv + ["."], cwd=tmp_path)
    assert run.code == 0, run.err
    return findings_by_path(run.json())
