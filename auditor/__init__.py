"""auditor: source-quality and translation-artifact auditor for news text."""

__version__ = "0.1.0"
