"""Output does not depend on hash seeds, on the number of worker processes or on the order files
are merged in. The runs are separate processes with different PYTHONHASHSEED values, so a set or
dict order that leaks into the output makes the bytes differ (an in-process comparison could not
fail: both runs would share one seed)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

#: A corpus with renditions of two stories, names spelled several ways and residue lines: every
#: family's corpus checks have something to compare.
CORPUS = {
    "a.txt": "Floods hit the Merrow valley\n\nHeavy rain flooded the Merrow valley on Sunday, officials in "
             "Dunhallow said. Mayor Ilsa Venn ordered an evacuation of 800 residents.\n\nLeave a Reply\n",
    "b.txt": "Merrow valley flooded\n\nHeavy rain flooded the Merrow valley on Sunday, officials in "
             "Dunhallow said. Mayor Ilsa Wenn did not order an evacuation of 800 residents.\n\nLeave a Reply\n",
    "c.txt": "Rain floods the Merrow valley\n\nThe Merrow valley was flooded by heavy rain on Sunday, "
             "officials in Dunhallow said. Mayor Ilsa Venn ordered the evacuation of 900 residents.\n",
}


def audit(folder, seed: str, jobs: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "auditor", "check", "--format", "json", "--no-baseline",
                          "--exit-zero", "--jobs", jobs, "."], cwd=folder, env=env, capture_output=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("determinism")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, out / p.name)
    for name, text in CORPUS.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def test_same_bytes_whatever_the_hash_seed(folder):
    assert audit(folder, "1", "1") == audit(folder, "2", "1")


def test_same_bytes_with_one_or_two_processes(folder):
    assert audit(folder, "3", "1") == audit(folder, "4", "2")


def test_finalize_does_not_depend_on_merge_order(folder):
    """Corpus checks and shared analyses: merging the documents' summaries in another order
    gives the same findings."""
    from auditor import engine, inputs
    from auditor.config import Config
    from auditor.registry import load_registry

    registry = load_registry()
    plan = engine.make_plan(Config(), registry)
    sources, _ = inputs.discover([str(folder)])

    def findings(order):
        from auditor.executor import Executor

        class Reordering(Executor):
            def run(self, registry, plan, sources, absorb):
                from auditor.worker import Worker

                worker = Worker(registry, plan)
                for source in order(sources):
                    absorb(worker.audit(source))

        result = engine.run([], Config(), registry, sources=sources, executor=Reordering())
        return sorted((r.path, f.code, f.start, f.end, f.message) for r in result.files for f in r.findings)

    assert findings(lambda s: s) == findings(lambda s: list(reversed(s)))
    assert plan.codes


def test_discovery_from_another_working_directory(tmp_path, monkeypatch):
    """The archive mode lists the files on a worker, whose working directory is not the user's:
    discover(cwd=...) must give the paths the user's own run shows, for every way of naming them."""
    from auditor import inputs

    (tmp_path / "desk" / "sub").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    for name in ("desk/a.txt", "desk/sub/b.md", "desk/skip.txt", "other/c.txt"):
        (tmp_path / name).write_text("An article.\n", encoding="utf-8")
    given = [".", "sub/b.md", "../other", str(tmp_path / "other" / "c.txt")]
    monkeypatch.chdir(tmp_path / "desk")
    here, here_errors = inputs.discover(given, exclude=("skip.txt",))
    here_on_disk = [os.path.realpath(s.fs_path) for s in here]
    monkeypatch.chdir(tmp_path)
    there, there_errors = inputs.discover(given, exclude=("skip.txt",), cwd=str(tmp_path / "desk"))
    assert [s.display for s in there] == [s.display for s in here] == ["a.txt", "sub/b.md", "../other/c.txt"]
    assert [os.path.realpath(s.fs_path) for s in there] == here_on_disk
    assert [str(e) for e in there_errors] == [str(e) for e in here_errors] == []
