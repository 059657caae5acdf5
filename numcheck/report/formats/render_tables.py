"""The report as tables for a terminal (`table`) or a pull request (`markdown`), via tabulate."""
from __future__ import annotations

from tabulate import tabulate

from numcheck.model import Claim, Finding, Report
from numcheck.report.escape import cell, markdown_cell
from numcheck.report.render_text import fmt_interval
from numcheck.report.summary import summarise
from numcheck.report.view import what
from numcheck.store import claimstore

FORMATS = {"table": "simple", "markdown": "github"}
SNIPPET = 72
FIGURES_UP_TO = 20  # articles; above it the attributed figures are listed only with --claims
WIDTHS = {"quoted": 44, "source": 40, "claim": 34, "what is claimed": 30, "reason": 60, "why": 24}


def render(report: Report, fmt: str = "table", show_claims: bool = False, figures: bool = True,
           summary: bool = True) -> str:
    """Conflicts, rule findings, agreements, skipped files, the figures or every claim; then the summary."""
    style = FORMATS[fmt]
    by_id = claimstore.by_id(report.claims)
    sections: list[tuple[str, list[list[str]], list[str]]] = []
    conflicts = [f for f in report.findings if f.kind in ("conflict", "update")]
    rules = [f for f in report.findings if f.kind == "rule"]
    agreements = [f for f in report.findings if f.kind == "agreement"]
    if conflicts:
        sections.append(("Conflicts", _conflict_rows(conflicts, by_id),
                         ["finding", "level", "what is claimed", "figure", "interval", "where", "quoted", "why"]))
    if rules:
        sections.append(("Rule checks", [_rule_row(f, by_id) for f in rules],
                         ["finding", "level", "claim", "where", "quoted", "rule", "verdict", "source"]))
    if agreements:
        sections.append(("Agreements", _conflict_rows(agreements, by_id),
                         ["finding", "level", "what is claimed", "figure", "interval", "where", "quoted", "why"]))
    if report.skipped:
        sections.append(("Skipped files", [[s.path, s.reason] for s in report.skipped], ["path", "reason"]))
    if show_claims:
        sections.append(("Claims", [_claim_row(c) for c in report.claims],
                         ["where", "quoted", "kind", "interval", "approx", "measure", "entity", "time", "note"]))
    elif figures and len(report.articles) <= FIGURES_UP_TO:
        attributed = sorted((c for c in report.claims if c.measure), key=lambda c: (what(c), c.path, c.start))
        if attributed:
            sections.append(("Figures compared (all claims: --claims)", [_figure_row(c, report) for c in attributed],
                             ["what is claimed", "interval", "approx", "where", "quoted", "compared"]))
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


def _conflict_rows(findings: list[Finding], by_id: dict[str, Claim]) -> list[list[str]]:
    rows = []
    for f in findings:
        parts = f.detail or (f.claims,)
        first = True
        for n, part in enumerate(parts, 1):
            for cid in part:
                c = by_id[cid]
                claimed = what(c) if first else ""
                figure = chr(ord("A") + n - 1) if len(parts) > 1 else "="
                rows.append([f.id if first else "", f.level if first else "", claimed, figure, fmt_interval(*c.interval),
                             c.where, quote(c), _why(f) if first else ""])
                first = False
    return rows


def _why(f: Finding) -> str:
    if f.kind == "agreement":
        return "one figure, every article"
    if f.kind == "update":
        return "the toll grew: each figure is from a later article than the one before"
    return "figures " + " and ".join(chr(ord("A") + i) for i in range(len(f.detail))) + " cannot all hold"


def _rule_row(f: Finding, by_id: dict[str, Claim]) -> list[str]:
    c = by_id[f.claims[0]]
    verdict = "agrees" if f.level == "info" else "breaks"
    return [f.id, f.level, f"{what(c)}: {fmt_interval(*c.interval)}", c.where, quote(c), f.rule or "", verdict,
            _wrap(f.source or "", 60)]


def _figure_row(c: Claim, report: Report) -> list[str]:
    return [what(c), fmt_interval(*c.interval) + (f" {c.unit}" if c.unit else ""), c.approx, c.where, quote(c),
            "yes" if c.id in report.matched else "nothing to compare"]


def _claim_row(c: Claim) -> list[str]:
    return [c.where, repr(c.surface), c.kind, fmt_interval(*c.interval) + (f" {c.unit}" if c.unit else ""), c.approx,
            c.measure or "", c.entity or "", c.time or "", c.note or ""]


def quote(c: Claim) -> str:
    """The figure in its words, with a little of the sentence around it: '…about «70,000» people lived…'."""
    s = c.sentence
    i = c.start - c.sentence_start
    room = max(0, SNIPPET - len(c.surface)) // 2
    a, b = max(0, i - room), min(len(s), i + len(c.surface) + room)
    text = ("…" if a > 0 else "") + s[a:i] + "«" + c.surface + "»" + s[i + len(c.surface) : b] + ("…" if b < len(s) else "")
    return " ".join(text.split())


def _wrap(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def tables(report: Report, fmt: str, show_claims: bool = False, figures: bool = True, summary: bool = True) -> str:
    """`table` or `markdown`: the findings tables, then any silenced findings, then the summary line."""
    text = render(report, fmt, show_claims, figures=figures, summary=False)
    if report.silenced:
        rows = [[s.finding.id, s.finding.level, s.finding.rule or s.finding.kind, s.by, s.reason, s.where or ""]
                for s in report.silenced]
        headers = ["finding", "level", "rule or kind", "silenced by", "reason", "where"]
        rows = _escaped(rows, fmt)
        title = "## Silenced findings" if fmt == "markdown" else "Silenced findings"
        table = tabulate(rows, headers=headers, tablefmt="github" if fmt == "markdown" else "simple",
                         disable_numparse=True, maxcolwidths=None if fmt == "markdown" else [None, None, 40, None, 50, 40])
        text = text.rstrip("\n") + f"\n\n{title}\n\n{table}\n"
    if not summary:
        return text
    return text.rstrip("\n") + f"\n\nnumcheck {report.version}: {summarise(report).line()}\n"
