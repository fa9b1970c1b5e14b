"""Shared fixtures: run the CLI in-process, the seed folder and its expectations; the skip rules
of the `network` and `browser` markers."""
from __future__ import annotations

import functools
import io
import json
import os
import sys
import urllib.error
import urllib.request
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = "/usr/bin/chromium"  # Debian's chromium: the `browser` tests drive it


@functools.lru_cache(maxsize=None)
def pypi_unreachable() -> str | None:
    """Why pip cannot reach its package index, or None when it can. Asked once per session: one
    request (10 s at most) for the index page of `pip`, through the proxy settings of the
    environment, at PIP_INDEX_URL or PyPI."""
    if os.environ.get("PIP_NO_INDEX", "").lower() in ("1", "true", "yes", "on"):
        return "PIP_NO_INDEX is set"
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/") + "/pip/"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            answer.read(1)
    except urllib.error.HTTPError:
        return None  # the index answered
    except (OSError, ValueError) as e:
        return f"{url} is unreachable ({getattr(e, 'reason', None) or e})"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """`network` tests need the package index, `browser` tests /usr/bin/chromium: without it, they
    are skipped with the reason (`pytest -rs` lists it), before their fixtures are set up."""
    if item.get_closest_marker("network") is not None:
        reason = pypi_unreachable()
        if reason:
            pytest.skip(f"needs PyPI (marker 'network'): {reason}")
    if item.get_closest_marker("browser") is not None and not os.path.exists(CHROMIUM):
        pytest.skip(f"needs {CHROMIUM} (marker 'browser'): apt-get install chromium")


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


def names_findings(found: dict) -> list:
    """(file, code, message) of the names findings of an `audit_texts` result."""
    return [(name, f["code"], f["message"]) for name, fs in found.items() for f in fs if f["family"] == "names"]


_STORY = "{title}\n\n{p1}\n\n{p2}\n\n{p3}\n"


def story_renditions(title, p1, p2, p3, majority, minorities, copies=8) -> dict[str, str]:
    """Renditions r00.txt, r01.txt ... of one invented story: `copies` with the `majority` row of
    spellings, then one for each row of `minorities` ({0}, {1} ... in p1 and p2 take a row's
    spellings; {i} the rendition's number, so that no two files are the same)."""
    rows = [majority] * copies + list(minorities)
    return {f"r{i:02d}.txt": _STORY.format(title=title, p1=p1.format(*row, i=i), p2=p2.format(*row, i=i), p3=p3)
            for i, row in enumerate(rows)}


@pytest.fixture(autouse=True, scope="session")
def _private_caches(tmp_path_factory):
    """The word index and the result cache of the test session live in a folder of its own, so
    tests neither read a developer's cache nor leave entries in it."""
    folder = tmp_path_factory.mktemp("auditor-cache")
    old = os.environ.get("AUDITOR_CACHE_DIR")
    os.environ["AUDITOR_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("AUDITOR_CACHE_DIR", None)
    else:
        os.environ["AUDITOR_CACHE_DIR"] = old
