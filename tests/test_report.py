"""The HTML report site (`auditor report`): page data, escaping, safe names, determinism, atomicity."""
from __future__ import annotations

import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.config import Config
from auditor.engine import DocRef, FileResult, Reported, RunResult
from auditor.registry import load_registry
from auditor.reports import model, site
from conftest import SEEDS, run_cli

HOSTILE = ('Headline with "quotes" and \'apostrophes\' onmouseover="alert(1)"\n\n'
           "Body <script>alert('pwned')</script> and </textarea><b>bold</b> and <!-- a comment -->.\n"
           "A line with `]]>` and &amp; and </style></script>\n\n"
           "Leave a Reply\n")


def finding(raw: str, quote: str, code="NM901", family="names", severity="warning", message="seen",
            suggestion=None, related=(), nth=0) -> Reported:
    start = -1
    for _ in range(nth + 1):
        start = raw.index(quote, start + 1)
    end = start + len(quote)
    line = raw.count("\n", 0, start) + 1
    col = start - (raw.rfind("\n", 0, start) + 1) + 1
    return Reported(code, family, severity, start, end, line, col, line, col + len(quote), message,
                    suggestion, list(related), quote)


def result_of(texts: dict[str, str], findings: dict[str, list[Reported]], corpus_data=None) -> RunResult:
    files = [FileResult(p, DocRef(p, t, "text", "utf-8", None), findings.get(p, [])) for p, t in sorted(texts.items())]
    return RunResult(files, [], [], 0, corpus_data or {})


def read_pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


class ScriptCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.comments, self.handlers, self._in_script = [], 0, [], False

    def handle_starttag(self, tag, attrs):
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def handle_comment(self, data):
        self.comments += 1


# --- output names ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["../../x.txt", "/etc/passwd", "a/b/../../../c.txt", "..", ".hidden",
                                  'we"ird <name>.txt', "spaces and ünïcödé.md", "C:\\Users\\x\\doc.txt",
                                  "index.html", "x" * 300 + ".txt", "back\\slash/..\\..\\evil.txt"])
def test_page_names_are_flat_and_safe(path, tmp_path):
    name = model.page_name(path)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name), name
    assert name != "index.html" and len(name) < 100
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()


def test_same_base_name_in_two_folders_does_not_collide():
    assert model.page_name("a/story.txt") != model.page_name("b/story.txt")
    assert model.page_name("a/story.txt") == model.page_name("a/story.txt")


# --- page data -------------------------------------------------------------------------------

def test_overlapping_findings_are_both_marked():
    raw = "one two three four\nfive\n"
    outer = model.Mark(1, "BP1", "boilerplate", "error", "m1", None, "", 1, 1, 0, 13, "one two three")
    inner = model.Mark(2, "NM1", "names", "warning", "m2", None, "", 1, 5, 4, 18, "two three four")
    lines = model.segment_text(raw, [outer, inner], {})
    assert [ln.number for ln in lines] == [1, 2, 3]
    segs = lines[0].segments
    assert "".join(s.text for s in segs) == "one two three four"
    both = [s for s in segs if len(s.marks) == 2]
    assert [s.text for s in both] == ["two three"]
    assert [r.mark.id for r in both[0].marks] == [1, 2]  # outermost first
    firsts = [(r.mark.id, s.text) for s in segs for r in s.marks if r.first]
    assert firsts == [(1, "one "), (2, "two three")]


def test_finding_across_lines_and_crlf():
    raw = "alpha\r\nbeta gamma\r\n"
    m = model.Mark(1, "BP1", "boilerplate", "warning", "m", None, "", 1, 3, 2, 11, raw[2:11])
    lines = model.segment_text(raw, [m], {})
    assert ["".join(s.text for s in ln.segments) for ln in lines] == ["alpha", "beta gamma", ""]
    marked = [s.text for ln in lines for s in ln.segments if s.marks]
    assert marked == ["pha", "beta"]


def test_clean_version_removes_boilerplate_lines_and_applies_names():
    raw = "Kisida met Biden.\n\nRead more: other story\nKisida left.\n"
    marks = [
        model.Mark(1, "NM1", "names", "warning", "m", "Kishida", "", 1, 1, 0, 6, "Kisida"),
        model.Mark(2, "BP1", "boilerplate", "warning", "m", "remove the line", "", 3, 1, 19, 41, ""),
        model.Mark(3, "NM1", "names", "warning", "m", "Kishida", "", 4, 1, 42, 48, "Kisida"),
        model.Mark(4, "TR1", "translation", "warning", "m", "rewrite it", "", 1, 1, 7, 10, "met"),
    ]
    assert raw[19:41] == "Read more: other story"
    clean = model.clean_version("a.txt", raw, marks)
    assert clean.text == "Kishida met Biden.\n\nKishida left.\n"
    assert clean.removed_lines == 1 and clean.replacements == 2
    kinds = {d.kind for d in clean.diff}
    assert {"file", "hunk", "add", "del"} <= kinds
    assert "-Read more: other story" in clean.diff_text


def test_readability_in_words():
    text = "The cat sat on the mat. It was a sunny day and the cat was happy. " * 5
    r = model.readability(text)
    assert r is not None and r.words > 20 and r.grade < 9
    assert "schooling" in r.grade_words and r.ease_words
    assert model.readability("Too short.") is None
    assert "university" in model.grade_in_words(15)


# --- whole sites -----------------------------------------------------------------------------

def test_hostile_article_renders_as_text(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    name = 'odd "name" <img src=x onerror=alert(1)>.txt'
    (src / name).write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "site"
    run = run_cli(["report", str(src), "-o", str(out)])
    assert run.code == 0, run.err
    pages = read_pages(out)
    assert len(pages) == 2 and "index.html" in pages
    js = (Path(site.__file__).parent / "assets" / "report.js").read_text(encoding="utf-8")
    for text in pages.values():
        parser = ScriptCounter()
        parser.feed(text)
        assert parser.scripts == [js]  # only our own script, whatever the article holds
        assert parser.comments == 0 and parser.handlers == []
        assert "<script>alert" not in text and "<img src=x" not in text and "<!-- a comment" not in text
        assert "Content-Security-Policy" in text and "http://" not in text and "https://" not in text
    article = next(t for n, t in pages.items() if n != "index.html")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in article
    assert "&lt;/textarea&gt;" in article and "&lt;!-- a comment --&gt;" in article
    assert "&#34;alert(1)&#34;" in article


def test_findings_highlights_related_links_and_corpus_tables(tmp_path):
    a = "Prime Minister Kisida spoke.\nLeave a Reply\n"
    b = "Prime Minister Kishida spoke again.\nKishida left.\n"
    rel = {"path": "b.txt", "start": b.index("Kishida"), "end": b.index("Kishida") + 7, "note": "spelled so here",
           "line": 1, "column": 16}
    findings = {"a.txt": [finding(a, "Kisida", message="'Kisida' is spelled 'Kishida' in 1 other file",
                                  suggestion="Kishida", related=[rel]),
                          finding(a, "Leave a Reply", "BP101", "boilerplate", message="comment form",
                                  suggestion="remove the line"),
                          finding(a, "Minister Kisida", "TR999", "translation", "error", "overlap")]}
    corpus_data = {"NM999": {"groups": [{"suggested": "Kishida", "spellings": [
                       {"spelling": "Kishida", "count": 2, "files": ["b.txt"]},
                       {"spelling": "Kisida", "count": 1, "files": ["a.txt"]}]}]},
                   "TR999": {"stories": [{"id": "s1", "label": "Kishida speaks", "files": ["a.txt", "b.txt"]}]}}
    result = result_of({"a.txt": a, "b.txt": b}, findings, corpus_data)
    out = tmp_path / "site"
    assert site.write_site(result, Config(), load_registry(), str(out), ["."]) == 3
    pages = read_pages(out)
    page_a, page_b = pages[model.page_name("a.txt")], pages[model.page_name("b.txt")]
    # every finding highlighted, the overlapping ones nested
    assert page_a.count('id="f1"') == 1 and page_a.count('id="f3"') == 1
    assert re.search(r'<mark class="hl fam-translation sev-error pad1" data-f="1"[^>]*>'
                     r'<mark class="hl fam-names sev-warning pad0" data-f="2"', page_a)
    # the related link points at the spot on b's page, which exists there
    spot = f"s{rel['start']}-{rel['end']}"
    assert f'href="{model.page_name("b.txt")}#{spot}"' in page_a
    assert f'id="{spot}"' in page_b
    # readable with JavaScript off: the messages are in the page, the controls hidden
    assert "comment form" in page_a and 'id="controls" hidden' in page_a
    assert "Prime Minister Kishida spoke." in page_a  # the clean version applied the name
    index = pages["index.html"]
    first_row = index.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "a.txt" in first_row  # worst first
    names_table = index.split('id="names"', 1)[1].split("</section>", 1)[0]
    assert f'href="{model.page_name("a.txt")}#s' in names_table and "(suggested)" in names_table
    assert "Kishida speaks" in index and f'{model.page_name("a.txt")}#f' in index


def test_absent_corpus_data_says_none_found(tmp_path):
    out = tmp_path / "site"
    site.write_site(result_of({"a.txt": "Just a short line.\n"}, {}), Config(), load_registry(), str(out))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("None found") == 2


def test_seeds_site_is_complete_fast_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one, two = tmp_path / "one", tmp_path / "two"
    started = time.perf_counter()
    run = run_cli(["report", ".", "-o", one], cwd=SEEDS)
    took = time.perf_counter() - started
    assert run.code == 0, run.err
    assert took < 2.0, f"report on the seeds took {took:.2f} s"
    run_cli(["report", ".", "-o", two], cwd=SEEDS)
    first, second = read_pages(one), read_pages(two)
    assert len(first) == 6 and sorted(first) == sorted(second)
    assert not [p for p in os.listdir(one) if not p.endswith(".html")]  # no temporary files left
    for name in first:
        a, b = first[name].splitlines(), second[name].splitlines()
        # the exclusion of the output folder is the only other difference: it is named in the run table
        diff = [(x, y) for x, y in zip(a, b) if x != y and "exclude" not in x]
        assert len(a) == len(b) and len(diff) <= (1 if name == "index.html" else 0), diff
        if diff:
            assert 'id="generated"' in diff[0][0]


def test_source_date_epoch_pins_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = result_of({"a.txt": HOSTILE}, {"a.txt": [finding(HOSTILE, "Leave a Reply", "BP101", "boilerplate")]})
    site.write_site(result, Config(), load_registry(), str(tmp_path / "one"))
    site.write_site(result, Config(), load_registry(), str(tmp_path / "two"))
    assert read_pages(tmp_path / "one") == read_pages(tmp_path / "two")
    assert "2023-11-14 22:13:20 UTC" in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")


def test_report_usage_errors(tmp_path):
    run = run_cli(["report", str(SEEDS)])
    assert run.code == 2 and "-o DIR" in run.err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = run_cli(["report", str(SEEDS), "-o", blocker])
    assert run.code == 2 and "not a folder" in run.err
    run = run_cli(["report", tmp_path / "missing", "-o", tmp_path / "site"])
    assert run.code == 2 and "no such file" in run.err


def test_output_folder_is_not_audited_on_the_next_run(corpus, tmp_path):
    root = corpus({"story.txt": "A plain article about nothing much at all.\n"})
    assert run_cli(["report", ".", "-o", "site"], cwd=root).code == 0
    assert run_cli(["report", ".", "-o", "site"], cwd=root).code == 0
    assert len(list((root / "site").glob("*.html"))) == 2


def test_same_base_name_in_two_folders_gives_two_pages(corpus, tmp_path):
    root = corpus({"a/story.txt": "First story text.\n", "b/story.txt": "Second story text.\n"})
    assert run_cli(["report", ".", "-o", "site"], cwd=root).code == 0
    pages = read_pages(root / "site")
    assert len(pages) == 3
    assert sum("First story text." in t for t in pages.values()) == 1


def test_atomic_write_leaves_old_page_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    site.write_atomic(str(target), "old complete page")

    class Boom(Exception):
        pass

    def fail(*args, **kwargs):
        raise Boom()

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(Boom):
        site.write_atomic(str(target), "new page")
    assert target.read_text() == "old complete page"
    assert os.listdir(tmp_path) == ["page.html"]


def test_clean_version_leaves_one_blank_line_and_marks_changed_words():
    raw = "Intro.\n\nSee also: other\n\nKisida spoke at length today.\n"
    marks = [model.Mark(1, "BP1", "boilerplate", "warning", "m", "remove the line", "", 3, 1, 8, 23, ""),
             model.Mark(2, "NM1", "names", "warning", "m", "Kishida", "", 5, 1, 25, 31, "Kisida")]
    clean = model.clean_version("a.txt", raw, marks)
    assert clean.text == "Intro.\n\nKishida spoke at length today.\n"
    changed = {(d.kind, p.text) for d in clean.diff for p in d.parts if p.changed}
    assert ("del", "Kisida") in changed and ("add", "Kishida") in changed
    assert ("add", "Kishida spoke at length today.") not in changed


def test_huge_line_without_spaces_renders(tmp_path):
    raw = "x" * 1_000_000 + "\nKisida\n"
    result = result_of({"big.txt": raw}, {"big.txt": [finding(raw, "Kisida", suggestion="Kishida"),
                                                      Reported("NM1", "names", "info", 10, 10, 1, 11, 1, 11,
                                                               "zero width", None)]})
    started = time.perf_counter()
    site.write_site(result, Config(), load_registry(), str(tmp_path / "site"))
    assert time.perf_counter() - started < 10
    page = (tmp_path / "site" / model.page_name("big.txt")).read_text(encoding="utf-8")
    assert 'id="f1"' in page and 'id="f2"' in page


def test_pages_of_files_no_longer_audited_are_removed(corpus):
    root = corpus({"in/a.txt": "First article text.\n", "in/b.txt": "Second article text.\n"})
    (root / "site").mkdir()
    keep = root / "site" / "notes_0123456789.html"  # looks like ours by name, but is not
    keep.write_text("<p>mine</p>")
    assert run_cli(["report", "in", "-o", "site"], cwd=root).code == 0
    assert len(list((root / "site").glob("*.html"))) == 4
    (root / "in" / "b.txt").unlink()
    assert run_cli(["report", "in", "-o", "site"], cwd=root).code == 0
    assert sorted(p.name for p in (root / "site").glob("*.html")) == sorted(
        ["index.html", model.page_name("in/a.txt"), keep.name])
