"""The result cache: a re-run audits only the files that changed, and never serves an entry made
with other settings, other code or for other bytes."""
from __future__ import annotations

import os
import subprocess
import sys

from auditor import cache, worker
from conftest import ROOT, run_cli
from test_foundation import write, zz  # noqa: F401 - zz is a fixture


def counting(monkeypatch):
    calls = []
    real = worker.Worker._audit

    def spy(self, source, data):
        calls.append(source.display)
        return real(self, source, data)

    monkeypatch.setattr(worker.Worker, "_audit", spy)
    return calls


def test_rerun_reads_only_what_changed(tmp_path, zz, monkeypatch):
    write(tmp_path, "a.txt", "wrongword\n")
    write(tmp_path, "b.txt", "fine\n")
    calls = counting(monkeypatch)
    args = ["check", "--select", "ZZ101", "--cache-dir", str(tmp_path / "c"), "--format", "json", "."]
    first = run_cli(args, cwd=tmp_path)
    assert sorted(calls) == ["a.txt", "b.txt"]
    calls.clear()
    again = run_cli(args, cwd=tmp_path)
    assert calls == [] and again.out == first.out and again.code == first.code == 1
    write(tmp_path, "b.txt", "now a wrongword\n")
    changed = run_cli(args, cwd=tmp_path)
    assert calls == ["b.txt"] and changed.out.count('"ZZ101"') == 2


def test_other_settings_or_no_cache_audit_afresh(tmp_path, zz, monkeypatch):
    write(tmp_path, "a.txt", "wrongword\n")
    calls = counting(monkeypatch)
    base = ["check", "--cache-dir", str(tmp_path / "c"), "."]
    run_cli(base + ["--select", "ZZ101"], cwd=tmp_path)
    run_cli(base + ["--select", "ZZ101,ZZ103"], cwd=tmp_path)
    write(tmp_path, "auditor.toml", "[options.ZZ101]\nword = 'fine'\n")
    run_cli(base + ["--select", "ZZ101"], cwd=tmp_path)
    assert calls == ["a.txt"] * 3
    calls.clear()
    run_cli(base + ["--select", "ZZ101"], cwd=tmp_path)
    assert calls == []
    run_cli(base + ["--select", "ZZ101", "--no-cache"], cwd=tmp_path)
    assert calls == ["a.txt"]


def test_a_changed_settings_file_is_a_new_key(tmp_path):
    parts = ("codes",)
    names = write(tmp_path, "names.txt", "Kyiv | Kiev\n")
    one = cache.settings_fingerprint(parts, [str(names)])
    write(tmp_path, "names.txt", "Kyiv | Kiev, Kyjiw\n")
    assert cache.settings_fingerprint(parts, [str(names)]) != one


def test_new_code_is_a_new_key(tmp_path, monkeypatch):
    from auditor import __version__
    from auditor.registry import load_registry

    reg = load_registry()
    before = cache.code_fingerprint(reg)
    monkeypatch.setattr("auditor.__version__", __version__ + ".post1")
    assert cache.code_fingerprint(reg) != before


def test_damaged_entry_is_a_miss(tmp_path):
    store = cache.ResultCache(tmp_path, "f")
    key = store.key("a.txt", b"x")
    store.put(key, ("outcome",))
    assert store.get(key) == ("outcome",)
    path = next(tmp_path.glob("*/*.pickle"))
    path.write_bytes(b"\x80\x05garbage")
    assert store.get(key) is None


def test_concurrent_runs_share_the_cache(tmp_path):
    """Two processes audit the same folder into one cache at once: both succeed with the same
    output, and a third run reads every entry."""
    for i in range(40):
        write(tmp_path / "arts", f"{i:02d}.txt", f"Report {i}.\n\nThe the council met on Monday {i}.\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "auditor", "check", "--format", "json", "--exit-zero", "--cache-dir",
           str(tmp_path / "c"), "arts"]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e.decode() for _, e in outs]
    assert outs[0][0] == outs[1][0]
    third = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert third.stdout == outs[0][0]
    assert not list((tmp_path / "c").glob("*/.entry-*"))
