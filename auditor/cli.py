"""Command line: `auditor check|rules|explain|report`. Exit codes: 0 clean, 1 findings at or above
--fail-on, 2 usage, configuration or input error. `main(argv) -> int` never raises SystemExit."""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__
from .config import FAIL_ON, ConfigError

FORMATS = ("text", "json", "sarif", "github")


def _codes(value: str) -> list[str]:
    from .config import SELECTOR_RE

    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for c in codes:
        if not SELECTOR_RE.match(c):
            raise argparse.ArgumentTypeError(f"{c!r} is not a check code or prefix (like NM, NM1 or NM101) nor ALL")
    return codes


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files and folders to audit as one corpus (default: 'paths' from the config); "
                        "'-' reads an article from standard input")
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="the name of the article read from '-' (its suffix sets the format; used in "
                        "the output and for per-file-ignores)")
    p.add_argument("--config", metavar="FILE", help="use this auditor.toml or pyproject.toml")
    p.add_argument("--select", type=_codes, metavar="CODES", help="comma-separated codes or prefixes to run")
    p.add_argument("--ignore", type=_codes, metavar="CODES", help="codes or prefixes to skip")
    p.add_argument("--extend-select", type=_codes, metavar="CODES", help="codes to add to the selection")
    p.add_argument("--house-names", metavar="FILE", help="house list of canonical names")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: automatic)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="Audit news text for name, boilerplate "
                                     "and translation damage.")
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="audit files and folders")
    _add_run_options(check)
    check.add_argument("--format", "--output-format", dest="format", choices=FORMATS,
                       help="output format (default: text)")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 "
                       "(default: warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="print counts per code instead of findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no notes or summary")
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (auto: on a terminal, unless NO_COLOR is set)")
    check.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                       help="show the source line with a caret under each finding (default on a terminal)")
    check.add_argument("--no-show-source", dest="show_source", action="store_false",
                       help="one line per finding")
    check.add_argument("--baseline", metavar="FILE", help="baseline file (default: .auditor-baseline.json "
                       "next to the config)")
    check.add_argument("--no-baseline", action="store_true", help="report findings the baseline accepts")
    check.add_argument("--write-baseline", action="store_true",
                       help="record every current finding as accepted and exit 0")

    rules = sub.add_parser("rules", help="list every check with code, family and summary")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", help="explain one check")
    explain.add_argument("code")

    report = sub.add_parser("report", help="write an HTML report site")
    _add_run_options(report)
    report.add_argument("-o", "--output", metavar="DIR", help="folder to write the site to")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse: usage errors exit 2, --help/--version 0
        return int(e.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](args)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


def _registry():
    from .registry import load_registry

    reg = load_registry()
    for problem in reg.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return reg


def _config(args):
    from . import config

    cfg = config.load(getattr(args, "config", None))
    if getattr(args, "select", None):  # like ruff: a selection on the command line starts afresh
        cfg.select, cfg.ignore, cfg.extend_select = args.select, [], []
        cfg.from_cli.add("select")
    if getattr(args, "ignore", None):
        cfg.ignore = cfg.ignore + args.ignore
        cfg.from_cli.add("ignore")
    if getattr(args, "extend_select", None):
        cfg.extend_select = cfg.extend_select + args.extend_select
        cfg.from_cli.add("extend-select")
    if getattr(args, "fail_on", None):
        cfg.fail_on = args.fail_on
    if getattr(args, "house_names", None):
        cfg.house_names = os.path.abspath(args.house_names)  # given on the command line: from the cwd
    if getattr(args, "jobs", None) is not None:
        if args.jobs < 0:
            raise ConfigError("--jobs must be 0 (automatic) or more")
        cfg.jobs = args.jobs
    if getattr(args, "format", None):
        cfg.output_format = args.format
    return cfg


def _paths(args, cfg) -> list[str] | None:
    if args.paths:
        return args.paths
    if cfg.paths:  # relative to the config file; shown relative to the working directory
        return [_relative(cfg.resolve(p)) for p in cfg.paths]
    print("error: no PATH given and no 'paths' in the config; try: auditor check articles/", file=sys.stderr)
    return None


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


def _print_notices(notices, quiet: bool) -> None:
    for n in notices:
        if not (quiet and n.level == "note"):
            print(n, file=sys.stderr)


#: Below this many files a run is over before a progress bar would help.
PROGRESS_MIN_FILES = 300


def _progress(args):
    """A progress callback drawing a bar on stderr, or None (not a terminal, quiet, or no tqdm)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    state: dict = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        bar = state.get("bar")
        if bar is None:
            try:
                from tqdm import tqdm
            except ImportError:
                state["bar"] = bar = False
            else:
                state["bar"] = bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False,
                                          dynamic_ncols=True, desc="auditing")
        if bar:
            bar.update(done - bar.n)
            if done >= total:
                bar.close()

    return update


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _stdin_source(args, paths):
    from . import inputs

    if inputs.STDIN not in paths:
        return None
    return inputs.read_stdin(getattr(args, "stdin_filename", None))


def cmd_check(args) -> int:
    from . import engine
    from .baseline import Baseline

    cfg = _config(args)
    reg = _registry()
    paths = _paths(args, cfg)
    if paths is None:
        return 2
    baseline_path = args.baseline or cfg.baseline_path
    baseline = None
    if not (args.write_baseline or args.no_baseline):
        if args.baseline and not os.path.exists(args.baseline):
            raise ConfigError(f"{args.baseline}: baseline file not found")
        if os.path.exists(baseline_path):
            baseline = Baseline.load(baseline_path)
    result = engine.run(paths, cfg, reg, baseline=baseline, stdin=_stdin_source(args, paths),
                        progress=_progress(args))
    _print_notices(result.notices, args.quiet)
    if args.write_baseline:
        b = Baseline.from_results(baseline_path, result.files)
        b.write()
        n = sum(b.entries.values())
        print(f"wrote {n} accepted finding{'s' * (n != 1)} to {baseline_path}", file=sys.stderr)
        return 2 if result.errors else 0
    try:
        _write_report(args, cfg, reg, result)
    except OSError as e:
        raise ConfigError(f"{args.output_file}: cannot write the report ({e.strerror or e})") from None
    if result.baseline_suppressed and not args.quiet:
        print(f"note: {result.baseline_suppressed} finding(s) accepted by the baseline {baseline_path}",
              file=sys.stderr)
    code = engine.exit_code(result, cfg.fail_on)
    return 0 if args.exit_zero and code == 1 else code


def _write_report(args, cfg, reg, result) -> None:
    from .reports import formats

    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8", newline="\n") as out:
            _write_to(out, args, cfg, reg, result, formats)
    else:
        _write_to(sys.stdout, args, cfg, reg, result, formats)


def _write_to(out, args, cfg, reg, result, formats) -> None:
    if args.statistics:
        formats.write_statistics(result, out, reg, "json" if cfg.output_format == "json" else "text")
    elif cfg.output_format == "text":
        terminal = hasattr(out, "isatty") and out.isatty()
        show_source = terminal if args.show_source is None else args.show_source
        style = formats.TextStyle(color=_use_color(args.color, out), show_source=show_source,
                                  quiet=args.quiet)
        formats.write_text(result, out, reg, style)
    else:
        formats.WRITERS[cfg.output_format](result, out, reg)


def cmd_rules(args) -> int:
    reg = _registry()
    rules = reg.sorted()
    if args.format == "json":
        json.dump([{"code": r.code, "family": r.cls.family, "severity": r.cls.severity,
                    "summary": r.cls.summary, "source": r.source} for r in rules], sys.stdout, indent=1)
        print()
        return 0
    for r in rules:
        print(f"{r.code:<7} {r.cls.family:<12} {r.cls.severity:<8} {r.cls.summary}")
    return 0


def cmd_explain(args) -> int:
    reg = _registry()
    rule = reg.get(args.code)
    if rule is None:
        print(f"error: no check has the code '{args.code}'; `auditor rules` lists them", file=sys.stderr)
        return 2
    cls = rule.cls
    print(f"{cls.code}: {cls.summary}")
    print(f"family: {cls.family}    default severity: {cls.severity}    from: {rule.source}")
    print()
    print(cls.describe())
    if cls.options:
        print("\noptions ([tool.auditor.options." + cls.code + "]):")
        for name, opt in cls.options.items():
            print(f"  {name.replace('_', '-')} = {json.dumps(opt.default)}  ({opt.kind.__name__}) {opt.help}")
    return 0


def cmd_report(args) -> int:
    try:
        from .reports import site
    except ImportError:
        print("error: `auditor report` (the HTML report site) is not available in this version yet; "
              "use `auditor check --format json` meanwhile", file=sys.stderr)
        return 2
    cfg = _config(args)
    reg = _registry()
    paths = _paths(args, cfg)
    if paths is None:
        return 2
    if "-" in paths:
        print("error: `auditor report` reads files, not standard input; use `auditor check -`",
              file=sys.stderr)
        return 2
    return site.main(args, cfg, reg, paths)


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "report": cmd_report}


if __name__ == "__main__":
    sys.exit(main())
