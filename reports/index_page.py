"""The index page, built from the engine's result and the article pages: files not audited at
the top, the articles worst first (titled by their headlines), the names spelled more than one
way (api.SpellingGroup), the stories told in several renditions (api.Story), and the run."""
from __future__ import annotations

import re

from auditor import __version__, api
from auditor.text import clip

from .article_page import LINK_TITLE_LIMIT, counts
from .page_model import (ArticlePage, Cell, CheckRun, IndexPage, IndexRow, Link, NameGroup, Problem,
                         RenditionRow, Setting, SpellingRow, StoryBlock, css_token)

#: Divergences listed per rendition on the index; the rest are on its page.
MAX_DIVERGENCES = 12
#: Characters of a finding's message quoted in a divergence link.
MESSAGE_LIMIT = 160
TIE = "no single spelling (a tie)"


def build_index(result, cfg, registry, pages: list[ArticlePage], families: list[str],
                names: list[NameGroup], stories: list[StoryBlock], accepted, generated: str,
                paths=()) -> IndexPage:
    open_marks = [m for p in pages for m in p.marks if not m.accepted]
    fam_totals, sev_totals = counts(open_marks, families)
    extra = sorted({m.family for p in pages for m in p.marks} - {c.label for c in fam_totals})
    families = [c.label for c in fam_totals] + extra
    severities = [c.label for c in sev_totals]
    show_accepted = bool(accepted.source) or accepted.count > 0
    columns = ([Cell(f, "num", f"fam-{css_token(f)}") for f in families]
               + [Cell(s, "num", f"sev-{css_token(s)}") for s in severities]
               + [Cell("findings", "num")] + ([Cell("accepted", "num")] if show_accepted else [])
               + [Cell("grade", "num"), Cell("reading ease", "num")])
    rows = []
    for p in sorted(pages, key=lambda p: (-p.score, -p.open, p.path)):
        fam = {c.label: c.n for c in p.family_counts}
        sev = {c.label: c.n for c in p.severity_counts}
        cells = [_num_cell(fam.get(f, 0), f"fam-{css_token(f)}") for f in families]
        cells += [_num_cell(sev.get(s, 0), f"sev-{css_token(s)}") for s in severities]
        cells.append(_num_cell(p.open))
        if show_accepted:
            cells.append(_num_cell(p.accepted, "accepted"))
        rd = p.readability
        cells.append(Cell(f"{rd.grade:g}", _sortable(rd.grade)) if rd else Cell("–", _sortable(-1)))
        cells.append(Cell(f"{rd.reading_ease:g}", _sortable(rd.reading_ease)) if rd else Cell("–", _sortable(-1000)))
        rows.append(IndexRow(p.title, p.path, p.filename, f"{p.title.lower()}\t{p.path}", cells))
    checks = [CheckRun(code, rule.cls.family, rule.cls.severity, rule.cls.summary)
              for code in result.rules_run if (rule := registry.get(code)) is not None]
    failed = [n for n in result.notices if n.level == "error" and not n.skipped]
    return IndexPage(
        columns=columns, rows=rows, totals=fam_totals + sev_totals, names=names, stories=stories,
        settings=settings(cfg, result, accepted, paths), checks=checks,
        unaudited=[_problem(n) for n in result.unaudited],
        failed=[n.message for n in failed],
        notices=[str(n) for n in result.notices if not n.skipped and n not in failed],
        version=__version__, generated=generated, files=len(pages), findings=len(open_marks),
        accepted=accepted.count, baseline=_baseline_words(accepted))


def _problem(n) -> Problem:
    """A file not audited: its path, and the message without the path it starts with."""
    path = n.path or ""
    message = n.message[len(path) + 2:] if path and n.message.startswith(f"{path}: ") else n.message
    return Problem(path, message)


def _baseline_words(accepted) -> str:
    if not accepted.source:
        return "none (every finding is shown as open)"
    n = accepted.count
    return f"{accepted.source}: accepts {n} finding{'s' * (n != 1)} of this run"


def _num_cell(n: int, css: str = "") -> Cell:
    return Cell(str(n), _sortable(n), (css + (" zero" if n == 0 else "")).strip())


def _sortable(x: float) -> str:
    return f"{x:.3f}"


# --- the corpus overviews --------------------------------------------------------------------

def name_groups(result, pages: dict[str, str], titles: dict[str, str], raw_of: dict[str, str],
                spot) -> list[NameGroup]:
    """The names table from the checks' `api.SpellingGroup` overviews; each file links to the first
    occurrence of the spelling in it (`spot(path, start, end)` registers the place on its page)."""
    out = []
    for g in result.overviews(api.SpellingGroup):
        rows = []
        for s in g.spellings:
            links = []
            for path in sorted(set(s.files)):
                if path not in pages:
                    links.append(Link(path, ""))
                    continue
                hit = first_occurrence(raw_of[path], s.text)
                anchor = f"#{spot(path, *hit)}" if hit else ""
                links.append(Link(path, pages[path] + anchor, detail=titles[path]))
            rows.append(SpellingRow(s.text, s.count, links, s.text == g.suggested))
        rows.sort(key=lambda s: (-s.count, s.spelling))
        if rows:
            out.append(NameGroup(g.suggested or TIE, rows))
    out.sort(key=lambda g: (-len(g.spellings), g.suggested.lower(), g.suggested))
    return out


def first_occurrence(raw: str, spelling: str) -> tuple[int, int] | None:
    if not spelling:
        return None
    m = re.search(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)", raw)
    if m is None:
        i = raw.find(spelling)
        return (i, i + len(spelling)) if i >= 0 else None
    return m.start(), m.end()


def story_blocks(result, pages: list[ArticlePage]) -> list[StoryBlock]:
    """The stories from the checks' `api.Story` overviews, titled by `Story.title`; under each
    rendition, its findings that point at another rendition of the story."""
    by_path = {p.path: p for p in pages}
    out = []
    for story in result.overviews(api.Story):
        files = sorted(set(story.files))
        renditions = []
        for path in files:
            page = by_path.get(path)
            if page is None:
                renditions.append(RenditionRow(Link(path, ""), []))
                continue
            siblings = set(files) - {path}
            marks = [m for m in page.marks if not m.accepted and any(link.path in siblings for link in m.related)]
            links = [Link(f"line {m.line}: {m.code} {clip(m.message, MESSAGE_LIMIT)}", f"{page.filename}#f{m.id}")
                     for m in marks[:MAX_DIVERGENCES]]
            if len(marks) > MAX_DIVERGENCES:
                links.append(Link(f"… and {len(marks) - MAX_DIVERGENCES} more on its page", page.filename))
            title = f"“{clip(page.title, LINK_TITLE_LIMIT)}”" if page.title != path else path
            renditions.append(RenditionRow(Link(title, page.filename, detail=path if title != path else ""), links))
        out.append(StoryBlock(story.title or files[0] if files else story.title, renditions))
    out.sort(key=lambda s: (s.title.lower(), s.title))
    return out


# --- the run ---------------------------------------------------------------------------------

def settings(cfg, result, accepted, paths) -> list[Setting]:
    def join(values):
        values = list(values)
        return ", ".join(values) if values else "(none)"

    rows = [("configuration", cfg.source or "(defaults: no auditor.toml or [tool.auditor] found)"),
            ("paths", join(list(paths))),
            ("select", join(cfg.select)), ("ignore", join(cfg.ignore)),
            ("extend-select", join(cfg.extend_select)),
            ("per-file-ignores", join(f"{k} = {', '.join(v)}" for k, v in sorted(cfg.per_file_ignores.items()))),
            ("severity", join(f"{k} = {v}" for k, v in sorted(cfg.severity.items()))),
            ("include", join(cfg.include)),
            ("exclude", join(cfg.exclude)),
            ("baseline", _baseline_words(accepted))]
    for family in sorted(result.settings):
        for name, value in sorted(result.settings[family].items()):
            rows.append((f"{family}.{name.replace('_', '-')}", _value(value)))
    for code in sorted(cfg.options):
        for name, value in sorted(cfg.options[code].items()):
            rows.append((f"options.{code}.{name}", repr(value)))
    return [Setting(k, v) for k, v in rows]


def _value(value) -> str:
    if value in (None, "", [], ()):
        return "(none)"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)
