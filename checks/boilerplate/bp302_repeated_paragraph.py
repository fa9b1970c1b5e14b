"""BP302: a paragraph, or a block of paragraphs, pasted twice."""
from __future__ import annotations

from auditor.text import clip, is_title_case

from .line_verdicts import Verdict, VerdictCheck
from .repeats import BlockSizes

#: A line without a final full stop counts as a paragraph from this many words (a prose line,
#: see layout.PROSE_MIN_WORDS = 8, counts from 8 words ending a sentence): shorter unpunctuated
#: lines are subheadings and labels, which repeat legitimately.
MIN_WORDS_UNPUNCTUATED = 12
#: ... and its comparable form has this many characters (short lines repeat by chance).
MIN_CHARS = 30
#: The legitimate repeats below are told apart from a paste only in small blocks: a paste of
#: more lines than this is a paste whatever its lines look like.
SMALL_BLOCK = 4
#: A refrain: a line that a text prints in this many places or more, none beside another (the
#: same sentence under each product of a review, each provider of a comparison); a page pasted
#: twice repeats a line once.
REFRAIN_COPIES = 3
#: ... each copy in a block of at most this many lines (the refrain and its label).
REFRAIN_MAX_BLOCK = 3
#: An answer of a question-and-answer section restates the article: the question stands at most
#: this many lines above it (the answer's first lines may come between) ...
ANSWER_LINES = 3
#: ... and the section is one of questions: this many within this many lines either way (a
#: single question subheading over a pasted paragraph is not an FAQ).
FAQ_MIN_QUESTIONS, FAQ_WINDOW = 3, 8
#: A question heading is a sentence, not a paragraph: this many words at most.
QUESTION_MAX_WORDS = 20
#: An item of a list without marks (pros, requirements) is a short line without a final stop;
#: this many words at most, and at least this many (one word is a label) ...
LIST_ITEM_MIN_WORDS, LIST_ITEM_MAX_WORDS = 2, 15
#: ... and a list has this many such lines in a row beside the repeated line (a heading and a
#: paragraph are not a list).
LIST_MIN_ITEMS = 2


class RepeatedParagraph(VerdictCheck):
    """A paragraph that occurred earlier in the same text, word for word (case, spacing and
    final punctuation aside): a paragraph or a block of paragraphs pasted twice. A paragraph is
    a line of 8+ words ending a sentence, or of 12+ words, and of 30+ characters; list items and
    table rows are skipped (they repeat legitimately), and so is the headline (BP301), and a
    single line ending in a colon (it introduces what follows, which may come twice). Lines that
    a text repeats on purpose are left alone when the repeated block is small (4 lines at most):
    a Title Case line without a final stop (a heading or a table header), a question alone (a
    question of an FAQ), an answer under a question (an FAQ restating the article), a refrain
    printed in three or more places none beside another (the same sentence under each item of a
    review), and an item of a list without marks whose both copies stand among short unpunctuated
    lines (the same pro listed for two products). The second copy is reported, pointing at the
    first, with the size of the pasted block.

    Fix (safe): remove the second copy; the first stays."""

    code = "BP302"
    summary = "Paragraph pasted twice"
    severity = "warning"

    @classmethod
    def claim(cls, doc, lay, claimed: dict[int, Verdict]) -> None:
        head = lay.headline(claimed)
        seen: dict[str, int] = {}
        blocks: BlockSizes | None = None   # built at the first repeat: most texts have none
        copies: _Copies | None = None   # where each line occurs: built at the first small repeat
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
            if block == 1 and ln.text.rstrip().endswith(":"):
                continue   # a line that introduces a list may introduce two
            if block <= SMALL_BLOCK:
                if copies is None:
                    copies = _Copies(lay.keys)
                if _repeated_on_purpose(lay, first.index, ln.index, block, copies):
                    continue
            what = f"a block of {block} paragraphs" if block > 1 else "one paragraph"
            claimed[ln.index] = Verdict(
                cls.code, ln.start, ln.end,
                f"'{clip(ln.text)}' repeats the paragraph of line {doc.line_of(first.start)} "
                f"word for word ({what} pasted twice)",
                ((first.start, first.end, "first copy"),))



class _Copies:
    """Where each line occurs (one pass over the keys), and whether a line is a refrain (decided
    once a key: a line repeated thousands of times is not rescanned at each copy)."""

    def __init__(self, keys: list[str]):
        self.where: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            self.where.setdefault(key, []).append(i)
        self._refrains: dict[str, bool] = {}

    def count(self, key: str) -> int:
        return len(self.where[key])

    def refrain(self, key: str) -> bool:
        """Printed in REFRAIN_COPIES places or more, none beside another."""
        if key not in self._refrains:
            at = self.where[key]
            self._refrains[key] = len(at) >= REFRAIN_COPIES and all(b - a > 1 for a, b in zip(at, at[1:]))
        return self._refrains[key]


def _repeated_on_purpose(lay, first: int, second: int, block: int, copies: _Copies) -> bool:
    """Whether a small repeated block is one a text repeats on purpose (see the docstring)."""
    ln = lay.lines[second]
    text = ln.text.rstrip()
    if not ln.ends_sentence and is_title_case(ln.words):
        return True    # a heading or a table's header row
    if block == 1 and text.endswith("?"):
        return True    # a question asked again (an FAQ heading)
    if (block == 1 and any(_question(lay, j, copies) for j in range(max(0, second - ANSWER_LINES), second))
            and sum(1 for j in range(max(0, second - FAQ_WINDOW), min(len(lay.lines), second + FAQ_WINDOW))
                    if _question(lay, j, copies)) >= FAQ_MIN_QUESTIONS):
        return True    # the answer of an FAQ restating the article
    if block <= REFRAIN_MAX_BLOCK and copies.refrain(lay.keys[second]):
        return True    # a refrain of parallel sections
    return _among_list_items(lay, first) and _among_list_items(lay, second)


def _question(lay, j: int, copies: _Copies) -> bool:
    """A question standing alone (not itself repeated): the heading of an answer."""
    ln = lay.lines[j]
    return (ln.text.rstrip().endswith("?") and ln.n_words <= QUESTION_MAX_WORDS
            and copies.count(lay.keys[j]) == 1)


def _list_item(ln) -> bool:
    return (not ln.listed and not ln.prose and not ln.ends_sentence
            and LIST_ITEM_MIN_WORDS <= ln.n_words <= LIST_ITEM_MAX_WORDS and not is_title_case(ln.words))


def _among_list_items(lay, i: int) -> bool:
    """A line next to LIST_MIN_ITEMS items in a row of a list without marks (short unpunctuated
    lines), above it or below it."""
    for step in (-1, 1):
        j, run = i + step, 0
        while 0 <= j < len(lay.lines) and _list_item(lay.lines[j]) and run < LIST_MIN_ITEMS:
            run += 1
            j += step
        if run >= LIST_MIN_ITEMS:
            return True
    return False
