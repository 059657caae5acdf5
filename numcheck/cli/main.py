"""The command line: `numcheck PATH... [--rules DIR]... [--format ...] [--date ...] [--claims]`."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from numcheck import __version__
from numcheck.cli import commands
from numcheck.report import output
from numcheck.report.escape import surrogates, visible
from numcheck.errors import NumcheckError, UsageError
from numcheck.run.pipeline import Options, run
from numcheck.report import baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = output.FORMATS


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="numcheck",
        description="Check the numeric claims in news articles against rules and against each other.",
        epilog="Exit status: 0 no error-level findings, 1 error-level findings, 2 usage, rule-file or input errors.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .md) or folders, searched recursively")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="a folder of rule files (*.toml) to add; repeatable. ./rules/ loads when it exists")
    p.add_argument("--no-local-rules", action="store_true", help="do not load ./rules/ automatically")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date of articles whose front matter and file name give none")
    p.add_argument("--claims", action="store_true", help="also list every claim (table and markdown formats)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE (whole or not at all) instead of stdout")
    p.add_argument("--summary", metavar="FILE", help="append the Markdown summary to FILE, e.g. \"$GITHUB_STEP_SUMMARY\"")
    p.add_argument("--baseline", metavar="FILE", help="fail only on findings not recorded in FILE; note entries gone")
    p.add_argument("--write-baseline", metavar="FILE", help="record today's error and warning findings in FILE")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes for extraction (default: every core)")
    p.add_argument("--cache-dir", metavar="DIR",
                   help="where unchanged articles' claims are kept (default: $NUMCHECK_CACHE_DIR or ~/.cache/numcheck)")
    p.add_argument("--no-cache", action="store_true", help="extract every article again; read and write no cache")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster: pip install 'numcheck[dask]'")
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler to use with --engine dask (default: a local cluster)")
    p.add_argument("--version", action="version", version=f"numcheck {__version__}")
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
        report = run(Options(tuple(args.paths), tuple(args.rules), _date(args.date), not args.no_local_rules,
                             jobs=args.jobs, cache=not args.no_cache, cache_dir=args.cache_dir,
                             engine=args.engine, scheduler=args.scheduler,
                             keep_text=args.format == "html"))  # only the HTML report shows the texts
        if not report.articles:  # a wrong path in CI must not pass in silence
            report = replace(report, notes=(*report.notes, f"warning: no article checked under {' '.join(args.paths)}"))
        if args.baseline or args.write_baseline:

            report = baseline.use(report, args.baseline, args.write_baseline)
        output.write(report, args)
        for note in report.notes:  # a file name is anyone's: one line each, no control character
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
        print(f"numcheck: internal error: {type(exc).__name__}: {_line(str(exc))} (set NUMCHECK_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR
    if any(n.startswith("error:") for n in report.notes):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.errors else EXIT_CLEAN


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
