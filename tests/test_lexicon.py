"""The memory-mapped word-frequency index gives wordfreq's numbers exactly."""
from __future__ import annotations

import pytest

from auditor import lexicon


def test_index_equals_wordfreq(tmp_path, monkeypatch):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    lexicon.english_frequencies.cache_clear()
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
        lexicon.english_frequencies.cache_clear()


def test_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocked / "sub"))
    lexicon.english_frequencies.cache_clear()
    try:
        freqs = lexicon.english_frequencies()
        assert isinstance(freqs, dict) and freqs["the"] > 0.01
    finally:
        lexicon.english_frequencies.cache_clear()


def test_a_damaged_index_is_not_read(tmp_path):
    bad = tmp_path / "x.idx"
    bad.write_bytes(b"garbage" * 10)
    with pytest.raises(ValueError):
        lexicon.FrequencyIndex(bad)
