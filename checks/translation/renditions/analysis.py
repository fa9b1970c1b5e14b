"""The shared work of TR601–TR603, done once per run: summarise each document, group the
corpus into stories, align the sentences of each story and find the disagreements."""
from __future__ import annotations

from functools import partial
from collections.abc import Iterable, Iterator

from auditor.api import Analysis, Option

from .packed import DecodedDocs, PackedCorpus, PackedStory
from .summary import summarise

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only
    from .disagreements import Disagreement


class Result:
    """The renditions compared: `docs` (the DocSummarys, sorted by path), `stories` (indexes into
    docs, each story sorted) and their disagreements, read story by story as the run's workers
    align them (`stream`), so that TR601 reports the first stories while the last are aligned."""

    def __init__(self, docs: DecodedDocs, stories: list[list[int]], found: Iterable[list[Disagreement]]):
        self.docs = docs
        self.stories = stories
        self._found: Iterator[list[Disagreement]] | None = iter(found)  # None once read to the end
        self._read: list[Disagreement] = []  # for the checks that read them after the first
        self._error: Exception | None = None

    def stream(self) -> Iterator[Disagreement]:
        """The disagreements in the order of stories. A reader after the first replays what was
        read and reads on; an error in aligning a story is raised to every reader."""
        i = 0
        while True:
            while i < len(self._read):
                yield self._read[i]
                i += 1
            if self._found is None:
                if self._error is not None:
                    raise self._error
                return
            try:
                self._read.extend(next(self._found))
            except StopIteration:
                self._found = None
            except Exception as e:
                self._found, self._error = None, e

    @property
    def disagreements(self) -> list[Disagreement]:
        return list(self.stream())


class Renditions(Analysis):
    """Renditions of one story (files that share most of their sentences' content) compared
    sentence by sentence: the disagreements that TR601 (numbers, names), TR602 (polarity,
    negation) and TR603 (wording) report."""

    name = "renditions"
    family = "translation"
    lends_work = True  # stories are grouped and aligned in the run's workers
    options = {
        "min_story_similarity": Option(0.2, "share of the shorter file's sentences that must have a close "
                                            "counterpart in the other (average over a story)"),
        "max_story_files": Option(12, "most files in one story (keeps alignment linear in corpus size)"),
        "min_alignment": Option(0.25, "least similarity (0-1) of two sentences taken as counterparts"),
        "min_sentence_words": Option(3, "least content words of a sentence worth aligning"),
        "min_counterparts": Option(2, "least aligned counterparts in other renditions before a majority counts"),
        "majority_share": Option(0.5, "share of the counterparts that must agree against the sentence"),
        "min_counterparts_wording": Option(4, "least aligned counterparts for a majority on names and "
                                              "wording (fewer renditions give no majority on wording)"),
    }

    def collect(self, doc) -> PackedCorpus:
        packed = PackedCorpus()
        packed.add(summarise(doc))
        return packed

    def empty(self) -> PackedCorpus:
        return PackedCorpus()

    def merge(self, a: PackedCorpus, b: PackedCorpus) -> PackedCorpus:
        """Extends `a`: one vocabulary of stems for the corpus (see `packed`)."""
        a.extend(b)
        return a

    def finalize(self, summary: PackedCorpus) -> Result:
        # here: grouping and aligning stories is the corpus's work, which a one-file run never does
        from .stories import group_stories

        docs = DecodedDocs(summary)
        stories = group_stories(docs, self.opts.min_story_similarity, self.opts.max_story_files, self.map)
        # Stories are aligned apart from each other: in the run's worker processes, each sent
        # packed with the words it uses; their disagreements come back in the order of stories,
        # read as the checks ask (meanwhile this process finalizes the checks before them).
        aligned = self.map(partial(story_disagreements, opts=self.opts),
                           ((members, docs.story(members)) for members in stories))
        return Result(docs, stories, aligned)


def story_disagreements(job: tuple[list[int], PackedStory], opts) -> list[Disagreement]:
    """The disagreements of one story: `job` is (its members, as indexes into the corpus's
    documents in path order, and their packed documents)."""
    from .alignment import align_story
    from .disagreements import find_disagreements

    members, packed = job
    story = {i: packed.decode(n) for n, i in enumerate(members)}  # decoded once each: alignment reads them over and over
    aligned = align_story(story, members, opts.min_alignment, opts.min_sentence_words)
    return find_disagreements(story, members, aligned, opts)
