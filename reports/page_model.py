"""The report site's data objects: what each page shows, decided in Python, looped over by the
templates. Nothing here computes; the builders (`article_page.py`, `index_page.py`) fill them.

Offsets are raw-file offsets, as the engine reports them.
"""
from __future__ import annotations

import re

from auditor.records import field, record

#: How the index ranks articles: an error weighs as much as three warnings, a warning as three infos.
SEVERITY_WEIGHT = {"error": 9, "warning": 3, "info": 1}
#: One shape per severity, so they are told apart without colour (beside the underline style).
SEVERITY_GLYPH = {"error": "■", "warning": "▲", "info": "●"}
#: The underline of each severity in the text (the legend says it in words).
SEVERITY_UNDERLINE = {"error": "thick solid", "warning": "wavy", "info": "dotted"}
OTHER_GLYPH = "◆"  # a severity a plugin invents

_NOT_A_TOKEN = re.compile(r"[^A-Za-z0-9._-]+")


def css_token(value: str) -> str:
    """A name (family, severity) as a CSS class token."""
    return _NOT_A_TOKEN.sub("-", value.lower()).strip("-") or "other"


def glyph(severity: str) -> str:
    return SEVERITY_GLYPH.get(severity, OTHER_GLYPH)


@record
class Link:
    label: str
    href: str  # empty when the target has no page (not audited in this run)
    note: str = ""
    path: str = ""  # the audited file it points into, if any
    detail: str = ""  # shown beside the label, muted (the file name beside a headline)


# --- an article page -------------------------------------------------------------------------

@record
class Fix:
    """A finding's fix as the page shows it: what it changes, how sure it is, and whether the
    suggested clean version applies it."""

    finding: int  # the Mark id
    line: int
    code: str
    applicability: str  # "safe" (auditor fix applies it) or "unsafe" (needs --unsafe-fixes)
    kind: str  # "removal" or "replacement"
    what: str  # e.g. 'remove “Leave a Reply”', '“Kisida” → “Kishida”'
    status: str = "applied"  # "applied", "overlap" (left out: overlaps a fix applied before it), "accepted"

    @property
    def label(self) -> str:
        return "safe fix" if self.applicability == "safe" else "unsafe fix (check it)"

    @property
    def icon(self) -> str:
        """A shape, so that safe and unsafe are told apart without colour."""
        return "✓" if self.applicability == "safe" else "?"

    @property
    def css(self) -> str:
        return f"fix fix-{css_token(self.applicability)} fix-{self.status}"

    @property
    def note(self) -> str:
        if self.status == "overlap":
            return "left out of the clean version: it overlaps a fix applied before it (run the fix again)"
        if self.status == "accepted":
            return "left out of the clean version: the baseline accepts this finding"
        return ""


@record
class Mark:
    """One finding as shown on its page (`id` is its 1-based rank on the page)."""

    id: int
    code: str
    family: str
    severity: str
    message: str
    summary: str  # the rule's one-line summary
    line: int
    column: int
    start: int
    end: int
    snippet: str
    related: list[Link] = field(default_factory=list)
    accepted: bool = False  # the baseline accepts it: shown greyed, hidden by the switch
    fix: Fix | None = None

    @property
    def fam_css(self) -> str:
        return f"fam-{css_token(self.family)}"

    @property
    def sev_css(self) -> str:
        return f"sev-{css_token(self.severity)}"

    @property
    def css(self) -> str:
        return f"hl {self.fam_css} {self.sev_css}" + (" accepted" if self.accepted else "")

    @property
    def item_css(self) -> str:
        return f"item {self.fam_css} {self.sev_css}" + (" accepted" if self.accepted else "")

    @property
    def glyph(self) -> str:
        return glyph(self.severity)

    @property
    def title(self) -> str:
        """The hover text (readable with JavaScript off)."""
        fix = f" Fix ({self.fix.applicability}): {self.fix.what}." if self.fix else ""
        accepted = " Accepted by the baseline." if self.accepted else ""
        return f"{self.code} [{self.severity}] {self.message.rstrip('. ')}.{fix}{accepted}"


@record
class MarkRef:
    """A finding covering one segment; `first` on the segment where the finding starts; `depth`
    counts the findings nested inside it at the deepest point of its span (its underline sits
    that much lower all along, so every nested underline stays visible)."""

    mark: Mark
    first: bool
    depth: int = 0

    @property
    def css(self) -> str:
        return f"{self.mark.css} pad{min(self.depth, 4)}" + (" first" if self.first else "")


@record
class Segment:
    text: str
    marks: list[MarkRef] = field(default_factory=list)  # outermost first
    spots: list[str] = field(default_factory=list)  # ids of linked-to places this text is in
    anchor: str = ""  # id of the spot that starts here


@record
class Line:
    number: int
    segments: list[Segment]


@record
class Count:
    label: str
    css: str
    n: int
    glyph: str = ""


@record
class Readability:
    words: int
    sentences: int
    reading_ease: float
    grade: float
    ease_words: str
    grade_words: str


@record
class DiffPart:
    text: str
    changed: bool


@record
class DiffLine:
    kind: str  # "add", "del", "ctx", "hunk", "file", "note"
    text: str
    parts: list[DiffPart] = field(default_factory=list)  # the text after the +/- sign, changed words marked

    @property
    def sign(self) -> str:
        return self.text[:1] if self.parts else ""


@record
class CleanVersion:
    """The text with the page's fixes applied (`auditor.fixes.apply`, safe and unsafe ones), the
    fixes that made it and those left out, and the diff (as `auditor fix --unsafe-fixes --diff`)."""

    text: str
    diff: list[DiffLine]
    diff_text: str
    applied: list[Fix]
    left_out: list[Fix]  # overlapping another fix
    summary: str  # the counts in words

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@record
class ArticlePage:
    path: str
    title: str  # the headline (first line of visible text), or the file name when there is none
    filename: str
    kind: str
    encoding: str
    lines: list[Line]
    marks: list[Mark]
    family_counts: list[Count]  # open findings (not accepted by the baseline)
    severity_counts: list[Count]
    readability: Readability | None
    clean: CleanVersion
    prev: Link | None = None
    next: Link | None = None

    @property
    def open(self) -> int:
        """Findings the baseline does not accept."""
        return sum(not m.accepted for m in self.marks)

    @property
    def accepted(self) -> int:
        return sum(m.accepted for m in self.marks)

    @property
    def score(self) -> int:
        return sum(SEVERITY_WEIGHT.get(m.severity, 1) for m in self.marks if not m.accepted)


# --- the index -------------------------------------------------------------------------------

@record
class Cell:
    text: str
    sort: str  # the value the column sorts by (numbers zero-padded by the builder)
    css: str = ""


@record
class IndexRow:
    title: str
    path: str
    href: str
    sort: str  # what the article column sorts by
    cells: list[Cell]  # the number columns


@record
class SpellingRow:
    spelling: str
    count: int
    files: list[Link]
    suggested: bool


@record
class NameGroup:
    suggested: str  # the spelling to use, or a note that there is none (a tie)
    spellings: list[SpellingRow]


@record
class RenditionRow:
    link: Link  # the article, titled by its headline, with its file name beside
    divergences: list[Link]


@record
class StoryBlock:
    title: str
    renditions: list[RenditionRow]


@record
class Setting:
    key: str
    value: str


@record
class CheckRun:
    code: str
    family: str
    severity: str
    summary: str


@record
class Problem:
    """A file not audited, or a check that failed: shown at the top of the index."""

    path: str
    message: str


@record
class IndexPage:
    columns: list[Cell]  # header labels of the number columns; `sort` says "num"
    rows: list[IndexRow]
    totals: list[Count]
    names: list[NameGroup]
    stories: list[StoryBlock]
    settings: list[Setting]
    checks: list[CheckRun]
    unaudited: list[Problem]  # files skipped or unreadable
    failed: list[str]  # checks that failed (the run is incomplete)
    notices: list[str]  # everything else the run said
    version: str
    generated: str
    files: int
    findings: int  # open findings
    accepted: int  # findings the baseline accepts
    baseline: str  # which baseline was used, in words
