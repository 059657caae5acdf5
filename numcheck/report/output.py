"""Every output format from one Report: the dispatch the CLI uses, and where the text goes."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import import_module

from numcheck.model import TYPE_CHECKING, Report
from numcheck.report.escape import surrogates
from numcheck.report.outfile import ERRORS, append, write_atomic

if TYPE_CHECKING:
    from numcheck.rules.rulebook import RuleBook

FORMATS = ("table", "concise", "markdown", "json", "github", "sarif", "csv", "html")


def render(
    report: Report,
    fmt: str,
    show_claims: bool = False,
    book: RuleBook | None = None,
    baseline_used: bool = False,
    verbose: bool = False,
    quiet: bool = False,
    cols: int = 80,
    colour: bool = False,
) -> str:
    """The report in one of FORMATS; only that format's renderer is imported."""
    if fmt not in FORMATS:
        raise KeyError(fmt)
    if fmt == "table":
        from numcheck.report import terminal  # lazy: only the terminal format lays text out

        return terminal.render(report, cols, colour, verbose, show_claims, summary=not quiet)
    if fmt == "markdown":
        from numcheck.report.formats import render_tables  # lazy: only the markdown format imports tabulate

        return render_tables.tables(report, fmt, show_claims, verbose=verbose)
    module = import_module(f"numcheck.report.formats.render_{fmt}")
    if fmt == "concise":
        return module.render(report, verbose, quiet)
    if fmt == "sarif":
        return module.render(report, book, baseline_used)
    return module.render(report)


def emit(text: str | Iterable[str], output: str | None) -> None:
    """To --output FILE (atomically: a reader never sees half a report), else standard output; the
    text whole or in pieces (the HTML page, never held whole). A name that is not UTF-8 is written
    as bad\\udcff.txt either way, never as raw bytes."""
    pieces = (surrogates(p) for p in ([text] if isinstance(text, str) else text))
    if output and output != "-":
        write_atomic(output, pieces)
    else:
        for piece in pieces:
            try:
                sys.stdout.write(piece)
            except UnicodeEncodeError:  # a terminal that is not UTF-8: never a crash
                encoding = sys.stdout.encoding or "utf-8"
                sys.stdout.write(piece.encode(encoding, ERRORS).decode(encoding))
        sys.stdout.flush()


def step_summary(report: Report, path: str) -> None:
    """--summary FILE: append the Markdown summary, as GitHub's $GITHUB_STEP_SUMMARY expects."""
    from numcheck.report.formats.render_github import summary_markdown  # lazy: only --summary writes the step summary

    append(path, summary_markdown(report))


def write(report: Report, args: object) -> None:
    """What the CLI prints for its parsed arguments: the report in its format, and the step summary."""
    fmt = getattr(args, "format", "table")
    book = None
    if fmt == "sarif":  # rule metadata with help text: the rule book, loaded as the run loaded it
        from numcheck.rules import rulefile  # lazy: only SARIF lists the rules, and a memo hit loads none

        book = rulefile.load(list(getattr(args, "rules", [])), use_local=not getattr(args, "no_local_rules", False))
    baseline_used = bool(getattr(args, "baseline", None) or getattr(args, "write_baseline", None))
    output = getattr(args, "output", None)
    to_file = bool(output and output != "-")
    cols = 80
    colour = False
    if fmt == "html":  # the page a piece at a time: thousands of articles are never one string
        from numcheck.report.formats import render_html  # lazy: only the HTML format

        emit(render_html.pieces(report), output)
    else:
        if fmt == "table":
            from numcheck.report import terminal  # lazy: only the terminal format lays text out

            cols = 100 if to_file else terminal.width(sys.stdout)
            colour = not to_file and terminal.use_colour(sys.stdout)
        emit(
            render(
                report,
                fmt,
                bool(getattr(args, "claims", False)),
                book,
                baseline_used,
                bool(getattr(args, "verbose", False)),
                bool(getattr(args, "quiet", False)),
                cols,
                colour,
            ),
            output,
        )
    summary = getattr(args, "summary", None)
    if summary:
        step_summary(report, summary)
