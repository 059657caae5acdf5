"""Dates in a language other than English, read from its language file's [dates] table.

Each pattern of the table is tried, most specific first; a date is resolved as English's is
(numcheck/extract/dates.py): absolute at its grain, relative against the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from numcheck.extract import dates
from numcheck.extract.langfile import Language, language
from numcheck.extract.language import EN, alt, data as language_data
from numcheck.extract.numbers import parse_words
from numcheck.model import Figure


def date_figures(
    text: str, start: int, end: int, today: dt.date | None, lang: Language, future: bool | None = None
) -> Iterator[Figure]:
    """Every date the language's patterns find in text[start:end], spans never overlapping; `future`:
    whether a relative date is read forward, by default as the sentence's tense says."""
    taken: list[tuple[int, int]] = []
    future = dates.future_tense(text, start, end, lang.code) if future is None else future
    every = lang.data["dates"].get("every")
    recurs = re.compile(rf"(?i:\b(?:{alt(every, longest_first=True)})\s+$)") if every else None
    opens, closes = _weekday_span(lang.code)
    for name, rx in _date_patterns(lang.code):
        for m in rx.finditer(text, start, end):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name == "rel_weekday" and recurs and recurs.search(text, max(start, s - 16), s):
                taken.append((s, e))  # "chaque mercredi": every Wednesday, no one day
                continue
            if (
                name == "rel_weekday"
                and not (m["pre"] or m["rel"])
                and (opens.match(text, e, end) or closes.search(text, max(start, s - 24), s))
            ):
                taken.append((s, e))  # "du lundi au vendredi": the days of a week's schedule, no one day
                continue
            fig = _date(name, m, s, e, today, lang, future)
            if fig is not None:
                taken.append((s, e))
                yield fig


@lru_cache(maxsize=None)
def _weekday_span(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two weekdays joined into the span of a week's schedule ("du lundi au vendredi", "de lunes a
    viernes") by a range's 'to' word or the days' ("au", "al"): what follows the first, what precedes the second."""
    d, r = language_data(code)["dates"], language_data(code)["ranges"]
    to = alt([*r.get("to", ()), *d.get("days_to", ())], longest_first=True) or r"(?!x)x"
    days = alt(d["weekdays"], longest_first=True)
    return re.compile(rf"(?i:\s+(?:{to})\s+(?:{days})\b)"), re.compile(rf"(?i:\b(?:{days})\s+(?:{to})\s+$)")


@lru_cache(maxsize=None)
def _date_patterns(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The language's date patterns, most specific first, built from its [dates] table."""
    d = language_data(code)["dates"]
    w = lambda key: alt(d.get(key, ()), longest_first=True) or r"(?!x)x"  # noqa: E731
    months, seasons, year = w("months"), w("seasons"), rf"(?P<year>{dates.YEAR_DIGITS})"
    of = rf"(?:\s+(?:{w('of')}))?"
    day = rf"(?P<day>{w('first')}|[0-3]?\d)(?:{w('day_suffixes')})?"  # "1er", "1.º"
    ordinals = alt(language_data(code).get("ordinals", {}), longest_first=True) or r"(?!x)x"
    lang = language(code)
    assert lang is not None, f"numcheck has no language file for {code!r}"
    number = lang.number_word
    r = language_data(code)["ranges"]
    # an article, before a day ("entre el 1 y el 15"), a decade ("a finales de los ochenta") or a season ("l'été 2019")
    the_day, the_decade, the_season = (
        _articles(d.get(key, ())) for key in ("day_articles", "decade_articles", "season_articles")
    )
    units = alt([u for u, (kind, _) in language_data(code)["units"].items() if kind == "duration"], longest_first=True)
    rel_words = [w for k in _PHRASES for w in d.get(k, ())]
    not_ago = "".join(rf"(?<!\b{re.escape(a)}\s)" for a in d.get("ago_not_after", ()))  # "desde hace 30 años"
    not_after = "".join(rf"(?<!\b{re.escape(a)}\s)" for a in d.get("rel_not_after", ()))  # "por la mañana": the morning
    patterns = (
        ("numeric", rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[01]?\d)(?P=sep)(?P<y>{dates.YEAR_DIGITS})\b"),
        (
            "day_range",
            rf"(?i:\b(?:{w('between_days')})\s+(?:{the_day})?(?P<d1>[0-3]?\d)\s+(?:{alt(r['and'])}|{alt(r['to'])}|{w('days_to')})"
            rf"\s+(?:{the_day})?(?P<d2>[0-3]?\d){of}\s+(?P<month>{months})(?:{of}\s+{year})?)\b",
        ),
        ("day", rf"(?i:\b{day}{of}\s+(?P<month>{months}){of}\s+{year})\b"),
        ("dayless", rf"(?i:\b{day}{of}\s+(?P<month>{months})(?:\s+(?P<rel>{w('next')}|{w('last')}))?)\b"),
        ("period", rf"(?i:\b(?P<ord>{ordinals})\s+(?P<period>{w('periods')}){of}\s+{year})\b"),
        ("fiscal", rf"(?i:\b(?:{w('fiscal')})\s+{year})\b"),
        (
            "vague_part",
            rf"(?i:\b(?:{w('vague_parts')})[\s-]+(?:{the_decade}(?:(?:{w('decade_words')})\s+)?|(?:{w('decade_words')})\s+)?"
            rf"(?:{year}|(?P<dw>{w('decades')})|(?P<month>{months})(?:{of}\s+(?:{dates.YEAR_DIGITS}))?))\b",
        ),
        (
            "month_span",
            rf"(?i:\b(?:{alt(r['between'])}|{alt(r['from'])})(?:\s+|(?<=['’]))(?P<month>{months})\s+(?:{alt(r['and'])}|{alt(r['to'])})"
            rf"\s+(?P<month2>{months})(?:{of}\s+{year})?)\b",
        ),  # "entre julio y septiembre", "d'avril à juin 2024": the months between, as written
        ("month", rf"(?i:\b(?P<month>{months}){of}\s+{year})\b"),
        ("season", rf"(?i:\b(?:{the_season})?(?P<season>{seasons}){of}\s+{year})\b"),
        (
            "years",
            rf"(?i:\b(?:{alt(r['between'])}|{alt(r['from'])})\s+{year}\s+(?:{alt(r['and'])}|{alt(r['to'])})"
            rf"\s+(?P<year2>{dates.YEAR_DIGITS}))\b",
        ),
        ("decade", language_data(code).get("patterns", {}).get("decade", r"(?!x)x")),
        ("decade_words", rf"(?i:\b(?:{w('decade_words')})\s+(?P<dw>{w('decades')}))\b"),
        (
            "decade_digits",
            rf"(?i:\b(?:{w('decade_words')})\s+(?:(?P<dd>[1-9]0)|(?P<decade>(?:1[5-9]|20)\d0)))\b(?!\s*%)",
        ),  # "los años 70", "les années 60"
        ("year", rf"(?i:\b(?:{w('year_words')})\s+{year})\b"),  # after the decades: "la década de 1960" is one
        (
            "period_alone",
            rf"(?i:\b(?P<ord>{ordinals})\s+(?P<period>{w('periods')}))\b(?!{of}\s+\d)",
        ),  # "au troisième trimestre": this year's
        ("day_alone", d.get("day_alone", r"(?!x)x")),  # "le 14", "el día 14": a day of the article's month
        (
            "century",
            rf"\b(?P<roman>[IVXL]+)(?:{w('century_suffixes')})?\s+(?:{w('century')})\b"
            rf"|(?i:\b(?:{w('century')})\s+(?P<roman2>[IVXL]+))\b",
        ),
        ("ago", rf"(?i:{not_ago}\b(?:{w('ago')})\s+(?P<n>{number})\s+(?P<unit>{units}))\b"),
        (  # "enero próximo", "el próximo enero"
            "rel_month",
            rf"(?i:\b(?:(?:{w('month_words')})\s+)?(?:(?P<pre>{w('next_before')}|{w('last_before')})\s+)?(?P<month>{months})"
            rf"(?(pre)|\s+(?P<rel>{w('last')}|{w('next')})))\b",
        ),
        (
            "rel_season",
            rf"(?i:\b(?:{the_season})?(?P<season>{seasons})\s+(?P<rel>{w('last')}|{w('next')}))\b",
        ),
        ("this_season", rf"(?i:\b(?:{w('this')})\s+(?P<season>{seasons}))\b"),
        ("rel_phrase", rf"(?i:{not_after}\b(?P<phrase>{alt(rel_words, longest_first=True) or '(?!x)x'}))(?!\w)"),
        (
            "rel_weekday",
            rf"(?i:\b(?:(?P<pre>{w('next_before')}|{w('last_before')})\s+)?(?P<weekday>{w('weekdays')})"
            rf"(?:\s+(?P<rel>{w('last')}|{w('next')}))?)\b",
        ),
        ("month_alone", rf"(?i:\b(?:{w('month_words')})\s+(?P<month>{months}))\b(?!\s+\d)"),
    )
    return tuple((name, re.compile(rx)) for name, rx in patterns)


def _date(name: str, m: re.Match[str], s: int, e: int, today: dt.date | None, lang: Language, future: bool) -> Figure | None:
    g, d = m.groupdict(), lang.data["dates"]
    month = d["months"].get((g.get("month") or "").lower())
    try:
        if name == "numeric":  # day first in a language whose file says so: dateparser reads the span
            day = dates.normalise(m.group(0), lang.code, lang.data.get("date_order", "DMY"))
            return Figure(s, e, "date", day, day, "exact") if day else None
        if name == "day":
            day = dt.date(int(g["year"]), month, 1 if g["day"] in d.get("first", ()) else int(g["day"]))
            return Figure(s, e, "date", day, day, "exact")
        if name == "day_range":
            y = int(g["year"]) if g.get("year") else (today.year if today else None)
            if y is None:
                return dates.unresolved(s, e, recent=False)
            lo, hi = dt.date(y, month, int(g["d1"])), dt.date(y, month, int(g["d2"]))
            if not g.get("year") and today and future and hi < today:
                lo, hi = lo.replace(year=y + 1), hi.replace(year=y + 1)
            return Figure(s, e, "date", lo, hi, "range")
        if name == "period":
            n, size = int(lang.data["ordinals"][g["ord"].lower()]), int(d["periods"][g["period"].lower()])
            first = (n - 1) * size + 1
            if n < 1 or first + size - 1 > 12:
                return None
            return Figure(
                s, e, "date", dt.date(int(g["year"]), first, 1), dates.month_range(int(g["year"]), first + size - 1)[1], "exact"
            )
        if name == "fiscal":  # a fiscal year's months differ by company and country: the year is the grain
            return Figure(s, e, "date", None, None, "vague", time_hint="fiscal year: its months are not said")
        if name == "vague_part":
            return Figure(s, e, "date", None, None, "vague", time_hint="part of a year or decade: its grain is a judgement")
        if name == "month":
            lo, hi = dates.month_range(int(g["year"]), month)
            return Figure(s, e, "date", lo, hi, "exact")
        if name == "month_span":
            return dates.month_span(s, e, month, d["months"][g["month2"].lower()], g.get("year"), today, future)
        if name == "season":
            lo, hi = dates.season_range(int(g["year"]), _season(g["season"], d))
            return Figure(s, e, "date", lo, hi, "exact")
        if name in ("year",):
            y = int(g["year"])
            return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "exact")
        if name == "years":
            return Figure(s, e, "date", dt.date(int(g["year"]), 1, 1), dt.date(int(g["year2"]), 12, 31), "range")
        if name == "decade_digits":
            y = int(g["decade"]) if g.get("decade") else 1900 + int(g["dd"])
            return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "exact")
        if name in ("decade", "decade_words"):
            y = int(g["decade"]) if name == "decade" else int(d["decades"][g["dw"].lower()])
            return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "exact")
        if name == "century":
            n = _roman(g.get("roman") or g.get("roman2") or "")
            return dates.century(s, e, n) if 0 < n <= 22 else None
    except (ValueError, KeyError, TypeError):
        return None
    if name == "ago":  # "il y a trois jours": resolved as English's "three days ago" is
        unit = lang.data["units"].get(next((k for k in lang.data["units"] if k.lower() == g["unit"].lower()), ""), [None, None])[
            1
        ]
        n = float(g["n"]) if g["n"][0].isdigit() else parse_words(g["n"], lang.code)
        if today is None or unit not in ("day", "week", "month", "year") or n is None or n != int(n):
            return Figure(s, e, "date", None, None, "about", time_hint="relative date: its grain is a judgement")
        try:
            lo, hi = dates.resolve("rel_ago", {"n": str(int(n)), "unit": unit}, today)
        except (ValueError, OverflowError):
            return None
        return Figure(s, e, "date", lo, hi, "exact" if lo == hi else "about")
    if today is None:
        recent = (
            name == "rel_weekday"
            or name == "rel_phrase"
            and not any(
                g["phrase"].lower() in d.get(k, []) for k in ("last_year", "last_month", "next_year", "next_month", "this_year")
            )
        )
        return dates.unresolved(s, e, recent)
    if name == "period_alone":
        g = {**g, "n": lang.data["ordinals"].get(g["ord"].lower(), 0)}
    try:
        lo, hi = _relative(name, g, today, d, future)
    except (ValueError, OverflowError, KeyError, StopIteration):  # seen from an article dated near year 1 or 9999: no such day
        return None
    return Figure(s, e, "date", lo, hi, "exact")  # a day, week, month or year as named: exact at its grain


def _roman(numeral: str) -> int:
    """A Roman numeral's value ('XXI' is 21); 0 for anything else."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    digits = [values.get(c, 0) for c in numeral.upper()]
    if not digits or 0 in digits:
        return 0
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))


def _relative(name: str, g: dict, today: dt.date, d: dict, future: bool) -> tuple[dt.date, dt.date]:
    rel = (g.get("rel") or g.get("pre") or "").lower()
    forward = (
        rel in d.get("next", ())
        or rel in d.get("next_before", ())
        or (future and rel not in d.get("last", ()) and rel not in d.get("last_before", ()))
    )
    if name in ("rel_month", "month_alone"):
        mo = d["months"][g["month"].lower()]
        if name == "month_alone" and not future:  # "en février" in a story of March: this year's, the latest
            return dates.month_range(today.year - (mo > today.month), mo)
        if forward:
            return dates.month_range(today.year + (mo < today.month or mo == today.month and rel != ""), mo)
        return dates.month_range(today.year - (mo >= today.month), mo)
    if name == "period_alone":  # the latest such part of a year begun by the article's date; a coming one in the future tense
        n, size = int(g["n"]), int(d["periods"][g["period"].lower()])
        first = (n - 1) * size + 1
        if n < 1 or first + size - 1 > 12:
            raise ValueError(g["ord"])
        y = (
            today.year
            - (dt.date(today.year, first, 1) > today)
            + (future and dates.month_range(today.year, first + size - 1)[1] < today)
        )
        return dt.date(y, first, 1), dates.month_range(y, first + size - 1)[1]
    if name == "day_alone":  # a day of the article's month: of the next month when it is to come and already past
        dom = g.get("dom") or g["dom2"]
        day_n = 1 if dom.lower() in (f.lower() for f in d.get("first", ())) else int(dom)
        y, mo = today.year, today.month
        if future and day_n < today.day:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        elif not future and day_n > today.day:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        day = dt.date(y, mo, day_n)
        return day, day
    if name == "dayless":
        mo = d["months"][g["month"].lower()]
        day = dt.date(today.year, mo, 1 if g["day"] in d.get("first", ()) else int(g["day"]))
        if forward and day < today:
            day = day.replace(year=today.year + 1)
        elif not forward and day > today + dt.timedelta(days=31):
            day = day.replace(year=today.year - 1)
        return day, day
    if name in ("rel_season", "this_season"):
        season = _season(g["season"], d)
        if name == "this_season":
            return dates.resolve("rel_named", {"rel": "this", "season": season}, today)
        if forward:
            return next(r for y in range(today.year - 1, today.year + 2) if (r := dates.season_range(y, season))[0] > today)
        return [r for y in range(today.year - 2, today.year + 1) if (r := dates.season_range(y, season))[1] < today][-1]
    if name == "rel_weekday":
        wd = d["weekdays"][g["weekday"].lower()]
        if forward:
            day = today + dt.timedelta(days=(wd - today.weekday()) % 7 or (7 if rel else 0))
        else:
            day = today - dt.timedelta(days=(today.weekday() - wd) % 7 or (7 if rel else 0))
        return day, day
    phrase = " ".join(g["phrase"].lower().split())
    key = next(k for k in _PHRASES if phrase in d.get(k, []))
    return dates.resolve(*_PHRASES[key], today)


_DAY_BY_SHIFT = {shift: word for word, shift in EN["dates"]["days"].items()}  # -2: "the day before yesterday"

# a relative phrase of the language file, as the English relative date it means
_PHRASES: dict[str, tuple[str, dict[str, str | None]]] = {
    "this_week": ("rel_earlier", {"when": "earlier", "span": "week"}),
    "last_week": ("rel_named", {"rel": "last", "span": "week"}),
    "last_month": ("rel_named", {"rel": "last", "span": "month"}),
    "last_year": ("rel_named", {"rel": "last", "span": "year"}),
    "yesterday": ("rel_day", {"word": "yesterday"}),
    "today": ("rel_day", {"word": "today"}),
    "tomorrow": ("rel_day", {"word": "tomorrow"}),
    "day_before_yesterday": ("rel_day", {"word": _DAY_BY_SHIFT[-2]}),
    "day_after_tomorrow": ("rel_day", {"word": _DAY_BY_SHIFT[2]}),
    "next_week": ("rel_named", {"rel": "next", "span": "week"}),
    "this_weekend": ("rel_named", {"rel": "this", "span": "weekend"}),
    "last_weekend": ("rel_named", {"rel": "last", "span": "weekend"}),
    "next_weekend": ("rel_named", {"rel": "next", "span": "weekend"}),
    "this_month": ("rel_named", {"rel": "this", "span": "month"}),
    "next_month": ("rel_named", {"rel": "next", "span": "month"}),
    "this_year": ("rel_named", {"rel": "this", "span": "year"}),
    "next_year": ("rel_named", {"rel": "next", "span": "year"}),
}


def _season(word: str, d: dict) -> str:
    first, _ = d["seasons"][word.lower()]
    return {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[first]


def _articles(words: list[str]) -> str:
    """Articles as a regex that takes the space after each, or none after an elided one ("l'été")."""
    return alt((w if w.endswith(("'", "’")) else w + " " for w in words)).replace(r"\ ", r"\s+") or r"(?!x)x"
