"""Archive mode on Dask (`auditor check --engine dask`): a LocalCluster of two worker processes gives
byte-identical JSON to the local engine, with keyed corpus checks finalized per key on the
workers. Needs the `dask` extra (pip install 'news-auditor[dask]'); skipped with that reason
without it."""
from __future__ import annotations

import io
import json
import shutil

import pytest

from conftest import SEEDS, run_cli
from test_foundation import PLUGINS, install_plugins, write

pytest.importorskip("dask.distributed", reason="needs the dask extra: pip install 'news-auditor[dask]'")
pytestmark = pytest.mark.slow

CORPUS = {
    "a.txt": "Storm hits Zedmark\n\nZedmark was flooded on Monday, officials said. wrongword\n\nLeave a Reply\n",
    "b.md": "# Zedmark floods\n\nThe **Zedmark** river rose by two metres on Monday, officials said.\n\nLeave a Reply\n",
    "c.html": "<p>Zedora &amp; Zedmark</p>\n<p>Officials in Zedora said on Monday that the river rose.</p>\n",
    "sub/d.txt": "Zedora alone: the Zedora council met on Tuesday and approved the budget.\n",
    "bin.txt": b"\x00\x01binary",
}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    from dask.distributed import Client, LocalCluster

    site = tmp_path_factory.mktemp("site")
    install_plugins(site, {"zz": "auditor_testplugin:CHECKS"})
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    client.run(_see_plugins, [str(site), str(PLUGINS)])  # the worker processes register the ZZ checks
    yield client, site
    client.close()
    cluster.close()


def _see_plugins(folders):
    import sys

    for folder in folders:
        if folder not in sys.path:
            sys.path.insert(0, folder)


def local_and_dask(folder, client, argv, monkeypatch, partition_files=2):
    from auditor import cli, config, distributed
    from auditor.registry import load_registry

    local = run_cli(["check", "--format", "json", "--no-cache", *argv, "."], cwd=folder)
    monkeypatch.chdir(folder)
    args = cli.build_parser().parse_args(["check", "--format", "json", "--no-cache", *argv, "."])
    cfg = cli._config(args)
    result = distributed.run(["."], cfg, load_registry(), baseline=cli._baseline(args, cfg), client=client,
                             partition_files=partition_files)
    out = io.StringIO()
    distributed.write_json(result, out)
    return local, out.getvalue(), result


def test_seeds_byte_identical(cluster, tmp_path, monkeypatch):
    client, _ = cluster
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    local, dask_json, _ = local_and_dask(folder, client, [], monkeypatch)
    assert local.out == dask_json


def test_keyed_check_errors_and_markup_byte_identical(cluster, tmp_path, monkeypatch):
    client, site = cluster
    install_plugins(site, {"zz": "auditor_testplugin:CHECKS"}, monkeypatch)
    for name, text in CORPUS.items():
        write(tmp_path, name, text)
    local, dask_json, result = local_and_dask(tmp_path, client, ["--select", "ZZ101,ZZ201,BP"], monkeypatch)
    assert local.out == dask_json
    data = json.loads(dask_json)
    assert data["errors"][0]["path"] == "bin.txt"
    codes = sorted(f["code"] for r in data["files"] for f in r["findings"])
    assert codes.count("ZZ201") == 9 and "ZZ101" in codes and "BP101" in codes
    assert len(result.parts) >= 2  # the files were spread over several partitions


def test_baseline_and_per_file_ignores_byte_identical(cluster, tmp_path, monkeypatch):
    client, site = cluster
    install_plugins(site, {"zz": "auditor_testplugin:CHECKS"}, monkeypatch)
    for name, text in CORPUS.items():
        if name != "bin.txt":
            write(tmp_path, name, text)
    write(tmp_path, "auditor.toml", '[per-file-ignores]\n"sub/*" = ["ZZ201"]\n')
    run_cli(["check", "--select", "ZZ101,ZZ201", "--write-baseline", "--no-cache", "a.txt", "b.md"], cwd=tmp_path)
    local, dask_json, result = local_and_dask(tmp_path, client, ["--select", "ZZ101,ZZ201"], monkeypatch)
    assert local.out == dask_json
    assert result.baseline_suppressed == 5  # ZZ101 in a.txt; ZZ201 twice in a.txt and in b.md


def test_keyed_finalize_equals_finalize():
    """A keyed check's per-key finalize, over the keys in any order, gives what finalize gives."""
    import random

    import sys
    sys.path.insert(0, str(PLUGINS))
    try:
        from auditor_testplugin import SharedName
    finally:
        sys.path.remove(str(PLUGINS))
    check = SharedName()
    summary = [(f"{i % 5}.txt", f"Zed{w}", i, i + 4) for i, w in enumerate("abcabcaab")]
    whole = sorted((p, f.start, f.message) for p, f in check.finalize(list(summary)))
    groups = {}
    for key, part in (kp for item in summary for kp in check.keys_of([item])):
        groups.setdefault(key, []).append(part)
    keys = list(groups)
    random.Random(7).shuffle(keys)
    keyed = sorted((p, f.start, f.message) for k in keys for p, f in check.finalize_key(k, groups[k]))
    assert whole == keyed


def _squares_in_the_cluster(n):
    from auditor import distributed

    return list(distributed._cluster_map(_square, range(n)))


def _square(x):
    return x * x


def test_a_finalize_map_in_the_cluster_gives_every_result_in_order(cluster):
    """Finalize's map in the cluster sends its items in chunks, a few chunks at once: every
    result comes back, in the order of the items, whether the items fill a chunk, many chunks
    or none."""
    from auditor import distributed

    client, _ = cluster
    many = distributed.MAP_ITEMS_PER_TASK * distributed.MAP_TASKS_PER_WORKER * 3 + 5
    for n in (0, 1, distributed.MAP_ITEMS_PER_TASK, many):
        assert client.submit(_squares_in_the_cluster, n, pure=False).result() == [x * x for x in range(n)]
    assert list(distributed._cluster_map(_square, range(5))) == [0, 1, 4, 9, 16]  # outside a task: here


def test_cli_engine_dask(tmp_path):
    """The command line end to end, with its own local cluster."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    local = run_cli(["check", "--format", "json", "--no-cache", "."], cwd=folder)
    dask = run_cli(["check", "--engine", "dask", "--format", "json", "--no-cache", "--partition-files", "2",
                    "--parts-dir", str(tmp_path / "parts"), "."], cwd=folder)
    assert dask.code == local.code == 1
    assert dask.out == local.out
    assert len(list((tmp_path / "parts").glob("part-*.jsonl"))) == 3


def test_a_scheduler_address_that_is_no_address_is_one_line_and_exit_2(tmp_path):
    """A bad --scheduler is a usage error (exit 2, one line naming it), never a traceback or the
    exit code of findings."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    run = run_cli(["check", "--engine", "dask", "--scheduler", "no-port-here", "."], cwd=folder)
    assert run.code == 2
    lines = [ln for ln in run.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "--scheduler no-port-here" in lines[0] and "Traceback" not in run.err


def test_partitions_grow_rather_than_multiply(tmp_path):
    """A corpus that would make more partitions than the workers need gets larger ones instead,
    so the scheduler's bookkeeping (on the driver, with a local cluster) stays bounded; the lists
    keep the path order of a local run."""
    import json as json_

    from auditor import distributed

    for i in range(7):
        write(tmp_path / "corpus", f"{i}.txt", "An article.\n")
    lists, listed, notices = distributed._list_sources(
        ["corpus"], ("*.txt",), (), [], str(tmp_path), str(tmp_path), per_list=1, most=3)
    shown = [[d for d, _ in json_.loads((tmp_path / name).read_text(encoding="utf-8"))] for name in lists]
    assert listed == 7 and not notices
    assert shown == [["corpus/0.txt", "corpus/1.txt", "corpus/2.txt"], ["corpus/3.txt", "corpus/4.txt", "corpus/5.txt"],
                     ["corpus/6.txt"]]
