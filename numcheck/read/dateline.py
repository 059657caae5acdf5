"""An article's date from its dateline: a full date opening one of its first lines.

Wire copy and pasted web pages carry their date under the headline ("July 03, 2013 6:22AM",
"WEDNESDAY 03 JULY 2013", "21.08.2013") or at the start of the lead ("August 21 2013 Activists
say..."). Without it, "last year" and "on Tuesday" stay unresolved and a rising toll cannot be
told from a conflict. Only a date to the day, with its year, counts; a line that opens with "On
July 2, 2013, ..." is a sentence about an event, so a preposition before the date is accepted
only when nothing but a time follows it. A wire dateline's place in capitals may open it
("OLDMARSH, 16 November 2026", "KELSO, Dec. 3, 2026 (AP) — ..."), when a time, an agency and a
dash, or nothing follows the date.
"""

from __future__ import annotations

import datetime as dt
import re

from numcheck.extract import dates
from numcheck.extract.language import EN, alt
from numcheck.model import yearless

LINES = 3  # the headline, the dateline, the lead
_MAX_LINE = 300  # characters of a line looked at
_DATES = EN["dates"]
_PREFIX = re.compile(
    rf"(?i)\s*(?:(?P<prep>{alt(_DATES['dateline_before'], escape=False)})\s*:?\s+)?"
    rf"(?:(?:{alt(_DATES['dateline_weekdays'])})[a-z]*\.?,?\s+)?"
)
#: A wire dateline's place before its date ("OLDMARSH, 16 November 2026", "KELSO, Dec. 3, 2026 —"): capitals, a comma
_PLACE = re.compile(rf"\s*(?:{_DATES['dateline_place']}),\s+") if _DATES.get("dateline_place") else None
_DASH = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]")  # "KELSO, 3 Dec 2026 (AP) — Two died": the lead follows
_TIME_ONLY = re.compile(
    r"(?i)[\s,|·-]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?-i:[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?\s*$"
)
_NUMERIC = re.compile(r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\.?\d)")  # 21.08.2013: day first


def find(text: str, start: int = 0) -> dt.date | None:
    """The date of the first of the article's first lines that opens with a full date."""
    seen = 0
    for line in text[start:].splitlines():
        if not line.strip():
            continue
        day = _opening_date(line[:_MAX_LINE])
        if day is not None:
            return day
        seen += 1
        if seen == LINES:
            break
    return None


def _opening_date(line: str) -> dt.date | None:
    place = _PLACE.match(line) if _PLACE else None
    prefix = _PREFIX.match(line, place.end() if place else 0)
    at = prefix.end() if prefix else 0
    numeric = _NUMERIC.match(line, at)
    if numeric:
        try:
            day, end = dt.date(int(numeric["y"]), int(numeric["m"]), int(numeric["d"])), numeric.end()
        except ValueError:
            return None
    else:
        # "WEDNESDAY 03 JULY 2013": the date patterns read capitalised month names
        probe = line.title() if line.isupper() else line
        fig = next((f for f in dates.find(probe, at, len(probe), None) if f.start == at), None)
        if fig is None or not isinstance(fig.low, dt.date) or fig.low != fig.high or yearless(fig.low):
            return None
        day, end = fig.low, fig.end
    if place and not (_TIME_ONLY.match(line, end) or _DASH.match(line, end)):
        return None  # "PARIS, 3 December 2026, a quake struck": a sentence, not a dateline
    if not place and prefix and prefix["prep"] and not _TIME_ONLY.match(line, end):
        return None  # "On July 2, 2013, a quake struck": the event's date, not the article's
    return day
