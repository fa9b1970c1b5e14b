from conftest import SEEDS, run_cli


def test_check_seeds_exits_1_with_findings():
    run = run_cli(["check", SEEDS])
    assert run.code == 1
    assert "seeds" in run.out


def test_json_lists_every_file(seeds_report):
    paths = sorted(f["path"] for f in seeds_report["files"])
    assert len(paths) == 5 and seeds_report["version"] == 1
