"""BP302: a paragraph, or a block of paragraphs, pasted twice."""
from __future__ import annotations

from auditor.text import clip

from .line_verdicts import Verdict, VerdictCheck
from .repeats import BlockSizes

#: A line without a final full stop counts as a paragraph from this many words (a prose line,
#: see layout.PROSE_MIN_WORDS = 8, counts from 8 words ending a sentence): shorter unpunctuated
#: lines are subheadings and labels, which repeat legitimately.
MIN_WORDS_UNPUNCTUATED = 12
#: ... and its comparable form has this many characters (short lines repeat by chance).
MIN_CHARS = 30


class RepeatedParagraph(VerdictCheck):
    """A paragraph that occurred earlier in the same text, word for word (case, spacing and
    final punctuation aside): a paragraph or a block of paragraphs pasted twice. A paragraph is
    a line of 8+ words ending a sentence, or of 12+ words, and of 30+ characters; list items and
    table rows are skipped (they repeat legitimately), and so is the headline (BP301). The second
    copy is reported, pointing at the first, with the size of the pasted block.

    Fix (safe): remove the second copy; the first stays."""

    code = "BP302"
    summary = "Paragraph pasted twice"
    severity = "warning"

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        head = lay.headline(claimed)
        seen: dict[str, int] = {}
        blocks: BlockSizes | None = None   # built at the first repeat: most texts have none
        for ln in lay.lines[head.index + 1:]:
            verdict = claimed.get(ln.index)
            if verdict is not None and verdict.code == "BP301":
                continue
            key = lay.keys[ln.index]
            if ln.listed or not (ln.prose or ln.n_words >= MIN_WORDS_UNPUNCTUATED) or len(key) < MIN_CHARS:
                continue
            if key not in seen:
                seen[key] = ln.index
                continue
            if verdict is not None:
                continue
            if blocks is None:
                blocks = BlockSizes(lay.keys)
            first = lay.lines[seen[key]]
            block = blocks.size(first.index, ln.index)
            what = f"a block of {block} paragraphs" if block > 1 else "one paragraph"
            claimed[ln.index] = Verdict(
                cls.code, ln.start, ln.end,
                f"'{clip(ln.text)}' repeats the paragraph of line {doc.line_of(first.start)} "
                f"word for word ({what} pasted twice)",
                ((first.start, first.end, "first copy"),))

