"""Names family on pivots and origins the development sets lack: Russian, Ukrainian and
Belarusian names that reached English through Spanish, Italian, Dutch or a Scandinavian language
(data/schemes/sl_via_*.txt), Indonesian names in the spelling before 1972
(data/schemes/id_old_spelling.txt, data/origins/indonesian_malay.txt), and Thai and Vietnamese
names in competing romanizations. A translation that keeps the pivot's spelling is reported with
the English spelling; the same story spelled the English way, and articles full of the pivot
countries' own names, are left alone; among eleven renditions of one story, the two or three that
keep a pivot's spelling are reported (NM102). Every text here is invented; none comes from a
development set."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import audit_texts, story_renditions


def _names(found: dict) -> dict[str, list[tuple[str, str | None]]]:
    return {name: sorted((f["code"], f["suggestion"]) for f in fs if f["family"] == "names")
            for name, fs in found.items() if any(f["family"] == "names" for f in fs)}


def _spelled(found: dict, files: dict[str, str]) -> dict[str, list[tuple[str, str, str | None]]]:
    return {name: sorted((f["code"], files[name][f["start"]:f["end"]], f["suggestion"]) for f in fs
                         if f["family"] == "names")
            for name, fs in found.items() if any(f["family"] == "names" for f in fs)}


# --- one translated article: through the pivot, and spelled the English way ----------------------
# (article through the pivot, {spelling seen: suggestion}); the article in English spellings is the
# article with the suggestions applied (and the places' English names: ENGLISH_PLACES)
PIVOT_ARTICLES = {
    "spanish": ("""Russian forces shell Kherson again

Russian forces shelled the southern city of Kherson on Tuesday, Ukrainian officials said. President Volodymyr Zelenski said the attacks on Járkov would not break the country.

Russian Foreign Minister Serguéi Lavrov said in Moscow that the talks had failed. Historians compared the crisis with the era of Nikita Jruschov and Mijaíl Gorbachev.
""", {"Zelenski": "Zelensky", "Járkov": "Kharkiv", "Serguéi": "Sergei", "Jruschov": "Khrushchev",
      "Mijaíl": "Mikhail"}),
    "italian": ("""Gorbachev remembered in Moscow

Russians gathered in Moscow on Saturday to remember Mikhail Gorbaciov, the last Soviet leader, officials said. Boris Eltsin, his rival, died in 2007.

Historians compared him with Nikita Kruscev, who denounced Stalin. President Vladimir Putin did not attend, the Kremlin said.
""", {"Gorbaciov": "Gorbachev", "Eltsin": "Yeltsin", "Kruscev": "Khrushchev"}),
    "dutch": ("""Putin meets officials in Moscow

Russian President Vladimir Poetin met officials in Moscow on Monday, the Kremlin said. Foreign Minister Sergei Lavrov attended.

The opposition compared the regime with that of Boris Jeltsin and Nikita Chroesjtsjov. Ukrainian officials said the shelling near Tsjernobyl had stopped.
""", {"Poetin": "Putin", "Jeltsin": "Yeltsin", "Chroesjtsjov": "Khrushchev", "Tsjernobyl": "Chernobyl"}),
    "scandinavian": ("""Chernobyl workers remember the disaster

Workers at Tjernobyl gathered in Ukraine on Friday to remember the disaster, officials said. President Volodymyr Zelensky thanked them.

Historians recalled that Mikhail Gorbatjov was in power then and that Nikita Chrusjtjov had built the first plants.
""", {"Tjernobyl": "Chernobyl", "Gorbatjov": "Gorbachev", "Chrusjtjov": "Khrushchev"}),
    "indonesian": ("""Indonesia marks its independence

Indonesians gathered in Jakarta on Sunday to mark the anniversary of independence. Officials in Soerabaja and the province of Atjeh held ceremonies too.

Historians recalled Roeslan Abdulgani, the diplomat, and the port of Tjilatjap, where the navy paraded.
""", {"Soerabaja": "Surabaya", "Atjeh": "Aceh", "Roeslan": "Ruslan", "Tjilatjap": "Cilacap"}),
    "portuguese": ("""Brazil recalls Soviet leaders

Brazilian historians met in São Paulo on Monday to discuss Russia's past, officials said. They recalled Mikhail Gorbatchov, the last Soviet leader, and Boris Ieltsin, his rival.

The Kremlin's spokesman Dmitry Peskov and Foreign Minister Sergei Lavrov did not attend the meeting in Moscow.
""", {"Gorbatchov": "Gorbachev", "Ieltsin": "Yeltsin"}),
    "hungarian": ("""Hungary's minister meets Russian officials

Hungarian Foreign Minister Péter Szijjártó met Russian President Vlagyimir Putyin in Moscow on Tuesday, the Kremlin said.

Szijjártó also met Prime Minister Mihail Misusztyin and Sergei Lavrov, and said Hungary would keep buying gas. Ukrainian officials in Kyiv said the visit showed that Dmitrij Medvegyev's threats were working.
""", {"Vlagyimir": "Vladimir", "Putyin": "Putin", "Dmitrij": "Dmitry", "Medvegyev": "Medvedev"}),
    "finnish": ("""Finland recalls Soviet leaders

Finnish historians met in Helsinki on Monday to discuss Russia's past, officials said. They recalled Mikhail Gorbatšov, the last Soviet leader, and Nikita Hruštšov, who visited Finland in 1957.

Ukrainian officials in Kyiv said the nuclear plant at Tšernobyl was safe.
""", {"Gorbatšov": "Gorbachev", "Hruštšov": "Khrushchev", "Tšernobyl": "Chernobyl"}),
    "lithuanian": ("""Lithuania recalls Soviet leaders

Lithuanian historians met in Vilnius on Monday to discuss Russia's past. They recalled Michail Gorbačiovas, the last Soviet leader, and Nikita Chruščiovas.

Foreign Minister Sergei Lavrovas did not attend, officials in Moscow said.
""", {"Gorbačiovas": "Gorbachev", "Chruščiovas": "Khrushchev", "Lavrovas": "Lavrov"}),
    "romanian": ("""Romania recalls Soviet leaders

Romanian historians met in Bucharest on Monday to discuss Russia's past. They recalled Boris Elțîn and Nichita Hrușciov, officials said.

Ukrainian officials in Kyiv said the plant at Cernobîl was safe.
""", {"Elțîn": "Yeltsin", "Nichita": "Nikita", "Hrușciov": "Khrushchev", "Cernobîl": "Chernobyl"}),
    "turkish": ("""Turkey recalls Soviet leaders

Turkish historians met in Ankara on Monday to discuss Russia's past. They recalled Mikhail Gorbaçov, the last Soviet leader, and Nikita Kruşçev.

Officials in Moscow did not comment.
""", {"Gorbaçov": "Gorbachev", "Kruşçev": "Khrushchev"}),
}


# Járkov is the Spanish spelling of the Russian Kharkov, which the scheme gives; the English name of
# the Ukrainian city is Kharkiv (the gazetteer's, which NM103 suggests through Kharkov).
ENGLISH_PLACES = {"Járkov": "Kharkiv"}


def _english(article: str, fixes: dict[str, str]) -> str:
    for seen, standard in fixes.items():
        article = article.replace(seen, ENGLISH_PLACES.get(seen, standard))
    return article


@pytest.mark.parametrize("pivot", sorted(PIVOT_ARTICLES))
def test_a_translation_that_keeps_the_pivots_spelling_is_reported_with_the_english_one(tmp_path, pivot):
    article, fixes = PIVOT_ARTICLES[pivot]
    found = audit_texts({"a.txt": article}, tmp_path, select="NM")
    got = _spelled(found, {"a.txt": article}).get("a.txt", [])
    want = sorted(("NM103", seen, standard) for seen, standard in fixes.items() for _ in range(article.count(seen)))
    assert got == want


@pytest.mark.parametrize("pivot", sorted(PIVOT_ARTICLES))
def test_the_same_story_in_english_spellings_has_no_names_finding(tmp_path, pivot):
    article, fixes = PIVOT_ARTICLES[pivot]
    assert not _names(audit_texts({"a.txt": _english(article, fixes)}, tmp_path, select="NM"))


# --- eleven renditions of one story, two or three of which keep a pivot's spelling ---------------
# (story, majority spellings, minority rows, {file: [(spelling seen, suggestion)]})
STORIES = {
    "spanish": (("Russian strikes hit Ukrainian city",
                 "Russian forces struck {0} overnight ({i}), Ukrainian officials said, and President Volodymyr {1} "
                 "visited the city.",
                 "{1} said the attacks would not break Ukraine, while Foreign Minister {2} Lavrov spoke in Moscow.",
                 "Officials in Kyiv and Odesa said air defences were busy."),
                ("Kherson", "Zelensky", "Sergei"),
                [("Jersón", "Zelenski", "Serguéi"), ("Kherson", "Zelenski", "Sergei"), ("Jersón", "Zelensky", "Serguéi")],
                {"r08.txt": [("Jersón", "Kherson"), ("Zelenski", "Zelensky"), ("Zelenski", "Zelensky"),
                             ("Serguéi", "Sergei")],
                 "r09.txt": [("Zelenski", "Zelensky"), ("Zelenski", "Zelensky")],
                 "r10.txt": [("Jersón", "Kherson"), ("Serguéi", "Sergei")]}),
    "italian": (("Kremlin marks anniversary",
                 "The Kremlin marked the anniversary of the death of Mikhail {0} in Moscow on Tuesday ({i}).",
                 "Historians compared {0} with Nikita {1} and Boris {2}, officials said.",
                 "President Vladimir Putin did not attend."),
                ("Gorbachev", "Khrushchev", "Yeltsin"),
                [("Gorbaciov", "Kruscev", "Yeltsin"), ("Gorbaciov", "Khrushchev", "Eltsin")],
                {"r08.txt": [("Gorbaciov", "Gorbachev")] * 2 + [("Kruscev", "Khrushchev")],
                 "r09.txt": [("Gorbaciov", "Gorbachev")] * 2 + [("Eltsin", "Yeltsin")]}),
    "dutch": (("Kremlin rejects talks",
               "Russian President Vladimir {0} rejected talks in Moscow on Monday ({i}), the Kremlin said.",
               "{0} and Defence Minister Andrei Belousov met generals, and Foreign Minister Sergei Lavrov said "
               "the West had failed, as under Boris {1}.",
               "Officials in Kyiv dismissed the remarks."),
              ("Putin", "Yeltsin"), [("Poetin", "Jeltsin"), ("Poetin", "Yeltsin"), ("Putin", "Jeltsin")],
              {"r08.txt": [("Poetin", "Putin")] * 2 + [("Jeltsin", "Yeltsin")],
               "r09.txt": [("Poetin", "Putin")] * 2, "r10.txt": [("Jeltsin", "Yeltsin")]}),
    "scandinavian": (("Ukraine remembers nuclear disaster",
                      "Ukrainians gathered near {0} on Saturday ({i}) to remember the nuclear disaster, officials in "
                      "Kyiv said.",
                      "Mikhail {1} led the Soviet Union at the time, and the plant at {0} closed in 2000.",
                      "Russian officials in Moscow did not comment."),
                     ("Chernobyl", "Gorbachev"), [("Tjernobyl", "Gorbatjov"), ("Tjernobyl", "Gorbachev")],
                     {"r08.txt": [("Tjernobyl", "Chernobyl")] * 2 + [("Gorbatjov", "Gorbachev")],
                      "r09.txt": [("Tjernobyl", "Chernobyl")] * 2}),
    "hungarian": (("Kremlin comments on Hungarian visit",
                   "Russian President Vladimir {0} met Hungary's foreign minister in Moscow on Tuesday ({i}), "
                   "the Kremlin said.",
                   "{0} said gas deliveries would continue, and Dmitry {1} said the West was divided.",
                   "Officials in Budapest welcomed the talks."),
                  ("Putin", "Medvedev"), [("Putyin", "Medvegyev"), ("Putyin", "Medvedev")],
                  {"r08.txt": [("Putyin", "Putin")] * 2 + [("Medvegyev", "Medvedev")],
                   "r09.txt": [("Putyin", "Putin")] * 2}),
    "romanian": (("Moldova recalls Soviet past",
                  "Moldovan historians met in Chisinau on Friday ({i}) to discuss the era of Nikita {0}, "
                  "officials said.",
                  "{0} visited Moldova in 1959, and the plant at {1} exploded under Mikhail Gorbachev.",
                  "Russian officials in Moscow did not comment."),
                 ("Khrushchev", "Chernobyl"), [("Hrușciov", "Cernobîl"), ("Hrușciov", "Chernobyl")],
                 {"r08.txt": [("Hrușciov", "Khrushchev")] * 2 + [("Cernobîl", "Chernobyl")],
                  "r09.txt": [("Hrușciov", "Khrushchev")] * 2}),
    "indonesian": (("Indonesia remembers its founders",
                    "Indonesians gathered in {0} on Sunday ({i}) to remember {1}, who proclaimed independence in 1945.",
                    "{1} and his successor {2} are buried far from {0}, officials said.",
                    "President Prabowo Subianto laid a wreath at the Kalibata cemetery."),
                   ("Jakarta", "Sukarno", "Suharto"),
                   [("Djakarta", "Soekarno", "Soeharto"), ("Jakarta", "Soekarno", "Suharto"),
                    ("Djakarta", "Sukarno", "Soeharto")],
                   {"r08.txt": [("Djakarta", "Jakarta")] * 2 + [("Soekarno", "Sukarno")] * 2 + [("Soeharto", "Suharto")],
                    "r09.txt": [("Soekarno", "Sukarno")] * 2,
                    "r10.txt": [("Djakarta", "Jakarta")] * 2 + [("Soeharto", "Suharto")]}),
    "thai": (("Thai court rules on former premier",
              "Thailand's Constitutional Court ruled on Wednesday ({i}) that former Prime Minister {0} {1} had "
              "broken no law, officials in Bangkok said.",
              "{0} met former premier {2} Shinawatra in {3} after the ruling, and the opposition criticised it.",
              "Protesters gathered in Bangkok and Khon Kaen."),
             ("Prayut", "Chan-o-cha", "Thaksin", "Chiang Mai"),
             [("Prayuth", "Chan-ocha", "Thaksin", "Chiang Mai"), ("Prayut", "Chan-o-cha", "Taksin", "Chiangmai"),
              ("Prayuth", "Chan-o-cha", "Thaksin", "Chiang Mai")],
             {"r08.txt": [("Prayuth", "Prayut")] * 2 + [("Chan-ocha", "Chan-o-cha")],
              "r09.txt": [("Taksin", "Thaksin"), ("Chiangmai", "Chiang Mai")],
              "r10.txt": [("Prayuth", "Prayut")] * 2}),
    "vietnamese": (("Vietnam's leader tours the north",
                    "Vietnamese Communist Party General Secretary To Lam returned to {0} on Monday ({i}), state "
                    "media said.",
                    "He met Prime Minister Pham Minh Chinh in {0} and officials from Da Nang.",
                    "The visit followed floods in central Vietnam."),
                   ("Hanoi",), [("Ha Noi",), ("Ha Noi",), ("Hanoi",)],
                   {"r08.txt": [("Ha Noi", "Hanoi")] * 2, "r09.txt": [("Ha Noi", "Hanoi")] * 2}),
}


@pytest.mark.parametrize("origin", sorted(STORIES))
def test_renditions_that_keep_a_pivots_spelling_are_reported_with_the_majoritys(tmp_path, origin):
    story, majority, minorities, expected = STORIES[origin]
    files = story_renditions(*story, majority, minorities)
    got = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    want = {name: sorted(("NM102", seen, standard) for seen, standard in pairs) for name, pairs in expected.items()}
    assert got == want


def test_vietnamese_names_without_their_marks_in_a_few_renditions_are_accent_variants(tmp_path):
    """Phạm Minh Chính in eight renditions, Pham Minh Chinh in two: both are usual in English, so
    only NM106 (info) reports the two, word by word where a word has four letters or more."""
    story = ("Vietnam's prime minister visits the south",
             "Vietnamese Prime Minister {0} {1} visited the Mekong delta on Friday ({i}), state media said.",
             "{1} promised help to farmers hit by salt water, officials in Can Tho said.",
             "The visit followed floods in central Vietnam.")
    files = story_renditions(*story, ("Phạm Minh", "Chính"), [("Pham Minh", "Chinh")] * 2)
    got = _spelled(audit_texts(files, tmp_path, select="NM"), files)
    want = [("NM106", "Chinh", "Chính")] * 2 + [("NM106", "Pham", "Phạm")]
    assert got == {"r08.txt": want, "r09.txt": want}


# --- articles about the pivot countries, full of their own names ---------------------------------
ARTICLES = Path(__file__).resolve().parent / "data" / "names_pivots2"


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_no_names_finding_in_an_article_full_of_local_names(tmp_path, name):
    found = audit_texts({name: (ARTICLES / name).read_text(encoding="utf-8")}, tmp_path, select="NM")
    assert not _names(found)


def test_no_names_finding_when_those_articles_are_audited_together(tmp_path):
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}
    assert not _names(audit_texts(files, tmp_path, select="NM"))


# --- Slovene names left in a case form (NM107, data/cases/slovene.txt) ---------------------------
SLOVENE = """Slovenia's opposition files a motion

Slovenia's opposition filed a motion in Ljubljana on Monday against the government of Robert Golob, officials said. Golob called it a stunt.

Supporters of Janeza Janše gathered outside parliament. Janez Janša said the motion would pass, and a letter from Boruta Pahorja urged calm.

Talks with Tanjo Fajon, the foreign minister, were postponed.
"""


def test_slovene_case_forms_left_in_a_translation_are_reported_with_the_nominative(tmp_path):
    found = audit_texts({"a.txt": SLOVENE}, tmp_path, select="NM")
    got = _spelled(found, {"a.txt": SLOVENE}).get("a.txt", [])
    assert got == sorted([("NM107", "Janeza", "Janez"), ("NM107", "Janše", "Janša"), ("NM107", "Boruta", "Borut"),
                          ("NM107", "Pahorja", "Pahor"), ("NM107", "Tanjo", "Tanja")])


@pytest.mark.xfail(reason="the scholarly transliteration of Cyrillic (sl_latin_diacritics.txt) takes a Slovene "
                          "name with its own letters for a Russian one when the article also names Russia: "
                          "the origin of one name is not told from the article's", strict=False)
def test_a_slovene_name_in_an_article_that_names_russia_is_left_alone(tmp_path):
    text = (ARTICLES / "slovenia.txt").read_text(encoding="utf-8").replace("in Brussels.", "on Russia.")
    assert not _names(audit_texts({"a.txt": text}, tmp_path, select="NM"))


@pytest.mark.xfail(reason="GeoNames lists the Brazilian state Ceará among the other names of its capital, "
                          "Fortaleza, and the gazetteer (data/gazetteer.tsv) keeps it as a spelling of the city",
                   strict=False)
def test_a_brazilian_state_is_not_taken_for_another_spelling_of_its_capital(tmp_path):
    text = (ARTICLES / "brazil.txt").read_text(encoding="utf-8").replace("from Pernambuco", "from Ceará")
    assert not _names(audit_texts({"a.txt": text}, tmp_path, select="NM"))


@pytest.mark.xfail(reason="after 'from', NM107 reads Kaunas as a Latvian genitive of 'kauna' (a Latvian word "
                          "its frequencies know) in an article that names Latvia", strict=False)
def test_lithuanias_second_city_is_not_a_latvian_case_form(tmp_path):
    text = (ARTICLES / "lithuania_russia.txt").read_text(encoding="utf-8").replace("from Panevėžys", "from Kaunas")
    assert not _names(audit_texts({"a.txt": text}, tmp_path, select="NM"))
