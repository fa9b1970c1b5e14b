"""docs/github-workflow.yml, the GitHub Actions recipe that the README shows: the steps it needs are
there (checkout, setup-python, install, the SARIF audit, upload-sarif of the same file with the
permission it needs, the `--format github` variant), and its shell steps work as written: run here
with bash as the runner runs them, `auditor` being this checkout's."""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS

WORKFLOW = ROOT / "docs" / "github-workflow.yml"
UPLOAD = "github/codeql-action/upload-sarif@v3"
# a run step's shell on GitHub's Linux runners (`bash -e {0}`); `auditor` is this checkout's
BASH = ["bash", "--noprofile", "--norc", "-e", "-c"]
AUDITOR = f'auditor() {{ {shlex.quote(sys.executable)} -m auditor "$@"; }}\n'


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow, job) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def index(found: list[dict], what: str, pred) -> int:
    hits = [i for i, s in enumerate(found) if pred(s)]
    assert hits, f"no step: {what}"
    return hits[0]


def uses(prefix):
    return lambda s: str(s.get("uses", "")).startswith(prefix)


def runs(*words):
    return lambda s: all(w in str(s.get("run", "")) for w in words)


def audit_step(workflow, job, fmt) -> dict:
    found = steps(workflow, job)
    return found[index(found, f"auditor check --format {fmt}", runs("auditor check", f"--format {fmt}"))]


def option(run: str, name: str) -> str:
    m = re.search(rf"{name}[ =](\S+)", run)
    assert m, f"{name} not in {run!r}"
    return m.group(1)


def test_triggers_and_permissions(workflow):
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "push" in on and "pull_request" in on
    assert workflow["jobs"]["code-scanning"]["permissions"]["security-events"] == "write"
    for job in workflow["jobs"].values():
        assert job["permissions"].get("contents") == "read"


@pytest.mark.parametrize("job", ["code-scanning", "annotations"])
def test_checkout_setup_python_install_then_audit(workflow, job):
    found = steps(workflow, job)
    checkout = index(found, "actions/checkout", uses("actions/checkout@"))
    setup = index(found, "actions/setup-python", uses("actions/setup-python@"))
    install = index(found, "pip install", runs("pip install"))
    audit = index(found, "auditor check", runs("auditor check"))
    assert checkout < setup < install < audit
    # the auditor checkout is the folder pip installs
    theirs = [s for s in found if uses("actions/checkout@")(s) and (s.get("with") or {}).get("repository")]
    assert len(theirs) == 1, theirs
    assert f"pip install ./{theirs[0]['with']['path']}" in found[install]["run"]
    assert theirs[0]["with"]["ref"], "a fixed version of auditor: a commit sha or tag"


def test_sarif_is_uploaded_under_the_name_it_is_written_to_even_with_findings(workflow):
    found = steps(workflow, "code-scanning")
    audit = audit_step(workflow, "code-scanning", "sarif")
    written = option(audit["run"], "--output-file")
    upload = index(found, UPLOAD, uses(UPLOAD))
    assert upload > found.index(audit)
    assert found[upload]["with"]["sarif_file"] == written
    # the upload runs after a failing audit too (exit 1 = findings)
    assert "always()" in found[upload].get("if", "") or audit.get("continue-on-error") is True


def test_annotations_job_fails_on_findings(workflow):
    audit = audit_step(workflow, "annotations", "github")
    assert not audit.get("continue-on-error")
    assert "||" not in audit["run"]


def run_step(run: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(BASH + [AUDITOR + run], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=env)


@pytest.fixture
def articles_repo(tmp_path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "articles", ignore=shutil.ignore_patterns("*.json"))
    return tmp_path


def test_sarif_step_as_written(workflow, articles_repo):
    run = audit_step(workflow, "code-scanning", "sarif")["run"]
    written = articles_repo / option(run, "--output-file")
    done = run_step(run, articles_repo)
    assert done.returncode == 0, done.stderr  # the seeds have findings: exit 1 is not a failure
    sarif = json.loads(written.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]

    shutil.rmtree(articles_repo / "articles")  # an input error (exit 2) fails the step
    written.unlink()
    assert run_step(run, articles_repo).returncode != 0


def test_github_step_as_written(workflow, articles_repo):
    done = run_step(audit_step(workflow, "annotations", "github")["run"], articles_repo)
    assert done.returncode == 1, done.stderr  # findings fail the job
    lines = done.stdout.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=articles/", line) for line in lines), lines[:3]


def test_settings_check_stops_an_unconfigured_workflow(workflow):
    for job in workflow["jobs"]:
        check = steps(workflow, job)[0]
        assert "AUDITOR_REPOSITORY" in check["run"] and "AUDITOR_REF" in check["run"]
        unset = run_step(check["run"], ROOT, env={"PATH": "/usr/bin:/bin", **workflow["env"]})
        assert unset.returncode != 0 and "::error::" in unset.stdout
        given = run_step(check["run"], ROOT, env={"PATH": "/usr/bin:/bin", "AUDITOR_REPOSITORY": "a/b",
                                                  "AUDITOR_REF": "0" * 40})
        assert given.returncode == 0, given.stdout


def test_readme_shows_the_workflow():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## GitHub Actions\n", 1)
    assert len(section) == 2, "README has no 'GitHub Actions' section"
    blocks = re.findall(r"```yaml\n(.*?)```", section[1].split("\n## ", 1)[0], re.S)
    assert WORKFLOW.read_text(encoding="utf-8") in blocks, "the README's workflow differs from docs/github-workflow.yml"
