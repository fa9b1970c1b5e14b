"""Example tables of the single-text translation checks (checks/translation/examples/TR*.txt),
run by one parametrized test, and the seeds acceptance for these codes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.checks.translation import single
from auditor.document import Document
from conftest import caught, findings_by_path, seed_text

EXAMPLES = Path(single.__file__).resolve().parent / "examples"
CHECKS = {cls.code: cls for cls in single.CHECKS}
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def _examples():
    for path in sorted(EXAMPLES.glob("TR[1-5]*.txt")):
        code = path.stem
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line[:2] in ("+ ", "- "):
                yield pytest.param(code, line[0] == "+", line[2:].replace("\\n", "\n"),
                                   id=f"{code}:{n}")


def _spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without [[ ]] marks, and the marked spans in it."""
    text, spans, pos = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        pos = m.end()
    return text + marked[pos:], spans


@pytest.mark.parametrize("code,positive,marked", list(_examples()))
def test_example(code, positive, marked):
    text, spans = _spans(marked)
    check = CHECKS[code]()
    found = list(check.check(Document("example.txt", text)))
    if not positive:
        assert not found, [text[f.start:f.end] for f in found]
        return
    assert found, f"{code} missed: {text!r}"
    for a, b in spans:
        assert any(f.start < b and a < f.end for f in found), \
            (text[a:b], [text[f.start:f.end] for f in found])


def test_every_check_has_examples():
    have = {p.stem for p in EXAMPLES.glob("TR[1-5]*.txt")}
    assert set(CHECKS) <= have, set(CHECKS) - have


def test_output_is_deterministic():
    text = "Officials said the programme, known as gosudarstvennaya podderzhka semey, would continue."
    runs = [[(f.start, f.end, f.message) for c in single.CHECKS for f in c().check(Document("a.txt", text))]
            for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


SINGLE_TEXT_MUST = ["Russia And Japan World War II has not yet been systematically ended", "Russian action.",
                    "regain Russia’s preferred national trade status",
                    "The ministry statement Russia “it is impossible", "Quote According to Kyodo News."]


def test_seeds_single_text_items_caught(seeds_report, seeds_expected):
    items = [it for it in seeds_expected["items"] if it["quote"] in SINGLE_TEXT_MUST]
    assert len(items) == len(SINGLE_TEXT_MUST)
    for it in items:
        findings = [f for f in findings_by_path(seeds_report)[it["file"]] if f["code"][:3] in CODES]
        assert caught(it, seed_text(it["file"]), findings), it["quote"]


CODES = {c[:3] for c in CHECKS}  # TR1..TR5 prefixes: this half of the family


def test_seeds_no_stray_single_text_findings(seeds_report, seeds_expected):
    labelled = {}
    for it in seeds_expected["items"]:
        if it["family"] != "translation":
            continue
        text = seed_text(it["file"])
        i = text.find(it["quote"])
        while i >= 0:
            labelled.setdefault(it["file"], []).append((i, i + len(it["quote"])))
            i = text.find(it["quote"], i + 1)
    stray = [(path, f["code"]) for path, fs in findings_by_path(seeds_report).items() for f in fs
             if f["code"][:3] in CODES
             and not any(f["start"] < b and a < f["end"] for a, b in labelled.get(path, []))]
    assert not stray
