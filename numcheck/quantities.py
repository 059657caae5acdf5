"""quantulum3, loaded once and lazily, and its readings made fit for news text.

quantulum3 reads quantities and their units. Around it we fix what it gets wrong in news:
units no reporter means ("a key" as 1000 exayears, "$1.2bn" as dollar-bit-newtons) and
"1.5m people" read as metres.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from .numbers import NUMBER_WORDS

#: Unit names quantulum3 produces from ordinary words; a figure carrying one is a plain count.
NONSENSE_UNITS = re.compile(
    r"exa|peta|tera|giga|mega(?!watt)|yotta|zetta|pico|femto|atto|zepto|bit|newton|dozen|penny|pence"
    r"|(?:^| )(?:second|minute|hour|day|week|month|year) (?:metre|second|newton)|pound-force|ohm|tesla|henry|weber|farad|coulomb|siemens|becquerel|gray|sievert|katal|mole|candela|lux|lumen|radian|steradian"
)
_KEEP_ENTITIES = {"length", "mass", "time", "area", "volume", "speed", "temperature", "energy", "power",
                  "currency", "dimensionless", "fuel economy", "charge", "pressure", "force", "data storage"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One reading: span relative to the text parsed, value, unit and its kind."""

    start: int
    end: int
    value: float
    unit: str | None  # None for a plain number
    entity: str
    uncertainty: float | None


@lru_cache(maxsize=1)
def _parser() -> ModuleType:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def parse(text: str) -> list[Quantity]:
    """quantulum3's quantities in text, with nonsense readings dropped or reduced to counts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            raw = _parser().parse(text)
        except Exception:  # quantulum3 raises on some inputs; a sentence it cannot read has no quantities
            return []
    out: list[Quantity] = []
    for q in raw:
        start, end = q.span
        surface = text[start:end]
        if not _is_number(surface):
            continue
        unit, entity = q.unit.name, q.unit.entity.name
        value = float(q.value)
        if unit in ("percentage", "per cent", "percent"):
            unit, entity = "percentage", "dimensionless"
        elif entity not in _KEEP_ENTITIES or NONSENSE_UNITS.search(unit):
            m = re.match(r"\s*[\d.,\s]*\d|\s*[A-Za-z-]+", surface)
            end = start + (m.end() if m else len(surface))
            unit, entity = None, "dimensionless"
        elif entity == "dimensionless" and unit in ("dimensionless", "million", "billion", "thousand", "hundred"):
            unit = None
        elif unit == "metre" and re.fullmatch(r"\d+\.\d+\s?m", surface):
            value, unit, entity = value * 1e6, None, "dimensionless"  # "1.5m people"
        out.append(Quantity(start, end, value, unit, entity, q.uncertainty))
    return out


def _is_number(surface: str) -> bool:
    if re.search(r"\d", surface):
        return True
    return any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", surface.lower()))
