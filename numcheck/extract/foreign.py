"""Figures in languages other than English, read from a language file in numcheck/lang/.

English has quantulum3 and our English patterns; another language is data: its number words,
scale words, vague amounts, hedges, range words, months, weekdays and relative-date words, in
`numcheck/lang/<code>.toml`. This module turns that data into the same Figures English gives,
so attribution, checks and reports do not know which language a figure was written in.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from numcheck.extract import dates, hedges, intervals, patterns
from numcheck.extract.numbers import parse_words
from numcheck.extract.language import ENGLISH, codes, data as language_data
from numcheck.model import Figure

@dataclass(frozen=True)
class Language:
    """One language's data, compiled into the patterns the reader needs."""

    code: str
    data: dict
    number: re.Pattern[str]
    vague: re.Pattern[str]


def available() -> tuple[str, ...]:
    """Language codes that have a file in numcheck/lang/."""
    return tuple(c for c in codes() if c != ENGLISH)


@lru_cache(maxsize=None)
def language(code: str) -> Language | None:
    """The compiled language, or None when numcheck has no file for it."""
    if code not in available():
        return None
    data = language_data(code)
    seps = "".join(re.escape(s) for s in data["thousands"])
    dec = re.escape(data["decimal"])
    words = "|".join(sorted((re.escape(w) for w in data["numbers"]), key=len, reverse=True))
    joiner = data.get("patterns", {}).get("compound")
    if joiner:  # "vingt-trois", "vingt et un", "deux cents"
        words = rf"(?:{words})(?:(?:{joiner}|\s)(?:{words}))*"
    scales = "|".join(sorted((re.escape(w) for w in data["scales"]), key=len, reverse=True))
    digits = rf"\d{{1,3}}(?:[{seps}]\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    number = re.compile(rf"(?<![\w,.])(?P<num>{digits}|(?i:{words}))(?![\w])(?:\s?(?P<scale>(?i:{scales}))\b(?:\s+d['’]|\s+de\s+)?)?")
    vague = re.compile(r"(?i:\b(" + "|".join(sorted((re.escape(w) for w in data["vague"]), key=len, reverse=True)) + r")\b)")
    return Language(code, data, number, vague)


def detect(text: str, default: str = "en") -> str:
    """The language of a text, as a language identifier (lingua) reads it among the languages numcheck
    has a file for: `default` when the text is too short or the identifier is unsure."""
    return identify(text[:5000], default, min_confidence=0.6)


def identify(text: str, default: str, min_confidence: float = 0.95, min_letters: int = 30) -> str:
    """The language of a short text (a paragraph) among the languages with a file in numcheck/lang/,
    or `default` unless the identifier is at least `min_confidence` sure of another."""
    if sum(c.isalpha() for c in text[:400]) < min_letters:
        return default
    return _identified(text, default, min_confidence)


@lru_cache(maxsize=4096)
def _identified(text: str, default: str, min_confidence: float) -> str:
    detector, names = _identifier()
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value < min_confidence:
        return default
    return names.get(values[0].language, default)


@lru_cache(maxsize=1)
def _identifier() -> tuple[object, dict]:
    """lingua's detector for the languages numcheck reads, in its low-accuracy mode (trigrams only:
    loads in 0.1 s instead of 2 s, and as sure on a sentence or a paragraph, which is all it is asked)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder  # lazy: a compiled model, loaded on first use

    languages = {}
    for code in codes():
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            languages[Language.from_iso_code_639_1(iso)] = code
    detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
    return detector, languages


def figures(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> list[Figure]:
    """Every figure in text[start:end] in `lang`, in text order, spans never overlapping."""
    masks = list(patterns.non_claims(text, start, end))
    found: list[Figure] = []
    for finder in (_dates, _times, _vague, _ranges, _ordinals, _numbers):
        for fig in finder(text, start, end, today, lang):
            if not any(fig.start < e and s < fig.end for s, e in masks + [(f.start, f.end) for f in found]):
                found.append(fig)
    return sorted((_hedged(text, start, f, lang) for f in found), key=lambda f: f.start)


def _value(m: re.Match[str], lang: Language) -> float | None:
    num = m.group("num")
    if num[0].isdigit():
        cleaned = num
        for sep in lang.data["thousands"]:
            cleaned = cleaned.replace(sep, "")
        base = float(cleaned.replace(lang.data["decimal"], "."))
    else:
        base = parse_words(num, lang.code)
        if base is None:
            return None
    scale = m.group("scale")
    return base * float(lang.data["scales"][scale.lower()]) if scale else base


def _numbers(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    for m in lang.number.finditer(text, start, end):
        value = _value(m, lang)
        if value is None:
            continue
        after = re.match(r"\s*(%|pour[ -]?cent|[a-zéèêû€$£]+(?:\s+suisses)?)", text[m.end() : min(end, m.end() + 24)], re.I)
        unit_word = after.group(1).lower() if after else ""
        units = lang.data["units"]
        has_unit = bool(after) and (unit_word in units or unit_word.startswith(("%", "pour")))
        fig_end = m.end() + after.end() if has_unit and after else m.end("scale" if m.group("scale") else "num")
        before = text[max(start, m.start() - 2) : m.start()]
        if unit_word.startswith(("%", "pour")):
            kind, unit = "percent", "%"
        elif unit_word in units:
            kind, unit = units[unit_word]
        elif before.strip() in ("€", "$", "£"):
            kind, unit = units[before.strip()]
        else:
            kind, unit = "count", None
        num = m.group("num")
        if num.lower() in lang.data["articles"] and not m.group("scale"):
            continue  # "une visite": an article, not a figure
        decs = len(num.split(lang.data["decimal"])[1]) if lang.data["decimal"] in num and num[0].isdigit() else 0
        scale = float(lang.data["scales"][m.group("scale").lower()]) if m.group("scale") else 1.0
        slack = intervals.rounding(value / scale, decs) * scale if num[0].isdigit() else 0.0
        if kind in ("quantity", "duration", "percent"):
            slack = max(slack, 0.5 * 10.0 ** -decs * scale)
        hint = "age" if kind == "duration" and re.match(r"\s*ans\b", text[m.end() : m.end() + 6]) and re.search(r"\bâgée?s?\s+de\s*$", text[max(start, m.start() - 12) : m.start()]) else None
        yield Figure(m.start(), fig_end, kind, value - slack, value + slack, "exact", value, unit, hint)  # type: ignore[arg-type]


def _times(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    rx = lang.data.get("patterns", {}).get("time")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        minutes = float(int(m["h"]) * 60 + int(m["m"] or 0))
        yield Figure(start + m.start(), start + m.end(), "time", minutes, minutes, "exact", minutes, "minute of day")


def _ordinals(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    words = lang.data.get("ordinals", {})
    for m in re.finditer(r"(?i:\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b)", text[start:end]) if words else ():
        n = float(words[m.group(1).lower()])
        yield Figure(start + m.start(), start + m.end(), "ordinal", n, n, "exact", n)
    rx = lang.data.get("patterns", {}).get("ordinal")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        n = float(m["n"])
        yield Figure(start + m.start(), start + m.end(), "ordinal", n, n, "exact", n)


def _vague(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    for m in lang.vague.finditer(text, start, end):
        low, high, approx = lang.data["vague"][m.group(1).lower()]
        value = (low + high) / 2 if approx == "about" else None
        yield Figure(m.start(), m.end(), "count", float(low), float(high), approx, value)


def _ranges(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    r = lang.data["ranges"]
    alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731
    for first in lang.number.finditer(text, start, end):  # "deux ou trois"
        sep = re.match(rf"\s+(?:{alt(r['or'])})\s+", text[first.end() : end])
        second = lang.number.match(text, first.end() + sep.end(), end) if sep else None
        if second:
            a, b = _value(first, lang), _value(second, lang)
            if a is not None and b is not None and a < b:
                yield Figure(first.start(), second.end(), "count", a, b, "range")
    for m in re.finditer(rf"(?i:\b(?P<pre>{alt(r['between'])}|{alt(r['from'])})\s*)", text[start:end]):
        s = start + m.end()
        first = lang.number.match(text, s, end)
        if not first:
            continue
        joiner = r["and"] if m.group("pre").lower() in r["between"] else r["to"]
        sep = re.match(rf"\s+(?:{alt(joiner)})\s+", text[first.end() : end])
        if not sep:
            continue
        second = lang.number.match(text, first.end() + sep.end(), end)
        if not second:
            continue
        a, b = _value(first, lang), _value(second, lang)
        if a is None or b is None:
            continue
        if second.group("scale") and not first.group("scale"):
            a *= float(lang.data["scales"][second.group("scale").lower()])
        yield Figure(start + m.start(), second.end(), "count", a, b, "range")


def _dates(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    d = lang.data["dates"]
    months = "|".join(sorted(d["months"], key=len, reverse=True))
    seasons = "|".join(d["seasons"])
    last = "|".join(d["last"])
    absolute = (
        ("day", rf"(?i:\b(?P<day>1er|[0-3]?\d)\s+(?P<month>{months})\s+(?P<year>(?:1[89]|20)\d\d))\b"),
        ("month", rf"(?i:\b(?P<month>{months})\s+(?P<year>(?:1[89]|20)\d\d))\b"),
        ("season", rf"(?i:\b(?:l['’]|le\s+|la\s+)?(?P<season>{seasons})\s+(?:de\s+)?(?P<year>(?:1[89]|20)\d\d))\b"),
        ("year", rf"(?i:\b(?:{'|'.join(re.escape(w) for w in d['year_words'])})\s+(?P<year>(?:1[89]|20)\d\d))\b"),
        ("decade", lang.data.get("patterns", {}).get("decade", r"(?!x)x")),
        ("rel_month", rf"(?i:\b(?:en\s+)?(?P<month>{months})\s+(?:{last}))\b"),
        ("rel_season", rf"(?i:\b(?:l['’]|le\s+|la\s+)?(?P<season>{seasons})\s+(?:{last}))\b"),
        ("rel_phrase", rf"(?i:\b(?P<phrase>{'|'.join(re.escape(w) for k in _PHRASES for w in d.get(k, []))}))"),
        ("rel_weekday", rf"(?i:\b(?:le\s+|ce\s+)?(?P<weekday>{'|'.join(d['weekdays'])}))\b"),
    )
    taken: list[tuple[int, int]] = []
    for name, rx in absolute:
        for m in re.finditer(rx, text[start:end]):
            s, e = start + m.start(), start + m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            fig = _date(name, m, s, e, today, d)
            if fig is not None:
                taken.append((s, e))
                yield fig


def _date(name: str, m: re.Match[str], s: int, e: int, today: dt.date | None, d: dict) -> Figure | None:
    g = m.groupdict()
    try:
        if name == "day":
            day = dt.date(int(g["year"]), d["months"][g["month"].lower()], 1 if g["day"] == "1er" else int(g["day"]))
            return Figure(s, e, "date", day, day, "exact")
        if name == "month":
            lo, hi = dates.month_range(int(g["year"]), d["months"][g["month"].lower()])
            return Figure(s, e, "date", lo, hi, "range")
        if name == "season":
            lo, hi = dates.season_range(int(g["year"]), _season(g["season"], d))
            return Figure(s, e, "date", lo, hi, "range")
        if name == "year":
            y = int(g["year"])
            return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "range")
        if name == "decade":
            y = int(g["decade"])
            return Figure(s, e, "date", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "range")
    except (ValueError, KeyError):
        return None
    if today is None:
        recent = name == "rel_weekday" or name == "rel_phrase" and not any(
            g["phrase"].lower() in d.get(k, []) for k in ("last_year", "last_month"))
        return dates.unresolved(s, e, recent)
    try:
        lo, hi = _relative(name, g, today, d)
    except (ValueError, OverflowError):  # seen from an article dated near year 1 or 9999: no such day
        return None
    return Figure(s, e, "date", lo, hi, "exact" if lo == hi else "range")


def _relative(name: str, g: dict, today: dt.date, d: dict) -> tuple[dt.date, dt.date]:
    if name == "rel_month":
        mo = d["months"][g["month"].lower()]
        return dates.month_range(today.year - (mo >= today.month), mo)
    if name == "rel_season":
        season = _season(g["season"], d)
        return [r for y in range(today.year - 2, today.year + 1) if (r := dates.season_range(y, season))[1] < today][-1]
    if name == "rel_weekday":
        day = today - dt.timedelta(days=(today.weekday() - d["weekdays"][g["weekday"].lower()]) % 7)
        return day, day
    phrase = g["phrase"].lower()
    key = next(k for k in _PHRASES if phrase in d.get(k, []))
    return dates.resolve(*_PHRASES[key], today)


# a relative phrase of the language file, as the English relative date it means
_PHRASES: dict[str, tuple[str, dict[str, str | None]]] = {
    "this_week": ("rel_earlier", {"when": "earlier", "span": "week"}),
    "last_week": ("rel_named", {"rel": "last", "span": "week"}),
    "last_month": ("rel_named", {"rel": "last", "span": "month"}),
    "last_year": ("rel_named", {"rel": "last", "span": "year"}),
    "yesterday": ("rel_day", {"word": "yesterday"}),
    "today": ("rel_day", {"word": "today"}),
}


def _season(word: str, d: dict) -> str:
    first, _ = d["seasons"][word.lower()]
    return {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[first]


def _hedged(text: str, start: int, fig: Figure, lang: Language) -> Figure:
    return hedges.hedged(text, start, len(text), fig, lang.code)
