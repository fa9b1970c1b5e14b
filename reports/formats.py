"""Machine and terminal output of `auditor check`: text, json, sarif, github, statistics.

The JSON shape is a contract (the project's evaluation reads it): one object,
{"version": 1, "files": [{"path", "findings": [{code, family, severity, start, end, line,
column, message, suggestion}]}]}, every audited file listed, nothing else on stdout.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring
from collections import Counter

from auditor import __version__
from auditor.records import record

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_json(result) -> dict:
    out = {"version": 1,
           "files": [{"path": r.path, "findings": [f.as_json() for f in r.findings]} for r in result.files]}
    errors = json_errors(result)
    if errors:
        out["errors"] = errors
    return out


def json_errors(result) -> list[dict]:
    """Files that were skipped or could not be read, and checks that failed on a file: {path,
    message}. The key is left out of a clean run, so the contract's other keys never change."""
    return [{"path": n.path or "", "message": n.message} for n in result.notices
            if n.skipped or n.level == "error"]


def write_json(result, out, registry=None) -> None:
    """`to_json(result)` as `json.dump(..., indent=1)` writes it, built and written file by file
    (a corpus's whole report is never held as one structure)."""
    write_json_stream(({"path": r.path, "findings": [f.as_json() for f in r.findings]} for r in result.files),
                      json_errors(result), out)


def write_json_stream(entries, errors: list[dict], out) -> None:
    """The JSON report from its per-file entries (in order) and its errors: the bytes of
    `json.dump({"version": 1, "files": [...], "errors": [...]}, indent=1)` and a newline, the
    errors key left out when there are none."""
    out.write('{\n "version": 1,\n "files": [')
    first = True
    for entry in entries:
        out.write(("\n" if first else ",\n") + _indented_entry(entry))
        first = False
    out.write("\n ]" if not first else "]")
    if errors:
        text = json.dumps(errors, ensure_ascii=False, indent=1)
        out.write(',\n "errors": ' + "\n".join((" " if i else "") + ln for i, ln in enumerate(text.splitlines())))
    out.write("\n}\n")


def _indented_entry(entry) -> str:
    """`json.dumps(entry, ensure_ascii=False, indent=1)` with each of its lines (as `splitlines`
    cuts them) after two spaces, as the report nests it. Built by `_json_block`: the `json`
    module writes indented JSON in Python, and that was most of the time of writing a report
    (10,000 articles: 0.70 -> 0.38 s). `splitlines` also cuts inside a string at the few
    separators JSON leaves unescaped (U+0085, U+2028, U+2029): an entry with one is written the
    old way, so that the bytes stay the same."""
    try:
        text = "  " + _json_block(entry, "  ")
    except TypeError:  # a key that is no string (json.dumps converts it)
        text = None
    if text is None or any(sep in text for sep in _UNESCAPED_LINE_BREAKS):
        text = "\n".join("  " + ln for ln in json.dumps(entry, ensure_ascii=False, indent=1).splitlines())
    return text


#: Line boundaries of `str.splitlines` that `json.dumps(..., ensure_ascii=False)` leaves as they are.
_UNESCAPED_LINE_BREAKS = ("\x85", "\u2028", "\u2029")
#: JSON of the values a report holds, by type (the C encoder's own functions); others: `json.dumps`.
_JSON_SCALAR = {str: encode_basestring, int: int.__repr__, type(None): lambda _: "null",
                bool: lambda v: "true" if v else "false"}


def _json_block(value, pad: str) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` with `pad` before each line but the
    first (string keys only: TypeError otherwise)."""
    kind = type(value)
    if kind is dict and value:
        inner = pad + " "
        return ("{\n" + ",\n".join([inner + encode_basestring(k) + ": " + _json_block(v, inner)
                                     for k, v in value.items()]) + "\n" + pad + "}")
    if kind is list and value:
        inner = pad + " "
        return "[\n" + ",\n".join([inner + _json_block(v, inner) for v in value]) + "\n" + pad + "]"
    scalar = _JSON_SCALAR.get(kind)
    return scalar(value) if scalar else json.dumps(value, ensure_ascii=False)


@record(frozen=True)
class TextStyle:
    """How the text format looks: ANSI colour, and the source line with a caret under the span
    (both on by default on a terminal, off in a pipe or file), or one line per finding (quiet)."""

    color: bool = False
    show_source: bool = False
    quiet: bool = False


_ANSI = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36", "green": "32"}
_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}
_SOURCE_WINDOW = 60  # characters shown on each side of a span in a long source line


def _paint(text: str, style: TextStyle, *names: str) -> str:
    if not style.color or not names:
        return text
    return "\x1b[" + ";".join(_ANSI[n] for n in names) + "m" + text + "\x1b[0m"


def finding_line(path: str, f, style: TextStyle = TextStyle()) -> str:
    """`path:line:col: CODE [severity] message (suggest: …)`, one line."""
    sev = _SEVERITY_COLOR.get(f.severity, "bold")
    hint = ""
    if f.suggestion and f.suggestion not in f.message:
        hint = " " + _paint(f"(suggest: {f.suggestion})", style, "green")
    mark = _paint("[*] ", style, "green") if f.fixable and f.applicability == "safe" else ""
    return (f"{_paint(path, style, 'bold')}:{f.line}:{f.column}: {_paint(f.code, style, 'bold', sev)} "
            f"[{f.severity}] {mark}{f.message}{hint}")


def source_excerpt(raw: str, f, style: TextStyle) -> list[str]:
    """The source line of a finding with carets under its span, clipped around the span."""
    starts = raw.rfind("\n", 0, f.start) + 1
    stop = raw.find("\n", starts)
    stop = len(raw) if stop < 0 else stop
    line = raw[starts:stop].rstrip("\r")
    a, b = f.start - starts, max(f.start - starts + 1, min(f.end, stop) - starts)
    lo, hi = max(0, a - _SOURCE_WINDOW), min(len(line), max(b, a + 1) + _SOURCE_WINDOW)
    shown = ("…" if lo else "") + line[lo:hi].replace("\t", " ") + ("…" if hi < len(line) else "")
    pad = _width(("…" if lo else "") + line[lo:a])
    marks = "^" * max(1, _width(line[a:min(b, hi)]))
    gutter = str(f.line)
    bar = _paint("|", style, "dim")
    return [f"{' ' * len(gutter)} {bar}",
            f"{_paint(gutter, style, 'dim')} {bar} {shown}",
            f"{' ' * len(gutter)} {bar} {' ' * pad}{_paint(marks, style, _SEVERITY_COLOR.get(f.severity, 'bold'))}",
            ""]


def _width(text: str) -> int:
    """Terminal columns of `text`: East Asian wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def summary_line(result) -> str:
    """The closing line: findings, and what could not be done. 'All clear' only when every file
    was read and every check ran."""
    n_files = len(result.files)
    total = sum(len(r.findings) for r in result.files)
    problems = []
    if result.unaudited:
        k = len(result.unaudited)
        problems.append(f"{k} file{'s' * (k != 1)} could not be audited")
    if result.failed_checks:
        k = result.failed_checks
        problems.append(f"{k} check failure{'s' * (k != 1)}")
    tail = f" ({'; '.join(problems)}; see the errors above)" if problems else ""
    if total:
        files = sum(1 for r in result.files if r.findings)
        return (f"Found {total} finding{'s' * (total != 1)} in {files} of {n_files} "
                f"file{'s' * (n_files != 1)}.{tail}{_fixable(result)}")
    if problems:
        return f"No findings in {n_files} file{'s' * (n_files != 1)}, but the run is incomplete{tail}."
    return f"All clear: {n_files} file{'s' * (n_files != 1)} audited, no findings."


def _fixable(result) -> str:
    """' [*] 12 fixable with `auditor fix` (3 more with --unsafe-fixes).'"""
    safe = sum(f.fixable and f.applicability == "safe" for r in result.files for f in r.findings)
    unsafe = sum(f.fixable and f.applicability != "safe" for r in result.files for f in r.findings)
    if not (safe or unsafe):
        return ""
    if not safe:
        return f"\n{unsafe} fixable with `auditor fix --unsafe-fixes`."
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"\n[*] {safe} fixable with `auditor fix`{more}."


def write_text(result, out, registry=None, style: TextStyle = TextStyle()) -> None:
    for r in result.files:
        write_file_findings(r, out, style)
    if not style.quiet:
        out.write(summary_line(result) + "\n")


def write_file_findings(r, out, style: TextStyle = TextStyle()) -> None:
    """One file's findings in the text format (the CLI streams them as files finish)."""
    for f in r.findings:
        out.write(finding_line(r.path, f, style) + "\n")
        if style.show_source and not style.quiet:
            out.write("\n".join(source_excerpt(r.ref.raw, f, style)) + "\n")


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
    for n in json_errors(result):
        props = ([f"file={_escape_github(n['path'], True)}"] if n["path"] else []) + ["title=auditor"]
        out.write(f"::error {','.join(props)}::{_escape_github(n['message'])}\n")


def _uri(path: str) -> str:
    """A relative URI reference for a path (spaces and non-ASCII letters percent-encoded)."""
    from urllib.parse import quote   # here: SARIF alone needs it (with ipaddress, 2 ms to import)

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
            if f.raw_edits:
                entry["fixes"] = [_sarif_fix(r.path, f)]
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
            "invocations": [_invocation(result)],
        }],
    }


def _sarif_fix(path: str, f) -> dict:
    """The finding's edits as a SARIF fix (character offsets into the decoded file)."""
    kind = "remove the line" if f.fix_kind == "removal" else f"replace with '{f.suggestion}'" \
        if f.suggestion else "apply the edit"
    return {"description": {"text": f"{kind} ({f.applicability} fix)"},
            "artifactChanges": [{"artifactLocation": {"uri": _uri(path)},
                                 "replacements": [{"deletedRegion": {"charOffset": a, "charLength": b - a},
                                                   "insertedContent": {"text": repl}}
                                                  for a, b, repl in f.raw_edits]}]}


def _invocation(result) -> dict:
    """Files not audited and checks that failed, as tool execution notifications."""
    notes = []
    for n in result.notices:
        if not (n.skipped or n.level in ("error", "warning")):
            continue
        entry = {"level": "error" if n.level == "error" else "warning", "message": {"text": n.message}}
        if n.path:
            entry["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(n.path)}}}]
        notes.append(entry)
    return {"executionSuccessful": result.errors == 0, "toolExecutionNotifications": notes}


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
