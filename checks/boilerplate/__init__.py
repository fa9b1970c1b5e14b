"""Boilerplate family (BP): text spliced into the article that is not the article."""
import re

from auditor.api import Check, Finding

_PHRASES = re.compile(
    r"^(?:leave a reply|be the first to comment|you may also like|see also\b|read more\b|related:"
    r"|your email address will not be published|powered by\b)",
    re.I,
)


class BoilerplatePhrases(Check):
    """A line that starts with a phrase widgets leave behind (comment forms, related links, CMS footers)."""

    code = "BP101"
    family = "boilerplate"
    summary = "Line starts with a known boilerplate phrase"
    severity = "warning"

    def check(self, doc):
        for line in doc.lines:
            m = _PHRASES.match(line.text)
            if m:
                yield Finding(line.start, line.end, f"boilerplate line ('{m.group()}'): remove it",
                              suggestion="remove the line")


CHECKS = [BoilerplatePhrases]
