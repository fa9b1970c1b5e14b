"""An article's page, built from the engine's result for one file: its findings as marks in the
text (accepted ones greyed), related places as links, counts, readability and the suggested clean
version."""
from __future__ import annotations

from collections import Counter

from auditor.api import SEVERITIES
from auditor.text import clip

from . import clean_version, readability, segments
from .page_model import ArticlePage, Count, Link, Mark, css_token, glyph

#: Characters of a headline used as a page's title (a first line may be a whole paragraph).
TITLE_LIMIT = 200
#: Characters of a headline quoted in a link to the article.
LINK_TITLE_LIMIT = 80


def title_of(result_file) -> str:
    """What an editor calls the article: its headline (first line of visible text), else its file."""
    try:
        headline = result_file.ref.headline
    except Exception:  # a document model that fails on a strange file: the name will do
        headline = ""
    return clip(headline, TITLE_LIMIT) if headline.strip() else result_file.path


def build_article(r, registry, pages: dict[str, str], titles: dict[str, str],
                  spots: dict[tuple[int, int], str], related_spot: dict, accepted, families: list[str]) -> ArticlePage:
    """`pages`: page file name of every audited path; `titles`: their headlines; `spots`: the
    places of this file other pages link to; `related_spot`: (path, start, end) -> spot id;
    `accepted`: the findings the baseline accepts; `families`: the families shown in the counts."""
    raw = r.ref.raw
    order = sorted(range(len(r.findings)), key=lambda i: (r.findings[i].start, r.findings[i].end, r.findings[i].code))
    marks, fixable = [], []
    for rank, i in enumerate(order, 1):
        f = r.findings[i]
        rule = registry.get(f.code)
        start, end = _visible_span(raw, f.start, f.end)
        mark = Mark(rank, f.code, f.family, f.severity, f.message, rule.cls.summary if rule else "",
                    f.line, f.column, start, end, raw[f.start:f.end],
                    [_related_link(rel, r.path, pages, titles, related_spot) for rel in f.related],
                    accepted=(r.path, i) in accepted)
        if f.raw_edits:
            if mark.accepted:
                mark.fix = clean_version.describe_fix(mark, f, raw, "accepted")
            else:
                fixable.append((mark, f))
        marks.append(mark)
    fam, sev = counts([m for m in marks if not m.accepted], families)
    return ArticlePage(
        path=r.path, title=titles[r.path], filename=pages[r.path], kind=r.ref.kind, encoding=r.ref.encoding,
        lines=segments.segment_text(raw, marks, spots), marks=marks, family_counts=fam, severity_counts=sev,
        readability=readability.readability(_visible_text(r.ref)),
        clean=clean_version.clean_version(r.path, raw, fixable))


def counts(marks: list[Mark], families: list[str]) -> tuple[list[Count], list[Count]]:
    """Findings per family (every family shown, in `families` order) and per severity (worst first)."""
    fam = Counter(m.family for m in marks)
    sev = Counter(m.severity for m in marks)
    fams = list(families) + sorted(set(fam) - set(families))
    severities = list(reversed(SEVERITIES)) + sorted(set(sev) - set(SEVERITIES))
    return ([Count(f, f"fam-{css_token(f)}", fam[f]) for f in fams],
            [Count(s, f"sev-{css_token(s)}", sev[s], glyph(s)) for s in severities])


def _related_link(rel: dict, own: str, pages, titles, related_spot) -> Link:
    path = rel.get("path", "")
    line = rel.get("line")
    note = rel.get("note") or ""
    spot = related_spot.get((path, rel.get("start"), rel.get("end")))
    anchor = f"#{spot}" if spot else ""
    if path == own:
        return Link(f"line {line} of this article" if line else "this article", anchor or "#", note, path)
    where = f"{path}, line {line}" if line else path
    if path in pages:
        return Link(f"“{clip(titles[path], LINK_TITLE_LIMIT)}”", pages[path] + anchor, note, path, where)
    return Link(where, "", note, path)


def _visible_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """A zero-width finding gets one character (not a line break) so it can be seen and clicked."""
    start = min(max(start, 0), len(raw))
    end = min(max(end, start), len(raw))
    if end == start and start < len(raw) and raw[start] not in "\r\n":
        end = start + 1
    return start, end


def _visible_text(ref) -> str:
    if ref.kind == "text":
        return ref.raw
    try:
        return ref.document().text
    except Exception:
        return ref.raw
