"""The calque tables (TR302) and the source-language fingerprint (TR407, TR701): one table per
source language the issue names, every entry and cue with an example and a native counter-example
(run by tests/test_examples.py through data_examples), and the verdict's guards."""
from __future__ import annotations

import re

from auditor.checks.translation import Calque, SourceLanguage, SourceTypography, calques, fingerprint
from auditor.document import Document

LANGUAGES = {"fr", "es", "pt", "it", "de", "pl", "ru", "uk", "tr", "ar", "fa", "zh", "ja", "ko", "vi"}


def test_one_table_per_language():
    assert {code for code, _, _ in calques.tables()} >= LANGUAGES


def test_every_entry_has_example_and_counter():
    for e in calques.entries():
        assert e.data.get("example") and e.data.get("counter") and e.data.get("english"), e.data
        assert e.data.get("forms") or e.data.get("regex"), e.data
        assert set(e.languages) <= {c for c, _, _ in calques.tables()}, e.data
    for i, cue in enumerate(fingerprint.cues()):
        assert cue.languages and set(cue.languages) <= {c for c, _, _ in calques.tables()}, cue.name


def test_unreported_entries_count_as_evidence_only():
    text = "The epidemic situation in the province has stabilised, officials said on Monday.\n"
    doc = Document("a.txt", text)
    assert not list(Calque().check(doc))
    assert any(ev.kind.startswith("calque") for ev in fingerprint.evidence(doc))


def test_verdict_needs_two_kinds_of_evidence():
    one = Document("a.txt", "The drills were held in the framework of a joint exercise, the ministry said.\n")
    assert not list(SourceLanguage().check(one))
    two = Document("a.txt", "The drills were held in the framework of a joint exercise. Decree № 145 was signed.\n")
    (f,) = SourceLanguage().check(two)
    assert "Russian" in f.message and len(f.message) <= 200


def test_a_shared_cue_decides_nothing_alone():
    text = "Inflation slowed to 2,5 percent. More than 1.200 people lost their jobs.\n"
    assert list(SourceTypography().check(Document("a.txt", text)))
    assert not list(SourceLanguage().check(Document("a.txt", text)))


def test_dates_in_other_calendars():
    """A month of another calendar beside a day is reported, with the calendar's language as
    evidence; a month name alone, or a date also given in the Gregorian calendar, is not."""
    text = ("Aid convoys reached the village on 3 Ordibehesht, officials said.\n\n"
            "Farmers lost the crop of Khordad to hail. Prayers on 9 Dey (30 December) drew crowds.\n")
    findings = list(Calque().check(Document("a.txt", text)))
    assert [text[f.start:f.end] for f in findings] == ["3 Ordibehesht"]
    assert "Persian solar calendar" in findings[0].message and len(findings[0].message) <= 200
    text = "The pilgrims left Mecca on Dhul-Hijjah 12. The decree took effect on the 2nd of Rabi' al-Awwal.\n"
    found = [text[f.start:f.end] for f in Calque().check(Document("b.txt", text))]
    assert found == ["Dhul-Hijjah 12", "2nd of Rabi' al-Awwal"]


def test_gates_are_necessary_conditions():
    """The cheap tests that spare the regular expressions (every word of a form present, the
    literal every match of a regex holds) never drop a match: a regex's literal is the longest run
    of plain characters it always matches, and a text with a letter that case-insensitive matching
    folds unlike lowercasing ('ſ' matches 's') is searched in full."""
    from auditor.checks.translation import phrase_forms, regex_gates

    assert regex_gates.required_literal(r"\b(?:such as|including) [^.\n]{3,80}? and so on\b") == " and so on"
    assert regex_gates.required_literal(r"\b[Tt]he (?:dead|injured) (?:is|are)\b") == "he "
    assert regex_gates.required_literal(r"(?i)the said") == ""
    assert regex_gates.required_literal(r"(?:a|b)") == ""
    slots = phrase_forms.slot_keywords("the two parties stressed|discussed …")
    assert slots == (frozenset({"the"}), frozenset({"two"}), frozenset({"parties"}),
                     frozenset({"stressed", "discussed"}))
    assert not phrase_forms.can_match(slots, {"the", "parties", "stressed"})
    said = next(e for e in calques.entries() if e.literal == "the said ")
    text = "The court heard that the said company had failed to pay its workers for months.\n"
    assert [h.entry.index for h in calques.find(text, [(0, len(text))])] == [said.index]
    parties = next(e for e in calques.entries() if "the two parties stressed|discussed|reviewed" in e.data.get("forms", ()))
    text = "The two parties stressed the importance of the talks, the statement said.\n"
    for t in (text, text.replace("parties", "partieſ")):
        assert parties.index in [h.entry.index for h in calques.find(t, [(0, len(t))])]


def test_cues_that_open_on_a_number_are_tried_at_numbers_only():
    """A cue that opens with a word boundary and a digit is matched at the text's numbers only,
    and finds what a search through the whole text finds."""
    from auditor.checks.translation import regex_gates

    assert regex_gates.opens_on_number(r"\b\d{1,3},\d{1,2} percent")
    assert regex_gates.opens_on_number(r"(?<![\d.])\b(?:[012]?\d|3[01])\.(?:0?[1-9]|1[0-2])\.")
    assert not regex_gates.opens_on_number(r"\d{1,3},\d")  # no boundary: may start inside a number
    assert not regex_gates.opens_on_number(r"\b(?:on|of) the \d")
    assert not regex_gates.opens_on_number(r"\b\d?x")
    pattern = re.compile(r"\b\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,/:])", re.M)
    assert regex_gates.opens_on_number(pattern.pattern, re.M)
    for text in ("Some 12 000 people and 1 000 000 more, 3 5000, x1 000 and 7 000 000.5",
                 "1 000", "", "no numbers", "٣ ٠٠٠ and 4 000"):
        expected = [m.span() for m in pattern.finditer(text)]
        found = [m.span() for m in regex_gates.matches_at_numbers(pattern, text, regex_gates.numbers(text))]
        assert found == expected, text


def test_tail_gates_find_something_wherever_their_pattern_matches():
    """A pattern that opens with an assertion or an alternation is searched for only in a text
    where the part from its longest literal on (its tail) matches: never in vain, never missed."""
    from auditor.checks.translation import regex_gates

    regex = r"\b(?:on|of|by) the \d{1,2}(?:st|nd|rd|th)\b(?! of)"
    gate = regex_gates.tail_gate(regex, re.M)
    assert gate is not None
    for text in ("on the 12th", "on the 12th of May", "by the 3rd\nand", "the 3rd", "on the 123rd", ""):
        assert bool(re.search(regex, text, re.M)) <= bool(gate.search(text)), text
    assert not gate.search("the board met on Monday")
    assert regex_gates.tail_gate(r"the \d+") is None            # opens on its literal already
    assert regex_gates.tail_gate(r"\b(?:a|b) (\d)") is None     # a one-character literal
    assert regex_gates.tail_gate(r"(\w+) and \1") is None      # holds a group (here a reference)
    assert regex_gates.tail_gate(r"(?i)\bon the \d") is None   # case-insensitive: not read
