"""The report as tables for a pull request (`markdown`, and the GitHub step summary), via tabulate.

Errors and warnings by default; agreements, info rows and the figures with verbose (or every
claim with --claims). A toll that rose has its own section, Updates, its figures oldest first.
The terminal's own layout is report/terminal.py; `table` here is kept for callers of render().
"""

from __future__ import annotations

from tabulate import tabulate

from collections.abc import Mapping
from numcheck.check import frames
from numcheck.model import Claim, Finding, Report
from numcheck.read.files import incomplete
from numcheck.report.escape import cell, markdown_cell
from numcheck.report.render_text import HEDGES, reading
from numcheck.report.summary import summarise
from numcheck.report.view import by_date, quote, what

FORMATS = {"table": "simple", "markdown": "github"}
SNIPPET = 72
FIGURES_UP_TO = 20  # articles; above it the attributed figures are listed only with --claims
WIDTHS = {"quoted": 44, "source": 40, "claim": 34, "what is claimed": 30, "reason": 60, "why": 24, "read as": 24}


def render(
    report: Report,
    fmt: str = "table",
    show_claims: bool = False,
    figures: bool = True,
    summary: bool = True,
    verbose: bool = True,
) -> str:
    """Conflicts, updates, rule findings, agreements, skipped files, the figures or every claim; then the summary."""
    style = FORMATS[fmt]
    by_id = report.claims.by_id()
    sections: list[tuple[str, list[list[str]], list[str]]] = []
    shown = [f for f in report.findings if verbose or f.level != "info"]
    conflicts = [f for f in shown if f.kind == "conflict"]
    updates = [f for f in shown if f.kind == "update"]
    rules = [f for f in shown if f.kind == "rule"]
    agreements = [f for f in shown if f.kind == "agreement"]
    header = ["finding", "level", "what is claimed", "figure", "read as", "where", "quoted", "why"]
    if conflicts:
        sections.append(("Conflicts", _conflict_rows(conflicts, by_id), header))
    if updates:
        sections.append(
            (
                "Updates",
                _conflict_rows(updates, by_id),
                ["finding", "level", "what is claimed", "article date", "read as", "where", "quoted", "why"],
            )
        )
    if rules:
        sections.append(
            (
                "Rule checks",
                [_rule_row(f, by_id) for f in rules],
                ["finding", "level", "claim", "where", "quoted", "rule", "verdict", "source"],
            )
        )
    if agreements:
        sections.append(("Agreements", _conflict_rows(agreements, by_id), header))
    skipped = [s for s in report.skipped if verbose or incomplete(s.reason)]
    if skipped:
        sections.append(("Skipped files", [[s.path, s.reason] for s in skipped], ["path", "reason"]))
    if show_claims:
        sections.append(
            (
                "Claims",
                [_claim_row(c) for c in report.claims],
                ["where", "quoted", "kind", "read as", "hedge", "what it counts", "note"],
            )
        )
    elif figures and verbose and len(report.articles) <= FIGURES_UP_TO:
        attributed = sorted((c for c in report.claims if c.measure), key=lambda c: (what(c), c.path, c.start))
        if attributed:
            sections.append(
                (
                    "Figures compared (all claims: --claims)",
                    [_figure_row(c, report) for c in attributed],
                    ["what is claimed", "read as", "where", "quoted", "compared"],
                )
            )
    out = []
    for title, rows, headers in sections:
        rows = _escaped(rows, fmt)
        heading = f"## {title}" if fmt == "markdown" else title
        widths = [WIDTHS.get(h) for h in headers] if fmt == "table" else None
        table = tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True, maxcolwidths=widths)
        out.append(f"{heading}\n\n{table}\n")
    if summary:
        out.append(f"numcheck {report.version}: {summarise(report).line()}")
    return "\n".join(out).rstrip("\n") + "\n"


def _escaped(rows: list[list[str]], fmt: str) -> list[list[str]]:
    """Cells as their reader needs them: no control character or '::' for a terminal or a log,
    and for Markdown no '|', raw HTML or link either (escape.py)."""
    escape = markdown_cell if fmt == "markdown" else cell
    return [[escape(c) for c in row] for row in rows]


def _conflict_rows(findings: list[Finding], by_id: Mapping[str, Claim]) -> list[list[str]]:
    rows = []
    for f in findings:
        if f.kind == "update":  # oldest report first: how the toll rose
            ordered = [(c, c.article_date.isoformat() if c.article_date else "undated") for c in by_date(f, by_id)]
        else:
            parts = f.detail or (f.claims,)
            ordered = [(by_id[cid], chr(ord("A") + n) if len(parts) > 1 else "=") for n, part in enumerate(parts) for cid in part]
        for i, (c, figure) in enumerate(ordered):
            first = i == 0
            rows.append(
                [
                    f.id if first else "",
                    f.level if first else "",
                    what(c) if first else "",
                    figure,
                    reading(c),
                    c.where,
                    quote(c),
                    _why(f) if first else "",
                ]
            )
    return rows


def _why(f: Finding) -> str:
    if f.kind == "agreement":
        return "one figure, every article"
    if f.kind == "update":
        return "the figure rose: each later report gives a higher one"
    both = "both" if len(f.detail) == 2 else "all"
    return "figures " + " and ".join(chr(ord("A") + i) for i in range(len(f.detail))) + f" cannot {both} be true"


def _rule_row(f: Finding, by_id: Mapping[str, Claim]) -> list[str]:
    c = by_id[f.claims[0]]
    verdict = "agrees" if f.level == "info" else "breaks"
    return [f.id, f.level, f"{what(c)}: {reading(c)}", c.where, quote(c), f.rule or "", verdict, _wrap(f.source or "", 60)]


def _figure_row(c: Claim, report: Report) -> list[str]:
    return [what(c), reading(c), c.where, quote(c), "yes" if c.id in report.matched else "nothing to check against"]


def _claim_row(c: Claim) -> list[str]:
    return [
        c.where,
        repr(c.surface),
        c.kind,
        reading(c),
        HEDGES.get(c.approx, c.approx),
        what(c) if c.measure else f"not compared: {frames.unmeasured(c)}" if frames.unmeasured(c) else "",
        c.note or "",
    ]


def _wrap(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def tables(
    report: Report, fmt: str, show_claims: bool = False, figures: bool = True, summary: bool = True, verbose: bool = True
) -> str:
    """`table` or `markdown`: the findings tables, then any silenced findings, then the summary line."""
    text = render(report, fmt, show_claims, figures=figures, summary=False, verbose=verbose)
    if report.silenced:
        rows = [
            [s.finding.id, s.finding.level, s.finding.rule or s.finding.kind, s.by, s.reason, s.where or ""]
            for s in report.silenced
        ]
        headers = ["finding", "level", "rule or kind", "silenced by", "reason", "where"]
        rows = _escaped(rows, fmt)
        title = "## Silenced findings" if fmt == "markdown" else "Silenced findings"
        table = tabulate(
            rows,
            headers=headers,
            tablefmt="github" if fmt == "markdown" else "simple",
            disable_numparse=True,
            maxcolwidths=None if fmt == "markdown" else [None, None, 40, None, 50, 40],
        )
        text = text.rstrip("\n") + f"\n\n{title}\n\n{table}\n"
    if not summary:
        return text
    return text.rstrip("\n") + f"\n\nnumcheck {report.version}: {summarise(report).line()}\n"
