"""Spans that look numeric but make no claim, masked before any figure is read.

Model names, scores, phone numbers, addresses, identifiers and fixed expressions ("open 24/7"),
numbers that are part of a name ("Apollo 11", "the 1922 Committee", "the 24 Hours of Le Mans"):
each finder yields the spans the readers of figures (patterns.py, foreign.py) must not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from numcheck.extract import units
from numcheck.extract.language import EN, GRAMMAR, STOP, alt, any_first_case, codes, data

_NC = EN["non_claims"]
_FR = data("fr")  # French street words: "3 rue de la Poste", "12 bis rue" is an address in any article
_JOINERS = alt(_NC["identifier_joiners"], escape=False)
_JOINED = rf"\d+[A-Za-z]?\s*(?:{_JOINERS})\s*\d"  # "junctions 10 and 11": the numbers a plural identifier names
_HOUSE_NUMBER_BEFORE = "|".join(r"(?<=\b" + re.escape(w) + r"\s)" for w in _FR["house_number_before"])  # fixed widths
NON_CLAIMS = tuple(
    re.compile(rx)
    for rx in (
        # model and product names: F-16, Su-25, G7, Covid-19, MH17, Boeing 737 Max, Airbus A320
        rf"\b(?:[A-Z][A-Za-z]{{0,5}}-?\d+(?:\.\d+)?[A-Za-z]*|(?:{alt(_NC['products'])})\s+[A-Z]?\d+[A-Za-z]*(?:\s+Max)?)\b",
        r"\b\d+\s+Max\b|\b\d+(?:G|D|GB|TB|MP)\b|(?<![$£€¥])\b\dK\b",  # 737 Max, 5G, 4K, 3D ("250K users", "£5K" are sums)
        # tennis sets and match scores after a name: "6-4, 6-3", "beat Italy 2-0"
        r"\b\d-\d(?:,\s*\d-\d)+\b",
        r"(?<![\d/.-])\d{1,2}-\d{1,2}-\d{1,2}(?![\d/-]|\.\d)",  # a win-draw-loss record: "a balance of 8-3-2"
        rf"(?i:\b(?:{alt(_NC['beat'], escape=False)})\s+(?:[A-Z][\w.'-]*\s+){{1,3}})\d+-\d+\b",
        # scores: won 3-1, a 2-2 draw (records such as "52-3" are read by `records`)
        rf"(?i:\b(?:{alt(_NC['score_before'])})\s+(?:{GRAMMAR['of']}\s+|{GRAMMAR['at']}\s+)?)\d+-\d+\b(?!-)",
        rf"\b\d+-\d+(?:-\d+)?(?=\s+(?:{alt(_NC['score_after'])})\b)",
        # phone numbers and postcode-like strings
        r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
        r"\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,5}",
        r"\b0\d{1,4}(?:[ .-]\d{2,4}){2,4}\b",  # national formats: 04 68 11 22 33, 0800 940 940, 0161 950 5000
        # ... and a file's reference, its serial zero-led ("2025/0417") or of three digits after its year ("case 2024/118")
        r"\b1-\d{3}-\d{3}-\d{4}\b|\b\d+/0\d{2,}\b|\b(?:1[89]|20)\d\d/\d{3,}\b",
        # coordinates: 55.96 degrees in longitude, 26.9 degrees north
        rf"(?i:\b\d+(?:\.\d+)?\s*(?:°|{_NC['degrees']})\s+(?:{GRAMMAR['in']}\s+)?(?:{alt(_NC['coordinates'])}|[NSEW]\b))",
        rf"(?i:\b(?:(?:{_HOUSE_NUMBER_BEFORE})\d+(?:\s*{_FR['house_number_after']})?\s+(?:{alt(_FR['street_links'])})\s*"
        rf"|\d+(?:\s*{_FR['house_number_after']})?,?\s+)(?:{alt(_FR['streets'])})\b)",  # 3 rue de la Poste, au 12 de la rue
        r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b",  # UK postcodes: SW1A 2AA
        # street addresses: 10 Downing Street, 1600 Pennsylvania Avenue
        rf"\b\d+[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{alt(_NC['streets'])})\b",
        # a flat before its street address: "flat 2, 9 Station Road"
        rf"\b(?i:{alt(_NC['address_before'])})\s+\d+[A-Za-z]?(?=,?\s+\d+[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{alt(_NC['streets'])})\b)",
        # a route by its number before its vehicle, in the singular: "take the 38 bus" ("the 38 buses" counts them)
        rf"(?<=\b(?i:{GRAMMAR['the']})\s)\d{{1,3}}[A-Za-z]?(?=\s+(?i:{alt(_NC['route_nouns'])})\b)",
        # quantities that are identifiers: "No. 10", "section 230", "Article 5", "Flight 1549"
        # ... and their plurals, with every number they name: "junctions 10 and 11", "version 2.4.1"
        # (a plural only before the numbers it joins: "the colony numbers 58 penguins" counts them); "case number 2024/0183"
        rf"\b(?:{_NC['number_sign']}|{'|'.join(any_first_case(_NC['identifiers']))})(?:\s+|s\s+(?={_JOINED}))"
        rf"\d+(?:[./]\d+)*[A-Za-z]?(?:\s*(?:{_JOINERS})\s*\d+[A-Za-z]?)?\b",
        # fixed expressions: "open 24/7", "a 50-50 call", "a half marathon", "call 911"
        rf"(?i:{alt(_NC['idioms'], escape=False)})",
    )
)

# a name's number is written bare ("Apollo 11", "Channel 4"): one with a thousands group ("25,000", "25 000") counts
_NAMED_NUMBER = re.compile(
    rf"\b(?P<word>[A-ZÀ-ÖØ-Þ](?:[A-Za-zß-öø-ÿ]|&[A-Z])+)(?P<owner>['’]s)?(?:\s+(?P<of>{GRAMMAR['of']}))?\s+(?P<num>(?P<digits>\d+)"
    rf"(?!\d|[.,:/-]\d|(?<!\d{{4}})[ \u00a0\u202f]\d{{3}}(?!\d)|\s*(?:{alt(EN['numbers']['not_named_before'], escape=False)}))"
    rf"|(?:{alt(EN['numbers']['named'])})\b)"
)
_COUNTED_AFTER = re.compile(r"\s+(?:[^\W\dA-Z_]+\s+)?(?P<noun>[^\W\dA-Z_]{3,}s)\b")  # "89 seats", "17 años"
NAMEWORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ'’]+)*"  # "Tomás", "O'Neill", "Oehme-Miller"
NOT_NAMES = STOP["not_names"]
POSSESSIVES = frozenset(_NC["possessives"])


def _first_words(words: list[str]) -> set[str]:
    return {w.split()[0].strip("'’").lower() for w in words if w.split()}


def _openers() -> frozenset[str]:
    """Capitalised words that may open a sentence before a figure ("Only 63 per cent", "Environ 300",
    "Los 300"): the stop lists, and every language file's hedges and openers."""
    words = set(NOT_NAMES) | set(STOP["not_subjects"])
    for code in codes():
        lang = data(code)
        words |= _first_words(lang.get("openers", []) + lang.get("non_claims", {}).get("openers", []))
        words |= _first_words([w for ws in lang.get("hedges", {}).values() if isinstance(ws, list) for w in ws])
        words |= _first_words(lang.get("articles", []))
    return frozenset(words)


OPENERS = _openers()
MONTHS_AND_DAYS = frozenset(EN["dates"]["months"]) | frozenset(EN["dates"]["weekdays"])


def non_claims(text: str, start: int, end: int, english: bool = True) -> Iterator[tuple[int, int]]:
    """Spans that look numeric but make no claim. A capitalised word that opens a sentence names
    the number after it ("Channel 4 will show") unless it is an opener ("Only 63"); in a language
    whose sentences may open with a verb ("Cayeron 120 litros"), only when no counted noun follows."""
    for rx in NON_CLAIMS:
        for m in rx.finditer(text, start, end):
            yield m.start(), m.end()
    yield from _bare_lists(text, start, end)
    if english:
        yield from _named_times(text, start, end)
    title_case = _title_case(text, start, end)
    for m in _NAMED_NUMBER.finditer(text, start, end):
        word = m.group("word")
        opening = not text[start : m.start()].strip(" \"“‘'(«¿¡")
        if opening and not word.isascii():
            continue  # "Creció 2,1 %", "Été 2024": a verb or a season opening a sentence; "la Fórmula 1" names
        if opening and m.group("of") or m.group("owner") and (m.group("digits") or m.group("of")):
            continue  # "Winds of 150 km/h"; "Tesla's 3 plants" counts (a name's own number word: "Ocean's Eleven")
        if word.lower() in NOT_NAMES or word.lower() in MONTHS_AND_DAYS or opening and word.lower() in OPENERS:
            continue  # "In 2016", "Only 63 per cent"; "Channel 4 will show" opens with a name
        if (
            m.group("digits")
            and not (opening and english)
            and (counted := _COUNTED_AFTER.match(text, m.end("num"), end))
            and counted["noun"].lower() not in OPENERS  # "le Top 14 reprendra après", "la RN 7 dans": no noun counted
            and m.group("digits") != "1"  # one counts no plural: "the Formula 1 season opens" names, "opens" is a verb
            and not re.search(r"\d\s+$", text[max(start, m.start() - 8) : m.start()])
        ):
            continue  # "gives Civic Alliance 89 seats" counts seats; "14 Leopard 2 tanks" names a model
            continue
        if m.group("digits") or not title_case:
            yield m.start("num"), m.end("num")  # Apollo 11, Leopard 2, Gate 7, the Fab Four, Group of Seven


_LIST_AND = alt(sorted({GRAMMAR["and"], *(w for c in codes() for w in data(c).get("ranges", {}).get("and", ()))}))
_LIST_LABEL_WORDS = tuple(sorted({*_NC["list_labels"], *(w for c in codes() for w in data(c).get("list_labels", ()))}))
_LIST_LABELS = alt(_LIST_LABEL_WORDS)
_BARE_LIST = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:(?:,\s+|,?\s+(?i:{_LIST_AND})\s+)\d{{1,3}}){{2,}}(?=\s*(?:[.;!]|$))")
_LIST_LABEL = re.compile(rf"(?::|\b(?i:{_LIST_LABELS}))\s*$")


def _bare_lists(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A list of three or more bare numbers after a label's colon or after "numbers" ([non_claims] list_labels),
    closing the sentence ("Winning numbers: 4, 17, 23, 31", "with the numbers 4, 17 and 33", "Combinación
    ganadora: 4, 17 y 23"): numbers drawn or named, each counting nothing."""
    if text.find(":", start, end) < 0 and not any(text.find(w, start, end) >= 0 for w in _LIST_LABEL_WORDS):
        return  # substring tests first: most sentences have neither a colon nor a label
    for m in _BARE_LIST.finditer(text, start, end):
        if _LIST_LABEL.search(text, max(start, m.start() - 12), m.start()):
            yield m.start(), m.end()


_CLOCK = r"(?<![\d:.])\d{1,2}(?:[:.]\d{2})?\s?(?i:[ap]\.?m\.?)|(?<![\d:.])\d{1,2}:\d{2}(?![:\d])"
_ANY_CLOCK = re.compile(r"\d(?:[:.]\d\d|\s?[aApP]\.?[mM])")
# a service by its departure may be written with a full stop and no "am": "the 8.15 to the city"
_SERVICE_TIME = re.compile(rf"(?:{_CLOCK}|(?<![\d:.])\d{{1,2}}\.[0-5]\d(?![\d.]))(?=\s+(?:{alt(_NC['service_after'])})\s+[A-Z])")
_THE_BEFORE = re.compile(rf"\b(?i:{GRAMMAR['the']})\s+$")
_RULE_TIME = re.compile(
    rf"(?:{_CLOCK})(?=(?:\s+[a-z]+){{0,2}}\s+(?i:{alt(_NC['recurs'])})\s+(?i:{alt(EN['dates']['weekdays'])})s?\b)"
)
_RECURS = tuple(_NC["recurs"])


def _named_times(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A time of day that names a service ("the 07:42 from Brighton": a train by its departure) or states a weekly
    rule ("the 10am meeting every Thursday"): no one event's time."""
    if not _ANY_CLOCK.search(text, start, end):  # most sentences give no time of day
        return
    for m in _SERVICE_TIME.finditer(text, start, end):
        if _THE_BEFORE.search(text, max(start, m.start() - 8), m.start()):
            yield m.start(), m.end()
    if any(text.find(w, start, end) >= 0 for w in _RECURS):  # substring tests first: most sentences state no rule
        for m in _RULE_TIME.finditer(text, start, end):
            yield m.start(), m.end()


def races(text: str, start: int, end: int, code: str = "en") -> Iterator[tuple[int, int]]:
    """A race named by its distance ("finished fourth in the 10,000 metres", "du 10 000 mètres", "en los 10.000
    metros"): the distance after the language's [races] words, closing the clause or before one of its `after`
    words, names an event, not a distance run."""
    compiled = _races(code)
    if compiled is None:
        return
    distance, before = compiled
    for m in distance.finditer(text, start, end):
        if before.search(text, max(start, m.start() - 16), m.start()):
            yield m.start(), m.end()


@lru_cache(maxsize=None)
def _races(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    table = data(code).get("races")
    if not table:
        return None
    distance = re.compile(
        rf"(?<![\w.,])(?:\d{{1,3}}(?:[,.\s\u00a0\u202f]\d{{3}})+|\d+)\s?(?:{alt(table['units'])})"
        rf"(?=\s*[.,;]|\s+(?i:{alt(table['after'])})\b)"
    )
    return distance, re.compile(rf"\b(?i:{alt(table['before'], longest_first=True)})\s+$")


_PAIR = re.compile(r"(?<![\d/-])(?<!\d[.,])(\d{1,2})-(\d{1,2})(?![\d/-]|[.,]\d)")


def scores(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """'ganó 3-1', "s'est imposé 2-0", 'It was 2-2 at half-time': a pair of small numbers whose second
    is not above the first is a score, not a range (a range is written low to high)."""
    for m in _PAIR.finditer(text, start, end):
        if int(m.group(1)) >= int(m.group(2)):
            yield m.start(), m.end()


_YEAR_NAMED = re.compile(rf"\b(?P<year>1[0-9]\d\d|20\d\d)\s+(?P<word>{alt(_NC['year_named'])})\b")
_NAMED_YEAR = re.compile(rf"\b(?P<word>[A-Z][a-z]+)\s+{GRAMMAR['of']}\s+(?P<year>1[0-9]\d\d|20\d\d)\b")
_YEAR_BEFORE = re.compile(rf"\b(?i:{alt(EN['dates']['year_words'])}|{alt(EN['dates']['year_words_lower'])})\W*$")
_SEASONS = frozenset(EN["dates"]["seasons"])


def names(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Years that are part of a name, which a date's pattern must not read: "the 1922 Committee",
    "the Class of 2016". A year before a body's name ([non_claims] year_named) is the name's unless a
    date word precedes it ("in 2019 Labour won"); a capitalised word "of" a year is a name's unless it
    is a month, a season or a stop word ("Spring of 2016")."""
    for m in _YEAR_NAMED.finditer(text, start, end):
        word = m["word"].lower()
        if word in NOT_NAMES or word in MONTHS_AND_DAYS or word in _SEASONS or _YEAR_BEFORE.search(text, start, m.start()):
            continue
        yield m.start(), m.end("year")
    for m in _NAMED_YEAR.finditer(text, start, end):
        word = m["word"].lower()
        if word in NOT_NAMES or word in MONTHS_AND_DAYS or word in _SEASONS or word in OPENERS:
            continue
        yield m.start(), m.end()


_NAME_AFTER = re.compile(r"\s+[A-ZÀ-ÖØ-Þ]")
_POSSESSIVE_BEFORE = re.compile(r"\b(\w+)\s+$")


_NAMED_UNIT = re.compile(r"(?<![\w.,])\d+\s+(?P<u>[A-Z][a-z]+)\b")


def named_units(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A number before a unit word written capitalised within a sentence is a name's ("the 24 Hours of
    Le Mans"): no figure, not even a count."""
    for m in _NAMED_UNIT.finditer(text, start, end):
        if m["u"].lower() in units.WORDS and text[start : m.start()].strip():
            yield m.start(), m.end()


def names_a_thing(text: str, s: int, e: int, start: int, possessives: frozenset[str] = POSSESSIVES) -> bool:
    """An ordinal that is part of a name: "Third Avenue", "the 101st Airborne", "the Fifth Amendment",
    "la Quinta Avenida", "el 4.º B". It is followed by a capitalised word and is either capitalised
    itself (not opening the sentence) or in digits and owned by no one ("his 12th Grand Slam" counts)."""
    if not _NAME_AFTER.match(text, e):
        return False
    before = text[start:s]
    if text[s].isdigit():
        owner = _POSSESSIVE_BEFORE.search(before)
        return not (owner and owner.group(1).lower() in possessives)
    return text[s].isupper() and bool(before.strip(" \"“‘'(«¿¡"))


_TITLE_MINOR = frozenset(_NC["title_minor"])


def _title_case(text: str, start: int, end: int) -> bool:
    """A headline in Title Case: there a capitalised number word is still a figure ('Killing One'). Its words
    of three letters or more are capitalised but for the minor words titles leave lower ("of", "the", "with");
    a sentence with a lowercase verb or noun among a few names is no headline ("Leaders of the Group of Seven met")."""
    words = re.findall(r"[A-Za-z]+", text[start:end])
    major = [w for w in words if len(w) > 2 and w not in _TITLE_MINOR]
    return bool(major) and sum(w[0].isupper() for w in major) >= 0.9 * len(major)
