"""Every claim as a CSV row, with its attribution, status and findings, for a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

from numcheck.model import Report, iso_day
from numcheck.report.escape import visible
from numcheck.report.render_text import measure_words, reading
from numcheck.report.view import build, what

COLUMNS = (
    "id",
    "path",
    "line",
    "column",
    "surface",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "measure",
    "entity",
    "time",
    "status",
    "findings",
    "rules",
    "compared_with",
    "note",
    "sentence",
    "read_as",
    "counts",
)  # the last two in words: 'about 70,000 (63,000–77,000)', 'people killed in 2012'
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "::")  # '::': no line of the file starts a workflow command


def render(report: Report) -> str:
    """A header and one row per claim, in the report's order; RFC 4180 quoting, LF line ends."""
    v = build(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in report.claims:
        findings = list(v.cited_by.get(c.id, ())) + [s.finding for s in v.silenced_by.get(c.id, ())]
        writer.writerow(
            [
                _safe(c.id),
                _safe(c.path),
                c.line,
                c.column,
                _text(c.surface),
                _safe(c.kind),
                _value(c.value),
                _value(c.low),
                _value(c.high),
                _safe(c.unit or ""),
                _safe(c.approx),
                _safe(measure_words(c.measure, c.extent) or ""),
                _safe(c.entity or ""),
                _safe(c.time or ""),
                _safe(v.status[c.id]),
                _safe(" ".join(f.id for f in findings)),
                _safe(" ".join(dict.fromkeys(f.rule for f in findings if f.rule))),
                _safe(v.counterpart_ids(c)),
                _text(c.note or ""),
                _text(c.sentence),
                _text(reading(c)),
                _text(what(c)) if c.measure else "",
            ]
        )
    return out.getvalue()


def _value(x: object) -> str:
    """A bound as the json contract writes it: ISO dates, integers without '.0', '' for none."""
    if isinstance(x, dt.date):
        return iso_day(x)
    if not isinstance(x, (int, float)) or not math.isfinite(x):
        return ""
    return str(int(x)) if float(x).is_integer() and abs(x) < 2**53 else str(round(float(x), 6))


def _text(text: str) -> str:
    """Words of the article on one line, made _safe."""
    return _safe(" ".join(text.split()))


def _safe(text: str) -> str:
    """Any text cell (an id, a path, a name): control characters escaped (escape.visible), and
    text a spreadsheet would run as a formula ('=HYPERLINK(…)', '-2+3', '@SUM') starts with an apostrophe."""
    text = visible(text)
    if text.startswith(_FORMULA) and not _numberlike(text):
        return "'" + text
    return text


def _numberlike(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True
