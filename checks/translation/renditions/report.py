"""How a disagreement becomes a finding: the base of TR601–TR603, which read the shared
`Renditions` analysis and each report their own kinds of disagreement, with the other renditions'
sentences as related places. Each check writes its own message from the pieces here."""
from __future__ import annotations

import os

from auditor.api import CorpusCheck, Finding, Related, Story
from auditor.text import clip

from .analysis import Renditions, Result
from .numbers import numbers
from .summary import WORD, is_negation, surface

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only
    from .disagreements import Disagreement

#: The checks that share the analysis, in the order in which one of them gives the overview of
#: stories for reports (the first one selected does, so that it is given once).
STORY_OVERVIEW_ORDER = ("TR601", "TR602", "TR603", "TR604")
#: Words quoted from each side, and files named, at most: messages stay short.
QUOTED_WORDS = 3
NAMED_FILES = 2
#: Characters of the other renditions' sentence quoted in a message; fewer (down to the least)
#: when the message would run past MESSAGE_LIMIT characters.
QUOTED_SENTENCE_CHARS = 50
LEAST_QUOTED_SENTENCE_CHARS = 20
MESSAGE_LIMIT = 200


class DisagreementCheck(CorpusCheck):
    """Reports the disagreements of its `kinds` found by the `Renditions` analysis."""

    family = "translation"
    severity = "warning"
    uses = (Renditions,)
    kinds: tuple[str, ...] = ()

    def finalize(self, summary):
        result: Result = self.analysis(Renditions)
        for dis in result.stream():
            if dis.kind in self.kinds and self.accepts(dis):
                # Paths and sentences read without decoding the documents (see DecodedDocs.sentence)
                start, end, text = result.docs.sentence(dis.doc, dis.sent)
                related = tuple(Related(result.docs.path(c.doc), *result.docs.sentence_span(c.doc, c.sent),
                                        "the same sentence in another rendition")
                                for c in dis.counterparts)
                yield result.docs.path(dis.doc), Finding(start, end, self._fitted(dis, text, result),
                                                         related=related)

    def _fitted(self, dis: Disagreement, text: str, result: Result) -> str:
        """The message, its quotation of the other renditions shortened or left out to keep it
        within MESSAGE_LIMIT characters. The message is written once, with a slot where the
        quotation goes (most are shortened: writing them twice was half of the checks' time)."""
        template = self.message(dis, text, result, _QUOTE_SLOT)
        if template.count(_QUOTE_SLOT_TEXT) == 1:
            def message(chars: int) -> str:
                return template.replace(_QUOTE_SLOT_TEXT, example(dis, chars))
        else:  # a message that quotes no other sentence (or the slot's text in the sentence)
            def message(chars: int) -> str:
                return self.message(dis, text, result, chars)
        fitted = message(QUOTED_SENTENCE_CHARS)
        over = len(fitted) - MESSAGE_LIMIT
        if over > 0:
            chars = len(clip(dis.majority_text, QUOTED_SENTENCE_CHARS)) - over
            fitted = message(chars if chars >= LEAST_QUOTED_SENTENCE_CHARS else 0)
        return fitted

    def accepts(self, dis: Disagreement) -> bool:
        """Whether to report this disagreement of one of the check's kinds (thresholds of its own)."""
        return True

    def message(self, dis: Disagreement, text: str, result: Result, chars: int) -> str:  # pragma: no cover
        """The message for the disagreement found in sentence `text`, quoting `chars` characters
        of the other renditions' sentence (`example(dis, chars)`; none when 0)."""
        raise NotImplementedError

    def corpus_data(self, summary):
        """The stories, titled by the headline of their first rendition."""
        before = STORY_OVERVIEW_ORDER[:STORY_OVERVIEW_ORDER.index(self.code)]
        if any(self.is_selected(code) for code in before):
            return []
        result: Result = self.analysis(Renditions)
        return [Story(result.docs.title(m[0]), tuple(map(result.docs.path, m)))
                for m in result.stories]


def quoted(values) -> str:
    """'a', 'b', 'c' (at most QUOTED_WORDS of them)."""
    return ", ".join(f"'{v}'" for v in list(values)[:QUOTED_WORDS])


def others(dis: Disagreement, result: Result) -> str:
    """The renditions that say otherwise, by file name: 'b.txt and c.txt', 'b.txt, c.txt and 2 more'."""
    names = sorted(os.path.basename(result.docs.path(c.doc)) for c in dis.support)
    if len(names) <= NAMED_FILES:
        return " and ".join(names)
    return f"{', '.join(names[:NAMED_FILES])} and {len(names) - NAMED_FILES} more"


def example(dis: Disagreement, chars: int) -> str:
    """' (“…”)': the best of their sentences, clipped to `chars` and quoted ('' when 0)."""
    if chars is _QUOTE_SLOT:
        return _QUOTE_SLOT_TEXT
    return f" (“{clip(dis.majority_text, chars)}”)" if chars else ""


#: `chars` of a message written with a slot for its quotation (`DisagreementCheck._fitted`), and
#: the slot: characters of Unicode's private use that no text of a news article holds.
_QUOTE_SLOT = object()
_QUOTE_SLOT_TEXT = "\ue000quotation\ue000"


def words_of(text: str, stems) -> list[str]:
    """The words of `text` with these stems, as written there."""
    return surface(text, set(stems))


def numbers_of(text: str, values) -> list[str]:
    """The numbers of `text` with these values ('4000' matches '4,000' and 'four thousand'), as
    written there."""
    wanted = set(values)
    out: list[str] = []
    for n in numbers(text):
        shown = text[n.start:n.end].strip()
        if n.value in wanted and shown not in out:
            out.append(shown)
    return out


def negations_of(text: str) -> list[str]:
    """The negation words of `text` ('not', "didn't")."""
    return [m.group() for m in WORD.finditer(text) if is_negation(m.group())]

