"""The per-document work of a run: read a file, build its document model, run the per-document
checks, and collect the summaries that corpus checks and shared analyses reduce later.

A `Plan` is the run's resolved settings (which checks, their options, the family settings,
severities): small and picklable, so that worker processes, or workers of a distributed engine,
build the same `Worker` from it."""
from __future__ import annotations

from . import inputs
from .api import Options
from .notices import Notice, check_failed, notice
from .placement import DocRef, FileResult, place
from .records import record

TYPE_CHECKING = False
if TYPE_CHECKING:   # annotations only: importing typing costs every run 2 ms
    from typing import Any


@record(frozen=True)
class Plan:
    codes: tuple[str, ...]  # the selected checks, in the registry's order
    options: dict[str, Options]  # by check code and by analysis name
    settings: dict[str, Options]  # by family
    severities: dict[str, str]  # by check code
    max_bytes: int
    cache_folder: str | None = None  # the result cache, or None
    fingerprint: str = ""  # of the settings and the code: part of every cache key

    def instantiate(self, registry) -> tuple[list, list, dict]:
        """(per-document checks, corpus checks, {analysis name: analysis}) of this run."""
        checks = []
        selected = frozenset(self.codes)
        for code in self.codes:
            cls = registry.get(code).cls
            checks.append(cls(self.options[code], self.settings.get(cls.family), selected))
        analyses: dict[str, Any] = {}
        for check in checks:
            for cls in getattr(check, "uses", ()):
                name = analysis_name(cls)
                if name not in analyses:
                    analyses[name] = cls(self.options.get(name), self.settings.get(cls.family or check.family),
                                         selected)
        return ([c for c in checks if not c.is_corpus], [c for c in checks if c.is_corpus], analyses)


def analysis_name(cls) -> str:
    return cls.name or cls.__name__.lower()


#: Summary keys of analyses, beside the check codes (which are upper case).
ANALYSIS_KEY = "analysis:"


class Worker:
    """Holds instantiated checks; audits one source at a time."""

    def __init__(self, registry, plan: Plan):
        self.doc_checks, corpus, self.analyses = plan.instantiate(registry)
        self.collectors = [c for c in corpus if c.collects()]
        self.severities = plan.severities
        self.max_bytes = plan.max_bytes
        self.cache = None
        if plan.cache_folder:
            from .cache import ResultCache

            self.cache = ResultCache(plan.cache_folder, plan.fingerprint)

    def audit(self, source: inputs.Source):
        """Returns (FileResult | None, {summary key: summary}, [Notice]); from the result cache
        when this file, these settings and this code were audited before."""
        try:
            data = inputs.read_bytes(source, self.max_bytes)
        except inputs.InputError as e:
            return None, {}, [notice(e)]
        except Exception as e:  # never let one file take the run down
            return None, {}, [Notice("error", f"{source.display}: could not be read: {type(e).__name__}: {e}",
                                     source.display, skipped=True)]
        key = self.cache.key(source.display, data) if self.cache else None
        if key:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        outcome = self._audit(source, data)
        if key and not any(n.level == "error" for n in outcome[2]):
            self.cache.put(key, outcome)
        return outcome

    def _audit(self, source: inputs.Source, data: bytes):
        try:
            doc, notices = inputs.load(source, self.max_bytes, data)
        except inputs.InputError as e:
            return None, {}, [notice(e)]
        except Exception as e:  # never let one file take the run down
            return None, {}, [Notice("error", f"{source.display}: could not be read: {type(e).__name__}: {e}",
                                     source.display, skipped=True)]
        messages = [notice(n) for n in notices]
        result = FileResult(doc.path, DocRef.of(doc, source.on_disk))
        for inst in self.doc_checks:
            if inst.kinds and doc.kind not in inst.kinds:
                continue
            try:
                for f in inst.check(doc):
                    result.findings.append(place(doc, inst, f, self.severities[inst.code]))
            except Exception as e:  # a broken check must not take the run down
                messages.append(check_failed(inst.code, doc.path, e))
        summaries = {}
        for inst in self.collectors:
            try:
                summaries[inst.code] = inst.collect(doc)
            except Exception as e:
                messages.append(check_failed(inst.code, doc.path, e))
        for name, analysis in self.analyses.items():
            try:
                summaries[ANALYSIS_KEY + name] = analysis.collect(doc)
            except Exception as e:
                messages.append(check_failed(name, doc.path, e, " (shared analysis)"))
        return result, summaries, messages
