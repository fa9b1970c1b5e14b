"""TR6xx: renditions of one story checked against each other (example table, stories, scaling)."""
import json
import random
from pathlib import Path

import pytest
from conftest import audit_texts, caught

from auditor.api import Options
from auditor.checks.translation import renditions
from auditor.document import Document

EXAMPLES = Path(renditions.__file__).parent / "examples" / "TR6_renditions.json"
CASES = json.loads(EXAMPLES.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_example_table(case, tmp_path):
    found = audit_texts(case["files"], tmp_path, select="TR6")
    flagged = {name: fs for name, fs in found.items() if fs}
    if case["flag"] is None:
        assert not flagged, flagged
        return
    assert set(flagged) == {case["flag"]}, flagged
    item = {"family": "translation", "quote": case["quote"]}
    assert caught(item, case["files"][case["flag"]], flagged[case["flag"]])
    finding = flagged[case["flag"]][0]
    assert finding["code"].startswith(case["code"])
    # the JSON report carries no related places; ask the check itself
    check = next(c for c in renditions.CHECKS if c.code == finding["code"])(_options())
    renditions._ANALYSIS_CACHE.clear()
    (path, f), = [x for x in check.finalize(_summaries(case["files"])) if x[0] == case["flag"]]
    assert sorted(r.path for r in f.related) == sorted(n for n in case["files"] if n != case["flag"])
    assert f.suggestion and f.suggestion in f.message


def _summaries(texts: dict[str, str]):
    return [renditions.summarise(Document(name, text)) for name, text in texts.items()]


def _options():
    return Options({k: o.default for k, o in renditions.SHARED_OPTIONS.items()})


def test_stories_in_corpus_data():
    files = dict(CASES[0]["files"])
    files.update({"x" + k: v for k, v in CASES[1]["files"].items()})
    files["lone.txt"] = "A recipe for plum cake\n\nMix the flour with butter and sugar. Bake it for forty minutes.\n"
    check = renditions.FactMismatch(_options())
    data = check.corpus_data(_summaries(files))
    stories = [sorted(s["files"]) for s in data["stories"]]
    assert stories == [["a.txt", "b.txt", "c.txt"], ["xa.txt", "xb.txt", "xc.txt"]]
    assert all(s["id"].startswith("story-") and s["label"] for s in data["stories"])


def test_deterministic():
    files = CASES[0]["files"]
    a = list(renditions.analyse(_summaries(files), _options())[2])
    renditions._ANALYSIS_CACHE.clear()
    b = list(renditions.analyse(list(reversed(_summaries(files))), _options())[2])
    assert a == b


def test_stories_stay_small_when_everything_shares_sentences():
    """10,000-article benches recombine a few articles: stories must be capped, work near-linear."""
    pool = [s.text for case in CASES for text in case["files"].values()
            for s in Document("p", text).sentences]
    rng = random.Random(0)
    texts = {f"d{i:04}.txt": "\n\n".join(rng.sample(pool, 8)) for i in range(400)}
    opts = _options()
    docs, stories, _ = renditions.analyse(_summaries(texts), opts)
    assert stories and max(len(s) for s in stories) <= opts.max_story_files
