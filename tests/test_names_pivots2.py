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

import pytest

from conftest import audit_texts


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
""", {"Zelenski": "Zelensky", "Járkov": "Kharkov", "Serguéi": "Sergei", "Jruschov": "Khrushchev",
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
}


# Járkov is the Spanish spelling of the Russian Kharkov, which the scheme gives; the English name of
# the Ukrainian city is Kharkiv (the gazetteer's, which NM103 then suggests for Kharkov).
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
