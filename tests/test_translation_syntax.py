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


def test_clause_shapes_of_the_source_language():
    """Shapes English grammar lacks, found from the word-class table: verb-subject statements,
    verb-final clauses, participial clauses standing alone, nominal sentences without a copula;
    English sentences of a similar look are left alone."""
    from auditor.checks.translation import clause_shapes as cs
    assert cs.verb_before_subject("Condemned the Ministry of Foreign Affairs the attack on the convoy.")
    assert cs.verb_before_subject("Received the Emir, on Sunday, the credentials of the new envoy.")
    assert not cs.verb_before_subject("Joined the Navy in 1990 and served for twenty years.")
    assert cs.verb_at_clause_end("The council has after a long debate the new budget approved.")
    assert cs.verb_at_clause_end("Critics feared that the reform the courts weaken could.")[2]
    for native in ("She had the old car repaired.", "You will likely see the nap phase disappear.",
                   "It is the same conclusion the panel reached.", "They left as soon as they could."):
        assert not cs.verb_at_clause_end(native), native
    assert cs.participial_only("Indicating that the talks would resume after the holiday.")
    assert not cs.participial_only("Indicating that the talks would resume, the envoy left the room.")
    assert cs.measure_without_verb("The height of the new tower 310 metres.")
    assert cs.measure_without_verb("The line is new, and its capacity 40,000 passengers a day.")
    assert not cs.measure_without_verb("The height of the new tower reached 310 metres.")
    assert not cs.measure_without_verb("The class of 2024 and the cost of 5 dollars.")


def test_clause_shapes_comma_object_last_and_fronted_phrases():
    from auditor.checks.translation import clause_shapes as cs
    assert cs.comma_before_verb("The team of engineers sent by the ministry, inspected the dam on Friday.")
    assert cs.comma_before_verb("The new rules for small traders, are expected to apply from June.")
    for native in ("The museum, visited by thousands, reopened.", "The problem, said the mayor, is money.",
                   "The space, called Club Contact, will open in May.", "The next day, visited the museum."):
        assert not cs.comma_before_verb(native), native
    assert cs.object_verb_last("The volunteers with food and water to the flooded district dispatched.")
    assert not cs.object_verb_last("The woman in the blue coat disappeared.")
    assert cs.fronted_phrase_verb_subject("In the clean-up participated more than 200 volunteers.")
    assert not cs.fronted_phrase_verb_subject("Among the injured were three children.")
