"""TR603: a sentence whose key words differ from every other rendition of the story."""
from __future__ import annotations

from auditor.api import Option

from .renditions.report import DisagreementCheck, example, others, quoted, words_of


class WordingMismatch(DisagreementCheck):
    """A sentence keeps the place and structure of its counterparts in the other renditions but
    its key content words differ: it uses words that no other rendition uses anywhere near that
    place, and lacks words that most of them share ("Japan must resolve that Russia will
    cooperate" where the others say "Japan must resolutely continue to sanction Russia").

    With four or more aligned renditions (option min-counterparts-wording of the shared
    analysis) the majority decides. With fewer, the sentence is judged only when the other
    renditions tell it the same way (their sentences are each other's close counterparts, much
    closer to each other than to this one) and it is not a direct quotation: outlets quote
    different parts of one speech. No fix is offered: which rendition is right is for the source
    to say."""

    code = "TR603"
    summary = "Key content words differ from all other renditions of the story"
    kinds = ("wording",)
    options = {
        "min_lone_words": Option(2, "least content words of the sentence that no other rendition uses there"),
        "min_missing_words": Option(3, "least words shared by most other renditions that the sentence lacks"),
        "min_consensus": Option(0.7, "with fewer renditions than a majority needs: least similarity (0-1) "
                                     "of the other renditions' sentences to each other"),
        "consensus_margin": Option(0.25, "with fewer renditions: how much closer they must be to each other "
                                         "than to the sentence"),
    }

    def accepts(self, dis):
        if len(dis.seen) < self.opts.min_lone_words or len(dis.expected) < self.opts.min_missing_words:
            return False
        if dis.consensus is None:
            return True
        agreement, closest = dis.consensus
        return agreement >= self.opts.min_consensus and closest <= agreement - self.opts.consensus_margin

    def message(self, dis, text, result, chars):
        seen = quoted(words_of(text, dis.seen))
        expected = quoted(words_of(dis.majority_text, dis.expected)) or "other words"
        return (f"{seen}: words no other rendition uses here; {others(dis, result)} have {expected}"
                f"{example(dis, chars)}: compare with the source")
