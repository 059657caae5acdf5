"""A toll over the story's days: figures for one day must agree; across days they may only grow.

For a measure the rules mark cumulative (killed, wounded...), "one dead" in the morning's report
and "24 dead" the next day is the toll growing: an update. Two reports of the same day that
cannot both hold are still an error, whatever the later days say; a later figure below an
earlier day's floor is a fall, which a toll cannot do, so the whole group is a conflict.
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
    days: dict[dt.date, list[Claim]] = defaultdict(list)
    for c in members:
        if c.article_date is None:
            return None
        days[c.article_date].append(c)
    if len(days) < 2:
        return None
    floor = -math.inf  # the highest floor any earlier day set
    for day in sorted(days):
        if any(high(c) < floor for c in days[day]):
            return None  # fewer dead than a report of an earlier day counted: not growth
        floor = max(floor, max(low(c) for c in days[day]))
    return sorted(days.items())
