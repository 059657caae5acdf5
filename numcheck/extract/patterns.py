"""Our own readings of figures that quantulum3 misses or misreads.

Each finder scans text[start:end] and yields figures (what makes no claim is nonclaims.py's). Their
spans mask the text that the quantity parser sees, so nothing is read twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache

from numcheck.extract import intervals, units
from numcheck.extract.language import EN, GRAMMAR, alt, any_first_case, data
from numcheck.extract.nonclaims import names_a_thing
from numcheck.model import Figure, Kind, as_kind, less
from numcheck.extract.numbers import DIGITS, ORDINAL_WORDS, SCALES, WORD_NUMBER, decimals, parse_digits, parse_number

_OF, _THE, _AND = (re.escape(GRAMMAR[w]) for w in ("of", "the", "and"))
_ONE_WORD = any_first_case([EN["numbers"]["one"]])[0]  # "One dead" opening a sentence, "killing one"
SCALES_AFTER = alt(EN["numbers"]["scales_after"])  # "2 million", "8.1bn"
_NUM = rf"(?:{DIGITS})(?:\s?(?:{SCALES_AFTER})\b)?"
_WNUM = rf"(?:{_NUM}|(?i:{WORD_NUMBER}))"


_PAIR_CUE = re.compile(r"\d-\d")


@lru_cache(maxsize=None)
def _record(code: str) -> re.Pattern[str] | None:
    """A win-loss(-draw) record in a language: after its [records] before words ("record to", "balance de"), in
    brackets after a name, or before its after words ("a 52-3 record"); English also after a name and a comma
    and after "now" ("Klitschko, now 52-3"). None where the file has no [records]."""
    r = data(code).get("records")
    if not r:
        return None
    english = (rf"|(?<=[A-Za-z], )|(?<={re.escape(GRAMMAR['now'])} )",) if code == "en" else ("",)
    record = r"\d{1,3}-\d{1,3}(?:-\d{1,3})?"
    after = rf"|(?={record}\s+(?i:{alt(r['after'])})\b)" if r.get("after") else ""
    return re.compile(  # the digits are looked for first: the look-behinds are tried only before a record's shape
        rf"(?=\d{{1,3}}-\d)(?:(?<=\(){english[0]}{after}|(?i:" + "|".join(f"(?<={re.escape(w)})" for w in r["before"]) + "))"
        r"(?P<w>\d{1,3})-(?P<l>\d{1,3})(?:-(?P<d>\d{1,3}))?\b(?![-.]?\d|-)"
    )


_MONEY_SCALES = alt(EN["numbers"]["money_scales"])
_MONEY = re.compile(
    rf"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹|₽|(?:\b(?:{alt(EN['money']['codes'])}|{alt(EN['money']['signs'])}))\s?)"
    rf"(?P<num>{DIGITS})(?:\s?[-–]\s?(?P<num2>{DIGITS}))?(?:\s?(?P<scale>(?i:{_MONEY_SCALES}))\b)?"  # "£78.4MILLION"
)
_MONEY_WORDS = re.compile(
    rf"(?<![$£€¥\w.,])(?P<num>{DIGITS})(?:\s?(?P<scale>{_MONEY_SCALES})\b)?\s+"
    r"(?P<word>" + "|".join(sorted(units.CURRENCY_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)
_CURRENCIES = {
    "$": "$",
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    **EN["money"]["signs"],
}
_SUBUNITS: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in EN["money"]["glued_subunits"].items()}
# "95p", "20p", "41.25p": digits (a price in tenths or hundredths of the small unit too) with the small
# unit glued on, and no sign before them
_GLUED_SUBUNIT = re.compile(rf"(?<![\w.,$£€¥])(?P<num>\d{{1,3}}(?:\.\d{{1,2}})?)(?P<sub>{alt(_SUBUNITS)})\b")
_WORD_SUBUNITS: dict[str, tuple[str, float]] = {k.lower(): (v[0], float(v[1])) for k, v in EN["money"]["subunit_words"].items()}
# "75 cents", "ninety-nine pence": whole digits or words, then the small unit's word; not "per cent"
_SUBUNIT_CUES = re.compile(rf"(?i:{alt({w.split()[-1] for w in _WORD_SUBUNITS})})")
_WORD_SUBUNIT = re.compile(
    rf"(?<![\w.,$£€¥])(?P<num>\d{{1,3}}(?:\.\d{{1,2}})?|(?i:{WORD_NUMBER}))"
    rf"\s+(?P<sub>(?i:{alt(_WORD_SUBUNITS, longest_first=True)}))\b"
)
_PER_SHARE = re.compile(rf"\s+(?i:{alt(EN['money']['subunit_per'])})\b")  # "24 cents a share": in cents, no main unit
_V = EN["vague"]
_VAGUE_MULT: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _V["multipliers"].items()}
_VAGUE = re.compile(
    rf"\b(?P<mult>{alt(_V['before_scale'])})\s+(?P<scale>{alt(_V['scales'])})s?"
    rf"(?:\s+(?:{_OF}\s+)?(?P<scale2>{alt(_V['second_scales'])})s?)?\b"
    rf"|\b(?P<plural>{alt(_V['plurals'])})(?:\s+(?:{_AND}\s+\w+\s+)?{_OF}\s+(?P<of>{alt(_V['of_plurals'])}))?\b"
    rf"|\b(?P<dozen>(?:{alt(_V['dozens'], escape=False)})\s+{_V['dozen']})\b"
    rf"|\b(?P<handful>{alt(_V['handful'], escape=False)})\b"
    rf"|\b(?P<alone>{alt(_V['alone'], escape=False)})\b(?=\s+(?:{_OF}\s+)?(?:(?P<span>{alt(_V['spans'])})\b|"
    rf"{alt(_V['persons'])}|[a-z]{{2,}}[^s\W]?s\b(?<!ss\b)))",
    re.I,
)
_OF_MONEY = re.compile(rf"\s+{_OF}\s+(?P<word>{alt(_V['of_money'])})\b", re.I)
_PLURALS: dict[str, float] = _V["plurals"]
# "one" is a figure only where a toll or a hedge says so: "killing one", "at least one person"
_ONE = re.compile(
    rf"(?i:\b(?:{alt(EN['one']['before'], escape=False)}|"
    rf"(?:{alt(EN['one']['verbs'])})\s+(?:{GRAMMAR['at']}|{GRAMMAR['to']}))\s+)(?P<a>{_ONE_WORD})\b(?!\s+{_OF}\b|-)"
    rf"|\b(?P<b>{_ONE_WORD})\s+(?=(?:{alt(EN['one']['nouns'])})\b)"
    rf"|\b(?P<c>{_ONE_WORD})\s+(?=(?:{alt(EN['one']['tolls'], escape=False)})\b)"  # "forces thousands to flee; one dead"
)
_F = EN["fractions"]
_SMALL = rf"(?:{alt(EN['numbers']['units'])}|\d{{1,3}})"
# one look-behind a phrase, each of one width: "by a quarter", "by nearly a third"
_SHARE_BEFORE = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in _F["share_before"])
_FRACTION = re.compile(
    rf"\b(?P<n>{alt(_F['numerators'])})[\s-]+(?P<d>{alt(_F['denominators'])})\b(?=\s+{_OF}\b)"
    rf"|(?:{_SHARE_BEFORE})(?P<n2>{alt(_F['numerators'])})[\s-]+(?P<d2>{alt(_F['denominators'])})\b(?!\s+{_OF}\b)"
    rf"|\b(?P<n3>{alt(_F['numerators'])})[\s-]+(?P<d3>{alt(_F['denominators'])})\b(?=\s+(?:{alt(_F['share_verbs'])})\b)"
    rf"|\b(?P<n4>{alt(_F['many'])})-(?P<d4>{alt(_F['plural_denominators'])})\b(?!\s+{_OF}\b)"
    rf"|\b(?P<half>{any_first_case([_F['half']])[0]})\b(?=\s+(?:{_OF}|{_THE})\b)"
    rf"|\b(?P<one>{_SMALL})\s+(?:{alt(_F['in_words'])})\s+(?P<in>{alt(_F['one_in'])}|{_SMALL})\b(?!\s+(?:{alt(_F['not_in_after'])})\b)"
    r"|(?<![\w/.,])(?<!\d\s)(?P<top>\d)/(?P<bottom>\d{1,2})(?![\w/.,-]|\.\d)",
    re.I,
)
_DENOMINATORS: dict[str, int] = _F["denominators"]
_UNIT_ORDINALS = frozenset(EN["ordinals"]["units"])  # "second": also a unit of time
_UNIT_BEFORE = re.compile(rf"(?:{alt(EN['ordinals']['unit_before'], escape=False)})\s+$")  # "a second", "per second"
_ARTICLE_BEFORE = re.compile(rf"\b(?:{alt(EN['numbers']['articles'])})\s+$", re.I)
_NOUN_AFTER = re.compile(rf"\s+(?!(?:{alt(EN['ordinals']['unit_after'])})\b)[a-z]+\b")
_ORDINAL_UNITS = {EN["ordinals"]["first"]: 1, **{w: v for w, v in ORDINAL_WORDS.items() if v < 10}}
_ORDINAL = re.compile(
    r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+)"  # "1,000th"
    r"(?:(?<=(?<!1)1)st|(?<=(?<!1)2)nd|(?<=(?<!1)3)rd|(?<=[04-9])th|(?<=1\d)th)\b"  # "14st" is no ordinal (stone)
    rf"|\b(?P<tens>{alt(EN['numbers']['tens'])})-(?P<unit>{alt(_ORDINAL_UNITS)})\b"  # "thirty-second", "twenty-first"
    r"|\b(?P<w>"
    + "|".join(ORDINAL_WORDS)
    + rf")(?:-(?:{alt(EN['ordinals']['joined'])}))?\b"
    + rf"(?!\s*(?:{_OF}\s+{EN['numbers']['articles'][0]}\s+)?{EN['ordinals']['units'][0]})",  # "a third of a second"
    re.I,
)
_RANGE = re.compile(
    rf"(?P<pre>\b(?i:{alt(EN['ranges']['before'])})\s+)?(?<![^\W\d_])(?P<a>{_WNUM})\s*(?P<sep>{alt(EN['ranges']['separators'])})\s*(?P<b>{_WNUM})(?![\d:])",
)


@lru_cache(maxsize=None)
def change_verb(code: str) -> re.Pattern[str] | None:
    """A language's verbs of change ([ranges] change_verbs) ending within three words of where a "from" range
    would open: "rose from 5 to 24", "raise the brewery's capacity from 6 to 15 million litres", "passe de 2,15 à
    2,50 €" are a change, two levels, not a range."""
    verbs = data(code)["ranges"].get("change_verbs")
    return re.compile(rf"\b(?:{alt(verbs)})\s+(?:[\w'’]+\s+){{0,3}}$", re.I) if verbs else None


_CHANGE_VERB = change_verb("en") or re.compile(r"(?!x)x")


def temperatures(text: str, start: int, end: int) -> Iterator[Figure]:
    """'46.2C', '115.2F', '41°C', '104 °F': news writes temperatures with a bare letter."""
    for m in _TEMPERATURE.finditer(text, start, end):
        before = _TEMPERATURE_BEFORE.search(text, max(start, m.start() - 12), m.start())  # looked for only after a match
        value = float(m["v"].replace(",", ".")) * (-1 if before and before["minus"] else 1)
        unit = "degree Celsius" if m["u"] == "C" else "degree fahrenheit"
        low = float(before["lo"].replace(",", ".")) if before and before["lo"] else None
        if before and low is not None and low < value:  # "31-34C": the unit after the range is both ends'
            yield Figure(before.start(), m.end(), "quantity", low, value, "range", unit=unit)
            continue
        at = before.start() if before and before["minus"] else m.start()
        slack = intervals.written_slack(value, decimals(m["v"]), 1.0) if "." in m["v"] or "," in m["v"] else 0.5
        yield Figure(at, m.end(), "quantity", value - slack, value + slack, "exact", value=value, unit=unit)


_TEMPERATURE = re.compile(r"(?<![\w.,])(?P<v>-?\d{1,3}(?:[.,]\d)?)\s?°?\s?(?P<u>[CF])\b(?![-'’])")
# what may stand right before a temperature: the low end of its range ("31-34C"), or a sign in words ("minus 14C")
_TEMPERATURE_BEFORE = re.compile(
    rf"(?:(?<![\w.,])(?P<lo>-?\d{{1,3}}(?:[.,]\d)?)[-–]|\b(?P<minus>(?i:{alt(EN['numbers']['minus'])}))\s+)$"
)


def named_ordinals(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """English ordinals that are part of a name ("Third Avenue", "the Fifth Amendment"): masked, so
    no reader takes "Third" for a third either."""
    for m in _ORDINAL.finditer(text, start, end):
        if names_a_thing(text, m.start(), m.end(), start):
            yield m.start(), m.end()


def records(text: str, start: int, end: int, code: str = "en") -> Iterator[Figure]:
    """Win-loss(-draw) records: 'Klitschko (52-3, 46 KOs)', 'his record to 52-3', 'a 14-3 record', 'un balance
    de 8-3-2'. The claim is the wins; the whole record is quoted, so 52-3 and 53-3 are seen to differ. A match's
    score ('won 3-1') is no record: it names no record word (docs/claims.md, "Records and scores")."""
    rx = _record(code) if _PAIR_CUE.search(text, start, end) else None  # a plain scan for "52-3" first
    for m in rx.finditer(text, start, end) if rx else ():
        wins = float(m["w"])
        yield Figure(m.start(), m.end(), "count", wins, wins, "exact", value=wins, time_hint="record")


def money(text: str, start: int, end: int) -> Iterator[Figure]:
    """Money with a currency sign or code before it ('$1.2bn', '£600m', 'USD 300') or a currency
    word after it ('2bn euros', '15,000 hryvnias'); a small unit in the main unit's scale ('95p', '75 cents'
    are £0.95 and $0.75)."""
    for m in list(_MONEY.finditer(text, start, end)) + list(_MONEY_WORDS.finditer(text, start, end)):
        base = parse_digits(m["num"])
        if base is None:
            continue
        scale = SCALES.get((m["scale"] or "").lower(), 1.0)
        if m.re is _MONEY_WORDS:
            unit = units.CURRENCY_WORDS[" ".join(m["word"].lower().split())]
        else:
            cur = m["cur"].strip()
            unit = _CURRENCIES.get(cur, cur)
        top = parse_digits(m["num2"]) if m.groupdict().get("num2") else None
        if top is not None:  # "$2-3bn"
            yield Figure(m.start(), m.end(), "money", base * scale, top * scale, "range", unit=unit)
            continue
        slack = intervals.written_slack(base, decimals(m["num"]), scale)
        value = base * scale
        yield Figure(m.start(), m.end(), "money", value - slack, value + slack, "exact", value=value, unit=unit)
    worded = _SUBUNIT_CUES.search(text, start, end)  # a literal cue first: the pattern's number words are slow everywhere
    subunits = (*_GLUED_SUBUNIT.finditer(text, start, end), *(_WORD_SUBUNIT.finditer(text, start, end) if worded else ()))
    for m in subunits:
        unit, scale = _SUBUNITS.get(m["sub"]) or _WORD_SUBUNITS[" ".join(m["sub"].lower().split())]
        base = parse_number(m["num"])
        if base is None or _PER_SHARE.match(text, m.end(), end):
            continue
        slack = intervals.rounding(base, decimals(m["num"])) * scale  # "20p" rounded as 20 is (19p to 21p), in pounds
        yield Figure(
            m.start(), m.end(), "money", base * scale - slack, base * scale + slack, "exact", value=base * scale, unit=unit
        )


_METRES_OR_MILLIONS = re.compile(r"(?<![\w.,$£€¥])(?P<v>\d+(?:\.\d+)?)m\b(?![/²³-])")
_DETERMINER_BEFORE = re.compile(rf"\b(?i:{alt(EN['numbers']['articles'])}|{_THE})\s+$")
_METRES_AFTER = re.compile(rf"\s+(?:{alt(EN['units']['metres_after'])})\b")
_PLURAL_AFTER = re.compile(rf"\s+(?:{_OF}\b|(?:[a-z]+\s+)?(?:[a-z]{{2,}}s|{alt(EN['units']['irregular_plurals'])})\b)")
_GLUED_THOUSANDS = re.compile(rf"(?<![\w.,$£€¥])(?P<v>\d+(?:\.\d+)?)(?:{alt(EN['units']['glued_thousands'])})\b(?=\s+[a-z])")


_SCALED_UNITS: dict[str, tuple[Kind, str, float]] = {
    k: (as_kind(v[0]), v[1], float(v[2])) for k, v in EN["units"]["scaled_units"].items()
}
#: a scaled unit's words, joined by a space or a hyphen ("a 2-nautical-mile zone")
_SCALED_WORDS = "|".join(r"[\s-]".join(map(re.escape, u.split())) for u in sorted(_SCALED_UNITS, key=len, reverse=True))
_SCALED_UNIT = re.compile(rf"(?<![\w.,-])(?P<v>{DIGITS}|{WORD_NUMBER})(?:\s*|-)(?P<u>{_SCALED_WORDS})\b", re.I)
_SCALE_BEFORE = re.compile(rf"\b(?:{alt(EN['units']['scales_before'])})\s+(?P<v>\d{{1,2}}(?:\.\d)?)\b(?![.,]\d)", re.I)


def scaled_units(text: str, start: int, end: int) -> Iterator[Figure]:
    """Units that are another unit scaled ('150 basis points' is 1.5 percentage points) and scales
    named before the number ('a magnitude 5.9 earthquake': a quantity with no unit)."""
    for m in _SCALED_UNIT.finditer(text, start, end):
        kind, unit, factor = _SCALED_UNITS[" ".join(m["u"].lower().replace("-", " ").split())]
        v = parse_digits(m["v"]) if m["v"][0].isdigit() else parse_number(m["v"])  # "three nautical miles"
        if v is None:
            continue
        slack = max(intervals.written_slack(v, decimals(m["v"]), 1.0), 0.5 * 10.0 ** -decimals(m["v"]))
        yield Figure(m.start(), m.end(), kind, (v - slack) * factor, (v + slack) * factor, "exact", value=v * factor, unit=unit)
    for m in _SCALE_BEFORE.finditer(text, start, end):
        v = float(m["v"])
        slack = 0.5 * 10.0 ** -decimals(m["v"])
        yield Figure(m.start(), m.end(), "quantity", v - slack, v + slack, "exact", value=v)


_U = EN["units"]
_GLUED_ONLY = frozenset(_U["glued_only"])
_PERCENT_WORDS = frozenset(_U["percent"])


def _unit_words(words: list[str]) -> str:
    """A unit's words, longest first; an abbreviation in glued_only only right after its digits."""
    return "|".join(rf"(?<=\d){re.escape(w)}" if w in _GLUED_ONLY else re.escape(w) for w in sorted(words, key=len, reverse=True))


_AMOUNT = rf"(?:\d+|{WORD_NUMBER})"
_COMPOUNDS = [
    (
        c["unit"],
        float(c["parts"]),
        re.compile(
            rf"(?<![\w.,])(?P<a>{_AMOUNT})\s?(?:{_unit_words(c['major'])})\b,?\s*(?:{_AND}\s+)?"
            rf"(?P<b>\d+(?:\.\d+)?|{WORD_NUMBER})\s?(?:{_unit_words(c['minor'])})\b(?!-)",
            re.I,
        ),
    )
    for c in _U["compounds"]
]
_VULGAR = "".join(
    c
    for c in map(chr, range(0x00BC, 0x215F))
    if unicodedata.category(c) == "No" and "/" in unicodedata.decomposition(c).replace("2044", "/")
)
_MIXED = re.compile(
    rf"(?<![\w.,/])(?P<w>\d+)(?:[\s-]+(?P<n>\d)/(?P<d>\d{{1,2}})"
    rf"|(?P<v>[{_VULGAR}]))[\s-]?(?P<u>{alt(_PERCENT_WORDS, longest_first=True)}|[a-z]+)(?!\w)",
    re.I,
)


_GLUED_UNITS: dict[str, str] = _U["glued_units"]
_GLUED_UNIT = re.compile(rf"(?<![\w.,])(?P<v>\d+(?:\.\d+)?)(?P<u>{alt(_GLUED_UNITS)})\b(?!\s*\d)")
_FRACTIONS_OF_SCALE: dict[str, float] = EN["numbers"]["fractions_of_scale"]
_FRACTION_SCALE = re.compile(
    rf"\b(?P<f>{alt(_FRACTIONS_OF_SCALE, longest_first=True)})\s+(?:{GRAMMAR['a']}|{EN['numbers']['one']})"
    rf"\s+(?P<s>{alt(EN['numbers']['word_scales'])})\b",
    re.I,
)


def fraction_scales(text: str, start: int, end: int) -> Iterator[Figure]:
    """A fraction of a scale word: 'half a million' is 500,000, 'three quarters of a billion' 750
    million, rounded as the decimal it is written as ('0.5 million' ±50,000, '0.75 billion' ±5 million:
    tests/extraction_set/README.md, "A fraction of a scale word")."""
    for m in _FRACTION_SCALE.finditer(text, start, end):
        fraction, scale = _FRACTIONS_OF_SCALE[" ".join(m["f"].lower().split())], SCALES[m["s"].lower()]
        value = fraction * scale
        slack = intervals.written_slack(fraction, len(f"{fraction:g}".partition(".")[2]), scale)
        unit = _UNIT_WORD_AFTER.match(text, m.end(), end)  # "half a million litres"
        word = unit["u"].lower() if unit else ""
        name = units.WORDS.get(word) or units.CURRENCY_WORDS.get(word)
        if unit and name:
            timed = units.dimension(name) == "time"
            kind: Kind = "money" if word in units.CURRENCY_WORDS else "duration" if timed else "quantity"
            yield Figure(m.start(), unit.end(), kind, value - slack, value + slack, "exact", value=value, unit=name)
            continue
        yield Figure(m.start(), m.end(), "count", value - slack, value + slack, "exact", value=value)


_UNIT_WORD_AFTER = re.compile(r"\s+(?P<u>[a-z]+)\b", re.I)


def compound_quantities(text: str, start: int, end: int) -> Iterator[Figure]:
    """One quantity written in two units, in the smaller ('8lb 6oz' is 134 oz, '5ft 10in' 70 in, '14st 2lb'
    198 lb: [units] compounds), to half of it; a whole number and a fraction before a unit ('a 2 1/2-mile
    course', '2½ miles' are 2.5 miles), to half the fraction's part."""
    for unit, parts, rx in _COMPOUNDS:
        for m in rx.finditer(text, start, end):
            a, b = parse_number(m["a"]), parse_number(m["b"])
            if a is None or b is None or b >= parts:
                continue
            value = a * parts + b  # in the smaller unit, to half of it
            yield Figure(m.start(), m.end(), "quantity", value - 0.5, value + 0.5, "exact", value=value, unit=unit)
    for m in _MIXED.finditer(text, start, end):
        word = " ".join(m["u"].lower().split())
        name = (
            "%"
            if word in _PERCENT_WORDS
            else next((units.WORDS[w] for w in (word, word + "s", word + "es") if w in units.WORDS), None)
        )
        if name is None:
            continue
        if m["v"]:
            part = unicodedata.numeric(m["v"])
            d = Fraction(part).limit_denominator(10).denominator
        else:
            n, d = int(m["n"]), int(m["d"])
            if not 0 < n < d:
                continue
            part = n / d
        value, slack = int(m["w"]) + part, 0.5 / d
        kind: Kind = "percent" if name == "%" else "duration" if units.dimension(name) == "time" else "quantity"
        yield Figure(m.start(), m.end(), kind, value - slack, value + slack, "exact", value=value, unit=name)
    for m in _GLUED_UNIT.finditer(text, start, end):  # "14st": one unit, glued, with no smaller unit after it
        if _ORDINAL.fullmatch(m.group(0)):
            continue  # "31st" is an ordinal
        v, places = float(m["v"]), decimals(m["v"])
        slack = max(intervals.written_slack(v, places, 1.0), 0.5 * 10.0**-places)
        yield Figure(m.start(), m.end(), "quantity", v - slack, v + slack, "exact", value=v, unit=_GLUED_UNITS[m["u"]])


_FRACTION_OF: dict[str, tuple[Kind, str]] = {k: (as_kind(v[0]), v[1]) for k, v in _U["fraction_of"].items()}
_UNIT_FRACTION = re.compile(
    rf"\b(?:(?P<n>{alt(EN['fractions']['numerators'])})[\s-]+)?(?P<d>{alt(EN['fractions']['denominators'])})\s+(?:{_OF}\s+)?(?:{GRAMMAR['a']})\s+"
    rf"(?P<u>{alt(_FRACTION_OF, longest_first=True)}|[a-z]+)\b",
    re.I,
)


#: A fraction of one unit joined to it by hyphens before a noun: "a quarter-point rise", "a half-mile stretch".
_HYPHENED_FRACTION = re.compile(
    rf"\b(?:(?P<n>{alt(EN['fractions']['numerators'])})-)?(?P<d>{alt(EN['fractions']['denominators'])})-"
    rf"(?P<u>{alt([k.replace(' ', '-') for k in _FRACTION_OF], longest_first=True)}|[a-z]+)\b(?=\s+[a-z])",
    re.I,
)


def unit_fractions(text: str, start: int, end: int) -> Iterator[Figure]:
    """A fraction of one unit: 'half a percentage point' (0.5 points), 'a quarter of a mile', 'half an
    hour', and hyphened before a noun ('a quarter-point rise', 'a half-mile stretch': no time unit
    there, as 'half-year results' name a period); a share of a whole ('half of the voters') is fractions'."""
    for m in (*_UNIT_FRACTION.finditer(text, start, end), *_HYPHENED_FRACTION.finditer(text, start, end)):
        word = " ".join(m["u"].lower().replace("-", " ").split())
        kind: Kind
        if word in _FRACTION_OF:
            kind, unit = _FRACTION_OF[word]
        else:
            unit = next((units.WORDS[w] for w in (word + "s", word + "es") if w in units.WORDS), None)
            if unit is None or m.re is _HYPHENED_FRACTION and units.dimension(unit) == "time":
                continue
            kind = "duration" if units.dimension(unit) == "time" else "quantity"
        value = (parse_number(m["n"]) or 1.0 if m["n"] else 1.0) / _DENOMINATORS[m["d"].lower()]
        yield Figure(m.start(), m.end(), kind, value, value, "exact", value=value, unit=unit)


def metres_or_millions(text: str, start: int, end: int) -> Iterator[Figure]:
    """'3.6m' by its context: a measure after a determiner or before 'tall', 'long', ... ('a 3.6m
    clearance', 'the 60m hurdles', '2m high'); millions before a plural noun with no determiner
    ('Over 2m people'); anything else is left to the other readers. '250K users' is 250,000."""
    for m in _METRES_OR_MILLIONS.finditer(text, start, end):
        v, places = float(m["v"]), decimals(m["v"])
        if _DETERMINER_BEFORE.search(text, start, m.start()) or _METRES_AFTER.match(text, m.end(), end):
            slack = max(intervals.written_slack(v, places, 1.0), 0.5 * 10.0**-places)
            yield Figure(m.start(), m.end(), "quantity", v - slack, v + slack, "exact", value=v, unit="metre")
        elif _PLURAL_AFTER.match(text, m.end(), end):
            slack = intervals.written_slack(v, places, 1e6)
            yield Figure(m.start(), m.end(), "count", v * 1e6 - slack, v * 1e6 + slack, "exact", value=v * 1e6)
    for m in _GLUED_THOUSANDS.finditer(text, start, end):
        v = float(m["v"])
        slack = intervals.written_slack(v, decimals(m["v"]), 1e3)
        yield Figure(m.start(), m.end(), "count", v * 1e3 - slack, v * 1e3 + slack, "exact", value=v * 1e3)


_ODD_WORD = EN["vague"]["odd"]
_ODD = re.compile(rf"\b(?P<n>\d+0|{WORD_NUMBER})[\s-]{_ODD_WORD}\b", re.I)


def odd_amounts(text: str, start: int, end: int) -> Iterator[Figure]:
    """'sixty-odd families', '20-odd years': more than a round number and fewer than its next step (60 to 69), vague;
    a unit after it makes it a vague measure of that unit."""
    if text.find(_ODD_WORD, start, end) < 0:  # a substring test first: most sentences have no "odd"
        return
    for m in _ODD.finditer(text, start, end):
        n = parse_number(m["n"])
        if not n or n % 10:
            continue
        step = 10 ** (len(str(int(n))) - len(str(int(n)).rstrip("0")))
        unit = _UNIT_WORD_AFTER.match(text, m.end(), end)
        name = units.WORDS.get(unit["u"].lower()) if unit else None
        if unit and name:
            kind: Kind = "duration" if units.dimension(name) == "time" else "quantity"
            yield Figure(m.start(), unit.end(), kind, n, n + step - 1, "vague", unit=name)
            continue
        yield Figure(m.start(), m.end(), "count", n, n + step - 1, "vague")


def vague(text: str, start: int, end: int) -> Iterator[Figure]:
    """Amounts in words that stand for a range: 'several thousand', 'hundreds of thousands', 'a dozen'."""
    for m in _VAGUE.finditer(text, start, end):
        g = m.groupdict()
        if g["mult"]:
            lo_m, hi_m = _VAGUE_MULT[g["mult"].lower()]
            scale = SCALES[g["scale"].lower()] * (SCALES[g["scale2"].lower()] if g["scale2"] else 1)
            yield Figure(m.start(), m.end(), "count", lo_m * scale, (hi_m + 1) * scale - 1, "vague")
        elif g["plural"]:
            unit = _PLURALS[g["plural"].lower()]
            if g["of"]:
                unit *= _PLURALS[g["of"].lower()]
            if unit == 10:  # "tens" alone is not an amount people write
                continue
            lo, hi = 2 * unit, None  # "thousands of fans" where 25,000 gathered: a floor, as reporters use it
            cash = _OF_MONEY.match(text, m.end(), end)
            if cash:  # "billions of dollars"
                currency = units.CURRENCY_WORDS.get(cash["word"].lower(), "$")
                yield Figure(m.start(), cash.end(), "money", lo, hi, "vague", unit="$" if currency == "dollar" else currency)
                continue
            yield Figure(m.start(), m.end(), "count", lo, hi, "vague")
        elif g["dozen"]:
            value = 12 * (parse_number(g["dozen"].split()[0]) or (0.5 if g["dozen"].lower().startswith(_F["half"]) else 1))
            lo, hi = intervals.bounds(value, "about")
            yield Figure(m.start(), m.end(), "count", lo, hi, "about", value=value)
        elif g["alone"]:
            lo_m, hi_m = _VAGUE_MULT[" ".join(g["alone"].lower().split())]
            if g["span"]:  # "a few weeks earlier", "a few miles away": a vague duration or distance
                unit = units.WORDS.get(g["span"].lower(), g["span"].lower())
                kind: Kind = "duration" if units.dimension(unit) == "time" else "quantity"
                yield Figure(m.start(), m.end("span"), kind, float(lo_m), float(hi_m), "vague", unit=unit)
            else:
                yield Figure(m.start(), m.end(), "count", float(lo_m), float(hi_m), "vague")
        else:
            yield Figure(m.start(), m.end(), "count", 2.0, 6.0, "vague")


def ones(text: str, start: int, end: int) -> Iterator[Figure]:
    """'killing at least one', 'one person': the count 1, which quantulum3 never reads."""
    for m in _ONE.finditer(text, start, end):
        group = next(g for g in "abc" if m[g])
        yield Figure(m.start(group), m.end(group), "count", 1.0, 1.0, "exact", value=1.0)


def fractions(text: str, start: int, end: int) -> Iterator[Figure]:
    """Shares, as percentages: 'two thirds of', 'two-thirds of', 'half of', 'grew by a quarter', 'one in
    five', 'three in four', 'nine out of ten', '2/3' (a share is of a whole: 'two in three months' is none).
    A share in words is a rounding, as a round number is: 'four in five' is about 80% (intervals.ABOUT),
    so it agrees with '82 per cent'; '2/3' in digits is read as written."""
    for m in _FRACTION.finditer(text, start, end):
        if m["half"]:
            share = 50.0
        elif m["one"] or m["top"]:
            part, whole = (parse_number(m["one"]), parse_number(m["in"])) if m["one"] else (float(m["top"]), float(m["bottom"]))
            if not part or not whole or part >= whole:
                continue  # "10 in 3" is no share; "5/3" no fraction of a whole
            share = 100.0 * part / whole
        else:
            n, d = next((m[f"n{i}"], m[f"d{i}"]) for i in ("", "2", "3", "4") if m[f"n{i}"])
            share = 100.0 * (parse_number(n) or 1.0) / _DENOMINATORS[d.lower()]
        if m["top"]:
            yield Figure(m.start(), m.end(), "percent", share, share, "exact", value=share, unit="%")
        else:
            low, high = intervals.bounds(share, "about")
            yield Figure(m.start(), m.end(), "percent", low, high, "about", value=share, unit="%")


def ordinals(text: str, start: int, end: int) -> Iterator[Figure]:
    """Ordinals: 'second visit', '25th', 'third-largest'. 'first' is left out: it is rarely a figure."""
    for m in _ORDINAL.finditer(text, start, end):
        if m["w"] and re.match(r"\s*(?:s\b|-?hand\b)", text[m.end() : m.end() + 6]):
            continue
        if names_a_thing(text, m.start(), m.end(), start):
            continue
        if m["tens"]:
            n = float(EN["numbers"]["tens"][m["tens"].lower()] + _ORDINAL_UNITS[m["unit"].lower()])
        else:
            n = float(m["n"].replace(",", "")) if m["n"] else float(ORDINAL_WORDS[m["w"].lower()])  # "1,000th"
        before = text[max(0, m.start() - 6) : m.start()]
        if m["w"] and m["w"].lower() in _UNIT_ORDINALS and _UNIT_BEFORE.search(before):
            if not (_ARTICLE_BEFORE.search(before) and _NOUN_AFTER.match(text, m.end(), end)):
                continue  # "a second earlier", "per second"; but "a second shaft" is the ordinal
        yield Figure(m.start(), m.end(), "ordinal", n, n, "exact", value=n)


def ranges(text: str, start: int, end: int) -> Iterator[Figure]:
    """Ranges in every written order: 'between 20,000 and 30,000', '20-30', 'from 20 to 30', 'two or three'.

    The bounds keep the order they were written in, so a reversed range can be flagged.
    'Rose from 5 to 24' is a change, not a range: two figures, the old and the new.
    """
    for m in _RANGE.finditer(text, start, end):
        sep = m["sep"].lower()
        if sep == "and" and not m["pre"]:
            continue
        a, b = _endpoint(m["a"]), _endpoint(m["b"])
        if a is None or b is None:
            continue
        if m["pre"] and m["pre"].lower().startswith("from") and _CHANGE_VERB.search(text, max(0, m.start() - 40), m.start()):
            yield Figure(m.start("a"), m.end("a"), "count", a, a, "exact", value=a, time_hint="changed from")
            yield Figure(m.start("b"), m.end("b"), "count", b, b, "exact", value=b, time_hint="changed to")
            continue
        a_scale, b_scale = _scale_of(m["a"]), _scale_of(m["b"])
        if b_scale > 1 and a_scale == 1 and a * b_scale <= b * 10:
            a *= b_scale  # "between 20 and 30 million"
        if sep in ("-", "–", "—") and not m["pre"] and a > b:
            continue  # "52-3" is a score, not a reversed range
        if sep == "or" and (a >= b or b > 100 and not m["pre"]):
            continue
        yield Figure(m.start(), m.end(), "count", a, b, "range")


_JOINABLE = ("money", "percent", "quantity", "duration", "time")


@lru_cache(maxsize=None)
def _joined(code: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """A language's words before a range ("between", "entre") and between its ends ("and", "à"),
    and those of its words before a range that are "between" (no change can follow them)."""
    r = data(code)["ranges"]
    before = r["before"] if "before" in r else [*r["between"], *r["from"]]
    joiners = r["joiners"] if "joiners" in r else [*r["and"], *r["to"], "-", "–"]
    article = rf"(?:(?:{alt(r['articles'])})\s+)?" if r.get("articles") else ""  # "entre un 10 % y un 15 %"
    return (
        re.compile(rf"\s*(?:{alt(joiners)})\s*{article}$", re.I),
        re.compile(rf"\b(?P<pre>{alt(before, longest_first=True)})\s*{article}$", re.I),
        frozenset(w.lower() for w in r["between"]),
    )


def joined_ranges(
    text: str, start: int, figs: list[Figure], code: str = "en", kinds: tuple[str, ...] = _JOINABLE
) -> list[Figure]:
    """Two figures of one kind and unit, each read whole, joined into the range they are written as:
    'between 9am and 11am', 'from $300 to $1,200', 'between 25C and 30C', 'entre 14 h et 16 h'. 'Rose from
    $5 to $7' is a change, two figures; a span across midnight ('from 10pm until 6am') stays two times.
    Only figures of `kinds` are joined; in a language with no list of verbs of change, only after "between"
    ("entre 0,8 % et 1 %"), for "de 1,90 € à 2,15 €" may be a change."""
    joined, joined_before, between = _joined(code)
    changes = bool(data(code)["ranges"].get("change_verbs"))  # without them "de 1,90 € à 2,15 €" may be a change
    figs = sorted(figs, key=lambda f: f.start)
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        b = figs[i + 1] if i + 1 < len(figs) else None
        pre = joined_before.search(text, start, a.start)
        dash = b is not None and text[a.end : b.start] in ("-", "–") and a.kind != "time"  # "£40m-£55m", "$4.1bn-$4.3bn"
        if (
            b is not None
            and (pre or dash)
            and a.kind == b.kind
            and a.kind in kinds
            and a.unit == b.unit
            and a.approx == b.approx == "exact"
            and joined.match(text[a.end : b.start])
            and not opens_change(pre, text, code)
            and (a.kind == "time" and pre or a.kind != "time" and (changes or dash) or pre and pre["pre"].lower() in between)
            and a.low is not None
            and b.high is not None
            and less(a.low, b.high, or_equal=True)
        ):
            low = a.value if a.value is not None else a.low  # a range keeps its written bounds
            high = b.value if b.value is not None else b.high
            first = pre.start() if pre else a.start
            out.append(Figure(first, b.end, a.kind, low, high, "range", unit=a.unit, time_hint=a.time_hint))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def range_opening(text: str, start: int, at: int, code: str) -> re.Match[str] | None:
    """The language's word before a range ("between", "from", "entre") ending right before `at`, or None."""
    return _joined(code)[1].search(text, start, at)


def opens_change(pre: re.Match[str] | None, text: str, code: str) -> bool:
    """Whether a word before a range (`range_opening`) opens a change, not a range: one that is no
    "between", after a verb of change ("rose from 5 to 24": two levels)."""
    return pre is not None and pre["pre"].lower() not in _joined(code)[2] and changed(text, pre.start(), code)


def changed(text: str, at: int, code: str) -> bool:
    """Whether a verb of change of the language ends right before `at`, where a "from" range opens."""
    rx = change_verb(code)
    return rx is not None and rx.search(text, max(0, at - 40), at) is not None


@lru_cache(maxsize=None)
def _points(code: str) -> tuple[re.Pattern[str], dict[str, float], re.Pattern[str], tuple[re.Pattern[str], ...]] | None:
    """A language's words for points after a number, their worth in percentage points, what makes
    points no percentage points, and what after them makes a percentage the same move; None where
    its file has no [points]."""
    table = data(code).get("points")
    if not table:
        return None
    words = {w.lower(): float(v) for w, v in table["words"].items()}
    return (
        re.compile(rf"\s+(?i:({alt(words, longest_first=True)}))\b"),
        words,
        re.compile(table["not_with"]),
        tuple(re.compile(rx) for rx in table["same_move"]),
    )


@lru_cache(maxsize=None)
def _part_words(code: str) -> re.Pattern[str] | None:
    """A language's words that make a bare number after a figure a part of it ([parts_in_unit]: "dont",
    "de los cuales", "of which"), with what may stand between the figure and them (no clause's end, no
    other number); None where its file has none."""
    words = data(code).get("parts_in_unit", {}).get("words")
    if not words:
        return None
    return re.compile(rf"[^.;:\d]{{0,40}}?(?<!\w)(?i:{alt(words, longest_first=True)})\s+")


def parts_in_unit(text: str, figs: list[Figure], code: str = "en") -> list[Figure]:
    """A bare number after a measured figure and a word that makes it a part of it is in its kind and
    unit: '30 mois de prison dont 12 avec sursis' (12 months), 'cuatro años, de los cuales dos' (two
    years), rounded as a measure is. Only a part no larger than its whole."""
    rx = _part_words(code)
    if rx is None:
        return figs
    out: list[Figure] = []
    for f in sorted(figs, key=lambda f: f.start):
        whole = out[-1] if out else None
        if (
            whole is not None
            and f.kind == "count"
            and f.approx == "exact"
            and f.value is not None
            and whole.kind in ("duration", "quantity")
            and whole.unit
            and whole.value is not None
            and 0 < f.value <= whole.value
            and rx.fullmatch(text, whole.end, f.start)
        ):
            slack = max(f.value - (f.low if isinstance(f.low, float) else f.value), 0.5)
            f = Figure(f.start, f.end, whole.kind, f.value - slack, f.value + slack, "exact", f.value, whole.unit)
        out.append(f)
    return out


def _rate_named(code: str, text: str, start: int, end: int) -> bool:
    """Whether the sentence names a rate ([points] rates: "Le taux de chômage a baissé de 0,3 point"): its points
    are percentage points, a percentage written or not."""
    rates = data(code)["points"].get("rates")
    return bool(rates) and _rates(code).search(text, start, end) is not None


@lru_cache(maxsize=None)
def _rates(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{alt(data(code)['points']['rates'], longest_first=True)})\b)")


_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[–—]\s")  # a comma, semicolon or dash between clauses, not a decimal comma


def points(text: str, start: int, end: int, figs: list[Figure], code: str = "en") -> list[Figure]:
    """Counts of points read as percentage points where the sentence gives a percentage: 'dropped 11
    points to 42%', 'en recul de 4 points', 'cayó 0,4 puntos, hasta el 10,6 %', 'dos décimas'. Not
    an index's, a game's or a licence's points, nor points the percentage restates ('fell 300 points,
    or 0.6%'): there, and without a percentage, a count stays a count."""
    table = _points(code)
    if table is None or not any(f.kind == "count" and table[0].match(text, f.end, end) for f in figs):
        return figs  # no points in the sentence: most sentences
    if not any(f.kind == "percent" for f in figs) and not _rate_named(code, text, start, end):
        return figs
    rx, words, not_with, same_move = table
    out = []
    for f in figs:
        after = rx.match(text, f.end, end) if f.kind == "count" and f.approx == "exact" and f.value is not None else None
        if after is not None:  # the clause the points are in names an index or a game: "the Dow fell 300 points"
            clause = _CLAUSE_END.search(text, after.end(), end)
            opening = max((m.end() for m in _CLAUSE_END.finditer(text, start, f.start)), default=start)
            after = None if not_with.search(text, opening, clause.start() if clause else end) else after
        if after is None or f.value is None or any(s.match(text[after.end() : end]) for s in same_move):
            out.append(f)
            continue
        factor = words[after.group(1).lower()]
        decs = decimals(text[f.start : f.end].replace(",", "."))
        slack = 0.5 * 10.0**-decs  # a measured figure: half its last written place
        value = f.value * factor
        out.append(
            Figure(
                f.start,
                after.end(),
                "percent",
                value - slack * factor,
                value + slack * factor,
                "exact",
                value,
                "percentage point",
            )
        )
    return out


def _endpoint(text: str) -> float | None:
    return parse_number(text.strip())


def _scale_of(text: str) -> float:
    m = re.search(rf"({SCALES_AFTER})\s*$", text.strip(), re.I)
    return SCALES[m.group(1).lower()] if m else 1.0
