"""The subcommands `numcheck explain ARTICLE[:LINE] [PATH...]` and `numcheck rules`.

`numcheck PATH...` stays the main command: the first argument is a subcommand only when it is
exactly `explain` followed by more arguments, or exactly `rules` followed by nothing or by
options only. A folder named `rules` or `explain` is checked as `numcheck rules/` (or
`./rules`, or together with other paths).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Sequence

from numcheck.errors import UsageError
from numcheck.model import TYPE_CHECKING, Bound
from numcheck.report.escape import cell, json_text, markdown_cell, surrogates, terminal
from numcheck.run.pipeline import Options, run
from numcheck.report.render_text import fmt_interval

if TYPE_CHECKING:
    from numcheck.rules.rulebook import RuleBook

Command = Callable[[list[str]], int]


def find(argv: Sequence[str]) -> Command | None:
    """The subcommand argv asks for, or None for the main command."""
    if not argv:
        return None
    if argv[0] == "explain" and len(argv) > 1:
        return explain_main
    if argv[0] == "rules" and all(a.startswith("-") or _option_value(argv, i) for i, a in enumerate(argv[1:], 1)):
        return rules_main
    return None


def _option_value(argv: Sequence[str], i: int) -> bool:
    """Whether argv[i] is the value of the option before it (`--rules DIR`, `--format json`)."""
    return argv[i - 1] in ("--rules", "--format")


def _rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="a folder of rule files to add; repeatable")
    p.add_argument("--no-local-rules", action="store_true", help="do not load ./rules/ automatically")


def _parse(p: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return p.parse_args(argv)
    except SystemExit as exc:  # argparse printed usage or help
        return 2 if exc.code not in (0, None) else 0


def explain_main(argv: list[str]) -> int:
    """Explain every claim of one article (or of one line of it): 0, or 2 on a usage error."""
    p = argparse.ArgumentParser(
        prog="numcheck explain",
        description="Why each figure of an article was or was not flagged: its claim, what it was compared with, and why.",
    )
    p.add_argument(
        "article", metavar="WHERE", help="ARTICLE, ARTICLE:LINE or ARTICLE:LINE:COL as numcheck prints them, or a finding id (F3)"
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="the articles to check it with (default: the article's folder, i.e. its story; "
        "for a finding id, the configured paths)",
    )
    _rule_options(p)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="date of articles whose front matter and file name give none")
    args = _parse(p, argv)
    if isinstance(args, int):
        return args
    finding = args.article if re.fullmatch(r"F\d+", args.article) and not os.path.exists(args.article) else None
    if finding:
        path, line, column = "", None, None
        paths = tuple(args.paths) or _configured_paths()
    else:
        path, line, column = _article(args.article)
        paths = tuple(args.paths) or (os.path.dirname(path) or ".",)
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a YYYY-MM-DD date") from None
    from numcheck.rules import rulefile  # lazy: a run that finds its memo never loads the rules

    report = run(Options(paths, tuple(args.rules), date, not args.no_local_rules))
    book = rulefile.load(list(args.rules), use_local=not args.no_local_rules)
    from numcheck.report.explain import explain  # lazy: the checks, which `numcheck PATH` with its memo never needs

    if finding:
        cited = next((f for f in (*report.findings, *(s.finding for s in report.silenced)) if f.id == finding), None)
        if cited is None:
            raise UsageError(f"no finding {finding} when checking {' '.join(paths)} (numcheck {' '.join(paths)} lists them)")
        claims = [c for c in report.claims if c.id in set(cited.claims)]
        out = []
        for p in dict.fromkeys(c.path for c in claims):
            out.append(explain(report, book, p, ids={c.id for c in claims if c.path == p}))
        print("\n".join(out), end="")
        return 0
    target = os.path.realpath(path)
    found = next((a.path for a in report.articles if os.path.realpath(a.path) == target), None)
    if found is None:
        raise UsageError(f"not an article checked under {', '.join(paths)} (see numcheck {' '.join(paths)})", path=path)
    print(surrogates(terminal(explain(report, book, found, line, column))), end="")  # an article's words, never its escapes
    return 0


def _configured_paths() -> tuple[str, ...]:
    from numcheck.cli import config  # lazy: only a finding id needs the configured paths

    paths = config.load().paths
    if not paths:
        raise UsageError(
            "a finding id needs the PATHs it was found under: numcheck explain F3 PATH..., "
            "or paths in numcheck.toml or [tool.numcheck]"
        )
    return paths


def _article(text: str) -> tuple[str, int | None, int | None]:
    """'a.md:12' -> ('a.md', 12, None), 'a.md:12:5' -> ('a.md', 12, 5); a file that exists under its
    full name keeps it. A line or column past the end of the file is a usage error."""
    m = re.fullmatch(r"(.+?):(\d+)(?::(\d+))?", text)
    if m and not os.path.exists(text):
        path, line, column = m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None
    else:
        path, line, column = text, None, None
    if not os.path.exists(path):
        raise UsageError("no such file", path=path)
    if os.path.isdir(path):
        raise UsageError("is a folder: explain takes one article (to check a folder named explain, write explain/)", path=path)
    if line is not None:
        try:
            with open(path, encoding="utf-8", errors="replace", newline=None) as handle:
                lines = handle.read().split("\n")
        except OSError as exc:
            raise UsageError(f"cannot be read: {exc.strerror or exc}", path=path) from None
        if lines and lines[-1] == "":
            lines.pop()
        if not 1 <= line <= len(lines):
            raise UsageError(
                f"line {line} is past the end of the file ({len(lines)} line{'s' if len(lines) != 1 else ''})", path=path
            )
        if column is not None and not 1 <= column <= len(lines[line - 1]) + 1:
            raise UsageError(f"column {column} is past the end of line {line} ({len(lines[line - 1])} characters)", path=path)
    return path, line, column


def rules_main(argv: list[str]) -> int:
    """List every rule: id, kind, level, what it applies to, source, description, file:line."""
    p = argparse.ArgumentParser(prog="numcheck rules", description="List every rule numcheck loads.")
    _rule_options(p)
    p.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    args = _parse(p, argv)
    if isinstance(args, int):
        return args
    from numcheck.rules import rulefile  # lazy: a run that finds its memo never loads the rules

    book = rulefile.load(list(args.rules), use_local=not args.no_local_rules)
    rows = rule_rows(book)
    if args.format == "json":
        print(surrogates(json_text(json.dumps(rows, ensure_ascii=False, indent=1))))
    else:
        cells = [[r["id"], r["kind"], r["level"], r["applies_to"], r["source"], r["description"], r["defined_at"]] for r in rows]
        escape = markdown_cell if args.format == "markdown" else cell  # a rule file's words, for their reader
        cells = [[escape(c) for c in row] for row in cells]
        widths = None if args.format == "markdown" else [None, None, None, 34, 40, 50, None]
        from tabulate import tabulate

        print(
            tabulate(
                cells,
                headers=["id", "kind", "level", "applies to", "source", "description", "defined at"],
                tablefmt="github" if args.format == "markdown" else "simple",
                disable_numparse=True,
                maxcolwidths=widths,
            )
        )
    return 0


def rule_rows(book: RuleBook) -> list[dict[str, str]]:
    """Facts, constraints and the comparison checks, as the rows `numcheck rules` prints."""
    rows = []
    for f in book.facts:
        scope = " ".join(x for x in (f.measure, f"of {f.entity}" if f.entity else "", f"({f.time})" if f.time else "") if x)
        rows.append(
            {
                "id": f.id,
                "kind": "fact",
                "level": f.level,
                "applies_to": f"{scope}: {_interval(f.low, f.high)}" + (f" {f.unit}" if f.unit else ""),
                "source": f.source,
                "description": f.description,
                "defined_at": f"{f.path}:{f.line}",
            }
        )
    for c in book.constraints:
        value = f" {c.value:g}" if c.value is not None else ""
        rows.append(
            {
                "id": c.id,
                "kind": c.kind,
                "level": c.level,
                "applies_to": (c.measure or "any measure") + value,
                "source": "",
                "description": c.description,
                "defined_at": f"{c.path}:{c.line}",
            }
        )
    from numcheck.report.formats.render_sarif import CHECKS  # lazy: only `numcheck rules` needs the SARIF rule list

    for kind, (short, _help) in CHECKS.items():
        rows.append(
            {
                "id": kind,
                "kind": "compare",
                "level": "error" if kind == "conflict" else "info",
                "applies_to": "claims of one story with the same measure, entity, time, kind and unit",
                "source": "numcheck",
                "description": short,
                "defined_at": "numcheck/compare.py",
            }
        )
    return rows


def _interval(low: Bound, high: Bound) -> str:

    return fmt_interval(low, high)
