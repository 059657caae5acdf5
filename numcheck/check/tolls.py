"""A toll over the story's days: figures for one day must agree; across days they may only grow.

For a measure the rules mark cumulative (killed, wounded...), "one dead" in the morning's report
and "24 dead" the next day is the toll growing: an update. Two reports of the same day that
cannot both hold are still an error, whatever the later days say; a later figure below an
earlier day's floor is a fall, which a toll cannot do, so the whole group is a conflict. A
condition persons are in ("in a serious condition") holds at a time: it may change either way
between days, and only the same day's reports must agree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable

from numcheck.model import Claim


def growth(
    members: list[Claim], low: Callable[[Claim], float], high: Callable[[Claim], float]
) -> list[tuple[dt.date, list[Claim]]] | None:
    """The days of a group that grows (each with its claims), or None when it cannot be read as
    growth: an undated article, a single day, or a later figure below an earlier day's floor.
    `low` and `high` give a claim's bounds as comparable numbers (open ends as -inf/inf)."""
    days = by_day(members)
    if days is None:
        return None
    floor = -math.inf  # the highest floor any earlier day set
    for _day, claims in days:
        if any(high(c) < floor for c in claims):
            return None  # fewer dead than a report of an earlier day counted: not growth
        floor = max(floor, max(low(c) for c in claims))
    return days


def by_day(members: list[Claim]) -> list[tuple[dt.date, list[Claim]]] | None:
    """The claims of a group by their articles' dates, in order; None for an undated article or a
    single day. A state that holds at a time ("two remain in a serious condition") may change
    either way between days: only the same day's reports must agree."""
    days: dict[dt.date, list[Claim]] = defaultdict(list)
    for c in members:
        if c.article_date is None:
            return None
        days[c.article_date].append(c)
    return sorted(days.items()) if len(days) > 1 else None
