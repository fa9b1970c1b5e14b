"""The report site's data: plain objects built from an engine run, which the templates only loop over.

Everything an HTML page shows is decided here (the split of the text into highlighted segments,
counts, readability wording, the suggested clean version, the index's order), so the templates
stay dumb and the logic is testable without a browser. Offsets are raw-file offsets, as the engine
reports them.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from auditor.api import FAMILIES, SEVERITIES

SEVERITY_WEIGHT = {"error": 9, "warning": 3, "info": 1}
SEVERITY_GLYPH = {"error": "■", "warning": "▲", "info": "●"}  # distinct marks, not only colour
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_SUGGESTION = 100  # longer suggestions are advice, not a replacement spelling


def page_name(path: str) -> str:
    """A flat, safe file name for an input path: its base name (cleaned) and a hash of the whole
    path, so '../../x.txt' stays in the output folder and a/x.txt, b/x.txt do not collide."""
    posix = path.replace("\\", "/").rstrip("/")
    slug = _UNSAFE.sub("_", posix.rsplit("/", 1)[-1]).strip("._-")[:60] or "file"
    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}_{digest}.html"


PAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*_[0-9a-f]{10}\.html")


def css_token(value: str) -> str:
    return _UNSAFE.sub("-", value.lower()).strip("-") or "other"


# --- an article page -------------------------------------------------------------------------

@dataclass
class Link:
    label: str
    href: str  # empty when the target has no page (not audited in this run)
    note: str = ""
    path: str = ""  # the audited file it points into, if any


@dataclass
class Mark:
    """One finding as shown on its page (`id` is its 1-based rank on the page)."""

    id: int
    code: str
    family: str
    severity: str
    message: str
    suggestion: str | None
    summary: str  # the rule's one-line summary
    line: int
    column: int
    start: int
    end: int
    snippet: str
    related: list[Link] = field(default_factory=list)

    @property
    def fam_css(self) -> str:
        return f"fam-{css_token(self.family)}"

    @property
    def sev_css(self) -> str:
        return f"sev-{css_token(self.severity)}"

    @property
    def css(self) -> str:
        return f"hl {self.fam_css} {self.sev_css}"

    @property
    def glyph(self) -> str:
        return SEVERITY_GLYPH.get(self.severity, "◆")

    @property
    def title(self) -> str:
        """The hover text (readable with JavaScript off)."""
        hint = f" Suggestion: {self.suggestion}" if self.suggestion else ""
        return f"{self.code} [{self.severity}] {self.message.rstrip('. ')}.{hint}"


@dataclass
class MarkRef:
    """A finding covering one segment; `first` on the segment where the finding starts."""

    mark: Mark
    first: bool


@dataclass
class Segment:
    text: str
    marks: list[MarkRef] = field(default_factory=list)  # outermost first
    spots: list[str] = field(default_factory=list)  # ids of linked-to places this text is in
    anchor: str = ""  # id of the spot that starts here


@dataclass
class Line:
    number: int
    segments: list[Segment]


@dataclass
class Count:
    label: str
    css: str
    n: int
    glyph: str = ""


@dataclass
class Readability:
    words: int
    sentences: int
    reading_ease: float
    grade: float
    ease_words: str
    grade_words: str


@dataclass
class DiffPart:
    text: str
    changed: bool


@dataclass
class DiffLine:
    kind: str  # "add", "del", "ctx", "hunk", "file"
    text: str
    parts: list[DiffPart] = field(default_factory=list)  # the text after the +/- sign, changed words marked


@dataclass
class CleanVersion:
    text: str
    diff: list[DiffLine]
    diff_text: str
    removed_lines: int
    replacements: int

    @property
    def changed(self) -> bool:
        return bool(self.removed_lines or self.replacements)


@dataclass
class ArticlePage:
    path: str
    filename: str
    kind: str
    encoding: str
    lines: list[Line]
    marks: list[Mark]
    family_counts: list[Count]
    severity_counts: list[Count]
    readability: Readability | None
    clean: CleanVersion
    prev: Link | None = None
    next: Link | None = None

    @property
    def total(self) -> int:
        return len(self.marks)

    @property
    def score(self) -> int:
        return sum(SEVERITY_WEIGHT.get(m.severity, 1) for m in self.marks)


# --- the index -------------------------------------------------------------------------------

@dataclass
class Cell:
    text: str
    sort: str  # the value the column sorts by (numbers zero-padded by the builder)
    css: str = ""


@dataclass
class IndexRow:
    path: str
    href: str
    cells: list[Cell]


@dataclass
class Spelling:
    spelling: str
    count: int
    files: list[Link]
    suggested: bool


@dataclass
class NameGroup:
    suggested: str
    spellings: list[Spelling]


@dataclass
class Rendition:
    path: str
    href: str
    divergences: list[Link]


@dataclass
class Story:
    id: str
    label: str
    renditions: list[Rendition]


@dataclass
class Setting:
    key: str
    value: str


@dataclass
class CheckRun:
    code: str
    family: str
    severity: str
    summary: str


@dataclass
class IndexPage:
    columns: list[Cell]  # header labels; `sort` says "num" or "text"
    rows: list[IndexRow]
    totals: list[Count]
    names: list[NameGroup]
    stories: list[Story]
    settings: list[Setting]
    checks: list[CheckRun]
    notices: list[str]
    version: str
    generated: str
    files: int
    findings: int


# --- building blocks -------------------------------------------------------------------------

def segment_text(raw: str, marks: list[Mark], spots: dict[tuple[int, int], str]) -> list[Line]:
    """Split the raw text into lines of segments at every finding and spot boundary.

    Each segment knows the findings covering it (nested marks, outermost first), so overlapping
    findings all stay visible. `spots` maps (start, end) of linked-to places to their ids."""
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
        refs = [MarkRef(m, m.id not in seen) for m in active]
        seen.update(m.id for m in active)
        lines[-1].segments.append(Segment(text, refs, sorted(open_spots), opened[0] if opened else ""))
    # findings of zero width (or at the very end) still need a place to be clicked
    for m in marks:
        if m.id not in seen:
            line = lines[min(max(m.line, 1), len(lines)) - 1]
            line.segments.append(Segment("", [MarkRef(m, True)]))
    return lines


def counts(marks: list[Mark]) -> tuple[list[Count], list[Count]]:
    fam = Counter(m.family for m in marks)
    sev = Counter(m.severity for m in marks)
    families = list(FAMILIES) + sorted(set(fam) - set(FAMILIES))
    severities = list(reversed(SEVERITIES)) + sorted(set(sev) - set(SEVERITIES))
    return ([Count(f, f"fam-{css_token(f)}", fam[f]) for f in families],
            [Count(s, f"sev-{css_token(s)}", sev[s], SEVERITY_GLYPH.get(s, "◆")) for s in severities])


_EASE_BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
               (50, "fairly difficult"), (30, "difficult"), (float("-inf"), "very difficult"))


def grade_in_words(grade: float) -> str:
    """What a Flesch-Kincaid grade level means to a reader (US school years)."""
    years = max(0, round(grade))
    if grade < 6:
        who = "easy: a primary-school reader could follow it"
    elif grade < 9:
        who = "plain: readable by a 12- to 14-year-old (the level most news aims for)"
    elif grade < 13:
        who = "fairly hard: needs a secondary-school education"
    elif grade < 17:
        who = "hard: written at university level"
    else:
        who = "very hard: postgraduate level; sentences are probably too long"
    return f"about {years} year{'s' * (years != 1)} of schooling needed to understand it on a first reading; {who}"


def readability(text: str) -> Readability | None:
    """textstat figures for the visible text, or None when there is too little to measure."""
    if len(re.findall(r"[A-Za-z]{2,}", text[:200_000])) < 10:
        return None
    textstat = _textstat()
    sample = text[:200_000]  # bounded: the figures settle long before
    try:
        ease = float(textstat.flesch_reading_ease(sample))
        grade = float(textstat.flesch_kincaid_grade(sample))
        words = int(textstat.lexicon_count(sample))
        sentences = int(textstat.sentence_count(sample))
    except Exception:  # textstat is not robust on every input; the page stays useful without it
        return None
    ease_words = next(label for floor, label in _EASE_BANDS if ease >= floor)
    return Readability(words, sentences, round(ease, 1), round(grade, 1), ease_words, grade_in_words(grade))


def _textstat():
    """textstat, imported only when a report is written (pinned to a release that counts syllables
    with pyphen alone: later ones download nltk's cmudict at run time)."""
    import textstat

    return textstat


def _is_removal(mark: Mark) -> bool:
    return mark.family == "boilerplate" and "remove" in (mark.suggestion or "").lower()


def _is_respelling(mark: Mark) -> bool:
    s = mark.suggestion
    return (mark.family == "names" and bool(s) and len(s) <= _MAX_SUGGESTION and "\n" not in s
            and mark.end > mark.start and not s.lower().startswith("remove"))


def clean_version(path: str, raw: str, marks: list[Mark]) -> CleanVersion:
    """The text with boilerplate lines removed and name suggestions applied, and the diff."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
    # lines split on '\n' only, as the engine counts them (splitlines also splits on \r, \u2028...)
    old_lines = [raw[a:b] for a, b in zip(line_starts, line_starts[1:] + [len(raw)]) if a < len(raw) or a == 0]
    drop_lines: set[int] = set()
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement) in raw offsets
    for m in marks:
        if not _is_removal(m):
            continue
        first = _line_index(line_starts, m.start)
        last = _line_index(line_starts, max(m.start, m.end - 1))
        body = raw[line_starts[first]:line_starts[last + 1] if last + 1 < len(line_starts) else len(raw)]
        if raw[m.start:m.end].strip() == body.strip():
            drop_lines.update(range(first, last + 1))
        else:
            cuts.append((m.start, m.end, ""))
    drop_lines |= _blank_lines_left_behind(old_lines, drop_lines)
    for m in marks:
        if _is_respelling(m) and _line_index(line_starts, m.start) not in drop_lines:
            cuts.append((m.start, m.end, m.suggestion))
    cuts.sort()
    pos, applied, kept_cuts = 0, 0, []
    for a, b, rep in cuts:
        if a < pos:  # overlaps an earlier change: the first one wins
            continue
        kept_cuts.append((a, b, rep))
        pos = b
    new_lines = []
    ci = 0
    for i, line in enumerate(old_lines):
        a = line_starts[i]
        b = a + len(line)
        if i in drop_lines:
            while ci < len(kept_cuts) and kept_cuts[ci][0] < b:
                ci += 1
            continue
        pieces, pos = [], a
        while ci < len(kept_cuts) and kept_cuts[ci][0] < b:
            s, e, rep = kept_cuts[ci]
            pieces.append(raw[pos:s])
            pieces.append(rep)
            pos = max(pos, min(e, b))
            applied += 1
            ci += 1
        pieces.append(raw[pos:b])
        new_lines.append("".join(pieces))
    clean = "".join(new_lines)
    removed = len(drop_lines)
    diff_text_lines = list(difflib.unified_diff(
        [ln.rstrip("\r\n") for ln in old_lines], [ln.rstrip("\r\n") for ln in new_lines],
        fromfile=path, tofile=f"{path} (suggested)", n=1, lineterm=""))
    diff = _mark_changed_words([DiffLine(_diff_kind(d, i), d) for i, d in enumerate(diff_text_lines)])
    return CleanVersion(clean, diff, "\n".join(diff_text_lines) + ("\n" if diff_text_lines else ""),
                        removed, applied)


def _blank_lines_left_behind(lines: list[str], dropped: set[int]) -> set[int]:
    """A blank line after a removed line whose kept neighbour above is blank too (or the start):
    without it, removing a paragraph would leave two blank lines."""
    extra = set()
    for i in sorted(dropped):
        after = i + 1
        if after >= len(lines) or after in dropped or lines[after].strip():
            continue
        before = i - 1
        while before >= 0 and (before in dropped or before in extra):
            before -= 1
        if before < 0 or not lines[before].strip():
            extra.add(after)
    return extra


_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
_MAX_WORD_DIFF = 5000  # characters per line; longer lines are shown changed as a whole
_PAIR_WINDOW = 40  # removed lines looked at to pair with one added line: keeps big hunks linear


def _mark_changed_words(diff: list[DiffLine]) -> list[DiffLine]:
    """Pair each run of removed lines with the added lines that follow and mark the words that
    differ, so a one-word respelling in a long paragraph is visible at a glance."""
    i = 0
    while i < len(diff):
        if diff[i].kind != "del":
            if diff[i].kind in ("add", "ctx"):
                diff[i].parts = [DiffPart(diff[i].text[1:], diff[i].kind == "add")]
            i += 1
            continue
        j = i
        while j < len(diff) and diff[j].kind == "del":
            j += 1
        k = j
        while k < len(diff) and diff[k].kind == "add":
            k += 1
        dels, adds = diff[i:j], diff[j:k]
        start = 0
        for line in adds:  # pair each added line with the most similar removed line not yet used
            best, best_ratio = None, 0.5
            for n in range(start, min(len(dels), start + _PAIR_WINDOW)):
                if max(len(line.text), len(dels[n].text)) > _MAX_WORD_DIFF:
                    continue
                ratio = difflib.SequenceMatcher(None, dels[n].text, line.text, autojunk=False).quick_ratio()
                if ratio > best_ratio:
                    best, best_ratio = n, ratio
            if best is not None:
                dels[best].parts, line.parts = _word_diff(dels[best].text[1:], line.text[1:])
                start = best + 1
        for line in dels + adds:
            if not line.parts:
                line.parts = [DiffPart(line.text[1:], True)]
        i = k
    return diff


def _word_diff(old: str, new: str) -> tuple[list[DiffPart], list[DiffPart]]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append(DiffPart("".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append(DiffPart("".join(b[j1:j2]), op != "equal"))
    return left, right


def _line_index(line_starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(line_starts, offset) - 1)


def _diff_kind(line: str, i: int) -> str:
    if i < 2 and (line.startswith("---") or line.startswith("+++")):
        return "file"
    if line.startswith("@@"):
        return "hunk"
    if line.startswith("+"):
        return "add"
    if line.startswith("-"):
        return "del"
    return "ctx"
