"""An honest run and what users expect of a linter's command line (issue 10): every problem a
first use turned up has a test here that failed before its fix. Predictable findings come from
the ZZ test plugin (tests/data/plugins)."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from test_foundation import read_raw, write, zz  # noqa: F401 - zz is a fixture


def report(folder, *args):
    run = run_cli(["check", "--format", "json", "--no-baseline", *args], cwd=folder)
    return run, json.loads(run.out) if run.out.strip().startswith("{") else None


def test_broken_pyproject_found_automatically_names_file_and_line(tmp_path, zz):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n[tool.auditor\nselect = ['ZZ']\n")
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2
    assert "pyproject.toml:3: not valid TOML" in run.err


def test_broken_auditor_toml_found_automatically_names_its_line(tmp_path, zz):
    write(tmp_path, "auditor.toml", "select = ['ZZ']\nignore = [\n")
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and "auditor.toml:" in run.err and "not valid TOML" in run.err


def test_files_not_audited_are_listed_under_errors_in_json(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    write(tmp_path, "bin.txt", b"\x00\x01\x02binary")
    run, data = report(tmp_path, "--select", "ZZ101", "a.txt", "bin.txt", "missing.txt")
    assert run.code == 2
    assert [f["path"] for f in data["files"]] == ["a.txt"]
    errors = {e["path"]: e["message"] for e in data["errors"]}
    assert set(errors) == {"bin.txt", "missing.txt"}
    assert "binary" in errors["bin.txt"] and "no such file" in errors["missing.txt"]
    assert set(data) == {"version", "files", "errors"}


def test_clean_run_has_no_errors_key(tmp_path, zz):
    write(tmp_path, "a.txt", "fine words\n")
    _, data = report(tmp_path, "--select", "ZZ101", ".")
    assert set(data) == {"version", "files"}


def test_sarif_reports_files_not_audited_as_notifications(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "--format", "sarif", "--select", "ZZ101", "a.txt", "missing.txt"], cwd=tmp_path)
    inv = json.loads(run.out)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    [note] = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "missing.txt" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


def test_summary_counts_files_that_could_not_be_audited(tmp_path, zz):
    write(tmp_path, "a.txt", "fine words\n")
    run = run_cli(["check", "--select", "ZZ101", "a.txt", "missing.txt"], cwd=tmp_path)
    assert run.code == 2
    assert "All clear" not in run.out
    assert "1 file could not be audited" in run.out


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                        ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_with_bom_are_decoded(tmp_path, zz, codec, bom):
    write(tmp_path, "a.txt", bom + "Café wrongword\r\n".encode(codec))
    run, data = report(tmp_path, "--select", "ZZ101", "a.txt")
    assert run.code == 1, run.err
    [f] = data["files"][0]["findings"]
    # the BOM counts as one character, as for UTF-8 files
    assert (f["start"], f["end"], f["column"]) == (6, 15, 7)
    assert "binary" not in run.err and "not UTF-8" not in run.err


def test_markdown_front_matter_and_code_blocks_are_not_audited(tmp_path, zz):
    text = ("---\ntitle: wrongword\n---\n# A wrongword headline\n\n```\nwrongword in code\n```\n\n"
            "Text.\n\n    wrongword indented code\n\n~~~~\nwrongword\n~~~~\n\nLast wrongword.\n")
    path = write(tmp_path, "a.md", text)
    _, data = report(tmp_path, "--select", "ZZ101", "a.md")
    raw = read_raw(path)
    lines = [f["line"] for f in data["files"][0]["findings"]]
    assert lines == [4, 18]
    assert all(raw[f["start"]:f["end"]] == "wrongword" for f in data["files"][0]["findings"])


def test_line_numbers_in_messages_are_lines_of_the_file(tmp_path):
    """NM101 cites the other spelling's line: in HTML that is a line of the file, not of the text."""
    html = ("<html><head><title>t</title>\n<style>\np {}\n</style></head>\n<body>\n"
            "<p>The Kurils are disputed islands, said the ministry on Monday.</p>\n\n\n"
            "<p>Tokyo claims the southern Kurles as its own territory, officials said.</p>\n"
            "<p>The talks on the Kurils resumed in March after a long pause, the paper said.</p>\n</body></html>\n")
    write(tmp_path, "a.html", html)
    _, data = report(tmp_path, "--select", "NM101", "a.html")
    [f] = data["files"][0]["findings"]
    assert f["line"] == 9
    assert "line 6" in f["message"] or "line 10" in f["message"]


def test_house_list_and_baseline_are_never_audited(tmp_path, zz):
    write(tmp_path, "pyproject.toml", "[tool.auditor]\nhouse-names = 'names.txt'\n")
    write(tmp_path, "names.txt", "Wrongword Person | wrongword\n")
    write(tmp_path, "a.txt", "fine text\n")
    run, data = report(tmp_path, "--select", "ZZ101", "names.txt", "a.txt", ".auditor-baseline.json")
    assert [f["path"] for f in data["files"]] == ["a.txt"]


def test_stdin_with_a_file_name(tmp_path, zz, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("# Title\n\n**wrongword** here\n".encode())))
    run, data = report(tmp_path, "--select", "ZZ101", "-", "--stdin-filename", "piece.md")
    assert run.code == 1
    [entry] = data["files"]
    assert entry["path"] == "piece.md"
    [f] = entry["findings"]
    assert (f["line"], f["column"]) == (3, 3)  # markdown: the offsets are into the text as piped


def test_stdin_per_file_ignores_use_the_given_name(tmp_path, zz, monkeypatch):
    write(tmp_path, "auditor.toml", '[per-file-ignores]\n"wire/*" = ["ZZ101"]\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"wrongword\n")))
    run, data = report(tmp_path, "--select", "ZZ101", "-", "--stdin-filename", "wire/x.txt")
    assert run.code == 0 and data["files"][0]["findings"] == []


def test_output_file_colour_and_source(tmp_path, zz):
    write(tmp_path, "a.txt", "first line\nsome wrongword here\n")
    run = run_cli(["check", "--select", "ZZ101", "--output-file", "out.txt", "a.txt"], cwd=tmp_path)
    assert run.code == 1 and run.out == ""
    saved = (tmp_path / "out.txt").read_text()
    assert saved.startswith("a.txt:2:6: ZZ101 [warning]") and "\x1b[" not in saved
    run = run_cli(["check", "--select", "ZZ101", "--show-source", "--color", "always", "a.txt"], cwd=tmp_path)
    assert "\x1b[" in run.out
    plain = run_cli(["check", "--select", "ZZ101", "--show-source", "a.txt"], cwd=tmp_path).out
    assert "2 | some wrongword here\n  |      ^^^^^^^^^\n" in plain


def test_no_color_environment_wins_over_auto(monkeypatch):
    from auditor.cli import _use_color

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert _use_color("auto", Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color("auto", Tty())
    assert _use_color("always", Tty())


def test_no_progress_bar_off_a_terminal():
    from auditor.cli import _progress

    class Args:
        quiet = False

    assert _progress(Args()) is None  # pytest captures stderr: not a terminal


def test_progress_bar_on_a_terminal_for_many_files(monkeypatch):
    pytest.importorskip("tqdm")
    from auditor import cli

    class Tty(io.StringIO):
        def isatty(self):
            return True

    class Args:
        quiet = False

    err = Tty()
    monkeypatch.setattr(sys, "stderr", err)
    update = cli._progress(Args())
    for i in range(1, cli.PROGRESS_MIN_FILES + 1):
        update(i, cli.PROGRESS_MIN_FILES)
    assert "auditing" in err.getvalue()
    small = Tty()
    monkeypatch.setattr(sys, "stderr", small)
    update = cli._progress(Args())
    update(1, 3)
    assert small.getvalue() == ""


def test_console_entry_point_reads_stdin(tmp_path):
    run = subprocess.run([sys.executable, "-m", "auditor", "check", "--select", "TR402", "-",
                          "--stdin-filename", "x.txt"], input="The rooms rooms were full.\n",
                         capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("x.txt:1:5: TR402")


def test_source_folder_without_its_checks_and_reports_is_one_line_not_a_crash(tmp_path, monkeypatch):
    """`python -m auditor` in the repository's folder with a non-editable install imports the bare
    `auditor/` folder, which lacks the checks and the report writers an install maps into it."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "auditor.reports" else real(name, *a))
    write(tmp_path, "a.txt", "Some text.\n")
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and "source folder of auditor" in run.err and "pip install -e ." in run.err


def test_the_parser_built_for_one_command_parses_it_as_the_whole_parser_does():
    """`main` adds only the named command's options (a one-file run's start-up): what it parses,
    and the help of every command, must be what the parser of all commands gives."""
    from auditor import cli

    whole = cli.build_parser()
    for argv in (["check", "--format", "json", "--select", "NM", "-j", "2", "a.txt"],
                 ["fix", "--unsafe-fixes", "--diff", "b.md"], ["rules", "--format", "json"],
                 ["explain", "BP101"], ["report", "-o", "site", "."]):
        assert vars(cli.build_parser(argv).parse_args(argv)) == vars(whole.parse_args(argv)), argv
    for name in cli.SUBCOMMANDS:
        alone = cli.build_parser([name, "--help"])._subparsers._group_actions[0].choices[name]
        assert alone.format_help() == whole._subparsers._group_actions[0].choices[name].format_help()
    assert cli.build_parser(["--help"]).format_help() == whole.format_help()
