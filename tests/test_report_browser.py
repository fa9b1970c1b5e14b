"""The report site in a real browser: Debian's chromium, driven headless by playwright.

Skipped when /usr/bin/chromium is absent (CI installs it: see .ci/run). Playwright never downloads
a browser here: it is pointed at the system one with `executable_path`.
"""
from __future__ import annotations

import os
import re
from collections import Counter

import pytest

from auditor import api, engine
from auditor.config import Config
from auditor.registry import load_registry
from auditor.reports import site
from auditor.reports.accepted import Accepted
from auditor.reports.page_files import page_name
from auditor.reports.page_model import SEVERITY_WEIGHT
from conftest import SEEDS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                 reason=f"{CHROMIUM} not installed (apt-get install chromium); CI installs it")]


def seeds_site(out_dir, accept_first: bool = False) -> tuple[str, str, str]:
    """Write the seeds' site; returns (article page, its first finding's message, its family).

    While no check gives a names table, one is made up from the seeds' most frequent capitalised
    word, so the index always has a names-table link to follow. `accept_first`: the baseline
    accepts the worst article's first finding (shown greyed, behind the switch)."""
    old = os.getcwd()
    os.chdir(SEEDS)
    try:
        result = engine.run(["."], Config(), load_registry())
        if not result.overviews(api.SpellingGroup):
            words = Counter(w for r in result.files for w in set(re.findall(r"\b[A-Z][a-z]{4,}\b", r.ref.raw)))
            word = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            files = tuple(r.path for r in result.files if re.search(rf"\b{word}\b", r.ref.raw))
            result.corpus_data["TEST"] = [api.SpellingGroup(word, (api.Spelling(word, len(files), files),))]
        # the index puts the worst article first: highest severity-weighted score, then most findings
        worst = min(result.files, key=lambda r: (-sum(SEVERITY_WEIGHT[f.severity] for f in r.findings),
                                                  -len(r.findings), r.path))
        assert worst.findings, "no finding on any seed: nothing to click"
        first = min(range(len(worst.findings)), key=lambda i: (worst.findings[i].start, worst.findings[i].end,
                                                               worst.findings[i].code))
        accepted = Accepted({worst.path: frozenset({first})}, "baseline.json") if accept_first else None
        site.write_site(result, Config(), load_registry(), str(out_dir), ["."], accepted)
    finally:
        os.chdir(old)
    return page_name(worst.path), worst.findings[first].message, worst.findings[first].family


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """Opens browser contexts, each with a fresh user data dir; closes them at the end."""
    sync_api = pytest.importorskip("playwright.sync_api")
    opened = []
    with sync_api.sync_playwright() as p:
        def open_context(javascript: bool = True):
            context = p.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM,
                args=CHROMIUM_ARGS, headless=True, java_script_enabled=javascript,
                viewport={"width": 1280, "height": 900})
            context.set_default_timeout(15_000)
            opened.append(context)
            return context

        yield open_context
        for context in opened:
            context.close()


def test_article_and_index_in_a_browser(chromium, tmp_path):
    out = tmp_path / "site"
    page_name, message, family = seeds_site(out)
    errors = []
    page = chromium().new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((out / page_name).as_uri())

    # click the first finding in the side panel: its span is outlined, its message shown
    page.click("#findings > li.item >> nth=0 >> a.where")
    mark = page.locator('mark.hl[data-f="1"]').first
    assert "active" in mark.get_attribute("class")
    assert mark.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    detail = page.locator("#detail")
    assert detail.is_visible() and message in detail.inner_text()

    # click a highlight in the text: the same details
    page.keyboard.press("Escape")
    assert not detail.is_visible()
    mark.click()
    assert detail.is_visible() and message in detail.inner_text()
    page.screenshot(path=str(tmp_path / "article.png"))

    # keyboard: next and previous finding
    page.keyboard.press("n")
    assert page.locator("#findings > li.current").count() == 1

    # the family filter hides that family's list entries and highlights, and shows them again
    box = page.locator(f'input[data-filter="fam"][value="{family}"]')
    item = page.locator("#findings > li.item").first
    box.uncheck()
    assert not item.is_visible()
    assert "off" in mark.get_attribute("class")
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    box.check()
    assert item.is_visible() and "off" not in mark.get_attribute("class")
    page.screenshot(path=str(tmp_path / "article-filtered.png"))

    # the index: worst first, sortable, and a names-table link that lands on the spot
    page.goto((out / "index.html").as_uri())
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    first_file = page.locator("#files tbody tr >> nth=0 >> td.file a").get_attribute("href")
    assert first_file == page_name
    page.click('#files thead th:has-text("article")')
    titles = [t.lower() for t in page.locator("#files tbody td.file a").all_inner_texts()]
    assert titles == sorted(titles)  # by headline
    link = page.locator("#names td.files a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)
    spot = href.split("#", 1)[1]
    lit = page.locator(f'.spot[data-spot~="{spot}"]')
    assert lit.count() >= 1 and "lit" in lit.first.get_attribute("class")
    page.screenshot(path=str(tmp_path / "names-link.png"))
    assert not errors, errors
    for shot in ("article.png", "index.png", "names-link.png"):
        assert (tmp_path / shot).stat().st_size > 1000


def test_readable_with_javascript_off(chromium, tmp_path):
    out = tmp_path / "site"
    page_name, message, _ = seeds_site(out)
    page = chromium(javascript=False).new_page()
    page.goto((out / page_name).as_uri())
    assert not page.locator("#controls").is_visible()  # only the filters and navigation need script
    assert message in page.locator("#findings").inner_text()
    page.click("#findings > li.item >> nth=0 >> a.where")  # a plain anchor: the browser jumps to it
    assert page.url.endswith("#f1")
    page.screenshot(path=str(tmp_path / "article-no-js.png"))


def test_article_text_is_readable_and_severities_differ_without_colour(chromium, tmp_path):
    out = tmp_path / "site"
    page_name_, _, _ = seeds_site(out)
    page = chromium().new_page()
    page.goto((out / page_name_).as_uri())
    # a proportional font: narrow and wide letters take different widths
    widths = page.evaluate("""() => ['iiiiiiiiii', 'MMMMMMMMMM'].map(t => {
        const s = document.createElement('span'); s.textContent = t;
        document.querySelector('#source .t').appendChild(s);
        const w = s.getBoundingClientRect().width; s.remove(); return w; })""")
    assert widths[1] > 1.5 * widths[0], widths
    # each severity: its own underline style and its own mark where the finding starts
    styles = page.evaluate("""() => ['error', 'warning', 'info'].map(sev => {
        const m = document.querySelector('#source mark.hl.first.sev-' + sev)
            || document.querySelector('footer mark.sev-' + sev);
        const first = m.classList.contains('first') ? getComputedStyle(m, '::before').content : null;
        return [sev, getComputedStyle(m).textDecorationStyle, first]; })""")
    expected = {"error": ("solid", '"■"'), "warning": ("wavy", '"▲"'), "info": ("dotted", '"●"')}
    for sev, style, before in styles:
        assert style == expected[sev][0], (sev, style)
        assert before in (None, expected[sev][1]), (sev, before)
    assert any(before for _, _, before in styles)


@pytest.mark.parametrize("javascript", [False, True])
def test_baseline_switch_hides_and_shows_accepted_findings(chromium, tmp_path, javascript):
    out = tmp_path / "site"
    page_name_, message, _ = seeds_site(out, accept_first=True)
    page = chromium(javascript=javascript).new_page()
    page.goto((out / page_name_).as_uri())
    item = page.locator("#findings > li.item.accepted")
    mark = page.locator("mark.hl.accepted").first
    assert item.count() == 1 and item.is_visible() and message in item.inner_text()
    assert "accepted by the baseline" in item.inner_text()
    grey = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert grey != "rgba(0, 0, 0, 0)"
    switch = page.locator("#show-accepted")
    assert switch.is_checked()
    switch.uncheck()
    assert not item.is_visible()
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert mark.evaluate("m => getComputedStyle(m).textDecorationLine") == "none"
    if javascript:  # the keyboard skips what the switch hides
        page.locator("h1").click()  # the keys work outside form fields
        page.keyboard.press("n")
        current = page.locator("#findings > li.current")
        assert current.count() == 1 and "accepted" not in current.get_attribute("class")
    page.screenshot(path=str(tmp_path / "accepted-hidden.png"))
    switch.check()
    assert item.is_visible()
