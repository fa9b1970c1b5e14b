"""No input makes a run pathologically slow: work counted, not timed.

A file of one article pasted many times over took minutes: BP302 measured each pasted block by
rescanning the file from every repeated paragraph, normalizing two lines a step (O(L²) in the
lines of the file). These tests count the work of the duplicate analysis on n and 4n copies, and
hold the fast block sizes to the line-by-line scan they replace.
"""
from __future__ import annotations

import random

import pytest

from auditor.checks.boilerplate import layout, line_verdicts, repeats
from auditor.document import Document
from conftest import SEEDS


def _scan_block_size(keys: list, first: int, second: int) -> int:
    """The line-by-line scan BP302 used to run (the reference for the block sizes)."""
    n = 1
    while first + n < second and second + n < len(keys) and keys[first + n] == keys[second + n]:
        n += 1
    k = 1
    while first - k >= 0 and first - k + (second - first) > first and keys[first - k] == keys[second - k]:
        k += 1
    return n + k - 1


def _sequences():
    rng = random.Random(20261127)
    for _ in range(400):
        size, letters = rng.randint(1, 40), rng.randint(1, 4)
        if rng.random() < 0.4:  # pasted copies of one block, with the odd edit
            block = [rng.randrange(letters) for _ in range(rng.randint(1, 7))]
            yield [block[i % len(block)] if rng.random() > 0.05 else -1 for i in range(size)]
        else:
            yield [rng.randrange(letters) for _ in range(size)]


def test_block_sizes_are_those_of_the_line_by_line_scan():
    for seq in _sequences():
        keys = [f"line {x}" for x in seq]
        blocks = repeats.BlockSizes(keys)
        for first in range(len(keys)):
            for second in range(first + 1, len(keys)):
                assert blocks.size(first, second) == _scan_block_size(keys, first, second), (seq, first, second)


class _Key(str):
    """A line key that counts how often it is compared."""
    comparisons = 0

    def __eq__(self, other):
        _Key.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


@pytest.mark.parametrize("copies", [10, 40])
def test_block_sizes_compare_each_line_a_bounded_number_of_times(copies):
    block = [f"paragraph {i} of the article, long enough to be compared" for i in range(12)]
    keys = [_Key(k) for k in block * copies]
    _Key.comparisons = 0
    blocks = repeats.BlockSizes(keys)
    sizes = [blocks.size(i % len(block), i) for i in range(len(block), len(keys))]
    # Each key is looked up once; the scan compared O(lines) keys for every repeated line.
    assert _Key.comparisons <= len(keys)
    assert sizes == [_scan_block_size(keys, i % len(block), i) for i in range(len(block), len(keys))]


def _normalizations(monkeypatch, text: str) -> tuple[int, int, int]:
    calls = 0
    real = layout.normalize

    def counting(line):
        nonlocal calls
        calls += 1
        return real(line)

    monkeypatch.setattr(layout, "normalize", counting)
    doc = Document("pasted.txt", text)
    verdicts = line_verdicts.verdicts(doc)
    pasted = sum(1 for v in verdicts.values() if v.code == "BP302")
    return calls, len(doc.lines), pasted


def test_duplicate_analysis_is_linear_in_the_copies(monkeypatch):
    """One article pasted n and 4n times: each line is normalized once, and every pasted
    paragraph is still reported (BP302)."""
    article = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    one_calls, one_lines, one_pasted = _normalizations(monkeypatch, article)
    n_calls, n_lines, n_pasted = _normalizations(monkeypatch, article * 25)
    m_calls, m_lines, m_pasted = _normalizations(monkeypatch, article * 100)
    assert n_calls == n_lines and m_calls == m_lines   # the scan: O(lines²) calls
    assert m_lines == 4 * n_lines
    # Every copy after the first repeats the article's (long) paragraphs once more.
    per_copy = (m_pasted - n_pasted) // 75
    assert per_copy > 0 and m_pasted - n_pasted == 75 * per_copy
    assert one_pasted < per_copy   # the seed itself pastes a block twice
