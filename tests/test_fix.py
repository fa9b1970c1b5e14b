"""`auditor fix` and `auditor check --fix/--diff` (issue 11), with the ZZ test checks: ZZ102
removes the line of 'fatalword' (a safe fix), ZZ101 replaces 'wrongword' (an unsafe fix)."""
from __future__ import annotations

import html.parser
import os

from conftest import run_cli
from test_foundation import read_raw, write, zz  # noqa: F401 - zz is a fixture


def test_diff_prints_safe_fixes_and_changes_nothing(tmp_path, zz):
    path = write(tmp_path, "a.txt", "Head line\n\nfatalword\n\nA wrongword here.\n")
    run = run_cli(["fix", "--diff", "--select", "ZZ101,ZZ102", "a.txt"], cwd=tmp_path)
    assert run.code == 1
    assert run.out.splitlines()[:3] == ["--- a/a.txt", "+++ b/a.txt", "@@ -1,5 +1,3 @@"]
    assert "-fatalword" in run.out and "wrongword" not in run.out.replace(" A wrongword here.", "")
    assert read_raw(path) == "Head line\n\nfatalword\n\nA wrongword here.\n"
    run = run_cli(["check", "--diff", "--unsafe-fixes", "--select", "ZZ101,ZZ102", "a.txt"], cwd=tmp_path)
    assert "+A right word here." in run.out


def test_fix_writes_atomically_and_reports_what_remains(tmp_path, zz):
    path = write(tmp_path, "a.txt", "Head line\r\n\r\nfatalword\r\n\r\nA wrongword here.\r\n")
    os.chmod(path, 0o640)
    run = run_cli(["fix", "--select", "ZZ101,ZZ102", "a.txt"], cwd=tmp_path)
    assert run.code == 1  # the unsafe one remains
    assert read_raw(path) == "Head line\r\n\r\nA wrongword here.\r\n"  # CRLF kept
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert "Fixed 1 finding in 1 file." in run.err and "ZZ101" in run.out and "ZZ102" not in run.out
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".auditor-")]
    run = run_cli(["check", "--fix", "--unsafe-fixes", "--select", "ZZ101,ZZ102", "a.txt"], cwd=tmp_path)
    assert run.code == 0 and read_raw(path) == "Head line\r\n\r\nA right word here.\r\n"


def test_encoding_and_bom_are_kept(tmp_path, zz):
    path = write(tmp_path, "a.txt", "\ufeffTête\n\nfatalword\n", encoding="utf-16-le")
    path.write_bytes(b"\xff\xfe" + "Tête\n\nfatalword\n".encode("utf-16-le"))
    run_cli(["fix", "--select", "ZZ102", "a.txt"], cwd=tmp_path)
    assert path.read_bytes() == b"\xff\xfe" + "Tête\n".encode("utf-16-le")
    path = write(tmp_path, "b.txt", "Tête\n\nfatalword\n", encoding="cp1252")
    run_cli(["fix", "--select", "ZZ102", "b.txt"], cwd=tmp_path)
    assert path.read_bytes() == "Tête\n".encode("cp1252")


class _Validator(html.parser.HTMLParser):
    VOID = {"br", "img", "hr", "meta", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing"


def test_html_and_markdown_stay_valid(tmp_path, zz):
    page = ("<html><body><h1>Head</h1>\n<p>Some text.</p>\n<p>fatalword</p>\n"
            "<div><p>Text <b>fatalword</b> inline.</p></div>\n<p><a href='x'>fatalword</a></p>\n</body></html>\n")
    hp = write(tmp_path, "a.html", page)
    md = ("# Head\n\nSome text.\n\n[fatalword](http://x.example/a)\n\n- item with fatalword inside\n\n"
          "> fatalword\n\nLast *wrongword* here.\n")
    mp = write(tmp_path, "b.md", md)
    run = run_cli(["fix", "--unsafe-fixes", "--select", "ZZ101,ZZ102", "a.html", "b.md"], cwd=tmp_path)
    new_html = read_raw(hp)
    assert "<p>fatalword</p>\n" not in new_html and "<a href='x'>fatalword</a>" not in new_html
    v = _Validator()
    v.feed(new_html)
    assert not v.stack
    new_md = read_raw(mp)
    assert "[fatalword](http://x.example/a)" not in new_md and "](http" not in new_md
    assert "> fatalword" not in new_md and "Last *right word* here." in new_md
    assert "\n\n\n" not in new_md
    assert run.code in (0, 1, 2) and "Traceback" not in run.err


def test_file_changed_on_disk_is_left_alone(tmp_path, zz, monkeypatch):
    from auditor import engine

    path = write(tmp_path, "a.txt", "Head\n\nfatalword\n")
    real = engine.run

    def run_then_edit(*args, **kwargs):
        result = real(*args, **kwargs)
        path.write_text("Head\n\nfatalword\n\nedited meanwhile\n", encoding="utf-8")
        return result

    monkeypatch.setattr(engine, "run", run_then_edit)
    run = run_cli(["fix", "--select", "ZZ102", "a.txt"], cwd=tmp_path)
    assert "a.txt: changed on disk since it was read; left alone" in run.err
    assert read_raw(path).endswith("edited meanwhile\n")


def test_overlapping_fixes_are_resolved_in_order_and_reported(tmp_path, zz):
    path = write(tmp_path, "a.txt", "Head\n\nfatalword wrongword\n")
    run = run_cli(["fix", "--unsafe-fixes", "--select", "ZZ101,ZZ102", "a.txt"], cwd=tmp_path)
    assert "1 fix overlaps another fix" in run.err
    assert read_raw(path) == "Head\n"  # the line removal starts first and wins


def test_stdin_fix_prints_the_fixed_text(tmp_path, zz, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Head\n\nfatalword\n\nMore.\n")))
    run = run_cli(["fix", "--select", "ZZ102", "-"], cwd=tmp_path)
    assert run.out == "Head\n\nMore.\n"


def test_baseline_accepted_findings_are_not_fixed(tmp_path, zz):
    path = write(tmp_path, "a.txt", "Head\n\nfatalword\n")
    run_cli(["check", "--select", "ZZ102", "--write-baseline", "a.txt"], cwd=tmp_path)
    run = run_cli(["fix", "--select", "ZZ102", "a.txt"], cwd=tmp_path)
    assert run.code == 0 and read_raw(path) == "Head\n\nfatalword\n"
