"""Seeds acceptance of the single-text translation checks (TR1xx-TR5xx) and the determinism of
their output. Their examples and data examples are run by tests/test_examples.py."""
from __future__ import annotations

from auditor.checks.translation import CHECKS
from auditor.document import Document
from conftest import caught, findings_by_path, seed_text

SINGLE = [cls for cls in CHECKS if not cls.is_corpus]
CODES = {cls.code[:3] for cls in SINGLE}  # TR1..TR5 prefixes: this half of the family


def test_output_is_deterministic():
    text = "Officials said the programme, known as gosudarstvennaya podderzhka semey, would continue."
    runs = [[(f.start, f.end, f.message) for c in SINGLE for f in c().check(Document("a.txt", text))]
            for _ in range(3)]
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_messages_are_short():
    """Messages quote clipped excerpts and stay under about 200 characters."""
    text = ("Russia And Japan World War II has not yet been systematically ended due to the blockade. "
            "Japan announced plans to regain Russia’s preferred national trade status and freeze assets. "
            "The hotel has more than two hundred rooms rooms. The ministry said the countryâ€™s position "
            "had not changed. Kishida spoke on Monday and the talks were long. Quote According to Kyodo News.")
    found = [f for c in SINGLE for f in c().check(Document("a.txt", text))]
    assert len({f.message for f in found}) >= 5
    assert all(len(f.message) <= 200 for f in found), [f.message for f in found if len(f.message) > 200]


SINGLE_TEXT_MUST = ["Russia And Japan World War II has not yet been systematically ended", "Russian action.",
                    "regain Russia’s preferred national trade status",
                    "The ministry statement Russia “it is impossible", "Quote According to Kyodo News."]


def test_seeds_single_text_items_caught(seeds_report, seeds_expected):
    items = [it for it in seeds_expected["items"] if it["quote"] in SINGLE_TEXT_MUST]
    assert len(items) == len(SINGLE_TEXT_MUST)
    for it in items:
        findings = [f for f in findings_by_path(seeds_report)[it["file"]] if f["code"][:3] in CODES]
        assert caught(it, seed_text(it["file"]), findings), it["quote"]


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


def _fixed(cls, text: str) -> tuple[str, set[str]]:
    """`text` with the edits of every finding of `cls` applied, and the fixes' applicabilities."""
    found = list(cls().check(Document("a.txt", text)))
    edits = sorted((e for f in found for e in f.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.replacement + text[e.end:]
    return text, {f.applicability for f in found if f.edits}


def test_fixes():
    from auditor.api import SAFE, UNSAFE
    from auditor.checks.translation import (DoubledWord, MangledFixedTerm, Mojibake, QuoteMarkerWord,
                                            StrayCapital)

    assert _fixed(DoubledWord, "It has two hundred rooms rooms, he had had enough.\n") == \
        ("It has two hundred rooms, he had had enough.\n", {SAFE})
    assert _fixed(Mojibake, "The countryâ€™s and the ministerâ€™s reply.\n") == \
        ("The country’s and the minister’s reply.\n", {SAFE})
    assert _fixed(StrayCapital, "The talks in Geneva Are expected to resume, officials said.\n") == \
        ("The talks in Geneva are expected to resume, officials said.\n", {UNSAFE})
    assert _fixed(MangledFixedTerm, "Regain Russia’s preferred national trade status, he said.\n") == \
        ("Revoke Russia’s most-favoured-nation status, he said.\n", {UNSAFE})
    text = "The minister said, Quote We will not give up. Unquote. The talks ended. He said Unquote.\n"
    assert _fixed(QuoteMarkerWord, text) == \
        ("The minister said, We will not give up. The talks ended. He said.\n", {UNSAFE})
    assert _fixed(QuoteMarkerWord, "We will not give up. Unquote.\nNext line.\n")[0] == \
        "We will not give up.\nNext line.\n"
