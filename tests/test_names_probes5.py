"""Names family on probes built from reference romanizations of languages the development sets lack
(Russian through iuliia's systems, Czech and Hebrew spellings, pinyin given names): a name a
translation left in a case form, one person's name written in two systems in one article. Every
text here is invented; none comes from a development set."""
from __future__ import annotations

from conftest import audit_texts, story_renditions


def _spelled(found: dict, files: dict[str, str]) -> list[tuple[str, str, str, str | None]]:
    return sorted((name, f["code"], files[name][f["start"]:f["end"]], f["suggestion"])
                  for name, fs in found.items() for f in fs if f["family"] == "names")


# --- a Russian surname in the genitive after a man's given name ----------------------------------
_RU_STORY = ("Hospital plan for Kazan",
             "Russian official {0} visited Kazan on Monday, local media reported (rendition {i}).",
             "The project is led by Irina Belozerova, the regional health director, {0} said.",
             "Residents of Kazan have waited more than a decade for the hospital.")


def test_a_mans_surname_in_the_feminine_form_is_a_case_form_in_one_rendition(tmp_path):
    """Ten renditions write Fyodor Dnyomov, one Fyodor Dnyomova: a man's surname does not take
    the feminine ending, so the translation copied the genitive (Дньомова)."""
    files = story_renditions(*_RU_STORY, ("Fyodor Dnyomov",), [("Fyodor Dnyomova",)], copies=10)
    found = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    assert found and all(name == "r10.txt" and text == "Dnyomova" for name, _, text, _ in found)
    assert {s for *_, s in found} == {"Dnyomov"}


def test_a_mans_genitive_surname_in_a_single_article(tmp_path):
    text = ("Kazan hospital delayed\n\nRussian officials said on Monday that the hospital in Kazan would open late.\n\n"
            "The delay was announced by Vyacheslav Chuzhimova, the regional health minister.\n\n"
            "Vyacheslav Chuzhimov said the money was in place.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert [(t, s) for _, _, t, s in found] == [("Chuzhimova", "Chuzhimov")]


def test_a_womans_surname_after_her_own_given_name_is_left_alone(tmp_path):
    text = ("Kazan hospital delayed\n\nRussian officials said on Monday that the hospital in Kazan would open late.\n\n"
            "The delay was announced by Yevgenia Chuzhimova, the regional health minister, and her deputy "
            "Vyacheslav Ozhidayetov.\n\nChuzhimova said the money was in place; Ozhidayetov agreed.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- one person's name in two romanizations in one article (NM101) --------------------------------
def test_a_given_name_in_two_systems_beside_one_rare_surname_is_one_name(tmp_path):
    """Sergei (the English newsroom form) and Sergey (BGN/PCGN, Yandex) beside the same rare
    surname: one person, two romanizations of Сергей."""
    text = ("Hospital plan for Kazan\n\nRussian official Sergei Monakhov visited Kazan on Monday, local media reported.\n\n"
            "Speaking later, Sergey Monakhov added that the new hospital would open next spring.\n\n"
            "Residents of Kazan had waited for the hospital for ten years, Sergei Monakhov said.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert [(c, t, s) for _, c, t, s in found] == [("NM101", "Sergey", "Sergei")]


def test_a_hebrew_surname_in_two_transliterations_of_one_letter_is_one_name(tmp_path):
    """Hazan and Chazan: ח written h and ch, the same surname of the same official."""
    text = ("Hospital plan for Haifa\n\nIsraeli official Tzachi Hazan visited Haifa on Monday, local media reported.\n\n"
            "Speaking later, Tzachi Chazan added that the new hospital would open next spring.\n\n"
            "Residents of Haifa had waited for the hospital for ten years, Tzachi Hazan said.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert [(c, t, s) for _, c, t, s in found] == [("NM101", "Chazan", "Hazan")]


def test_two_people_whose_surnames_share_a_romanization_key_are_left_alone(tmp_path):
    """Levy and Levi have one key, but the given names beside them say they are two people."""
    text = ("Hospital plan for Haifa\n\nIsraeli official Gideon Levy visited Haifa on Monday, local media reported.\n\n"
            "The project is led by Orna Levi, the regional health director.\n\n"
            "Residents of Haifa had waited for the hospital for ten years, Gideon Levy said.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


def test_capitals_alone_are_no_romanization(tmp_path):
    text = ("Israeli start-up raises funds\n\nThe Israeli firm Dataweave said on Monday it had raised funds in Tel Aviv.\n\n"
            "Its DataWeave platform is used by banks, the company said.\n\nDataWeave employs 40 people in Haifa.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- Hebrew: ב as b or v, and the English form of a Hebrew given name ------------------------------
_HE_STORY = ("Hospital plan for {0}",
             "Israeli official {1} Tzabari visited {0} on Monday, local media reported (rendition {i}).",
             "The project in {0} is led by Dalia Rosenfeld, the regional health director, {1} Tzabari said.",
             "Residents have waited more than a decade for the hospital.")


def test_a_place_with_beth_written_v_in_two_renditions_is_reported(tmp_path):
    files = story_renditions(*_HE_STORY, ("Kfar Saba", "Mordechai"), [("Kfar Sava", "Mordechai")] * 2, copies=9)
    found = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    assert {(n, t) for n, _, t, _ in found} == {("r09.txt", "Sava"), ("r10.txt", "Sava")}


def test_the_english_form_of_a_hebrew_given_name_in_two_renditions_is_reported(tmp_path):
    """Nine renditions keep Mordechai, two print the English Mordecai: one person, two forms."""
    files = story_renditions(*_HE_STORY, ("Ashdod", "Mordechai"), [("Ashdod", "Mordecai")] * 2, copies=9)
    found = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    assert {(n, t, s) for n, _, t, s in found} == {("r09.txt", "Mordecai", "Mordechai"),
                                                   ("r10.txt", "Mordecai", "Mordechai")}


# --- Czech: a place left in the locative ----------------------------------------------------------
def test_a_czech_place_in_the_locative_beside_its_nominative_is_reported(tmp_path):
    text = ("Floods in Olomouc\n\nCzech firefighters worked through the night in Olomouci, the regional office said.\n\n"
            "The mayor of Olomouc thanked the volunteers on Tuesday.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert [(c, t, s) for _, c, t, s in found] == [("NM107", "Olomouci", "Olomouc")]


# --- German: a city's German name, which English hardly prints, in two renditions ------------------
_DE_STORY = ("Trade fair opens in {0}",
             "German officials opened the trade fair in {0} on Monday, the organisers said (rendition {i}).",
             "Ulrike Brandstetter, who runs the fair, said visitors had come to {0} from forty countries.",
             "Exhibitors from Germany and abroad showed new machines.")


def test_a_german_citys_own_name_in_two_renditions_is_the_english_name_misspelt(tmp_path):
    files = story_renditions(*_DE_STORY, ("Cologne",), [("Köln",)] * 2, copies=9)
    found = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    assert {(n, t, s) for n, _, t, s in found} == {("r09.txt", "Köln", "Cologne"), ("r10.txt", "Köln", "Cologne")}


def test_a_german_name_english_prints_often_is_left_alone_in_a_native_article(tmp_path):
    text = ("Bundesliga round-up\n\nBayern Munich beat FC Köln 3-1 on Saturday, while Hannover 96 drew in the "
            "second division of German football.\n\nFans in Hannover celebrated late into the night.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- pinyin tone marks: English writes the plain syllables ---------------------------------------
def test_a_pinyin_name_with_tone_marks_in_one_place_is_reported_not_its_plain_form(tmp_path):
    text = ("Hospital plan for Shanghai\n\nChinese official Zhou Qiangjian visited Shanghai on Monday, the state "
            "news agency reported.\n\nSpeaking later, Zhōu Qiángjiàn added that the new hospital would open next "
            "spring.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(t, s) for _, _, t, s in found} == {("Zhōu", "Zhou"), ("Qiángjiàn", "Qiangjian")}


def test_a_name_with_its_own_accents_still_wins_a_tie(tmp_path):
    text = ("Madrid talks\n\nSpanish Prime Minister Pedro Sánchez met union leaders in Madrid on Monday.\n\n"
            "Sanchez said the talks would continue next week.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert [(t, s) for _, _, t, s in found] == [("Sanchez", "Sánchez")]


# --- a Russian name in a passport or map transliteration, alone in an article (NM103) --------------
def test_a_well_known_russian_surname_in_bgn_or_passport_spelling_is_given_its_english_form(tmp_path):
    text = ("Moscow, Tuesday\n\nRussian opposition figure Mikhail Khodorkovskiy said on Tuesday that the "
            "Kremlin had lost the argument.\n\nKhodorkovskiy spoke from London.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM103", "Khodorkovskiy", "Khodorkovsky")}


def test_ukrainian_national_spellings_are_no_russian_passport_spellings(tmp_path):
    text = ("Kyiv, Tuesday\n\nUkrainian President Volodymyr Zelenskyy visited Borodianka on Tuesday with "
            "Andrii Yermak.\n\nZelenskyy said the town would be rebuilt.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- German transliterations of East Slavic names, alone in an article (NM103) ---------------------
def test_a_ukrainian_place_in_its_german_transliteration_gets_its_english_name(tmp_path):
    """Saporoschje is the German (Duden) form of the Russian Zaporozhye, which GeoNames lists as
    another spelling of Zaporizhzhia."""
    text = ("Ukraine, Tuesday\n\nUkrainian officials said on Tuesday that shelling had hit Saporoschje overnight.\n\n"
            "The governor said two people were hurt in Saporoschje.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM103", "Saporoschje", "Zaporizhzhia")}


def test_a_german_ski_ending_on_a_known_ukrainian_surname(tmp_path):
    text = ("Kyiv, Tuesday\n\nUkrainian President Selenski said on Tuesday that talks would continue in Kyiv.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM103", "Selenski", "Zelensky")}


def test_a_polish_ski_surname_is_left_alone(tmp_path):
    text = ("Warsaw, Tuesday\n\nPolish and Ukrainian officials met Tomasz Wiśniewski and Marek Lewandowski in "
            "Warsaw on Tuesday, and spoke of Russia.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- Taiwan and Hong Kong places in mainland pinyin -----------------------------------------------
def test_a_hong_kong_district_in_mandarin_pinyin_gets_its_english_name(tmp_path):
    """九龍 read in Mandarin is Jiulong; Hong Kong's English name for it is Kowloon."""
    text = ("Hong Kong, Tuesday\n\nHong Kong police said on Tuesday that a fire had closed two streets in Jiulong "
            "overnight.\n\nResidents of Jiulong were moved to a school, the Hong Kong government said.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM103", "Jiulong", "Kowloon")}


def test_the_english_names_of_hong_kong_and_taiwan_places_are_left_alone(tmp_path):
    text = ("Hong Kong, Tuesday\n\nHong Kong police said on Tuesday that a fire had closed two streets in Kowloon "
            "overnight, while flights from Kaohsiung and Taichung in Taiwan were delayed.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


def test_an_english_name_written_with_and_without_a_space_outside_a_chinese_article(tmp_path):
    text = ("Paris start-up fair\n\nFrench and Japanese start-ups met at VivaTech in Paris on Monday.\n\n"
            "Organisers said Viva Tech drew more visitors than last year, and VivaTech will return in June.\n")
    assert _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text}) == []


# --- a place left in a case form, its nominative known to the gazetteer only ----------------------
def test_a_czech_town_in_the_locative_alone_in_an_article_gets_its_english_name(tmp_path):
    text = ("Protest in the Czech capital\n\nCzech police said on Saturday that the march in Praze had passed off "
            "peacefully.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM107", "Praze", "Prague")}


def test_a_czech_town_in_the_genitive_alone_keeps_its_own_name(tmp_path):
    text = ("Floods in Moravia\n\nCzech firefighters from Olomouce and Brna worked through the night, the regional "
            "office said on Tuesday.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(t, s) for _, _, t, s in found} == {("Olomouce", "Olomouc"), ("Brna", "Brno")}


def test_a_hong_kong_district_of_two_words_in_pinyin_in_two_renditions(tmp_path):
    """荃灣 is Tsuen Wan in English and Quanwan in Mandarin pinyin: the renditions that wrote the
    pinyin are reported, the English name being used in the others."""
    story = ("Fire in {0}",
             "Hong Kong firefighters put out a blaze in {0} on Monday, the government said (rendition {i}).",
             "Residents of {0} were moved to a school, said Chan Siu-ming, the Hong Kong district officer.",
             "Hong Kong police are investigating the cause.")
    files = story_renditions(*story, ("Tsuen Wan",), [("Quanwan",)] * 2, copies=9)
    found = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    assert {(n, t, s) for n, _, t, s in found} == {("r09.txt", "Quanwan", "Tsuen Wan"), ("r10.txt", "Quanwan", "Tsuen Wan")}


def test_a_czech_surname_in_the_genitive_after_a_nominative_given_name(tmp_path):
    text = ("Czech politics\n\nCzech opposition leader Radim Horáka criticised the government in Prague on "
            "Monday.\n\nRadim Horák later met reporters.\n")
    found = _spelled(audit_texts({"a.txt": text}, tmp_path, select="NM"), {"a.txt": text})
    assert {(c, t, s) for _, c, t, s in found} == {("NM107", "Horáka", "Horák")}
