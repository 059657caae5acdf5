"""The words of a report: numbers, dates and intervals as people write them ('63,000–77,000',
'≥ 200'), and each finding's message, made from what its check decided (Finding.said)."""
from __future__ import annotations

import datetime as dt

from numcheck.model import Bound, Finding


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


def about(what: tuple) -> str:
    """What a group's figures are about: 'population of bakhmut (before russian-invasion)'."""
    measure, entity, time, scope, unit = what
    text = measure
    if entity:
        text += f" of {entity}"
    if scope:
        text += f" in {scope}"
    if unit:
        text += f" ({unit})"
    if time:
        text += f" ({time})"
    return text


def _cluster(cluster: tuple) -> str:
    surfaces, lo, hi, unit, articles, first, last = cluster
    quoted = ", ".join(repr(s) for s in surfaces)
    when = f"; {first.isoformat()}" + (f" to {last.isoformat()}" if last != first else "") if first else ""
    return (f"{quoted} ({fmt_interval(lo, hi)}{f' {unit}' if unit else ''}; "
            f"{articles} article{'s' if articles != 1 else ''}{when})")


def _broken(code: str, lo: Bound, hi: Bound, *more: object) -> str:
    if code == "range-order":
        return f"range written high to low ({fmt_interval(lo, hi)}); did you mean {fmt_interval(hi, lo)}?"
    if code == "percent-max":
        return f"a share of {fmt_interval(lo, hi)}% is more than the whole"
    if code == "date-not-after-article":
        return f"date {fmt_interval(lo, hi)} is after the article's date {more[0].isoformat()}"  # type: ignore[attr-defined]
    side = "below the minimum" if code == "min" else "above the maximum"
    return f"{fmt_interval(lo, hi)} is {side} {more[0]:g}"


def message(finding: Finding) -> str:
    """A finding's message, from what its check decided."""
    said = finding.said
    if not said:
        return finding.message
    code = said[0]
    if code == "fact":
        _, agrees, surface, lo, hi, name, flo, fhi = said
        verb = "agrees with" if agrees else "cannot hold:"
        return f"{surface!r} ({fmt_interval(lo, hi)}) {verb} {name} (expected {fmt_interval(flo, fhi)})"
    if code == "constraint":
        return f"{said[1]!r}: {_broken(*said[2:])}"
    what = about(said[1])
    if code == "conflict":
        day = f" on {said[2].isoformat()}" if said[2] else ""
        return f"{what}{day}: {' vs '.join(_cluster(c) for c in said[3])} cannot all hold"
    if code == "update":
        return f"{what}: {' vs '.join(_cluster(c) for c in said[2])}: the later reports give the higher figures"
    return f"{what}: {_cluster(said[2][0])} agree"
