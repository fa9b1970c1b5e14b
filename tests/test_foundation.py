"""The foundation end to end (issue 2): inputs and offsets, the document model, the check API and
registry, config, suppression, the CLI and machine output. Predictable findings come from the
test plugin in tests/data/plugins (codes ZZ…), registered through a real entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

PLUGINS = Path(__file__).resolve().parent / "data" / "plugins"
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
FINDING_KEYS = ["code", "family", "severity", "start", "end", "line", "column", "message", "suggestion"]


# --- helpers ----------------------------------------------------------------------------------

def install_plugins(where: Path, entries: dict[str, str], monkeypatch=None) -> str:
    """Write a tiny distribution whose entry points in `auditor.checks` are `entries`, put it (and
    the plugin modules) on sys.path; return the PYTHONPATH a subprocess needs to see it too."""
    dist = where / "zz_plugins-0.1.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: zz-plugins\nVersion: 0.1\n")
    lines = "".join(f"{name} = {target}\n" for name, target in entries.items())
    (dist / "entry_points.txt").write_text("[auditor.checks]\n" + lines)
    if monkeypatch is not None:
        monkeypatch.syspath_prepend(str(PLUGINS))
        monkeypatch.syspath_prepend(str(where))
    return os.pathsep.join([str(where), str(PLUGINS), os.environ.get("PYTHONPATH", "")])


@pytest.fixture
def zz(tmp_path_factory, monkeypatch):
    """The ZZ test checks, registered in-process through the entry-point group."""
    return install_plugins(tmp_path_factory.mktemp("site"), {"zz": "auditor_testplugin:CHECKS"}, monkeypatch)


def write(folder: Path, name: str, data, encoding="utf-8") -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding)
    p.write_bytes(data)
    return p


def read_raw(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def check_json(folder: Path, *args) -> tuple[dict, str, int]:
    run = run_cli(["check", "--format", "json", "--no-baseline", *args], cwd=folder)
    assert run.code in (0, 1), run.err
    return json.loads(run.out), run.err, run.code


def by_path(report: dict) -> dict[str, list[dict]]:
    return {f["path"]: f["findings"] for f in report["files"]}


def spans(raw: str, findings: list[dict], code="ZZ101") -> list[str]:
    return [raw[f["start"]:f["end"]] for f in findings if f["code"] == code]


# --- inputs and offsets -----------------------------------------------------------------------

def test_folders_recursed_default_suffixes(tmp_path, zz):
    for name in ["a.txt", "sub/b.md", "sub/deep/c.html", "sub/deep/d.htm", "e.markdown"]:
        write(tmp_path, name, "wrongword\n")
    write(tmp_path, "skip.pdf", "wrongword\n")
    write(tmp_path, ".git/x.txt", "wrongword\n")
    report, _, code = check_json(tmp_path, "--select", "ZZ101", ".")
    assert code == 1
    assert sorted(by_path(report)) == ["a.txt", "e.markdown", "sub/b.md", "sub/deep/c.html", "sub/deep/d.htm"]


def test_include_exclude_globs_from_config(tmp_path, zz):
    write(tmp_path, "auditor.toml", 'include = ["*.txt", "*.text"]\nexclude = ["drafts", "*.skip.txt"]\n')
    write(tmp_path, "a.txt", "wrongword\n")
    write(tmp_path, "b.text", "wrongword\n")
    write(tmp_path, "c.md", "wrongword\n")
    write(tmp_path, "x.skip.txt", "wrongword\n")
    write(tmp_path, "drafts/d.txt", "wrongword\n")
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    assert sorted(by_path(report)) == ["a.txt", "b.text"]


def test_markdown_offsets_point_into_raw_file(tmp_path, zz):
    raw = ("# Title wrongword #\n\n**wrongword** and _wrongword_ and [wrongword](http://x.org/wrongword)"
           " &amp; `wrongword`\n> wrongword quoted\n- wrongword item\n")
    write(tmp_path, "a.md", raw)
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    found = by_path(report)["a.md"]
    assert spans(raw, found) == ["wrongword"] * 7  # the URL is not visible text
    starts = [f["start"] for f in found]
    assert starts == [raw.index("wrongword", i) for i in (0, raw.index("**"), raw.index("_w"), raw.index("[w"),
                                                         raw.index("`w"), raw.index("> "), raw.index("- "))]
    first = found[1]
    assert (first["line"], first["column"]) == (3, 3)


def test_html_offsets_point_into_raw_file(tmp_path, zz):
    raw = ("<html><head><title>T</title><style>p {wrongword: 1}</style></head><body>\n"
           "<p>Tom &amp; Jerry wrongword&nbsp;here</p><script>var wrongword;</script>\n"
           '<div class="wrongword">caf&eacute; <b>wrongword</b></div></body></html>\n')
    write(tmp_path, "a.html", raw)
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    found = by_path(report)["a.html"]
    assert spans(raw, found) == ["wrongword", "wrongword"]  # not in style, script or attributes
    assert found[0]["start"] == raw.index("wrongword&nbsp;")
    assert found[1]["start"] == raw.index("<b>wrongword") + 3
    assert (found[1]["line"], found[1]["column"]) == (3, raw.split("\n")[2].index("<b>") + 4)


def test_finding_across_an_entity_maps_to_the_whole_raw_span(tmp_path, zz, monkeypatch):
    write(tmp_path, "auditor.toml", '[options.ZZ101]\nword = "Tom & Jerry"\n')
    raw = "<p>Tom &amp; Jerry met.</p>\n"
    write(tmp_path, "a.html", raw)
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    assert spans(raw, by_path(report)["a.html"]) == ["Tom &amp; Jerry"]


def test_utf8_bom_counts_as_a_character(tmp_path, zz):
    raw = "\ufeffwrongword one\nline two wrongword\n"
    write(tmp_path, "a.txt", raw)
    write(tmp_path, "b.md", raw)
    report, err, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    for name in ("a.txt", "b.md"):
        found = by_path(report)[name]
        assert [f["start"] for f in found] == [1, raw.rindex("wrongword")]
        assert spans(raw, found) == ["wrongword"] * 2
        assert [(f["line"], f["column"]) for f in found] == [(1, 2), (2, 10)]
    assert "not UTF-8" not in err


def test_crlf_offsets_count_the_file_as_decoded(tmp_path, zz):
    raw = "First line.\r\nSecond wrongword line.\r\n\r\nThird wrongword.\r\n"
    write(tmp_path, "a.txt", raw)
    write(tmp_path, "b.md", raw)
    write(tmp_path, "c.html", raw.replace("First", "<p>First").replace("Third", "<p>Third"))
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    for name in ("a.txt", "b.md", "c.html"):
        file_raw = read_raw(tmp_path / name)
        found = by_path(report)[name]
        assert spans(file_raw, found) == ["wrongword"] * 2, name
        assert [(f["line"], f["column"]) for f in found] == [(2, 8), (4, file_raw.split("\n")[3].index("w") + 1)]


def test_cp1251_detected_and_named(tmp_path, zz):
    text = "Президент России заявил, что wrongword переговоры продолжатся.\nПривет, мир.\n"
    write(tmp_path, "ru.txt", text, encoding="cp1251")
    write(tmp_path, "short.txt", "Привет, мир. wrongword\n", encoding="cp1251")
    report, err, _ = check_json(tmp_path, "--select", "ZZ101", ".")
    assert "ru.txt: not UTF-8; decoded as cp1251" in err
    assert "short.txt: not UTF-8; decoded as cp1251" in err
    found = by_path(report)["ru.txt"]
    assert [f["start"] for f in found] == [text.index("wrongword")]
    assert (tmp_path / "ru.txt").read_bytes() == text.encode("cp1251")  # never rewritten


@pytest.mark.parametrize("text, encoding", [
    ("Ja, mé café était très bon. Déjà vu à Paris.", "cp1252"),
    ("Warszawa: minister spotkał się z żołnierzami.", "cp1250"),
    ("Οι υπουργοί συναντήθηκαν στην Αθήνα.", "cp1253"),
    ("Привет из Москвы, друзья!", "koi8_r"),
])
def test_other_legacy_encodings(text, encoding):
    from auditor.inputs import decode

    assert decode(text.encode(encoding), "x.txt") == (text, encoding)


def test_paths_are_shown_as_given(tmp_path, zz):
    write(tmp_path, "arts/a.txt", "wrongword\n")
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", "arts/a.txt", "./arts")
    assert [f["path"] for f in report["files"]] == ["arts/a.txt"]  # the same file once


# --- the document model -----------------------------------------------------------------------

DOC = ("Headline here\n\n"
       "Dr. Smith met Mr. Jones in Washington on Jan. 5. They spoke for 2.5 hours. "
       "John F. Kennedy was mentioned.\n"
       'She said: "We will go." Then she left! Was it late? Yes.\n'
       "a line that is\nsoft-wrapped into the next.\n\n"
       "He called it «a historic day» and “a new start”. The rate is 3.5 percent.\n")


def test_lines_and_paragraphs():
    from auditor.document import Document

    d = Document("x.txt", DOC)
    assert [s.text for s in d.lines][:3] == ["Headline here", DOC.split("\n")[2], DOC.split("\n")[3]]
    assert all(DOC[s.start:s.end] == s.text for s in d.lines + d.paragraphs + d.sentences + d.quotes)
    paras = [p.text for p in d.paragraphs]
    assert paras[0] == "Headline here"
    assert "a line that is\nsoft-wrapped into the next." in paras
    assert len(paras) == 5


def test_sentences_abbreviations_initials_quotes_numbers():
    from auditor.document import Document

    d = Document("x.txt", DOC)
    assert [s.text for s in d.sentences] == [
        "Headline here",
        "Dr. Smith met Mr. Jones in Washington on Jan. 5.",
        "They spoke for 2.5 hours.",
        "John F. Kennedy was mentioned.",
        'She said: "We will go."',
        "Then she left!",
        "Was it late?",
        "Yes.",
        "a line that is\nsoft-wrapped into the next.",
        "He called it «a historic day» and “a new start”.",
        "The rate is 3.5 percent.",
    ]
    assert [s.paragraph for s in d.sentences] == [0, 1, 1, 1, 2, 2, 2, 2, 3, 4, 4]


def test_quoted_spans():
    from auditor.document import Document

    d = Document("x.txt", DOC)
    assert [q.text for q in d.quotes] == ['"We will go."', "«a historic day»", "“a new start”"]
    at = DOC.index("historic")
    assert d.in_quote(at, at + 8)
    assert not d.in_quote(DOC.index("Then"), DOC.index("Then") + 4)
    assert not d.in_quote(DOC.index("«"), DOC.index("start”") + 6)  # spans two quotes
    a, b = DOC.index("He called"), DOC.index("start”.") + 7
    assert d.quoted_chars(a, b) == len("«a historic day»") + len("“a new start”")
    assert d.quoted_chars(DOC.index("historic"), DOC.index("historic") + 4) == 4
    assert d.quoted_chars(0, 3) == 0


def test_visible_text_and_raw_span_of_markup():
    from auditor.document import Document

    raw = "<p>Caf&eacute; <b>society</b></p><p>Next</p>"
    d = Document("x.html", raw, "html")
    assert d.text.split() == ["Café", "society", "Next"]
    i = d.text.index("society")
    a, b = d.raw_span(i, i + len("society"))
    assert raw[a:b] == "society"
    i = d.text.index("Café")
    a, b = d.raw_span(i, i + 4)
    assert raw[a:b] == "Caf&eacute;"


# --- check API and registry -------------------------------------------------------------------

def test_third_party_plugin_is_listed_and_explained(zz):
    run = run_cli(["rules"])
    assert run.code == 0
    assert any(line.split()[:3] == ["ZZ101", "testing", "warning"] for line in run.out.splitlines())
    run = run_cli(["rules", "--format", "json"])
    rules = {r["code"]: r for r in json.loads(run.out)}
    assert rules["ZZ201"]["family"] == "testing" and rules["ZZ201"]["source"] == "zz"
    run = run_cli(["explain", "zz101"])
    assert run.code == 0
    assert "ZZ101: A marked word occurs" in run.out
    assert "word = \"wrongword\"" in run.out and "min-count = 1" in run.out
    assert run_cli(["explain", "QQ999"]).code == 2


def test_broken_plugins_reported_by_name_run_goes_on(tmp_path_factory, tmp_path, monkeypatch):
    install_plugins(tmp_path_factory.mktemp("site"), {
        "zz": "auditor_testplugin:CHECKS",
        "zzbad": "auditor_testplugin:BAD",
        "zznotcheck": "auditor_testplugin:NOT_A_CHECK",
        "zzmissing": "auditor_no_such_module:CHECKS",
    }, monkeypatch)
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "--format", "json", "--no-baseline", "--select", "ZZ", "."], cwd=tmp_path)
    report, err = json.loads(run.out), run.err
    assert run.code == 2 and len(by_path(report)["a.txt"]) == 1  # the run goes on, but is not clean
    assert "All clear" not in run.out
    assert "error: plugin 'zzbad'" in err and "code 'bad'" in err
    assert "plugin 'zznotcheck'" in err and "not a subclass" in err
    assert "plugin 'zzmissing'" in err and "auditor_no_such_module" in err


def test_duplicate_code_is_reported():
    from auditor.registry import load_registry
    import importlib

    sys.path.insert(0, str(PLUGINS))
    try:
        mod = importlib.import_module("auditor_testplugin")
        reg = load_registry(extra={"one": mod.CHECKS, "two": [mod.MarkedWord]})
    finally:
        sys.path.remove(str(PLUGINS))
    assert any("code ZZ101 is already taken by 'one'" in p for p in reg.problems)


def test_check_that_raises_loses_only_its_findings(tmp_path, zz):
    """A check that raises is an error: the others still report, the run exits 2, one line on
    stderr names the check, the file and the exception, and the text output never says 'All clear'."""
    write(tmp_path, "a.txt", "crashword wrongword\n")
    run = run_cli(["check", "--format", "json", "--select", "ZZ101,ZZ104", "."], cwd=tmp_path)
    assert run.code == 2
    assert "error: a.txt: check ZZ104 failed: RuntimeError: boom" in run.err
    assert [f["code"] for f in run.json()["files"][0]["findings"]] == ["ZZ101"]
    write(tmp_path, "a.txt", "crashword\n")
    run = run_cli(["check", "--select", "ZZ104", "."], cwd=tmp_path)
    assert run.code == 2
    assert "All clear" not in run.out + run.err
    assert "1 check failure" in run.out


def test_corpus_check_map_merge_finalize_and_related(tmp_path, zz, monkeypatch):
    write(tmp_path, "a.txt", "Zedong spoke.\n")
    write(tmp_path, "b.md", "**Zedong** replied. Zedara too.\n")
    write(tmp_path, "c.html", "<p>Hi &amp; Zedong</p>\n")
    write(tmp_path, "d.txt", "Zedara alone? No, twice.\n")
    from auditor import config, engine
    from auditor.registry import load_registry

    monkeypatch.chdir(tmp_path)
    cfg = config.load()
    cfg.select = ["ZZ201"]
    result = engine.run(["."], cfg, load_registry())
    found = {r.path: r.findings for r in result.files}
    [group] = result.corpus_data["ZZ201"]
    assert [s.text for s in group.spellings] == ["Zedara", "Zedong"]
    assert [f.snippet for f in found["c.html"]] == ["Zedong"]
    html_raw = read_raw(tmp_path / "c.html")
    assert found["c.html"][0].start == html_raw.index("Zedong")
    related = {r["path"]: r for r in found["c.html"][0].related}
    assert sorted(related) == ["a.txt", "b.md"]
    md_raw = read_raw(tmp_path / "b.md")
    assert md_raw[related["b.md"]["start"]:related["b.md"]["end"]] == "Zedong"
    assert related["b.md"]["line"] == 1 and related["b.md"]["column"] == 3
    assert [f.snippet for f in found["d.txt"]] == ["Zedara"]


def test_option_coercion():
    from auditor.api import Option

    assert Option(1.0).coerce(2) == 2.0
    assert Option(["a"]).coerce(("b",)) == ["b"]
    for opt, bad in [(Option(1), True), (Option(1), "1"), (Option("x"), 3), (Option(True), 1)]:
        with pytest.raises(ValueError):
            opt.coerce(bad)


# --- config -----------------------------------------------------------------------------------

PYPROJECT = """
[project]
name = "articles"

[tool.auditor]
select = ["ZZ"]
ignore = ["ZZ103"]
extend-select = []
paths = ["arts"]
fail-on = "error"
per-file-ignores = { "arts/old/*" = ["ZZ101"] }
severity = { ZZ101 = "error", ZZ1 = "info" }
house-names = "names.txt"

[tool.auditor.options.ZZ101]
word = "wrongword"
min-count = 1
"""


@pytest.fixture
def project(tmp_path, zz):
    write(tmp_path, "pyproject.toml", PYPROJECT)
    write(tmp_path, "names.txt", "Volodymyr Zelensky | Zelenskiy, Zelenskyy\n")
    write(tmp_path, "arts/a.txt", "wrongword fatalword noteword\n")
    write(tmp_path, "arts/old/b.txt", "wrongword fatalword\n")
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    return tmp_path


def test_pyproject_found_upwards_and_applied(project):
    run = run_cli(["check", "--format", "json"], cwd=project / "sub" / "deep")
    assert run.code == 1, run.err
    found = by_path(run.json())
    assert sorted(found) == ["../../arts/a.txt", "../../arts/old/b.txt"]  # relative to the cwd
    a = {f["code"]: f["severity"] for f in found["../../arts/a.txt"]}
    assert a == {"ZZ101": "error", "ZZ102": "info"}  # ZZ103 ignored; most specific severity wins
    assert [f["code"] for f in found["../../arts/old/b.txt"]] == ["ZZ102"]  # per-file-ignores


def test_fail_on_and_cli_overrides(project):
    write(project, "arts/a.txt", "noteword\n")
    write(project, "arts/old/b.txt", "nothing\n")
    assert run_cli(["check", "--fail-on", "info"], cwd=project).code == 0  # ZZ103 is ignored in the file
    run = run_cli(["check", "--select", "ZZ103", "--format", "json"], cwd=project)
    assert run.code == 0  # --select replaces the file's select and ignore; info is below fail-on error
    assert [f["severity"] for f in by_path(run.json())["arts/a.txt"]] == ["info"]
    assert run_cli(["check", "--select", "ZZ103", "--fail-on", "info"], cwd=project).code == 1
    assert run_cli(["check", "--select", "ZZ103", "--fail-on", "info", "--ignore", "ZZ103"], cwd=project).code == 0
    write(project, "auditor.toml", '[tool.auditor]\nselect = ["ZZ103"]\nfail-on = "info"\npaths = ["arts"]\n')
    assert run_cli(["check"], cwd=project).code == 1  # auditor.toml is found before pyproject.toml
    assert run_cli(["check", "--fail-on", "warning"], cwd=project).code == 0


def test_family_settings_reach_the_checks(project):
    """A top-level key that one family declares is that family's setting; a path setting is
    resolved from the config file's folder (from the working directory on the command line)."""
    from auditor import config, engine
    from auditor.registry import load_registry

    cfg = config.load(start=str(project / "sub"))
    plan = engine.make_plan(cfg, load_registry())
    assert plan.settings["names"]["house_names"] == str(project / "names.txt")
    write(project, "auditor.toml", '[testing]\nmarker = "final"\nword-list = "w.txt"\n')
    cfg = config.load(start=str(project))
    plan = engine.make_plan(cfg, load_registry())
    assert plan.settings["testing"] == {"marker": "final", "word_list": str(project / "w.txt")}
    write(project, "arts/a.txt", "Zedong and Zedara\n")
    run = run_cli(["check", "--select", "ZZ203", "--format", "json", "--setting", "testing.marker=late", "arts"],
                  cwd=project)
    assert "'Zedong' comes late" in run.out


def test_shared_analysis_runs_once_for_the_checks_that_use_it(tmp_path, zz):
    write(tmp_path, "a.txt", "Zedong spoke.\n")
    write(tmp_path, "b.txt", "Zedara replied.\n")
    run = run_cli(["check", "--select", "ZZ202,ZZ203", "--format", "json", "--jobs", "2", "."], cwd=tmp_path)
    assert run.code == 1, run.err
    messages = [f["message"] for r in run.json()["files"] for f in r["findings"]]
    assert sorted(messages) == ["'Zedara' comes last", "'Zedong' comes first"]
    write(tmp_path, "auditor.toml", "[options.zedwords]\nprefix = 'Zedo'\n")
    run = run_cli(["check", "--select", "ZZ202,ZZ203", "--format", "json", "."], cwd=tmp_path)
    assert [f["message"] for r in run.json()["files"] for f in r["findings"]] == ["'Zedong' comes first", "'Zedong' comes last"]
    write(tmp_path, "auditor.toml", "[options.zedword]\nprefix = 'Zedo'\n")
    run = run_cli(["check", "--select", "ZZ202", "."], cwd=tmp_path)
    assert run.code == 2 and "unknown check or analysis 'zedword'; did you mean zedwords?" in run.err


def test_a_deferred_analysis_is_completed_once_when_a_check_first_asks():
    from auditor import engine
    from auditor.api import Analysis, CorpusCheck, Deferred

    log = []

    class Aligned(Analysis):
        name = "aligned"

        def finalize(self, summary):
            log.append("finalized")
            return Deferred(lambda: log.append("completed") or ["the result"])

    class Broken(Analysis):
        name = "broken"

        def finalize(self, summary):
            return Deferred(lambda: 1 / 0)

    class UsesAligned(CorpusCheck):
        code, uses = "ZZ901", (Aligned,)

    class UsesBroken(CorpusCheck):
        code, uses = "ZZ902", (Broken,)

    notices = []
    outcomes = engine.AnalysisOutcomes({"aligned": Aligned(), "broken": Broken()}, {}, notices)
    assert log == ["finalized"]  # the rest waits for a check (the workers do it meanwhile)
    first, second = UsesAligned(), UsesAligned()
    assert outcomes.hand_to(first) and outcomes.hand_to(second)
    assert log == ["finalized", "completed"]
    assert first.analysis(Aligned) == second.analysis(Aligned) == ["the result"]
    assert not outcomes.hand_to(UsesBroken()) and not outcomes.hand_to(UsesBroken())
    assert [n.message for n in notices] == ["check broken failed (shared analysis) while comparing the files: "
                                            "ZeroDivisionError: division by zero"]


def test_analyses_that_lend_work_to_the_workers_are_finalized_first():
    from auditor import engine
    from auditor.api import Analysis

    order = []

    class Quick(Analysis):
        name = "quick"

        def finalize(self, summary):
            order.append(self.name)

    class Lending(Quick):
        name, lends_work = "lending", True

    engine.AnalysisOutcomes({"quick": Quick(), "lending": Lending(), "later": Quick()}, {}, [])
    assert order == ["lending", "quick", "quick"]


@pytest.mark.parametrize("toml, key", [
    ('bogus = 1', "'bogus'"),
    ('fail-on = "fatal"', "'fail-on'"),
    ('select = 3', "'select'"),
    ('select = ["N-M"]', "'select'"),
    ('ignore = [1]', "'ignore'"),
    ('jobs = -1', "'jobs'"),
    ('max-file-size = 0', "'max-file-size'"),
    ('house-names = 3', "'names.house-names'"),
    ('output-format = "xml"', "'output-format'"),
    ('severity = { ZZ101 = "fatal" }', "'severity.ZZ101'"),
    ('per-file-ignores = { "x" = 3 }', "'per-file-ignores.x'"),
    ('options = 3', "'options'"),
    ('[options.ZZ101]\nword = 3', "'options.ZZ101.word'"),
    ('[options.ZZ101]\nmin-count = true', "'options.ZZ101.min-count'"),
    ('[options.ZZ101]\nnope = 1', "'options.ZZ101.nope'"),
    ('[options.QQ999]\nx = 1', "'QQ999'"),
    ('select = [', "not valid TOML"),
])
def test_bad_config_exits_2_naming_the_key(tmp_path, zz, toml, key):
    write(tmp_path, "auditor.toml", toml + "\n")
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2
    assert key in run.err and "auditor.toml" in run.err
    assert run.out == ""


def test_unknown_code_in_select_is_an_error_with_the_nearest_code(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["check", "--select", "ZZ101,QQ", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and "--select: 'QQ' matches no check" in run.err
    run = run_cli(["check", "--ignore", "ZZ109", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and "'ZZ109' matches no check; did you mean ZZ10" in run.err
    assert run_cli(["check", "--select", "N-M", "a.txt"], cwd=tmp_path).code == 2
    write(tmp_path, "auditor.toml", '[per-file-ignores]\n"*.txt" = ["ZZ9"]\n')
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and "auditor.toml: 'per-file-ignores.*.txt': 'ZZ9' matches no check" in run.err


def test_bad_cli_values_exit_2(tmp_path, zz):
    write(tmp_path, "a.txt", "x\n")
    assert run_cli(["check", "--jobs", "-1", "a.txt"], cwd=tmp_path).code == 2
    assert run_cli(["check", "--format", "xml", "a.txt"], cwd=tmp_path).code == 2
    assert run_cli(["check", "--baseline", "missing.json", "a.txt"], cwd=tmp_path).code == 2
    assert run_cli(["check", "--house-names", "missing.txt", "a.txt"], cwd=tmp_path).code == 2
    assert run_cli(["check", "no-such-file.txt"], cwd=tmp_path).code == 2
    assert run_cli([]).code == 2
    run = run_cli(["check"], cwd=tmp_path)
    assert run.code == 2 and "no PATH given" in run.err


# --- suppression ------------------------------------------------------------------------------

def test_baseline_keeps_old_findings_quiet_and_fails_new_ones(tmp_path, zz):
    write(tmp_path, "auditor.toml", 'select = ["ZZ10"]\npaths = ["arts"]\n')
    write(tmp_path, "arts/a.txt", "wrongword and fatalword\n")
    write(tmp_path, "arts/b.md", "**wrongword**\n")
    assert run_cli(["check"], cwd=tmp_path).code == 1
    run = run_cli(["check", "--write-baseline"], cwd=tmp_path)
    assert run.code == 0 and "wrote 3 accepted findings" in run.err
    data = json.loads((tmp_path / ".auditor-baseline.json").read_text())
    assert {(e["code"], e["path"]) for e in data["findings"]} == {
        ("ZZ101", "arts/a.txt"), ("ZZ102", "arts/a.txt"), ("ZZ101", "arts/b.md")}
    assert all(len(e["hash"]) == 16 and "wrongword" not in e["hash"] for e in data["findings"])
    run = run_cli(["check", "--format", "json"], cwd=tmp_path)
    assert run.code == 0 and "accepted by the baseline" in run.err
    assert all(f["findings"] == [] for f in run.json()["files"])
    # moving an accepted finding keeps it accepted; a new one (or a second copy) fails
    write(tmp_path, "arts/a.txt", "Intro.\n\nwrongword and fatalword\n")
    assert run_cli(["check"], cwd=tmp_path).code == 0
    write(tmp_path, "arts/a.txt", "Intro.\n\nwrongword and fatalword, wrongword\n")
    run = run_cli(["check", "--format", "json"], cwd=tmp_path)
    assert run.code == 1
    assert [f["code"] for f in by_path(run.json())["arts/a.txt"]] == ["ZZ101"]
    # the same text in another file is a new finding: the key includes the path
    write(tmp_path, "arts/c.txt", "wrongword\n")
    run = run_cli(["check", "--format", "json", "--select", "ZZ101"], cwd=tmp_path)
    assert by_path(run.json())["arts/c.txt"] != []
    assert run_cli(["check", "--no-baseline"], cwd=tmp_path).code == 1
    # from a subfolder, the baseline next to the config is still found
    (tmp_path / "sub").mkdir()
    write(tmp_path, "arts/a.txt", "Intro.\n\nwrongword and fatalword\n")
    (tmp_path / "arts/c.txt").unlink()
    assert run_cli(["check"], cwd=tmp_path / "sub").code == 0


def test_corrupt_baseline_is_a_config_error(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    write(tmp_path, ".auditor-baseline.json", "{not json")
    run = run_cli(["check", "a.txt"], cwd=tmp_path)
    assert run.code == 2 and "not a valid auditor baseline" in run.err


@pytest.mark.parametrize("name, raw, kept", [
    ("own-line.md", "<!-- auditor: ignore ZZ101 -->\nwrongword one\nwrongword two\n", ["two"]),
    ("own-line.html", "<p>x</p>\n<!-- auditor: ignore ZZ101 -->\n<p>wrongword one</p>\n<p>wrongword two</p>\n",
     ["two"]),
    ("end-of-line.md", "wrongword one <!-- auditor: ignore ZZ101 -->\nwrongword two\n", ["two"]),
    ("end-of-line.html", "<p>wrongword one</p> <!-- auditor: ignore ZZ1 -->\n<p>wrongword two</p>\n", ["two"]),
    ("other-code.md", "<!-- auditor: ignore ZZ102 -->\nwrongword one\n", ["one"]),
    ("all-codes.md", "<!-- auditor: ignore -->\nwrongword one\nwrongword two\n", ["two"]),
    ("file.md", "wrongword one\n<!-- auditor: ignore-file ZZ101 -->\nwrongword two\n", []),
    ("file.html", "<!-- auditor: ignore-file -->\n<p>wrongword one</p>\n", []),
    ("plain.txt", "<!-- auditor: ignore ZZ101 -->\nwrongword one\n", ["one"]),  # text has no comments
])
def test_inline_suppression_comments(tmp_path, zz, name, raw, kept):
    write(tmp_path, name, raw)
    report, _, _ = check_json(tmp_path, "--select", "ZZ101", name)
    left = [raw[f["end"] + 1:f["end"] + 4] for f in by_path(report)[name]]
    assert left == kept


# --- CLI --------------------------------------------------------------------------------------

def test_exit_codes_and_fail_on(tmp_path, zz):
    write(tmp_path, "clean.txt", "nothing to see\n")
    write(tmp_path, "info.txt", "noteword\n")
    write(tmp_path, "err.txt", "fatalword\n")
    assert run_cli(["check", "--select", "ZZ", "clean.txt"], cwd=tmp_path).code == 0
    assert run_cli(["check", "--select", "ZZ", "info.txt"], cwd=tmp_path).code == 0  # default: warning
    assert run_cli(["check", "--select", "ZZ", "--fail-on", "info", "info.txt"], cwd=tmp_path).code == 1
    assert run_cli(["check", "--select", "ZZ", "--fail-on", "error", "err.txt"], cwd=tmp_path).code == 1
    assert run_cli(["check", "--select", "ZZ", "--fail-on", "never", "err.txt"], cwd=tmp_path).code == 0
    assert run_cli(["check", "--select", "ZZ", "--exit-zero", "err.txt"], cwd=tmp_path).code == 0


def test_statistics_text_and_json(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword wrongword fatalword\n")
    write(tmp_path, "b.txt", "wrongword\n")
    run = run_cli(["check", "--select", "ZZ", "--statistics", "."], cwd=tmp_path)
    assert run.code == 1
    assert [line.split()[:3] for line in run.out.splitlines()] == [["3", "ZZ101", "[warning]"],
                                                                   ["1", "ZZ102", "[error]"]]
    run = run_cli(["check", "--select", "ZZ", "--statistics", "--format", "json", "."], cwd=tmp_path)
    rows = json.loads(run.out)
    assert rows[0] == {"code": "ZZ101", "severity": "warning", "count": 3, "family": "testing",
                       "summary": "A marked word occurs"}


def test_quiet_prints_findings_only(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    write(tmp_path, "empty.txt", "")
    loud = run_cli(["check", "--select", "ZZ", "."], cwd=tmp_path)
    assert "empty.txt: empty file" in loud.err and "Found 1 finding" in loud.out
    run = run_cli(["check", "--select", "ZZ", "--quiet", "."], cwd=tmp_path)
    assert run.code == 1
    assert run.out == "a.txt:1:1: ZZ101 [warning] 'wrongword' is marked (suggest: right word)\n"  # -q keeps it
    assert "empty.txt" not in run.err


def test_text_output_lines(tmp_path, zz):
    write(tmp_path, "a.txt", "x\nsee wrongword\n")
    run = run_cli(["check", "--select", "ZZ101", "a.txt"], cwd=tmp_path)
    assert run.out.splitlines() == ["a.txt:2:5: ZZ101 [warning] 'wrongword' is marked (suggest: right word)",
                                    "Found 1 finding in 1 of 1 file.",
                                    "1 fixable with `auditor fix --unsafe-fixes`."]
    write(tmp_path, "b.txt", "fatalword\n")
    run = run_cli(["check", "--select", "ZZ102", "b.txt"], cwd=tmp_path)
    assert run.out.splitlines() == ["b.txt:1:1: ZZ102 [error] [*] fatal word",
                                    "Found 1 finding in 1 of 1 file.",
                                    "[*] 1 fixable with `auditor fix`."]


def test_report_command_is_never_a_silent_no_op(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    run = run_cli(["report", "-o", str(tmp_path / "site"), "a.txt"], cwd=tmp_path)
    if run.code == 2 and "not available" in run.err:
        return  # the report site is not built yet: a clear message
    assert run.code in (0, 1), run.err
    assert (tmp_path / "site").is_dir() and any((tmp_path / "site").iterdir())


def test_python_dash_m_and_console_script(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword\n")
    env = dict(os.environ, PYTHONPATH=zz)
    run = subprocess.run([sys.executable, "-m", "auditor", "check", "--select", "ZZ101", "--format", "json", "a.txt"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["files"][0]["findings"][0]["code"] == "ZZ101"
    run = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "auditor" in run.stdout


def test_main_returns_an_int_and_never_raises():
    from auditor.cli import main

    assert main(["--version"]) == 0
    assert main(["check", "--no-such-flag"]) == 2
    assert main(["rules"]) == 0


# --- machine output ---------------------------------------------------------------------------

def test_json_contract_exactly(tmp_path, zz):
    write(tmp_path, "a.txt", "wrongword then fatalword\n")
    write(tmp_path, "clean.md", "# Nothing here\n")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "sub/c.html", "<p>noteword</p>\n")
    run = run_cli(["check", "--format", "json", "--select", "ZZ", "."], cwd=tmp_path)
    assert run.code == 1
    report = json.loads(run.out)  # the whole of stdout is one JSON object
    assert list(report) == ["version", "files"] and report["version"] == 1
    assert [f["path"] for f in report["files"]] == ["a.txt", "clean.md", "empty.txt", "sub/c.html"]
    for entry in report["files"]:
        assert list(entry) == ["path", "findings"]
        for f in entry["findings"]:
            assert list(f) == FINDING_KEYS
            assert isinstance(f["code"], str) and isinstance(f["family"], str) and isinstance(f["message"], str)
            assert f["severity"] in ("error", "warning", "info")
            assert all(type(f[k]) is int for k in ("start", "end", "line", "column"))
            assert f["line"] >= 1 and f["column"] >= 1 and 0 <= f["start"] <= f["end"]
            assert f["suggestion"] is None or isinstance(f["suggestion"], str)
    a = by_path(report)["a.txt"]
    assert [(f["code"], f["severity"], f["start"], f["end"]) for f in a] == [
        ("ZZ101", "warning", 0, 9), ("ZZ102", "error", 15, 24)]
    assert a[1]["suggestion"] is None and a[0]["suggestion"] == "right word"


def test_sarif_valid_against_the_official_schema(tmp_path, zz):
    jsonschema = pytest.importorskip("jsonschema")
    write(tmp_path, "a b.txt", "Zedong wrongword fatalword noteword\n")
    write(tmp_path, "é/c.md", "**Zedong** here\n")
    run = run_cli(["check", "--format", "sarif", "--select", "ZZ", "."], cwd=tmp_path)
    assert run.code == 1
    log = json.loads(run.out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["ZZ101"]["shortDescription"]["text"] == "A marked word occurs"
    assert rules["ZZ102"]["defaultConfiguration"]["level"] == "error"
    results = log["runs"][0]["results"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"ZZ101": "warning", "ZZ102": "error", "ZZ103": "note", "ZZ201": "warning",
                      "ZZ202": "warning", "ZZ203": "warning"}
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"a%20b.txt", "%C3%A9/c.md"}
    assert any("relatedLocations" in r for r in results)


def test_github_annotations(tmp_path, zz):
    write(tmp_path, "a,b.txt", "x\nwrongword fatalword noteword\n")
    run = run_cli(["check", "--format", "github", "--select", "ZZ", "."], cwd=tmp_path)
    assert run.out.splitlines() == [
        "::warning file=a%2Cb.txt,line=2,col=1,endLine=2,endColumn=10,title=ZZ101::'wrongword' is marked"
        " (suggest: right word)",
        "::error file=a%2Cb.txt,line=2,col=11,endLine=2,endColumn=20,title=ZZ102::fatal word",
        "::notice file=a%2Cb.txt,line=2,col=21,endLine=2,endColumn=29,title=ZZ103::note word",
    ]


def test_seed_json_lists_every_seed_and_offsets_are_in_range(seeds_report):
    from conftest import SEEDS

    for entry in seeds_report["files"]:
        raw = read_raw(SEEDS / entry["path"])
        for f in entry["findings"]:
            assert 0 <= f["start"] <= f["end"] <= len(raw)
            assert raw.count("\n", 0, f["start"]) + 1 == f["line"]


def test_english_frequencies_match_wordfreq():
    """auditor.lexicon reads wordfreq's data file itself (to skip wordfreq's imports); the result
    must be wordfreq's own dictionary."""
    import wordfreq

    from auditor.lexicon import english_frequencies

    assert dict(english_frequencies().items()) == wordfreq.get_frequency_dict("en")


def _reported(code: str, severity: str, start: int, end: int, fix: str | None):
    from auditor.placement import Reported
    family = {"NM": "names", "TR": "translation"}[code[:2]]
    return Reported(code, family, severity, start, end, 1, start + 1, 1, end + 1, f"{code} says so",
                    raw_edits=((start, end, fix),) if fix is not None else ())


def test_one_finding_per_family_span_and_fix_the_graver_stays():
    from auditor.engine import merged
    variant = _reported("NM101", "error", 10, 20, "Lukashenko")
    case_form = _reported("NM107", "warning", 10, 20, "Lukashenko")
    assert merged([case_form], [variant]) == [variant]
    # the same span with another fix, another family, or no fix at all: all stay
    other_fix = _reported("NM107", "warning", 10, 20, "Lukashenkos")
    translation = _reported("TR301", "warning", 10, 20, "Lukashenko")
    fragment = _reported("TR501", "warning", 10, 20, None)
    renditions = _reported("TR603", "info", 10, 20, None)
    kept = merged([variant, other_fix], [translation, fragment, renditions])
    assert [f.code for f in kept] == ["NM101", "NM107", "TR301", "TR501", "TR603"]
    # a tie in severity: code order decides
    calque = _reported("TR302", "warning", 10, 20, "Lukashenko")
    assert [f.code for f in merged([calque], [translation])] == ["TR301"]
