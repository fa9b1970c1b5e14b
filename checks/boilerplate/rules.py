"""The per-document BP checks: each reports the lines that `analysis.verdicts` gave to its code."""
from __future__ import annotations

from auditor.api import Check, Finding, Related

from .analysis import verdicts
from .phrases import families


class _VerdictCheck(Check):
    family = "boilerplate"

    def check(self, doc):
        for v in sorted(verdicts(doc).values(), key=lambda v: v.start):
            if v.code == self.code:
                related = tuple(Related(doc.path, a, b, note) for a, b, note in v.related)
                yield Finding(v.start, v.end, v.message, (doc.line_removal(v.start, v.end),), related=related)


class _PhraseCheck(_VerdictCheck):
    @classmethod
    def describe(cls) -> str:
        lines = [super().describe(), "", "Families (data files in checks/boilerplate/data/):"]
        for fam in families():
            if fam.code == cls.code:
                lines.append(f"  {fam.path}: {fam.name}: {fam.about} ({len(fam.patterns)} patterns)")
        return "\n".join(lines)


class WidgetPhrase(_PhraseCheck):
    """A line made of widget text: comment forms, related links, share bars, newsletter and
    donation boxes, cookie banners, ad labels, navigation and CMS footers. The patterns live in
    data files, one family per file, each with an example; a widget heading ("Related content")
    also claims the short list lines right under it. Real sentences that merely mention
    subscribing, sharing or comments are long and do not start with the widget's wording, so
    they are not matched. Remove the line."""

    code = "BP101"
    summary = "Widget text (comments, related links, share, newsletter, ads, footer)"
    severity = "warning"


class CreditLine(_PhraseCheck):
    """A photo credit with no photo, a detached byline or posting stamp, or an author bio after
    the article. Bios are only matched after the body (the last lines), so a sentence about a
    journalist inside the story is left alone. Remove the line."""

    code = "BP102"
    summary = "Photo credit, detached byline or author bio"
    severity = "warning"


class MandatedNotice(_PhraseCheck):
    """A legally mandated label copied with the article: the Russian foreign-agent notice (in
    Russian or in English, matched by its shape: foreign agent + produced/distributed/sent, with or
    without 18+), the 'extremist organisation, banned in Russia' footnote, US FARA disclosures.
    They belong to the original publisher's page, not to a republished article. Remove the line."""

    code = "BP103"
    summary = "Legally mandated notice (foreign agent, banned organisation, FARA)"
    severity = "warning"


class AttributionLine(_PhraseCheck):
    """An attribution line ('Reuters contributed to this report.', 'Source: …', 'Reporting by …').
    These may belong in a published article; reported as information only."""

    code = "BP104"
    summary = "Attribution or source line (may stay)"
    severity = "info"


class EdgeLine(_VerdictCheck):
    """A short Title Case or ALL CAPS line without final punctuation after the last paragraph
    of the article, where widgets collect (ad teasers, detached names, 'Compare Specs'). Lines
    inside the body are subheadings and are never flagged by this rule."""

    code = "BP201"
    summary = "Short Title Case line after the body"
    severity = "warning"


class StrayToken(_VerdictCheck):
    """A line that is only a URL, only a time stamp, or only a tag such as [VIDEO] or 18+."""

    code = "BP202"
    summary = "Line is only a URL, time stamp or tag"
    severity = "warning"


class SectionLabel(_PhraseCheck):
    """A site section label or breadcrumb copied with the article: a one- or two-word Title Case
    line right under the headline and right before the first paragraph ('World'), or a known
    section name or 'Home / News' trail between the headline and the body."""

    code = "BP203"
    summary = "Section label under the headline"
    severity = "warning"


class GluedWidget(_VerdictCheck):
    """A headline-shaped line inside the body whose first words are glued to the rest by a
    no-break space or a double space, the seam a widget leaves when its label and link text are
    flattened into one line."""

    code = "BP204"
    summary = "Widget label glued by a no-break or double space"
    severity = "warning"


class RepeatedHeadline(_VerdictCheck):
    """The headline (first line) appears again below it. The repeat is reported, pointing at
    the headline."""

    code = "BP301"
    summary = "Headline repeated"
    severity = "warning"


class RepeatedParagraph(_VerdictCheck):
    """A paragraph (6+ words) that occurred earlier in the same text: a paragraph or a block of
    paragraphs pasted twice. The second copy is reported, pointing at the first. List items and
    table rows are skipped: they repeat legitimately."""

    code = "BP302"
    summary = "Paragraph pasted twice"
    severity = "warning"


class OffTopicSplice(_VerdictCheck):
    """A headline-shaped line inside the body (6-30 words, no final punctuation) whose content
    words barely occur in the rest of the article: a link to another story spliced in. The share
    of its content words found elsewhere in the article is in the message."""

    code = "BP401"
    summary = "Off-topic line spliced into the body"
    severity = "warning"
