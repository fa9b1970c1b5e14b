"""Names family (NM): the example tables next to the checks, and the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import audit_texts, caught, seed_text

EXAMPLES = Path(__file__).resolve().parent.parent / "checks" / "names" / "examples"


def _cases():
    for path in sorted(EXAMPLES.glob("NM*.txt")):
        code = path.stem
        case = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("=== "):
                if case:
                    yield case
                case = {"code": code, "head": line[4:], "files": {}, "house": [], "select": code}
                current = None
            elif case is None or line.startswith("#") and current is None:
                continue
            elif line.startswith("house: ") and current is None:
                case["house"].append(line[7:])
            elif line.startswith("select: ") and current is None:
                case["select"] = line[8:].strip()
            elif line.startswith("--- "):
                current = line[4:].strip()
                case["files"][current] = ""
            elif current is not None:
                case["files"][current] += line + "\n"
        if case:
            yield case


CASES = list(_cases())


@pytest.mark.parametrize("case", CASES, ids=[f"{c['code']}:{c['head'][:50]}" for c in CASES])
def test_example(case, tmp_path):
    extra = []
    if case["house"]:
        (tmp_path / "house.names").write_text("\n".join(case["house"]) + "\n", encoding="utf-8")
        (tmp_path / "auditor.toml").write_text('house-names = "house.names"\n', encoding="utf-8")
    found = audit_texts(case["files"], tmp_path, select=case["select"], extra=extra)
    hits = [(name, f) for name, fs in found.items() for f in fs if f["code"].startswith(case["select"])]
    kind, rest = case["head"][0], case["head"][2:]
    texts = case["files"]
    if kind == "+":
        word, suggestion = [x.strip() for x in rest.split("->")]
        assert any(texts[name][f["start"]:f["end"]] == word and f["suggestion"] == suggestion
                   for name, f in hits), hits
    elif kind == "!":
        word = rest.split()[0]
        assert not any(word in texts[name][f["start"]:f["end"]] for name, f in hits), hits
    else:
        assert not hits, hits


def test_seeds_names(seeds_report, seeds_expected):
    """Every must and should names item of the seeds is caught with its suggestion; nothing else."""
    by_path = {f["path"].removeprefix("./"): f["findings"] for f in seeds_report["files"]}
    items = [i for i in seeds_expected["items"] if i["family"] == "names"]
    for item in items:
        if item["level"] == "neutral":
            continue
        text = seed_text(item["file"])
        findings = by_path.get(item["file"], [])
        assert caught(item, text, findings), item
        if "suggest" in item:
            assert any(f["family"] == "names" and f["suggestion"] == item["suggest"]
                       and text.find(item["quote"]) < f["end"] for f in findings), item
    for name, findings in by_path.items():
        text = seed_text(name)
        for f in findings:
            if f["family"] != "names":
                continue
            labelled = [i for i in items if i["file"] == name]
            assert any(caught(i, text, [f]) for i in labelled), (name, f)


def test_names_rules_listed():
    from conftest import run_cli

    out = run_cli(["rules"]).out
    for code in ("NM101", "NM102", "NM103", "NM104", "NM105"):
        assert code in out
    assert "Metaphone" in run_cli(["explain", "NM101"]).out


def test_corpus_data_groups(tmp_path):
    from auditor.api import Options  # noqa: F401 - the check is built with its defaults
    from auditor.checks.names import CorpusVariant
    from auditor.document import Document

    docs = {"a.txt": "Officials said the Kurils and Fumio Kishida and Hirokazu Matsuno met.\n",
            "b.txt": "Officials said the Kurils and Fumio Kishida and Hirokazu Matsuno met.\n",
            "c.txt": "Officials said the Kurles and Fumio Kishida and Hirokazu Matsuno met.\n"}
    check = CorpusVariant()
    summary = check.empty()
    for path, text in docs.items():
        summary = check.merge(summary, check.collect(Document(path, text)))
    data = check.corpus_data(summary)
    group = next(g for g in data["groups"] if g["suggested"] == "Kurils")
    spellings = {s["spelling"]: s for s in group["spellings"]}
    assert spellings["Kurles"] == {"spelling": "Kurles", "count": 1, "files": ["c.txt"]}
    assert spellings["Kurils"]["files"] == ["a.txt", "b.txt"]
