"""Boilerplate family (BP): example tables, data files, regex safety, corpus repetition, seeds."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from auditor.checks import boilerplate
from auditor.checks.boilerplate.phrases import families
from auditor.document import Document
from conftest import audit_texts, caught, seed_text

EXAMPLES = Path(boilerplate.__file__).resolve().parent / "examples"
CHECKS = {cls.code: cls for cls in boilerplate.CHECKS}


def _cases():
    for path in sorted(EXAMPLES.glob("BP*.txt")):
        body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                         if not ln.startswith("#"))
        for n, case in enumerate(body.split("\n---\n")):
            lines = [ln for ln in case.strip("\n").splitlines() if ln.strip()]
            yield pytest.param(path.stem, lines, id=f"{path.stem}-{n}")


def _document(lines: list[str]) -> tuple[Document, list[tuple[int, int, bool]]]:
    """The case as one document (a paragraph a line) and the span of each line with its mark."""
    text, spans = "", []
    for line in lines:
        marked = line.startswith("! ")
        line = (line[2:] if marked else line).replace("<nbsp>", "\xa0")
        spans.append((len(text), len(text) + len(line), marked))
        text += line + "\n\n"
    return Document("case.txt", text), spans


@pytest.mark.parametrize("code, lines", list(_cases()))
def test_example_table(code, lines):
    doc, spans = _document(lines)
    findings = list(CHECKS[code]().check(doc))
    for start, end, marked in spans:
        hit = any(f.start < end and start < f.end for f in findings)
        assert hit == marked, (f"{code}: {'missed' if marked else 'false alarm on'} "
                               f"{doc.text[start:end]!r}; findings: {[f.message for f in findings]}")
    for f in findings:
        assert f.suggestion and "remove" in f.message


@pytest.mark.parametrize("family", families(), ids=lambda f: f.path)
def test_every_pattern_matches_its_example(family):
    assert family.patterns and family.code in CHECKS and family.about
    for p in family.patterns:
        assert p.example, p.source
        assert p.regex.search(p.example.replace("\xa0", " ")), (family.path, p.source, p.example)


def test_patterns_are_safe_on_huge_lines():
    nasty = ["a" * 1_000_000, "Photo: " + "x" * 1_000_000, ("Read more " * 100_000),
             "foreign agent " + "produced, " * 100_000]
    for family in families():
        for text in nasty:
            t0 = time.perf_counter()
            family.match(text)
            assert time.perf_counter() - t0 < 1.0, family.path


def test_odd_input_does_not_crash():
    for text in ["", "\n\n\n", "x", "\xa0\xa0", "a" * 200_000, "Title\n" + "- item\n" * 5000]:
        doc = Document("odd.txt", text)
        for cls in boilerplate.CHECKS:
            if not cls.is_corpus:
                list(cls().check(doc))


def test_explain_lists_the_families():
    text = CHECKS["BP101"].describe()
    assert "related.txt" in text and "comments.txt" in text


STORIES = [
    "Leeds approves housing plan\n\nThe council voted to build 400 flats on the old tram depot site by 2027.\n\n"
    "Tenants groups welcomed the decision but asked for lower rents in the new blocks.\n\n",
    "Porto opens new cycle lanes\n\nCyclists can now ride from the river to the airport on a protected path.\n\n"
    "Shopkeepers on the main avenue complained that parking spaces had been removed.\n\n",
    "Graz school wins science prize\n\nA team of pupils built a weather balloon that reached 30 kilometres.\n\n"
    "Their teacher said the pupils had spent two winters testing the radio transmitter.\n\n",
    "Split harbour to get ferry terminal\n\nThe port authority signed a contract for a terminal serving island ferries.\n\n"
    "Fishermen fear the works will close their moorings during the summer season.\n\n",
]
TEMPLATE = "Follow Coastal Daily on Mastodon for more\n"


def test_corpus_repetition_across_unrelated_files(tmp_path):
    files = {f"{i}.txt": story + TEMPLATE for i, story in enumerate(STORIES)}
    found = audit_texts(files, tmp_path, select="BP402")
    for name, text in files.items():
        quotes = [text[f["start"]:f["end"]] for f in found.get(name, [])]
        assert quotes == [TEMPLATE.strip()], (name, quotes)


def test_corpus_repetition_ignores_renditions_of_one_story(tmp_path):
    base = STORIES[0] + "Tenants said they would watch the works closely, the group's chair said.\n\n" + TEMPLATE
    files = {f"{i}.txt": base.replace("400", n) for i, n in enumerate(["400", "410", "420", "430"])}
    found = audit_texts(files, tmp_path, select="BP402")
    assert not any(found.get(name) for name in files), found


def test_seeds(seeds_report, seeds_expected):
    from conftest import findings_by_path

    by_path = findings_by_path(seeds_report)
    items = [it for it in seeds_expected["items"] if it["family"] == "boilerplate"]
    for it in items:
        if it["level"] in ("must", "should"):
            assert caught(it, seed_text(it["file"]), by_path.get(it["file"], [])), it
    for name, findings in by_path.items():
        if "/" in name:  # generated reports or other folders inside seeds/ are not seed articles
            continue
        text = seed_text(name)
        mine = [it for it in items if it["file"] == name]
        for f in findings:
            if f["family"] != "boilerplate":
                continue
            assert any(caught(it, text, [f]) for it in mine), (name, text[f["start"]:f["end"]])
