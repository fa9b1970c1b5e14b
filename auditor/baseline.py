"""Baselines: accepted findings recorded by code, path and a hash of the flagged text, so old
findings stay quiet and new ones fail. Moving a finding within its file keeps it accepted;
editing the flagged text makes it new."""
from __future__ import annotations

import json
import os
from collections import Counter

from .config import ConfigError

VERSION = 1


def fingerprint(code: str, snippet: str) -> str:
    import hashlib   # here: importing it loads OpenSSL, which a run without a baseline never needs

    normalized = " ".join(snippet.split())
    return hashlib.sha256(f"{code}\0{normalized}".encode("utf-8")).hexdigest()[:16]


class Baseline:
    def __init__(self, path: str, entries: Counter | None = None):
        self.path = path
        self.root = os.path.dirname(os.path.abspath(path))
        self.cwd = os.getcwd()  # paths in findings are relative to it (also on a distant worker)
        self.entries: Counter = entries or Counter()

    def key(self, file_path: str, code: str, snippet: str) -> tuple[str, str, str]:
        rel = os.path.relpath(os.path.join(self.cwd, file_path), self.root).replace(os.sep, "/")
        return code, rel, fingerprint(code, snippet)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            entries = Counter({(e["code"], e["path"], e["hash"]): int(e.get("count", 1))
                               for e in data["findings"]})
        except OSError as e:
            raise ConfigError(f"{path}: cannot read the baseline ({e.strerror or e})") from None
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}: not a valid auditor baseline ({type(e).__name__}: {e}); "
                              "write a new one with --write-baseline") from None
        return cls(path, entries)

    def filter(self, file_path: str, findings: list) -> list:
        """Drop findings the baseline accepts (each entry accepts as many as its count)."""
        budget = Counter()
        kept = []
        for f in findings:
            k = self.key(file_path, f.code, f.snippet)
            if budget[k] < self.entries.get(k, 0):
                budget[k] += 1
            else:
                kept.append(f)
        return kept

    @classmethod
    def from_results(cls, path: str, files) -> "Baseline":
        b = cls(path)
        for r in files:
            for f in r.findings:
                b.entries[b.key(r.path, f.code, f.snippet)] += 1
        return b

    def write(self) -> None:
        rows = [{"code": c, "path": p, "hash": h, "count": n} for (c, p, h), n in sorted(self.entries.items())]
        data = {"version": VERSION, "tool": "auditor", "findings": rows}
        from .atomic import write_text

        write_text(self.path, json.dumps(data, indent=1) + "\n")
