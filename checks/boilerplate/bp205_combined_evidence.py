"""BP205: a line that is page residue by the evidence around it (teasers, calls to action,
comment threads, tables of contents, another language), weighed by one scorer."""
from __future__ import annotations

from auditor.api import UNSAFE
from auditor.text import clip

from . import line_scores
from .line_verdicts import Verdict, VerdictCheck


class CombinedEvidence(VerdictCheck):
    """A line that no phrase family and no duplicate test claimed, judged residue because its
    evidence adds up (line_scores.py): worded like a link teaser or a call to action and not a
    subheading, inside a reader-comment thread, an entry of a table of contents repeated below as
    a heading, a short line in another language or script inside an English text (or a run of
    headlines in another language after the body of a text in any language), a line whose
    Markdown links all point into the page (a table of contents), sales wording,
    author-bio wording, after the body, between two lines of widget text, sharing no word with
    the article. Evidence
    against counts too: a line that heads a paragraph, a list item inside the body (marked, or
    one of a run of short unpunctuated lines), an aside in brackets, a line that shares most of
    its words with the article; a paragraph that the next one goes on from is not taken for a
    teaser standing alone. The message names the evidence that decided.

    Fix (unsafe): remove the line; no single phrase identified it, the evidence is circumstantial."""

    code = "BP205"
    summary = "Residue by combined evidence (teaser, call to action, comment thread, contents, language)"
    severity = "warning"
    fix_applicability = UNSAFE

    @classmethod
    def describe(cls) -> str:
        weights = sorted(((name[2:].lower().replace("_", " "), value) for name, value in vars(line_scores).items()
                          if name.startswith("W_")), key=lambda kv: -kv[1])
        table = "\n".join(f"  {value:+.1f}  {name}" for name, value in weights)
        return (f"{super().describe()}\n\nEvidence and its weight (residue from "
                f"{line_scores.THRESHOLD:.1f}):\n{table}")

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        families_of = {i: v.family for i, v in claimed.items() if v.family}
        for i, decision in sorted(line_scores.decide(lay, claimed, families_of).items()):
            ln = lay.lines[i]
            claimed[i] = Verdict(cls.code, ln.start, ln.end,
                                 f"'{clip(ln.text, 50)}' looks like page residue: {decision.says()}")
