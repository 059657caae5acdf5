"""The command line: `numcheck [PATH...] [--rules DIR]... [--format ...] [--exclude GLOB]... [-v | -q]`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence

from numcheck import __version__
from numcheck.cli import commands, config
from numcheck.report import output
from numcheck.report.escape import surrogates, visible
from numcheck.errors import NumcheckError, UsageError
from numcheck.model import Report
from numcheck.run.pipeline import Options, run
from numcheck.report import baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = output.FORMATS


DESCRIPTION = "Check the numeric claims in news articles against rules and against each other."
EPILOG = """commands:
  numcheck [PATH...]                  check the articles (default: the configured paths)
  numcheck explain WHERE [PATH...]    why a figure was or was not flagged; WHERE is ARTICLE,
                                      ARTICLE:LINE, ARTICLE:LINE:COL or a finding id (F3)
  numcheck rules                      list every rule loaded, with its source

configuration: [tool.numcheck] in pyproject.toml, or numcheck.toml, in this folder or above it
(paths, exclude, rules, fail-on, date, format); flags override it.

exit status: 0 nothing at or above the fail-on level, 1 findings at or above it, 2 usage,
configuration, rule-file or input errors, or no article checked."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="numcheck", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md) or folders, searched recursively (default: the configured paths)",
    )
    p.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of rule files (*.toml) to add; repeatable. ./rules/ loads when it exists",
    )
    p.add_argument("--no-local-rules", action="store_true", help="do not load ./rules/ automatically")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table, the terminal's; concise: one line a finding)",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files and folders matching GLOB (README.md, drafts/, archive/*.md); repeatable",
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default=None,
        help="the lowest finding level that fails the run (default: error)",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date of articles whose front matter and file name give none")
    p.add_argument(
        "--allow-empty", action="store_true", help="exit 0 when no article is checked (pre-commit passes whatever files changed)"
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also show agreements, info rows, every skipped file and the figures compared",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no summary line, no warnings")
    p.add_argument("--claims", action="store_true", help="also list every claim (table and markdown formats)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE (whole or not at all) instead of stdout")
    p.add_argument("--summary", metavar="FILE", help='append the Markdown summary to FILE, e.g. "$GITHUB_STEP_SUMMARY"')
    p.add_argument("--baseline", metavar="FILE", help="fail only on findings not recorded in FILE; note entries gone")
    p.add_argument("--write-baseline", metavar="FILE", help="record today's error and warning findings in FILE")
    p.add_argument("--config", metavar="FILE", help="read this configuration file instead of looking for one")
    p.add_argument("--isolated", action="store_true", help="read no configuration file")
    p.add_argument("--no-gitignore", action="store_true", help="check files that git ignores too")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes for extraction (default: every core)")
    p.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where unchanged articles' claims are kept (default: $NUMCHECK_CACHE_DIR or ~/.cache/numcheck)",
    )
    p.add_argument("--no-cache", action="store_true", help="extract every article again; read and write no cache")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster: pip install 'numcheck[dask]'",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="the Dask scheduler to use with --engine dask (default: a local cluster)"
    )
    p.add_argument("-V", "--version", action="version", version=f"numcheck {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run numcheck; returns the exit status instead of exiting, so tests can call it."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = commands.find(argv)  # `numcheck explain ...`, `numcheck rules`
    try:
        args = parser().parse_args(argv) if command is None else argparse.Namespace()
    except SystemExit as exc:  # argparse has printed its usage line
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_CLEAN
    try:
        if command is not None:
            return command(argv[1:])
        args = configured(args)
        report = run(
            Options(
                tuple(args.paths),
                tuple(args.rules),
                _date(args.date),
                not args.no_local_rules,
                jobs=args.jobs,
                cache=not args.no_cache,
                cache_dir=args.cache_dir,
                engine=args.engine,
                scheduler=args.scheduler,
                keep_text=args.format == "html",  # only the HTML report shows the texts
                exclude=tuple(args.exclude),
                gitignore=not args.no_gitignore,
            )
        )
        if not report.articles:  # a wrong path in CI must never pass: say why, exit 2
            if args.allow_empty:
                return EXIT_CLEAN
            raise UsageError(nothing_checked(args.paths, report))
        if args.baseline or args.write_baseline:
            report = baseline.use(report, args.baseline, args.write_baseline)
        output.write(report, args)
        for note in report.notes:  # a file name is anyone's: one line each, no control character
            if not (args.quiet and note.startswith("warning:")):
                print(f"numcheck: {_line(note)}", file=sys.stderr)
    except NumcheckError as exc:
        print(f"numcheck: error: {_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("numcheck: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in numcheck: one line, the traceback only on request
        if os.environ.get("NUMCHECK_DEBUG"):
            import traceback

            traceback.print_exc()
        print(
            f"numcheck: internal error: {type(exc).__name__}: {_line(str(exc))} (set NUMCHECK_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if any(n.startswith("error:") for n in report.notes):
        return EXIT_ERROR
    failing = ("error", "warning") if args.fail_on == "warning" else ("error",)
    return EXIT_FINDINGS if any(f.level in failing for f in report.findings) else EXIT_CLEAN


def configured(args: argparse.Namespace) -> argparse.Namespace:
    """The arguments with the configuration file's settings where no flag was given."""
    conf = config.Config() if args.isolated else config.load(args.config, FORMATS)
    args.paths = args.paths or list(conf.paths)
    if not args.paths:
        where = f" and {conf.path} sets no paths" if conf.path else " and no numcheck.toml or [tool.numcheck] sets paths"
        raise UsageError(f"nothing to check: no PATH given{where}")
    args.rules = list(conf.rules) + list(args.rules)
    args.exclude = list(conf.exclude) + list(args.exclude)
    args.fail_on = args.fail_on or conf.fail_on or "error"
    args.date = args.date or conf.date
    args.format = args.format or conf.format or "table"
    return args


def nothing_checked(paths: Sequence[str], report: Report) -> str:
    """Why a run checked no article, in one line."""
    where = " ".join(paths)
    if not report.skipped:
        return f"no article checked under {where}: no file found (numcheck reads .txt, .md and .markdown files)"
    reasons: dict[str, int] = {}
    for s in report.skipped:
        key = s.reason.split(":")[0].split(" (")[0]
        reasons[key] = reasons.get(key, 0) + 1
    told = "; ".join(f"{n} {why}" for why, n in sorted(reasons.items(), key=lambda kv: -kv[1]))
    return f"no article checked under {where}: every file was left out ({told}); see --verbose"


def _line(text: str) -> str:
    """A message for standard error: controls escaped, and a name that is not UTF-8 as bad\\udcff."""
    return surrogates(visible(text))


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r} is not a YYYY-MM-DD date") from None


def entry() -> None:
    """The console script."""
    sys.exit(main())
