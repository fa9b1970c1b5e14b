"""One test for every check's examples (`examples/<CODE>.txt` beside its module) and for the
example and counter-example of every entry of every data file (`data_examples()`)."""
from __future__ import annotations

import os

import pytest

from auditor import engine, examples
from auditor.config import Config
from auditor.registry import load_registry

REGISTRY = load_registry()
RULES = [r for r in REGISTRY.sorted() if r.source in ("names", "boilerplate", "translation")]


def _cases():
    for rule in RULES:
        for case in examples.load(rule.cls):
            yield pytest.param(rule.cls, case, id=f"{rule.code}:{case.title[:60]}")


def _data_examples():
    seen = set()
    for rule in RULES:
        for ex in rule.cls.data_examples():
            key = (ex.source, ex.text, ex.expected)
            if key not in seen:
                seen.add(key)
                yield pytest.param(ex, id=f"{rule.code}:{ex.source}:{'+' if ex.expected else '-'}")


def audit_case(cls, case: examples.Case, folder) -> dict[str, list]:
    for name, text in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    cfg = Config(select=[cls.code], root=str(folder))
    for key, value in case.settings.items():
        cfg.cli_settings[key] = str(folder / value) if (folder / value).exists() else value
    old = os.getcwd()
    os.chdir(folder)
    try:
        articles = [n for n in case.files if n not in case.settings.values()]
        result = engine.run(articles, cfg, REGISTRY, jobs=1)
    finally:
        os.chdir(old)
    assert not result.errors, [str(n) for n in result.notices]
    return {r.path: [f for f in r.findings if f.code == cls.code] for r in result.files}


@pytest.mark.parametrize("cls, case", list(_cases()))
def test_check_example(cls, case, tmp_path):
    found = audit_case(cls, case, tmp_path)
    raw = {name: (tmp_path / name).read_text(encoding="utf-8") for name in case.files}
    shown = {name: [(raw[name][f.start:f.end], f.suggestion) for f in fs] for name, fs in found.items() if fs}
    for mark in case.marks:
        hits = [f for f in found.get(mark.file, ()) if f.start < mark.end and mark.start < f.end]
        assert hits, f"{case.source}: missed [[{raw[mark.file][mark.start:mark.end]}]]; found {shown}"
        if mark.suggestion is not None:
            assert any(f.suggestion == mark.suggestion for f in hits), \
                f"{case.source}: suggestion {mark.suggestion!r} expected, found {shown}"
    for name, fs in found.items():
        for f in fs:
            assert any(m.file == name and f.start < m.end and m.start < f.end for m in case.marks), \
                f"{case.source}: unexpected finding on {raw[name][f.start:f.end]!r} in {name}: {f.message}"


@pytest.mark.parametrize("example", list(_data_examples()))
def test_data_example(example):
    assert example.passes(), (f"{example.source}: expected {'a match' if example.expected else 'no match'} "
                              f"on {example.text!r}")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_check_has_an_example_and_a_counter_example(rule):
    cases = examples.load(rule.cls)
    assert any(c.positive for c in cases), f"{rule.code}: no example ({examples.examples_file(rule.cls)})"
    assert any(not c.positive for c in cases), f"{rule.code}: no counter-example"


def test_parse_format():
    text = ("# comment\n=== one file\nA [[Kurles -> Kurils]] line.<nbsp>x\n"
            "=== two files\nsetting: house-names=n.txt\n--- n.txt\nKyiv | Kiev\n--- b.md\n# Head\n\nNo marks.\n")
    one, two = examples.parse(text, "x.txt")
    assert one.files == {"a.txt": "A Kurles line.\u00a0x\n"}
    assert one.marks == [examples.Mark("a.txt", 2, 8, "Kurils")] and one.source == "x.txt:2"
    assert two.settings == {"house-names": "n.txt"} and two.files["b.md"] == "# Head\n\nNo marks.\n"
    assert not two.positive
