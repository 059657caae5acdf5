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

from numcheck.extract import dates, hedges, intervals, lexicon, patterns
from numcheck.extract.numbers import parse_words
from numcheck.extract.language import ENGLISH, alt, codes, data as language_data
from numcheck.model import TYPE_CHECKING, Figure, Kind, as_kind

if TYPE_CHECKING:
    import lingua


@dataclass(frozen=True)
class Language:
    """One language's data, compiled into the patterns the reader needs."""

    code: str
    data: dict
    number: re.Pattern[str]
    vague: re.Pattern[str]
    unit: re.Pattern[str]  # a unit or a percent word right after a number, longest first
    masks: tuple[re.Pattern[str], ...]  # numbers that make no claim: identifiers, idioms, phone numbers


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
    number = re.compile(
        rf"(?<![\w,.])(?P<num>{digits}|(?i:{words}))(?![\w])(?:\s?(?P<scale>(?i:{scales}))\b(?:\s+d['’]|\s+de\s+)?)?"
    )
    vague = re.compile(
        r"(?<!\d\s)(?<!\d)(?i:\b(" + "|".join(sorted((re.escape(w) for w in data["vague"]), key=len, reverse=True)) + r")\b)"
    )
    units = [*data["units"], *data.get("scaled_units", {}), *data.get("percent", ())]
    unit = re.compile(rf"\s?(?:{alt(units, longest_first=True)})(?![\w/])", re.I)
    digit = rf"(?:{digits})"
    masks = (
        [rf"(?i:\b(?:{alt(data['identifiers'], longest_first=True)})\s+(?:n[º°o.]\s*)?){digit}(?:[-.]\d+)*\b"]
        if data.get("identifiers")
        else []
    )
    masks += [rf"(?i:\b{digit}[eè]?m?e?\s+(?:{alt(data['identifiers_after'])})\b)"] if data.get("identifiers_after") else []
    masks += list(data.get("idioms", ()))
    if data.get("streets") and data.get("street_links"):  # "rue du Quatre-Septembre": a street's name, no figure in it
        links = rf"(?i:{alt(data['street_links'], longest_first=True)})"
        name = rf"(?:\d+(?:er)?[\s-]+)?{patterns.NAMEWORD}(?:[\s-]+(?:{links}\s*)?(?:{patterns.NAMEWORD}|\d{{4}}\b))*"
        masks += [
            rf"(?i:\b(?:{alt(data['streets'], longest_first=True)}))\s+(?:{links}\s*)?{name}(?:,\s*\d+\b)?"
        ]  # "calle Mayor, 15"
    masks += [
        r"\b\d{2,3}(?: \d{2,3}){2,}\b(?<!\d{3} \d{3})(?<!\b\d \d{3})",  # 91 555 12 34: a phone number
        r"\b\d{2}(?:[ .]\d{2}){3,4}\b",  # 04 68 11 22 33
        r"\b\d{5}(?=\s+[A-ZÀ-Ý][a-zà-ÿ])",  # 69002 Lyon: a postcode before its town
        r"\b\d+(?:-\d+){1,}(?=\s+(?:du|de|del)\s+[Cc]ódigo|\s+du\s+[Cc]ode)",  # an article of a code
        r"\b\d{1,2}\.\d(?!\d)(?=\s+pour|\s+para)",
    ]  # "le 49.3 pour": an article's number
    return Language(code, data, number, vague, unit, tuple(re.compile(m) for m in masks))


def detect(text: str, default: str = "en") -> str:
    """The language of a text, as a language identifier (lingua) reads it among the languages numcheck
    has a file for: `default` when the text is too short or the identifier is unsure. A short text (a
    one-line brief, of SHORT_LETTERS letters or fewer) is read when the identifier is very sure."""
    short = sum(map(str.isalpha, text[:400])) < SHORT_LETTERS
    return identify(text[:5000], default, min_confidence=0.9 if short else 0.6, min_letters=MIN_LETTERS)


MIN_LETTERS, SHORT_LETTERS = 18, 30


def identify(text: str, default: str, min_confidence: float = 0.95, min_letters: int = 30) -> str:
    """The language of a short text (a paragraph) among the languages with a file in numcheck/lang/,
    or `default` unless the identifier is at least `min_confidence` sure of another."""
    if sum(map(str.isalpha, text[:400])) < min_letters:  # map: a third of the time of a generator, on every sentence
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
def _identifier() -> tuple[lingua.LanguageDetector, dict[lingua.Language, str]]:
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
    masks = list(patterns.non_claims(text, start, end, english=False))
    masks += [(m.start(), m.end()) for rx in lang.masks for m in rx.finditer(text, start, end)]
    masks += (
        list(patterns.scores(text, start, end))
        + list(_named_ordinals(text, start, end, lang))
        + list(_named_units(text, start, end, lang))
    )
    found: list[Figure] = []
    for finder in (
        *(
            _durations,
            lexicon.race_times,
            _times,
            _dates,
            _fractions,
            _magnitudes,
            lexicon.one_unit,
            lexicon.vague_units,
            _vague,
            _ranges,
        ),
        *(lexicon.ordinal_words, _ordinals, _numbers),
    ):
        for fig in finder(text, start, end, today, lang):
            if not any(fig.start < e and s < fig.end for s, e in masks + [(f.start, f.end) for f in found]):
                found.append(fig)
    found = patterns.joined_ranges(text, start, found, lang.code, ("time",))  # "de 8 h à 20 h", "entre las 15:00 y las 17:30"
    return sorted((_hedged(text, start, f, lang) for f in found), key=lambda f: f.start)


def _named_units(text: str, start: int, end: int, lang: Language) -> Iterator[tuple[int, int]]:
    """A number before a unit word written capitalised within a sentence is a name's ("les 24 Heures du
    Mans", "las 24 Horas de Le Mans"): no figure, not even a count."""
    for m in lang.number.finditer(text, start, end):
        after = lang.unit.match(text, m.end(), end)
        word = after.group(0).strip() if after else ""
        if after is not None and len(word) > 1 and word[0].isupper() and word.isalpha():
            yield m.start(), after.end()


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
        units, scaled = lang.data["units"], lang.data.get("scaled_units", {})
        after = lang.unit.match(text, m.end(), end)
        unit_word = " ".join(after.group(0).split()).lower() if after else ""
        unit_key = next((k for k in units if k.lower() == unit_word), None)
        scaled_key = next((k for k in scaled if k.lower() == unit_word), None)
        if scaled_key is not None and after is not None:  # "50 points de base" is 0.5 percentage points, "12 centimes" 0.12 euros
            kind, unit, factor = scaled[scaled_key]
            decs = len(m.group("num").partition(lang.data["decimal"])[2])
            slack = max(intervals.rounding(value, decs), 0.5 * 10.0**-decs) if kind != "money" else 0.0
            yield Figure(
                m.start(), after.end(), kind, (value - slack) * factor, (value + slack) * factor, "exact", value * factor, unit
            )
            continue
        fig_end = after.end() if after else m.end("scale" if m.group("scale") else "num")
        before = text[max(start, m.start() - 2) : m.start()]
        if after and unit_key is None:
            kind, unit = "percent", "%"
        elif unit_key is not None:
            kind, unit = units[unit_key]
        elif before.strip() in units and units[before.strip()][0] == "money":
            kind, unit = units[before.strip()]
        else:
            kind, unit = "count", None
        if kind == "count" and _year_like(m, text, end):
            y = int(m.group("num"))
            yield Figure(m.start(), m.end(), "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "exact")
            continue
        num = m.group("num")
        if num.lower() in lang.data["articles"] and not m.group("scale"):
            continue  # "une visite": an article, not a figure
        decs = len(num.split(lang.data["decimal"])[1]) if lang.data["decimal"] in num and num[0].isdigit() else 0
        scale = float(lang.data["scales"][m.group("scale").lower()]) if m.group("scale") else 1.0
        slack = (
            intervals.rounding(value / scale, decs) * scale if num[0].isdigit() else intervals.rounding(value, 0)
        )  # "setenta" as 70
        if kind in ("quantity", "duration", "percent"):
            slack = max(slack, 0.5 * 10.0**-decs * scale)
        hint = "age" if unit == "year" and _age_before(lang.code).search(text, max(start, m.start() - 30), m.start()) else None
        if hint:
            slack = 0.0  # an age is exact: a man of 45 is 45
        yield Figure(m.start(), fig_end, as_kind(kind), value - slack, value + slack, "exact", value, unit, hint)


@lru_cache(maxsize=None)
def _age_before(code: str) -> re.Pattern[str]:
    """What makes a number of years before it an age ('âgée de', 'un hombre de', 'la víctima, de')."""
    return re.compile(rf"(?:{language_data(code).get('patterns', {}).get('age_before', '(?!x)x')})\s*$", re.I)


def _year_like(m: re.Match[str], text: str, end: int) -> bool:
    """A bare four-digit year ('su canción de 1982', 'le tube de 1985'): a date, unless a plural noun
    follows, which it counts ('1500 soldats')."""
    num = m.group("num")
    if m.group("scale") or not re.fullmatch(r"(?:1[89]|20)\d\d", num):
        return False
    return not re.match(r"\s+[a-zà-ÿ]+[sx]\b", text[m.end() : end])


def _times(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    clock = lang.data.get("clock", {})
    rx = clock.get("time_range")
    for m in re.finditer(rx, text[start:end]) if rx else ():  # "de 10.00 a 21.00 horas"
        lo, hi = int(m["h1"]) * 60 + int(m["m1"] or 0), int(m["h2"]) * 60 + int(m["m2"] or m.groupdict().get("m3") or 0)
        yield Figure(start + m.start(), start + m.end(), "time", float(lo), float(hi), "range", None, "minute of day")
    rx = clock.get("time_words", "").replace(
        "{number}", lang.number.pattern.replace("(?P<num>", "(?:").replace("(?P<scale>", "(?:")
    )
    hours, parts = clock.get("hours", {}), clock.get("minutes", {})
    for m in re.finditer(rx, text[start:end]) if rx else ():  # "a las ocho de la tarde", "midi et quart"
        h = hours.get(m["w"].lower()) if m["w"].lower() in hours else parse_words(m["w"], lang.code)
        if h is None or not 0 <= h <= 12:
            continue
        minutes = float(_afternoon(h, m.groupdict().get("part"), clock) * 60 + parts.get((m["half"] or "").lower(), 0))
        yield Figure(start + m.start(), start + m.end(), "time", minutes, minutes, "exact", minutes, "minute of day")
    for rx in (clock.get("time"), lang.data.get("patterns", {}).get("time")):
        for m in re.finditer(rx, text[start:end]) if rx else ():
            g = m.groupdict()
            h, mins = int(g.get("h") or g["h4"]), int(g.get("m") or g.get("m4") or 0)
            h = _afternoon(h, g.get("part"), clock) if h <= 12 else h
            minutes = float(h * 60 + mins)
            yield Figure(start + m.start(), start + m.end(), "time", minutes, minutes, "exact", minutes, "minute of day")


def _durations(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """Hours, minutes and seconds written as one time elapsed ('2 h 05 min 41 s'), in the smallest unit written."""
    rx = lang.data.get("patterns", {}).get("duration")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        total, unit = int(m["h"]) * 60 + int(m["m"]), "minute"
        if m["s"]:
            total, unit = total * 60 + int(m["s"]), "second"
        yield Figure(start + m.start(), start + m.end(), "duration", total - 0.5, total + 0.5, "exact", float(total), unit)


def _afternoon(h: float, part: str | None, clock: dict) -> float:
    """An hour of a twelve-hour clock read by the part of the day said with it: 'las ocho de la tarde' is 20:00."""
    return h % 12 + 12 if part and part.lower() in clock.get("afternoon", ()) else h


@lru_cache(maxsize=None)
def _compiled(code: str) -> dict[str, re.Pattern[str] | None]:
    """The patterns of a language's readers that are built from its words, built once (not per sentence)."""
    d, lang = language_data(code), language(code)
    assert lang is not None
    f, r = d.get("fractions", {}), d["ranges"]
    word = lang.number.pattern.replace("(?P<num>", "(?:").replace("(?P<scale>", "(?:")
    of = alt(f.get("of", ()))
    words = d.get("ordinals", {})
    out: dict[str, str | None] = {
        "fraction": rf"(?i:\b(?P<n>{word})\s+(?P<d>{alt(f['denominators'], longest_first=True)})\s+(?:{of})\b)" if f else None,
        "half": rf"(?i:\b(?:{alt(f.get('half', ()), longest_first=True)})(?:\s+(?:{of})\b)?)" if f.get("half") else None,
        "or": rf"\s+(?:{alt(r['or'])})\s+",
        "pre": rf"(?i:\b(?P<pre>{alt(r['between'])}|{alt(r['from'])})\s*)",
        "and": rf"\s+(?:{alt(r['and'])})\s+",
        "to": rf"\s+(?:{alt(r['to'])})\s+",
        "article": rf"(?i:(?:{alt(r['articles'])})\s+)(?=\d)" if r.get("articles") else None,
        "ordinal": r"(?i:\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b)" if words else None,
    }
    out |= {key: rf"(?i:{f[key].replace('{number}', word)})" if f.get(key) else None for key in ("one_in", "one_in_noun")}
    return {k: re.compile(v) if v else None for k, v in out.items()}


def _fractions(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """Shares in words, as percentages: 'deux tiers des', 'uno de cada cinco', 'un Français sur quatre', 'la moitié'."""
    f = lang.data.get("fractions")
    if not f:
        return
    rxs = _compiled(lang.code)
    for m in rxs["fraction"].finditer(text[start:end]):  # type: ignore[union-attr]
        n = parse_words(m["n"], lang.code) if not m["n"][0].isdigit() else float(m["n"])
        if n is not None:
            share = 100.0 * n / f["denominators"][m["d"].lower()]
            yield Figure(start + m.start(), start + m.end(), "percent", share, share, "exact", share, "%")
    for key in ("one_in", "one_in_noun"):
        rx = rxs[key]
        for m in rx.finditer(text[start:end]) if rx else ():
            n, d = parse_words(m["n"], lang.code), parse_words(m["d"], lang.code)
            if n and d and n < d:
                share = 100.0 * n / d
                yield Figure(start + m.start(), start + m.end(), "percent", share, share, "exact", share, "%")
    half = rxs["half"]
    for m in half.finditer(text[start:end]) if half else ():
        yield Figure(start + m.start(), start + m.end(), "percent", 50.0, 50.0, "exact", 50.0, "%")


def _magnitudes(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """'magnitude 6,2', 'magnitud 7,1': an earthquake's magnitude, a quantity with no unit."""
    rx = lang.data.get("patterns", {}).get("magnitude")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        v = float(m["v"].replace(lang.data["decimal"], "."))
        slack = 0.5 * 10.0 ** -len(m["v"].partition(lang.data["decimal"])[2]) if lang.data["decimal"] in m["v"] else 0.5
        yield Figure(start + m.start(), start + m.end(), "quantity", v - slack, v + slack, "exact", v)


@lru_cache(maxsize=None)
def _compound_ordinal(code: str) -> re.Pattern[str] | None:
    """Tens and a unit ordinal: 'vingt-troisième' (20 + 3), 'vigésimo octavo' (20 + 8)."""
    d = language_data(code)
    words = d.get("ordinals", {})
    tens = [w for w, v in [*d["numbers"].items(), *words.items()] if 20 <= v <= 90 and v % 10 == 0]
    units = [w for w, v in words.items() if 1 <= v <= 9]
    if not tens or not units:
        return None
    return re.compile(
        rf"(?i:\b(?P<t>{alt(tens, longest_first=True)})[-\s]+(?:(?:et|y)[-\s]+)?(?P<u>{alt(units, longest_first=True)})\b)"
    )


def _ordinal_matches(text: str, start: int, end: int, lang: Language) -> Iterator[tuple[int, int, float]]:
    rx = _compound_ordinal(lang.code)
    for m in rx.finditer(text, start, end) if rx else ():
        d = lang.data
        t = d["numbers"].get(m["t"].lower(), d.get("ordinals", {}).get(m["t"].lower()))
        yield m.start(), m.end(), float(t + d["ordinals"][m["u"].lower()])
    words, word_rx = lang.data.get("ordinals", {}), _compiled(lang.code)["ordinal"]
    for m in word_rx.finditer(text[start:end]) if word_rx else ():
        yield start + m.start(), start + m.end(), float(words[m.group(1).lower()])
    rx = lang.data.get("patterns", {}).get("ordinal")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        yield start + m.start(), start + m.end(), float(m["n"])


def _named_ordinals(text: str, start: int, end: int, lang: Language) -> Iterator[tuple[int, int]]:
    """Ordinals that are part of a name ("la Quinta Avenida", "el 4.º B"): no claim, not even a number."""
    for s, e, _ in _ordinal_matches(text, start, end, lang):
        if patterns.names_a_thing(text, s, e, start, _possessives(lang)):
            yield s, e


def _ordinals(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    for s, e, n in _ordinal_matches(text, start, end, lang):
        if n != 1:  # "le premier TGV", "el primer día": as English's "first", rarely a figure
            yield Figure(s, e, "ordinal", n, n, "exact", n)


def _possessives(lang: Language) -> frozenset[str]:
    return frozenset(lang.data.get("possessives", ()))


def _vague(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    for m in lang.vague.finditer(text, start, end):
        low, high, approx = lang.data["vague"][m.group(1).lower()]
        value = (low + high) / 2 if approx == "about" else None
        yield Figure(m.start(), m.end(), "count", float(low), float(high), approx, value)


def _ranges(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    r, rxs = lang.data["ranges"], _compiled(lang.code)
    for first in lang.number.finditer(text, start, end):  # "deux ou trois"
        sep = rxs["or"].match(text[first.end() : end])  # type: ignore[union-attr]
        second = lang.number.match(text, first.end() + sep.end(), end) if sep else None
        if second:
            a, b = _value(first, lang), _value(second, lang)
            if a is not None and b is not None and a < b:
                yield Figure(first.start(), second.end(), "count", a, b, "range")
    for m in rxs["pre"].finditer(text[start:end]):  # type: ignore[union-attr]
        s = start + m.end()
        s += _article(text, s, end, lang.code)
        first = lang.number.match(text, s, end)
        if not first:
            continue
        sep = rxs["and" if m.group("pre").lower() in r["between"] else "to"].match(text[first.end() : end])  # type: ignore[union-attr]
        if not sep:
            continue
        at = first.end() + sep.end()
        second = lang.number.match(text, at + _article(text, at, end, lang.code), end)
        if not second:
            continue
        a, b = _value(first, lang), _value(second, lang)
        if a is None or b is None:
            continue
        if second.group("scale") and not first.group("scale"):
            a *= float(lang.data["scales"][second.group("scale").lower()])
        kind, unit, stop = _unit_after(text, second.end(), end, lang)  # "de 15 à 20 %", "entre 1.800 y 2.400 euros"
        yield Figure(start + m.start(), stop or second.end(), kind, a, b, "range", unit=unit)


def _article(text: str, at: int, end: int, code: str) -> int:
    """The length of an article (and its space) written before a range's end at `at` ("un 8"), else 0."""
    rx = _compiled(code)["article"]
    m = rx.match(text, at, end) if rx else None
    return m.end() - at if m else 0


def _unit_after(text: str, at: int, end: int, lang: Language) -> tuple[Kind, str | None, int | None]:
    """The kind and unit a unit word or percent sign right after a number gives it, and where it ends."""
    after = lang.unit.match(text, at, end)
    if not after:
        return "count", None, None
    word = " ".join(after.group(0).split()).lower()
    key = next((k for k in lang.data["units"] if k.lower() == word), None)
    kind, unit = ("percent", "%") if key is None else lang.data["units"][key]
    return as_kind(kind), unit, after.end()


def _dates(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    taken: list[tuple[int, int]] = []
    future = dates.future_tense(text, start, end, lang.code)
    every = lang.data["dates"].get("every")
    recurs = re.compile(rf"(?i:\b(?:{alt(every, longest_first=True)})\s+$)") if every else None
    for name, rx in _date_patterns(lang.code):
        for m in rx.finditer(text, start, end):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name == "rel_weekday" and recurs and recurs.search(text, max(start, s - 16), s):
                taken.append((s, e))  # "chaque mercredi": every Wednesday, no one day
                continue
            fig = _date(name, m, s, e, today, lang, future)
            if fig is not None:
                taken.append((s, e))
                yield fig


@lru_cache(maxsize=None)
def _date_patterns(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The language's date patterns, most specific first, built from its [dates] table."""
    d = language_data(code)["dates"]
    w = lambda key: alt(d.get(key, ()), longest_first=True) or r"(?!x)x"  # noqa: E731
    months, seasons, year = w("months"), w("seasons"), r"(?P<year>(?:1[89]|20)\d\d)"
    of = rf"(?:\s+(?:{w('of')}))?"
    day = r"(?P<day>1er|[0-3]?\d)(?:\.?[ºª])?"
    ordinals = alt(language_data(code).get("ordinals", {}), longest_first=True) or r"(?!x)x"
    lang = language(code)
    assert lang is not None, f"numcheck has no language file for {code!r}"
    number = lang.number.pattern.replace("(?P<num>", "(?:").replace("(?P<scale>", "(?:")
    units = alt([u for u, (kind, _) in language_data(code)["units"].items() if kind == "duration"], longest_first=True)
    rel_words = [w for k in _PHRASES for w in d.get(k, ())]
    patterns = (
        ("numeric", r"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d)\b"),
        (
            "day_range",
            rf"(?i:\b(?:{w('between_days')})\s+(?:el\s+|le\s+)?(?P<d1>[0-3]?\d)\s+(?:{alt(language_data(code)['ranges']['and'])}|{alt(language_data(code)['ranges']['to'])}|{w('days_to')})\s+(?:el\s+|le\s+)?(?P<d2>[0-3]?\d){of}\s+(?P<month>{months})(?:{of}\s+{year})?)\b",
        ),
        ("day", rf"(?i:\b{day}{of}\s+(?P<month>{months}){of}\s+{year})\b"),
        ("dayless", rf"(?i:\b{day}{of}\s+(?P<month>{months})(?:\s+(?P<rel>{w('next')}|{w('last')}))?)\b"),
        ("period", rf"(?i:\b(?P<ord>{ordinals})\s+(?P<period>{w('periods')}){of}\s+{year})\b"),
        ("fiscal", rf"(?i:\b(?:{w('fiscal')})\s+{year})\b"),
        (
            "vague_part",
            rf"(?i:\b(?:{w('vague_parts')})[\s-]+(?:(?:los|las|les)\s+(?:années\s+|años\s+)?|(?:{w('decade_words')})\s+)?"
            rf"(?:{year}|(?P<dw>{w('decades')})|(?P<month>{months})(?:{of}\s+(?:1[89]|20)\d\d)?))\b",
        ),
        ("month", rf"(?i:\b(?P<month>{months}){of}\s+{year})\b"),
        ("season", rf"(?i:\b(?:l['’]|le\s+|la\s+|el\s+)?(?P<season>{seasons}){of}\s+{year})\b"),
        (
            "years",
            rf"(?i:\b(?:{alt(language_data(code)['ranges']['between'])}|{alt(language_data(code)['ranges']['from'])})\s+{year}\s+(?:{alt(language_data(code)['ranges']['and'])}|{alt(language_data(code)['ranges']['to'])})\s+(?P<year2>(?:1[89]|20)\d\d))\b",
        ),
        ("year", rf"(?i:\b(?:{w('year_words')})\s+{year})\b"),
        ("decade", language_data(code).get("patterns", {}).get("decade", r"(?!x)x")),
        ("decade_words", rf"(?i:\b(?:{w('decade_words')})\s+(?P<dw>{w('decades')}))\b"),
        (
            "decade_digits",
            rf"(?i:\b(?:{w('decade_words')})\s+(?:(?P<dd>[1-9]0)|(?P<decade>(?:1[5-9]|20)\d0)))\b(?!\s*%)",
        ),  # "los años 70", "les années 60"
        (
            "period_alone",
            rf"(?i:\b(?P<ord>{ordinals})\s+(?P<period>{w('periods')}))\b(?!{of}\s+\d)",
        ),  # "au troisième trimestre": this year's
        ("day_alone", d.get("day_alone", r"(?!x)x")),  # "le 14", "el día 14": a day of the article's month
        (
            "century",
            rf"\b(?P<roman>[IVXL]+)(?:e|ème|º)?\s+(?:{w('century')})\b|(?i:\b(?:{w('century')})\s+(?P<roman2>[IVXL]+))\b",
        ),
        ("ago", rf"(?i:\b(?:{w('ago')})\s+(?P<n>{number})\s+(?P<unit>{units}))\b"),
        ("rel_month", rf"(?i:\b(?:(?:{w('month_words')})\s+)?(?P<month>{months})\s+(?P<rel>{w('last')}|{w('next')}))\b"),
        (
            "rel_season",
            rf"(?i:\b(?:l['’]|le\s+|la\s+|el\s+|(?:{w('this')})\s+)?(?P<season>{seasons})(?:\s+(?P<rel>{w('last')}|{w('next')}))?)\b(?=.*?(?:{w('last')}|{w('next')}|{w('this')}))"
            if False
            else rf"(?i:\b(?:l['’]|le\s+|la\s+|el\s+)?(?P<season>{seasons})\s+(?P<rel>{w('last')}|{w('next')}))\b",
        ),
        ("this_season", rf"(?i:\b(?:{w('this')})\s+(?P<season>{seasons}))\b"),
        ("rel_phrase", rf"(?i:\b(?P<phrase>{alt(rel_words, longest_first=True) or '(?!x)x'}))(?!\w)"),
        (
            "rel_weekday",
            rf"(?i:\b(?:(?P<pre>{w('next_before')}|{w('last_before')})\s+)?(?P<weekday>{w('weekdays')})(?:\s+(?P<rel>{w('last')}|{w('next')}))?)\b",
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
            day = dt.date(int(g["year"]), month, 1 if g["day"] == "1er" else int(g["day"]))
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
        day_n = 1 if dom.lower().startswith("1e") else int(dom)
        y, mo = today.year, today.month
        if future and day_n < today.day:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        elif not future and day_n > today.day:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        day = dt.date(y, mo, day_n)
        return day, day
    if name == "dayless":
        mo = d["months"][g["month"].lower()]
        day = dt.date(today.year, mo, 1 if g["day"] == "1er" else int(g["day"]))
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


# a relative phrase of the language file, as the English relative date it means
_PHRASES: dict[str, tuple[str, dict[str, str | None]]] = {
    "this_week": ("rel_earlier", {"when": "earlier", "span": "week"}),
    "last_week": ("rel_named", {"rel": "last", "span": "week"}),
    "last_month": ("rel_named", {"rel": "last", "span": "month"}),
    "last_year": ("rel_named", {"rel": "last", "span": "year"}),
    "yesterday": ("rel_day", {"word": "yesterday"}),
    "today": ("rel_day", {"word": "today"}),
    "tomorrow": ("rel_day", {"word": "tomorrow"}),
    "day_before_yesterday": ("rel_day", {"word": "the day before yesterday"}),
    "day_after_tomorrow": ("rel_day", {"word": "the day after tomorrow"}),
    "next_week": ("rel_named", {"rel": "next", "span": "week"}),
    "this_month": ("rel_named", {"rel": "this", "span": "month"}),
    "next_month": ("rel_named", {"rel": "next", "span": "month"}),
    "this_year": ("rel_named", {"rel": "this", "span": "year"}),
    "next_year": ("rel_named", {"rel": "next", "span": "year"}),
}


def _season(word: str, d: dict) -> str:
    first, _ = d["seasons"][word.lower()]
    return {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}[first]


def _hedged(text: str, start: int, fig: Figure, lang: Language) -> Figure:
    return hedges.hedged(text, start, len(text), fig, lang.code)
