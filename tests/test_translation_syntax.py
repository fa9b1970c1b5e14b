"""The translation family's syntax tests: the word-class table, and TR101 with and without the
optional parser (both paths; the parser path is skipped where spaCy and its model are missing)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditor.checks.translation import NoFiniteVerb, parse
from auditor.checks.translation.verbs import has_finite_verb
from auditor.checks.translation.tokens import words
from auditor.document import Document

ROOT = Path(__file__).resolve().parent.parent

BODY = ("The league council fined the club forty thousand euros at its meeting in Zurich on Tuesday. "
        "For breach of the rules. The club said it would appeal against the fine.\n")


def _tokens(text):
    return [m.group() for m in words(text)]


@pytest.mark.parametrize("text, verb", [
    ("Russian action.", False),
    ("In the framework of European integration.", False),
    ("The newspapers charge a fee for every notice.", True),
    ("Some people prefer to train after eating.", True),
    ("You’ll then visit the old town.", True),
    ("Please include your full name.", True),
])
def test_verb_test(text, verb):
    assert has_finite_verb(_tokens(text)) is verb


def _found(text):
    return [text[f.start:f.end] for f in NoFiniteVerb().check(Document("a.txt", text))]


def test_rule_path(monkeypatch):
    monkeypatch.setenv("AUDITOR_PARSER", "off")
    parse.pipeline.cache_clear()
    try:
        assert parse.pipeline() is None
        assert "none installed" in parse.model_status()
        assert _found(BODY) == ["For breach of the rules."]
    finally:
        parse.pipeline.cache_clear()


def test_parser_path():
    pytest.importorskip("spacy")
    parse.pipeline.cache_clear()
    if parse.pipeline() is None:
        pytest.skip("no English spaCy pipeline installed (pip install 'news-auditor[parse]')")
    assert "spaCy" in parse.model_status()
    assert parse.has_finite_verb("For breach of the rules.") is False
    assert parse.has_finite_verb("The club said it would appeal.") is True
    assert _found(BODY) == ["For breach of the rules."]


def test_word_classes_agree_with_lemminflect():
    pytest.importorskip("lemminflect")
    pytest.importorskip("wordfreq")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_word_classes.py"), "--check"])
    assert run.returncode == 0, "data/word_classes.tsv is out of date: run scripts/build_word_classes.py"
