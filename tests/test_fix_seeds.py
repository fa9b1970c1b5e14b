"""`auditor fix` on the seeds (issue 11): the diff shows every safe fix, and after the fix `auditor
check` reports none of the findings that were fixed."""
from __future__ import annotations

import os
import shutil

from auditor import engine
from auditor.config import Config
from auditor.registry import load_registry
from conftest import SEEDS, run_cli


def audit(folder):
    old = os.getcwd()
    os.chdir(folder)
    try:
        return engine.run(["."], Config(cache=False), load_registry())
    finally:
        os.chdir(old)


def test_fix_diff_then_fix_leaves_none_of_the_fixed_findings(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    before = audit(folder)
    safe = [(r.path, f) for r in before.files for f in r.findings if f.raw_edits and f.applicability == "safe"]
    assert safe, "the seeds have safe fixes (residue lines)"

    diff = run_cli(["fix", "--diff", "--no-cache", "."], cwd=folder)
    assert diff.code == 1
    for path, f in safe:
        assert f"--- a/{path}" in diff.out
        removed = next(ln for ln in f.snippet.splitlines() if ln.strip())
        assert f"-{removed}" in diff.out, (path, f.code, removed)
    assert all((folder / p.name).read_bytes() == p.read_bytes() for p in SEEDS.glob("*.txt"))  # --diff writes nothing

    run = run_cli(["fix", "--no-cache", "."], cwd=folder)
    assert "Fixed" in run.err
    after = {(r.path, f.code, f.snippet) for r in audit(folder).files for f in r.findings}
    assert not [(p, f.code, f.snippet) for p, f in safe if (p, f.code, f.snippet) in after]
