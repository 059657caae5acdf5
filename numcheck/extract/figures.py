"""From an article's text to its figures: every number, with its interval and exact span.

Our own patterns read what quantulum3 cannot (dates, times, money with a scale, ranges in
written order, vague amounts, ordinals, ages) and mask the rest of the text from it; quantulum3
reads the remaining quantities and their units; hedges ("about", "more than") are read around
every figure. quantulum3 sees only the words around numbers a unit follows (see _parsed).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator

from numcheck.extract import clock, dates, foreign, foreign_dates, hedges, intervals, langfile, nonclaims, patterns
from numcheck.extract import quantities, tallies, units
from numcheck.extract.language import EN, GRAMMAR, alt
from numcheck.extract import sentences
from numcheck.model import Figure, Kind
from numcheck.extract.numbers import (
    CODE,
    DIGITS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SCALES,
    WORD_NUMBER,
    decimals,
    parse_digits,
    parse_words,
)

_VAGUE_WORDS = set(EN["numbers"]["vague_words"])
_HAS_NUMBER = re.compile(  # a digit, or a word that can be (part of) a figure: quantulum3 is fed nothing else
    r"\d|\b(?:" + "|".join(sorted(NUMBER_WORDS | set(ORDINAL_WORDS) | _VAGUE_WORDS)) + r")s?\b", re.I
)
_WORD_SCALES = alt(EN["numbers"]["word_scales"])
_ARTICLES = alt(EN["numbers"]["articles"])  # "a hundred", "an eighth"
_GLUED_SCALES = alt(EN["numbers"]["glued_scales"])  # "8.1bn", "250K"
_AND_A_HALF = r"\s+".join(map(re.escape, EN["numbers"]["and_a_half"].split()))  # "two and a half million"
_WORD_STEP = rf"(?:(?:\s+{GRAMMAR['and']}\s+|[\s-]+)(?:{WORD_NUMBER}|{_WORD_SCALES})\b|\s+{_AND_A_HALF}\b)"
_WORD_RUN = re.compile(  # "two hundred and thirty", "a hundred", "a hundred and fifty"
    rf"(?<![\w-])(?:(?:{_ARTICLES})\s+(?=(?:{_WORD_SCALES})\b))?{WORD_NUMBER}{_WORD_STEP}*(?![\w-])"
    rf"|(?<![\w-])(?:{_ARTICLES})\s+(?:{_WORD_SCALES})\b(?:{_WORD_STEP}+(?![\w-]))?",
    re.I,
)
_UNITS = EN["units"]
_FRACTION_JOINERS = "".join(r"[\s-]+" + w for w in _UNITS["fraction_joiners"])  # " and a", "-and-an"
#: what can follow a number as its unit: quantulum3 sees only numbers followed by one of these
_UNIT_AFTER = re.compile(
    rf"(?:{_FRACTION_JOINERS}[\s-]+(?:{alt(_UNITS['unit_fractions'])}))?"
    rf"[\s-]?(?:%|°|£|€|\$|(?i:{alt(_UNITS['after_number'], escape=False)})|[A-Z]{{3}}\b|C\b|F\b|K\b)"
)
_ANY_NUMBER = re.compile(rf"(?:{DIGITS})(?:\s?(?:{patterns.SCALES_AFTER})\b)?|{_WORD_RUN.pattern}", re.I)
_A_NUMBER = re.compile(rf"\d|\b(?:{WORD_NUMBER}|{_WORD_SCALES}|{alt(SCALES)})\b", re.I)
#: (never the whole part of a decimal a word is glued to: "36.7x" is no 36)
_DIGIT_RUN = re.compile(rf"(?<![\w.,])(?:{DIGITS})(?:{_GLUED_SCALES})?(?![\w]|[.,]\d)")
#: A run of digits and separators longer than any figure (a table row, a digit string): quantulum3's
#: time grows with the cube of its length, so it never sees one; our own patterns still read it.
_NUMBER_RUN = re.compile(r"\d+(?:[,. ]\d+)*")
#: Longer sentences are read by our own patterns only: quantulum3's time per sentence grows faster
#: than its length (up to the square, on lists of ordinals or ranges), and news sentences are under
#: 400 characters (sentences.py cuts any sentence at 1,000).
QUANTULUM_MAX_CHARS = 500
_READ_BEFORE, _READ_AFTER = 12, 48  # characters quantulum3 sees around each number (see _parsed)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_CURRENCY_CODES = {
    "euro": "EUR",
    "pound sterling": "GBP",
    "japanese yen": "JPY",
    "russian ruble": "RUB",
    "united states dollar": "USD",
    "dollar": "$",
    "chinese yuan": "CNY",
    "swiss franc": "CHF",
    "indian rupee": "INR",
    "ukrainian hryvnia": "UAH",
}
_OWNERS = "|".join(rf"{re.escape(w)}\s+" for w in EN["money"]["owners"])  # "pounds of the stuff"
_POUNDS_OF = re.compile(rf"\s+{GRAMMAR['of']}\s+(?!(?:{_OWNERS})?(?:{alt(EN['money']['not_weight'])})\b)[a-z]")
_CONTINUOUS = ("quantity", "duration", "percent")
_MASS_WORDS = alt(sorted((w for w, u in units.WORDS.items() if units.dimension(u) == "mass"), key=len, reverse=True))
_MASS_AFTER = re.compile(rf"\s*\(\s*(?:[a-z]+\s+)?(?:{DIGITS})\s?(?:{_MASS_WORDS})\b", re.I)  # "9 pounds (4kg)"
_MASS_BEFORE = re.compile(rf"(?:{DIGITS})\s?(?:{_MASS_WORDS})\s*[(,]?\s*(?:[a-z]+\s+)?$", re.I)  # "4kg (9 pounds)"


def _weighed_beside(text: str, s: int, e: int) -> bool:
    """Pounds beside the same weight in another unit, in brackets ("lost 9 pounds (4kg)", "4kg (9 pounds)"): a weight."""
    return bool(_MASS_AFTER.match(text, e) or _MASS_BEFORE.search(text, max(0, s - 24), s))


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The sentences of text from `start` (the body, after any front matter)."""
    return list(sentences.split(text, start))


def figures(text: str, start: int, end: int, today: dt.date | None, lang: str = "en") -> list[Figure]:
    """Every figure in text[start:end] (one sentence), in text order, spans never overlapping.
    A language other than English is read from its language file (foreign.py). A paragraph the
    language identifier is sure is in another language than `lang` is read in its own."""
    lang = paragraph_language(text, start, end, lang)
    if lang != "en":
        other = langfile.language(lang)
        if other is not None:
            return [f for f in foreign.figures(text, start, end, today, other) if _finite(f)]
    if not _HAS_NUMBER.search(text, start, end):  # "last December", "a week later", "in her forties" have no number
        wordless: list[Figure] = []
        for fig in (*dates.find(text, start, end, today), *_wordless_durations(text, start, end)):
            if not _overlaps(fig.start, fig.end, _spans(wordless)):
                wordless.append(fig)
        return sorted((f if f.kind == "date" else _hedged(text, start, end, f) for f in wordless), key=lambda f: f.start)
    names = list(nonclaims.names(text, start, end)) + list(
        nonclaims.named_units(text, start, end)
    )  # "the 1922 Committee": no date either
    records = list(patterns.records(text, start, end))  # "his record to 52-3": a record, read as its wins
    records += tallies.tallies(text, start, end)  # "voted 7-4": a vote's two sides
    looks = (*nonclaims.non_claims(text, start, end), *nonclaims.scores(text, start, end))  # "a 3-1 win", no "14-3 record"
    masks = [(s, e) for s, e in looks if not _overlaps(s, e, _spans(records))]
    masks += names + list(patterns.named_ordinals(text, start, end))
    masks += nonclaims.races(text, start, end)  # "fourth in the 10,000 metres": an event
    found: list[Figure] = []
    own = (
        dates.find(text, start, end, today),
        records,
        clock.spoken_times(text, start, end),
        clock.times(text, start, end),
        patterns.money(text, start, end),
        patterns.compound_quantities(text, start, end),
        clock.hour_fractions(text, start, end),  # "a quarter of an hour": 15 minutes
        clock.unit_and_part(text, start, end),  # "an hour and a half": 1.5 hours
        patterns.fraction_scales(text, start, end),
        patterns.unit_fractions(text, start, end),
        patterns.temperatures(text, start, end),
        patterns.metres_or_millions(text, start, end),
        patterns.scaled_units(text, start, end),
        clock.ages(text, start, end),
        clock.bare_ages(text, start, end),
        patterns.fractions(text, start, end),
        patterns.ones(text, start, end),
        clock.durations(text, start, end),
        patterns.ranges(text, start, end),
        patterns.odd_amounts(text, start, end),  # "sixty-odd"
        patterns.vague(text, start, end),
        patterns.ordinals(text, start, end),
    )
    for finder in own:
        for fig in finder:
            if (
                fig.kind == "date" and not _overlaps(fig.start, fig.end, names) or not _overlaps(fig.start, fig.end, masks)
            ) and not _overlaps(fig.start, fig.end, _spans(found)):
                found.append(fig)  # a date's pattern is surer than a look-alike's ("Q2 2021" is no model name)
    found.extend(_quantities(text, start, end, masks, found))
    found.extend(_stray_digits(text, start, end, masks, found))
    found.extend(_stray_words(text, start, end, masks, found))
    found = patterns.joined_ranges(text, start, [_scaled(text, end, f) for f in found])
    found = patterns.points(text, start, end, found)  # "dropped 11 points to 42%"
    found = patterns.parts_in_unit(text, found)  # "three years, of which two suspended"
    return sorted((g for f in found if _finite(g := _hedged(text, start, end, f))), key=lambda f: (f.start, f.end))


def dates_forward(text: str, start: int, end: int, today: dt.date | None, lang: str = "en", future: bool = True) -> list[Figure]:
    """The dates of text[start:end] as `figures` reads them, but every one the tense resolves read
    forward from `today` (`future`), as in a sentence in the future tense, or back (not `future`), as
    in one in the past: what a date is when the sentence's syntax, not its words, says it is of what
    is to come or of what is past (attribute/tense.py)."""
    lang = paragraph_language(text, start, end, lang)
    other = langfile.language(lang) if lang != "en" else None
    if other is not None:
        return list(foreign_dates.date_figures(text, start, end, today, other, future=future))
    return list(dates.find(text, start, end, today, future=future))


def _wordless_durations(text: str, start: int, end: int) -> Iterator[Figure]:
    """Durations and ages a sentence with no number in it may give: a single unit ("a week later"), a
    unit and a part of it ("an hour and a half"), an age by its decade in words ("in her forties"); only
    where one of their words is written (a substring test: most sentences have none)."""
    lowered = text[start:end].lower()
    if not any(w in lowered for w in _WORDLESS_CUES):
        return
    yield from clock.unit_and_part(text, start, end)
    yield from clock.single_units(text, start, end)
    yield from clock.decade_ages(text, start, end)


# "a week later", "Hours later", "Weeks of talks", "will take weeks", "in her forties": the words a wordless duration needs
_WORDLESS_CUES = (
    *(f"{a} {u}" for a in ("a", "an") for u in EN["clock"]["duration_units"]),
    *(f"{u}s {w}" for u in EN["clock"]["duration_units"] for w in (*EN["clock"]["duration_after"], GRAMMAR["of"])),
    *(f"{v} {u}s" for u in EN["clock"]["duration_units"] for v in EN["clock"]["plural_before"]),
    *EN["clock"]["decade_words"],
)


def paragraph_language(text: str, start: int, end: int, lang: str) -> str:
    """The language of the paragraph (the line) that holds text[start:end]: `lang`, the article's,
    unless the identifier is sure it is another (a quote in French in an English article). A
    paragraph of fewer than PARAGRAPH_MIN_LETTERS letters keeps the article's language: on so few
    trigrams the identifier can be sure and wrong ("Le chantier coûtera 3,5 millions d'euros." is
    98% Spanish to it)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return foreign.identify(text[first : last if last >= 0 else len(text)], lang, min_letters=PARAGRAPH_MIN_LETTERS)


PARAGRAPH_MIN_LETTERS = 60


def _finite(fig: Figure) -> bool:
    """A figure beyond what a float holds ("1e400", "10^500") cannot be compared: it is not read."""
    return all(not isinstance(x, float) or math.isfinite(x) for x in (fig.low, fig.high, fig.value))


def _quantities(text: str, start: int, end: int, masks: list[tuple[int, int]], found: list[Figure]) -> Iterator[Figure]:
    """quantulum3's readings of what our patterns left; units lent to our own ranges and vague amounts."""
    if end - start > QUANTULUM_MAX_CHARS:
        return
    blanked = [(f.start, f.end) for f in found if f.approx not in ("range", "vague")] + masks
    chars = list(text[start:end])
    for s, e in blanked:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    # no-break and thin spaces as thousands separators ("70\u00a0000"): same length, so offsets hold
    # (a decimal comma, "64,2%", is a point already: separators.py)
    sentence = "".join(chars).translate(_SPACES)
    sentence = _NUMBER_RUN.sub(lambda m: " " * len(m.group(0)) if len(m.group(0)) > 32 else m.group(0), sentence)
    # quantulum3's cost is per number, so it sees only the numbers a unit follows; plain counts,
    # digits or words, are read by our own patterns (_stray_digits, _stray_words)
    sentence = _ANY_NUMBER.sub(lambda m: m.group(0) if _UNIT_AFTER.match(m.string, m.end()) else " " * len(m.group(0)), sentence)
    for q in _parsed(sentence):
        s, e = q.start + start, q.end + start
        shared = [f for f in found if f.start < e and s < f.end]
        if shared:
            for f in shared:
                if q.unit and f.unit is None and e > f.end:
                    found[found.index(f)] = _with_unit(f, q.unit, q.entity, e)
            continue
        if _overlaps(s, e, masks) or q.unit in (None, "count", "dimensionless") and not _A_NUMBER.search(text, s, e):
            # "in the quarter", "half-time": a fraction word alone counts nothing ("a quarter of" is patterns.fractions')
            continue
        yield from _written_order(text, _from_quantity(text, s, e, q))


def _parsed(sentence: str) -> Iterator[quantities.Quantity]:
    """quantulum3's readings of a masked sentence, parsing only the text around each number left:
    its time grows with the text it is given, and what it reads depends on a few words around a
    number (a currency before it, a unit such as "barrels per day" after it)."""
    windows: list[list[int]] = []
    for m in _HAS_NUMBER.finditer(sentence):
        a = sentence.rfind(" ", 0, max(0, m.start() - _READ_BEFORE)) + 1  # from a word's start...
        b = sentence.find(" ", m.end() + _READ_AFTER)  # ...to a word's end
        b = len(sentence) if b < 0 else b
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    for a, b in windows:
        for q in quantities.parse(sentence[a:b]):
            yield quantities.Quantity(q.start + a, q.end + a, q.value, q.unit, q.entity, q.uncertainty)


def _with_unit(fig: Figure, unit: str, entity: str, end: int) -> Figure:
    kind = _kind(unit, entity)
    return Figure(
        fig.start, end, kind if fig.kind == "count" else fig.kind, fig.low, fig.high, fig.approx, fig.value, unit, fig.time_hint
    )


def _kind(unit: str | None, entity: str) -> Kind:
    if unit is None:
        return "count"
    if unit in ("percentage", "per cent", "percent", "percentage point"):
        return "percent"
    if entity == "currency":
        return "money"
    if entity == "time":
        return "duration"
    return "quantity"


_SEPARATOR_WORDS = [w for w in EN["ranges"]["separators"] if w.isalpha()]  # "to", "and", "or": whole words
_SEPARATOR_SIGNS = [w for w in EN["ranges"]["separators"] if not w.isalpha()]  # "-", "–"
_RANGE_ENDS = re.compile(
    rf"(?P<a>.*?\d.*?)(?:\s*(?:{alt(_SEPARATOR_SIGNS)})\s*|\s+(?:{alt(_SEPARATOR_WORDS)})\s+)(?P<b>\D*\d.*)", re.I
)


def _written_order(text: str, fig: Figure) -> Iterator[Figure]:
    """A range read by quantulum3 as it is, unless it is written high to low ("cut from 20% to 5%"), or
    opened by "from" after a verb of change ("raise capacity from 6 million litres to 15 million litres"):
    a range is written low to high (as patterns.ranges holds), and a change gives two levels, so either
    is two figures, each exact."""
    ends = _RANGE_ENDS.fullmatch(text, fig.start, fig.end) if fig.approx == "range" and fig.high else None
    a, b = (re.search(DIGITS, ends["a"]), re.search(DIGITS, ends["b"])) if ends else (None, None)
    n1, n2 = (parse_digits(a.group(0)), parse_digits(b.group(0))) if a and b else (None, None)
    if ends is None or not n1 or not n2 or not isinstance(fig.high, (int, float)):
        yield fig
        return
    opened = patterns.range_opening(text, max(0, fig.start - 12), fig.start, "en")
    if n1 <= n2 and not patterns.opens_change(opened, text, "en"):
        yield fig
        return
    scale = float(fig.high) / max(n1, n2)
    for key, n in (("a", n1), ("b", n2)):
        surface = ends[key]
        slack = _written_slack(surface, n * scale, continuous=fig.kind in _CONTINUOUS)
        yield Figure(ends.start(key), ends.end(key), fig.kind, n * scale - slack, n * scale + slack, "exact", n * scale, fig.unit)


def _from_quantity(text: str, s: int, e: int, q: quantities.Quantity) -> Figure:
    surface = text[s:e]
    weighs = _POUNDS_OF.match(text, e) or _weighed_beside(text, s, e)  # "5,000 pounds of cocaine", "9 pounds (4kg)"
    if q.unit == "pound sterling" and weighs:
        if text[s] == "(" and text[e - 1] == ")":  # "(198 pounds)": a weight in brackets, not money's negative
            s, e = s + 1, e - 1
            surface = text[s:e]
        q = quantities.Quantity(q.start, q.end, abs(q.value), "pound-mass", "mass", q.uncertainty)
    kind = _kind(q.unit, q.entity)
    unit = "%" if kind == "percent" else _CURRENCY_CODES.get(q.unit or "", q.unit) if kind == "money" else q.unit
    minus = re.search(r"\bminus\s+$", text[max(0, s - 8) : s])
    if minus and q.value > 0:
        q = quantities.Quantity(q.start, q.end, -q.value, q.unit, q.entity, q.uncertainty)
        s -= len(minus.group(0))
    if q.uncertainty:
        return Figure(s, e, kind, q.value - q.uncertainty, q.value + q.uncertainty, "range", None, unit)
    slack = _written_slack(surface, q.value, continuous=kind in _CONTINUOUS)
    return Figure(s, e, kind, q.value - slack, q.value + slack, "exact", q.value, unit)


def _written_slack(surface: str, value: float, continuous: bool = False) -> float:
    """Half the last written unit, scaled: '1.5 million' may be 1.45 to 1.55 million. A measured
    quantity ("6 miles", "40 percent") is rounded even when whole: 6 miles is 5.5 to 6.5 miles;
    a count of people is not: five people are five."""
    m = re.search(DIGITS, surface)
    if not m:  # "forty", "two hundred", "a million": rounded like their digits; "three and a half hours" as 3.5
        places = 0 if value == int(value) else 1
        return max(intervals.rounding(value, places), 0.5 * 10.0**-places if continuous else 0.0)
    digits = parse_digits(m.group(0)) or 0.0
    scale = abs(value / digits) if digits else 1.0
    slack = intervals.written_slack(digits, decimals(m.group(0)), scale)
    if continuous:
        slack = max(slack, intervals.measured_floor(decimals(m.group(0)), scale))
    return slack


_SCALE_AFTER = re.compile(rf"\s?({patterns.SCALES_AFTER})\b", re.I)
_SCALE_GLUED = re.compile(rf"(?<=\d)({_GLUED_SCALES})$")


def _scaled(text: str, end: int, fig: Figure) -> Figure:
    """A count whose scale word the parser left behind: 'Some 2 billion', '8.1bn'."""
    if fig.kind != "count" or fig.approx != "exact" or fig.value is None:
        return fig
    surface = text[fig.start : fig.end]
    digits = re.search(DIGITS, surface)
    if digits is None or parse_digits(digits.group(0)) != fig.value:
        return fig  # already scaled, or not written in digits
    glued = _SCALE_GLUED.search(surface)
    after = None if glued else _SCALE_AFTER.match(text, fig.end, end)
    word = glued.group(1) if glued else after.group(1) if after else None
    if word is None:
        return fig
    scale = SCALES[word.lower()]
    value = fig.value * scale
    slack = intervals.written_slack(fig.value, decimals(digits.group(0)), scale)
    return Figure(fig.start, after.end() if after else fig.end, "count", value - slack, value + slack, "exact", value)


def _stray_words(text: str, start: int, end: int, masks: list[tuple[int, int]], found: list[Figure]) -> Iterator[Figure]:
    """Numbers in words that no other reading covered ('five people', 'two hundred homes')."""
    for m in _WORD_RUN.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), masks) or _overlaps(m.start(), m.end(), _spans(found)):
            continue
        if nonclaims.names_a_thing(text, m.start(), m.end(), start) and m.group(0)[:1].isupper():
            continue  # "Third Avenue", "the Big Four" are names
        value = parse_words(m.group(0))
        if value is None or value == 1 and m.group(0).lower() in ("one", "a", "an"):
            continue  # "one" alone is a pronoun far more often than a figure (see patterns.ones)
        year = dates.written_year(text, m.start(), m.end(), value)  # "Two thousand and twenty-six was"
        if year is not None:
            yield year
            continue
        slack = intervals.rounding(value, 0)
        yield Figure(m.start(), m.end(), "count", value - slack, value + slack, "exact", value)


def _stray_digits(text: str, start: int, end: int, masks: list[tuple[int, int]], found: list[Figure]) -> Iterator[Figure]:
    """Digits that neither our patterns nor quantulum3 read: still figures, never lost."""
    for m in _DIGIT_RUN.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), masks) or _overlaps(m.start(), m.end(), _spans(found)):
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        negative = before[-1:] in ("-", "−") and not before[:1].isalnum()  # "-5", not "2-0"
        if re.match(r"-\d", text[m.end() : m.end() + 2]) or before[-1:] == "-" and not negative:
            continue  # one side of "2-0" that no pattern read as a range or a record: a score, not a figure
        value = parse_digits(m.group(0).rstrip("bnmtkK"))
        if value is None or CODE.match(m.group(0)):
            continue  # "case 0183": a leading zero writes a code, never a quantity
        start_at, value = (m.start() - 1, -value) if negative else (m.start(), value)
        slack = intervals.rounding(value, decimals(m.group(0)))
        yield Figure(start_at, m.end(), "count", value - slack, value + slack, "exact", value)  # "8.1bn": _scaled


def _hedged(text: str, start: int, end: int, fig: Figure) -> Figure:
    """The figure with the hedge or bound written around it (hedges.py), its span widened to include the words."""
    return hedges.hedged(text, start, end, fig, "en", ("exact", "about"))


def _spans(figs: Iterable[Figure]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in figs]


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < se and ss < e for ss, se in spans)
