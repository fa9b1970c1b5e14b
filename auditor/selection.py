"""Which checks run, at which severity, with which options and family settings: the settings
resolved against the registry. Unknown codes, options and settings are errors that name the
setting (and the nearest code), so a typo never silently selects or ignores nothing."""
from __future__ import annotations

import os
from collections.abc import Iterable

from .api import Options, default_options
from .config import Config, ConfigError
from .registry import Registry


def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


def is_selected(code: str, select, ignore, extend_select=()) -> bool:
    """ruff-style: the most specific matching prefix wins; on a tie, ignore wins."""
    chosen = max(_longest_prefix(code, select), _longest_prefix(code, extend_select))
    return chosen >= 0 and chosen > _longest_prefix(code, ignore)


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether `code` is named by any of the selectors (a code, a prefix or ALL)."""
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def severity_for(code: str, default: str, overrides: dict[str, str]) -> str:
    best, level = -1, default
    for prefix, sev in overrides.items():
        n = _longest_prefix(code, [prefix])
        if n > best:
            best, level = n, sev
    return level


def selected_codes(cfg: Config, registry: Registry) -> list[str]:
    return [r.code for r in registry.sorted() if is_selected(r.code, cfg.select, cfg.ignore, cfg.extend_select)]


def validate_selectors(cfg: Config, registry: Registry) -> None:
    """Codes in the settings must match a registered check. Raises ConfigError naming the
    setting and the nearest code."""
    keys = [("select", cfg.select), ("ignore", cfg.ignore), ("extend-select", cfg.extend_select),
            ("severity", list(cfg.severity))]
    keys += [(f"per-file-ignores.{glob}", codes) for glob, codes in cfg.per_file_ignores.items()]
    for key, values in keys:
        for v in values:
            if v != "ALL" and not any(code.startswith(v) for code in registry.rules):
                raise ConfigError(f"{_where(cfg, key)}'{v}' matches no check{_nearest(v, registry)}; "
                                  "`auditor rules` lists them")


def _where(cfg: Config, key: str) -> str:
    if key in cfg.from_cli:
        return f"--{key}: "
    return f"{cfg.source}: '{key}': " if cfg.source else f"{key}: "


def _close_match(word: str, candidates: list[str]) -> list[str]:
    """The candidate closest to a misspelt name, if any is close (difflib, imported for an error
    message only)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)


def _nearest(selector: str, registry: Registry) -> str:
    """'; did you mean NM101?' for the closest code (or else family prefix), or ''."""
    codes = sorted(registry.rules)
    prefixes = sorted({code[:n] for code in codes for n in range(2, len(code))})
    for candidates in (codes, prefixes):
        close = _close_match(selector, candidates)
        if close:
            return f"; did you mean {close[0]}?"
    return ""


def _coerce_all(declared: dict, values: dict, where: str, section: str) -> Options:
    opts = default_options(declared)
    for name, value in values.items():
        decl = declared.get(name)
        if decl is None:
            known = ", ".join(n.replace("_", "-") for n in declared) or "none"
            raise ConfigError(f"{where}: unknown option '{section}.{name.replace('_', '-')}' (known: {known})")
        try:
            opts[name] = decl.coerce(value)
        except ValueError as e:
            raise ConfigError(f"{where}: '{section}.{name.replace('_', '-')}': {e}") from None
    return opts


def resolve_options(cfg: Config, registry: Registry) -> dict[str, Options]:
    """Options of every check and shared analysis (by code or analysis name): defaults
    overlaid with `[tool.auditor.options.X]`, validated against the declarations."""
    analyses = registry.analyses()
    for key in cfg.options:
        if registry.get(key) is None and key not in analyses:
            names = sorted(list(registry.rules) + list(analyses))
            close = _close_match(key, names)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise ConfigError(f"{cfg.source}: options for unknown check or analysis '{key}'{hint}")
    resolved = {}
    for rule in registry.sorted():
        resolved[rule.code] = _coerce_all(rule.cls.options, cfg.options.get(rule.code, {}),
                                          cfg.source, f"options.{rule.code}")
    for name, cls in analyses.items():
        resolved[name] = _coerce_all(cls.options, cfg.options.get(name, {}), cfg.source, f"options.{name}")
    return resolved


def resolve_settings(cfg: Config, registry: Registry) -> dict[str, Options]:
    """Family settings ([tool.auditor.<family>]), path settings resolved from the config file's
    folder (from the working directory when given with --setting). A top-level key that names the
    setting of exactly one family is that setting (`house-names = "names.txt"`)."""
    declared = registry.family_settings()

    def owner(key: str, where: str) -> tuple[str, str]:
        fam, _, name = key.rpartition(".")
        name = name.replace("-", "_")
        if fam:
            return fam, name
        owners = [f for f, decl in declared.items() if name in decl]
        if len(owners) != 1:
            raise ConfigError(f"{where}: unknown key '{key}' in the auditor settings")
        return owners[0], name

    sections = {fam: dict(values) for fam, values in cfg.families.items()}
    for key, value in cfg.loose.items():
        fam, name = owner(key, cfg.source)
        sections.setdefault(fam, {}).setdefault(name, value)
    from_cli = set()
    for key, value in cfg.cli_settings.items():
        fam, name = owner(key, "--setting")
        sections.setdefault(fam, {})[name] = value
        from_cli.add((fam, name))
    for fam in sections:
        if fam not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{cfg.source}: '[{fam}]' is not a family with settings (families with "
                              f"settings: {known})")
    resolved = {}
    for fam, decl in declared.items():
        opts = _coerce_all(decl, sections.get(fam, {}), cfg.source, fam)
        for name, opt in decl.items():
            if opt.path and opts[name]:
                opts[name] = os.path.abspath(opts[name]) if (fam, name) in from_cli else cfg.resolve(opts[name])
        resolved[fam] = opts
    return resolved


def setting_files(settings: dict[str, Options], registry: Registry) -> list[str]:
    """Every file a family setting names (the house list): the tool's own files, never articles."""
    declared = registry.family_settings()
    return [opts[name] for fam, opts in settings.items() for name, opt in declared.get(fam, {}).items()
            if opt.path and opts.get(name)]
