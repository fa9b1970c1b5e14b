"""Names family: one finding per occurrence, and the standard form known from reference data is
never the spelling flagged. Every name here is invented, or taken from the gazetteer's table
(GeoNames) by the test itself; none comes from a development set."""
from __future__ import annotations

from pathlib import Path

from conftest import audit_texts


def _japanese_story(name: str, i: int) -> str:
    return (f"In Japan, the Tsukimori family opened a museum in {name} to visitors on Sunday.\n\n"
            f"Mayor Kentaro Hanazawa said the old house of Tsukimori would stay open until spring.\n\n"
            f"Visitors came from Osaka and Kobe, rendition {i}.\n")


def _ukrainian_story(place: str, i: int) -> str:
    return (f"Ukrainian officials in Kyiv said on Monday that shelling near {place} had damaged a school.\n\n"
            f"Governor Petrenko Orlyuk told reporters that volunteers from Mykhailivka had brought food.\n\n"
            f"The regional council of Orlyuk province will meet again next week, rendition {i}.\n")


def _overlapping(found: dict) -> list:
    out = []
    for name, fs in found.items():
        spans = sorted((f["start"], f["end"], f["code"]) for f in fs if f["family"] == "names")
        out += [(name, a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    return out


def test_a_hyphenated_name_is_reported_whole_not_again_by_its_first_word(tmp_path):
    """Renditions write one place Ozakicho, Ozaki and Ozaki-cho: where 'Ozaki-cho' is reported
    against 'Ozakicho', its first word 'Ozaki' is not reported again (its fix would give
    'Ozakicho-cho')."""
    spellings = ["Ozakicho"] * 4 + ["Ozaki", "Ozaki-cho", "Ozaki-cho"]
    found = audit_texts({f"r{i}.txt": _japanese_story(s, i) for i, s in enumerate(spellings)}, tmp_path,
                        select="NM")
    assert not _overlapping(found)
    for name in ("r5.txt", "r6.txt"):
        assert [(f["code"], f["suggestion"]) for f in found[name]] == [("NM102", "Ozakicho")]
    assert [f["suggestion"] for f in found["r4.txt"]] == ["Ozakicho"]


def test_no_two_names_findings_on_one_occurrence(tmp_path):
    """A rendition that has the name right once (in quotes) and wrong twice: each wrong place is
    reported once, by one check."""
    def story(a: str, i: int) -> str:
        return (f"Ukrainian officials in Kyiv said on Monday that the \"Dniprovets\" plant had stopped work.\n\n"
                f"The director of {a}, Taras Hrytsiuk, said repairs would take a month.\n\n"
                f"Workers of {a} were sent home until Friday, rendition {i}.\n")
    files = {f"r{i}.txt": story(a, i) for i, a in enumerate(["Dniprovets"] * 3 + ["Dniprovest"] * 2)}
    found = audit_texts(files, tmp_path, select="NM")
    assert not _overlapping(found)
    assert sorted(f["suggestion"] for f in found["r3.txt"]) == ["Dniprovets", "Dniprovets"]


def _gazetteer_place(country: str, first: str, russian_route: bool = False) -> str:
    """The first English place name of `country` in the gazetteer that starts with `first`, is
    ASCII, rare as an English word, and (with `russian_route`) has letters a Russian-route
    transliteration writes: a name built from the reference table, not chosen by hand."""
    from auditor.checks.names.frequency import zipf
    from auditor.checks.names.gazetteer import DATA
    from auditor.checks.names.romanize import russian_markers

    for line in Path(DATA).read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("#") or len(f) < 4 or f[1] or f[2] != country or not f[0].startswith(first):
            continue
        w = f[0]
        if w.isascii() and w.isalpha() and zipf(w) < 1 and (not russian_route or russian_markers(w)):
            return w
    raise AssertionError(f"no place of {country} in the gazetteer")


def test_the_gazetteer_english_name_wins_over_an_unlisted_spelling_even_against_the_majority(tmp_path):
    """A town of Ukraine whose English name starts with H, written with the Russian G by three
    renditions of five: the three are reported, with the gazetteer's name; the two that use it
    are not."""
    from auditor.checks.names.gazetteer import lookup

    english = _gazetteer_place("UA", "H")
    russian = "G" + english[1:]
    assert lookup(russian) is None
    spellings = [russian] * 3 + [english] * 2
    found = audit_texts({f"r{i}.txt": _ukrainian_story(s, i) for i, s in enumerate(spellings)}, tmp_path,
                        select="NM")
    for i in range(3):
        assert [(f["code"], f["suggestion"]) for f in found[f"r{i}.txt"]] == [("NM102", english)]
        assert "gazetteer" in found[f"r{i}.txt"][0]["message"]
    assert found["r3.txt"] == found["r4.txt"] == []


def test_a_russian_town_is_not_taken_for_a_ukrainian_name_transliterated_from_russian(tmp_path):
    """A town of Russia (its English name in GeoNames has the letters of the Russian route) in a
    story about Ukraine, where another file writes it the Ukrainian way: its English name is the
    standard, so NM103 leaves it, and the file with the Ukrainian form is the one reported."""
    from auditor.checks.names.romanize import ukrainian_spellings

    town = _gazetteer_place("RU", "B", russian_route=True)
    other = sorted(ukrainian_spellings(town))[0]
    files = {name: _ukrainian_story(place, i) for i, (name, place) in
             enumerate([("a.txt", town), ("b.txt", other), ("c.txt", town)])}
    found = audit_texts(files, tmp_path, select="NM")
    assert found["a.txt"] == found["c.txt"] == []
    assert [f["suggestion"] for f in found["b.txt"]] == [town]


def test_renditions_that_never_exchange_two_alike_names_keep_them_apart(tmp_path):
    """Aligned renditions of one story: one calls the town 'Tomika' where the others write
    'Hanabe', and the others name a woman 'Tomiko' in a later paragraph. The two words are one
    letter apart but never stand for each other in a paragraph: two names, nothing reported. A
    slip that does take the other's place (Hoshida / Hoshidda) is still reported."""
    def story(town: str, person: str, surname: str, i: int) -> str:
        return (f"In Japan, residents of the town of {town} met the Kurosaki family on Sunday.\n\n"
                f"The old Kurosaki house near Nakayubi station will open in spring.\n\n"
                f"On Monday {person} {surname} said visitors were welcome, rendition {i}.\n")
    files = {"r0.txt": story("Tomika", "Mayor", "Hoshida", 0)}
    files.update({f"r{i}.txt": story("Hanabe", "Tomiko", "Hoshida" if i < 3 else "Hoshidda", i)
                  for i in range(1, 5)})
    found = audit_texts(files, tmp_path, select="NM")
    assert found["r0.txt"] == []
    assert [(f["code"], f["suggestion"]) for f in found["r4.txt"]] == [("NM102", "Hoshida")]


def test_a_user_handle_in_a_list_of_handles_is_no_misspelling(tmp_path):
    """A contributors list, one handle a line: 'Kjelssen' is the maintainer's handle, not a slip
    for 'Kjelsen' in the text. The same word among ordinary lines is still compared."""
    body = "The project lead, Mara Kjelsen, thanked everyone who sent patches this year.\n\n"
    handles = "Contributors\n\njam-rook\n\npix3lhound\n\nKjelssen\n\noakbarrel_\n\nwren.dev\n"
    found = audit_texts({"a.md": body + handles}, tmp_path, select="NM101")
    assert found["a.md"] == []
    plain = "Contributors\n\nOslo office\n\nKjelssen\n\nBergen office\n"
    found = audit_texts({"b.md": body + plain}, tmp_path, select="NM101")
    assert {f["code"] for f in found["b.md"]} == {"NM101"}


def test_a_brand_in_camel_case_keeps_the_spelling_whose_parts_are_words(tmp_path):
    """'CloudHarbor' and 'CloudHarbpr' once each: English text knows neither whole, but every part
    of the first is a word, so only the second is reported, with the first as its fix."""
    text = ("Security firm Pentara has acquired CloudHarbor, which specializes in remediation, for $30 million. "
            "The integration of CloudHarbpr capabilities will speed up remediation.\n")
    found = audit_texts({"a.txt": text}, tmp_path, select="NM101")
    assert [(text[f["start"]:f["end"]], f["suggestion"]) for f in found["a.txt"]] == [("CloudHarbpr", "CloudHarbor")]


def test_the_suggestion_is_never_a_spelling_that_is_itself_reported(tmp_path):
    """Renditions write a town of Ukraine three ways: four with the Russian G, one with the G and
    another vowel, two with the gazetteer's English name. The rare one is a minority of the G
    spelling, which is itself reported against the English name: both are told the English name."""
    english = _gazetteer_place("UA", "H")
    russian = "G" + english[1:]
    slip = russian.replace("y", "i", 1) if "y" in russian else russian[:-1] + "i"
    spellings = [russian] * 4 + [slip] + [english] * 2
    found = audit_texts({f"r{i}.txt": _ukrainian_story(s, i) for i, s in enumerate(spellings)}, tmp_path,
                        select="NM")
    for i in range(5):
        assert [f["suggestion"] for f in found[f"r{i}.txt"]] == [english], (i, found[f"r{i}.txt"])
