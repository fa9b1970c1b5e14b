"""An article's raw text split into lines of segments, cut at every finding and linked-to place,
so that overlapping findings all stay visible (nested highlights) and another page can link to
the exact stretch a related place names."""
from __future__ import annotations

from .page_model import Line, Mark, MarkRef, Segment


def segment_text(raw: str, marks: list[Mark], spots: dict[tuple[int, int], str]) -> list[Line]:
    """Split the raw text into lines of segments at every finding and spot boundary.

    Each segment knows the findings covering it (nested marks, outermost first), so overlapping
    findings all stay visible. `spots` maps (start, end) of linked-to places to their ids. Lines
    are split on '\\n' only, as the engine counts them; a '\\r' before it is not shown."""
    n = len(raw)
    points = {0, n}
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for m in marks:
        points.update((m.start, m.end))
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    spot_starts: dict[int, list[str]] = {}
    spot_ends: dict[int, list[str]] = {}
    for (a, b), sid in spots.items():
        points.update((a, b))
        spot_starts.setdefault(a, []).append(sid)
        spot_ends.setdefault(b, []).append(sid)
    i = raw.find("\n")
    while i >= 0:
        points.update((i, i + 1))
        if i and raw[i - 1] == "\r":
            points.add(i - 1)
        i = raw.find("\n", i + 1)
    ordered = sorted(p for p in points if 0 <= p <= n)

    lines = [Line(1, [])]
    active: list[Mark] = []
    open_spots: list[str] = []
    seen: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        for m in ends.get(a, ()):
            active.remove(m)
        active.extend(starts.get(a, ()))
        active.sort(key=lambda m: (m.start, -m.end, m.id))
        for sid in spot_ends.get(a, ()):
            open_spots.remove(sid)
        opened = sorted(spot_starts.get(a, ()))
        open_spots.extend(opened)
        text = raw[a:b]
        if text == "\n":
            lines.append(Line(len(lines) + 1, []))
            continue
        if text == "\r" and raw.startswith("\n", b):
            continue
        refs = [MarkRef(m, m.id not in seen, len(active) - 1 - k) for k, m in enumerate(active)]
        seen.update(m.id for m in active)
        lines[-1].segments.append(Segment(text, refs, sorted(open_spots), opened[0] if opened else ""))
    # an outer finding's underline keeps one height along its whole span: the deepest nesting in it
    depth: dict[int, int] = {}
    for line in lines:
        for seg in line.segments:
            for ref in seg.marks:
                depth[ref.mark.id] = max(depth.get(ref.mark.id, 0), ref.depth)
    for line in lines:
        for seg in line.segments:
            for ref in seg.marks:
                ref.depth = depth[ref.mark.id]
    # findings of zero width (or at the very end) still need a place to be clicked
    for m in marks:
        if m.id not in seen:
            line = lines[min(max(m.line, 1), len(lines)) - 1]
            line.segments.append(Segment("", [MarkRef(m, True)]))
    return lines
