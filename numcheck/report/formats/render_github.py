"""GitHub Actions: findings as workflow-command annotations, and Markdown for the step summary.

GitHub shows at most 10 error and 10 warning annotations of a step (and 50 of a job), so the
first 10 of each level are annotated, in finding order, and a closing `::notice::` says how many
were left out. Info findings (agreements) are not annotated. Every finding is in the summary
(`--summary FILE`, appended to as GitHub's `$GITHUB_STEP_SUMMARY` expects).
"""

from __future__ import annotations

import os
import re

from collections.abc import Mapping
from numcheck.model import Claim, Finding, Report
from numcheck.report.escape import markdown_cell, visible
from numcheck.report.render_text import reading
from numcheck.report.summary import summarise
from numcheck.report.view import cluster_letter, places, what

PER_STEP = {"error": 10, "warning": 10}
SUMMARY_LIMIT = 1_000_000  # bytes; GitHub refuses a step summary over 1 MiB
COMMANDS = {"error": "error", "warning": "warning"}


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, and ':' and ',' too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One `::error`/`::warning` line per finding within GitHub's limits, a notice for the rest."""
    lines: list[str] = []
    left_out = {"error": 0, "warning": 0}
    shown = {"error": 0, "warning": 0}
    annotated: list[Finding] = []
    for f in report.findings:
        if f.level not in COMMANDS:
            continue
        if shown[f.level] >= PER_STEP[f.level]:
            left_out[f.level] += 1
            continue
        shown[f.level] += 1
        annotated.append(f)
    cited = {c for f in annotated for c in f.claims}
    every = report.claims.by_id()
    by_id = {i: every[i] for i in cited if i in every}  # not every claim: time grows with findings shown
    lines += [annotation(f, by_id) for f in annotated]
    missing = left_out["error"] + left_out["warning"]
    if missing:
        lines.append(
            "::notice title=numcheck::"
            + escape_data(
                f"{missing} more finding{'s' if missing != 1 else ''} not annotated ({left_out['error']} errors, "
                f"{left_out['warning']} warnings): GitHub shows at most 10 error and 10 warning annotations per step. "
                'Every finding is in the step summary (--summary "$GITHUB_STEP_SUMMARY") and in --format table.'
            )
        )
    lines.append(f"numcheck {report.version}: {summarise(report).line()}")
    return "\n".join(lines) + "\n"


def annotation(f: Finding, by_id: Mapping[str, Claim]) -> str:
    """`::error file=…,line=…,col=…,endColumn=…,title=…::message` for one finding."""
    primary, others = places(f, by_id)
    props: list[tuple[str, str]] = []
    if primary is not None:
        props += [("file", os.path.normpath(primary.path)), ("line", str(primary.line)), ("col", str(primary.column))]
        if "\n" not in primary.surface:
            props.append(("endColumn", str(primary.column + len(primary.surface))))
    props.append(("title", title(f, by_id)))
    message = f.message
    if others or (primary is not None and f.kind in ("conflict", "update")):
        message += "\n" + "\n".join(_place(f, c) for c in ([primary] if primary else []) + others)
    if f.source:
        message += f"\nsource: {f.source}"
    head = ",".join(f"{k}={escape_property(visible(val))}" for k, val in props)
    message = "\n".join(visible(line) for line in message.split("\n"))  # our line breaks; none of the text's
    return f"::{COMMANDS[f.level]} {head}::{escape_data(message)}"


def title(f: Finding, by_id: Mapping[str, Claim]) -> str:
    if f.kind in ("conflict", "update", "agreement"):
        primary, _ = places(f, by_id)
        return f"numcheck {f.kind}: {what(primary) if primary else f.id}"
    return f"numcheck {f.rule or f.kind}"


def _place(f: Finding, c: Claim) -> str:
    letter = cluster_letter(f, c.id)
    return f"{letter} {c.where} {c.surface!r} ({reading(c)})"


def summary_markdown(report: Report) -> str:
    """The step summary: the summary line, then every finding as Markdown tables."""
    from numcheck.report.formats.render_tables import tables  # lazy: tabulate, only for the step summary

    text = tables(report, "markdown", figures=False, summary=False).strip("\n")
    out = [f"## numcheck {report.version}", "", summarise(report).line(), ""]
    if text:
        out += [re.sub(r"^## ", "### ", text, flags=re.M), ""]
    if report.notes:
        out += ["### Notes", ""] + [f"- {_cell(n)}" for n in report.notes] + [""]
    text = "\n".join(out) + "\n"
    if len(text.encode("utf-8", "backslashreplace")) > SUMMARY_LIMIT:  # as outfile writes it: a non-UTF-8 file name
        cut = text.encode("utf-8", "backslashreplace")[: SUMMARY_LIMIT - 200].decode("utf-8", "ignore")
        text = cut[: cut.rfind("\n") + 1] + "\n_(cut: the summary is limited to 1 MiB; run numcheck --format table)_\n"
    return text


def _cell(text: str) -> str:
    return markdown_cell(" ".join(text.split()))
