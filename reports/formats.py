"""Machine and terminal output of `auditor check`: text, json, sarif, github, statistics.

The JSON shape is a contract (the project's evaluation reads it): one object,
{"version": 1, "files": [{"path", "findings": [{code, family, severity, start, end, line,
column, message, suggestion}]}]}, every audited file listed, nothing else on stdout.
"""
from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote

from auditor import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_json(result) -> dict:
    return {"version": 1,
            "files": [{"path": r.path, "findings": [f.as_json() for f in r.findings]} for r in result.files]}


def write_json(result, out, registry=None) -> None:
    json.dump(to_json(result), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_text(result, out, registry=None) -> None:
    for r in result.files:
        for f in r.findings:
            hint = f" (suggest: {f.suggestion})" if f.suggestion else ""
            out.write(f"{r.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}{hint}\n")
    total = sum(len(r.findings) for r in result.files)
    if total:
        files = sum(1 for r in result.files if r.findings)
        out.write(f"Found {total} finding{'s' * (total != 1)} in {files} of {len(result.files)} "
                  f"file{'s' * (len(result.files) != 1)}.\n")
    else:
        out.write(f"All clear: {len(result.files)} file{'s' * (len(result.files) != 1)} audited, no findings.\n")


def _escape_github(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(result, out, registry=None) -> None:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for r in result.files:
        for f in r.findings:
            msg = f.message + (f" (suggest: {f.suggestion})" if f.suggestion else "")
            out.write(f"::{level[f.severity]} file={_escape_github(r.path, True)},line={f.line},"
                      f"col={f.column},endLine={f.end_line},endColumn={f.end_column},"
                      f"title={_escape_github(f.code, True)}::{_escape_github(msg)}\n")


def _uri(path: str) -> str:
    """A relative URI reference for a path (spaces and non-ASCII letters percent-encoded)."""
    return quote(path.replace("\\", "/"), safe="/-_.~")


def sarif(result, registry) -> dict:
    rules = [rule for rule in registry.sorted() if rule.code in result.rules_run]
    index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_rules = [{
        "id": rule.code,
        "name": rule.cls.__name__,
        "shortDescription": {"text": rule.cls.summary},
        "fullDescription": {"text": rule.cls.describe()},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.cls.severity]},
        "properties": {"family": rule.cls.family, "source": rule.source},
    } for rule in rules]
    results = []
    for r in result.files:
        for f in r.findings:
            entry = {
                "ruleId": f.code,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column,
                               "charOffset": f.start, "charLength": f.end - f.start},
                }}],
                "properties": {"family": f.family},
            }
            if f.code in index:
                entry["ruleIndex"] = index[f.code]
            if f.suggestion:
                entry["properties"]["suggestion"] = f.suggestion
            if f.related:
                entry["relatedLocations"] = [{
                    "id": i,
                    "message": {"text": rel.get("note") or "related place"},
                    "physicalLocation": {"artifactLocation": {"uri": _uri(rel["path"])},
                                         "region": {"charOffset": rel["start"],
                                                    "charLength": max(0, rel["end"] - rel["start"])}},
                } for i, rel in enumerate(f.related)]
            results.append(entry)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "version": __version__,
                                "informationUri": "https://pypi.org/project/news-auditor/",
                                "rules": sarif_rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def write_sarif(result, out, registry) -> None:
    json.dump(sarif(result, registry), out, ensure_ascii=False, indent=1)
    out.write("\n")


def statistics(result, registry) -> list[dict]:
    counts = Counter((f.code, f.severity) for r in result.files for f in r.findings)
    rows = []
    for (code, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = registry.get(code)
        rows.append({"code": code, "severity": severity, "count": n,
                     "family": rule.cls.family if rule else "", "summary": rule.cls.summary if rule else ""})
    return rows


def write_statistics(result, out, registry, fmt: str = "text") -> None:
    rows = statistics(result, registry)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        out.write(f"{r['count']:>{width}}  {r['code']:<6} [{r['severity']}] {r['summary']}\n")


WRITERS = {"text": write_text, "json": write_json, "sarif": write_sarif, "github": write_github}
