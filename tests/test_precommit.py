"""The pre-commit hooks, installed from this checkout by the real pre-commit tool in a temporary
git repository: a commit with a damaged seed article is blocked; after `auditor check
--write-baseline` (with the baseline committed) the commit goes through.

Slow and `network` (pre-commit builds the hook's virtualenv, which needs PyPI): skipped with the
reason when PyPI is unreachable; deselect with `-m "not slow"` or `-m "not network"`."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.network]  # conftest skips it when PyPI is unreachable


def git(repo: Path, *args: str, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, timeout=120)


def project_head() -> str | None:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        return None
    run = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else None


def test_commit_blocked_by_seed_article_then_allowed_after_baseline(tmp_path):
    head = project_head()
    if head is None:
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit installs hooks from a git revision")
    if not (ROOT / ".pre-commit-hooks.yaml").exists():
        pytest.skip("no .pre-commit-hooks.yaml in the project")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    pytest.importorskip("pre_commit", reason="the pre-commit tool is not installed")

    repo = tmp_path / "news"
    (repo / "articles").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "commit.gpgsign", "false")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, repo / "articles" / seed.name)
    (repo / "pyproject.toml").write_text('[tool.auditor]\npaths = ["articles"]\n')
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT.as_posix()}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: auditor\n"
        "      - id: auditor-corpus\n")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
               PRE_COMMIT_COLOR="never", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    subprocess.run(pre_commit + ["install"], cwd=repo, env=env, check=True, capture_output=True, timeout=120)

    git(repo, "add", ".")
    blocked = subprocess.run(["git", "commit", "-m", "seed articles"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=1800)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "auditor (staged articles)" in output and "Failed" in output, output
    assert "articles/" in output  # the findings name the article
    assert git(repo, "rev-list", "--all", check=False).stdout.strip() == ""  # nothing committed

    written = subprocess.run([sys.executable, "-m", "auditor", "check", "--write-baseline"], cwd=repo,
                             capture_output=True, text=True, timeout=600)
    assert written.returncode == 0, written.stderr
    assert (repo / ".auditor-baseline.json").exists()
    git(repo, "add", ".")
    allowed = subprocess.run(["git", "commit", "-m", "seed articles, findings accepted"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=1800)
    output = allowed.stdout + allowed.stderr
    assert allowed.returncode == 0, output
    assert "auditor (whole corpus)" in output and "Passed" in output, output
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1
