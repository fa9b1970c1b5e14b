"""Sizes of repeated blocks of lines (BP302), each in O(1) after an O(L log² L) set-up.

The size of the block around a repeated line is the longest run of equal lines through
(`first`, `second`) on their diagonal, forwards and backwards, the two copies never overlapping:
a longest common extension of two suffixes (forwards) and of two prefixes (backwards). Scanning it
line by line cost O(L) a repeated line, O(L²) a file pasted many times over (a 1 MB file of one
article 100 times: minutes); here a suffix array with its LCP array and a sparse table of minima
answers each extension at once (tests/test_linear_time.py holds it to the scan it replaced).
"""
from __future__ import annotations


class BlockSizes:
    """`size(first, second)`: how many lines the block pasted at `first` and again at `second`
    has, the two copies never overlapping."""

    def __init__(self, keys: list[str]):
        ids: dict[str, int] = {}
        seq = [ids.setdefault(k, len(ids)) for k in keys]
        self.n = len(seq)
        self._forward = _Extensions(seq)
        self._backward = _Extensions(seq[::-1])

    def size(self, first: int, second: int) -> int:
        gap, n = second - first, self.n
        # Forward: lines first+1.. against second+1.., before the first copy reaches the second.
        ahead = min(gap - 1, n - 1 - second)
        if ahead > 0:
            ahead = min(ahead, self._forward.common(first + 1, second + 1))
        # Backward: lines first-1.. against second-1.., with second-k staying after first.
        behind = min(gap - 1, first)
        if behind > 0:
            behind = min(behind, self._backward.common(n - first, n - second))
        return 1 + max(ahead, 0) + max(behind, 0)


class _Extensions:
    """Longest common prefix of any two suffixes of a sequence of ints (suffix array by prefix
    doubling, Kasai's LCP array, sparse table of range minima)."""

    def __init__(self, seq: list[int]):
        n = len(seq)
        rank = list(seq)
        order = sorted(range(n), key=rank.__getitem__)
        step = 1
        while n > 1:
            # Prefix doubling: sort by (rank of the first `step` items, rank of the next `step`).
            key = [rank[i] * (n + 2) + (rank[i + step] + 1 if i + step < n else 0) for i in range(n)]
            order.sort(key=key.__getitem__)
            new = [0] * n
            r = 0
            for j in range(1, n):
                if key[order[j]] != key[order[j - 1]]:
                    r += 1
                new[order[j]] = r
            rank = new
            if r == n - 1:
                break
            step *= 2
        # Kasai: rank[i] is the place of suffix i in `order`.
        lcp = [0] * n   # lcp[r]: common prefix of the suffixes ranked r-1 and r
        h = 0
        for i in range(n):
            r = rank[i]
            if r == 0:
                h = 0
                continue
            j = order[r - 1]
            while i + h < n and j + h < n and seq[i + h] == seq[j + h]:
                h += 1
            lcp[r] = h
            if h:
                h -= 1
        self._rank = rank
        self._table = [lcp]
        width = 1
        while 2 * width <= n:
            prev = self._table[-1]
            self._table.append([a if a < b else b for a, b in zip(prev, prev[width:])])
            width *= 2

    def common(self, a: int, b: int) -> int:
        """How many items are equal from positions a and b on (a != b)."""
        lo, hi = sorted((self._rank[a], self._rank[b]))
        lo += 1                      # minimum of lcp[lo+1 .. hi]
        level = (hi - lo + 1).bit_length() - 1
        row = self._table[level]
        x, y = row[lo], row[hi - (1 << level) + 1]
        return x if x < y else y
