"""Figures of time that are not dates: times of day, a game's clock, ages and durations.

"7:30 p.m." is a time of day; "the 2:15 mark" and "two hours and 38 minutes" are time elapsed;
"a 32-year-old" and "Alvarado, 25," are ages. Like patterns.py, each finder scans text[start:end]
and yields figures whose spans mask the text the quantity parser sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from functools import lru_cache

from numcheck.extract.language import EN, ENGLISH as EN_CODE, GRAMMAR, ROLES, alt, data
from numcheck.model import Approx, Figure
from numcheck.extract.numbers import WORD_NUMBER, parse_number
from numcheck.extract.nonclaims import MONTHS_AND_DAYS, NAMEWORD, NOT_NAMES

_C = EN["clock"]
_WORDED_PARTS = [k for k, half in _C["day_parts"].items() if k.replace(".", "") != half]  # "tonight", not "p.m."
_TIME = re.compile(
    # "11pm." ends a sentence; "11 p.m." keeps its stop
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>[ap])(?:\.m\b\.?|m\b)"
    rf"|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?:\s?(?:{alt(_C['time_after'])}))?\b"
    rf"|\b(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s?(?:{alt(_C['time_after_digits'])})\b"
    rf"|\b(?P<word>{alt(_C['noon'] + _C['midnight'])})\b"
    # "at 9.30 tonight", "by 7.15 in the morning": a twelve-hour clock with its half of the day in words
    # (the words left to the date they may name: "tonight" is today)
    rf"|(?i:\b(?:{alt(_C['time_before'])})\s)(?P<h4>1[0-2]|0?[1-9])[:.](?P<m4>[0-5]\d)"
    rf"(?=\s(?P<part>{alt(_WORDED_PARTS, longest_first=True)})(?!\w))"
)
# "at the 2:15 mark", "2:15 of the seventh round", "1:30 into the second half": m:ss elapsed
_ELAPSED = re.compile(
    rf"\b(?P<m>\d{{1,2}}):(?P<s>[0-5]\d)(?=\s+(?:{_C['elapsed_mark']}\b|(?:{alt(_C['elapsed_of'])})\s+(?:{GRAMMAR['the']}\s+)?(?:\w+\s+)?"
    rf"(?:{alt(_C['periods'])})\b))"
)
_AGE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{WORD_NUMBER})[- ](?P<unit>{alt(_C['age_units'])})s?[- ]{_C['old']}\b"
    # "seven suspects, aged 24 to 58": no one's age
    rf"|\b{_C['aged']}\s+(?P<r1>\d{{1,3}})\s+(?:{alt(_C['aged_range'], escape=False)})\s+(?P<r2>\d{{1,3}})\b"
    rf"|\b{_C['aged']}\s+{_C['aged_between']}\s+(?P<r3>\d{{1,3}})\s+{GRAMMAR['and']}\s+(?P<r4>\d{{1,3}})\b"
    rf"|\b{_C['aged']}\s+(?P<n2>\d{{1,3}})\b|\b{_C['at_the_age_of']} (?P<n3>\d{{1,3}})\b"
    rf"|(?<![\w'’-])(?-i:(?P<name>{NAMEWORD})), (?P<n5>\d{{1,3}})(?=,\s)"  # "Alvarado, 25," (a name before a role)
    rf"|\b(?P<role>[A-Za-z-]{{3,}}), (?P<n4>\d{{1,3}})(?=,)"  # a role (_AGED_ROLES): "the driver, 58,"
    rf"|(?<=[a-zß-öø-ÿ'’] )\((?P<n6>\d{{1,2}})\)",  # "Meseret Alemu (31)"
    re.I,
)
_AGED_ROLES = frozenset(
    w.lower() for w in (*ROLES["aged"], *ROLES["unique"])
)  # a word in a set: a fraction of an alternation's time
_AGED_LIST = re.compile(rf"\s+(?:{alt(_C['aged_list'])})\s+(?P<n>\d{{1,3}})\b(?!\s*(?:%|{alt(_C['duration_units'])}))")
_HOURS_MINUTES = re.compile(
    rf"\b(?:(?P<h>\d{{1,2}}|{WORD_NUMBER})\s?(?:{alt(_C['hours'], escape=False)})\b,?\s*(?:{_C['and']}\s+)?)?"
    rf"(?P<m>\d{{1,2}}|{WORD_NUMBER})\s?(?:{alt(_C['minutes'], escape=False)})\b"
    rf"(?:,?\s*(?:{_C['and']}\s+)?(?P<s>\d{{1,2}}|{WORD_NUMBER})\s?(?:{alt(_C['seconds'], escape=False)})\b)?",
    re.I,
)
# "A decade of spending cuts has...": a single unit of time opening a sentence, of what filled it
_DURATION_OPENING = re.compile(
    rf"(?P<n>{GRAMMAR['a']}|{EN['numbers']['one']})\s+(?P<unit>{alt(_C['duration_units'])})\s+{GRAMMAR['of']}\s+(?=[a-z])", re.I
)
_RACE_TIME = re.compile(r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])")
_DURATION = re.compile(
    rf"\b(?:(?P<hedge>{alt(_C['duration_hedges'])})|{alt(_C['duration_before'])})\s+"
    rf"(?P<n>{GRAMMAR['a']}|{EN['numbers']['one']})\s+(?P<unit>{alt(_C['duration_units'])})\b"
    rf"(?(hedge)|(?!\s+(?:{alt(_C['not_duration_after'])})))",
    re.I,
)
# "a week later", "A fortnight after the vote": a single unit of time between two moments, as "eight days later" is
_DURATION_BETWEEN = re.compile(
    rf"\b(?P<n>{GRAMMAR['a']}|{EN['numbers']['one']})\s+(?P<unit>{alt(_C['duration_units'])})"
    rf"(?=\s+(?:{alt(_C['duration_after'])})(?!\w))",
    re.I,
)
_DATES_A_FIGURE = re.compile(rf"(?:\d%?|\b(?i:{alt(_C['duration_after_not_before'])}))\s+$")
# "Hours later, the motorway reopened", "Weeks before the vote": an unnumbered plural unit between two moments,
# opening its sentence (a number before it is the number's: "Two hours later"): at least two of the unit, vague
_UNITS_BETWEEN = re.compile(rf"(?P<unit>{alt(_C['duration_units'])})s(?=\s+(?:{alt(_C['duration_after'])})(?!\w))", re.I)
# ... or of what filled them ("Months of negotiations produced"), or after a verb of taking ("will take weeks")
_UNITS_OF = re.compile(rf"(?P<unit>{alt(_C['duration_units'])})s(?=\s+{GRAMMAR['of']}\s+[a-z])", re.I)
_UNITS_TAKEN = re.compile(rf"\b(?i:{alt(_C['plural_before'])})\s+(?P<unit>(?i:{alt(_C['duration_units'])}))s\b")
#: a single unit worth several of another: "a fortnight" is two weeks, "a decade" ten years
UNIT_WORTH: dict[str, tuple[float, str]] = {k: (float(v[0]), v[1]) for k, v in _C["unit_worth"].items()}


def times(text: str, start: int, end: int) -> Iterator[Figure]:
    """Times of day, as minutes after midnight: '7:30 p.m.', '17:06 hours', '1336 GMT'. A clock
    reading before 'mark' or 'of the seventh round' is the time elapsed in a game, in seconds."""
    for m in _ELAPSED.finditer(text, start, end):
        secs = int(m["m"]) * 60 + int(m["s"])
        yield Figure(m.start(), m.end(), "duration", secs - 0.5, secs + 0.5, "exact", value=float(secs), unit="second")
    for m in _TIME.finditer(text, start, end):
        if _ELAPSED.match(text, m.start(), end) or _RACE_TIME.match(text, m.start(), end):
            continue  # a game's clock or a race time, read as a duration
        g = m.groupdict()
        if g["word"]:
            minutes = 720 if g["word"].lower() in _C["noon"] else 0
        else:
            h = int(g["h"] or g["h2"] or g["h3"] or g["h4"])
            mins = int(g["m"] or g["m2"] or g["m3"] or g["m4"] or 0)
            half = g["ampm"] or g["part"] and _C["day_parts"][g["part"].lower()][0]
            if half and 0 < h <= 12:  # "17:06 pm" is a 24-hour time with a stray suffix
                h = h % 12 + (12 if half.lower() == "p" else 0)
            minutes = h * 60 + mins
        at = m.start("h4") if g["h4"] else m.start()  # "at" only tells it is a moment
        yield Figure(at, m.end(), "time", float(minutes), float(minutes), "exact", value=float(minutes), unit="minute of day")


_HOUR_WORD = rf"\d{{1,2}}|{WORD_NUMBER}|{alt(_C['noon'] + _C['midnight'])}"
_PART = rf"(?:\s+(?P<part>{alt(_C['day_parts'], longest_first=True)})(?!\w))?"
_OCLOCK = rf"(?P<oclock>\s+(?:{alt(_C['oclock'])}))"
# two patterns, each opening on what it cannot do without (an hour before "o'clock" is looked for only
# where "o'clock" is written): an optional prefix before a number-word alternation is slow on every sentence
_SPOKEN = (
    re.compile(
        rf"\b(?P<mins>{alt(_C['minutes_words'], longest_first=True)})\s+(?:{_C['spoken_minutes']}\s+)?"
        rf"(?P<dir>{alt(_C['past'])}|{alt(_C['to'])})\s+"
        rf"(?P<hour>{_HOUR_WORD})\b{_OCLOCK}?{_PART}",
        re.I,
    ),
    re.compile(rf"\b(?P<mins>)(?P<dir>)(?P<hour>{_HOUR_WORD}){_OCLOCK}{_PART}", re.I),
)
_OCLOCK_CUE = re.compile(rf"{alt(_C['oclock'])}", re.I)


def spoken_times(text: str, start: int, end: int) -> Iterator[Figure]:
    """Times of day in words: 'half past eight in the evening' (20:30), 'a quarter to midnight'
    (23:45), '10 o'clock tonight' (22:00). A phrase is read only when it cannot be a count: a
    quarter or a half past or to the hour, or an hour with 'o'clock'; "five to ten" alone is a range.
    Without a part of the day, a twelve-hour hour is read as written, as '8:30' is."""
    spoken, oclock = _SPOKEN
    found = list(spoken.finditer(text, start, end))
    if _OCLOCK_CUE.search(text, start, end):
        found += [
            m for m in oclock.finditer(text, start, end) if not any(m.start() < f.end() and f.start() < m.end() for f in found)
        ]
    for m in found:
        hour_word = m["hour"].lower()
        past = bool(m["dir"]) and m["dir"].lower() in _C["past"]
        if not (
            m["oclock"]
            or past
            or m["dir"]
            and m["mins"].lower() not in _C["past_only"]
            and (any(w in m["mins"].lower() for w in _C["either_way"]) or hour_word in _C["noon"] + _C["midnight"] or m["part"])
        ):
            continue  # "from five to ten" is a range, "half to" no time of day
        h = 12.0 if hour_word in _C["noon"] else 0.0 if hour_word in _C["midnight"] else parse_number(m["hour"])
        if h is None or not 0 <= h <= 24 or h != int(h):
            continue
        if m["part"] and h < 12 and _C["day_parts"][m["part"].lower()] == "pm":
            h += 12
        minutes = h * 60
        if m["dir"]:
            shift = _C["minutes_words"][m["mins"].lower()]
            minutes += shift if m["dir"].lower() in _C["past"] else -shift
        minutes %= 1440
        yield Figure(
            m.start(),
            m.end("oclock") if m["oclock"] else m.end("hour"),
            "time",
            minutes,
            minutes,
            "exact",
            value=minutes,
            unit="minute of day",
        )


def ages(text: str, start: int, end: int) -> Iterator[Figure]:
    """Ages: 'a 32-year-old', 'the two-year-old war', 'aged 45', 'at the age of 19', 'the driver, 58,',
    'Alvarado, 25,' (a name, a comma, a whole number up to 119, a comma: the news convention)."""
    for m in _AGE.finditer(text, start, end):
        if m["r1"] or m["r3"]:
            lo, hi = float(m["r1"] or m["r3"]), float(m["r2"] or m["r4"])
            yield Figure(m.start(), m.end(), "duration", lo, hi, "range", unit="year", time_hint="age")
            continue
        group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6") if m[g])
        if group == "n4" and m["role"].lower() not in _AGED_ROLES:
            continue  # "in 2019, 45, ..." names no one
        if group == "n6" and not re.search(rf"{NAMEWORD}\s+$", text[max(0, m.start() - 30) : m.start()]):
            continue  # a bracketed number after a name only
        n = parse_number(m[group])
        if group == "n5" and (
            m["name"].lower() in MONTHS_AND_DAYS or m["name"].lower() in NOT_NAMES or n is None or not 1 <= n < 120
        ):
            continue  # "On Monday, 25, ..." is no age
        if n is not None and group == "n2" and (other := _AGED_LIST.match(text, m.end(), end)):
            n2 = float(other["n"])  # "two boys aged 16 and 17": each one's age
            yield Figure(m.start(), m.end(), "duration", n, n, "exact", value=n, unit="year", time_hint="age")
            yield Figure(other.start("n"), other.end(), "duration", n2, n2, "exact", value=n2, unit="year", time_hint="age")
        elif n is not None:
            s, e = (m.start(), m.end()) if group in ("n", "n2") else (m.start(group), m.end(group))
            yield Figure(
                s,
                e,
                "duration",
                n,
                n,
                "exact",
                value=n,
                unit=_C["age_units"][m["unit"].lower()] if m["unit"] else "year",
                time_hint="age",
            )


_BARE_AGE = re.compile(
    rf"\b(?:{alt(_C['age_persons'])})\s+(?:{alt(_C['age_verbs'])})\s+(?P<n>\d{{1,3}})"
    rf"(?=\s*(?:[,.;:)]|$|\s(?:{alt(_C['age_after'])})\b))",
    re.I,
)
# "left school at 15", "died at 80 in hospital": a step of a life, "at" a bare number, nothing counted after (not a
# time of day: "died at 3 in the afternoon"); "at" is looked for first, the step before it then
_EVENT_AGE = re.compile(
    rf"(?<=\s){GRAMMAR['at']}\s+(?P<n>\d{{1,3}})(?=\s*(?:[,.;:)]|$|\s(?:{alt(_C['age_after'])})\b))(?!\s+(?:{alt(_C['day_parts'])})\b)",
    re.I,
)
_EVENT_BEFORE = re.compile(rf"\b(?:{alt(_C['age_events'])})\s+$", re.I)
_DECADE_AGE = re.compile(
    rf"\bin\s+(?:{alt(_C['age_owners'])})\s+(?:(?P<part>{alt(_C['decade_parts'])})[\s-]+)?"
    rf"(?:(?P<d>[1-9]0)s|(?P<w>{alt(_C['decade_words'])}))\b",
    re.I,
)
_AGE_LIMIT = re.compile(
    rf"\b(?:{alt(_C['age_groups'])})\s+(?:{_C['aged']}\s+)?(?P<bound>{alt(_C['age_limits'])})\s+(?P<n>\d{{1,2}}|{WORD_NUMBER})\b(?!\s*%)(?!\s*(?:{alt(_C['duration_units'])})s?\b)",
    re.I,
)


def decade_ages(text: str, start: int, end: int) -> Iterator[Figure]:
    """Ages by decade: 'in her 70s' (70 to 79), 'in his early 30s' (vague: its early third), 'in her forties'."""
    for m in _DECADE_AGE.finditer(text, start, end):
        decade = float(m["d"] or _C["decade_words"][m["w"].lower()])
        if m["part"]:
            lo, hi = _C["decade_parts"][m["part"].lower()]
            yield Figure(m.start("part"), m.end(), "duration", decade + lo, decade + hi, "vague", unit="year", time_hint="age")
        else:
            at = m.start("d") if m["d"] else m.start("w")
            yield Figure(at, m.end(), "duration", decade, decade + 9, "range", unit="year", time_hint="age")


def bare_ages(text: str, start: int, end: int) -> Iterator[Figure]:
    """Ages given bare, only where the sentence leaves no doubt: 'she is 41 now', 'He was 23 when'
    (a person, a verb of being, nothing counted after); 'in her 70s' (70 to 79) and 'in his early
    30s' (vague: its early third); 'children under 12' (an age limit)."""
    events = (
        m for m in _EVENT_AGE.finditer(text, start, end) if _EVENT_BEFORE.search(text, max(start, m.start() - 24), m.start())
    )
    for m in (*_BARE_AGE.finditer(text, start, end), *events):
        n = float(m["n"])
        if 0 < n < 120:
            yield Figure(m.start("n"), m.end("n"), "duration", n, n, "exact", value=n, unit="year", time_hint="age")
    yield from decade_ages(text, start, end)
    for m in _AGE_LIMIT.finditer(text, start, end):
        n = parse_number(m["n"])
        if n is None:
            continue
        approx: Approx
        lo, hi, approx = (0.0, n, "at_most") if _C["age_limits"][m["bound"].lower()] == "at_most" else (n, None, "at_least")
        yield Figure(m.start("bound"), m.end(), "duration", lo, hi, approx, value=n, unit="year", time_hint="age")


# ... and in digits, after any word ("A 40-second clip", "his 30-second advert"): no ordinal is written so
_HYPHEN_UNIT = re.compile(
    rf"(?:\b(?:{GRAMMAR['a']})\s(?P<n>{WORD_NUMBER})|(?<![\w.,])(?P<d>\d{{1,4}}))-(?P<unit>{alt(_C['hyphen_units'])})\b(?!-)",
    re.I,
)


def hour_fractions(text: str, start: int, end: int, code: str = "en") -> Iterator[Figure]:
    """A part of an hour in words, in minutes: 'a quarter of an hour' (15), 'un quart d'heure', 'tres
    cuartos de hora' (45): [clock] hour_fractions of each language file."""
    found = _hour_fractions(code)
    if found is None:
        return
    rx, minutes = found
    for m in rx.finditer(text, start, end):
        n = float(minutes[" ".join(m.group(0).lower().split())])
        yield Figure(m.start(), m.end(), "duration", n, n, "exact", value=n, unit="minute")


@lru_cache(maxsize=None)
def _hour_fractions(code: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    table = data(code).get("clock", {}).get("hour_fractions")
    if not table:
        return None
    words = {k.lower(): v for k, v in table.items()}
    return re.compile(rf"(?i:\b(?:{alt(words, longest_first=True)}))(?![\w-])"), words


def race_times(text: str, start: int, end: int) -> Iterator[Figure]:
    """Hours, minutes and seconds with colons, as a race is timed: 'winning in 2:05:41'."""
    for m in _RACE_TIME.finditer(text, start, end):
        total = int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"])
        yield Figure(m.start(), m.end(), "duration", total - 0.5, total + 0.5, "exact", value=float(total), unit="second")


def durations(text: str, start: int, end: int) -> Iterator[Figure]:
    """Hours and minutes together as one duration: 'two hours and 38 minutes', '2hr 38min' (158
    minutes); minutes and seconds ('3 minutes 40 seconds', 220 seconds); race times; 'a thirty-second
    advert'; a single unit of time with an article (single_units)."""
    for m in _HOURS_MINUTES.finditer(text, start, end):
        if not (m["h"] or m["s"]):
            continue  # minutes alone are read as any number and its unit
        h, mins = parse_number(m["h"]) if m["h"] else 0.0, parse_number(m["m"])
        secs = parse_number(m["s"]) if m["s"] else None
        if h is None or mins is None or mins >= 60 or secs is not None and secs >= 60:
            continue
        total, unit = (h * 60 + mins, "minute") if secs is None else (h * 3600 + mins * 60 + secs, "second")
        yield Figure(m.start(), m.end(), "duration", total - 0.5, total + 0.5, "exact", value=total, unit=unit)
    yield from race_times(text, start, end)
    for m in _HYPHEN_UNIT.finditer(text, start, end):  # "a thirty-second advert": 30 seconds, not the 32nd
        key = "n" if m["n"] else "d"
        n = parse_number(m[key])
        if n is not None:
            slack = max(0.5, min(0.05 * n, 5.0)) if n % 10 == 0 else 0.5
            yield Figure(
                m.start(key),
                m.end(),
                "duration",
                n - slack,
                n + slack,
                "exact",
                value=n,
                unit=_C["hyphen_units"][m["unit"].lower()],
            )
    yield from single_units(text, start, end)


def single_units(text: str, start: int, end: int) -> Iterator[Figure]:
    """A single unit of time with an article, where a word makes it a time elapsed: 'took a decade', 'in an
    hour', 'a week later', 'A decade of spending cuts' ([clock] unit_worth: 'a fortnight' is two weeks)."""
    opening = start + len(text[start:end]) - len(text[start:end].lstrip(" \"“‘'("))
    lowered = text[start:end].lower()
    between = any(w in lowered for w in _C["duration_after"])  # a literal cue first: the pattern is tried at every word
    for m in (
        *_DURATION.finditer(text, start, end),
        *(_DURATION_BETWEEN.finditer(text, start, end) if between else ()),
        *filter(None, [_DURATION_OPENING.match(text, opening, end)]),
    ):
        if m.re is _DURATION_BETWEEN and _DATES_A_FIGURE.search(text, max(start, m.start() - 12), m.start()):
            continue  # "down from 52,300 a year earlier": the figure's time, not a time elapsed
        value, unit = UNIT_WORTH.get(m["unit"].lower(), (1.0, m["unit"].lower()))
        yield Figure(m.start("n"), m.end("unit"), "duration", value, value, "exact", value=value, unit=unit)
    plural = (_UNITS_BETWEEN.match(text, opening, end) if between else None) or _UNITS_OF.match(text, opening, end)
    for m in (*filter(None, [plural]), *_UNITS_TAKEN.finditer(text, start, end)):
        value, unit = UNIT_WORTH.get(m["unit"].lower(), (1.0, m["unit"].lower()))
        yield Figure(m.start("unit"), m.end(), "duration", 2 * value, None, "vague", unit=unit)


def unit_and_part(text: str, start: int, end: int, code: str = "en") -> Iterator[Figure]:
    """One unit of time and a part of it, in that unit: 'an hour and a half' (1.5 hours), 'a day and a
    quarter', 'año y medio', 'un an et demi' ([clock] unit_parts of each language file), rounded as the
    decimal it is (1.5 to 1.45-1.55). After a number the half is the number's ("dos años y medio"); after a
    word that makes it a moment ([clock] moment_before: "à une heure et demie") an hour and a part is a time of day."""
    found = _unit_and_part(code)
    if found is None:
        return
    rx, parts, units, not_before = found
    lowered = text[start:end].lower()
    if not any(p.split()[-1] in lowered for p in parts):  # a literal cue first: "half", "demi", "medio"
        return
    for m in rx.finditer(text, start, end):
        before = not_before.search(text, max(start, m.start() - 40), m.start())
        if before and (before["number"] or units[m["unit"].lower()] == "hour"):
            continue  # "dos años y medio" is the number's; "a las una y media" a moment, "a año y medio de prisión" none
        value = 1.0 + parts[" ".join(m["part"].lower().split())]
        slack = 0.5 * 10.0 ** -len(repr(value).partition(".")[2])
        yield Figure(m.start(), m.end(), "duration", value - slack, value + slack, "exact", value, units[m["unit"].lower()])


@lru_cache(maxsize=None)
def _unit_and_part(code: str) -> tuple[re.Pattern[str], dict[str, float], dict[str, str], re.Pattern[str]] | None:
    d = data(code)
    c = d.get("clock", {})
    if not c.get("unit_parts"):
        return None
    if code == EN_CODE:
        units = {u: u for u in c["duration_units"]}
        articles, number = [GRAMMAR["a"], EN["numbers"]["one"]], rf"\d|\b(?:{WORD_NUMBER})"
    else:
        units = {w.lower(): v[1] for w, v in d["units"].items() if v[0] == "duration"}
        articles = [re.escape(a) for a in d["articles"]]
        number = rf"\d|\b(?:{alt(d['numbers'])})"
    parts = {" ".join(k.lower().split()): float(v) for k, v in c["unit_parts"].items()}
    rx = re.compile(
        rf"(?i:(?:\b(?:{'|'.join(articles)})\s+)?\b(?P<unit>{alt(units, longest_first=True)})"
        rf"\s+(?P<part>{alt(parts, longest_first=True)})(?!\w))"
    )
    moment = alt(c.get("moment_before", ()), longest_first=True) or "(?!x)x"
    return rx, parts, units, re.compile(rf"(?i:(?:(?P<number>{number})|\b(?:{moment}))\s+$)")
