"""How numbers, dates and intervals are written for people: '63,000–77,000', '≥ 200'."""
from __future__ import annotations

import datetime as dt

from numcheck.model import Bound


def fmt_number(x: float) -> str:
    """A number as an editor writes it: thousands separated, no float noise."""
    if abs(x) >= 1e15 or (x != 0 and abs(x) < 1e-4):
        return f"{x:.4g}"
    r = round(x, 4)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.4f}".rstrip("0").rstrip(".")


def fmt_bound(x: Bound) -> str:
    if isinstance(x, dt.date):
        return x.isoformat()
    if x is None:
        return "?"
    return fmt_number(float(x))


def fmt_interval(low: Bound, high: Bound) -> str:
    """An interval as one short phrase; open ends as bounds."""
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"≤ {fmt_bound(high)}"
    if high is None:
        return f"≥ {fmt_bound(low)}"
    if low == high:
        return fmt_bound(low)
    return f"{fmt_bound(low)}–{fmt_bound(high)}"
