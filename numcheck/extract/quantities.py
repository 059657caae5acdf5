"""quantulum3, loaded once and lazily, and its readings made fit for news text.

quantulum3 reads quantities and their units. Around it we fix what it gets wrong in news:
units no reporter means ("a key" as 1000 exayears, "$1.2bn" as dollar-bit-newtons) and
"1.5m people" read as metres.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from numcheck.extract import units
from numcheck.extract.language import STOP
from numcheck.extract.numbers import NUMBER_WORDS

#: Unit names quantulum3 produces from ordinary words; a figure carrying one is a plain count.
NONSENSE_UNITS = re.compile(
    r"exa|peta|tera|giga(?!watt)|mega(?!watt)|yotta|zetta|pico|femto|atto|zepto|bit|newton|dozen|penny|pence"
    r"|(?:^| )(?:second|minute|hour|day|week|month|year) (?:metre|second|newton)|pound-force|ohm|tesla|henry|weber|farad"
    r"|coulomb|siemens|becquerel|gray|sievert|katal|mole|candela|lux|lumen|radian|steradian"
)
_ARC = {"minute of arc": "minute", "second of arc": "second", "arcminute": "minute", "arcsecond": "second"}
_KEEP_ENTITIES = {
    "angle",
    "length",
    "mass",
    "time",
    "area",
    "volume",
    "speed",
    "temperature",
    "energy",
    "power",
    "currency",
    "dimensionless",
    "fuel economy",
    "charge",
    "pressure",
    "force",
    "data storage",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One reading: span relative to the text parsed, value, unit and its kind."""

    start: int
    end: int
    value: float
    unit: str | None  # None for a plain number
    entity: str
    uncertainty: float | None


def load_inflect() -> ModuleType:
    """inflect (which quantulum3 and nouns.py use), imported without typeguard's run-time
    instrumentation: inflect decorates its engine with @typechecked, which rewrites every method at
    import time, 2.3 of the parser's 2.8 s start-up here. Only inflect's import is exempted: when
    nothing has imported typeguard yet, inflect sees a stand-in and typeguard is never imported
    (0.3 s more); otherwise its decorator is set aside for the import and put back."""
    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    typeguard = sys.modules.get("typeguard")
    if typeguard is None:
        stand_in = ModuleType("typeguard")
        setattr(stand_in, "typechecked", _unchecked)  # a module's attributes are not declared: set by name
        sys.modules["typeguard"] = stand_in
        try:
            import inflect  # noqa: F401
        finally:
            if sys.modules.get("typeguard") is stand_in:
                del sys.modules["typeguard"]
        return sys.modules["inflect"]
    original = typeguard.typechecked
    setattr(typeguard, "typechecked", _unchecked)
    try:
        import inflect  # noqa: F401
    finally:
        setattr(typeguard, "typechecked", original)
    return sys.modules["inflect"]


def _unchecked(target: object = None, **_: object) -> object:
    """typeguard.typechecked that checks nothing, with or without arguments."""
    return target if target is not None else (lambda f: f)


@lru_cache(maxsize=1)
def _parser() -> ModuleType:
    load_inflect()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import no_classifier, parser
        from quantulum3 import regex as qregex
    _deterministic(no_classifier, qregex)
    return parser


#: quantulum3.regex's functions that give a set of strings: the operators, range words and
#: negatives its number and unit patterns join into alternations.
_SET_VALUED = (
    "ranges",
    "uncertainties",
    "multiplication_operators",
    "division_operators",
    "grouping_operators",
    "decimal_operators",
    "operators",
    "negatives",
)


def _deterministic(no_classifier: ModuleType, qregex: ModuleType) -> None:
    """quantulum3 (without its classifier) depends on Python's hash seed in two ways; both are
    given a fixed order here, so the same text gives the same readings in every process.

    - It breaks ties between candidate units in the iteration order of a set: the same text
      gave 'minute' in one run and 'minute of arc' in the next. It is offered the candidates
      sorted by name instead.
    - It builds its number and unit patterns by joining sets of operators into alternations
      (" " and " times ", "/", "·"), so the patterns themselves changed from run to run, and
      with them what a match took: "50 Cent's G-Unit" was '50 Cent's G' (cent gauss, dropped)
      in one run and '50 Cent's' (money) in the next. Those sets are handed out as tuples,
      longest first (an alternation's usual order: " times " before " "), then by code point.
      This runs before the first pattern is built: quantulum3 caches the patterns it builds.
    """
    original = no_classifier.disambiguate_no_classifier
    if getattr(original, "numcheck_sorted", False):
        return

    def sorted_candidates(entities: Iterable[object], text: str, lang: str = "en_US") -> object:
        return original(sorted(entities, key=lambda e: getattr(e, "name", str(e))), text, lang)

    setattr(sorted_candidates, "numcheck_sorted", True)  # a function's attributes are not declared: set by name
    setattr(no_classifier, "disambiguate_no_classifier", sorted_candidates)
    for name in _SET_VALUED:
        setattr(qregex, name, _in_order(getattr(qregex, name)))


def _in_order(give_set: Callable[[str], Iterable[str]]) -> Callable[[str], tuple[str, ...]]:
    """A quantulum3.regex function whose set comes back as a tuple in a fixed order."""

    def ordered(lang: str = "en_US") -> tuple[str, ...]:
        return tuple(sorted(give_set(lang), key=lambda s: (-len(s), s)))

    return ordered


def parse(text: str) -> list[Quantity]:
    """quantulum3's quantities in text, with nonsense readings dropped or reduced to counts."""
    return list(_parse(text))


@lru_cache(maxsize=8192)
def _parse(text: str) -> tuple[Quantity, ...]:
    """parse, remembered: wire copy repeats its sentences across articles, and the same text always
    gives the same quantities."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            raw = _parser().parse(text)
        except Exception:  # quantulum3 raises on some inputs; a sentence it cannot read has no quantities
            return ()
    out: list[Quantity] = []
    for q in raw:
        start, end = q.span
        surface = text[start:end]
        if not _is_number(surface):
            continue
        unit, entity = q.unit.name, q.unit.entity.name
        value = float(q.value)
        if unit in _ARC:  # "90 minutes" is time in news, not an angle
            unit, entity = _ARC[unit], "time"
        unit, entity, value = _misread(surface, unit, entity, value)
        if unit in ("percentage", "per cent", "percent"):
            unit, entity = "percentage", "dimensionless"
        elif unit in units.UNITS and (entity not in _KEEP_ENTITIES or NONSENSE_UNITS.search(unit)):
            entity = units.UNITS[unit][0]  # a unit we convert: "300MWh", whose kind quantulum3 does not know
        elif unit == "dimensionless":
            unit = None  # a corrected misreading: a plain count (value already scaled)
        elif (entity not in _KEEP_ENTITIES or NONSENSE_UNITS.search(unit)) and (shorter := _without_last_word(text, start, end)):
            out.append(shorter)  # "50 megawatts at its peak": "at" read as ampere-turns; "50 megawatts" is the quantity
            continue
        elif entity not in _KEEP_ENTITIES or NONSENSE_UNITS.search(unit):
            m = re.match(r"\s*[\d.,\s]*\d|\s*[A-Za-z-]+", surface)
            end = start + (m.end() if m else len(surface))
            unit, entity = None, "dimensionless"
        elif entity == "dimensionless" and unit in ("dimensionless", "million", "billion", "thousand", "hundred"):
            unit = None
        elif unit == "metre" and re.fullmatch(r"\d+\.\d+\s?m", surface):
            value, unit, entity = value * 1e6, None, "dimensionless"  # "1.5m people"
        if unit is None:
            unit, entity, end = _unit_word(text, end, unit, entity)
        out.append(Quantity(start, end, value, unit, entity, q.uncertainty))
    return tuple(out)


_SHORT_WORD = re.compile(r"[a-z]{1,3}")


def _without_last_word(text: str, start: int, end: int) -> Quantity | None:
    """The quantity a nonsense reading gives without its last word, when that is a sensible unit:
    quantulum3 joins a short word after a unit into a compound ('megawatts at' as megawatt ampere-turn)."""
    cut = text.rfind(" ", start, end)
    if cut <= start or not _SHORT_WORD.fullmatch(text, cut + 1, end) or not re.search(r"[A-Za-z]", text[start:cut]):
        return None  # only a short word glued on ("at", "in", "a"): anything longer is quantulum3's unit
    found = _parse(text[start:cut])
    if len(found) != 1 or found[0].unit is None or found[0].start != 0:
        return None
    q = found[0]
    return Quantity(start + q.start, start + q.end, q.value, q.unit, q.entity, q.uncertainty)


def _misread(surface: str, unit: str, entity: str, value: float) -> tuple[str, str, float]:
    """Units quantulum3 reads into news abbreviations: '20k runners' (kelvin), '41C' (coulomb),
    '5pc' (a set), '650 MPs' (metres per second), '40 Ml' (millilitres, not megalitres)."""
    compact = surface.replace(" ", "")
    if unit == "kelvin" and compact.endswith("k"):
        return "dimensionless", "dimensionless", value * 1000
    if unit == "cubic centimetre" and re.search(r"\d\s?M[lL]$", surface):
        return "megalitre", "volume", value  # "40 Ml a day": megalitres, not millilitres
    if unit == "coulomb" and re.search(r"\d\s?C$", surface):
        return "degree Celsius", "temperature", value
    if re.search(r"\dpc$", compact):
        return "percentage", "dimensionless", value
    if " per " in unit and not re.search(r"/|\bper\b|ph\b|kph|mph", surface, re.I):
        return "dimensionless", "dimensionless", value
    return unit, entity, value


def _unit_word(text: str, end: int, unit: str | None, entity: str) -> tuple[str | None, str, int]:
    """A unit written after a plain number that quantulum3 did not read ('2,300 hectares'; 'a
    120-hectare site', of any dimension but time, which durations read)."""
    m = re.match(r"(\s?|-)([a-z]+)\b(?!-)", text[end : end + 16])
    if m and m.group(2) in units.MATERIALS and _NOUN_AFTER.match(text, end + m.end()):
        return unit, entity, end  # "three stone cottages": a material, not a weight
    if m and m.group(2) in units.WORDS and not (m.group(1) == "-" and units.dimension(units.WORDS[m.group(2)]) in (None, "time")):
        name = units.WORDS[m.group(2)]
        return name, units.UNITS[name][0] if name in units.UNITS else "unknown", end + m.end()
    return unit, entity, end


_NOUN_AFTER = re.compile(rf"\s+(?!(?:{'|'.join(STOP['not_counted'])})\b)[a-z]")


def _is_number(surface: str) -> bool:
    if re.search(r"\d", surface):
        return True
    return any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", surface.lower()))
