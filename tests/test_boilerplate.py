"""Boilerplate family (BP): data files, regex safety, fixes, corpus repetition, seeds.

The examples of every check (checks/boilerplate/examples/) and the example and counter-example of
every phrase pattern run in tests/test_examples.py."""
from __future__ import annotations

import time

import pytest

from auditor.api import SAFE, UNSAFE
from auditor.checks import boilerplate
from auditor.checks.boilerplate import (bp101_widget_phrase, bp201_edge_line, bp204_glued_widget,
                                        bp302_repeated_paragraph, bp401_off_topic_splice, layout)
from auditor.checks.boilerplate.bp402_corpus_repetition import MIN_WORDS as BP402_MIN_WORDS
from auditor.checks.boilerplate.phrase_families import (families, languages, parse_family, parse_language,
                                                        with_examples)
from auditor.document import Document
from conftest import audit_texts, caught, seed_text

CHECKS = {cls.code: cls for cls in boilerplate.CHECKS}

HEADER = "family: test\ncode: BP101\nwhat: a test line\n\n"


@pytest.mark.parametrize("family", families(), ids=lambda f: f.path)
def test_every_family_is_reported_and_explained(family):
    assert family.patterns and family.code in CHECKS and family.about and family.what
    assert family.path in CHECKS[family.code].describe()


@pytest.mark.parametrize("entry, missing", [
    ("pattern: ^x$\ncounterexample: an x in a sentence\n", "no example"),
    ("pattern: ^x$\nexample: x\n", "no counterexample"),
    ("pattern: ^x$\nexample: x\npattern: ^y$\nexample: y\ncounterexample: a y here\n", "no counterexample"),
    ("example: x\n", "without a pattern"),
])
def test_the_parser_rejects_an_entry_without_its_examples(entry, missing):
    with pytest.raises(ValueError, match=missing):
        parse_family(HEADER + entry, "data/test.txt")


#: The languages whose sites feed aggregators (issue 13): each has its file of widget wording.
REQUIRED_LANGUAGES = "es pt fr de it pl ru uk tr ar vi id zh ja".split()


def test_every_required_language_has_a_file_with_the_main_families():
    by_code = {lang.code: lang for lang in languages()}
    assert set(REQUIRED_LANGUAGES) <= set(by_code)
    for code in REQUIRED_LANGUAGES:
        covered = {f.name for f in families() if code in f.foreign}
        assert {"related links", "comment form", "share bar", "photo credit", "site footer",
                "newsletter and subscription box", "cookie and consent notice"} <= covered, code


def test_a_language_file_names_known_families_and_has_cues():
    fams = {f.name: f for f in families()}
    with pytest.raises(ValueError, match="not a family"):
        parse_language("language: xx Test\ncues: foo\n\nsection: no such family\n"
                       "pattern: ^foo$\nexample: foo\ncounterexample: a foo here\n", "xx.txt", dict(fams))
    with pytest.raises(ValueError, match="cues"):
        parse_language("language: xx Test\n\nsection: share bar\npattern: ^foo$\nexample: foo\n"
                       "counterexample: a foo here\n", "xx.txt", dict(fams))
    with pytest.raises(ValueError, match="before the first"):
        parse_language("language: xx Test\ncues: foo\n\npattern: ^foo$\nexample: foo\n"
                       "counterexample: a foo here\n", "xx.txt", dict(fams))


def test_an_english_article_tries_no_foreign_wording():
    from auditor.checks.boilerplate.phrase_families import cued_languages

    doc = Document("a.txt", ARTICLE + "Leave a Reply\n")
    assert cued_languages(layout.layout(doc)) == ()
    doc = Document("b.txt", ARTICLE + "Lesen Sie auch: Sturm an der Küste\n\n相关阅读：暴雨\n")
    assert {"de", "zh"} <= set(cued_languages(layout.layout(doc)))


def test_the_parser_rejects_a_family_without_its_message_wording():
    with pytest.raises(ValueError, match="what"):
        parse_family("family: test\ncode: BP101\n\npattern: ^x$\nexample: x\ncounterexample: y\n", "t.txt")


def _example_texts() -> list[str]:
    """The examples of every pattern and the counter-examples of the English ones (a run's
    families carry none: they are the tests')."""
    fams = with_examples()[0]
    texts = [p.example for f in fams for p in f.patterns + [q for ps in f.foreign.values() for q in ps]]
    return texts + [p.counterexample for f in fams for p in f.patterns]


def test_a_runs_families_are_the_parsed_ones_without_their_examples():
    """What a run reads (kept between runs) is what the parser gives, less the examples,
    counter-examples and places of the patterns, which only the tests read."""
    def shape(fams):
        return [(f.name, f.code, f.path, f.max_words, f.position, f.flags,
                 [(p.source, p.flags, p.language) for p in f.patterns],
                 {code: [(p.source, p.flags, p.language) for p in ps] for code, ps in f.foreign.items()})
                for f in fams]

    parsed, kept = with_examples()[0], families()
    assert shape(kept) == shape(parsed)
    assert [lang.code for lang in languages()] == [lang.code for lang in with_examples()[1]]
    pats = [p for f in kept for p in f.patterns + [q for ps in f.foreign.values() for q in ps]]
    assert not any(p.example or p.counterexample or p.where for p in pats)
    assert all(p.example and p.counterexample and p.where
               for f in parsed for p in f.patterns + [q for ps in f.foreign.values() for q in ps])


def test_the_prefilters_of_all_families_at_once_refuse_no_line_a_family_matches():
    """A line's first character sorts out the families whose fast patterns may match it, and one
    scan tells the families whose gate it passes: neither refuses an example of the data, and the
    scan finds what looking for each needle finds, in every language."""
    from auditor.checks.boilerplate.phrase_families import ENGLISH, matcher

    m = matcher()
    texts = _example_texts()
    texts += ["", "a", "©2024 rights", "ready: reply / add", "journalists and photojournalist", "££ €"]
    for language in (ENGLISH, *{code for f in families() for code in f.foreign}):
        scan = m._scan(language)
        for text in texts:
            text = text.replace("\xa0", " ")
            lowered = text.lower()
            gated = scan.gated(lowered)
            for i, family in enumerate(m.families):
                c = family.combined.get(language)
                if c is None:
                    continue
                if c.fast is not None and c.fast.match(text):
                    assert scan.fast(text) >> i & 1, (family.path, language, text)
                if c.gate is not None:
                    assert bool(gated >> i & 1) == any(n in lowered for n in c.gate), (family.path, text)


def test_one_search_finds_what_looking_for_each_needle_finds():
    import random
    import re

    from auditor.checks.boilerplate.literals import anchored_source, by_anchor

    rng = random.Random(7)
    alphabet = "abcdy :/(é’-"
    for _ in range(300):
        needles = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))}
        find = re.compile(anchored_source(by_anchor(needles))).search
        for _ in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert (find(text) is not None) == any(n in text for n in needles), (needles, text)


def test_a_needle_scan_tells_the_values_of_every_needle_a_text_holds():
    """Needles that overlap, hold one another or share an anchor are all found, in one scan."""
    import random

    from auditor.checks.boilerplate.literals import NeedleScan

    rng = random.Random(11)
    alphabet = "abcdy :/(é’-"
    for _ in range(500):
        needles = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        values = {n: 1 << rng.randrange(6) for n in needles}
        scan = NeedleScan(values)
        for _ in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            want = 0
            for needle, value in values.items():
                if needle in text:
                    want |= value
            assert scan(text) == want, (values, text)


def test_where_a_pattern_is_anchored():
    from auditor.checks.boilerplate.literals import anchored_at_start, end_reach

    assert all(anchored_at_start(src) for src in ("^a", r"\Aa", "(?:^a|^b)c", "(?i:^x)"))
    assert not any(anchored_at_start(src) for src in ("a^", "^a|b", "(?:^a)?b", "(?m)^a", "(?m:^a)", r"\b^a", ""))
    assert end_reach("ab$") == 3 and end_reach(r"(?<=x)a{1,5}\Z") == 6 and end_reach("(?:a$|bc$)") == 3
    assert not any(end_reach(src) for src in ("a", "a$|b", "a+$", "(?m)a$", "(?:a$)?", "a$(?=)"))


def test_the_first_characters_of_every_match_of_the_patterns():
    import re

    from auditor.checks.boilerplate.literals import first_chars

    first = re.compile(first_chars((r"(?<=[\w.)])\s?/\s?x", r"\bvia", r"[^()]a", r"(?-i:[A-Z])b", r"(?:\d|e)+f"),
                                   re.I)).match
    assert all(first(c) for c in ("/", " ", "v", "V", "Q", "x", "7", "E"))
    assert not any(first(c) for c in ("(", ")", ""))
    assert first_chars(("ab", "a?"), re.I) is None and first_chars(("ab", ".b"), re.I) is None


def test_the_slow_patterns_tried_by_anchor_find_what_searching_each_finds():
    """_SlowPatterns tries a family's patterns at the line start, in the line's last characters or
    along it, by where they are anchored: it finds a match on the lines where searching each
    pattern along the whole line finds one."""
    from auditor.checks.boilerplate.literals import fails_fast

    texts = _example_texts()
    texts += ["x " * 200 + t for t in texts[::7]] + [t + "\n" for t in texts[::5]] + ["", "a"]
    for family in families():
        for language in ("en", *family.foreign):
            slow = family._combined_for(language).slow
            pats = [p for p in (family.patterns if language == "en" else family.foreign[language])
                    if not fails_fast(p.source, p.flags)]
            for text in texts:
                assert (slow is not None and slow.search(text)) == any(p.regex.search(text) for p in pats), (
                    family.path, language, text)


def test_the_first_characters_of_a_pattern_keep_its_case_rule():
    import re

    from auditor.checks.boilerplate.literals import head_class

    head = re.compile(head_class(("^(?i:ab)|[x-z]c", "^(?:Foo)?Bar", "^(?-i:Q)r", "^(?:so)*n"), re.I)).match
    assert all(head(start) for start in ("aB", "Ab", "xc", "ZC", "foo", "Bar", "Qr", "QR", "sos", "son", "n", "nx"))
    assert not any(head(start) for start in ("ac", "qr", "fa", "b", "x", "cc", "s", "sx", "Sn", "fo", "fox", "Bat",
                                             "so", "sor"))
    assert head_class(("^\\w+ more",), re.I) is None


def test_patterns_are_safe_on_huge_lines():
    nasty = ["a" * 1_000_000, "Photo: " + "x" * 1_000_000, ("Read more " * 100_000),
             "foreign agent " + "produced, " * 100_000, "Foto: " + "ё" * 1_000_000,
             "相关阅读：" + "字" * 1_000_000]
    every = tuple(lang.code for lang in languages())
    for family in families():
        for text in nasty:
            # CPU time, not wall time: on a shared machine the wall clock measures the neighbours
            t0 = time.process_time()
            family.match(text, every)
            assert time.process_time() - t0 < 1.0, family.path


def test_odd_input_does_not_crash():
    for text in ["", "\n\n\n", "x", "\xa0\xa0", "a" * 200_000, "Title\n" + "- item\n" * 5000,
                 "Long enough headline here\n\nWorld\n"]:
        doc = Document("odd.txt", text)
        for cls in boilerplate.CHECKS:
            if not cls.is_corpus:
                list(cls().check(doc))


def test_explain_lists_the_families():
    text = CHECKS["BP101"].describe()
    assert "related.txt" in text and "comments.txt" in text


def test_docstrings_say_the_thresholds_of_the_code():
    """`auditor explain` shows the docstring: it must say what the code does."""
    lists = bp101_widget_phrase.LISTS_UNDER_HEADING
    bp101 = CHECKS["BP101"].describe()
    assert f"up to {lists['related links']} links; {lists['advertisement']} under an ad label" in bp101
    assert lists["navigation"] == lists["related links"]
    assert f"with {('one', 'two', 'three', 'four')[layout.HEADLINE_MIN_WORDS - 1]} or more words" \
        in CHECKS["BP301"].describe()
    bp302 = CHECKS["BP302"].describe()
    assert f"{layout.PROSE_MIN_WORDS}+ words" in bp302
    assert f"{bp302_repeated_paragraph.MIN_WORDS_UNPUNCTUATED}+ words" in bp302
    assert f"{bp302_repeated_paragraph.MIN_CHARS}+ characters" in bp302
    bp201 = CHECKS["BP201"].describe()
    assert f"1 to {bp201_edge_line.MAX_WORDS} words" in bp201 and f"{bp201_edge_line.MAX_CHARS} characters" in bp201
    assert f"more than {bp201_edge_line.RUN_MAX_LINES} short lines" in bp201
    bp204 = CHECKS["BP204"].describe()
    assert f"{bp204_glued_widget.MIN_WORDS} to {bp204_glued_widget.MAX_WORDS} words" in bp204
    bp401 = CHECKS["BP401"].describe()
    assert f"{bp401_off_topic_splice.MIN_WORDS} to {bp401_off_topic_splice.MAX_WORDS} words" in bp401
    assert f"({bp401_off_topic_splice.MIN_CONTENT_WORDS} or more)" in bp401
    assert bp401_off_topic_splice.MAX_SHARED == 0.0 and "none of whose content words" in bp401
    bp402 = CHECKS["BP402"]
    assert f"({BP402_MIN_WORDS} to {bp402.options['max_words'].default} words)" in bp402.describe()
    assert "heads a paragraph or a list in most of its files" in " ".join(bp402.describe().split())
    from auditor.checks.boilerplate import line_scores
    bp205 = CHECKS["BP205"].describe()
    assert f"residue from {line_scores.THRESHOLD:.1f}" in bp205 and f"{line_scores.W_TEASER:+.1f}  teaser" in bp205


@pytest.mark.parametrize("cls", [c for c in boilerplate.CHECKS], ids=lambda c: c.code)
def test_docstrings_say_how_sure_the_fix_is(cls):
    applicability = cls.fix_applicability if hasattr(cls, "fix_applicability") else SAFE
    assert f"Fix ({applicability})" in cls.describe()


ARTICLE = ("Storm floods coastal town\n\n"
           "Officials in the coastal town said on Monday that the flood barrier had held through the night.\n\n"
           "The mayor said rescue teams would keep searching the flooded valley until every resident was found.\n\n")


def _findings(text: str) -> dict[str, list]:
    doc = Document("a.txt", text)
    return {cls.code: list(cls().check(doc)) for cls in boilerplate.CHECKS if not cls.is_corpus}


def test_every_finding_removes_its_line_with_the_applicability_of_its_code():
    text = ARTICLE + "Reuters contributed to this report.\n\nLeave a Reply\n\nAldograph Redley\n"
    found = _findings(text)
    assert [len(found[c]) for c in ("BP101", "BP104", "BP201")] == [1, 1, 1]
    for code, applicability in (("BP101", SAFE), ("BP104", UNSAFE), ("BP201", UNSAFE)):
        (f,) = found[code]
        assert f.applicability == applicability
        (edit,) = f.edits
        assert text[edit.start:edit.end].strip() == text[f.start:f.end]
    assert "Leave a Reply" not in text.replace(text[found["BP101"][0].edits[0].start:found["BP101"][0].edits[0].end], "")


def test_a_residue_glued_to_a_heading_is_cut_alone():
    text = ARTICLE + "Jump To DetailsBest Vertical Ergonomic Mouse\n\n" + ARTICLE.split("\n\n", 1)[1]
    (f,) = _findings(text)["BP101"]
    assert text[f.start:f.end] == "Jump To Details" and f.applicability == SAFE
    (edit,) = f.edits
    assert (edit.start, edit.end, edit.replacement) == (f.start, f.end, "")


def test_a_line_gets_one_boilerplate_finding():
    text = ARTICLE + "Storm floods coastal town\n\nRelated content\n\n- Storm floods coastal town\n"
    spans = [(f.start, f.end) for fs in _findings(text).values() for f in fs]
    assert len(spans) == len(set(spans)) >= 2


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
TEMPLATE = "Coastal Daily weekend desk in Porto\n"


def test_corpus_repetition_across_unrelated_files(tmp_path):
    files = {f"{i}.txt": story + TEMPLATE for i, story in enumerate(STORIES)}
    found = audit_texts(files, tmp_path, select="BP402")
    for name, text in files.items():
        quotes = [text[f["start"]:f["end"]] for f in found.get(name, [])]
        assert quotes == [TEMPLATE.strip()], (name, quotes)


def test_corpus_repetition_points_at_three_other_files():
    from auditor.checks.boilerplate.bp402_corpus_repetition import CorpusRepetition

    check = CorpusRepetition()
    summary = check.empty()
    names = [f"{i}.txt" for i in range(8)]
    for i, name in enumerate(names):
        summary = check.merge(summary, check.collect(Document(name, STORIES[i % 4].replace("the", f"the {i}") + TEMPLATE)))
    found = list(check.finalize(summary))
    assert sorted(p for p, _ in found) == names
    for path, f in found:
        others = [r.path for r in f.related]
        assert len(others) == 3 and path not in others and len(set(others)) == 3


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


def _reference_groups(paths, sketch, threshold):
    """The greedy grouping compared pair by pair (what BP402's index must give)."""
    from auditor.checks.boilerplate.bp402_corpus_repetition import similarity

    groups = []
    for p in paths:
        for g in groups:
            if any(similarity(sketch[p], sketch[q]) >= threshold for q in g):
                g.append(p)
                break
        else:
            groups.append([p])
    return groups


@pytest.mark.parametrize("threshold", [0.0, 0.1, 0.2, 0.5, 1.0])
def test_corpus_repetition_groups_near_copies_as_the_pairwise_comparison(threshold):
    import random

    from auditor.api import Options
    from auditor.checks.boilerplate.bp402_corpus_repetition import SKETCH_SIZE, CorpusRepetition

    rng = random.Random(7)
    opts = Options(CorpusRepetition.default_options(), near_copy=threshold)
    for _ in range(60):
        pool = rng.randrange(SKETCH_SIZE, 4 * SKETCH_SIZE)   # few hash values: many near copies
        sketch = {f"{i}.txt": tuple(sorted(rng.sample(range(pool), rng.randrange(0, SKETCH_SIZE + 1))))
                  for i in range(rng.randrange(1, 30))}
        paths = sorted(sketch)
        assert CorpusRepetition(opts)._groups(paths, sketch) == _reference_groups(paths, sketch, threshold)


def test_the_function_words_file_is_what_its_script_builds():
    """reference/function_words.txt is built from wordfreq by its script: they must agree."""
    pytest.importorskip("wordfreq")
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_fw", root / "scripts" / "build_boilerplate_function_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (root / "checks" / "boilerplate" / "reference" / "function_words.txt").read_text(encoding="utf-8")
    assert module.build() == shipped


def test_combined_evidence_names_what_decided_and_guards_hold():
    from auditor.checks.boilerplate import line_scores

    head, first, second = ARTICLE.strip().split("\n\n")
    text = (f"{head}\n\n{first}\n\nFind out how to protect your home\n\n{second}\n\n"
            "Recibe las noticias más importantes en tu correo cada mañana\n")
    (teaser, foreign) = _findings(text)["BP205"]
    assert "link teaser" in teaser.message and teaser.applicability == UNSAFE
    assert "Spanish" in foreign.message
    # A name or a Latin binomial is no sentence of another language.
    doc = Document("n.txt", ARTICLE + "Marijke van der Berg\n\nFittonia albivenis\n")
    lay = layout.layout(doc)
    assert not any(line_scores._foreign_language(ln)[0] for ln in lay.lines)
    assert line_scores.THRESHOLD == 1.0 and line_scores.W_COMMENT_THREAD >= line_scores.THRESHOLD


def test_edge_lines_leave_tables_one_cell_a_line_alone():
    cells = "".join(f"{w}\n\n" for w in ["Drug Name", "Brand Name", "Approved For", "Frequency"] * 4)
    text = ARTICLE + cells
    assert not _findings(text)["BP201"]


def test_a_text_of_a_headline_and_one_short_line_does_not_crash():
    """Found by the property tests: the body starts after the last line."""
    doc = Document("a.txt", "\u201cI didn\u2019t even know this was possible in 2020,\u201d the agency quoted him as saying.\n\u0130\n")
    for cls in boilerplate.CHECKS:
        if not cls.is_corpus:
            list(cls().check(doc))


def test_language_cues_are_not_english_words():
    """A cue that English uses ('newsletter', 'cookie', 'tag') would make English articles try
    every language's patterns: the prefilter would filter nothing."""
    from auditor.lexicon import english_frequencies

    english = english_frequencies()
    for lang in languages():
        common = sorted(c for c in lang.cues if english.get(c, 0) >= 1e-6)
        assert not common, (lang.path, common)


def test_cues_are_read_from_every_line_a_family_can_match():
    from auditor.checks.boilerplate.phrase_families import CUE_LINE_MAX_WORDS

    assert CUE_LINE_MAX_WORDS >= max(f.max_words for f in families())


def test_corpus_repetition_reports_a_widget_line_when_the_widget_check_is_ignored(tmp_path):
    """A line claimed by BP101 is left to BP101, but only when BP101 runs."""
    line = "Follow Coastal Daily on Mastodon for more\n"
    files = {f"{i}.txt": story + line for i, story in enumerate(STORIES)}
    both = audit_texts(files, tmp_path / "both", select="BP101,BP402")
    assert all([f["code"] for f in both[n]] == ["BP101"] for n in files), both
    alone = audit_texts(files, tmp_path / "alone", select="BP402")
    assert all([f["code"] for f in alone[n]] == ["BP402"] for n in files), alone


def test_a_short_line_is_template_text_only_beside_other_template_lines(tmp_path):
    """'Thank you.' in three unrelated articles is chance; with a footer line shared by the same
    files it is the site's template."""
    alone = {f"{i}.txt": story + "Thank you everyone\n" for i, story in enumerate(STORIES)}
    assert not any(audit_texts(alone, tmp_path / "alone", select="BP402").values())
    site = {f"{i}.txt": story + "Thank you everyone\n\n" + TEMPLATE for i, story in enumerate(STORIES)}
    found = audit_texts(site, tmp_path / "site", select="BP402")
    assert all(len(found[n]) == 2 for n in site), found


def test_markdown_lines_are_read_as_their_visible_text():
    from auditor.checks.boilerplate.layout import visible

    assert visible("[Home](/) › [Economy](/economy) › Energy") == "Home › Economy › Energy"
    assert visible("**Contents**") == "Contents"
    assert visible("## Background") == "Background"
    assert visible("> **Also read:** [The barrier](https://example.org/b)") == "Also read: The barrier"
    assert visible("![A flooded street](/img/a.jpg)") == "A flooded street"
    assert visible("The snake_case name and 2*3*4 stay as they are.") == "The snake_case name and 2*3*4 stay as they are."


def test_a_line_of_links_into_the_page_is_a_contents_entry():
    doc = Document("a.txt", "Title of the story here\n\n- [Background](#background)\n- [Links](https://example.org/a)\n")
    lines = layout.layout(doc).lines
    assert lines[1].anchors and lines[1].text == "- Background"
    assert not lines[2].anchors


def test_repeats_kept_on_purpose_are_told_in_linear_time():
    # A refrain printed under each of thousands of items, and questions repeated alone: each
    # repeat is decided from one index of the text's lines, not by rescanning the text.
    items = []
    for i in range(1500):
        items += [f"Item number {i} has a story of its own that no other item tells.",
                  "Check the seller's warranty terms before you buy any of these models.",
                  f"What does item {i} cost?" if i % 2 else "What does it cost?"]
    doc = Document("many.txt", "A long review of many items\n\n" + "\n\n".join(items) + "\n")
    t0 = time.process_time()
    found = list(CHECKS["BP302"]().check(doc))
    assert time.process_time() - t0 < 5.0
    assert found == []   # a refrain and a repeated question are the review's own


def test_widget_wording_after_a_pictograph_is_matched_and_the_whole_line_goes():
    text = ("Storm floods coastal town\n\nOfficials said on Monday that the flood barrier had held "
            "through the night.\n\nThe mayor said rescue teams would keep searching the valley.\n\n"
            "👉 Donate today to the flood relief fund »\n")
    doc = Document("a.txt", text)
    found = list(CHECKS["BP101"]().check(doc))
    assert [text[f.start:f.end] for f in found] == ["👉 Donate today to the flood relief fund »"]


def test_every_example_holds_a_needle_of_its_pattern():
    """The needles gate the patterns searched along the line (a line without one is not searched):
    every line such a pattern matches must hold one, and the examples are such lines."""
    from auditor.checks.boilerplate import literals

    for family in with_examples()[0]:
        pats = list(family.patterns) + [p for ps in family.foreign.values() for p in ps]
        for p in pats:
            if literals.fails_fast(p.source, p.flags):
                continue   # tried on every line, without a gate
            needed = literals.needles(p.source, p.flags)
            example = p.example.replace("\xa0", " ")
            if needed is not None and p.regex.search(example):
                assert any(n in example.lower() for n in needed), (p.where, needed)


def test_needles_prefer_a_symbol_to_a_common_letter_pair():
    from auditor.checks.boilerplate import literals

    assert literals.needles(r"(?<=\w)\s?/\s?(?:ap|afp|reuters)") == frozenset({"/"})
    assert literals.needles(r"[.!?]\s[(\[](?:ap|afp)") == frozenset({"(", "["})
    assert literals.needles(r"\bforeign (?:agent|media)\b") == frozenset({"foreign "})
    assert literals.needles(r"^[A-Z][\w .'-]{1,40}\s(?:says|said|wrote)\s?:$") == frozenset({":"})


def test_the_common_words_of_an_off_topic_splice_are_shorter_than_a_stem():
    """BP401 takes its common words from a line's stems: that takes out those words alone only
    while each is its own stem."""
    from auditor.checks.boilerplate import bp401_off_topic_splice, line_scores

    assert all(len(w) < line_scores.STEM_CHARS for w in bp401_off_topic_splice._COMMON_WORDS)


def test_a_line_is_compared_with_runs_of_space_folded_by_chunks_and_its_end_cut():
    assert layout.normalize("A" + " " * 51 + "b") == "a  b"       # a chunk of 50, then one
    assert layout.normalize("a\tb\u2003c d") == "a b c d"
    assert layout.normalize("Read more" + "." * 25) == "read more....."   # 20 marks at most
    assert layout.normalize("Share: ") == "share" and layout.normalize("...") == ""


def test_every_sign_of_markdown_holds_a_character_looked_for_first():
    from auditor.checks.boilerplate import literals

    signs = literals.needles(layout._MD_SIGN.pattern)
    assert signs and all(any(c in sign for c in layout._MD_SIGN_CHARS) for sign in signs)
    # ... and the test written out looks for those characters, and for no other
    assert all(layout._has_md_sign_char(f"a{c}b") for c in layout._MD_SIGN_CHARS)
    assert not any(layout._has_md_sign_char(chr(c)) for c in range(0x3000) if chr(c) not in layout._MD_SIGN_CHARS)


def test_a_sketch_holds_the_smallest_hashes_of_the_distinct_shingles():
    """The sketch is the SKETCH_SIZE smallest crc32 of the word 5-grams, however it is computed
    (repeated shingles, short texts, words that encode only with 'replace')."""
    import heapq
    import random
    import zlib

    from auditor.checks.boilerplate.bp402_corpus_repetition import SHINGLE_WORDS, SKETCH_SIZE, _sketch

    def plain(words):
        grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(0, len(words) - SHINGLE_WORDS + 1))}
        return tuple(heapq.nsmallest(SKETCH_SIZE, {zlib.crc32(g.encode("utf-8", "replace")) for g in grams}))

    rng = random.Random(3)
    for size in (0, 4, 5, 6, 40, 200, 2000):
        for vocabulary in (3, 50, 5000):
            words = [f"w{rng.randrange(vocabulary)}" for _ in range(size)]
            assert _sketch(words) == plain(words)
    words = [f"w{i}" for i in range(300)] + ["bad\ud800word"] + [f"v{i}" for i in range(300)]
    assert _sketch(words) == plain(words)
