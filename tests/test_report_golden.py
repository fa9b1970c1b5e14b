"""Golden files of the report site: the seeds' index and one article page, rendered and compared
with the pages checked into tests/golden/, so that any change to what a page shows is seen in
review as a diff of HTML.

Normalised before comparing (they change without the page changing): the run's date, the
auditor version, the CSP hashes, the hashes in page names, and the inlined report.css and
report.js (checked equal to the shipped files, then replaced by their names; the family colours
generated after report.css stay).

A change to the pages, the templates or the seeds' findings makes this fail with the diff.
When the change is intended, regenerate and review the diff of tests/golden/ in git:

    UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from auditor import __version__
from auditor.reports import render
from auditor.reports.page_files import page_name
from conftest import SEEDS, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN", "") not in ("", "0")
ARTICLE = "000_4df3835b30353c8d.txt"  # the seed with findings of every family
DIFF_LINES = 80  # lines of the diff shown in a failure


def normalise(html: str) -> str:
    css, js = render.shipped_assets()
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style and style.group(1).startswith(css), "the inlined CSS is not reports/assets/report.css"
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script and script.group(1) == js, "the inlined script is not reports/assets/report.js"
    html = html[:style.start(1)] + "/* reports/assets/report.css */\n" + style.group(1)[len(css):] + html[style.end(1):]
    html = html.replace(js, "/* reports/assets/report.js */")
    html = re.sub(r"sha256-[A-Za-z0-9+/]+=*", "sha256-HASH", html)
    html = html.replace(f'content="auditor {__version__}"', 'content="auditor VERSION"')
    html = html.replace(f'<td id="version">{__version__}</td>', '<td id="version">VERSION</td>')
    html = re.sub(r'<td id="generated">[^<]*</td>', '<td id="generated">DATE</td>', html)
    return re.sub(r"_[0-9a-f]{10}\.html", "_HASH.html", html)


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden") / "site"
    run = run_cli(["report", ".", "-o", out, "--no-baseline"], cwd=SEEDS)
    assert run.code == 0, run.err
    return out


@pytest.mark.parametrize("golden, page", [("report-index.html", "index.html"),
                                          ("report-article.html", page_name(ARTICLE))])
def test_page_matches_its_golden_file(seeds_site, golden, page):
    got = normalise((seeds_site / page).read_text(encoding="utf-8"))
    path = GOLDEN / golden
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}: run UPDATE_GOLDEN=1 python -m pytest {__file__}"
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"golden/{golden}", "rendered",
                                         n=1, lineterm=""))
        shown = "\n".join(diff[:DIFF_LINES]) + (f"\n… {len(diff) - DIFF_LINES} more lines" if len(diff) > DIFF_LINES else "")
        pytest.fail(f"{page} differs from tests/golden/{golden}; if the change is intended, regenerate with "
                    f"UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py and review the diff:\n{shown}",
                    pytrace=False)


def test_normalising_keeps_what_the_page_shows():
    """Only the volatile parts are replaced: a page that differs in its text still differs."""
    css, js = render.shipped_assets()
    page = (f'<meta http-equiv="Content-Security-Policy" content="style-src &#39;sha256-ab+/c=&#39;">'
            f'<meta name="generator" content="auditor {__version__}"><style>{css}.fam-x {{}}</style>'
            f'<td id="generated">2026-01-01 00:00:00 UTC</td><a href="a.txt_0123456789.html">Headline</a>'
            f'<script>{js}</script>')
    out = normalise(page)
    assert "&#39;sha256-HASH&#39;" in out and 'content="auditor VERSION"' in out and ">DATE<" in out
    assert "a.txt_HASH.html" in out and ".fam-x {}" in out and css not in out and js not in out
    assert normalise(page.replace("Headline", "Other")) != out
