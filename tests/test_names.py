"""Names family (NM): the seeds, the deferrals between checks (which the one-check examples of
checks/names/examples cannot show), the fixes' applicability and the corpus overview."""
from __future__ import annotations

import pytest

from conftest import audit_texts, caught, run_cli, seed_text


def test_seeds_names(seeds_report, seeds_expected):
    """Every must and should names item of the seeds is caught with its suggestion; nothing else."""
    by_path = {f["path"].removeprefix("./"): f["findings"] for f in seeds_report["files"]}
    items = [i for i in seeds_expected["items"] if i["family"] == "names"]
    for item in items:
        if item["level"] == "neutral":
            continue
        text = seed_text(item["file"])
        findings = by_path.get(item["file"], [])
        assert caught(item, text, findings), item
        if "suggest" in item:
            assert any(f["family"] == "names" and f["suggestion"] == item["suggest"]
                       and text.find(item["quote"]) < f["end"] for f in findings), item
    for name, findings in by_path.items():
        text = seed_text(name)
        for f in findings:
            if f["family"] != "names":
                continue
            labelled = [i for i in items if i["file"] == name]
            assert any(caught(i, text, [f]) for i in labelled), (name, f)


def test_names_rules_listed():
    out = run_cli(["rules"]).out
    for code in ("NM101", "NM102", "NM103", "NM104", "NM105"):
        assert code in out
    assert "sound-alike" in run_cli(["explain", "NM101"]).out


def _codes(found: dict, name: str) -> list[tuple[str, str, str | None]]:
    return sorted((f["code"], f["message"].split("'")[1], f["suggestion"]) for f in found.get(name, []))


KISIDA = {"a.txt": "In Japan, Prime Minister Fumio Kisida spoke to parliament on Monday.\n\n"
                   "Reporters met Kishida in Tokyo after the session.\n"}


@pytest.mark.parametrize("select, expected", [
    ("NM101,NM103", [("NM103", "Kisida", "Kishida")]),
    ("NM101", [("NM101", "Kisida", "Kishida")]),
])
def test_nm101_leaves_a_romanization_pair_to_nm103_only_when_it_runs(tmp_path, select, expected):
    assert _codes(audit_texts(KISIDA, tmp_path, select=select), "a.txt") == expected


def test_nm101_reports_the_pair_with_nm103_ignored(tmp_path):
    found = audit_texts(KISIDA, tmp_path, select="NM", extra=["--ignore", "NM103"])
    assert _codes(found, "a.txt") == [("NM101", "Kisida", "Kishida")]


KISIDA_FILES = {
    "a.txt": "In Japan, Prime Minister Fumio Kisida met Hirokazu Matsuno on Monday.\n",
    "b.txt": "Prime Minister Fumio Kisida and Hirokazu Matsuno spoke in Tokyo.\n",
    "c.txt": "Prime Minister Fumio Kishida said through Hirokazu Matsuno that talks would resume.\n",
}


def test_nm102_leaves_a_romanization_pair_to_nm103_only_when_it_runs(tmp_path):
    found = audit_texts(KISIDA_FILES, tmp_path, select="NM102,NM103")
    assert [c for n in ("a.txt", "b.txt") for c, _, _ in _codes(found, n)] == ["NM103", "NM103"]
    found = audit_texts(KISIDA_FILES, tmp_path, select="NM102")
    assert _codes(found, "a.txt") == _codes(found, "b.txt") == [("NM102", "Kisida", "Kishida")]


BERLIM = {
    "a.txt": "Chancellor Olaf Scholz and Annalena Baerbock flew back to Berlim on Monday.\n",
    "b.txt": "Chancellor Olaf Scholz and Annalena Baerbock met in Berlin on Monday.\n",
    "c.txt": "In Berlin, Olaf Scholz said Annalena Baerbock would travel to Kyiv.\n",
}


@pytest.mark.parametrize("select, expected", [
    ("NM102,NM104", [("NM102", "Berlim", "Berlin")]),
    ("NM104", [("NM104", "Berlim", "Berlin")]),
])
def test_nm104_leaves_nm102_places_to_it_only_when_it_runs(tmp_path, select, expected):
    assert _codes(audit_texts(BERLIM, tmp_path, select=select), "a.txt") == expected


def test_house_list_variants_are_nm105_s_and_the_canonical_name_is_never_flagged(tmp_path):
    """With NM105 running, the variant is reported once, by NM105, with a surname-shaped fix; the
    canonical spelling is never flagged though most files use the variant."""
    (tmp_path / "auditor.toml").write_text('house-names = "names.txt"\n', encoding="utf-8")
    (tmp_path / "names.txt").write_text("Kurils | Kuriles\nVolodymyr Zelensky | Zelenskyy\n", encoding="utf-8")
    files = {"a.txt": "Officials in Tokyo said the Kurils were discussed with Fumio Kishida and Hirokazu Matsuno.\n",
             "b.txt": "Officials in Tokyo said the Kuriles were discussed with Fumio Kishida and Hirokazu Matsuno.\n",
             "c.txt": "Officials in Tokyo said the Kuriles came up when Fumio Kishida met Hirokazu Matsuno.\n",
             "d.txt": "President Zelenskyy spoke on Friday. Officials said Zelensky would travel on Monday.\n"}
    found = audit_texts(files, tmp_path, select="NM")
    assert _codes(found, "a.txt") == []
    assert _codes(found, "b.txt") == _codes(found, "c.txt") == [("NM105", "Kuriles", "Kurils")]
    assert _codes(found, "d.txt") == [("NM105", "Zelenskyy", "Zelensky")]


def test_house_list_fixes_are_safe_the_others_unsafe(tmp_path):
    from auditor import engine
    from auditor.config import Config
    from auditor.registry import load_registry

    (tmp_path / "names.txt").write_text("Volodymyr Zelensky | Zelenskyy\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("President Zelenskyy met Fumio Kisida in Tokyo, Japan.\n\n"
                                    "Reporters met Kishida after the talks.\n", encoding="utf-8")
    cfg = Config(select=["NM"], root=str(tmp_path))
    cfg.cli_settings["house-names"] = str(tmp_path / "names.txt")
    [result] = engine.run([str(tmp_path / "a.txt")], cfg, load_registry(), jobs=1).files
    fixes = {(f.code, f.applicability) for f in result.findings if f.raw_edits}
    assert fixes == {("NM105", "safe"), ("NM103", "unsafe")}


def test_a_tie_reports_both_places_and_suggests_nothing(tmp_path):
    text = ("A landslide hit Shimizugawa on Sunday, officials said.\n\n"
            "The prefecture will survey the slope above Shimizukawa next week.\n")
    [a, b] = audit_texts({"a.txt": text}, tmp_path, select="NM101")["a.txt"]
    assert (a["suggestion"], b["suggestion"]) == (None, None)
    assert "'Shimizugawa' here and 'Shimizukawa' on line 3" in a["message"]
    assert "'Shimizukawa' here and 'Shimizugawa' on line 1" in b["message"]
    assert "nothing says which is right" in a["message"]


def test_messages_quote_the_spelling_at_the_cited_place(tmp_path):
    text = ("The islands, known as the Kurles in Russia, were taken in 1945.\n\n"
            "Russia has pulled out of talks on the Kuril Islands.\n")
    [f] = audit_texts({"a.txt": text}, tmp_path, select="NM101")["a.txt"]
    assert "'Kuril' on line 3" in f["message"] and f["suggestion"] == "Kurils"
    assert "common spelling" in f["message"] and len(f["message"]) < 200


def test_corpus_overview_groups_spellings():
    from auditor.api import Spelling, SpellingGroup
    from auditor.checks.names.corpus_spellings import CorpusSpellings
    from auditor.document import Document

    docs = {"a.txt": "Officials said the Kurils and Fumio Kishida and Hirokazu Matsuno met.\n",
            "b.txt": "Officials said the Kurils and Fumio Kishida and Hirokazu Matsuno met.\n",
            "c.txt": "Officials said the Kurles and Fumio Kishida and Hirokazu Matsuno met.\n",
            "d.txt": "A landslide hit Shimizugawa on Sunday, officials said.\n",
            "e.txt": "A landslide hit Shimizukawa on Sunday, officials said.\n"}
    analysis = CorpusSpellings()
    summary = analysis.empty()
    for path, text in docs.items():
        summary = analysis.merge(summary, analysis.collect(Document(path, text)))
    groups = analysis.finalize_now(summary).groups()
    assert SpellingGroup("Kurils", (Spelling("Kurils", 2, ("a.txt", "b.txt")), Spelling("Kurles", 1, ("c.txt",)))) \
        in groups
    tie = next(g for g in groups if g.suggested is None)
    assert {s.text for s in tie.spellings} == {"Shimizugawa", "Shimizukawa"}


def test_same_output_with_one_and_two_jobs(tmp_path):
    files = {**{f"k{i}.txt": t for i, t in enumerate(KISIDA_FILES.values())},
             **{f"b{i}.txt": t for i, t in enumerate(BERLIM.values())}, **KISIDA}
    one = audit_texts(files, tmp_path, select="NM", extra=["--jobs", "1"])
    two = audit_texts(files, tmp_path, select="NM", extra=["--jobs", "2"])
    assert one == two and any(one.values())


def test_merged_spellings_summary_keeps_every_name_and_place():
    """The corpus spellings summary is compacted as files are merged (names interned, small tuples
    shared): the same names, surfaces, spans and paragraphs as collected."""
    from auditor.checks.names.corpus_spellings import CorpusSpellings
    from auditor.document import Document

    analysis = CorpusSpellings()
    texts = {"a.txt": "Officials said the Kurils and Fumio Kishida met in Tokyo.\n\nKishida spoke.\n",
             "b.txt": "Officials said Kishida and the Kurles met.\n"}
    collected = {p: analysis.collect(Document(p, t))[0] for p, t in texts.items()}
    summary = analysis.empty()
    for p, t in texts.items():
        summary = analysis.merge(summary, analysis.collect(Document(p, t)))
    assert [f.path for f in summary] == list(texts)
    for f in summary:
        before = collected[f.path]
        assert f.entries.keys() == before.entries.keys() and f.context == before.context
        for b, u in f.entries.items():
            assert u == before.entries[b]._replace(near=u.near) and set(u.near) == set(before.entries[b].near)
    kishida = [f.entries["Kishida"] for f in summary]
    assert kishida[0].paragraphs == (0, 1) and kishida[1].paragraphs == (0,)
    assert kishida[0].surfaces["Kishida"][0] == (texts["a.txt"].index("Kishida"), texts["a.txt"].index("Kishida") + 7)


def test_renditions_report_only_pairs_that_alternate():
    """Two similar names that never stand in one paragraph of one rendition where another has the
    other are not judged: only alternating pairs come back, with their counts."""
    from auditor.checks.names.renditions import alternations

    slots = {"a": {"Kurils": (0,), "Kurles": (1,)}, "b": {"Kurils": (1,)}, "c": {"Kurles": (0,)}}
    asked = []

    def similar(x, y):
        asked.append((x, y))
        return True

    got = alternations(slots, ["a", "b", "c"], similar, {"a": 2, "b": 2, "c": 2})
    assert got == {("Kurils", "Kurles"): (2, 0)} or got == {("Kurles", "Kurils"): (2, 0)}
    assert len(asked) == 1
    slots = {"a": {"Kurils": (0,), "Kurles": (0,)}, "b": {"Kurils": (0,), "Kurles": (0,)}}
    asked.clear()
    assert alternations(slots, ["a", "b"], similar, {"a": 1, "b": 1}) == {}
    assert asked == []


def test_python_osa_distance_equals_rapidfuzz():
    """The first distances of a run are computed without importing rapidfuzz (variants._osa):
    they must be rapidfuzz's, transpositions and the strings with nothing in common included."""
    import random

    from rapidfuzz.distance import OSA

    from auditor.checks.names.variants import _python_osa

    rng = random.Random(15)
    letters = "abcdeé'- ŏ"
    pairs = [("ca", "abc"), ("", ""), ("abc", ""), ("Kishida", "Kihsida"), ("Matsuno", "Matsnuo")]
    for _ in range(20_000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):
            k = rng.randrange(len(b) + 1)
            b[k:k + 2] = rng.choice([[], [rng.choice(letters)], b[k:k + 2][::-1], b[k:k + 1] * 2])
        pairs.append((a, "".join(b)))
    for a, b in pairs:
        assert _python_osa(a, b) == OSA.distance(a, b), (a, b)


def test_a_case_file_serves_every_code_it_lists():
    """One file for the standards of one language (language: hr sr bs): each code finds it, the
    word frequencies are its first code's unless it names their list (frequencies: sh), and its
    message names it after the file."""
    from auditor.checks.names.inflection import languages, parse

    lang = parse("language: hr sr bs\nfrequencies: sh\nfirst: Milorad\n", "croatian_serbian_bosnian.txt")
    assert (lang.code, lang.codes, lang.frequencies, lang.name) == \
        ("hr", ("hr", "sr", "bs"), "sh", "Croatian/Serbian/Bosnian")
    polish = parse("language: pl\n", "polish.txt")
    assert (polish.codes, polish.frequencies, polish.name) == (("pl",), "pl", "Polish")
    table = languages()
    assert table["hr"] is table["sr"] is table["bs"]
    assert len({id(x) for x in table.values()}) == len({x.file for x in table.values()})


@pytest.mark.parametrize("where", ["Serbian officials in Belgrade", "Croatian officials in Zagreb",
                                   "Bosnian officials in Sarajevo"])
def test_one_file_for_croatian_serbian_and_bosnian_names(tmp_path, where):
    """A country of any of the three codes reads the one file, and reports each form once."""
    text = f"{where} said a letter from Milorada Dodika had arrived. Milorad Dodik denied it.\n"
    found = audit_texts({"a.txt": text}, tmp_path, select="NM107")["a.txt"]
    assert [(text[f["start"]:f["end"]], f["suggestion"]) for f in found] == [("Milorada", "Milorad"),
                                                                          ("Dodika", "Dodik")]
    assert "Croatian/Serbian/Bosnian case form" in found[0]["message"]


def test_a_surname_case_form_before_another_name_is_left_alone(tmp_path):
    """A case form of a surname or place right before another name is a name of its language
    (Nokian Tyres, Helsingin Sanomat, Svobody Square): only a declined given name, which a
    surname follows (Lecha Wałęsy), is read there."""
    text = ("Finnish media in Helsinki said Nokia and the tyre maker Nokian Tyres had agreed, and Lech "
            "Wałęsa's Polish supporters said Lecha Wałęsy visit to Warsaw would go on.\n")
    found = audit_texts({"a.txt": text}, tmp_path, select="NM107")["a.txt"]
    assert [text[f["start"]:f["end"]] for f in found] == ["Lecha", "Wałęsy"]


def test_a_title_is_no_neighbour_of_a_name():
    """The words next to a name in a run are the other words of the name, never an office: two
    ministers do not share a name for sharing the word Minister."""
    from auditor.checks.names.table import all_names_table
    from auditor.document import Document

    doc = Document("a.txt", "Visegrad ministers meet\n\nForeign Minister Péter Szijjártó met officials in "
                            "Prague on Monday.\n\nLater, Prime Minister Petr Fiala spoke in Brno.\n")
    table = all_names_table(doc)
    assert table["Péter"].neighbours == {"Szijjártó"}
    assert table["Petr"].neighbours == {"Fiala"}


@pytest.mark.parametrize("text", [
    "Sponsored stories. sponsored by us. Sponsored again, and Sponsored once more.\n",
    "Kim met Kim and kim-chi; the kim's; Kim said kim\n",  # after a hyphen, before an apostrophe
    "Ch'ang-ch'un and Ch'ang said ch'ang and\nMarket market market-led Market",  # the text's end
    "The km² of Area and area, and Area² area½ Area\n",  # numerals that are letters to the pattern
    "İstanbul istanbul i̇stanbul İstanbul and Naïve naïve Über über-cool über\n",
])
def test_lowercase_uses_counted_in_one_pass_as_searched(text, monkeypatch):
    """A long page's lowercase uses are counted in one pass over its words: the same capitalised
    words are ordinary words as when each is searched for."""
    from collections import Counter

    from auditor.checks.names import extract

    capitalised = Counter(m.group() for m in extract._CAPITAL.finditer(text) if extract._is_capitalised(m.group()))
    searched = extract._seen_in_lowercase(text, capitalised)
    monkeypatch.setattr(extract, "ONE_PASS_MIN_WORK", -1)
    assert extract._seen_in_lowercase(text, capitalised) == searched
