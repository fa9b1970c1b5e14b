"""The memory-mapped word-frequency index gives wordfreq's numbers exactly."""
from __future__ import annotations

import pytest

from auditor import lexicon


def _forget() -> None:
    lexicon.english_frequencies.cache_clear()
    lexicon.frequencies.cache_clear()


def test_index_equals_wordfreq(tmp_path, monkeypatch):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    _forget()
    try:
        index = lexicon.english_frequencies()
        assert isinstance(index, lexicon.FrequencyIndex)
        assert list(tmp_path.glob("wordfreq-en-*.idx"))
        expected = wordfreq.get_frequency_dict("en")
        assert len(index) == len(expected)
        assert dict(index.items()) == expected
        for word in ("the", "kyiv", "zelensky", "über", "東京", "nonexistentwordxyz", ""):
            assert index.get(word, 0.0) == expected.get(word, 0.0)
            assert (word in index) == (word in expected)
    finally:
        _forget()


def test_unknown_words_are_those_not_in_the_list_asked_again_or_not(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    _forget()
    try:
        index = lexicon.english_frequencies()
        words = {"the", "kyiv", "nonexistentwordxyz", "qwzx", "harbour"}
        expected = {w for w in words if w not in index}
        assert expected == {"nonexistentwordxyz", "qwzx"}
        assert lexicon.unknown_words(index, words) == expected  # the words looked up before
        fresh = lexicon.FrequencyIndex(next(tmp_path.glob("wordfreq-en-*.idx")))
        assert lexicon.unknown_words(fresh, words) == expected  # and new ones
        assert lexicon.unknown_words(dict(fresh.items()), words) == expected
    finally:
        _forget()


def test_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocked / "sub"))
    _forget()
    try:
        freqs = lexicon.english_frequencies()
        assert isinstance(freqs, dict) and freqs["the"] > 0.01
    finally:
        _forget()


def test_a_damaged_index_is_not_read(tmp_path):
    bad = tmp_path / "x.idx"
    bad.write_bytes(b"garbage" * 10)
    with pytest.raises(ValueError):
        lexicon.FrequencyIndex(bad)


#: Words of each list sampled for the agreement test (every n-th word, and the most frequent).
SAMPLE_STEP = 97


@pytest.mark.parametrize("lang", sorted(lexicon.DIRECT_LANGUAGES))
def test_zipf_frequency_equals_wordfreq(lang, tmp_path, monkeypatch):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    _forget()
    try:
        words = list(wordfreq.get_frequency_dict(lang))
        sample = words[:200] + words[::SAMPLE_STEP]
        sample += [w.upper() for w in sample[:300]] + [w.capitalize() for w in sample[:300]]
        sample += ["Etiopia", "Moskau", "bomberos", "Straße", "İstanbul", "nonexistentwordxyz", "東京", ""]
        differ = [(w, lexicon.zipf_frequency(w, lang), wordfreq.zipf_frequency(w, lang))
                  for w in sample if lexicon.zipf_frequency(w, lang) != wordfreq.zipf_frequency(w, lang)]
        assert not differ, differ[:10]
    finally:
        _forget()


def test_other_languages_are_asked_of_wordfreq(tmp_path, monkeypatch):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    for word, lang in (("istanbul", "tr"), ("kayıp", "tr"), ("مرحبا", "ar"), ("Groß", "de")):
        assert lexicon.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang)
