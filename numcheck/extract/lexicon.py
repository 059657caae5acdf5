"""Readers of a language other than English built from its file's words, beside foreign.py: ordinals
in words as text2num reads them ("onzième", "decimoquinto"), one unit of time with an article
("depuis une décennie", "durante un año") and a race time ("2:04:33"), which is written alike in
every language. Each reader takes (text, start, end, today, lang) and yields figures, as
foreign.figures' finders do."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Protocol

from numcheck.extract import clock, nonclaims
from numcheck.extract.language import alt, data
from numcheck.extract.numbers import parse_ordinal
from numcheck.model import Figure


class Language(Protocol):
    """What these readers need of langfile.Language: its code (the language file's name), its vague
    amounts ("une quarantaine") and its units."""

    @property
    def code(self) -> str: ...
    @property
    def vague(self) -> re.Pattern[str]: ...
    @property
    def unit(self) -> re.Pattern[str]: ...
    @property
    def number_word(self) -> str: ...


def after_number(text: str, start: int, at: int, lang: Language) -> bool:
    """Whether a number in words ends right before `at`: "dos millones" is two million, not the vague
    "millions" ("millones" alone, 2 to 9.99 million)."""
    return bool(_number_before(lang.number_word).search(text, max(start, at - 40), at))


@lru_cache(maxsize=None)
def _number_before(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{number})\s+$")


def ordinal_words(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """An ordinal in words the language file does not list ("la onzième place", "el decimoquinto
    puesto"), its value read by text2num; not "first" (rarely a figure, as foreign._ordinals), not
    one that is part of a name ("la Onzième Avenue")."""
    rx = _compiled(lang.code)["ordinal_word"]
    for m in rx.finditer(text, start, end) if rx else ():
        n = parse_ordinal(m.group(0), lang.code)
        if n is None or n == 1 or nonclaims.names_a_thing(text, m.start(), m.end(), start):
            continue
        yield Figure(m.start(), m.end(), "ordinal", n, n, "exact", n)


def one_unit(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """One unit of time with an article, after a word that makes it a time elapsed ("depuis une
    décennie", "durante un año") or before one that puts it between two moments ("un an plus tard", "una
    semana después"): a duration of one, as English's "for a decade" (clock.durations);
    with a half, one and a half ("durante año y medio", "pendant un an et demi")."""
    compiled = _compiled(lang.code)
    rx, between = compiled["one_unit"], compiled["one_unit_between"]
    units = data(lang.code)["units"]
    after = data(lang.code).get("clock", {}).get("duration_after", ())
    lowered = text[start:end].lower() if between else ""
    between = between if any(w in lowered for w in after) else None  # a literal cue first, as clock.single_units
    for m in (*(rx.finditer(text, start, end) if rx else ()), *(between.finditer(text, start, end) if between else ())):
        if not (m["n"] or m["half"]):
            continue  # "durante años": no figure
        unit = units[next(k for k in units if k.lower() == m["unit"].lower())][1]
        value, slack = (1.5, 0.05) if m["half"] else (1.0, 0.0)  # "un año y medio" as written 1.5
        if not m["half"]:  # "une décennie": ten years, as "a decade" (clock.UNIT_WORTH)
            value, unit = clock.UNIT_WORTH.get(unit, (value, unit))
        yield Figure(m.start("n" if m["n"] else "unit"), m.end(), "duration", value - slack, value + slack, "exact", value, unit)


def opening_units(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """A unit of time with no number opening a sentence, of what filled it, of how long or between two moments
    ("Una década de obras", "Une décennie de travaux", "Des heures durant", "Durante horas,", "Horas después"):
    one of the unit with a singular article (ten years for a decade, as English's "A decade of"), at least two,
    vague, in the plural, as English's "Weeks of" (clock.single_units). Within a sentence a bare plural ("après
    des jours de grève") stays no figure."""
    rx = _compiled(lang.code)["opening_unit"]
    opening = start + len(text[start:end]) - len(text[start:end].lstrip(" \"“‘'(«¿¡"))
    m = rx.match(text, opening, end) if rx else None
    if m is None:
        return
    units = data(lang.code)["units"]
    word = m["unit"].lower()
    unit = units[next(k for k in units if k.lower() == word)][1]
    singular = m["art"] is not None and m["art"].lower() in (a.lower() for a in data(lang.code)["articles"])
    plural = not singular and (m["art"] is not None or len(word) > 3 and word[-1] in "sx")
    if singular and m["tail"] and not m["before"]:
        value, unit = clock.UNIT_WORTH.get(unit, (1.0, unit))
        yield Figure(m.start("art"), m.end("unit"), "duration", value, value, "exact", value, unit)
    elif plural and (m["tail"] or m["before"]):
        value, unit = clock.UNIT_WORTH.get(unit, (1.0, unit))
        yield Figure(m.start("art" if m["art"] else "unit"), m.end("unit"), "duration", 2 * value, None, "vague", unit=unit)


def vague_units(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """A vague amount of a unit ("une quarantaine de minutes", "una decena de kilómetros"): the
    amount's bounds, in that unit and of its kind, as "about 40 minutes" would be."""
    of = _compiled(lang.code)["of"]
    units = data(lang.code)["units"]
    for m in lang.vague.finditer(text, start, end):
        if after_number(text, start, m.start(), lang):
            continue
        joined = of.match(text, m.end(), end) if of else None
        after = lang.unit.match(text, joined.end(), end) if joined else None
        key = next((k for k in units if after and k.lower() == " ".join(after.group(0).split()).lower()), None)
        if after is None or key is None:
            continue
        low, high, approx = data(lang.code)["vague"][m.group(1).lower()]
        kind, unit = units[key]
        value = (low + high) / 2 if approx == "about" else None
        yield Figure(m.start(), after.end(), kind, float(low), float(high), approx, value, unit)


def race_times(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """Hours, minutes and seconds with colons ("en 2:04:33"): a time elapsed in any language."""
    return clock.race_times(text, start, end)


@lru_cache(maxsize=None)
def _compiled(code: str) -> dict[str, re.Pattern[str] | None]:
    d = data(code)
    c, p = d.get("clock", {}), d.get("patterns", {})
    units = [u for u, (kind, _) in d["units"].items() if kind == "duration"]
    half = p.get("and_a_half", r"(?!x)x")  # "durante año y medio": the article may go before a half
    one = (
        rf"(?i:\b(?:{alt(c['duration_before'], longest_first=True)})(?:\s+|(?<=['’]))(?:(?P<n>{alt(d['articles'])})\s+)?"
        rf"(?P<unit>{alt(units, longest_first=True)})\b(?P<half>{half})?)"
        if c.get("duration_before") and units
        else None
    )
    # "un an plus tard", "una semana después": one unit between two moments, as English's "a week later"
    between = (
        rf"(?i:\b(?P<n>{alt(d['articles'])})\s+(?P<unit>{alt(units, longest_first=True)})(?P<half>(?!x)x)?"
        rf"(?=\s+(?:{alt(c['duration_after'], longest_first=True)})(?!\w)))"
        if c.get("duration_after") and units
        else None
    )
    of = rf"\s+(?:{alt(d['fractions']['of'], longest_first=True)})\s*" if d.get("fractions", {}).get("of") else None
    # a unit of time opening a sentence: "Una década de obras", "Des heures durant", "Durante horas,", "Horas después"
    arts, of_words = [*d.get("articles", ()), *c.get("plural_articles", ())], d.get("fractions", {}).get("of", ())
    after = [*c.get("unit_after", ()), *c.get("duration_after", ())]
    tail = [
        *([rf"(?:{alt(of_words, longest_first=True)})\s+(?=[a-zà-ÿ])"] if of_words else []),
        *([rf"(?:{alt(after, longest_first=True)})(?!\w)"] if after else []),
    ]
    opening = (
        rf"(?i:(?:(?P<before>{alt(c['duration_before'], longest_first=True)})\s+)?"
        rf"(?:(?P<art>{alt(arts, longest_first=True)})\s+)?"
        rf"(?P<unit>{alt(units, longest_first=True)})\b(?P<tail>\s+(?:{'|'.join(tail)}))?)"
        if arts and units and tail and c.get("duration_before")
        else None
    )
    return {
        "ordinal_word": re.compile(p["ordinal_word"]) if p.get("ordinal_word") else None,
        "one_unit": re.compile(one) if one else None,
        "one_unit_between": re.compile(between) if between else None,
        "of": re.compile(of, re.I) if of else None,
        "opening_unit": re.compile(opening) if opening else None,
    }
