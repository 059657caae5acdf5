"""`--format concise`: one line a finding, `path:line:col: level kind: message [rule]`, as linters print.

ruff, flake8 and compilers print this shape, and editors and CI log viewers link it to the file.
Errors and warnings, in file order (info findings too with --verbose); then the summary line,
which --quiet leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from numcheck.model import Claim, Finding, Report
from numcheck.report.summary import summarise
from numcheck.report.view import places


def render(report: Report, verbose: bool = False, quiet: bool = False) -> str:
    every = report.claims.by_id()
    shown = [f for f in report.findings if verbose or f.level != "info"]
    cited = {c for f in shown for c in f.claims}
    by_id = {i: every[i] for i in cited if i in every}
    rows = [(_place(f, by_id), line(f, by_id)) for f in shown]
    lines = [text for _, text in sorted(rows, key=lambda r: r[0])]
    if not quiet:
        lines.append(f"numcheck {report.version}: {summarise(report).line()}")
    return "".join(f"{ln}\n" for ln in lines)


def _place(f: Finding, by_id: Mapping[str, Claim]) -> tuple:
    primary, _ = places(f, by_id)
    return (primary.path, primary.line, primary.column, f.id) if primary else ("", 0, 0, f.id)


def line(f: Finding, by_id: Mapping[str, Claim]) -> str:
    """`path:line:col: error conflict: message; see other:line:col [rule]` for one finding."""
    primary, others = places(f, by_id)
    where = primary.where if primary is not None else "numcheck"
    see = f"; see {', '.join(c.where for c in others)}" if others else ""
    message = " ".join(f"{f.message}{see}".split())
    return f"{where}: {f.level} {f.kind}: {message} [{f.rule or f.kind}]"
