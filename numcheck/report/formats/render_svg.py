"""A disputed figure's values by article date, as a small inline SVG chart.

Each claim of a conflict is a vertical bar over its interval (an arrow where it is open) at its
article's date, in its cluster's colour; the odd one out stands out at a glance, and a faint line
through the dated figures shows the toll as the story developed. Articles without a date sit at
the right, after a gap. Plain SVG text: no script, no external asset, same input, same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from collections.abc import Mapping
from numcheck.model import Bound, Claim, Finding, iso_day
from numcheck.report.render_text import fmt_bound, fmt_interval
from numcheck.report.view import cluster_letter

W, H = 340, 170
LEFT, RIGHT, TOP, BOTTOM = 64, 14, 14, 34
COLOURS = ("#1f6fd1", "#d1361f", "#2e9e4f", "#9a4fd1", "#d18a1f", "#1fb5c4")


def chart(finding: Finding, by_id: Mapping[str, Claim], highlight: str | None = None) -> str:
    """The SVG for one conflict or agreement, the `highlight` claim ringed; '' when nothing to plot."""
    claims = sorted(
        (by_id[c] for c in dict.fromkeys(finding.claims) if c in by_id),
        key=lambda c: (c.article_date is None, c.article_date or dt.date.min, c.path, c.start),
    )
    bounds = [(_y(c.interval[0]), _y(c.interval[1])) for c in claims]
    finite = [v for lo_hi in bounds for v in lo_hi if v is not None]
    if not claims or not finite:
        return ""
    y0, y1 = min(finite), max(finite)
    pad = (y1 - y0) * 0.12 or max(abs(y0) * 0.1, 1.0)
    y0, y1 = y0 - pad, y1 + pad
    xs, labels = _layout(claims)
    is_date = claims[0].kind == "date"

    def sy(v: float) -> float:
        return TOP + (H - TOP - BOTTOM) * (1 - (v - y0) / (y1 - y0))

    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'viewBox="0 0 {W} {H}" role="img" aria-label="{escape(_label(finding))}">',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}" class="axis"/>',
        f'<line x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - RIGHT}" y2="{H - BOTTOM}" class="axis"/>',
    ]
    for v in (y0 + pad, (y0 + y1) / 2, y1 - pad) if is_date else ticks(y0, y1, claims[0].kind == "count"):
        text = _tick(v, is_date)
        parts.append(f'<text x="{LEFT - 4}" y="{sy(v) + 3:.1f}" text-anchor="end" class="tick">{escape(text)}</text>')
    line = [(x, sy(_mid(lo, hi, y0, y1))) for x, c, (lo, hi) in zip(xs, claims, bounds) if c.article_date]
    if len(line) > 1:
        parts.append('<polyline class="trend" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in line) + '"/>')
    for x, c, (lo, hi) in zip(xs, claims, bounds):
        parts.append(
            _bar(
                finding,
                c,
                x,
                sy(lo if lo is not None else y0),
                sy(hi if hi is not None else y1),
                lo is None,
                hi is None,
                sy(_mid(lo, hi, y0, y1)),
                c.id == highlight,
            )
        )
    for x, text in labels:
        parts.append(f'<text x="{x:.1f}" y="{H - BOTTOM + 13}" text-anchor="middle" class="tick">{escape(text)}</text>')
    years = sorted({c.article_date.year for c in claims if c.article_date})
    if years:
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        parts.append(
            f'<text x="{(LEFT + W - RIGHT) / 2:.0f}" y="{H - 4}" text-anchor="middle" class="tick">article date ({span})</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _bar(
    f: Finding, c: Claim, x: float, y_lo: float, y_hi: float, open_lo: bool, open_hi: bool, y_mid: float, ringed: bool
) -> str:
    letter = cluster_letter(f, c.id)
    colour = COLOURS[(ord(letter) - ord("A")) % len(COLOURS)] if letter.isalpha() else COLOURS[0]
    title = f"{letter} {c.where} «{c.surface}» {fmt_interval(*c.interval)}"
    if c.article_date:
        title += f" ({c.article_date.isoformat()})"
    out = [
        f'<g class="pt" data-claim="{escape(c.id)}"><title>{escape(title)}</title>',
        f'<line x1="{x:.1f}" y1="{y_lo:.1f}" x2="{x:.1f}" y2="{y_hi:.1f}" stroke="{colour}" stroke-width="4" '
        'stroke-linecap="round"/>',
    ]
    if open_hi:
        out.append(
            f'<path d="M{x - 5:.1f},{y_hi + 6:.1f} L{x:.1f},{y_hi:.1f} L{x + 5:.1f},{y_hi + 6:.1f}" '
            f'fill="none" stroke="{colour}" stroke-width="2"/>'
        )
    if open_lo:
        out.append(
            f'<path d="M{x - 5:.1f},{y_lo - 6:.1f} L{x:.1f},{y_lo:.1f} L{x + 5:.1f},{y_lo - 6:.1f}" '
            f'fill="none" stroke="{colour}" stroke-width="2"/>'
        )
    if ringed:
        out.append(f'<circle cx="{x:.1f}" cy="{y_mid:.1f}" r="8" fill="none" stroke="#000" stroke-width="1.5" class="this"/>')
    out.append(
        f'<circle cx="{x:.1f}" cy="{y_mid:.1f}" r="3.5" fill="#fff" stroke="{colour}" stroke-width="2"/>'
        f'<text x="{x + 6:.1f}" y="{y_mid - 5:.1f}" class="letter" fill="{colour}">{escape(letter)}</text></g>'
    )
    return "".join(out)


def _layout(claims: list[Claim]) -> tuple[list[float], list[tuple[float, str]]]:
    """Each claim's x and the axis labels: dated articles on a time scale, undated ones after a gap.

    Each date (or undated article) is a slot; the claims of one slot stand side by side within it.
    """
    dated = sorted({c.article_date for c in claims if c.article_date})
    undated = sorted({c.path for c in claims if c.article_date is None})
    x0, x1 = LEFT + 14, W - RIGHT - 10
    gap = 18 if dated and undated else 0
    split = x0 + (x1 - x0 - gap) * len(dated) / (len(dated) + len(undated))
    slots: dict[object, float] = {}
    if dated:
        d0, d1 = dated[0].toordinal(), dated[-1].toordinal()
        for d in dated:
            slots[d] = (x0 + split) / 2 if d0 == d1 else x0 + (split - x0) * (d.toordinal() - d0) / (d1 - d0)
    u0 = split + gap if dated else x0
    for i, path in enumerate(undated):
        slots[path] = u0 + (x1 - u0) * (i + 0.5) / len(undated)
    xs = sorted(slots.values())
    width = min(28.0, 0.7 * min((b - a for a, b in zip(xs, xs[1:])), default=40.0))
    members: dict[object, list[Claim]] = {}
    for c in claims:
        members.setdefault(c.article_date or c.path, []).append(c)
    out = []
    for c in claims:
        key = c.article_date or c.path
        k, i = len(members[key]), members[key].index(c)
        out.append(slots[key] + (width * ((i + 0.5) / k - 0.5) if k > 1 else 0.0))
    labels: list[tuple[float, str]] = []
    for d in dated:
        if not labels or slots[d] - labels[-1][0] >= 34:
            labels.append((slots[d], d.isoformat()[5:]))
    if undated:
        labels.append(((u0 + x1) / 2, "undated"))
    return out, labels


def _y(v: Bound) -> float | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return float(v.toordinal())
    return float(v)


def _mid(lo: float | None, hi: float | None, y0: float, y1: float) -> float:
    if lo is None:
        return (y0 + y1) / 2 if hi is None else hi
    if hi is None:
        return lo
    return (lo + hi) / 2


def ticks(lo: float, hi: float, whole: bool) -> list[float]:
    """Three to six round values between lo and hi (1, 2 or 5 times a power of ten apart);
    whole numbers only when the figures count things: no tick of 83.5 people."""
    span = hi - lo
    if span <= 0:
        return [round(lo) if whole else lo]
    raw = span / 4
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    if whole:
        step = max(1, round(step))
    first = math.ceil(lo / step) * step
    out: list[float] = []
    v = first
    while v <= hi + step * 1e-9 and len(out) < 12:
        out.append(float(round(v)) if whole else v)
        v += step
    return out or [round((lo + hi) / 2) if whole else (lo + hi) / 2]


def _tick(v: float, is_date: bool) -> str:
    if is_date:
        return iso_day(dt.date.fromordinal(max(1, round(v))))
    v = float(f"{v:.3g}")
    for scale, suffix in ((1e9, "bn"), (1e6, "m"), (1e4, "k")):
        if abs(v) >= scale:
            return fmt_bound(round(v / scale, 2)) + suffix
    return fmt_bound(v)


def _label(f: Finding) -> str:
    return f"values by article date: {f.message}"
