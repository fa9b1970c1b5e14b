"""Names family: cases found by generated probe stories (correctly spelled places from the
gazetteer, people's names written per country, renditions that differ only in wording). Every
text here is invented."""
from __future__ import annotations

import pytest
from conftest import audit_texts


def _names(found: dict) -> list[tuple[str, str, str | None]]:
    return sorted((path, f["code"], f["suggestion"]) for path, fs in found.items() for f in fs
                  if f["family"] == "names")


def test_a_mongolian_name_ending_in_j_is_no_german_spelling_of_a_russian_one(tmp_path):
    """A Mongolian surname (Batdorj) in a story that also names Ukraine: a j after a consonant at
    the end of a word is no Cyrillic й in a German or Dutch transliteration."""
    text = ("Mongolian officials said on Monday that floods had cut the road from Ulaanbaatar to Darkhan.\n\n"
            "Ganzorig Batdorj, a spokesman for the regional government, said crews were clearing debris.\n\n"
            "Aid also came from Ukrainian volunteers in Kharkiv, Batdorj added.\n")
    assert _names(audit_texts({"a.txt": text}, tmp_path, select="NM")) == []


def test_the_part_of_a_hyphenated_name_is_not_a_town_misspelled(tmp_path):
    """Munkh-Ochir's second part and the town Ochirt (invented) are two names, not one spelled
    two ways."""
    text = ("Floods hit Ochirt\n\nMongolian officials said on Monday that rain had cut roads near Ochirt.\n\n"
            "Munkh-Ochir Tserenbat, a spokesman for the regional government, said crews were clearing debris.\n\n"
            "In Ochirt, residents said the river rose fast.\n\n"
            "The government of Mongolia pledged funds, Munkh-Ochir Tserenbat added.\n")
    assert _names(audit_texts({"a.txt": text}, tmp_path, select="NM")) == []


def _vietnam(i: int, first: str) -> str:
    verb = ("said", "stated", "told reporters")[i % 3]
    return (f"Vietnamese officials {verb} on Friday that rain had cut roads between {first} Hòa and Cao Bằng.\n\n"
            f"Residents of Lang Bien Phu said the river rose fast, rendition {i}.\n\n"
            f"Nguyen Van Thanh said power had been restored in {first} Hòa.\n")


def test_a_word_that_most_renditions_write_both_ways_belongs_to_two_names(tmp_path):
    """Every rendition writes 'Biên' in one place name and 'Bien' in another (invented Lang Bien
    Phu): the renditions agree, so neither is an accent dropped."""
    found = audit_texts({f"r{i:02d}.txt": _vietnam(i, "Biên") for i in range(11)}, tmp_path, select="NM")
    assert _names(found) == []


def _bulgaria(i: int, given: str) -> str:
    verb = ("said", "stated", "told journalists")[i % 3]
    return (f"Bulgarian officials {verb} on Monday that heavy rain had blocked roads near Pleven and Vratsa.\n\n"
            f"{given} Stoyadinov, a spokesman for the regional government, said crews from Montana were at work.\n\n"
            f"Residents of Lovech said the river rose fast, according to {given} Stoyadinov, rendition {i}.\n")


def test_a_given_name_in_another_romanization_beside_the_same_surname_is_reported(tmp_path):
    """Two of eleven renditions write Nikolai where the others write Nikolay, beside one rare
    surname: one person's name in two romanizations, though both are established names."""
    files = {f"r{i:02d}.txt": _bulgaria(i, "Nikolai" if i in (3, 7) else "Nikolay") for i in range(11)}
    found = _names(audit_texts(files, tmp_path, select="NM"))
    assert {(p, c, s) for p, c, s in found} == {("r03.txt", "NM102", "Nikolay"), ("r07.txt", "NM102", "Nikolay")}


def _mongolia(i: int, surname: str) -> str:
    verb = ("said", "stated", "told reporters")[i % 3]
    return (f"Mongolian officials {verb} on Monday that floods had cut the road to Erdenet.\n\n"
            f"Baasan {surname}, a spokesman for the regional government, said crews were clearing debris.\n\n"
            f"Aid also came from Ukrainian volunteers in Kharkiv, {surname} added, rendition {i}.\n")


def test_a_scheme_does_not_overrule_most_renditions_for_a_name_of_another_origin(tmp_path):
    """Nine renditions write a Mongolian surname with j (Tsendjargal), two with zh: a Russian
    scheme would call the zh form standard, but the story's name is not Russian, and the two
    renditions are the ones reported."""
    files = {f"r{i:02d}.txt": _mongolia(i, "Tsendzhargal" if i in (3, 7) else "Tsendjargal") for i in range(11)}
    found = _names(audit_texts(files, tmp_path, select="NM"))
    assert {p for p, _, _ in found} == {"r03.txt", "r07.txt"}
    assert {s for _, _, s in found} == {"Tsendjargal"}


def _saudi(i: int, surname: str) -> str:
    verb = ("said", "stated", "told reporters")[i % 3]
    return (f"Saudi officials {verb} on Monday that floods had cut the road between Riyadh and Buraydah.\n\n"
            f"Nawaf {surname}, a spokesman for the regional government, said crews were clearing debris.\n\n"
            f"Residents of Hail said the water rose fast, {surname} added, rendition {i}.\n")


def test_the_arabic_article_written_apart_in_a_few_renditions_is_reported(tmp_path):
    """Nine renditions write Al-Harthani (invented), two write Al Harthani: a spacing variant."""
    files = {f"r{i:02d}.txt": _saudi(i, "Al Harthani" if i in (3, 7) else "Al-Harthani") for i in range(11)}
    found = _names(audit_texts(files, tmp_path, select="NM"))
    assert {p for p, _, _ in found} == {"r03.txt", "r07.txt"}
    assert {s for _, _, s in found} == {"Al-Harthani"}


def test_the_arabic_article_written_apart_everywhere_is_left_alone(tmp_path):
    files = {f"r{i:02d}.txt": _saudi(i, "Al Harthani") for i in range(11)}
    assert _names(audit_texts(files, tmp_path, select="NM")) == []


def _wrestling(i: int, hero: str, rival: str, lowercase_slip: bool) -> str:
    verb = ("said", "wrote", "told fans")[i % 3]
    slip = hero.lower() if lowercase_slip else hero
    return (f"{hero} returns to Ostrevka\n\n"
            f"The manga hero {hero} fights {rival} in the final at Ostrevka, its author {verb} on Monday.\n\n"
            f"Readers of the {slip} series have waited two years for the match, rendition {i}.\n\n"
            f"{hero} and {rival} met once before, in the third volume.\n")


def test_a_name_once_in_lowercase_still_ties_a_rendition_to_its_story(tmp_path):
    """One rendition writes the invented hero Tarvoslin once in lowercase among three capitalised
    uses: still a name, so the file stays among its story's renditions and its misspelled
    Keldrimof is reported."""
    files = {f"r{i:02d}.txt": _wrestling(i, "Tarvoslin", "Keldrimov", False) for i in range(10)}
    files["r10.txt"] = _wrestling(10, "Tarvoslin", "Keldrimof", True)
    found = _names(audit_texts(files, tmp_path, select="NM"))
    assert ("r10.txt", "NM102", "Keldrimov") in found
    assert all(path == "r10.txt" for path, _, _ in found)


_REGIONAL = {
    "hungary.txt": ("Hungary hosts regional talks\n\n"
                    "Hungarian Foreign Minister Péter Szijjártó hosted his Slovak counterpart in Budapest on Monday, "
                    "and the two discussed gas supplies through Bratislava.\n\n"
                    "Szijjártó said Hungary would keep buying Russian gas, and officials in Prague and Vienna "
                    "criticised the plan.\n"),
    "czechia.txt": ("Czech government survives vote\n\n"
                    "Czech Prime Minister Petr Fiala survived a confidence vote in Prague on Wednesday after a "
                    "debate about energy prices and ties with Budapest and Bratislava.\n\n"
                    "Fiala said the coalition would stay united, and opposition leader Andrej Babiš promised to try "
                    "again.\n"),
}


def test_two_reports_that_name_the_same_capitals_are_no_renditions(tmp_path):
    """Two regional reports of as many paragraphs name the same capitals (rare names both) but
    share no wording: they tell two stories, so Péter in one and Petr in the other are two men."""
    assert _names(audit_texts(_REGIONAL, tmp_path, select="NM")) == []


def _emoji(i: int, site: str) -> str:
    verb = ("said", "reported", "wrote")[i % 3]
    return (f"The most used emoji of the year ({site} Japan)\n\n"
            f"The ranking of the most used emoji was published by the Unicode consortium, the site {verb}.\n\n"
            "The laughing face with tears remained first, followed by the red heart.\n\n"
            "The crying face climbed to third place, ahead of the thumbs up and the smiling face.\n\n"
            f"Rankings of this kind are compiled every year from public messages, rendition {i}.\n")


@pytest.mark.xfail(reason="renditions need two rare names in common: grouping files of one rare name, as "
                          "many paragraphs and most of their wording (tried) grouped most of a 10,000-article "
                          "corpus of templated articles and raised the run's peak memory by 70 MB", strict=False)
def test_renditions_with_a_single_rare_name_are_grouped_by_their_wording(tmp_path):
    """A short story with one rare name in common (Unicode): its renditions of as many
    paragraphs and nearly the same wording are one story, so the site's misspelled name in one of
    them is reported against the others."""
    files = {f"r{i:02d}.txt": _emoji(i, "Gizmorda") for i in range(10)}
    files["r10.txt"] = _emoji(10, "Gizmorde")
    assert _names(audit_texts(files, tmp_path, select="NM")) == [("r10.txt", "NM102", "Gizmorda")]


def test_a_content_sketch_estimates_shared_wording():
    from auditor.checks.names.renditions import content_overlap, content_sketch

    a = content_sketch("Officials reported flooding across the northern districts after torrential rainfall.")
    b = content_sketch("Officials reported flooding across the northern provinces after torrential rainfall.")
    c = content_sketch("The orchestra performed symphonies beneath glittering chandeliers yesterday.")
    assert content_overlap(a, a) == 1.0
    assert 0.5 < content_overlap(a, b) < 1.0
    assert content_overlap(a, c) == 0.0
    assert content_sketch("Names Only Here: Tokyo Osaka Nagoya") == b""
    assert content_overlap(b"", b"") == 0.0


def test_a_pinyin_given_name_written_whole_wins_over_its_syllables(tmp_path):
    """Jinping and Jin-ping in one article: only the whole name can be in a word list (its
    syllables Jin and ping are other words), so the whole name is the one suggested."""
    text = ("Chinese President Xi Jinping sent a message to the summit in Beijing on Monday.\n\n"
            "Later, Xi Jin-ping said that peace in Asia mattered to China.\n")
    assert _names(audit_texts({"a.txt": text}, tmp_path, select="NM")) == [("a.txt", "NM101", "Jinping")]


def _rail(i: int, city: str) -> str:
    verb = ("said", "stated", "told reporters")[i % 3]
    return (f"Night trains to {city} return\n\n"
            f"German rail officials {verb} on Monday that night trains from Berlin to {city} would run again.\n\n"
            f"Tickets to {city} go on sale in Hamburg and Leipzig next week, rendition {i}.\n\n"
            "The line was closed for repairs in the spring, officials in Dresden said.\n")


def test_a_german_exonym_left_in_a_rendition_is_one_name_with_the_english_one(tmp_path):
    """Two of eleven renditions of a German story keep German 'Wien' where the others write
    'Vienna': German w is English v, so the two are spellings of one name, not a renaming."""
    files = {f"r{i:02d}.txt": _rail(i, "Wien" if i in (2, 9) else "Vienna") for i in range(11)}
    found = _names(audit_texts(files, tmp_path, select="NM"))
    assert {(p, s) for p, _, s in found} == {("r02.txt", "Vienna"), ("r09.txt", "Vienna")}


def test_a_name_with_both_its_words_in_another_romanization_is_one_person(tmp_path):
    """Sergei Shoigu and, later, Sergey Shoygu in one Russian story: the given names are one name
    under the East Slavic key, so the two surnames are no two people's, and the pair is reported."""
    text = ("Russian Defence Minister Sergei Shoigu visited troops near Moscow on Monday.\n\n"
            "Sergey Shoygu said the army was ready, according to Russian state media.\n")
    found = _names(audit_texts({"a.txt": text}, tmp_path, select="NM"))
    assert {(c, p) for p, c, _ in found} == {("NM101", "a.txt")}
    assert len(found) == 2
