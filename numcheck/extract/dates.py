"""Dates at their true grain — day, month, season, year, decade — absolute or relative.

A date is an interval of days: "February 2022" is 2022-02-01 to 2022-02-28, exact at its grain
(approx "range" is for a range written with two ends: "from 2019 to 2021", "5-6 June"). A relative date
("last December", "on Thursday") is resolved against the article's date; without one it stays
unresolved and says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator

from functools import lru_cache

from numcheck.extract.language import EN, GRAMMAR, alt, any_first_case, data
from numcheck.extract.numbers import SCALE_WORD, WORD_NUMBER, parse_words
from numcheck.model import TYPE_CHECKING, YEARLESS, Approx, Figure

if TYPE_CHECKING:
    from types import ModuleType

_D = EN["dates"]
MONTHS: dict[str, int] = _D["months"]
WEEKDAYS: dict[str, int] = _D["weekdays"]
SEASONS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _D["seasons"].items()}

_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_ORDINAL_SUFFIX = rf"(?:{alt(_D['ordinal_suffixes'])})"  # "3rd", "21st"
_DAY = rf"(?P<day>[0-3]?\d){_ORDINAL_SUFFIX}?"
#: A named year, to the round years of long-range projections ("by 2100"); foreign_dates.py reads years with it too.
YEAR_DIGITS = r"(?:1[89]|20)\d\d|21[0-5]0"
_YEAR = rf"(?P<year>{YEAR_DIGITS})"
_WEEKDAY = rf"(?P<weekday>{alt(w.capitalize() for w in WEEKDAYS)})"
_SEASON = rf"(?P<season>{alt(SEASONS)})"


_YEAR_WORDS = "|".join(
    [
        *any_first_case(_D["year_words"]),
        alt(_D["year_words_lower"]),
        *any_first_case(_D["year_words_end"]),
        alt(_D["year_words_last"]),
    ]
)
_R = _D["relative_words"]  # the words of a relative date, each with what it means
_THE, _OF, _IN = (re.escape(GRAMMAR[w]) for w in ("the", "of", "in"))
_STEPS: dict[str, int] = _R["steps"]  # "last week": the step from the article's date
_SPANS: dict[str, str] = _R["spans"]  # "this weekend": the span a step names
_STEPS_OF = alt(_R["steps_of"])  # "the 14th of next month", "March next year"
# "one hundred and fifty", "a hundred" (an article before a scale word is its one)
_WORDS_RUN = (
    rf"(?:{WORD_NUMBER}|(?i:{GRAMMAR['a']})(?=\s+(?:{SCALE_WORD})))"
    rf"(?:(?:\s+{GRAMMAR['and']}\s+|[\s-]+)(?:{WORD_NUMBER}|{SCALE_WORD}))+"
)
_UNIT = rf"(?P<unit>{alt(_R['ago_units'])})s?"
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")  # a month written out, not "Mar"
#: A day of a month written after a weekday ("on Monday 9 November", "Tuesday, November 10"): the
#: date written out is the day; the weekday only names it, and is not a second date of its own.
_DAY_WRITTEN = (
    rf"(?=,?\s+(?:(?:{_THE}\s+)?[0-3]?\d{_ORDINAL_SUFFIX}?\s+(?:{_OF}\s+)?(?:{'|'.join(m.capitalize() for m in MONTHS)})\b"
    rf"|(?:{'|'.join(m.capitalize() for m in MONTHS)})\.?\s+[0-3]?\d\b))"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I if name.startswith("rel") else 0))
    for name, rx in (
        ("numeric", rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<ny>{YEAR_DIGITS})\b"),
        ("part", rf"\b(?P<part>{alt(_D['parts'])})\s?{_YEAR}\b"),
        ("fiscal", rf"\b(?:{alt(_D['fiscal'])})\s?'?(?:(?:19|20)\d\d|\d\d)\b"),
        ("vague_part", rf"\b(?:{_THE}\s+)?(?:{alt(_D['vague_parts'])})[\s-](?:(?:1[89]|20)\d0s|{YEAR_DIGITS})\b"),
        ("decade", rf"\b(?:{_THE}\s+)?'(?P<d2>\d)0s\b"),
        ("season_years", rf"\b{_YEAR}[-–/](?P<y2>\d\d)\b(?![-–/.]\d)"),
        (
            "day_range",
            rf"\b(?:(?:{'|'.join(any_first_case(_D['years_before']))})\s+)?(?P<d1>[0-3]?\d){_ORDINAL_SUFFIX}?\s*(?:-|–|{alt(_D['years_joiners'])})\s*{_DAY}\s+(?:{_OF}\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
        ),
        ("day", rf"\b{_DAY}\s+(?:{_OF}\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("day", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("iso", r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)\b"),
        (
            "period",
            rf"\b(?:(?i:{_THE})\s+)?(?P<pord>{alt(_D['period_ordinals'])})\s+(?P<period>{alt(_D['periods'])})\s+{_OF}\s+"
            rf"(?:{_YEAR}|(?P<rel>{_STEPS_OF})\s+{_R['year']})\b",
        ),
        (
            "vague_month",
            rf"\b(?:{_THE}\s+)?(?:{alt(_D['vague_parts'])})[\s-]{_MONTH}(?:,?\s+(?:{YEAR_DIGITS}))?\b",
        ),  # "mid-April": no bounds, as "mid-2020"
        (
            "month_span",
            rf"\b(?:{'|'.join(any_first_case(_D['years_before']))})\s+(?P<month>{_MONTH_NAMES})\s+(?:{alt(_D['years_joiners'])})\s+"
            rf"(?P<month2>{_MONTH_NAMES})\b(?:,?\s+{_YEAR}\b)?(?!\s*\d)",
        ),  # "between July and September", "from April to June 2024": the months between, as written
        ("month", rf"\b{_MONTH},?\s+(?:{_OF}\s+)?{_YEAR}\b"),
        ("season", rf"\b(?:(?i:{_THE})\s+)?(?i:{_SEASON})\s+(?:{_OF}\s+)?{_YEAR}\b"),
        (
            "years",
            rf"\b(?:{'|'.join(any_first_case(_D['years_before']))})\s+{_YEAR}\s+(?:{alt(_D['years_joiners'])})\s+"
            rf"(?P<year2>{YEAR_DIGITS})\b",
        ),
        ("decade", rf"\b(?:{_THE}\s+)?(?P<decade>(?:1[5-9]|20)\d0)s\b"),
        ("century", rf"\b(?:{_THE}\s+)?(?P<century>1\d|2[0-2]|[1-9]){_ORDINAL_SUFFIX}[\s-]+{_D['century']}\b"),
        (
            "year",
            rf"\b(?:{_YEAR_WORDS})[ -]{_YEAR}\b(?![,.]?\d)"
            rf"(?!\s*(?:{alt(_D['not_year_range'], escape=False)})\s*(?!(?:{YEAR_DIGITS})\b)\d)",
        ),  # "from 1800 to 2 houses" is a range
        ("year", rf"\b{_YEAR}(?=\s*[-–]\s*(?:19|20)\d\d\b)|(?<=[-–])(?:19|20)\d\d\b"),
        ("year", rf"\b{_YEAR}(?=,?\s+{_R['when']}\b)"),  # "compare the eruption to 1997, when 11 people died"
        (
            "year",
            rf"(?={YEAR_DIGITS})(?:"  # a year first: the look-behinds are tried only where one starts
            + "|".join(f"(?<=\\b{w} )" for w in any_first_case(_D["year_determiners"]))
            + rf"|(?<=\w['’]s )){_YEAR}(?=[\s-]+(?:[a-z]|[A-Z][a-z]))",
        ),  # "the 2004 tsunami", "their 1987 hit", "the group's 1987 album"
        ("year", rf"(?<![\d,.$£€])\b{_YEAR}(?=\s+(?:{alt(_D['year_nouns'])})\b)"),  # "expects 2026 revenue of"
        ("dayless", rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s+\d)"),
        ("dayless", rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d|:)"),
        ("dayless", rf"\b(?P<day>[0-3]?\d){_ORDINAL_SUFFIX}\s+{_OF}\s+{_MONTH}\b(?!,?\s+\d)"),  # "on the 3rd of May"
        (
            "rel_dom",
            rf"\b{_THE}\s+(?P<dom>[12]?\d|3[01]){_ORDINAL_SUFFIX}(?:\s+{_OF}\s+(?P<rel>{_STEPS_OF})\s+{_R['month']})?"
            r"(?=\s*(?:[.,;:!?)](?!\d)|$))",
        ),  # "on the 14th."
        (
            "rel_dom",
            "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in _R["dom_preps"]) + rf"){_THE}\s+"
            rf"(?P<dom>[12]?\d|3[01]){_ORDINAL_SUFFIX}(?=\s+(?:{alt(_D['day_of_month_after'])})\b)"
            rf"(?!\s+\w+\s+\d+{_ORDINAL_SUFFIX}\s+[a-z])",
        ),  # "held on the 14th and counted", not "on the 14th and 15th floors"
        (
            "rel_earlier",
            rf"\b(?P<when>{alt(_R['earlier'] + _R['later'])})\s+(?:{alt(k for k, v in _STEPS.items() if v == 0)})"
            rf"\s+(?P<span>{alt(_R['spans_earlier'])})\b",
        ),
        ("rel_monthyear", rf"\b{_MONTH}\s+(?P<rel>{_STEPS_OF})\s+{_R['year']}\b"),
        (
            "rel_period",
            rf"\b(?:{_THE}\s+)?(?P<pord>{alt(_D['period_ordinals'])})[\s-](?P<period>{alt(_D['periods'])})\b(?!\s+{_OF}\b)",
        ),  # "volumes slipped in the third quarter": the latest begun (sentences with period_cues only)
        (
            "rel_named",
            rf"\b(?P<rel>{alt(_STEPS)})\s+(?:(?P<month_r>{_MONTH_NAMES})|{_WEEKDAY}|{_SEASON}|(?P<span>{alt(_SPANS)}))\b",
        ),
        ("rel_ago", rf"\b(?P<n>\d+|{_WORDS_RUN}|{alt(EN['numbers']['ago'])})\s+{_UNIT}\s+{_R['ago']}\b"),
        ("rel_day", rf"\b(?P<word>{alt(_D['days'])})\b"),
        (
            "rel_the_season",
            rf"\b(?:{_IN}\s+)?{_THE}\s+(?P<season>{alt(_D['seasons_alone'])})\b(?!\s+{_OF}\b)",
        ),  # "begins in the autumn"
        ("rel_weekday", rf"\b(?:(?P<prep>{alt(_R['weekday_preps'])})\s+)?{_WEEKDAY}\b(?!{_DAY_WRITTEN})"),
        (
            "rel_month",
            rf"\b(?P<prep>{alt(_R['month_preps'])})\s+(?P<month_r>{_MONTH_NAMES})\b(?!\s+\d)",
        ),
    )
)
_WORD_N: dict[str, int] = EN["numbers"]["ago"]


_NEEDS = {  # what a pattern cannot match without: a cheap test before the pattern itself
    "day": "month",
    "day_range": "month",
    "iso": "digit",
    "numeric": "digit",
    "part": "digit",
    "fiscal": "digit",
    "vague_part": "digit",
    "season_years": "digit",
    "month": "month",
    "month_span": "month",
    "season": "digit",
    "years": "digit",
    "decade": "digit",
    "century": "digit",
    "period": "period",
    "year": "digit",
    "dayless": "month",
    "vague_month": "month",
    "rel_dom": "digit",
    "rel_the_season": "season",
    "rel_monthyear": "month",
    "rel_month": "month",
    "rel_weekday": "weekday",
    "rel_period": "business",
    "rel_ago": "ago",
}
_CUES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(
        "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + f"|(?i:{alt(_D['month_cues_any_case'])})"
    ),
    "weekday": re.compile(rf"{re.escape(os.path.commonprefix([w[::-1] for w in WEEKDAYS])[::-1])}\b"),  # "day"
    "season": re.compile(alt(_D["seasons_alone"])),  # lower case: after "the", as the pattern wants
    "period": re.compile(rf"(?:{alt(_D['periods'])})\s+{_OF}\b"),
    "business": re.compile(rf"(?i:\b(?:{alt(_D['period_cues'], escape=False)})\b)"),
}


#: The patterns whose date the sentence's tense resolves (forward or back from the article's date).
_PERIODS = tuple(_D["periods"])  # "quarter", "half": the words a sentence needs for period_cues to matter
_TENSED = frozenset(name for name, _ in PATTERNS if name.startswith("rel") or name in ("dayless", "day_range", "month_span"))


_RELATIVE = tuple(w.lower() for w in _D["relative"])
_AGO = _R["ago"].lower()


def find(text: str, start: int, end: int, today: dt.date | None, future: bool | None = None) -> Iterator[Figure]:
    """Every date in text[start:end], earliest pattern first, never two on one span; `future`: whether
    a relative date is read forward, by default as the sentence's tense says (future_tense)."""
    taken: list[tuple[int, int]] = []
    lowered = text[start:end].lower()  # substring tests: a quarter of a case-insensitive alternation's time
    present = {cue: bool(rx.search(text, start, end)) for cue, rx in _CUES.items() if cue != "business"}
    # business words are looked for only where a part of a year is named: most sentences name none
    present["business"] = any(p in lowered for p in _PERIODS) and bool(_CUES["business"].search(text, start, end))
    present["relative"] = any(w in lowered for w in _RELATIVE)
    present["ago"] = _AGO in lowered  # "two weeks ago", "one hundred and fifty years ago": the word is needed
    for name, rx in PATTERNS:
        if not present[_NEEDS.get(name, "relative" if name.startswith("rel") else "digit")]:
            continue
        for m in rx.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if future is None and today is not None and name in _TENSED:  # once, for a date the tense resolves
                future = future_tense(text, start, end, ENGLISH_CODE)
            fig = _figure(name, m, today, bool(future))
            if fig is not None:
                taken.append((m.start(), m.end()))
                yield fig
                if name == "year":
                    yield from _listed_years(text, fig.end, end, taken)


_LISTED = "|".join(w + r"\s+" for w in _D["listed_years"])  # "and\s+|or\s+"
_LISTED_YEAR = re.compile(
    rf"(?:,\s*(?:{_LISTED})?|\s+(?:{alt(_D['listed_years'])})\s+)(?P<year>{YEAR_DIGITS})\b(?![,.]?\d|\s*[-–%])"
)


def _listed_years(text: str, at: int, end: int, taken: list[tuple[int, int]]) -> Iterator[Figure]:
    """Years listed after a year that is a date are dates too: 'in 2019, 2020 and 2022'."""
    while (m := _LISTED_YEAR.match(text, at, end)) is not None:
        if any(m.start("year") < e and s < m.end() for s, e in taken):
            return
        y = int(m["year"])
        taken.append((m.start("year"), m.end()))
        yield Figure(m.start("year"), m.end(), "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "exact")
        at = m.end()


def _figure(name: str, m: re.Match[str], today: dt.date | None, future: bool = False) -> Figure | None:
    g: dict[str, str | None] = {**m.groupdict(), "future": "yes" if future else None}
    try:
        if name == "day":
            return _fig(m, "exact", *_days(int(_taken(g, "year")), MONTHS[_taken(g, "month").lower()], int(_taken(g, "day"))))
        if name == "numeric":
            return _numeric(m)
        if name == "day_range":  # "5-6 June 2018", "from 1 to 3 June": the days between, as written
            mo, d1, d2 = MONTHS[str(g["month"]).lower()], int(str(g["d1"])), int(str(g["day"]))
            y = _year_of(g, today, lambda t: resolve("dayless", g, t)[0].year)
            if d1 >= d2:
                return None
            if y is None:  # "from 1 to 3 June" in an article that gives no date: the days, year not given
                lo, hi = dt.date(YEARLESS, mo, d1), dt.date(YEARLESS, mo, d2)
                return Figure(m.start(), m.end(), "date", lo, hi, "range", time_hint=NO_YEAR)
            return _fig(m, "range", dt.date(y, mo, d1), dt.date(y, mo, d2))
        if name == "period":  # "the third quarter of 2023", "the first half of next year"
            n, size = _D["period_ordinals"][str(g["pord"]).lower()], _D["periods"][str(g["period"]).lower()]
            y = _year_of(g, today, lambda t: t.year + _STEPS[str(g["rel"]).lower()])
            if n * size > 12 or y is None:
                return None if y else unresolved(m.start(), m.end(), recent=False)
            return _fig(m, "exact", dt.date(y, (n - 1) * size + 1, 1), month_range(y, n * size)[1])
        if name == "part":
            first, last = _D["parts"][_taken(g, "part").upper()]
            return _fig(m, "exact", dt.date(int(_taken(g, "year")), first, 1), month_range(int(_taken(g, "year")), last)[1])
        if name == "fiscal":
            return Figure(m.start(), m.end(), "date", None, None, "vague", time_hint="fiscal year: its months are not said")
        if name in ("vague_part", "vague_month"):
            return Figure(
                m.start(), m.end(), "date", None, None, "vague", time_hint="part of a year or decade: its grain is a judgement"
            )
        if name == "season_years":
            y = int(_taken(g, "year"))
            y2 = y // 100 * 100 + int(_taken(g, "y2"))
            return _fig(m, "range", dt.date(y, 1, 1), dt.date(y2, 12, 31)) if y2 == y + 1 else None
        if name == "iso":
            return _fig(m, "exact", *_days(int(_taken(g, "iy")), int(_taken(g, "im")), int(_taken(g, "id"))))
        if name == "month":
            return _fig(m, "exact", *month_range(int(_taken(g, "year")), MONTHS[_taken(g, "month").lower()]))
        if name == "month_span":
            first, last = MONTHS[_taken(g, "month").lower()], MONTHS[_taken(g, "month2").lower()]
            return month_span(m.start(), m.end(), first, last, g.get("year"), today, future)
        if name == "season":
            return _fig(m, "exact", *season_range(int(_taken(g, "year")), _taken(g, "season").lower()))
        if name == "decade":
            d = int(_taken(g, "decade")) if g.get("decade") else 1900 + 10 * int(_taken(g, "d2"))
            last = d + 99 if d % 100 == 0 and d < 2000 else d + 9  # "the 1800s" is a century; "the 2000s" the decade, as said
            return _fig(m, "exact", dt.date(d, 1, 1), dt.date(last, 12, 31))
        if name == "years":
            return _fig(m, "range", dt.date(int(_taken(g, "year")), 1, 1), dt.date(int(_taken(g, "year2")), 12, 31))
        if name == "century":
            return century(m.start(), m.end(), int(_taken(g, "century")))
        if name == "year":
            y = int(m.group(0)[-4:])
            return _fig(m, "exact", dt.date(y, 1, 1), dt.date(y, 12, 31))
    except (ValueError, KeyError):
        return None
    if name.startswith("rel") or name == "dayless":
        if name == "rel_weekday" and not g.get("prep") and not _looks_like_date_use(m):
            return None
        if today is None and name == "dayless":  # "on 13 November" with no year to read: still that day of the month
            return _yearless_day(m, g)
        if today is None:
            return unresolved(m.start(), m.end(), recent=_recent(name, g))
        try:
            lo, hi = resolve(name, g, today)
        except (ValueError, KeyError, OverflowError):  # "9000 years ago", "tomorrow" on 9999-12-31: before year 1 or after 9999
            return None
        if name == "rel_ago" and lo != hi:
            return _fig(m, "about", lo, hi)  # "two weeks ago": a window around the day it points to
        return _fig(m, "exact", lo, hi)  # a day, week, month or year as named: exact at its grain
    return None


def _yearless_day(m: re.Match[str], g: dict[str, str | None]) -> Figure | None:
    """A day of a month in an article that gives no date: that day, its year not given (model.YEARLESS);
    None for a day no month has ("31 November")."""
    try:
        day = dt.date(YEARLESS, MONTHS[str(g["month"]).lower()], int(str(g["day"])))
    except (ValueError, KeyError):
        return None
    return Figure(m.start(), m.end(), "date", day, day, "exact", time_hint=NO_YEAR)


def month_span(s: int, e: int, first: int, last: int, year: str | None, today: dt.date | None, future: bool) -> Figure | None:
    """The months from `first` to `last` as one range: of the year written, else of the latest such span
    ended (or begun) by the article's date, a coming one in the future tense; unresolved without a date."""
    if year:  # "from December to February 2024": the year written after the last month is its
        y2 = int(year)
    elif today is None:
        return unresolved(s, e, recent=False)
    else:
        y2 = today.year - (last > today.month) if not future else today.year + (month_range(today.year, last)[1] < today)
    y1 = y2 - (last < first)
    return Figure(s, e, "date", dt.date(y1, first, 1), month_range(y2, last)[1], "range")


def _taken(g: dict[str, str | None], name: str) -> str:
    """A group its pattern always takes; a TypeError, as using its None would give, if it took none."""
    value = g[name]
    if value is None:
        raise TypeError(f"the date pattern took no {name!r}")
    return value


def _year_of(g: dict[str, str | None], today: dt.date | None, relative: Callable[[dt.date], int]) -> int | None:
    """The year written in a date's groups, else the one `relative` reads from the article's date; None without one."""
    if g.get("year"):
        return int(str(g["year"]))
    return relative(today) if today is not None else None


CENTURY = "a century as strictly counted: from its year 01 to its year 100 (tests/extraction_set/README.md)"


def century(start: int, end: int, n: int) -> Figure:
    """The n-th century as strictly counted, as every labelled set that bounds one does: the 19th is
    1801-01-01 to 1900-12-31 (tests/extraction_set/README.md); the note says so."""
    lo, hi = dt.date((n - 1) * 100 + 1, 1, 1), dt.date(n * 100, 12, 31)
    return Figure(start, end, "date", lo, hi, "exact", time_hint=CENTURY)


def future_tense(text: str, start: int, end: int, code: str) -> bool:
    """Whether the sentence text[start:end] speaks of what is to come ("will vote", "opens on",
    "votará", "aura lieu"), a scheduled event in the present tense among it ("Talks resume on Thursday":
    news tells what is past in the past tense): its relative dates are then read forward from the
    article's date, not back."""
    rx = _future(code)
    return rx is not None and rx.search(text, start, end) is not None


@lru_cache(maxsize=None)
def _future(code: str) -> re.Pattern[str] | None:
    words = data(code).get("tense", {}).get("future", ())
    return re.compile("|".join(f"(?:{w})" for w in words), re.I) if words else None


def normalise(span: str, code: str, order: str) -> dt.date | None:
    """A date expression (its span only, never a whole text) as a day, by dateparser, with the
    day-month order of the article's locale ('03/04/2025' is 3 April in French)."""
    parsed = _dateparser().parse(span, languages=[code], settings={"DATE_ORDER": order, "STRICT_PARSING": True})
    return parsed.date() if parsed else None


@lru_cache(maxsize=1)
def _dateparser() -> ModuleType:
    import dateparser  # lazy: 0.1 s to import and 0.3 s to load its locales, paid only by an article with such a date

    return dateparser


UNRESOLVED = "relative date unresolved: article date unknown"
#: A day of a month its article gives no year for, nor a date to read one from: held in model.YEARLESS.
NO_YEAR = "year not given: its article gives no date"
RECENT = "relative date unresolved (recent): article date unknown"


def unresolved(start: int, end: int, recent: bool) -> Figure:
    """A relative date we cannot place without the article's date. A recent one ("on Sunday",
    "yesterday", "this week") is the story's present; others ("last September") are not."""
    return Figure(start, end, "date", None, None, "vague", time_hint=RECENT if recent else UNRESOLVED)


def _recent(name: str, g: dict[str, str | None]) -> bool:
    """Whether a relative date names a day of the story's present week: a weekday, yesterday,
    today, this week; not "last September" or "two years ago"."""
    if name in ("rel_weekday", "rel_day", "rel_earlier"):
        return True
    span = g.get("span") or ""  # as written: "this Week" in a title is no span of the present week
    return name == "rel_named" and (bool(g.get("weekday")) or _SPANS.get(span, span) in ("week", "weekend"))


def _looks_like_date_use(m: re.Match[str]) -> bool:
    """A bare weekday names a day when it follows a verb ('said Thursday') or a time of day ('at 5
    a.m. Thursday'), or when its part of the day or a possessive follows ('Thursday night',
    'Tuesday's storm')."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    return bool(_DATE_USE.search(before.lower()) or _AFTER_TIME.search(before) or _DAY_OWN.match(m.string, m.end()))


_DATE_USE = re.compile(rf"({alt(_D['weekday_verbs'])})\s+$")
_AFTER_TIME = re.compile(rf"(?:{alt(_D['weekday_after_time'], escape=False)}),?\s+$")
_DAY_OWN = re.compile(alt(_D["weekday_before"], escape=False))


def _numeric(m: re.Match[str]) -> Figure | None:
    """'11/30/2021', '30.11.2021': the order is certain only when one side cannot be a month, or when
    the date is written with full stops (day first: US usage writes slashes); when both can and slashes
    join them, an English article does not say (US or British usage), and the date is left unresolved."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 and b > 12:
        return None
    if m["sep"] == ".":
        day = normalise(m.group(0), ENGLISH_CODE, "DMY") if b <= 12 else None
        return _fig(m, "exact", day, day) if day else None
    if a <= 12 and b <= 12 and a != b:
        return Figure(m.start(), m.end(), "date", None, None, "vague", time_hint="numeric date: day-month order unknown")
    day = normalise(m.group(0), ENGLISH_CODE, "DMY" if a > 12 else "MDY")
    return _fig(m, "exact", day, day) if day else None


ENGLISH_CODE = "en"


def _fig(m: re.Match[str], approx: Approx, lo: dt.date, hi: dt.date) -> Figure:
    return Figure(m.start(), m.end(), "date", lo, hi, approx)


def _days(y: int, mo: int, d: int) -> tuple[dt.date, dt.date]:
    day = dt.date(y, mo, d)
    return day, day


def month_range(y: int, mo: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])


def season_range(y: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASONS[season]
    if first > last:  # winter runs from December of y into the next year
        return dt.date(y, first, 1), month_range(y + 1, last)[1]
    return dt.date(y, first, 1), month_range(y, last)[1]


def resolve(name: str, g: dict[str, str | None], today: dt.date) -> tuple[dt.date, dt.date]:
    """A relative date (pattern `name`, its groups) as days, seen from `today`."""
    rel = (g.get("rel") or g.get("prep") or "").lower()
    if name == "rel_dom":  # a day of this (next, last) month; unnamed, of the month the tense points to
        shift = _STEPS.get(rel, 0)
        n = int(str(g["dom"]))
        if not rel:
            shift = 1 if g.get("future") and n < today.day else -1 if not g.get("future") and n > today.day else 0
        y, mo = divmod(today.year * 12 + today.month - 1 + shift, 12)
        day = dt.date(y, mo + 1, n)
        return day, day
    if name == "rel_the_season":  # "in the autumn": the coming one in the future tense, else the latest begun
        season = str(g["season"]).lower()
        spans = [season_range(y, season) for y in range(today.year - 2, today.year + 2)]
        if g.get("future"):
            return next(r for r in spans if r[1] >= today)
        return [r for r in spans if r[0] <= today][-1]
    if name == "rel_day":
        shift = _D["days"][str(g["word"]).lower()]
        day = today + dt.timedelta(days=shift)
        return day, day
    if name == "rel_ago":
        written = str(g["n"]).lower()
        n = int(written) if written.isdigit() else _WORD_N.get(written) or int(parse_words(written) or 0)
        unit = str(g["unit"]).lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        day = today - dt.timedelta(days=days)
        slack = dt.timedelta(days={"day": 0, "week": 3, "month": 15, "year": 182}[unit])
        return day - slack, min(today, day + slack)
    if name == "rel_monthyear":
        return month_range(today.year + _STEPS[rel], MONTHS[str(g["month"]).lower()])
    if name == "rel_period":  # the latest such part of a year begun by the article's date; a coming one in the future tense
        n, size = _D["period_ordinals"][str(g["pord"]).lower()], _D["periods"][str(g["period"]).lower()]
        first = (n - 1) * size + 1
        y = (
            today.year
            - (dt.date(today.year, first, 1) > today)
            + bool(g.get("future") and month_range(today.year, n * size)[1] < today)
        )
        return dt.date(y, first, 1), month_range(y, n * size)[1]
    if name == "rel_earlier":
        lo, hi = _span(_span_of(g), today, 0)
        return (lo, today) if str(g["when"]).lower() in _R["earlier"] else (today, hi)
    if name == "dayless":
        mo = MONTHS[str(g["month"]).lower()]
        day = dt.date(today.year, mo, int(str(g["day"])))
        if g.get("future") and day < today:  # "opens on July 14" in a story of August: next year's
            return (d := day.replace(year=today.year + 1)), d
        if not g.get("future") and day > today + dt.timedelta(days=31):
            day = dt.date(today.year - 1, mo, day.day)
        return day, day
    if g.get("weekday"):
        wd = WEEKDAYS[str(g["weekday"]).lower()]
        back = (today.weekday() - wd) % 7
        forward = _STEPS.get(rel) == 1
        if forward or g.get("future") and rel in ("", *_R["weekday_forward"]):
            day = today + dt.timedelta(days=(wd - today.weekday()) % 7 or (7 if forward else 0))
        else:  # "last Friday" on a Friday is a week ago; "on Friday" or "past Friday", today
            day = today - dt.timedelta(days=back if rel not in _R["weekday_week_back"] or back else 7)
        return day, day
    if g.get("month_r"):
        mo = MONTHS[str(g["month_r"]).lower()]
        forward = _STEPS.get(rel) == 1
        if forward or g.get("future") and rel in _R["month_forward"]:
            return month_range(today.year + (mo < today.month or forward and mo == today.month), mo)
        if _STEPS.get(rel, 0) < 0:
            return month_range(today.year - (mo >= today.month), mo)
        return month_range(today.year - (mo > today.month), mo)
    if g.get("season"):
        season = str(g["season"]).lower()
        if _STEPS.get(rel) == 0:
            into_next_year = SEASONS[season][0] > SEASONS[season][1]  # winter: this winter began last December
            year = today.year - (into_next_year and today.month <= 2)
            return season_range(year, season)
        if _STEPS.get(rel) == 1:
            return next(r for y in range(today.year - 1, today.year + 2) if (r := season_range(y, season))[0] > today)
        ended = [r for y in range(today.year - 2, today.year + 1) if (r := season_range(y, season))[1] < today]
        return ended[-1]
    return _span(_span_of(g), today, _STEPS.get(rel, 0))


def _span_of(g: dict[str, str | None]) -> str:
    """The span a relative date names, as the meaning the language file gives its word ("week", "weekend")."""
    word = (g.get("span") or "").lower()
    return _SPANS.get(word, word)


def _span(span: str, today: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    if span in ("week", "weekend"):
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        if span == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if span == "month":
        y, mo = divmod(today.year * 12 + today.month - 1 + offset, 12)
        return month_range(y, mo + 1)
    y = today.year + offset
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


@lru_cache(maxsize=None)
def _year_verb(code: str) -> re.Pattern[str] | None:
    verbs = data(code)["dates"].get("year_verbs")
    return re.compile(rf"\s+(?i:{alt(verbs, longest_first=True)})\b") if verbs else None


def written_year(text: str, s: int, e: int, value: float, code: str = "en") -> Figure | None:
    """A whole number in words of a year's size (YEAR_MIN to YEAR_MAX) before a singular verb ([dates] year_verbs):
    a year, for a count of so many takes a plural verb ("Two thousand and twenty-six was a record year", "Dos mil
    veintiséis fue un año récord"). None when it is not one."""
    verb = _year_verb(code)
    if not (YEAR_MIN <= value <= YEAR_MAX and value == int(value)) or verb is None or not verb.match(text, e):
        return None
    y = int(value)
    return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "exact")


YEAR_MIN, YEAR_MAX = 1000, 2199
