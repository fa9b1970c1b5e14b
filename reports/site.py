"""`auditor report PATH... -o DIR`: a static HTML site, one page per audited file and an index.

The engine runs as for `auditor check`, but without the baseline: the findings the baseline
accepts are marked (`accepted.py`) and shown greyed, behind a switch, instead of left out. The
builders (`article_page.py`, `index_page.py`) turn the result into the plain objects of
`page_model.py`; `render.py` renders them. Pages are written to a temporary file and renamed
into place, articles first and the index last, so an interrupted run never leaves a
complete-looking but half-written site.
"""
from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timezone

from . import families as fams
from .accepted import Accepted, accepted_findings
from .article_page import build_article, title_of
from .index_page import build_index, name_groups, story_blocks
from .page_files import INDEX, output_exclusions, page_name, remove_stale_pages, write_atomic
from .page_model import ArticlePage, IndexPage, Link
from .render import render

__all__ = ["main", "write_site", "build", "write_atomic", "page_name", "INDEX"]


def main(args, cfg, registry, paths, baseline=None) -> int:
    """`baseline`: the auditor.baseline.Baseline `auditor check` would use (None: none)."""
    from auditor import engine

    out_dir = getattr(args, "output", None)
    if not out_dir:
        print("error: `auditor report` needs an output folder: auditor report PATH... -o DIR", file=sys.stderr)
        return 2
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        print(f"error: {out_dir}: exists and is not a folder; choose another -o DIR", file=sys.stderr)
        return 2
    cfg.exclude = list(cfg.exclude) + output_exclusions(out_dir, paths)
    started = time.perf_counter()
    result = engine.run(paths, cfg, registry, baseline=None)
    for n in result.notices:
        print(n, file=sys.stderr)
    accepted = accepted_findings(result, baseline)
    try:
        written = write_site(result, cfg, registry, out_dir, paths, accepted)
    except OSError as e:
        print(f"error: {out_dir}: cannot write the report ({e.strerror or e})", file=sys.stderr)
        return 2
    if accepted.count:
        print(f"note: {accepted.count} finding(s) accepted by the baseline {accepted.source} "
              "(shown greyed)", file=sys.stderr)
    took = time.perf_counter() - started
    print(f"wrote {written} pages to {os.path.join(out_dir, INDEX)} in {took:.1f} s", file=sys.stderr)
    return 2 if result.errors else 0


def write_site(result, cfg, registry, out_dir: str, paths=(), accepted: Accepted | None = None) -> int:
    """Render and write every page; returns the number of pages written."""
    os.makedirs(out_dir, exist_ok=True)
    pages, index, palette = build(result, cfg, registry, paths, accepted)
    for page in pages:
        write_atomic(os.path.join(out_dir, page.filename), render("article.html", palette, page=page))
    write_atomic(os.path.join(out_dir, INDEX), render("index.html", palette, index=index))
    remove_stale_pages(out_dir, {p.filename for p in pages})
    return len(pages) + 1


def build(result, cfg, registry, paths=(), accepted: Accepted | None = None
          ) -> tuple[list[ArticlePage], IndexPage, str]:
    """The page objects of the site, and the CSS of the family colours."""
    accepted = accepted or Accepted()
    files = result.files
    pages = {r.path: page_name(r.path) for r in files}
    titles = {r.path: title_of(r) for r in files}
    raw_of = {r.path: r.ref.raw for r in files}
    shown = fams.families_run(result, registry)
    registered = fams.registered_families(registry)
    palette = fams.palette_css(registered + [f for f in shown if f not in registered])

    # places other pages link to, per file: related places and the names table's first occurrences
    spots: dict[str, dict[tuple[int, int], str]] = {p: {} for p in pages}

    def spot(path: str, a: int, b: int) -> str:
        raw = raw_of[path]
        a = min(max(a, 0), len(raw))
        b = min(max(b, a), len(raw))
        return spots[path].setdefault((a, b), f"s{a}-{b}")

    related_spot: dict[tuple[str, int, int], str] = {}
    for r in files:
        for f in r.findings:
            for rel in f.related:
                path, a, b = rel.get("path"), rel.get("start"), rel.get("end")
                if path in spots and isinstance(a, int) and isinstance(b, int):
                    related_spot[(path, a, b)] = spot(path, a, b)
    names = name_groups(result, pages, titles, raw_of, spot)

    articles = [build_article(r, registry, pages, titles, spots[r.path], related_spot, accepted, shown)
                for r in files]
    for prev, page, nxt in zip([None] + articles[:-1], articles, articles[1:] + [None]):
        page.prev = Link(prev.title, prev.filename, detail=prev.path) if prev else None
        page.next = Link(nxt.title, nxt.filename, detail=nxt.path) if nxt else None
    index = build_index(result, cfg, registry, articles, shown, names, story_blocks(result, articles),
                        accepted, timestamp(), paths)
    return articles, index, palette


def timestamp() -> str:
    """The run's date: the one line that differs between two runs (SOURCE_DATE_EPOCH pins it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit()
            else datetime.now(timezone.utc))
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")
