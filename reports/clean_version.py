"""The suggested clean version of an article: the fixes of its findings applied exactly as
`auditor fix --unsafe-fixes` applies them (`auditor.fixes.apply`), what each fix changes in words,
the counts of what was applied and left out, and the diff with the changed words marked."""
from __future__ import annotations

import difflib
import re

from auditor import fixes
from auditor.text import clip

from .page_model import CleanVersion, DiffLine, DiffPart, Fix, Mark

#: Edits of one fix described one by one; the rest are counted.
MAX_EDITS_DESCRIBED = 2
#: Characters per line above which a changed line is marked changed as a whole (no word diff).
MAX_WORD_DIFF = 5000
#: Removed lines looked at to pair with one added line: keeps big hunks linear.
PAIR_WINDOW = 40
#: How alike two lines must be (difflib's quick ratio) to be shown as one line changed in place.
PAIR_SIMILARITY = 0.5

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def describe_fix(mark: Mark, finding, raw: str, status: str) -> Fix:
    """The fix of `finding` (a placed finding with `raw_edits`) in an editor's words."""
    parts = [_describe_edit(raw, a, b, repl) for a, b, repl in finding.raw_edits[:MAX_EDITS_DESCRIBED]]
    more = len(finding.raw_edits) - MAX_EDITS_DESCRIBED
    if more > 0:
        parts.append(f"and {more} more change{'s' * (more != 1)}")
    return Fix(mark.id, mark.line, mark.code, finding.applicability, finding.fix_kind or "replacement",
               "; ".join(parts), status)


def _describe_edit(raw: str, a: int, b: int, repl: str) -> str:
    old = raw[a:b]
    if repl and not old:
        return f"insert “{clip(repl)}”"
    if repl:
        return f"“{clip(old)}” → “{clip(repl)}”"
    whole = (a == 0 or raw[a - 1] == "\n") and (b == len(raw) or raw[b - 1] == "\n")
    lines = sum(1 for line in old.split("\n") if line.strip())
    if whole and lines:
        return f"remove {'the line' if lines == 1 else f'{lines} lines'} “{clip(old)}”"
    return f"delete “{clip(old)}”"


def clean_version(path: str, raw: str, fixable: list[tuple[Mark, object]]) -> CleanVersion:
    """Apply the fixes of `fixable` ((mark, placed finding) pairs: the page's findings that carry a
    fix and that the baseline does not accept) and set each mark's fix status."""
    mark_of = {id(f): m for m, f in fixable}
    result = fixes.apply(raw, [f for _, f in fixable])
    applied, left_out = [], []
    for group, status, out in ((result.fixed, "applied", applied), (result.skipped, "overlap", left_out)):
        for f in group:
            mark = mark_of[id(f)]
            mark.fix = describe_fix(mark, f, raw, status)
            out.append(mark.fix)
    applied.sort(key=lambda x: x.finding)
    left_out.sort(key=lambda x: x.finding)
    diff_text = fixes.unified_diff(path, raw, result.text) if result.text != raw else ""
    diff_lines = [line.rstrip("\r\n") for line in diff_text.splitlines(keepends=True)]
    diff = mark_changed_words([DiffLine(_diff_kind(d, i), d) for i, d in enumerate(diff_lines)])
    return CleanVersion(result.text, diff, diff_text, applied, left_out, summary(applied, left_out))


def summary(applied: list[Fix], left_out: list[Fix]) -> str:
    """The counts of the clean version in words: every number is a number of fixes applied."""
    if not applied and not left_out:
        return "No fix to apply: no finding on this page carries one."
    n = len(applied)
    removals = sum(f.kind == "removal" for f in applied)
    safe = sum(f.applicability == "safe" for f in applied)
    words = [f"{n} fix{'es' * (n != 1)} applied"]
    if n:
        words[0] += (f": {_count(removals, 'removal')} and {_count(n - removals, 'replacement')}; "
                     f"{safe} safe (auditor fix applies {'it' if safe == 1 else 'them'}) and "
                     f"{n - safe} unsafe (applied with --unsafe-fixes: check {'it' if n - safe == 1 else 'them'})")
    text = words[0] + "."
    if left_out:
        k = len(left_out)
        text += (f" {k} fix{'es' * (k != 1)} left out: {'it overlaps' if k == 1 else 'they overlap'} "
                 "a fix applied before (a second run of the fix applies what still holds).")
    return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def mark_changed_words(diff: list[DiffLine]) -> list[DiffLine]:
    """Pair each run of removed lines with the added lines that follow and mark the words that
    differ, so a one-word respelling in a long paragraph is visible at a glance."""
    i = 0
    while i < len(diff):
        if diff[i].kind != "del":
            if diff[i].kind in ("add", "ctx"):
                diff[i].parts = [DiffPart(diff[i].text[1:], diff[i].kind == "add")]
            i += 1
            continue
        j = i
        while j < len(diff) and diff[j].kind == "del":
            j += 1
        k = j
        while k < len(diff) and diff[k].kind == "add":
            k += 1
        dels, adds = diff[i:j], diff[j:k]
        start = 0
        for line in adds:  # pair each added line with the most similar removed line not yet used
            best, best_ratio = None, PAIR_SIMILARITY
            for n in range(start, min(len(dels), start + PAIR_WINDOW)):
                if max(len(line.text), len(dels[n].text)) > MAX_WORD_DIFF:
                    continue
                ratio = difflib.SequenceMatcher(None, dels[n].text, line.text, autojunk=False).quick_ratio()
                if ratio > best_ratio:
                    best, best_ratio = n, ratio
            if best is not None:
                dels[best].parts, line.parts = _word_diff(dels[best].text[1:], line.text[1:])
                start = best + 1
        for line in dels + adds:
            if not line.parts:
                line.parts = [DiffPart(line.text[1:], True)]
        i = k
    return diff


def _word_diff(old: str, new: str) -> tuple[list[DiffPart], list[DiffPart]]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if i2 > i1:
            left.append(DiffPart("".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append(DiffPart("".join(b[j1:j2]), op != "equal"))
    return left, right


def _diff_kind(line: str, i: int) -> str:
    if i < 2 and (line.startswith("---") or line.startswith("+++")):
        return "file"
    if line.startswith("@@"):
        return "hunk"
    if line.startswith("+"):
        return "add"
    if line.startswith("-"):
        return "del"
    if line.startswith("\\"):
        return "note"
    return "ctx"
