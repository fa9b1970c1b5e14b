"""Regenerate the README's screenshots of the report site: python docs/screenshots.py

Writes the seeds' site to a temporary folder and photographs the index and one article with
Debian's chromium (headless, via playwright; never a downloaded browser)."""
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "auditor", "report", ".", "-o", str(site)], cwd=ROOT / "seeds",
                       check=True, env={"SOURCE_DATE_EPOCH": "1767225600", **__import__("os").environ})
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"), executable_path="/usr/bin/chromium", args=ARGS, headless=True,
                viewport={"width": 1200, "height": 720})
            page = context.new_page()
            page.goto((site / "index.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / "report-index.png"))
            page.click("#files tbody tr >> nth=0 >> td.file a")
            page.wait_for_load_state()
            page.click("#findings > li.item >> nth=1 >> a.where")
            page.evaluate("window.scrollTo(0, 0)")  # the headline and the selected finding's details
            page.screenshot(path=str(ROOT / "docs" / "report-article.png"))
            context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
