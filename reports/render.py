"""Rendering: the jinja2 templates of `templates/` (autoescaped, strict), and the shipped CSS and
script of `assets/`, inlined into every page with a Content-Security-Policy that lets only them
run and fetches nothing."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

from auditor import __version__

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@lru_cache(maxsize=1)
def shipped_assets() -> tuple[str, str]:
    """(report.css, report.js) as shipped with the package."""
    return ((HERE / "assets" / "report.css").read_text(encoding="utf-8"),
            (HERE / "assets" / "report.js").read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def assets(extra_css: str = "") -> dict:
    """The inlined CSS (report.css, then `extra_css`: the family colours) and script, trusted
    (they ship with the package), with the page's CSP and the version for the generator line."""
    from markupsafe import Markup

    css, js = shipped_assets()
    css += extra_css
    return {"css": Markup(css), "js": Markup(js), "csp": csp(css, js), "version": __version__}


def csp(css: str, js: str) -> str:
    """Only our own inlined style and script may run; nothing may be fetched from anywhere."""
    def digest(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render(template: str, extra_css: str = "", **data) -> str:
    return environment().get_template(template).render(**data, **assets(extra_css))
