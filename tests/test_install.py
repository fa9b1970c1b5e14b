"""What users install is what is tested: the wheel built from this checkout (as `pip install .`
builds it), installed with its dependencies from PyPI into a fresh virtual environment, audits the
seed articles exactly as the checkout does in-process, finding for finding; and the wheel holds
every file of checks/ and reports/ (phrase lists, romanization tables, term tables, examples,
templates, assets, and the modules of any subpackage).

`network` and `slow`: the virtual environment's packages come from PyPI (skipped with the reason
when it is unreachable; pip's cache is reused). One wheel and one virtual environment per session.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli

pytestmark = [pytest.mark.network, pytest.mark.slow]

# Source folder -> where the wheel installs it ([tool.setuptools] package-dir in pyproject.toml).
INSTALLED_AS = {"auditor": "auditor", "checks": "auditor/checks", "reports": "auditor/reports"}
# What the copy of the checkout that the wheel is built from leaves out: version control, virtual
# environments, and what earlier builds and runs left behind (a stale build/ would hide a file that
# no longer ships).
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "venv", ".tox", "build", "dist", "*.egg-info",
                                    ".pytest_cache", ".benchmarks", "site")


def clean_env() -> dict[str, str]:
    """The environment for the installed program: nothing that points back into the checkout or
    into the virtual environment pytest runs in."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV",
                                                            "PYTHONSTARTUP", "PYTHONSAFEPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(cmd, cwd=None, timeout=900) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def shipped_files() -> list[str]:
    """Every file under checks/ and reports/ (and auditor/) as the wheel must name it: hidden files,
    byte code and caches left out, as pyproject.toml's package-data does."""
    names = []
    for folder, prefix in INSTALLED_AS.items():
        for root, dirs, files in os.walk(ROOT / folder):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            for name in files:
                if name.startswith(".") or name.endswith((".pyc", ".pyo", "~")):
                    continue
                rel = (Path(root) / name).relative_to(ROOT / folder).as_posix()
                names.append(f"{prefix}/{rel}")
    return sorted(names)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel of the checkout, built by pip as `pip install .` builds it (isolated build, no
    dependencies), from a copy of the working tree so that no build/ of an earlier run leaks in."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=NOT_COPIED, symlinks=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", base / "dist", src], cwd=base)
    wheels = sorted((base / "dist").glob("news_auditor-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="session")
def venv(tmp_path_factory, wheel) -> Path:
    """A fresh virtual environment with the wheel installed, its dependencies from PyPI."""
    where = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", where], timeout=300)
    run([where / "bin" / "python", "-m", "pip", "install", wheel], cwd=where.parent)
    return where


def test_wheel_ships_every_file_of_checks_and_reports(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = shipped_files()
    assert any(n.startswith("auditor/checks/names/data/") and n.endswith(".tsv") for n in expected)
    missing = [n for n in expected if n not in names]
    assert not missing, f"{wheel.name} lacks {len(missing)} file(s) of the checkout: {missing}"
    leftovers = sorted(n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo")))
    assert not leftovers, leftovers
    assert not [n for n in names if n.startswith(("tests/", "seeds/", "bench/", "checks/", "reports/"))]


def test_installed_program_audits_the_seeds_like_the_checkout(venv, tmp_path):
    python = venv / "bin" / "python"
    # the package, its checks and their data come from the virtual environment, not the checkout
    where = run([python, "-c", "import auditor.checks.names.romanize as r, auditor.reports.site as s; "
                               "print(r.__file__); print(s.__file__)"], cwd=tmp_path).stdout.split()
    assert where and all(Path(p).resolve().is_relative_to(venv.resolve()) for p in where), where

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    argv = ["check", "--format", "json", "--no-baseline", "."]
    installed = subprocess.run([venv / "bin" / "auditor", *argv], cwd=seeds, env=clean_env(),
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode in (0, 1), installed.stderr
    here = run_cli(argv, cwd=seeds)
    assert here.code in (0, 1), here.err
    assert installed.returncode == here.code, (installed.stderr, here.err)
    assert installed.stderr == here.err  # e.g. no plugin of the installed program failed to load

    got, want = json.loads(installed.stdout), here.json()
    codes = {f["code"][:2] for file in want["files"] for f in file["findings"]}
    assert codes >= {"NM", "BP", "TR"}, codes  # every family has something to compare
    assert [f["path"] for f in got["files"]] == [f["path"] for f in want["files"]]
    for a, b in zip(got["files"], want["files"]):
        assert a["findings"] == b["findings"], f"{a['path']}: the installed program's findings differ"
    assert got == want


def test_installed_program_writes_the_report_site(venv, tmp_path):
    """The report site needs the templates and assets of auditor.reports."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    run([venv / "bin" / "auditor", "report", ".", "-o", tmp_path / "site"], cwd=seeds)
    pages = sorted(p.name for p in (tmp_path / "site").glob("*.html"))
    assert "index.html" in pages and len(pages) > len(list(SEEDS.glob("*.txt"))), pages
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    css = (ROOT / "reports" / "assets" / "report.css").read_text(encoding="utf-8")
    assert css.strip().splitlines()[0] in index  # the stylesheet is inlined
