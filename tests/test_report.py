"""The HTML report site (`auditor report`): page data, the clean version from the fixes, the
baseline switch, files not audited, escaping, safe names, determinism, atomicity.

Predictable findings come from the ZZ test plugin (tests/data/plugins) or are made by hand here."""
from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor import api, fixes
from auditor.config import Config
from auditor.document import Document
from auditor.engine import RunResult
from auditor.placement import DocRef, FileResult, Reported
from auditor.registry import load_registry
from auditor.reports import clean_version, page_files, readability, segments, site
from auditor.reports.page_model import Mark
from conftest import SEEDS, run_cli
from test_foundation import write, zz  # noqa: F401 - zz is a fixture

HOSTILE = ('Headline with "quotes" and \'apostrophes\' onmouseover="alert(1)"\n\n'
           "Body <script>alert('pwned')</script> and </textarea><b>bold</b> and <!-- a comment -->.\n"
           "A line with `]]>` and &amp; and </style></script>\n\n"
           "Leave a Reply\n")


def finding(raw: str, quote: str, code="NM901", family="names", severity="warning", message="seen",
            edits=(), applicability=api.SAFE, related=(), nth=0) -> Reported:
    """A placed finding on a plain-text file (raw offsets = text offsets)."""
    start = -1
    for _ in range(nth + 1):
        start = raw.index(quote, start + 1)
    end = start + len(quote)
    line = raw.count("\n", 0, start) + 1
    col = start - (raw.rfind("\n", 0, start) + 1) + 1
    return Reported(code, family, severity, start, end, line, col, line, col + len(quote), message,
                    related=list(related), snippet=quote, raw_edits=tuple(edits), applicability=applicability)


def respell(raw: str, quote: str, new: str, applicability=api.UNSAFE, nth=0, **kw) -> Reported:
    f = finding(raw, quote, applicability=applicability, nth=nth, **kw)
    f.raw_edits = ((f.start, f.end, new),)
    return f


def remove_line(raw: str, quote: str, code="BP901", **kw) -> Reported:
    """A residue line removed as the families remove it: `doc.line_removal`."""
    f = finding(raw, quote, code, "boilerplate", **kw)
    e = Document("x.txt", raw).line_removal(f.start, f.end)
    f.raw_edits = ((e.start, e.end, e.replacement),)
    return f


def result_of(texts: dict[str, str], findings: dict[str, list[Reported]], overviews=()) -> RunResult:
    files = [FileResult(p, DocRef(p, t, "text", "utf-8"), findings.get(p, [])) for p, t in sorted(texts.items())]
    return RunResult(files=files, notices=[], rules_run=[],
                     corpus_data={"TEST": list(overviews)} if overviews else {})


def read_pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


def section(page: str, ident: str) -> str:
    return page.split(f'id="{ident}"', 1)[1].split("</section>", 1)[0]


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


def mark(i, start, end, raw, family="names", severity="warning") -> Mark:
    return Mark(i, f"XX{i}", family, severity, f"m{i}", "", 1, start + 1, start, end, raw[start:end])


# --- output names ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["../../x.txt", "/etc/passwd", "a/b/../../../c.txt", "..", ".hidden",
                                  'we"ird <name>.txt', "spaces and ünïcödé.md", "C:\\Users\\x\\doc.txt",
                                  "index.html", "x" * 300 + ".txt", "back\\slash/..\\..\\evil.txt"])
def test_page_names_are_flat_and_safe(path, tmp_path):
    name = page_files.page_name(path)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name), name
    assert name != "index.html" and len(name) < 100
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()


def test_same_base_name_in_two_folders_does_not_collide():
    assert page_files.page_name("a/story.txt") != page_files.page_name("b/story.txt")
    assert page_files.page_name("a/story.txt") == page_files.page_name("a/story.txt")


# --- the text in segments --------------------------------------------------------------------

def test_overlapping_findings_are_both_marked():
    raw = "one two three four\nfive\n"
    outer, inner = mark(1, 0, 13, raw, "boilerplate", "error"), mark(2, 4, 18, raw)
    lines = segments.segment_text(raw, [outer, inner], {})
    assert [ln.number for ln in lines] == [1, 2, 3]
    segs = lines[0].segments
    assert "".join(s.text for s in segs) == "one two three four"
    both = [s for s in segs if len(s.marks) == 2]
    assert [s.text for s in both] == ["two three"]
    assert [r.mark.id for r in both[0].marks] == [1, 2]  # outermost first
    assert [r.depth for r in both[0].marks] == [1, 0]  # the outer underline sits lower
    assert "pad1" in both[0].marks[0].css and "pad0" in both[0].marks[1].css
    firsts = [(r.mark.id, s.text) for s in segs for r in s.marks if r.first]
    assert firsts == [(1, "one "), (2, "two three")]


def test_finding_across_lines_and_crlf():
    raw = "alpha\r\nbeta gamma\r\n"
    lines = segments.segment_text(raw, [mark(1, 2, 11, raw)], {})
    assert ["".join(s.text for s in ln.segments) for ln in lines] == ["alpha", "beta gamma", ""]
    marked = [s.text for ln in lines for s in ln.segments if s.marks]
    assert marked == ["pha", "beta"]


# --- the clean version: the edits `auditor fix` applies --------------------------------------

def clean_of(raw: str, found: list[Reported]):
    marks = [mark(i, f.start, f.end, raw) for i, f in enumerate(found, 1)]
    return clean_version.clean_version("a.txt", raw, list(zip(marks, found))), marks


def test_clean_version_is_fixes_apply_and_counts_the_edits_applied():
    raw = "Kisida met Biden.\n\nRead more: other story\n\nKisida left.\n"
    found = [respell(raw, "Kisida", "Kishida"), remove_line(raw, "Read more: other story"),
             respell(raw, "Kisida", "Kishida", nth=1, applicability=api.SAFE),
             finding(raw, "met", "TR1", "translation")]  # no fix: nothing to apply
    fixable = [f for f in found if f.raw_edits]
    clean, marks = clean_of(raw, fixable)
    assert clean.text == fixes.apply(raw, fixable).text == "Kishida met Biden.\n\nKishida left.\n"
    assert clean.diff_text == fixes.unified_diff("a.txt", raw, clean.text)
    assert [(x.kind, x.applicability) for x in clean.applied] == [
        ("replacement", "unsafe"), ("removal", "safe"), ("replacement", "safe")]
    assert "3 fixes applied: 1 removal and 2 replacements; 2 safe" in clean.summary
    assert "1 unsafe" in clean.summary and "left out" not in clean.summary
    assert clean.applied[0].what == "“Kisida” → “Kishida”"
    assert clean.applied[1].what == "remove the line “Read more: other story”"
    assert all(m.fix is not None and m.fix.status == "applied" for m in marks)
    kinds = {d.kind for d in clean.diff}
    assert {"file", "hunk", "add", "del"} <= kinds


def test_overlapping_fix_is_left_out_and_said_so():
    raw = "Intro.\n\nKisida spoke.\n"
    found = [remove_line(raw, "Kisida spoke."), respell(raw, "Kisida", "Kishida")]
    clean, marks = clean_of(raw, found)
    assert clean.text == "Intro.\n"
    assert len(clean.applied) == 1 and len(clean.left_out) == 1
    assert "1 fix left out: it overlaps a fix applied before" in clean.summary
    assert marks[1].fix.status == "overlap" and "overlaps" in marks[1].fix.note


def test_no_fix_says_so():
    clean, _ = clean_of("Plain.\n", [])
    assert not clean.changed and clean.diff == [] and "No fix to apply" in clean.summary


def test_clean_version_leaves_one_blank_line_and_marks_changed_words():
    raw = "Intro.\n\nSee also: other\n\nKisida spoke at length today.\n"
    clean, _ = clean_of(raw, [remove_line(raw, "See also: other"), respell(raw, "Kisida", "Kishida")])
    assert clean.text == "Intro.\n\nKishida spoke at length today.\n"
    changed = {(d.kind, p.text) for d in clean.diff for p in d.parts if p.changed}
    assert ("del", "Kisida") in changed and ("add", "Kishida") in changed
    assert ("add", "Kishida spoke at length today.") not in changed


def test_seed_pages_show_exactly_what_auditor_fix_would_do(tmp_path):
    """Each page's diff is the diff `auditor fix --unsafe-fixes --diff` prints for that file."""
    run = run_cli(["fix", "--unsafe-fixes", "--diff", "--no-baseline", "."], cwd=SEEDS)
    assert run.code in (0, 1), run.err
    old = os.getcwd()
    os.chdir(SEEDS)
    try:
        from auditor import engine

        result = engine.run(["."], Config(), load_registry())
        pages, _, _ = site.build(result, Config(), load_registry(), ["."])
    finally:
        os.chdir(old)
    assert "".join(p.clean.diff_text for p in pages) == run.out
    for p in pages:
        fixable = sum(1 for m in p.marks if m.fix)
        assert len(p.clean.applied) + len(p.clean.left_out) == fixable


# --- readability -----------------------------------------------------------------------------

def test_readability_in_words():
    text = "The cat sat on the mat. It was a sunny day and the cat was happy. " * 5
    r = readability.readability(text)
    assert r is not None and r.words > 20 and r.grade < 9
    assert "schooling" in r.grade_words and r.ease_words
    assert readability.readability("Too short.") is None
    assert "university" in readability.grade_in_words(15)


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


def test_findings_highlights_related_links_titles_and_corpus_tables(tmp_path):
    a = "Kishida speaks\n\nPrime Minister Kisida spoke.\n\nLeave a Reply\n"
    b = "Kishida speaks again\n\nPrime Minister Kishida spoke again.\nKishida left.\n"
    at = b.index("Kishida spoke")
    rel = {"path": "b.txt", "start": at, "end": at + 7, "note": "spelled so here", "line": 3, "column": 16}
    findings = {"a.txt": [respell(a, "Kisida", "Kishida", message="'Kisida' is spelled 'Kishida' in 1 other file",
                                  related=[rel]),
                          remove_line(a, "Leave a Reply", "BP101", message="comment form"),
                          finding(a, "Minister Kisida", "TR999", "translation", "error", "overlap")]}
    overviews = [api.SpellingGroup("Kishida", (api.Spelling("Kishida", 3, ("b.txt",)), api.Spelling("Kisida", 1, ("a.txt",)))),
                 api.SpellingGroup(None, (api.Spelling("Biden", 1, ("a.txt",)), api.Spelling("Baiden", 1, ("b.txt",)))),
                 api.Story("Kishida speaks", ("a.txt", "b.txt"))]
    result = result_of({"a.txt": a, "b.txt": b}, findings, overviews)
    out = tmp_path / "site"
    assert site.write_site(result, Config(), load_registry(), str(out), ["."]) == 3
    pages = read_pages(out)
    page_a, page_b = pages[page_files.page_name("a.txt")], pages[page_files.page_name("b.txt")]
    # the article is titled by its headline, its file name beside
    assert '<h1 class="headline">Kishida speaks</h1>' in page_a and '<span class="path">a.txt</span>' in page_a
    assert "next: Kishida speaks again ›" in page_a
    # every finding highlighted, the overlapping ones nested, the first segment of each marked
    assert page_a.count('id="f1"') == 1 and page_a.count('id="f3"') == 1
    assert '<mark class="hl fam-translation sev-error pad1 first" data-f="1" id="f1"' in page_a
    assert re.search(r'<mark class="hl fam-translation sev-error pad1" data-f="1"[^>]*>'
                     r'<mark class="hl fam-names sev-warning pad0 first" data-f="2"', page_a)
    # the related link points at the spot on b's page, which exists there, titled by b's headline
    spot = f"s{rel['start']}-{rel['end']}"
    assert f'href="{page_files.page_name("b.txt")}#{spot}">“Kishida speaks again”</a>' in page_a
    assert f'id="{spot}"' in page_b
    # readable with JavaScript off: the messages are in the page, the controls hidden
    assert "comment form" in page_a and 'id="controls" hidden' in page_a
    assert "Prime Minister Kishida spoke." in page_a  # the clean version applied the name
    clean = section(page_a, "clean")
    assert "2 fixes applied: 1 removal and 1 replacement; 1 safe" in clean
    assert "safe fix: remove the line “Leave a Reply”" in clean and "unsafe fix (check it)" in clean
    index = pages["index.html"]
    first_row = index.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert ">Kishida speaks</a> <span class=\"path\">a.txt</span>" in first_row  # worst first, by headline
    names_table = section(index, "names")
    assert f'href="{page_files.page_name("a.txt")}#s' in names_table and "(suggested)" in names_table
    assert "no single spelling (a tie)" in names_table
    stories = section(index, "stories")
    assert "<h3>Kishida speaks <small>2 renditions" in stories
    assert f'{page_files.page_name("a.txt")}#f' in stories and "“Kishida speaks again”" in stories


def test_absent_corpus_data_says_none_found(tmp_path):
    out = tmp_path / "site"
    site.write_site(result_of({"a.txt": "Just a short line.\n"}, {}), Config(), load_registry(), str(out))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("None found") == 2
    assert 'id="problems"' not in index


def test_files_not_audited_are_at_the_top_of_the_index(tmp_path, zz):
    write(tmp_path, "a.txt", "A wrongword here.\n")
    write(tmp_path, "bin.txt", b"\x00\x01\x02binary")
    write(tmp_path, "crash.txt", "crashword\n")
    run = run_cli(["report", "--select", "ZZ", ".", "-o", "site"], cwd=tmp_path)
    assert run.code == 2  # a failed check and an unreadable file: the run is incomplete
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    problems = section(index, "problems")
    assert index.index('id="problems"') < index.index('id="articles"')
    assert "1 file not audited" in problems and '<b class="path">bin.txt</b>: binary file' in problems
    assert "1 check failed: this run is incomplete" in problems and "ZZ104" in problems
    notices = index.split('class="notices"', 1)[1] if 'class="notices"' in index else ""
    assert "bin.txt" not in notices and "ZZ104" not in notices


def test_plugin_family_gets_a_column_and_a_colour(tmp_path, zz):
    write(tmp_path, "a.txt", "Headline here\n\nA wrongword and a fatalword.\n\nnoteword\n")
    run = run_cli(["report", "--select", "ZZ", "a.txt", "-o", "site"], cwd=tmp_path)
    assert run.code == 0, run.err
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<th class="fam-testing" data-type="num"' in index
    assert re.search(r"\.fam-testing \{ --fam: \d+, \d+, \d+; \}", index)
    page = (tmp_path / "site" / page_files.page_name("a.txt")).read_text(encoding="utf-8")
    for sev, glyph in (("error", "■"), ("warning", "▲"), ("info", "●")):
        assert f'<span class="chip sev-{sev}"><i class="glyph">{glyph}</i>{sev} <b>1</b></span>' in page


def test_seeds_site_is_complete_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one, two = tmp_path / "one", tmp_path / "two"
    run = run_cli(["report", ".", "-o", one], cwd=SEEDS)
    assert run.code == 0, run.err
    run_cli(["report", ".", "-o", two], cwd=SEEDS)
    first, second = read_pages(one), read_pages(two)
    assert len(first) == 6 and sorted(first) == sorted(second)
    assert not [p for p in os.listdir(one) if not p.endswith(".html")]  # no temporary files left
    for name in first:
        a, b = first[name].splitlines(), second[name].splitlines()
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        assert len(a) == len(b) and len(diff) <= (1 if name == "index.html" else 0), diff
        if diff:
            assert 'id="generated"' in diff[0][0]


def test_source_date_epoch_pins_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = result_of({"a.txt": HOSTILE}, {"a.txt": [remove_line(HOSTILE, "Leave a Reply", "BP101")]})
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
    run = run_cli(["report", str(SEEDS), "-o", tmp_path / "site", "--baseline", tmp_path / "none.json"])
    assert run.code == 2 and "baseline file not found" in run.err


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
    assert sum("First story text." in t.split('id="source"', 1)[-1] for t in pages.values() if 'id="source"' in t) == 1


def test_atomic_write_leaves_old_page_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    page_files.write_atomic(str(target), "old complete page")

    class Boom(Exception):
        pass

    def fail(*args, **kwargs):
        raise Boom()

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(Boom):
        page_files.write_atomic(str(target), "new page")
    assert target.read_text() == "old complete page"
    assert os.listdir(tmp_path) == ["page.html"]


def test_huge_line_without_spaces_renders(tmp_path):
    raw = "x" * 1_000_000 + "\nKisida\n"
    result = result_of({"big.txt": raw}, {"big.txt": [respell(raw, "Kisida", "Kishida"),
                                                      Reported("NM1", "names", "info", 10, 10, 1, 11, 1, 11,
                                                               "zero width")]})
    site.write_site(result, Config(), load_registry(), str(tmp_path / "site"))  # speed: bench/, not here
    page = (tmp_path / "site" / page_files.page_name("big.txt")).read_text(encoding="utf-8")
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
        ["index.html", page_files.page_name("in/a.txt"), keep.name])


# --- the baseline ----------------------------------------------------------------------------

def test_baseline_findings_are_shown_greyed_behind_a_switch(tmp_path, zz):
    write(tmp_path, "a.txt", "Old headline\n\nAn old wrongword.\n\nA fatalword line.\n")
    assert run_cli(["check", "--select", "ZZ", "--write-baseline", "."], cwd=tmp_path).code == 0
    write(tmp_path, "a.txt", "Old headline\n\nAn old wrongword.\n\nA fatalword line.\n\nA new wrongword too.\n")
    write(tmp_path, "b.txt", "Clean headline\n\nNothing to see.\n")
    run = run_cli(["report", "--select", "ZZ", ".", "-o", "site"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert "2 finding(s) accepted by the baseline" in run.err
    page = (tmp_path / "site" / page_files.page_name("a.txt")).read_text(encoding="utf-8")
    # the accepted ones are on the page, greyed (class "accepted"), the new one is open
    assert page.count('class="item fam-testing sev-warning accepted"') == 1
    assert page.count('class="item fam-testing sev-error accepted"') == 1
    assert page.count('class="item fam-testing sev-warning"') == 1
    assert "<b>1</b> finding <span class=\"accepted-count\">and <b>2</b> accepted by the baseline" in page
    # the switch: a checkbox, checked (shown), that CSS alone obeys (no script needed)
    assert '<input type="checkbox" id="show-accepted" checked>' in page
    assert "body:has(#show-accepted:not(:checked)) .item.accepted { display: none; }" in page
    # the clean version leaves the accepted findings alone, as `auditor fix` does with the baseline
    clean = section(page, "clean")
    assert "1 fix applied" in clean and "fatalword" not in clean.split("<details>")[0].split('id="clean-diff"')[0]
    assert "the baseline accepts this finding" in page
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<b>1</b> finding <span class=\"accepted-count\">and <b>2</b> accepted" in index
    assert '<th class="" data-type="num" scope="col"><button type="button" tabindex="-1">accepted</button>' in index
    assert ".auditor-baseline.json: accepts 2 findings of this run" in index

    # --no-baseline: every finding is open; --baseline FILE names another file
    run_cli(["report", "--select", "ZZ", ".", "-o", "site2", "--no-baseline"], cwd=tmp_path)
    page = (tmp_path / "site2" / page_files.page_name("a.txt")).read_text(encoding="utf-8")
    assert "accepted" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'id="show-accepted"' not in page
    os.rename(tmp_path / ".auditor-baseline.json", tmp_path / "old.json")
    run = run_cli(["report", "--select", "ZZ", ".", "-o", "site3", "--baseline", "old.json"], cwd=tmp_path)
    assert "2 finding(s) accepted by the baseline old.json" in run.err
