"""The kept regular expressions (auditor/compiled.py): a pattern from the kept file behaves as
`re.compile` makes it, a damaged or foreign file is ignored, and workers never write."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from auditor import compiled

PATTERNS = [
    (r"^(?:share|teilen)\s?:\s?(?P<residue>facebook|x)\b", re.I),
    (r"[\u0400-\u04FF]+(?:\s[\u0400-\u04FF]+){0,3}", 0),
    (r"(?<![\w'-])(quote|unquote)(?=[\s.,:;])", re.I | re.M),
]
TEXTS = ["Share: Facebook", "Teilen : X", "Москва сегодня", "He said quote, unquote.", "nothing here"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("AUDITOR_NO_COMPILED_CACHE", raising=False)
    module = importlib.reload(compiled)
    yield module
    importlib.reload(compiled)


def _reloaded():
    return importlib.reload(compiled)


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))


def test_a_kept_pattern_matches_as_re_compiles_it(fresh):
    for source, flags in PATTERNS:
        _same(fresh.regex(source, flags), re.compile(source, flags))
    fresh.save()
    again = _reloaded()
    assert again._load(), "the run's patterns were kept"
    for source, flags in PATTERNS:
        _same(again.regex(source, flags), re.compile(source, flags))
    assert not again._dirty, "every pattern came from the kept file"


def test_derived_values_are_kept_under_their_key(fresh):
    calls = []
    assert fresh.derived("twice", ("a", 1), lambda: calls.append(1) or 2) == 2
    fresh.save()
    again = _reloaded()
    assert again.derived("twice", ("a", 1), lambda: calls.append(1) or 3) == 2
    assert again.derived("twice", ("b", 1), lambda: 5) == 5
    assert calls == [1]


def test_a_value_parsed_from_files_is_parsed_again_when_one_is_written(fresh, tmp_path):
    import os

    table = tmp_path / "table.txt"
    table.write_text("one two", encoding="utf-8")

    def parse():
        return table.read_text(encoding="utf-8").split()

    assert fresh.derived_from_files("words", [table], parse) == ["one", "two"]
    fresh.save()
    again = _reloaded()
    assert again.derived_from_files("words", [table], lambda: ["stale"]) == ["one", "two"], "kept"
    table.write_text("six ten", encoding="utf-8")   # the same size: the new time tells
    stamp = table.stat().st_mtime_ns + 1_000_000
    os.utime(table, ns=(stamp, stamp))
    assert _reloaded().derived_from_files("words", [table], parse) == ["six", "ten"]


def test_a_damaged_file_is_ignored_and_replaced(fresh):
    Path(fresh._path()).parent.mkdir(parents=True, exist_ok=True)
    Path(fresh._path()).write_bytes(b"not a pickle at all")
    again = _reloaded()
    source, flags = PATTERNS[0]
    _same(again.regex(source, flags), re.compile(source, flags))
    again.save()
    assert _reloaded()._load()


def test_a_program_the_engine_refuses_is_compiled_again(fresh):
    source, flags = PATTERNS[0]
    fresh._load()[("re", source, flags)] = (0, b"\x00\x00", 99, {}, ())
    _same(fresh.regex(source, flags), re.compile(source, flags))


def test_a_worker_never_writes(fresh):
    fresh.forbid_saving()
    fresh.regex(*PATTERNS[1])
    fresh.save()
    assert not Path(fresh._path()).exists()


def test_entries_no_run_uses_are_dropped_after_some_saves(fresh):
    source, flags = PATTERNS[0]
    fresh.regex(source, flags)
    fresh.save()
    for i in range(fresh.MAX_UNUSED_SAVES + 1):
        again = _reloaded()
        again.regex(f"unused-{i}", 0)   # something new: the run saves
        again.save()
    last = _reloaded()
    assert ("re", source, flags) not in last._load(), "unused for more saves than allowed"
    assert ("re", f"unused-{fresh.MAX_UNUSED_SAVES}", 0) in last._load()


def test_record_methods_are_kept_and_equal_to_what_compile_gives(fresh):
    import marshal

    source = "def __create_fn__(_type_a):\n def __init__(self, a:_type_a):\n  self.a = a\n return __init__"
    mine = fresh.kept_code(source)
    # compiled as records.py's methods would be without the kept file: no `from __future__` flags
    reference = compile(source, "<string>", "exec", dont_inherit=True)
    assert marshal.dumps(mine) == marshal.dumps(reference)
    fresh.save()
    again = _reloaded()
    ns: dict = {}
    exec(again.kept_code(source), {}, ns)
    assert not again._dirty, "the method came from the kept file"
    assert ns["__create_fn__"]("int").__annotations__ == {"a": "int"}


def test_a_key_has_the_same_name_in_every_process():
    """Entries are found by a digest of their key: it must not depend on the process (string
    hashing is salted per process; interned strings and shared objects differ between runs)."""
    import os
    import subprocess
    import sys

    code = ("import re, sys; from auditor import compiled; "
            "print(compiled._digest(('value', 'kind', (('a' * 3, 2), sys.intern('b'), None, 1.5, b'x'))).hex(), "
            "compiled._digest(('re', 'ab+', re.M)).hex())")
    names = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=dict(os.environ, PYTHONHASHSEED=str(seed))).stdout for seed in (1, 2, 3)}
    assert len(names) == 1
