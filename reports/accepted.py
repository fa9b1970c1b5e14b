"""Findings the baseline accepts. The report runs the engine without the baseline and marks
here the findings `auditor check` would hide (as `Baseline.filter` decides), so a page can show
them greyed with a switch instead of leaving them out."""
from __future__ import annotations


class Accepted:
    """Which findings of a run the baseline accepts, by file and position in the file's list."""

    def __init__(self, by_path: dict[str, frozenset[int]] | None = None, source: str = ""):
        self.by_path = by_path or {}
        self.source = source  # the baseline file, or "" when none was used

    def __contains__(self, key: tuple[str, int]) -> bool:
        path, index = key
        return index in self.by_path.get(path, ())

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_path.values())


def accepted_findings(result, baseline) -> Accepted:
    """Mark the findings of `result` (a run without the baseline) that `baseline` accepts."""
    if baseline is None:
        return Accepted()
    by_path = {}
    for r in result.files:
        kept = {id(f) for f in baseline.filter(r.path, r.findings)}
        gone = frozenset(i for i, f in enumerate(r.findings) if id(f) not in kept)
        if gone:
            by_path[r.path] = gone
    return Accepted(by_path, baseline.path)
