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


def _environment(root, release: str):
    """A fake site-packages holding wordfreq `release`'s English list (its bytes do not matter)."""
    data = root / "site-packages" / "wordfreq" / "data"
    data.mkdir(parents=True)
    (root / "site-packages" / f"wordfreq-{release}.dist-info").mkdir()
    source = data / "large_en.msgpack.gz"
    source.write_bytes(b"a list" * 100)
    return str(source)


def test_environments_with_one_wordfreq_release_share_its_index(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    built = []
    monkeypatch.setattr(lexicon, "_build_index", lambda source, path: (
        built.append(source), os.makedirs(os.path.dirname(path), exist_ok=True), open(path, "wb").close()))
    first = lexicon._index_for(_environment(tmp_path / "one", "3.1.1"))
    assert lexicon._index_for(_environment(tmp_path / "two", "3.1.1")) == first
    assert len(built) == 1, "a second environment with the same release built the index again"
    old = time.time() - (lexicon.MAX_INDEX_AGE_DAYS + 1) * 24 * 3600
    os.utime(first, (old, old))
    upgraded = lexicon._index_for(_environment(tmp_path / "three", "3.2.0"))
    assert upgraded != first and len(built) == 2
    assert not os.path.exists(first), "an index unused for longer than allowed stays"
    recent = lexicon._index_for(_environment(tmp_path / "four", "3.3.0"))
    assert os.path.exists(upgraded) and os.path.exists(recent), "an index in use was removed"


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
