"""Names family on origins the development sets lack: no false alarm on the spellings English
news uses for names of many origins (where the older or local romanization IS the standard:
Taiwan, Hong Kong, Singapore, Korean names in their own spellings, Israeli, Turkish, Greek,
Persian, Central Asian, South Slavic names), and the renditions of one story that spell a name
in another system are linked (NM102), one finding per occurrence, with the majority's spelling.
Every text here is invented (tests/data/names_origins/ and the stories below); none comes from a
development set."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import audit_texts, names_findings, story_renditions

ARTICLES = Path(__file__).resolve().parent / "data" / "names_origins"
# Two articles spell Serbian and Turkish names without their letters: fine alone; beside the
# articles that have them, NM106 (accents only, info) is the right report, so they are audited alone.
ALONE = ("serbia_ascii.txt", "turkey2.txt")
# Articles that share two rare names count as one story, and two Cantonese syllables one letter
# apart (Sheung Shui / Hang Seng, Hang / Hean) are then taken for one name: see the xfail test below.
ALONE += ("china_inst.txt", "hk2.txt")


def _articles() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_no_names_finding_in_an_article_of_established_spellings(tmp_path, name):
    found = audit_texts({name: (ARTICLES / name).read_text(encoding="utf-8")}, tmp_path, select="NM")
    assert not names_findings(found)


def test_no_names_finding_when_the_articles_are_audited_together(tmp_path):
    files = {k: v for k, v in _articles().items() if k not in ALONE}
    found = audit_texts(files, tmp_path, select="NM")
    assert not names_findings(found)


# (origin, story, majority spellings, {file: minority spellings}, {file: [(spelling, suggestion)]})
STORIES = {
    "hebrew": (("Israeli envoy visits London",
                "Israeli Deputy Foreign Minister {0} {1} met British officials in London on Tuesday ({i}).",
                "{1} said Israel would keep talking to Britain about the hostages, Herzog agreed.",
                "Opposition leader Yair Lapid criticised the visit in Jerusalem on Wednesday."),
               ("Tzipi", "Hotovely"), [("Tsipi", "Hotovely"), ("Tzipi", "Khotovely")],
               {"r08.txt": [("Tsipi", "Tzipi")], "r09.txt": [("Khotovely", "Hotovely")] * 2}),
    "central_asian": (("Kazakh leader opens forum",
                       "Former Kazakh President {0} {1} opened an investment forum in Astana on Friday ({i}).",
                       "{1} said Kazakhstan would welcome investors, and President Kassym-{2} Tokayev agreed.",
                       "Officials from Almaty and Shymkent attended."),
                      ("Nursultan", "Nazarbayev", "Jomart"),
                      [("Nursoultan", "Nazarbayev", "Jomart"), ("Nursultan", "Nasarbajew", "Zhomart")],
                      {"r08.txt": [("Nursoultan", "Nursultan")],
                       "r09.txt": [("Nasarbajew", "Nazarbayev")] * 2 + [("Zhomart", "Jomart")]}),
    "uzbek": (("Uzbek president visits Samarkand",
               "Uzbek President {0} {1} visited Samarkand on Thursday ({i}).",
               "{1} said tourists would get visa-free entry, officials in Tashkent said.",
               "Kazakh officials agreed."),
              ("Shavkat", "Mirziyoyev"), [("Shavkat", "Mirzijojew"), ("Shavkat", "Mirziyoev")],
              {"r08.txt": [("Mirzijojew", "Mirziyoyev")] * 2, "r09.txt": [("Mirziyoev", "Mirziyoyev")] * 2}),
    "turkish": (("Turkish president visits factory",
                 "Turkish President {0} Tayyip {1} visited a factory in Gaziantep on Monday ({i}).",
                 "{1} said workers would get raises, Anadolu reported.",
                 "Opposition leader Ozgur Ozel disagreed in Istanbul."),
                ("Recep", "Erdogan"), [("Redzhep", "Erdogan"), ("Recep", "Erdoghan")],
                {"r08.txt": [("Redzhep", "Recep")], "r09.txt": [("Erdoghan", "Erdogan")] * 2}),
    "greek": (("Greek premier faces vote",
               "Greek Prime Minister {0} {1} faces a confidence vote in Athens on Friday ({i}).",
               "{1} said voters in Thessaloniki backed him.",
               "Former prime minister Alexis Tsipras disagreed."),
              ("Kyriakos", "Mitsotakis"), [("Kyriakos", "Mitsotakes"), ("Kiriakos", "Mitsotakis")],
              {"r08.txt": [("Mitsotakes", "Mitsotakis")] * 2, "r09.txt": [("Kiriakos", "Kyriakos")]}),
    "south_slavic": (("Serbian president calls election",
                      "Serbian President Aleksandar {0} called an election in Belgrade on Sunday ({i}).",
                      "{0} said students in Novi Sad had been misled by {1} and others.",
                      "The opposition disagreed."),
                     ("Vucic", "Djilas"), [("Vuchich", "Djilas"), ("Vucic", "Dzhilas")],
                     {"r08.txt": [("Vuchich", "Vucic")] * 2, "r09.txt": [("Dzhilas", "Djilas")]}),
    "persian": (("Iran's leader meets former president",
                 "Supreme Leader Ayatollah Ali {0} met former president Hassan {1} in Tehran on Friday ({i}).",
                 "{0} said Iran would not bow, and {1} and the speaker, Mohammad Bagher {2}, agreed.",
                 "Officials in Isfahan welcomed the meeting."),
                ("Khamenei", "Rouhani", "Ghalibaf"), [("Hamenei", "Rukhani", "Ghalibaf"), ("Khamenei", "Rouhani", "Qalibaf")],
                {"r08.txt": [("Hamenei", "Khamenei")] * 2 + [("Rukhani", "Rouhani")] * 2,
                 "r09.txt": [("Qalibaf", "Ghalibaf")]}),
    "south_asian": (("Indian ministers meet",
                     "Indian Finance Minister Nirmala {0} met External Affairs Minister S. {1} in New Delhi on "
                     "Monday ({i}).",
                     "{0} said the budget would help farmers, and {1} and Delhi's Arvind {2} agreed.",
                     "Officials in Mumbai welcomed it."),
                    ("Sitharaman", "Jaishankar", "Kejriwal"),
                    [("Seetharaman", "Jaishankar", "Kejriwal"), ("Sitharaman", "Dzhaishankar", "Kedschriwal")],
                    {"r08.txt": [("Seetharaman", "Sitharaman")] * 2,
                     "r09.txt": [("Dzhaishankar", "Jaishankar")] * 2 + [("Kedschriwal", "Kejriwal")]}),
    # a rendition through French: the convert scheme (ar_french) links what edit distance misses
    "arabic_french": (("Libyan leader's son seeks office",
                       "Saif al-Islam {0}, the son of the late Libyan leader {1} {0}, registered as a candidate "
                       "in Tripoli on Sunday ({i}).",
                       "{0} has been wanted by the International Criminal Court since 2011, lawyers in Benghazi said.",
                       "Diplomats in Tunis and Cairo said the move would complicate the vote."),
                      ("Gaddafi", "Muammar"), [("Kadhafi", "Muammar"), ("Gaddafi", "Mouammar")],
                      {"r08.txt": [("Kadhafi", "Gaddafi")] * 3, "r09.txt": [("Mouammar", "Muammar")]}),
    # short vowels, which Arabic script does not write, spelled differently (ar_key: o/u, e/a/i)
    "arabic_vowels": (("Lebanese group warns Israel",
                       "The leader of {0}, Hassan Nasrallah, warned Israel in a speech in Beirut on Friday ({i}).",
                       "Iran's foreign minister, Hossein Amir-Abdollahian, met {1} {2}, the group's deputy, "
                       "in Damascus.",
                       "Officials in Amman and Cairo called for calm."),
                      ("Hezbollah", "Ebrahim", "Mohammed"),
                      [("Hizbullah", "Ebrahim", "Mohammed"), ("Hezbollah", "Ibrahim", "Muhammad")],
                      {"r08.txt": [("Hizbullah", "Hezbollah")],
                       "r09.txt": [("Ibrahim", "Ebrahim"), ("Muhammad", "Mohammed")]}),
    # a given name of two syllables, hyphenated in some renditions and spaced in others, under
    # another romanization (Korean personal spelling, Revised, McCune-Reischauer; Wade-Giles)
    "korean_given": (("South Korean president visits Busan",
                      "South Korean President Yoon {0} visited Busan on Monday ({i}).",
                      "Yoon said the port would host the expo, and Seoul Mayor Oh Se-hoon and Han Duck-soo agreed.",
                      "Officials in Incheon and Daegu welcomed the plan."),
                     ("Suk Yeol",), [("Seok-yeol",), ("Sok-yol",)],
                     {"r08.txt": [("Seok-yeol", "Suk Yeol")], "r09.txt": [("Sok-yol", "Suk Yeol")]}),
    "chinese_given": (("Beijing rejects criticism",
                       "Foreign ministry spokesman Wang {0} rejected the criticism in Beijing on Tuesday ({i}).",
                       "Wang said Chinese firms in Shenzhen and Guangzhou obeyed the law, Xinhua reported.",
                       "Officials in Shanghai declined to comment."),
                      ("Wenbin",), [("Wen-pin",), ("Wen-bin",)],
                      {"r08.txt": [("Wen-pin", "Wenbin")], "r09.txt": [("Wen-bin", "Wenbin")]}),
    # renditions through German and Polish of a Russian story
    "russian_pivots": (("Mercenary chief criticises army",
                        "The head of the Wagner group, Yevgeny {0}, criticised Russia's defence ministry on Friday "
                        "in a video recorded near Bakhmut ({i}).",
                        "{0} said his fighters lacked ammunition, and Kremlin spokesman Dmitry {1} declined to comment.",
                        "Officials in Kyiv said the fighting in Donetsk region was intense."),
                       ("Prigozhin", "Peskov"), [("Prigoschin", "Peskow"), ("Prigozhin", "Pieskow")],
                       {"r08.txt": [("Prigoschin", "Prigozhin")] * 2 + [("Peskow", "Peskov")],
                        "r09.txt": [("Pieskow", "Peskov")]}),
}


@pytest.mark.parametrize("origin", sorted(STORIES))
def test_a_minority_spelling_of_another_system_is_reported_once_per_occurrence(tmp_path, origin):
    story, majority, minorities, expected = STORIES[origin]
    found = audit_texts(story_renditions(*story, majority, minorities), tmp_path, select="NM")
    for name, fs in found.items():
        got = sorted((f["code"], f["suggestion"]) for f in fs if f["family"] == "names")
        spans = sorted((f["start"], f["end"]) for f in fs if f["family"] == "names")
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), (name, spans)  # once per occurrence
        want = sorted(("NM102", s) for _, s in expected.get(name, ()))
        assert got == want, (name, [f["message"] for f in fs])


def test_the_suggestion_keeps_a_final_s_that_belongs_to_the_name(tmp_path):
    """Mitsotakes against Mitsotakis: the suggestion is 'Mitsotakis', not the base plus -s."""
    story, majority, minorities, _ = STORIES["greek"]
    found = audit_texts(story_renditions(*story, majority, minorities), tmp_path, select="NM")
    assert {f["suggestion"] for f in found["r08.txt"]} == {"Mitsotakis"}


def test_an_accent_variant_of_a_name_ending_in_s_quotes_the_other_files_whole_word(tmp_path):
    """Andres against Andrés: the spellings are compared without a final s, but the message and
    the suggestion name the word the other files write."""
    story = ("Mexican president opens refinery",
             "Mexican President {0} Manuel {1} Obrador opened a refinery in Tabasco on Friday ({i}).",
             "{1} Obrador said Mexico would stop importing petrol, and Claudia Sheinbaum agreed.",
             "Officials in Monterrey and Veracruz welcomed the plant.")
    found = audit_texts(story_renditions(*story, ("Andrés", "López"), [("Andres", "López"), ("Andrés", "Lopez")]),
                        tmp_path, select="NM")
    (andres,) = found["r08.txt"]
    assert andres["code"] == "NM106" and andres["suggestion"] == "Andrés"
    assert andres["message"].startswith("'Andres' here and 'Andrés' in 9 other files")
    assert {f["suggestion"] for f in found["r09.txt"]} == {"López"}


def test_a_place_without_its_letters_is_reported_once_as_an_accent_variant(tmp_path):
    """Lodz beside Łódź, Sanliurfa beside Şanlıurfa (letters with no combining accent: ł, ı): the
    gazetteer holds no such pair as two names, so only NM106 reports it, once."""
    text = ("Mayors meet in Warsaw\n\nMayors of {0} and Gdynia met Turkish mayors from {1} in Warsaw on "
            "Monday, Polish officials said.\n")
    files = {"a.txt": text.format("Łódź", "Şanlıurfa"), "b.txt": text.format("Łódź", "Şanlıurfa"),
             "c.txt": text.format("Lodz", "Sanliurfa")}
    found = audit_texts(files, tmp_path, select="NM")
    assert sorted((f["code"], f["suggestion"]) for f in found["c.txt"]) == sorted([("NM106", "Łódź"), ("NM106", "Şanlıurfa")])
    assert not found["a.txt"] and not found["b.txt"]


def test_an_old_spelling_inside_an_institutions_name_is_left_alone_across_files(tmp_path):
    """Peking University beside another file's Beijing: NM102 leaves the established name alone, as
    NM103 does."""
    files = {"a.txt": (ARTICLES / "china_inst.txt").read_text(encoding="utf-8"),
             "b.txt": (ARTICLES / "china_hk.txt").read_text(encoding="utf-8")}  # Beijing; Li Ka-shing in both
    assert not names_findings(audit_texts(files, tmp_path, select="NM"))


def test_cantonese_syllables_one_letter_apart_are_two_names(tmp_path):
    files = {"a.txt": (ARTICLES / "china_inst.txt").read_text(encoding="utf-8"),
             "b.txt": (ARTICLES / "hk2.txt").read_text(encoding="utf-8")}  # Hang Seng / Sheung Shui
    assert not names_findings(audit_texts(files, tmp_path, select="NM"))


@pytest.mark.xfail(reason="NM102 takes a Hebrew construct form for a variant across unrelated "
                          "articles (Kirya, the Tel Aviv headquarters / Kiryat Shmona): the edit-"
                          "distance test has no data hook for it", strict=False)
def test_a_hebrew_construct_form_is_not_a_variant_across_unrelated_articles(tmp_path):
    israel = (ARTICLES / "israel.txt").read_text(encoding="utf-8")
    files = {"a.txt": israel.replace("outside the defence ministry", "outside the Kirya"),
             "b.txt": (ARTICLES / "israel2.txt").read_text(encoding="utf-8")}  # Kiryat Shmona
    assert not names_findings(audit_texts(files, tmp_path, select="NM"))


# Central Asian names in Russian Cyrillic and the forms English news prints (the governments' own).
CENTRAL_ASIAN_NAMES = {"Назарбаев": "Nazarbayev", "Токаев": "Tokayev", "Мирзиёев": "Mirziyoyev",
                       "Жапаров": "Japarov", "Рахмон": "Rahmon", "Бердымухамедов": "Berdimuhamedov",
                       "Нурсултан": "Nursultan", "Жомарт": "Jomart", "Шавкат": "Shavkat", "Садыр": "Sadyr",
                       "Эмомали": "Emomali", "Гурбангулы": "Gurbanguly", "Ташиев": "Tashiev",
                       "Атамбаев": "Atambayev", "Каримов": "Karimov", "Ниязов": "Niyazov", "Бишкек": "Bishkek",
                       "Шымкент": "Shymkent", "Душанбе": "Dushanbe", "Худжанд": "Khujand",
                       "Самарканд": "Samarkand", "Ержан": "Yerzhan"}


@pytest.mark.parametrize("system", ["BGN_PCGN", "ICAO_DOC_9303", "MVD_310", "WIKIPEDIA", "YANDEX_MAPS", "MOSMETRO",
                                    "ALA_LC", "GOST_52535", "TELEGRAM", "SCIENTIFIC", "GOST_779"])
def test_central_asian_key_links_every_russian_romanization_to_the_english_form(system):
    """Central Asian names romanized from Russian by iuliia's systems share a comparison key
    (data/schemes/ca_key.txt) with the form English news uses."""
    iuliia = pytest.importorskip("iuliia")
    from auditor.checks.names import schemes

    def key(w):
        return schemes.keys(w, "central_asian")

    written = {ru: getattr(iuliia, system).translate(ru) for ru in CENTRAL_ASIAN_NAMES}
    linked = [ru for ru, en in CENTRAL_ASIAN_NAMES.items() if key(written[ru]) & key(en)]
    assert len(linked) >= len(CENTRAL_ASIAN_NAMES) - 1, sorted(set(written.values()) - {written[r] for r in linked})


def _nm102(found: dict) -> dict[str, list[tuple[str, str | None]]]:
    return {name: [(f["code"], f["suggestion"]) for f in fs if f["family"] == "names"] for name, fs in found.items()}


def _apply(text: str, findings: list[dict]) -> str:
    for f in sorted(findings, key=lambda f: -f["start"]):
        text = text[:f["start"]] + f["suggestion"] + text[f["end"]:]
    return text


YEMEN = ("Yemen talks resume",
         "Houthi officials met Saudi envoys in {0} on Tuesday ({i}), Yemeni officials said.",
         "The talks in {0} were about prisoners and the port of Hodeidah, the officials added.",
         "Omani mediators in Muscat welcomed the meeting.")


@pytest.mark.parametrize("majority,minority", [("Sanaa", "Sana'a"), ("Sanaa", "Sana’a"), ("Saada", "Sa'ada"),
                                               ("Sana'a", "Sanaa")])
def test_a_spelling_with_an_apostrophe_is_reported_whole_and_its_fix_gives_the_suggestion(tmp_path, majority, minority):
    """Sana'a in two renditions, Sanaa in eight: the finding covers the whole name as written (not
    'Sana', whose fix would give 'Sanaa'a'), and applying it gives the majority's spelling."""
    files = story_renditions(*YEMEN, (majority,), [(minority,)] * 2)
    found = audit_texts(files, tmp_path, select="NM")
    for name, text in files.items():
        fs = [f for f in found.get(name, []) if f["family"] == "names"]
        if name in ("r08.txt", "r09.txt"):
            assert [(f["code"], text[f["start"]:f["end"]], f["suggestion"]) for f in fs] == \
                [("NM102", minority, majority)] * 2, [f["message"] for f in fs]
            assert _apply(text, fs) == files["r00.txt"].replace("(0)", f"({name[1:3].lstrip('0')})")
        else:
            assert not fs, (name, [f["message"] for f in fs])


KOREA = ("South Korean president visits Tokyo",
         "South Korean President {0} met Japanese officials in Tokyo on Monday ({i}).",
         "{0} said Seoul and Tokyo would work together, Yonhap reported.",
         "Officials in Busan welcomed the visit.")


@pytest.mark.parametrize("majority,minority,part,suggestion", [
    ("Lee Jae-myung", "Lee Jae Myung", "Jae Myung", "Jae-myung"),
    ("Moon Jae-in", "Moon Jae In", "Jae In", "Jae-in"),
    ("Yoon Suk Yeol", "Yoon Suk-yeol", "Suk-yeol", "Suk Yeol"),
    ("Kim Jong Un", "Kim Jong-un", "Jong-un", "Jong Un"),
    ("Han Duck-soo", "Han Duck Soo", "Duck Soo", "Duck-soo"),
    ("Choi Sang-mok", "Choi Sang Mok", "Sang Mok", "Sang-mok"),
])
def test_a_given_name_with_other_hyphens_or_spaces_is_reported_with_the_majority_writing(
        tmp_path, majority, minority, part, suggestion):
    """A three-syllable Korean name written with other spaces or hyphens in two renditions, whatever
    the length of its syllables (Myung has five letters, In two)."""
    files = story_renditions(*KOREA, (majority,), [(minority,)] * 2)
    found = audit_texts(files, tmp_path, select="NM")
    for name, text in files.items():
        fs = [f for f in found.get(name, []) if f["family"] == "names"]
        want = [("NM102", part, suggestion)] * 2 if name in ("r08.txt", "r09.txt") else []
        assert [(f["code"], text[f["start"]:f["end"]], f["suggestion"]) for f in fs] == want, \
            (name, [f["message"] for f in fs])


TAIWAN = ("Taiwan's president meets Taipei mayor",
          "Taiwan's President {0} met Taipei Mayor {1} in Taipei on Monday ({i}), the Presidential Office said.",
          "{0} said the island would keep talking to {2}, and {1} agreed.",
          "Officials in Kaohsiung welcomed it.")


@pytest.mark.parametrize("mainland", ["Beijing", "its neighbours"])
def test_pinyin_in_a_few_renditions_of_taiwanese_news_is_reported_with_the_wade_giles_majority(tmp_path, mainland):
    """Chinese-language news about Taiwan: one rendition writes its people in pinyin (Cai, Ke)
    where the others write their own spellings (Tsai, Ko). The Wade-Giles table links them; the
    majority's spelling is suggested, and the majority's Taiwanese spelling is never reported as an
    old romanization (whether or not the story also names mainland China)."""
    files = story_renditions(*TAIWAN, ("Tsai Ing-wen", "Ko Wen-je", mainland),
                        [("Cai Yingwen", "Ke Wenzhe", mainland), ("Cai Ing-wen", "Ko Wen-je", mainland)])
    found = audit_texts(files, tmp_path, select="NM")
    got = {name: sorted((f["code"], files[name][f["start"]:f["end"]], f["suggestion"]) for f in fs
                        if f["family"] == "names") for name, fs in found.items()}
    assert got.pop("r08.txt") == [("NM102", "Cai", "Tsai")] * 2 + [("NM102", "Ke", "Ko")] * 2
    assert got.pop("r09.txt") == [("NM102", "Cai", "Tsai")] * 2
    assert not any(got.values()), got


def test_a_storys_short_names_are_judged_under_the_origins_shared_by_the_files_using_either():
    """The origins a short pair (Cai / Tsai) is judged under are kept per spelling and story
    (going over the story's files for each pair made a large story quadratic): for every pair
    they are what the files of the story using either spelling all share, older spellings
    included, whether a spelling is used in few of the story's files or in more files than the
    story has."""
    import random
    from types import SimpleNamespace

    from auditor.checks.names.corpus_spellings import Spellings

    rng = random.Random(7)
    kinds = ["chinese", "korean", "japanese", "vietnamese"]
    paths = [f"f{i:02}.txt" for i in range(40)]
    group = paths[:12]
    corpus = SimpleNamespace(
        origins={p: frozenset(rng.sample(kinds, rng.randint(0, 3))) for p in paths},
        exempt={p: frozenset(rng.sample(kinds, 1)) for p in paths if rng.random() < 0.3},
        every={n: {p: {} for p in rng.sample(paths if n < "m" else group, rng.randint(1, 30 if n < "m" else 12))}
               for n in ("cai", "ke", "ko", "tsai", "yi", "lee")})
    shared = Spellings._origins_shared_by_users(corpus, group)
    for a in corpus.every:
        for b in corpus.every:
            users = [p for p in group if p in corpus.every[a] or p in corpus.every[b]]
            if not users:
                continue
            expected = frozenset.intersection(*(corpus.origins.get(p, frozenset()) | corpus.exempt.get(p, frozenset())
                                                for p in users))
            assert shared(a, b) == expected, (a, b)


@pytest.mark.parametrize("old,new,team", [("Kiev", "Kyiv", "Dynamo Kiev"), ("Peking", "Beijing", "Peking University")])
def test_an_old_spelling_inside_a_longer_name_is_left_alone_in_a_rendition(tmp_path, old, new, team):
    """Renditions that write the city's name of today, one of which names a team or an
    institution that keeps the old spelling: the longer name is not a variant of the city."""
    story = ("Officials meet in {0}",
             "Officials met in {0} on Monday ({i}), Marta Oleksiuk and Dmytro Zhuravel said.",
             "Students and fans of {1} attended, Oleksiuk added.",
             "Zhuravel thanked them.")
    files = story_renditions(*story, (new, f"{new} clubs"), [(new, team)])
    found = audit_texts(files, tmp_path, select="NM")
    assert not names_findings(found)


@pytest.mark.parametrize("a,b,one", [("Xining", "Xinjiang", False), ("Zhang", "Zhaofeng", False),
                                     ("Jiaxing", "Jiaying", False), ("Xiaozhai", "Xiaozai", True),
                                     ("Jinping", "Jingping", True), ("Qingshui", "Qingshuihe", True)])
def test_two_pinyin_words_are_one_name_only_through_sounds_often_confused(a, b, one):
    """Between renditions of a Chinese story a changed syllable is another place or person; z/zh,
    c/ch, s/sh and n/ng are slips of one name; a name with and without its suffix (He, river) is one."""
    from auditor.checks.names.variants import loosely_variant

    assert loosely_variant(a, b, origins=frozenset({"chinese"})) is one


def test_a_pinyin_apostrophe_between_syllables_is_no_other_system():
    """Yan'an is pinyin (the apostrophe parts yan and an), not a Russian-route spelling of Yanan;
    Wade-Giles's aspiration mark after a consonant is a letter of its own (Ch'ang)."""
    from auditor.checks.names import romanize, schemes

    assert not schemes.changes("Yan'an", "Yanan") and not schemes.changes("Xi'an", "Xian")
    assert schemes.changes("Ch'ang", "Chang")
    assert romanize.scheme_standards("Yan'an", ["chinese"]) == []
