"""Bad input never crashes the run, never hangs, never modifies a file; --jobs gives identical
output. Runs that might hang go through a subprocess with a generous timeout (a hang guard, not a
timing assertion)."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from test_foundation import install_plugins, write

HANG_GUARD = 600  # seconds


def audit(folder: Path, *args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", "check", "--no-baseline", *args], cwd=folder,
                          env=env, capture_output=True, text=True, timeout=HANG_GUARD)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[str(p)] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def test_bad_inputs_each_get_one_line_and_the_run_goes_on(tmp_path):
    write(tmp_path, "good.txt", "Minister Alexander Smith met reporters in Paris on Monday.\n")
    write(tmp_path, "binary.txt", bytes(range(256)) * 8)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.md", "  \n\n")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "no-articles" / "sub").mkdir(parents=True)
    write(tmp_path, "no-articles/sub/image.png", b"\x89PNG")
    before = snapshot(tmp_path)
    run = audit(tmp_path, "--format", "json", ".", "no-articles")
    assert run.returncode == 2  # input errors
    report = json.loads(run.stdout)
    assert [f["path"] for f in report["files"]] == ["blank.md", "empty.txt", "good.txt"]
    messages = [line for line in run.stderr.splitlines() if "plugin" not in line]
    expect = {
        "binary.txt": "binary file",
        "dangling.txt": "cannot read the file",
        "fifo.txt": "not a regular file",
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "no-articles": "folder contains no articles",
    }
    for name, words in expect.items():
        lines = [m for m in messages if m.split(": ")[1] == name]
        assert len(lines) == 1 and words in lines[0], (name, messages)
    assert "Traceback" not in run.stderr
    assert snapshot(tmp_path) == before


def test_unreadable_file_is_reported_by_name(tmp_path, monkeypatch):
    write(tmp_path, "locked.txt", "Some text.\n")
    write(tmp_path, "ok.txt", "Other text.\n")
    real_open = open

    def deny(path, *args, **kwargs):  # root reads anything: simulate a permission error
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    run = run_cli(["check", "--format", "json", "--no-baseline", "."], cwd=tmp_path)
    monkeypatch.undo()
    assert run.code == 2
    assert "error: locked.txt: permission denied; cannot read the file" in run.err
    assert [f["path"] for f in run.json()["files"]] == ["ok.txt"]


def test_file_over_the_size_limit_is_skipped_with_a_note(tmp_path):
    para = "The minister met reporters in the capital on Monday and answered questions. " * 12 + "\n\n"
    with open(tmp_path / "huge.txt", "w", encoding="utf-8") as fh:
        for _ in range(50_000_000 // len(para) + 1):
            fh.write(para)
    write(tmp_path, "small.txt", "A short article.\n")
    assert (tmp_path / "huge.txt").stat().st_size >= 50_000_000
    before = snapshot(tmp_path)
    run = audit(tmp_path, "--format", "json", ".")
    assert run.returncode in (0, 1), run.stderr
    assert "huge.txt: file is 50.0 MB, larger than max-file-size" in run.stderr
    assert [f["path"] for f in json.loads(run.stdout)["files"]] == ["small.txt"]
    assert snapshot(tmp_path) == before


LONG_LINES = {
    "letters": "a",
    "dots": ".",
    "tags": "<b",
    "lt": "<",
    "entities": "&amp",
    "stars": "*",
    "underscores": "_",
    "brackets": "[",
    "comments": "<!--",
    "mixed": "Ab.\"«(",
    "capitals": "A",
    "cyrillic": "Ж",
    "quotes": "\"",
    "digits": "1.",
}


@pytest.mark.parametrize("ext", ["txt", "md", "html"])
def test_one_megabyte_line_through_all_checks(tmp_path, ext):
    for name, unit in LONG_LINES.items():
        line = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
        write(tmp_path, f"{name}.{ext}", "Intro line of the article.\n" + line + "\nThe end of it.\n")
    before = snapshot(tmp_path)
    run = audit(tmp_path, "--format", "json", "--jobs", "1", ".")  # every registered check
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr and " failed: " not in run.stderr, run.stderr
    assert len(json.loads(run.stdout)["files"]) == len(LONG_LINES)
    assert snapshot(tmp_path) == before


def _corpus(folder: Path, n: int) -> None:
    rng = random.Random(7)
    names = ["Zedong Li", "Zedong Lee", "Alexander Smith", "Aleksandr Smith", "Maria Garcia"]
    tails = ["Read more: related stories", "Share this article", "Leave a reply", "The talks go on."]
    for i in range(n):
        a, b = rng.sample(names, 2)
        body = (f"{a} met {b} in Paris on Monday, officials said. wrongword {i}.\n\n"
                f"{b} said the talks were useful and would continue next week.\n\n{rng.choice(tails)}\n")
        ext = ("txt", "md", "html")[i % 3]
        if ext == "html":
            body = "<p>" + body.strip().replace("\n\n", "</p>\n<p>") + "</p>\n"
        write(folder, f"arts/{i // 20}/a{i:03d}.{ext}", body)


def test_jobs_two_gives_byte_identical_json(tmp_path_factory, tmp_path):
    env = dict(os.environ, PYTHONPATH=install_plugins(tmp_path_factory.mktemp("site"),
                                                      {"zz": "auditor_testplugin:CHECKS"}))
    _corpus(tmp_path, 75)  # >= 64 files: the automatic choice switches to processes
    one = audit(tmp_path, "--format", "json", "--jobs", "1", ".", env=env)
    two = audit(tmp_path, "--format", "json", "--jobs", "2", ".", env=env)
    auto = audit(tmp_path, "--format", "json", ".", env=env)
    assert one.returncode == two.returncode == auto.returncode == 1, one.stderr
    assert one.stdout == two.stdout == auto.stdout
    report = json.loads(one.stdout)
    assert len(report["files"]) == 75
    codes = {f["code"] for entry in report["files"] for f in entry["findings"]}
    assert {"ZZ101", "ZZ201"} <= codes  # per-document and corpus checks both ran in the workers
    assert one.stderr == two.stderr


def test_choose_jobs_switches_to_processes_for_large_corpora():
    from auditor.executor import choose_jobs

    assert choose_jobs(0, 10) == 1
    assert choose_jobs(0, 70) >= 1
    assert choose_jobs(3, 1) == 3
