"""TR6xx: renditions of one story compared with each other: the shared analysis (stories,
determinism, scaling), the findings' related places and messages, and the stories overview.
The examples (checks/translation/examples/TR60*.txt) are run by tests/test_examples.py."""
from __future__ import annotations

import os
import random

import pytest

from auditor import engine, examples
from auditor.api import Story
from auditor.checks.translation import FactMismatch, PolarityMismatch, WordingMismatch
from auditor.checks.translation.renditions.analysis import Renditions
from auditor.config import Config
from auditor.document import Document
from auditor.registry import load_registry

CHECKS = (FactMismatch, PolarityMismatch, WordingMismatch)
CASES = [(cls, case) for cls in CHECKS for case in examples.load(cls)]
POSITIVE = [(cls, case) for cls, case in CASES if case.positive]


def _result(texts: dict[str, str], analysis: Renditions | None = None):
    analysis = analysis or Renditions()
    summary = analysis.empty()
    for name, text in texts.items():
        summary = analysis.merge(summary, analysis.collect(Document(name, text)))
    return analysis.finalize_now(summary)


def _run(files: dict[str, str], folder, select: list[str]):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    old = os.getcwd()
    os.chdir(folder)
    try:
        return engine.run(sorted(files), Config(select=select, root=str(folder)), load_registry(), jobs=1)
    finally:
        os.chdir(old)


@pytest.mark.parametrize("cls, case", POSITIVE, ids=[f"{c.code}:{k.title[:40]}" for c, k in POSITIVE])
def test_findings_name_the_other_renditions(cls, case):
    check = cls()
    check._analysis_results = {Renditions: _result(case.files)}
    (path, f), = check.finalize(None)
    assert path == case.marks[0].file
    assert sorted(r.path for r in f.related) == sorted(n for n in case.files if n != path)
    assert not f.edits  # which rendition is right is for the source to say
    assert len(f.message) <= 200, f.message
    assert any(n in f.message for n in case.files if n != path), f.message


def test_stories_overview_given_once(tmp_path):
    files = {}
    for prefix, (_, case) in zip("xy", POSITIVE[:2]):
        files.update({prefix + name: text for name, text in case.files.items()})
    files["lone.txt"] = "A recipe for plum cake\n\nMix the flour with butter and sugar. Bake it for forty minutes.\n"
    result = _run(files, tmp_path, ["TR6"])
    stories = result.overviews(Story)
    assert [s.files for s in stories] == [("xa.txt", "xb.txt", "xc.txt"), ("ya.txt", "yb.txt", "yc.txt")]
    assert stories[0].title == files["xa.txt"].splitlines()[0]
    alone = _run(files, tmp_path, ["TR603"]).overviews(Story)
    assert alone == stories


def test_deterministic():
    files = POSITIVE[0][1].files
    a = _result(files).disagreements
    b = _result(dict(reversed(list(files.items())))).disagreements
    assert a and a == b


def test_stories_stay_small_when_everything_shares_sentences():
    """10,000-article benches recombine a few articles: stories must be capped, work near-linear."""
    pool = [s.text for _, case in CASES for text in case.files.values()
            for s in Document("p", text).sentences]
    rng = random.Random(0)
    texts = {f"d{i:04}.txt": "\n\n".join(rng.sample(pool, 8)) for i in range(400)}
    analysis = Renditions()
    result = _result(texts, analysis)
    assert result.stories and max(len(s) for s in result.stories) <= analysis.opts.max_story_files


def test_packed_summaries_decode_to_what_was_collected():
    """The corpus summary is packed (ids into one vocabulary, flat arrays): merged in any grouping
    and pickled, every document decodes to the summary collected, and merging leaves the
    merged-in summaries as they were."""
    import pickle

    from auditor.checks.translation.renditions.packed import DecodedDocs
    from auditor.checks.translation.renditions.summary import summarise

    texts = {"b.txt": "Officials said 1,200 people didn’t leave Kyiv.\n\nThe talks in Geneva were not a success.\n",
             "a.txt": "Headline “quoted”\n\nThe minister said sanctions would rise by 4%. He never agreed.\n",
             "c.txt": ""}
    analysis = Renditions()
    expected = {p: summarise(Document(p, t)) for p, t in texts.items()}
    parts = [analysis.collect(Document(p, t)) for p, t in texts.items()]
    before = [pickle.dumps(p) for p in parts]
    left = analysis.merge(analysis.merge(analysis.empty(), parts[0]), parts[1])
    merged = pickle.loads(pickle.dumps(analysis.merge(analysis.empty(), analysis.merge(parts[2], left))))
    assert [pickle.dumps(p) for p in parts[:2]] == before[:2]
    docs = DecodedDocs(merged)
    assert [d.path for d in docs] == sorted(texts)
    for i, d in enumerate(docs):
        assert d == expected[d.path]
        # the stems alone, as ids, stand one for one for the decoded ones (story grouping)
        assert [frozenset(merged.vocab[x] for x in ids) for ids in docs.sentence_stems(i)] == [
            s.stems for s in d.sentences]
    # a story's documents, packed alone and pickled (sent to a worker process), decode the same
    story = pickle.loads(pickle.dumps(docs.story([2, 0])))
    assert [story.decode(0), story.decode(1)] == [docs[2], docs[0]]


def test_stories_aligned_in_worker_processes_give_the_same_result():
    """Finalize sends the story grouping's candidate pairs, then each story, to the executor's
    `map`: a process pool gives the serial result."""
    import multiprocessing as mp

    rng = random.Random(7)
    pool = [f"The council of district {i} voted {rng.randint(10, 99)} to {rng.randint(1, 9)} on the "
            f"harbour budget after a long debate about ferries number {i}." for i in range(40)]
    texts = {f"d{i:03}.txt": "\n\n".join(rng.sample(pool[:20] if i % 2 else pool[20:], 10)) for i in range(30)}
    serial = _result(texts)
    analysis = Renditions()
    with mp.get_context("fork").Pool(2) as workers:
        analysis._map = workers.imap
        pooled = _result(texts, analysis)
        streamed = pooled.disagreements  # read as the workers align the stories
    assert serial.stories and serial.disagreements
    assert (pooled.stories, streamed) == (serial.stories, serial.disagreements)


def test_disagreements_streamed_story_by_story_and_replayed_to_later_readers():
    from auditor.checks.translation.renditions.analysis import Result

    aligned = []

    def stories():
        for found in (["a", "b"], [], ["c"]):
            aligned.append(found)
            yield found

    result = Result(None, [], stories())
    first = result.stream()
    assert next(first) == "a" and len(aligned) == 1  # the later stories not aligned yet
    second = result.stream()
    assert list(second) == ["a", "b", "c"]  # replays what was read, then reads on
    assert list(first) == ["b", "c"] and result.disagreements == ["a", "b", "c"]

    def failing():
        yield ["a"]
        raise ValueError("story 2")

    broken = Result(None, [], failing())
    for _ in range(2):  # every reader learns of the failure
        reader = broken.stream()
        assert next(reader) == "a"
        with pytest.raises(ValueError, match="story 2"):
            next(reader)
