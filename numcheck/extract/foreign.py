"""Figures in languages other than English, read from a language file in numcheck/lang/.

English has quantulum3 and our English patterns; another language is data: its number words,
scale words, vague amounts, hedges, range words, months, weekdays and relative-date words, in
`numcheck/lang/<code>.toml`. This module identifies an article's language and turns that data
(compiled by langfile.py; dates read by foreign_dates.py) into the same Figures English gives, so
attribution, checks and reports do not know which language a figure was written in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from numcheck.extract import hedges, intervals, lexicon, nonclaims, patterns, tallies
from numcheck.extract.clock import hour_fractions, unit_and_part
from numcheck.extract.dates import YEAR_DIGITS, written_year
from numcheck.extract.foreign_dates import date_figures
from numcheck.extract.langfile import Language
from numcheck.extract.language import alt, codes, data
from numcheck.extract.numbers import parse_words
from numcheck.model import TYPE_CHECKING, Figure, Kind, as_kind

if TYPE_CHECKING:
    import lingua


def detect(text: str, default: str = "en") -> str:
    """The language of a text, as a language identifier (lingua) reads it among the languages numcheck
    has a file for: `default` when the text is too short or the identifier is unsure. A text of fewer
    than FULL_MODEL_LETTERS letters (a one-line brief) is read by _short_language."""
    letters = sum(map(str.isalpha, text[:400]))
    if letters >= FULL_MODEL_LETTERS:
        return identify(text[:5000], default, min_confidence=0.6, min_letters=FULL_MODEL_LETTERS)
    if letters < MIN_LETTERS or plainly_in(text, default):
        return default
    return _short_language(text[:5000], default)


# Measured on the 4,515 cases of every labelled extraction set, each alone as an article (held by
# tests/test_language_id.py): on fewer than 60 letters the identifier's trigrams name 97.6% of the cases
# of 18 to 30 letters right and read 6 English ones as French or Spanish; its full model puts the right
# language first in all but one, and the rule of _short_language names all 4,515 right, down to 11
# letters, the fewest any case has. SHORT_LEAD is above the lead of the one English line the full model
# puts another language first for ("Exports fell to 9.6 million tonnes.", French by 0.27).
MIN_LETTERS, FULL_MODEL_LETTERS, SHORT_LEAD = 10, 60, 0.35


@lru_cache(maxsize=4096)
def _short_language(text: str, default: str) -> str:
    """The language of a line: the language the identifier's full model (one- to five-letter grams; its
    trigrams alone are often sure and wrong on a line: "Le film dure 1 h 52." is 82% English to them)
    puts first, where it leads `default` by SHORT_LEAD, or leads it at all and no function word of the
    line is another language's (the line has none of `default`'s "the", "of", "to"...: "Le film dure
    1 h 52.", which the full model puts only level with English); else `default`."""
    detector, names = _identifier(full=True)
    values = {names[v.language]: v.value for v in detector.compute_language_confidence_values(text)}
    top = max(values, key=values.__getitem__, default=default)
    if top == default or values[top] - values.get(default, 0.0) >= SHORT_LEAD:
        return top
    words = set(_WORD.findall(text.lower()))
    return top if {c for c, own in _function_word_lists().items() if own & words} <= {top} else default


def identify(text: str, default: str, min_confidence: float = 0.95, min_letters: int = 30) -> str:
    """The language of a short text (a paragraph) among the languages with a file in numcheck/lang/,
    or `default` unless the identifier is at least `min_confidence` sure of another."""
    if sum(map(str.isalpha, text[:400])) < min_letters:  # map: a third of the time of a generator, on every sentence
        return default
    if plainly_in(text, default):
        return default
    return _identified(text, default, min_confidence)


def plainly_in(text: str, code: str) -> bool:
    """Whether a text is plainly in language `code`, so the identifier need not be asked: at least
    PLAIN_MIN of its words, and a PLAIN_SHARE of them, are `code`'s function words (its file's
    `function_words`), and none is another language's. A tenth of the identifier's time on a
    paragraph, which is mostly the article's own language; any doubt leaves it to the identifier."""
    own, others = _function_words(code)
    if not own:
        return False
    words = _WORD.findall(text.lower())
    if not words or others.intersection(words):
        return False
    hits = sum(w in own for w in words)
    return hits >= PLAIN_MIN and hits >= PLAIN_SHARE * len(words)


PLAIN_MIN, PLAIN_SHARE = 4, 0.2
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _function_words(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's function words, and every other language's."""
    lists = _function_word_lists()
    return lists.get(code, frozenset()), frozenset().union(*(v for c, v in lists.items() if c != code))


@lru_cache(maxsize=1)
def _function_word_lists() -> dict[str, frozenset[str]]:
    """Each language's function words (its file's `function_words`)."""
    return {c: frozenset(data(c).get("function_words", ())) for c in codes()}


@lru_cache(maxsize=4096)
def _identified(text: str, default: str, min_confidence: float) -> str:
    detector, names = _identifier()
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value < min_confidence:
        return default
    return names.get(values[0].language, default)


def load() -> None:
    """Loads the identifier's trigram models now (they load on its first text): the fork server's start."""
    _identifier()[0].compute_language_confidence_values("Le chantier coûtera 3,5 millions d'euros, selon la mairie.")


@lru_cache(maxsize=2)
def _identifier(full: bool = False) -> tuple[lingua.LanguageDetector, dict[lingua.Language, str]]:
    """lingua's detector for the languages numcheck reads, in its low-accuracy mode (trigrams only: loads
    in 0.05 s and 11 MB instead of 0.3 s and 115 MB, and as sure on a paragraph of 60 letters or more), or
    with `full` its whole model (one to five letters), which only a text of a line is asked of."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder  # lazy: a compiled model, loaded on first use

    languages = {}
    for code in codes():
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            languages[Language.from_iso_code_639_1(iso)] = code
    builder = LanguageDetectorBuilder.from_languages(*languages)
    detector = (builder if full else builder.with_low_accuracy_mode()).build()
    return detector, languages


def figures(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> list[Figure]:
    """Every figure in text[start:end] in `lang`, in text order, spans never overlapping."""
    records = list(patterns.records(text, start, end, lang.code))  # "un balance de 8-3-2": a record, read as its wins
    records += tallies.tallies(text, start, end, lang.code)  # "par sept voix contre quatre": a vote's two sides
    looks = (*nonclaims.non_claims(text, start, end, english=False), *nonclaims.scores(text, start, end))
    masks = [(s, e) for s, e in looks if not any(s < r.end and r.start < e for r in records)]
    masks += [(m.start(), m.end()) for rx in lang.masks for m in rx.finditer(text, start, end)]
    masks += list(_named_ordinals(text, start, end, lang)) + list(_named_units(text, start, end, lang))
    masks += list(nonclaims.races(text, start, end, lang.code))
    found: list[Figure] = list(records)
    for finder in (
        *(
            _durations,
            lexicon.race_times,
            _times,
            date_figures,
            _hour_fractions,
            _unit_and_part,
            _age_decades,
            _fractions,
            _magnitudes,
            lexicon.one_unit,
            lexicon.opening_units,
            lexicon.vague_units,
            _vague,
            _ranges,
        ),
        *(lexicon.ordinal_words, _ordinals, _numbers),
    ):
        for fig in finder(text, start, end, today, lang):
            if not any(fig.start < e and s < fig.end for s, e in masks + [(f.start, f.end) for f in found]):
                found.append(fig)
    found = patterns.joined_ranges(text, start, found, lang.code)  # "entre 14 h et 16 h", "entre 0,8 % et 1 %"
    found = patterns.points(text, start, end, found, lang.code)  # "en recul de 4 points", "dos décimas"
    found = patterns.parts_in_unit(text, found, lang.code)  # "30 mois de prison, dont 12 avec sursis"
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
    for found in lang.number.finditer(text, start, end):
        m = _without_article(found, text, end, lang)
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
            if kind == "money" and factor > 1:  # "45 M€" rounded as "45 millions d'euros" is
                slack = intervals.written_slack(value, decs, factor) / factor
            yield Figure(
                m.start(), after.end(), kind, (value - slack) * factor, (value + slack) * factor, "exact", value * factor, unit
            )
            continue
        fig_end = after.end() if after else m.end("scale" if m.group("scale") else "num")
        half = lang.patterns.and_a_half.match(text, fig_end, end) if lang.patterns.and_a_half else None
        half = half if half and (unit_key is not None or m.group("scale")) else None
        if half:  # "trois heures et demie", "dos millones y medio"
            step = float(lang.data["scales"][m.group("scale").lower()]) if m.group("scale") and not after else 1.0
            value, fig_end = value + 0.5 * step, half.end()
            later = lang.unit.match(text, half.end() + _of_length(text, half.end(), end, lang), end) if not after else None
            if later is not None:  # "deux millions et demi d'euros": the unit after the half
                after, unit_word = later, " ".join(later.group(0).split()).lower()
                unit_key = next((k for k in units if k.lower() == unit_word), None)
                fig_end = later.end()
        before = text[max(start, m.start() - 2) : m.start()]
        if after and unit_key is None:
            kind, unit = "percent", "%"
        elif unit_key is not None:
            kind, unit = units[unit_key]
        elif before.strip() in units and units[before.strip()][0] == "money":
            kind, unit = units[before.strip()]
        else:
            kind, unit = "count", None
        written = kind == "count" and not m.group("num")[0].isdigit() and not m.group("scale")
        year = written_year(text, m.start(), m.end(), value, lang.code) if written else None
        if year is not None:  # "Dos mil veintiséis fue un año récord"
            yield year
            continue
        if kind == "count" and _year_like(m, text, end, lang):
            y = int(m.group("num"))
            yield Figure(m.start(), m.end(), "date", dt.date(y, 1, 1), dt.date(y, 12, 31), "exact")
            continue
        num = m.group("num")
        if num.lower() in lang.data["articles"] and not m.group("scale"):
            continue  # "une visite": an article, not a figure
        if kind in ("count", "duration") and _labelled(m, text, start, lang):
            continue  # "La 1 emitirá", "le 20 heures de TF1": a name
        if num[0].isupper() and text[start : m.start()].strip(_OPENING):
            continue  # "les Trente Glorieuses", "estrena Cien años de soledad": capitalised inside a sentence, a name's
        if num[0].isalpha() and num[0].isupper() and lang.data.get("names_after_number_word") and _TITLED.match(text, m.end()):
            continue  # "Cuatro Caminos es la parada", "Tres Cantos": a place's name, where no common noun is capitalised
        decs = len(num.split(lang.data["decimal"])[1]) if lang.data["decimal"] in num and num[0].isdigit() else 0
        decs = max(decs, 1) if half else decs  # "trois heures et demie" as written 3.5
        scale = float(lang.data["scales"][m.group("scale").lower()]) if m.group("scale") else 1.0
        # "15 millones" rounded to its millions (as English's "15 million"), "setenta" as 70
        slack = intervals.written_slack(value / scale, decs, scale) if num[0].isdigit() or half else intervals.rounding(value, 0)
        if kind in ("quantity", "duration", "percent"):
            slack = max(slack, intervals.measured_floor(decs, scale))
        aged = lang.patterns.age_before.search(text, max(start, m.start() - 30), m.start())
        if kind == "count" and aged and value < 120 and num.isdigit() and _CLOSED.match(text, m.end(), end):
            kind, unit = "duration", "year"  # "y su abuelo, de 81, resultó ileso": an age given bare
        hint = "age" if unit == "year" and aged else None
        if hint:
            slack = 0.0  # an age is exact: a man of 45 is 45
        at = m.start()
        if kind in ("quantity", "percent") and _MINUS.search(text, max(start, at - 2), at):
            value, at = -value, at - 1  # "-9 °C", "un -0,5 %": a sign, not a dash
        yield Figure(at, fig_end, as_kind(kind), value - slack, value + slack, "exact", value, unit, hint)


def _without_article(m: re.Match[str], text: str, end: int, lang: Language) -> re.Match[str]:
    """The number after an article the number's pattern took with it when the two make no number together ("un
    cinco por ciento" is "cinco por ciento"); else the match as it is."""
    head, _, rest = m.group("num").partition(" ")
    if not rest or head.lower() not in lang.data["articles"] or _value(m, lang) is not None:
        return m
    return lang.number.match(text, m.start() + len(head) + 1, end) or m


def _of_length(text: str, at: int, end: int, lang: Language) -> int:
    """The length of the word that joins a scale to what it counts ("d'", "de") written at `at`, else 0."""
    rx = lang.patterns.scale_of
    m = rx.match(text, at, end) if rx else None
    return m.end() - at if m else 0


_TITLED = re.compile(r"\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")  # a capitalised word, not an acronym ("Tres ONG" counts)
_MINUS = re.compile(r"(?:^|(?<=[\s(]))[-−]$")  # a minus sign right before a number, after a space


_OPENING = " \"“‘'(«¿¡—–-"  # what may stand before a sentence's first word


_CLOSED = re.compile(r"\s*(?:[,;)]|\.(?!\d))")  # what closes an apposition: "de 81, resultó"


def _labelled(m: re.Match[str], text: str, start: int, lang: Language) -> bool:
    """A whole number in digits after a singular definite article ("el dorsal" aside: "el 7 fue
    sustituido", "la 1", "le 93", "du 20 heures"): a label or a name, for a count takes a plural
    article ("los 300 vecinos", "les 20 heures de garde à vue")."""
    rx = lang.patterns.singular_article
    return bool(rx and m.group("num").isdigit() and not m.group("scale") and rx.search(text, start, m.start()))


def _year_like(m: re.Match[str], text: str, end: int, lang: Language) -> bool:
    """A bare four-digit year ('su canción de 1982', 'le tube de 1985'): a date, unless a plural noun
    follows, which it counts ('1500 soldats')."""
    num = m.group("num")
    if m.group("scale") or not re.fullmatch(YEAR_DIGITS, num):
        return False
    return not lang.patterns.plural_after.match(text[m.end() : end])


def _times(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    clock = lang.data.get("clock", {})
    rx = clock.get("time_range")
    for m in re.finditer(rx, text[start:end]) if rx else ():  # "de 10.00 a 21.00 horas", "entre 2 heures et 4 heures"
        g = m.groupdict()
        part = g.get("part")  # "du matin" after the second hour is the first's too
        lo = _afternoon(int(m["h1"]), part, clock) * 60 + int(m["m1"] or 0)
        hi = _afternoon(int(m["h2"]), part, clock) * 60 + int(m["m2"] or g.get("m3") or 0)
        if lo <= hi:  # written low to high, one range; across midnight ("de 23:00 a 5:00") two times
            yield Figure(start + m.start(), start + m.end(), "time", float(lo), float(hi), "range", None, "minute of day")
            continue
        for key, minutes in (("t1", lo), ("t2", hi)):
            yield Figure(
                start + m.start(key),
                start + m.end(key),
                "time",
                float(minutes),
                float(minutes),
                "exact",
                float(minutes),
                "minute of day",
            )
    rx = clock.get("time_words", "").replace("{number}", lang.number_word)
    hours, parts = clock.get("hours", {}), clock.get("minutes", {})
    for m in re.finditer(rx, text[start:end]) if rx else ():  # "a las ocho de la tarde", "midi et quart"
        h = hours.get(m["w"].lower()) if m["w"].lower() in hours else parse_words(m["w"], lang.code)
        if h is None or not 0 <= h <= 12:
            continue
        g = m.groupdict()  # "y cuarto" after the hour, "menos cuarto" before it
        after, before = (parts.get((g.get(k) or "").lower(), 0) for k in ("half", "before"))
        minutes = float(_afternoon(h, g.get("part"), clock) * 60 + after - before)
        yield Figure(start + m.start(), start + m.end(), "time", minutes, minutes, "exact", minutes, "minute of day")
    lasting = _lasting(lang.code)
    for rx in (clock.get("time"), lang.data.get("patterns", {}).get("time")):
        for m in re.finditer(rx, text[start:end]) if rx else ():
            g = m.groupdict()
            h, mins = int(g.get("h") or g["h4"]), int(g.get("m") or g.get("m4") or 0)
            if lasting and lasting.search(text, max(start, start + m.start() - 40), start + m.start()):
                total = float(h * 60 + mins)  # "le film dure 2 h 15": 135 minutes
                slack = 0.5 if g.get("m") or g.get("m4") else 30.0  # to half its smallest unit written: a minute, or an hour
                yield Figure(
                    start + m.start(), start + m.end(), "duration", total - slack, total + slack, "exact", total, "minute"
                )
                continue
            h = _afternoon(h, g.get("part"), clock) if h <= 12 else h
            minutes = float(h * 60 + mins)
            yield Figure(start + m.start(), start + m.end(), "time", minutes, minutes, "exact", minutes, "minute of day")


@lru_cache(maxsize=None)
def _lasting(code: str) -> re.Pattern[str] | None:
    """A verb of lasting right before a clock reading, a hedge allowed between ("dure environ 7 h 30"):
    the reading is a running time. None where the language file lists no such verbs."""
    d = data(code)
    words = d.get("clock", {}).get("lasting")
    if not words:
        return None
    hedge = alt([w for ws in d["hedges"].values() for w in ws], longest_first=True)
    return re.compile(rf"(?i:\b(?:{alt(words, longest_first=True)})\s+(?:(?:{hedge})\s*)?)$")


def _number(written: str, lang: Language) -> float | None:
    """A whole number written in digits or in the language's words."""
    return float(written) if written[0].isdigit() else parse_words(written, lang.code)


def _durations(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """Hours, minutes and seconds written as one time elapsed ('2 h 05 min 41 s'), in the smallest unit written."""
    words = lang.data.get("patterns", {}).get("duration_words", "").replace("{number}", lang.number_word)
    for m in re.finditer(words, text[start:end]) if words else ():  # "4 horas y 12 minutos", "deux heures et 20 minutes"
        h = _number(m["h"], lang)
        part = m.groupdict().get("part")
        mins = float(lang.data["clock"]["minutes"][part.lower()]) if part else _number(m["m"], lang)
        if h is None or mins is None or mins >= 60:
            continue
        total = h * 60 + mins  # to half a minute, as a compound is to half its smallest unit
        yield Figure(start + m.start(), start + m.end(), "duration", total - 0.5, total + 0.5, "exact", total, "minute")
    rx = lang.data.get("patterns", {}).get("duration")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        total, unit = int(m["h"]) * 60 + int(m["m"]), "minute"
        if m["s"]:
            total, unit = total * 60 + int(m["s"]), "second"
        yield Figure(start + m.start(), start + m.end(), "duration", total - 0.5, total + 0.5, "exact", float(total), unit)


def _afternoon(h: float, part: str | None, clock: dict) -> float:
    """An hour of a twelve-hour clock read by the part of the day said with it: 'las ocho de la tarde' is 20:00."""
    if part and h % 12 == 0 and part.lower() in clock.get("midnight_parts", ()):
        return 0.0  # "las doce de la noche": midnight
    return h % 12 + 12 if part and part.lower() in clock.get("afternoon", ()) else h


def _hour_fractions(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """'un quart d'heure', 'tres cuartos de hora': minutes (clock.hour_fractions)."""
    return hour_fractions(text, start, end, lang.code)


def _age_decades(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """An age by its decade in apposition ('Le chanteur, la soixantaine, a annulé'): the decade's ten
    years, vague as English's 'in his sixties' is a range ([clock] age_decades)."""
    found = _age_decade_rx(lang.code)
    if found is None:
        return
    rx, decades = found
    for m in rx.finditer(text, start, end):
        decade = float(decades[m["w"].lower()])
        yield Figure(m.start(), m.end("w"), "duration", decade, decade + 9, "vague", unit="year", time_hint="age")


@lru_cache(maxsize=None)
def _age_decade_rx(code: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    c = data(code).get("clock", {})
    if not c.get("age_decades"):
        return None
    decades = {k.lower(): v for k, v in c["age_decades"].items()}
    after = alt(c.get("age_decade_after", ()), longest_first=True) or "(?!x)x"
    return (
        re.compile(
            rf"(?i:(?<=,\s)(?:{alt(c['age_decade_before'])})\s+(?P<w>{alt(decades, longest_first=True)})"
            rf"(?=\s*[,;)]|\s*\.(?!\d)|\s+(?:{after})\b))"
        ),
        decades,
    )


def _unit_and_part(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """'año y medio', 'une heure et quart': one unit and a part of it (clock.unit_and_part)."""
    return unit_and_part(text, start, end, lang.code)


def _fractions(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """Shares in words, as percentages: 'deux tiers des', 'uno de cada cinco', 'un Français sur quatre', 'la moitié'."""
    rxs = lang.patterns
    if rxs.fraction is None:  # the language's file has no [fractions]
        return
    f = lang.data["fractions"]
    for m in rxs.fraction.finditer(text, start, end):
        d_key = next(d for d in ("d", "d2", "d4", "d3") if m.groupdict().get(d))
        if d_key == "d3" and not (rxs.changed_share and rxs.changed_share.search(text, max(start, m.start() - 30), m.start())):
            continue  # "un cuarto" is a share only after a word of change ("cayeron un cuarto"); else perhaps a fourth
        n = parse_words(m["n"], lang.code) if not m["n"][0].isdigit() else float(m["n"])
        if n is not None:
            share = 100.0 * n / f["denominators"][" ".join(m[d_key].lower().split())]
            stop = m.end() if d_key in ("d", "d2") else m.end(d_key)  # "deux tiers des", "un tercio" (not "más")
            yield Figure(m.start(), stop, "percent", share, share, "exact", share, "%")
    for rx in (rxs.one_in, rxs.one_in_noun):
        for m in rx.finditer(text[start:end]) if rx else ():
            n, d = parse_words(m["n"], lang.code), parse_words(m["d"], lang.code)
            if n and d and n < d:
                share = 100.0 * n / d
                yield Figure(start + m.start(), start + m.end(), "percent", share, share, "exact", share, "%")
    half = rxs.half
    for m in half.finditer(text[start:end]) if half else ():
        yield Figure(start + m.start(), start + m.end(), "percent", 50.0, 50.0, "exact", 50.0, "%")


def _magnitudes(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    """'magnitude 6,2', 'magnitud 7,1': an earthquake's magnitude, a quantity with no unit."""
    rx = lang.data.get("patterns", {}).get("magnitude")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        v = float(m["v"].replace(lang.data["decimal"], "."))
        slack = 0.5 * 10.0 ** -len(m["v"].partition(lang.data["decimal"])[2]) if lang.data["decimal"] in m["v"] else 0.5
        yield Figure(start + m.start(), start + m.end(), "quantity", v - slack, v + slack, "exact", v)


def _ordinal_matches(text: str, start: int, end: int, lang: Language) -> Iterator[tuple[int, int, float]]:
    rx = lang.patterns.compound_ordinal
    for m in rx.finditer(text, start, end) if rx else ():
        d = lang.data
        t = d["numbers"].get(m["t"].lower(), d.get("ordinals", {}).get(m["t"].lower()))
        yield m.start(), m.end(), float(t + d["ordinals"][m["u"].lower()])
    words, word_rx = lang.data.get("ordinals", {}), lang.patterns.ordinal
    for m in word_rx.finditer(text[start:end]) if word_rx else ():
        yield start + m.start(), start + m.end(), float(words[m.group(1).lower()])
    rx = lang.data.get("patterns", {}).get("ordinal")
    for m in re.finditer(rx, text[start:end]) if rx else ():
        yield start + m.start(), start + m.end(), float(m["n"])


def _named_ordinals(text: str, start: int, end: int, lang: Language) -> Iterator[tuple[int, int]]:
    """Ordinals that are part of a name ("la Quinta Avenida", "el 4.º B"): no claim, not even a number."""
    for s, e, _ in _ordinal_matches(text, start, end, lang):
        if nonclaims.names_a_thing(text, s, e, start, _possessives(lang)):
            yield s, e


def _ordinals(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    for s, e, n in _ordinal_matches(text, start, end, lang):
        if n != 1:  # "le premier TGV", "el primer día": as English's "first", rarely a figure
            yield Figure(s, e, "ordinal", n, n, "exact", n)


def _possessives(lang: Language) -> frozenset[str]:
    return frozenset(lang.data.get("possessives", ()))


def _vague(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    definite, indefinite = _definite_vague(lang.code)
    matches = [(m, m.group(1).lower()) for m in lang.vague.finditer(text, start, end)]
    matches += [(m, indefinite[m["w"].lower()]) for m in definite.finditer(text, start, end)] if definite else []
    for m, phrase in sorted(matches, key=lambda mp: mp[0].start()):
        if lexicon.after_number(text, start, m.start(), lang):
            continue  # "dos millones": two million, read by _numbers
        low, high, approx = lang.data["vague"][phrase]
        value = (low + high) / 2 if approx == "about" else None
        yield Figure(m.start(), m.end(), "count", float(low), None if high == "none" else float(high), approx, value)


@lru_cache(maxsize=None)
def _definite_vague(code: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A vague amount after a definite article that stands for the indefinite one, before what it counts ("La
    quarantaine de passagers"): the pattern, and each amount's word to its phrase in [vague] ("une quarantaine")."""
    d = data(code)
    articles = set(d.get("articles", ()))
    words = {k.split()[1]: k for k in d["vague"] if len(k.split()) == 2 and k.split()[0] in articles}
    of = d.get("patterns", {}).get("scale_of")
    if not d.get("vague_definite") or not words or not of:
        return None, {}
    rx = rf"(?i:\b(?:{alt(d['vague_definite'])})\s+(?P<w>{alt(words, longest_first=True)})\b)(?={of})"
    return re.compile(rx), words


def _ranges(text: str, start: int, end: int, today: dt.date | None, lang: Language) -> Iterator[Figure]:
    r, rxs = lang.data["ranges"], lang.patterns
    for first in lang.number.finditer(text, start, end):  # "deux ou trois"
        sep = rxs.range_or.match(text[first.end() : end])
        second = lang.number.match(text, first.end() + sep.end(), end) if sep else None
        if second:
            a, b = _value(first, lang), _value(second, lang)
            if a is not None and b is not None and a < b:  # "deux ou trois jours": the unit after is the range's
                kind, unit, stop = _unit_after(text, second.end(), end, lang)
                yield Figure(first.start(), stop or second.end(), kind, a, b, "range", unit=unit)
    for m in rxs.range_pre.finditer(text[start:end]):
        s = start + m.end()
        s += _article(text, s, end, lang)
        first = lang.number.match(text, s, end)
        if not first:
            continue
        sep = (rxs.range_and if m.group("pre").lower() in r["between"] else rxs.range_to).match(text[first.end() : end])
        if not sep:
            continue
        at = first.end() + sep.end()
        second = lang.number.match(text, at + _article(text, at, end, lang), end)
        if not second:
            continue
        a, b = _value(first, lang), _value(second, lang)
        if a is None or b is None:
            continue
        if second.group("scale") and not first.group("scale"):
            a *= float(lang.data["scales"][second.group("scale").lower()])
        kind, unit, stop = _unit_after(text, second.end(), end, lang)  # "de 15 à 20 %", "entre 1.800 y 2.400 euros"
        if m.group("pre").lower() not in r["between"] and patterns.changed(text, start + m.start(), lang.code):
            # "passe de 2,15 à 2,50 €": a change, the old level and the new, each in the unit written after the new
            yield Figure(first.start(), first.end(), kind, a, a, "exact", value=a, unit=unit, time_hint="changed from")
            yield Figure(second.start(), stop or second.end(), kind, b, b, "exact", value=b, unit=unit, time_hint="changed to")
            continue
        yield Figure(start + m.start(), stop or second.end(), kind, a, b, "range", unit=unit)
    for first in lang.number.finditer(text, start, end):  # "35 à 38 °C", "15 a 20 kilómetros": the unit makes it one
        sep = rxs.range_to.match(text, first.end(), end)
        second = lang.number.match(text, sep.end(), end) if sep else None
        kind, unit, stop = _unit_after(text, second.end(), end, lang) if second else ("count", None, None)
        a, b = (_value(first, lang), _value(second, lang)) if second else (None, None)
        if stop and kind != "count" and a is not None and b is not None and a < b:
            yield Figure(first.start(), stop, kind, a, b, "range", unit=unit)


def _article(text: str, at: int, end: int, lang: Language) -> int:
    """The length of an article (and its space) written before a range's end at `at` ("un 8"), else 0."""
    rx = lang.patterns.article
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


def _hedged(text: str, start: int, fig: Figure, lang: Language) -> Figure:
    return hedges.hedged(text, start, len(text), fig, lang.code, ("exact", "about"))  # "más de un centenar"
