"""Command line: `auditor check|rules|explain|report`. Exit codes: 0 clean, 1 findings at or above
--fail-on, 2 usage, configuration or input error. `main(argv) -> int` never raises SystemExit."""
from __future__ import annotations

import argparse
import gc
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
    p.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                   help="a family setting, e.g. names.house-names=names.txt (repeatable)")
    p.add_argument("--house-names", metavar="FILE", help="house list of canonical names (the same as "
                   "--setting names.house-names=FILE)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: automatic)")
    p.add_argument("--no-cache", action="store_true", help="audit every file afresh; do not read or "
                   "write the result cache")
    p.add_argument("--cache-dir", metavar="DIR", help="where the result cache lives (default: the "
                   "user's cache folder, or 'cache-dir' in the config)")


def _add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "--output-format", dest="format", choices=FORMATS,
                   help="output format (default: text)")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit code 1 "
                       "(default: warning)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--statistics", action="store_true", help="print counts per code instead of findings")
    p.add_argument("--quiet", "-q", action="store_true", help="print findings only, no notes or summary")
    p.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text output (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                   help="show the source line with a caret under each finding (default on a terminal)")
    p.add_argument("--no-show-source", dest="show_source", action="store_false",
                   help="one line per finding")


def _add_baseline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--baseline", metavar="FILE", help="baseline file (default: .auditor-baseline.json "
                   "next to the config)")
    p.add_argument("--no-baseline", action="store_true", help="report findings the baseline accepts")


def _add_fix_options(p: argparse.ArgumentParser, in_check: bool) -> None:
    if in_check:
        p.add_argument("--fix", action="store_true", help="apply the safe fixes (as `auditor fix`)")
    p.add_argument("--unsafe-fixes", action="store_true",
                   help="also apply fixes that need an editor's eye (majority spellings, rewritten terms)")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized to the terminal without `shutil`: argparse makes one for every
    option it adds (to check its metavar), and importing `shutil` for the terminal's width cost a
    one-file run 1.5 ms. The width as `shutil.get_terminal_size` tells it: $COLUMNS, else the
    terminal of standard output, else 80 columns."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        # less 2, as argparse sizes its own
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_columns() - 2)


def _terminal_columns() -> int:
    try:
        return int(os.environ["COLUMNS"]) or 80
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def _add_check_options(p: argparse.ArgumentParser) -> None:
    _add_run_options(p)
    _add_fix_options(p, in_check=True)
    _add_output_options(p)
    _add_baseline_options(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the work runs: this machine (default) or a Dask cluster, for an "
                        "archive (pip install 'news-auditor[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the Dask scheduler to use (default: a local cluster)")
    p.add_argument("--parts-dir", metavar="DIR",
                   help="with --engine dask: keep the workers' JSON Lines parts in DIR")
    p.add_argument("--partition-files", type=int, metavar="N",
                   help="with --engine dask: files per partition (default: 500; more in a corpus "
                        "large enough to make many partitions a worker)")
    p.add_argument("--write-baseline", action="store_true",
                   help="record every current finding as accepted and exit 0")


def _add_fix_command_options(p: argparse.ArgumentParser) -> None:
    _add_run_options(p)
    _add_output_options(p)
    _add_baseline_options(p)
    _add_fix_options(p, in_check=False)


def _add_rules_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text")


def _add_explain_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("code")


def _add_report_options(p: argparse.ArgumentParser) -> None:
    _add_run_options(p)
    p.add_argument("-o", "--output", metavar="DIR", help="folder to write the site to")
    _add_baseline_options(p)  # accepted findings are shown greyed, behind a switch


#: The commands: (help, the function adding its options), in the order `auditor --help` lists them.
SUBCOMMANDS = {
    "check": ("audit files and folders", _add_check_options),
    "fix": ("apply the fixes of the findings (as `auditor check --fix`)", _add_fix_command_options),
    "rules": ("list every check with code, family and summary", _add_rules_options),
    "explain": ("explain one check", _add_explain_options),
    "report": ("write an HTML report site", _add_report_options),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the arguments to parse, only the command they name gets
    its options (the others are listed, for --help and for a misspelt command): adding all five
    commands' 80 options took a one-file run 1 ms."""
    parser = argparse.ArgumentParser(prog="auditor", description="Audit news text for name, boilerplate "
                                     "and translation damage.", formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = next((a for a in argv if not a.startswith("-")), None) if argv is not None else None
    for name, (help_text, add_options) in SUBCOMMANDS.items():
        command = sub.add_parser(name, help=help_text, formatter_class=_Formatter)
        if argv is None or name == named:
            add_options(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse: usage errors exit 2, --help/--version 0
        return int(e.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    missing = _source_tree_without_parts()
    if missing:
        print(f"error: {missing}", file=sys.stderr)
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


def _source_tree_without_parts() -> str:
    """Why this `auditor` package cannot run, or "": the repository's `auditor/` folder imported
    as it is (`python -m auditor` in the repository's folder, with a non-editable install) lacks
    the checks and the report writers, which an install maps into the package from their own
    folders; it would report every check as failed to load and then crash writing the report."""
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.isdir(os.path.join(here, "reports")):
        return ""   # an installed wheel: the parts are folders of the package (no importlib.util: 2 ms)
    from importlib.util import find_spec

    try:
        if find_spec(f"{__package__}.reports") is not None:
            return ""
    except (ImportError, ValueError):
        pass
    return (f"{here} is the source folder of auditor, without its checks and reports: install it "
            f"(pip install -e .) or run auditor from another folder")


def _registry(listing: bool = False, one_document: bool = False):
    """The registered checks. A plugin that failed to load is a warning when listing checks;
    a run reports it as an error (it did not run every check: exit 2)."""
    from .registry import load_registry

    reg = load_registry()
    if not one_document:
        _startup_done()
    if listing:
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
    for item in getattr(args, "setting", None) or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--setting {item!r}: expected KEY=VALUE, e.g. names.house-names=names.txt")
        cfg.cli_settings[key.strip()] = _setting_value(value.strip())
    if getattr(args, "house_names", None):
        cfg.cli_settings["house-names"] = args.house_names
    if getattr(args, "jobs", None) is not None:
        if args.jobs < 0:
            raise ConfigError("--jobs must be 0 (automatic) or more")
        cfg.jobs = args.jobs
    if getattr(args, "format", None):
        cfg.output_format = args.format
    if getattr(args, "no_cache", False):
        cfg.cache = False
    if getattr(args, "cache_dir", None):
        cfg.cache_dir = os.path.abspath(args.cache_dir)
    return cfg


def _setting_value(text: str):
    """A TOML value (3, true, ["a"]) when it parses as one; otherwise the text itself."""
    from .config import toml

    tomllib = toml()
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


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


def _baseline(args, cfg):
    from .baseline import Baseline

    if getattr(args, "write_baseline", False) or args.no_baseline:
        return None
    if args.baseline and not os.path.exists(args.baseline):
        raise ConfigError(f"{args.baseline}: baseline file not found")
    path = args.baseline or cfg.baseline_path
    return Baseline.load(path) if os.path.exists(path) else None


def cmd_check(args) -> int:
    if args.command == "fix" or args.fix or args.diff:
        return cmd_fix(args)
    if args.engine == "dask":
        return cmd_check_dask(args)
    cfg = _config(args)
    paths = _paths(args, cfg)
    if paths is None:
        return 2
    run_key = _replay_key(args, cfg, paths)
    if run_key:
        from . import replay

        code = replay.replay(run_key, cfg)
        if code is not None:
            return code
        with replay.Recorder() as recorder:
            code = _check(args, cfg, paths)
        if code in (0, 1):
            recorder.store(run_key, cfg, code)
        return code
    return _check(args, cfg, paths)


def _replay_key(args, cfg, paths) -> str | None:
    """The key under which this run's output may be replayed (auditor.replay), or None: no cache,
    standard input, a baseline to write, a report file, or a corpus large enough for a progress bar."""
    if not cfg.cache or "-" in paths or args.write_baseline or args.output_file:
        return None
    from . import inputs, replay

    sources, _ = inputs.discover(paths, cfg.include, cfg.exclude)
    if len(sources) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
        return None
    return replay.key(args, cfg, sources)


def _check(args, cfg, paths) -> int:
    from . import engine

    # The run's results and summaries stay alive while the report is written: a full garbage
    # collection there would scan them all again, for nothing (measured: most of the time of
    # writing a 10,000-file JSON report).
    with engine.no_full_collections():
        return _check_and_report(args, cfg, paths)


def _check_and_report(args, cfg, paths) -> int:
    from . import engine
    from .baseline import Baseline

    # One document (a file, or standard input) is audited in this process, never in workers:
    # the collector may stay paused to the end (see _startup_done).
    one_document = len(paths) == 1 and (paths[0] == "-" or os.path.isfile(paths[0]))
    reg = _registry(one_document=one_document)
    baseline = _baseline(args, cfg)
    stream = _streamer(args, cfg)
    result = engine.run(paths, cfg, reg, baseline=baseline, stdin=_stdin_source(args, paths),
                        progress=_progress(args), on_file=stream)
    _print_notices(result.notices, args.quiet)
    if args.write_baseline:
        path = args.baseline or cfg.baseline_path
        b = Baseline.from_results(path, result.files)
        b.write()
        n = sum(b.entries.values())
        print(f"wrote {n} accepted finding{'s' * (n != 1)} to {path}", file=sys.stderr)
        return 2 if result.errors else 0
    if stream is not None:
        stream.finish(result)
    else:
        _report(args, cfg, reg, result, baseline)
    code = engine.exit_code(result, cfg.fail_on)
    return 0 if args.exit_zero and code == 1 else code


def cmd_check_dask(args) -> int:
    """`check --engine dask`: the archive mode (auditor.distributed); JSON, JSON Lines or text."""
    from . import distributed

    cfg = _config(args)
    reg = _registry()
    paths = _paths(args, cfg)
    if paths is None:
        return 2
    if "-" in paths or args.write_baseline or args.statistics or cfg.output_format not in ("json", "text"):
        raise ConfigError("--engine dask writes JSON or text reports of files on disk (no standard input, "
                          "statistics, baseline writing, SARIF or GitHub output)")
    if args.parts_dir:
        os.makedirs(args.parts_dir, exist_ok=True)
    result = distributed.run(paths, cfg, reg, baseline=_baseline(args, cfg), scheduler=args.scheduler,
                             work_dir=args.parts_dir,
                             partition_files=args.partition_files or distributed.PARTITION_FILES)
    _print_notices(result.all_notices(), args.quiet)
    out = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
    try:
        (distributed.write_json if cfg.output_format == "json" else distributed.write_text)(result, out)
    finally:
        if args.output_file:
            out.close()
    if result.errors:
        return 2
    if cfg.fail_on == "never":
        return 0
    from .api import severity_rank

    worst = max((severity_rank(s) for s, n in result.severities().items() if n), default=-1)
    code = 1 if worst >= severity_rank(cfg.fail_on) else 0
    return 0 if args.exit_zero and code == 1 else code


class _Streamer:
    """Text output on a terminal, file by file as each is audited; the findings that compare
    files come at the end, when the whole corpus has been read."""

    def __init__(self, style, out):
        self.style, self.out, self.shown = style, out, set()

    def __call__(self, r) -> None:
        from .reports import formats

        formats.write_file_findings(r, self.out, self.style)
        self.out.flush()
        self.shown.update(id(f) for f in r.findings)

    def finish(self, result) -> None:
        from .reports import formats

        for r in result.files:
            later = [f for f in r.findings if id(f) not in self.shown]
            if later:
                formats.write_file_findings(type(r)(r.path, r.ref, later), self.out, self.style)
        if not self.style.quiet:
            self.out.write(formats.summary_line(result) + "\n")


def _streamer(args, cfg):
    """A _Streamer when the report is text for a terminal (pipes and files get the sorted report)."""
    out = sys.stdout
    if (cfg.output_format != "text" or args.statistics or args.output_file
            or not (hasattr(out, "isatty") and out.isatty())):
        return None
    from .reports import formats

    show_source = True if args.show_source is None else args.show_source
    return _Streamer(formats.TextStyle(color=_use_color(args.color, out), show_source=show_source,
                                       quiet=args.quiet), out)


def _report(args, cfg, reg, result, baseline) -> None:
    try:
        _write_report(args, cfg, reg, result)
    except BrokenPipeError:
        raise
    except OSError as e:
        if not args.output_file:
            raise
        raise ConfigError(f"{args.output_file}: cannot write the report ({e.strerror or e})") from None
    if result.baseline_suppressed and not args.quiet:
        print(f"note: {result.baseline_suppressed} finding(s) accepted by the baseline {baseline.path}",
              file=sys.stderr)


def cmd_fix(args) -> int:
    """Apply the fixes: safe ones, and unsafe ones with --unsafe-fixes. With --diff, print them
    and change nothing (exit 1 when there is a change). Otherwise write the files atomically and
    report what is left, exiting as `check` does on the remaining findings."""
    from . import engine, fixes

    cfg = _config(args)
    reg = _registry()
    paths = _paths(args, cfg)
    if paths is None:
        return 2
    baseline = _baseline(args, cfg)
    stdin = _stdin_source(args, paths)
    result = engine.run(paths, cfg, reg, baseline=baseline, stdin=stdin, progress=_progress(args))
    _print_notices(result.notices, args.quiet)
    changed = fixed = 0
    for r in result.files:
        wanted = [f for f in r.findings if f.raw_edits and (f.applicability == "safe" or args.unsafe_fixes)]
        if not wanted:
            continue
        applied = fixes.apply(r.ref.raw, wanted)
        if applied.skipped:
            k = len(applied.skipped)
            print(f"note: {r.path}: {k} fix{'es' * (k != 1)} overlap{'s' * (k == 1)} another fix; run "
                  "`auditor fix` again to apply", file=sys.stderr)
        if applied.text == r.ref.raw:
            continue
        if not r.ref.on_disk:  # standard input: the fixed text goes to standard output
            sys.stdout.write(applied.text)
            return 0
        if args.diff:
            sys.stdout.write(fixes.unified_diff(r.path, r.ref.raw, applied.text))
            changed += 1
            continue
        try:
            fixes.write_atomic(r.ref.path, applied.text, r.ref.encoding, r.ref.raw)
        except fixes.ChangedOnDisk:
            print(f"warning: {r.path}: changed on disk since it was read; left alone", file=sys.stderr)
            continue
        except OSError as e:
            print(f"error: {r.path}: cannot write the fixed file ({e.strerror or e})", file=sys.stderr)
            return 2
        changed += 1
        fixed += len(applied.fixed)
    if stdin is not None:
        sys.stdout.write(next((r.ref.raw for r in result.files if not r.ref.on_disk), ""))
        return 0
    if args.diff:
        return 2 if result.errors else (1 if changed else 0)
    if changed:
        result = engine.run(paths, cfg, reg, baseline=baseline)
    if not args.quiet:
        print(f"Fixed {fixed} finding{'s' * (fixed != 1)} in {changed} file{'s' * (changed != 1)}.",
              file=sys.stderr)
    _report(args, cfg, reg, result, baseline)
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
    reg = _registry(listing=True)
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
    reg = _registry(listing=True)
    rule = reg.get(args.code)
    if rule is None:
        print(f"error: no check has the code '{args.code}'; `auditor rules` lists them", file=sys.stderr)
        return 2
    cls = rule.cls
    print(f"{cls.code}: {cls.summary}")
    print(f"family: {cls.family}    default severity: {cls.severity}    from: {rule.source}")
    print()
    print(cls.describe())
    _print_options(f"options ([tool.auditor.options.{cls.code}])", cls.options)
    for analysis in getattr(cls, "uses", ()):
        name = analysis.name or analysis.__name__.lower()
        _print_options(f"options of the shared analysis '{name}' ([tool.auditor.options.{name}])",
                       analysis.options)
    _print_options(f"settings of the {cls.family} family ([tool.auditor.{cls.family}])", cls.settings)
    _print_examples(cls)
    return 0


def _print_options(title: str, options: dict) -> None:
    if options:
        print(f"\n{title}:")
        for name, opt in options.items():
            print(f"  {name.replace('_', '-')} = {json.dumps(opt.default)}  ({opt.kind.__name__}) {opt.help}")


def _print_examples(cls) -> None:
    """One example and one counter-example from the check's examples file (marks shown as »…«)."""
    from . import examples

    cases = examples.load(cls)
    shown = [next((c for c in cases if c.positive), None), next((c for c in cases if not c.positive), None)]
    for case, title in zip(shown, ("example", "not reported")):
        if case is None:
            continue
        print(f"\n{title}: {case.title}")
        mark = case.marks[0] if case.marks else None
        name = mark.file if mark else next(iter(case.files))
        text = case.files[name]
        if mark:
            text = text[:mark.start] + "»" + text[mark.start:mark.end] + "«" + text[mark.end:]
        at = text.find("»")
        line_start = text.rfind("\n", 0, max(at, 0)) + 1
        line_end = text.find("\n", max(at, 0))
        line = text[line_start:len(text) if line_end < 0 else line_end]
        suggestion = f"  (suggests '{mark.suggestion}')" if mark and mark.suggestion else ""
        print(f"  {line}{suggestion}")


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
    return site.main(args, cfg, reg, paths, _baseline(args, cfg))


COMMANDS = {"check": cmd_check, "fix": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "report": cmd_report}


#: Whether console_main paused the garbage collector for the start-up (see _startup_done).
_gc_paused = False


def _startup_done() -> None:
    """The checks are imported: move what the start-up made (modules, classes, tables, all kept
    until the process ends) out of the collector's sight and let it collect again. Collecting
    among them while they were made took 5 ms of a one-file run, and found nothing to free. A run
    of one document does not call this: its own garbage has few cycles (a 1 MB file reached the
    same peak memory without the collector), and the process ends after it."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def console_main() -> None:
    """The `auditor` command: run, flush the output, and leave without tearing down the run's
    objects one by one (word index, corpus summaries): the process ends anyway, and freeing them
    took a tenth of a one-file run."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()   # until _startup_done
        _gc_paused = True
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
        # What the end of the run compiled (the report's classes, finalize's patterns) is kept
        # too: the engine saves before finalize, and a one-file run compiled them every time.
        from . import compiled

        compiled.save()
    except BrokenPipeError:
        code = 1
    except BaseException:
        sys.stderr.flush()
        raise
    os._exit(code)


if __name__ == "__main__":
    console_main()
