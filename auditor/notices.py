"""One-line messages about a run (stderr): files that could not be audited, checks that failed,
notes about an input. Every message names the file or setting and the problem."""
from __future__ import annotations

from .records import record


@record(frozen=True)
class Notice:
    """`path` is the file it concerns, if any; `skipped` says that the file was not audited at
    all (it is then listed under "errors" in JSON and as a SARIF notification)."""

    level: str  # "error" (the run is not clean: exit 2), "warning" or "note"
    message: str
    path: str | None = None
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"


def notice(e) -> Notice:
    """From an inputs.InputError."""
    return Notice("error" if e.fatal else "note", str(e), e.path, e.skipped)


#: Longest exception text quoted in a one-line message.
MAX_EXCEPTION_TEXT = 200


def check_failed(code: str, path: str | None, e: BaseException, stage: str = "") -> Notice:
    """A check that raised: the run goes on, but it is not clean (exit 2)."""
    where = f"{path}: " if path else ""
    text = " ".join(str(e).split())[:MAX_EXCEPTION_TEXT]
    return Notice("error", f"{where}check {code} failed{stage}: {type(e).__name__}: {text}", path)
