"""`auditor report PATH... -o DIR`: a static HTML site, one page per audited file and an index.

The engine runs exactly as for `auditor check`; this module turns its result into the plain
objects of `model.py` and renders them with jinja2 (autoescaped) templates from `templates/`.
CSS and JavaScript come from `assets/` and are inlined, so the site opens from disk with no
network. Pages are written to a temporary file and renamed into place, articles first and the
index last, so an interrupted run never leaves a complete-looking but half-written site.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import sys
import tempfile
import time
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from auditor import __version__
from auditor.api import SEVERITIES

from . import model
from .model import Link, page_name

HERE = Path(__file__).resolve().parent
INDEX = "index.html"
_MAX_DIVERGENCES = 12  # per rendition, on the index


# --- entry point -----------------------------------------------------------------------------

def main(args, cfg, registry, paths) -> int:
    from auditor import engine

    out_dir = getattr(args, "output", None)
    if not out_dir:
        print("error: `auditor report` needs an output folder: auditor report PATH... -o DIR", file=sys.stderr)
        return 2
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        print(f"error: {out_dir}: exists and is not a folder; choose another -o DIR", file=sys.stderr)
        return 2
    # never audit an earlier report: pages in DIR are not articles
    cfg.exclude = list(cfg.exclude) + _exclusions(out_dir, paths)
    started = time.perf_counter()
    result = engine.run(paths, cfg, registry, baseline=None)
    for n in result.notices:
        print(n, file=sys.stderr)
    try:
        written = write_site(result, cfg, registry, out_dir, paths)
    except OSError as e:
        print(f"error: {out_dir}: cannot write the report ({e.strerror or e})", file=sys.stderr)
        return 2
    took = time.perf_counter() - started
    print(f"wrote {written} pages to {os.path.join(out_dir, INDEX)} in {took:.1f} s", file=sys.stderr)
    return 2 if result.errors else 0


def _exclusions(out_dir: str, paths) -> list[str]:
    """Exclude patterns for the output folder as the folder walk will spell it under each PATH."""
    import glob

    out = os.path.realpath(out_dir)
    patterns = []
    for given in paths:
        if not os.path.isdir(given):
            continue
        rel = os.path.relpath(out, os.path.realpath(given))
        if rel != os.curdir and not rel.startswith(os.pardir):
            patterns.append(glob.escape(os.path.join(given, rel)).replace(os.sep, "/"))
    return patterns


def write_site(result, cfg, registry, out_dir: str, paths=()) -> int:
    """Render and write every page; returns the number of pages written."""
    os.makedirs(out_dir, exist_ok=True)
    pages, index = build(result, cfg, registry, paths)
    env = _environment()
    article = env.get_template("article.html")
    for page in pages:
        write_atomic(os.path.join(out_dir, page.filename), article.render(page=page, **_assets()))
    write_atomic(os.path.join(out_dir, INDEX), env.get_template("index.html").render(index=index, **_assets()))
    _remove_stale_pages(out_dir, {p.filename for p in pages})
    return len(pages) + 1


def _remove_stale_pages(out_dir: str, current: set[str]) -> None:
    """Article pages an earlier report wrote for files no longer audited (ours only: our name
    pattern and our generator line), so the folder shows this run and nothing else."""
    for name in sorted(os.listdir(out_dir)):
        if name in current or not model.PAGE_NAME.fullmatch(name):
            continue
        path = os.path.join(out_dir, name)
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                head = fh.read(1000)
            if '<meta name="generator" content="auditor ' in head:
                os.unlink(path)
        except OSError:
            pass  # not ours to worry about


# --- building the page objects ---------------------------------------------------------------

def build(result, cfg, registry, paths=()) -> tuple[list[model.ArticlePage], model.IndexPage]:
    files = result.files
    names = {r.path: page_name(r.path) for r in files}
    raw_of = {r.path: r.ref.raw for r in files}
    groups = _corpus_part(result.corpus_data, "groups")
    stories = _corpus_part(result.corpus_data, "stories")

    # places other pages link to, per file: related spots and the names table's first occurrences
    spots: dict[str, dict[tuple[int, int], str]] = {p: {} for p in names}
    related_spot: dict[tuple[str, int, int], str] = {}
    for r in files:
        for f in r.findings:
            for rel in f.related:
                path, a, b = rel.get("path"), rel.get("start"), rel.get("end")
                if path in spots and isinstance(a, int) and isinstance(b, int):
                    related_spot[(path, a, b)] = _spot(spots[path], raw_of[path], a, b)
    name_groups = _name_groups(groups, names, raw_of, spots)

    pages = [_article(r, registry, names, spots[r.path], related_spot) for r in files]
    for prev, page, nxt in zip([None] + pages[:-1], pages, pages[1:] + [None]):
        page.prev = Link(prev.path, prev.filename) if prev else None
        page.next = Link(nxt.path, nxt.filename) if nxt else None
    index = _index(result, cfg, registry, pages, name_groups, _stories(stories, pages, names), paths)
    return pages, index


def _corpus_part(corpus_data: dict, key: str) -> list:
    """The list under `key` from whichever corpus check provides it (found by shape, not code)."""
    found = []
    for code in sorted(corpus_data or {}):
        data = corpus_data[code]
        if isinstance(data, dict) and isinstance(data.get(key), list):
            found.extend(x for x in data[key] if isinstance(x, dict))
    return found


def _spot(table: dict, raw: str, a: int, b: int) -> str:
    a = min(max(a, 0), len(raw))
    b = min(max(b, a), len(raw))
    return table.setdefault((a, b), f"s{a}-{b}")


def _article(r, registry, names, spots, related_spot) -> model.ArticlePage:
    raw = r.ref.raw
    marks = []
    for i, f in enumerate(sorted(r.findings, key=lambda f: (f.start, f.end, f.code)), 1):
        rule = registry.get(f.code)
        start, end = _visible_span(raw, f.start, f.end)
        related = []
        for rel in f.related:
            path = rel.get("path", "")
            where = f"{path}:{rel['line']}" if rel.get("line") else path
            if path in names:
                spot = related_spot.get((path, rel.get("start"), rel.get("end")))
                href = names[path] + (f"#{spot}" if spot else "")
                related.append(Link(where, href, rel.get("note") or "", path))
            else:
                related.append(Link(where, "", rel.get("note") or "", path))
        marks.append(model.Mark(i, f.code, f.family, f.severity, f.message, f.suggestion,
                                rule.cls.summary if rule else "", f.line, f.column, start, end,
                                raw[f.start:f.end], related))
    fam, sev = model.counts(marks)
    doc_text = _visible_text(r.ref)
    return model.ArticlePage(
        path=r.path, filename=names[r.path], kind=r.ref.kind, encoding=r.ref.encoding,
        lines=model.segment_text(raw, marks, spots), marks=marks, family_counts=fam,
        severity_counts=sev, readability=model.readability(doc_text),
        clean=model.clean_version(r.path, raw, marks))


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


def _name_groups(groups, names, raw_of, spots) -> list[model.NameGroup]:
    out = []
    for g in groups:
        suggested = str(g.get("suggested", ""))
        spellings = []
        for s in g.get("spellings") or ():
            if not isinstance(s, dict):
                continue
            spelling = str(s.get("spelling", ""))
            links = []
            for path in sorted(set(map(str, s.get("files") or ()))):
                if path not in names:
                    links.append(Link(path, ""))
                    continue
                hit = _first_occurrence(raw_of[path], spelling)
                anchor = f"#{_spot(spots[path], raw_of[path], *hit)}" if hit else ""
                links.append(Link(path, names[path] + anchor))
            count = s.get("count")
            spellings.append(model.Spelling(spelling, count if isinstance(count, int) else 0, links,
                                            spelling == suggested))
        spellings.sort(key=lambda s: (-s.count, s.spelling))
        if spellings:
            out.append(model.NameGroup(suggested, spellings))
    out.sort(key=lambda g: (-len(g.spellings), g.suggested.lower(), g.suggested))
    return out


def _first_occurrence(raw: str, spelling: str) -> tuple[int, int] | None:
    if not spelling:
        return None
    m = re.search(r"(?<!\w)" + re.escape(spelling) + r"(?!\w)", raw)
    if m is None:
        i = raw.find(spelling)
        return (i, i + len(spelling)) if i >= 0 else None
    return m.start(), m.end()


def _stories(stories, pages, names) -> list[model.Story]:
    by_path = {p.path: p for p in pages}
    out = []
    for s in stories:
        files = sorted(set(map(str, s.get("files") or ())))
        renditions = []
        for path in files:
            page = by_path.get(path)
            if page is None:
                renditions.append(model.Rendition(path, "", []))
                continue
            siblings = set(files) - {path}
            # where this rendition diverges: findings that point at another rendition of the story,
            # else its translation findings
            marks = [m for m in page.marks if any(link.path in siblings for link in m.related)]
            marks = marks or [m for m in page.marks if m.family == "translation"]
            links = [Link(f"line {m.line}: {m.code} {m.message}", f"{page.filename}#f{m.id}")
                     for m in marks[:_MAX_DIVERGENCES]]
            if len(marks) > _MAX_DIVERGENCES:
                links.append(Link(f"… and {len(marks) - _MAX_DIVERGENCES} more on its page", page.filename))
            renditions.append(model.Rendition(path, names[path], links))
        out.append(model.Story(str(s.get("id", "")), str(s.get("label", "") or s.get("id", "")), renditions))
    out.sort(key=lambda s: (s.label, s.id))
    return out


def _index(result, cfg, registry, pages, name_groups, stories, paths) -> model.IndexPage:
    families = [c.label for c in pages[0].family_counts] if pages else []
    severities = [c.label for c in pages[0].severity_counts] if pages else list(reversed(SEVERITIES))
    extra_fams = sorted({m.family for p in pages for m in p.marks} - set(families))
    families += extra_fams
    columns = ([model.Cell("file", "text")] + [model.Cell(f, "num", f"fam-{model.css_token(f)}") for f in families]
               + [model.Cell(s, "num", f"sev-{model.css_token(s)}") for s in severities]
               + [model.Cell("total", "num"), model.Cell("grade", "num"), model.Cell("reading ease", "num")])
    ordered = sorted(pages, key=lambda p: (-p.score, -p.total, p.path))
    rows = []
    for p in ordered:
        fam = {c.label: c.n for c in p.family_counts}
        sev = {c.label: c.n for c in p.severity_counts}
        cells = [model.Cell(p.path, p.path)]
        cells += [_num_cell(fam.get(f, 0), f"fam-{model.css_token(f)}") for f in families]
        cells += [_num_cell(sev.get(s, 0), f"sev-{model.css_token(s)}") for s in severities]
        cells.append(_num_cell(p.total))
        rd = p.readability
        cells.append(model.Cell(f"{rd.grade:g}", _sortable(rd.grade)) if rd else model.Cell("–", _sortable(-1)))
        cells.append(model.Cell(f"{rd.reading_ease:g}", _sortable(rd.reading_ease)) if rd
                     else model.Cell("–", _sortable(-1000)))
        rows.append(model.IndexRow(p.path, p.filename, cells))
    all_marks = [m for p in pages for m in p.marks]
    fam, sev = model.counts(all_marks)
    checks = []
    for code in result.rules_run:
        rule = registry.get(code)
        if rule is not None:
            checks.append(model.CheckRun(code, rule.cls.family, rule.cls.severity, rule.cls.summary))
    return model.IndexPage(
        columns=columns, rows=rows, totals=fam + sev, names=name_groups, stories=stories,
        settings=_settings(cfg, paths), checks=checks, notices=list(result.notices),
        version=__version__, generated=_timestamp(), files=len(pages), findings=len(all_marks))


def _num_cell(n: int, css: str = "") -> model.Cell:
    return model.Cell(str(n), _sortable(n), css + (" zero" if n == 0 else ""))


def _sortable(x: float) -> str:
    return f"{x:.3f}"


def _settings(cfg, paths) -> list[model.Setting]:
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
            ("house names", cfg.house_names or "(none)")]
    for code in sorted(cfg.options):
        for name, value in sorted(cfg.options[code].items()):
            rows.append((f"options.{code}.{name}", repr(value)))
    return [model.Setting(k, v) for k, v in rows]


def _timestamp() -> str:
    """The run's date: the one line that differs between two runs (SOURCE_DATE_EPOCH pins it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit()
            else datetime.now(timezone.utc))
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


# --- rendering and writing -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


@lru_cache(maxsize=1)
def _assets() -> dict:
    """The inlined CSS and JS, trusted (they ship with the package), with their CSP hashes."""
    from markupsafe import Markup

    css = (HERE / "assets" / "report.css").read_text(encoding="utf-8")
    js = (HERE / "assets" / "report.js").read_text(encoding="utf-8")
    return {"css": Markup(css), "js": Markup(js), "csp": _csp(css, js), "version": __version__}


def _csp(css: str, js: str) -> str:
    """Only our own inlined style and script may run; nothing may be fetched from anywhere."""
    def digest(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def write_atomic(path: str, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`."""
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
