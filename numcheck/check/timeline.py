"""Times that claims and facts refer to, and whether two of them can be the same time.

A time is a key: a date or date range ('2022-09-01..2022-09-30'), a moment relative to an
event ('before russian-invasion'), a word from [times] ('now'), or a date that could not be
resolved ('last summer (unresolved)'). Unknown and unresolved times are compatible with any.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from numcheck.extract.language import EN
from numcheck.rules.rulebook import RuleBook

DateRange = tuple[dt.date, dt.date]


RECENT_DAYS = 10
#: The spans a relative date names that hold the article's own day ("this year", "this week"), read as its present
#: even where the article gives no date to resolve them by; not "this September", a month that may be to come.
_THIS_SPANS = frozenset(
    f"{step} {span}"
    for step, n in EN["dates"]["relative_words"]["steps"].items()
    if n == 0
    for span in EN["dates"]["relative_words"]["spans"]
)


def comparable(time: str | None, article_date: dt.date | None = None) -> str | None:
    """The time as a grouping key. The story's present — no time, "now", a day within the last
    days before the article ("on Sunday"), a span that holds the article's day ("this year's
    closure", "in 2026" said in 2026) — is one key, None, so a toll "on Sunday" is compared
    with a toll given with no time. Other months, seasons, years and older days are their own keys:
    "in September" and "in 2004" are other events."""
    if time is None or time == "now":
        return None
    if time.endswith("unresolved)"):
        return None if time.endswith("(recent, unresolved)") or time.split(" (")[0] in _THIS_SPANS else time
    span = as_range(time)
    if span and (span[1] - span[0]).days <= 7:
        if article_date is None or 0 <= (article_date - span[1]).days <= RECENT_DAYS:
            return None
    if span and article_date is not None and span[0] <= article_date <= span[1]:
        return None  # "this year's closure", "in 2026" said in 2026: the span the story is in, its present
    return time


def as_range(time: str) -> DateRange | None:
    """'2022-09' -> (2022-09-01, 2022-09-30); 'A..B' -> (A, B); None for other keys."""
    if ".." in time:
        a, b = time.split("..", 1)
        ra, rb = as_range(a), as_range(b)
        return (ra[0], rb[1]) if ra and rb else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", time.strip())
    if not m:
        return None
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = dt.date(y, int(mo), int(d))
            return day, day
        if mo:
            return dt.date(y, int(mo), 1), dt.date(y, int(mo), calendar.monthrange(y, int(mo))[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def relative(time: str, book: RuleBook) -> tuple[str, dt.date] | None:
    """'before russian-invasion' -> ('before', 2022-02-24) when the event is known."""
    m = re.fullmatch(r"(before|after) (\S+)", time)
    if m and m[2] in book.events:
        return m[1], book.events[m[2]].date
    return None


def compatible(a: str | None, b: str | None, book: RuleBook) -> bool:
    """Whether two times could be the same time."""
    if a is None or b is None or a == b or a.endswith("unresolved)") or b.endswith("unresolved)"):
        return True
    ra, rb = as_range(a), as_range(b)
    if ra and rb:
        return ra[0] <= rb[1] and rb[0] <= ra[1]
    rel_a, rel_b = relative(a, book), relative(b, book)
    if ra and rel_b:
        return _fits(ra, rel_b)
    if rb and rel_a:
        return _fits(rb, rel_a)
    return False


def _fits(span: DateRange, rel: tuple[str, dt.date]) -> bool:
    side, day = rel
    return span[0] < day if side == "before" else span[1] > day
