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
