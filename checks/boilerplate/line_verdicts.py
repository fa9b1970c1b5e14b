"""The one pass over a document that decides, line by line, which boilerplate rule claims it.

Each line is claimed by at most one rule, so a line never gets two BP findings. The rules run in
order of precedence, each claiming only lines that no earlier rule claimed:

1. phrase families (data files): BP101 widget text, BP102 credits, BP103 notices, BP104
   attributions (not a 'Source:' line under a table, a list or a chart title inside the body:
   the data's source), BP203 breadcrumbs (a short related-links or navigation label between two
   paragraphs of the body, over a paragraph, is a subheading: "Related", "Next"); then the body
   is re-measured without the lines they claimed;
2. lines listed under a widget heading (BP101);
3. duplicates: the headline repeated (BP301), paragraphs pasted twice (BP302);
4. shape and position: bare URL, time stamp or tag (BP202), section label under the headline
   (BP203), short Title Case line after the body (BP201), widget label glued to a line (BP204);
5. off-topic splices (BP401);
6. every other line: one decision from the evidence around it (BP205, line_scores.py).

Each rule lives in its check's module (thresholds, message, a `claim(doc, lay, claimed)` class
method); the check classes report the verdicts of their own code. BP402 (corpus) skips the lines
claimed here.
"""
from __future__ import annotations

import re

from auditor import compiled
from auditor.api import SAFE, Check, Edit, Finding, Related
from auditor.records import record
from auditor.text import is_title_case

from . import phrase_families
from .layout import layout


@record(frozen=True)
class Verdict:
    code: str
    start: int
    end: int
    message: str
    related: tuple[tuple[int, int, str], ...] = ()   # (start, end, note) in the same document
    #: The phrase family that claimed the line, if one did (widget headings are found by it).
    family: str = ""
    #: What the fix deletes when the finding is part of a line only; None: the whole line.
    cut: tuple[int, int] | None = None


class VerdictCheck(Check):
    """A per-document BP check: reports the lines the pass gave to its code, each with the edit
    that removes it (`fix_applicability` says how sure that removal is)."""

    family = "boilerplate"
    fix_applicability = SAFE

    def check(self, doc):
        for v in sorted(verdicts(doc).values(), key=lambda v: v.start):
            if v.code == self.code:
                edit = Edit(*v.cut) if v.cut else doc.line_removal(v.start, v.end)
                related = tuple(Related(doc.path, a, b, note) for a, b, note in v.related)
                yield Finding(v.start, v.end, v.message, (edit,), self.fix_applicability, related)


class PhraseCheck(VerdictCheck):
    """A check that reports the lines of its phrase families (data files)."""

    @classmethod
    def phrase_message(cls, quote: str, family: phrase_families.Family) -> str:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def data_examples(cls) -> list:
        return phrase_families.data_examples(cls.code)

    @classmethod
    def describe(cls) -> str:
        lines = [super().describe(), "", "Phrase families (files in checks/boilerplate/):"]
        for fam in phrase_families.families():
            if fam.code == cls.code:
                langs = f"; also in {', '.join(sorted(fam.foreign))}" if fam.foreign else ""
                lines.append(f"  {fam.path}: {fam.name}: {fam.about} ({len(fam.patterns)} patterns{langs})")
        return "\n".join(lines)


def verdicts(doc) -> dict[int, Verdict]:
    """Line index -> the verdict of the rule that claims the line (cached on the document)."""
    return doc.memo("boilerplate.verdicts", _claim_lines)


def _claim_lines(doc) -> dict[int, Verdict]:
    # The rule modules import this one (Verdict, VerdictCheck): imported here, not at the top.
    from .bp101_widget_phrase import WidgetPhrase
    from .bp102_credit_line import CreditLine
    from .bp103_mandated_notice import MandatedNotice
    from .bp104_attribution_line import AttributionLine
    from .bp201_edge_line import EdgeLine
    from .bp202_stray_token import StrayToken
    from .bp203_section_label import SectionLabel
    from .bp204_glued_widget import GluedWidget
    from .bp205_combined_evidence import CombinedEvidence
    from .bp301_repeated_headline import RepeatedHeadline
    from .bp302_repeated_paragraph import RepeatedParagraph
    from .bp401_off_topic_splice import OffTopicSplice

    lay = layout(doc)
    claimed: dict[int, Verdict] = {}
    if not lay.lines:
        return claimed
    phrase_checks = {cls.code: cls for cls in (WidgetPhrase, CreditLine, MandatedNotice,
                                               AttributionLine, SectionLabel)}
    _claim_phrases(lay, claimed, phrase_checks)
    lay = lay.reframed(claimed)
    for rule in (WidgetPhrase, RepeatedHeadline, RepeatedParagraph, StrayToken, SectionLabel,
                 EdgeLine, GluedWidget, OffTopicSplice, CombinedEvidence):
        rule.claim(doc, lay, claimed)
    return claimed


#: Families of labels that head a list of links ("Related", "Next"): such a label between two
#: paragraphs of the body, over a paragraph, is the article's own subheading ("Related work").
LINK_LIST_LABELS = frozenset({"related links", "navigation"})
#: ... when it is a label of this many words at most ("More Essay Topics").
SUBHEADING_LABEL_MAX_WORDS = 4


def _subheading(fam, ln, lay, claimed, is_widget) -> bool:
    """A short link-list label inside the body between two paragraphs of the article: a
    subheading (a widget's label stands over links, short lines, over a call to action or other
    widget text, not over a paragraph). `is_widget(line)`: whether a phrase family claims it."""
    from .bp101_widget_phrase import CONTENTS_HEADING
    from .line_scores import call_to_action_or_teaser

    if fam.name not in LINK_LIST_LABELS or ln.n_words > SUBHEADING_LABEL_MAX_WORDS:
        return False
    if CONTENTS_HEADING.match(ln.text.strip()):
        return False   # a table of contents whose entries were lost: never the article's heading
    if ln.text.rstrip().endswith(":") or not lay.first_body < ln.index < lay.last_body:
        return False
    above, below = lay.lines[ln.index - 1], lay.lines[ln.index + 1]
    # (the paragraph under it is not the last of the body: a site's blurb about itself closes it)
    return (above.prose and below.prose and above.index not in claimed and below.index < lay.last_body
            and not call_to_action_or_teaser(below) and not is_widget(below))


_SOURCE_LINE = compiled.regex(r"^(?:data )?sources?\s?:", re.I)


def _data_source(fam, ln, lay, claimed) -> bool:
    """A 'Source: …' line right under a table row, a list item or a chart's title (a Title Case
    line without a stop) inside the body names where the data shown comes from: it is the article's."""
    if fam.name != "attribution" or not _SOURCE_LINE.match(ln.text):
        return False
    if not lay.first_body < ln.index < lay.last_body or ln.index - 1 in claimed:
        return False
    above = lay.lines[ln.index - 1]
    return above.listed or (not above.prose and not above.ends_sentence and is_title_case(above.words))


def _claim_phrases(lay, claimed: dict[int, Verdict], checks: dict[str, type[PhraseCheck]]) -> None:
    matcher = phrase_families.matcher()
    langs = phrase_families.cued_languages(lay)
    hits: dict = {}   # line index -> its match_line(), each line matched once
    tail = phrase_families.tail_start(matcher, lay, langs, hits)

    def hit_of(line):
        if line.index not in hits:
            hits[line.index] = phrase_families.match_line(matcher, line, lay, tail, langs)
        return hits[line.index]

    for ln in lay.lines:
        hit = hit_of(ln)
        if hit is None:
            continue
        fam, _, m = hit
        if _data_source(fam, ln, lay, claimed):
            continue
        if _subheading(fam, ln, lay, claimed, lambda other: hit_of(other) is not None):
            continue
        # (offsets into the visible text are offsets into the line only when they are the same)
        # (a line matched after its opening pictographs is residue whole)
        span = phrase_families.residue(m, ln.text) if ln.text == ln.raw and len(m.string) == len(ln.text) else None
        if span is None:
            message = checks[fam.code].phrase_message(ln.text, fam)
            claimed[ln.index] = Verdict(fam.code, ln.start, ln.end, message, family=fam.name)
            continue
        # Only part of the line is residue: the finding and its fix cover that part, and the
        # spaces that join it to the rest of the line.
        a, b = span
        cut_a, cut_b = a, b
        if a == 0:
            while cut_b < len(ln.text) and ln.text[cut_b] in " \t\xa0":
                cut_b += 1
        else:
            while cut_a > 0 and ln.text[cut_a - 1] in " \t\xa0":
                cut_a -= 1
        message = checks[fam.code].phrase_message(ln.text[a:b], fam)
        claimed[ln.index] = Verdict(fam.code, ln.start + a, ln.start + b, message, family=fam.name,
                                    cut=(ln.start + cut_a, ln.start + cut_b))
