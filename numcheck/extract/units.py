"""Units as quantulum3 names them, reduced to a dimension and a factor to its base unit.

Two figures are compared in base units, so "six miles" and "10 kilometres" meet once converted.
Currencies are not converted: without a rate rule, euros and dollars are different measures.
"""

from __future__ import annotations

from numcheck.extract.language import EN

# unit name -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "metre": ("length", 1.0),
    "kilometre": ("length", 1000.0),
    "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001),
    "mile": ("length", 1609.344),
    "nautical mile": ("length", 1852.0),
    "foot": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "inch": ("length", 0.0254),
    "kilogram": ("mass", 1.0),
    "gram": ("mass", 0.001),
    "tonne": ("mass", 1000.0),
    "pound-mass": ("mass", 0.45359237),
    "pound": ("mass", 0.45359237),
    "ounce": ("mass", 0.028349523),
    "short ton": ("mass", 907.18474),
    "stone": ("mass", 6.35029318),
    "ton": ("mass", 907.18474),  # the short ton; the long ton is TWO_SIZES's
    "long ton": ("mass", 1016.0469088),
    "milligram": ("mass", 1e-6),
    "microgram": ("mass", 1e-9),
    "hectometre": ("length", 100.0),
    "decimetre": ("length", 0.1),
    "micrometre": ("length", 1e-6),
    "nanometre": ("length", 1e-9),
    "furlong": ("length", 201.168),
    "fathom": ("length", 1.8288),
    "light-year": ("length", 9460730472580800.0),
    "astronomical unit": ("length", 149597870700.0),
    "watt": ("power", 1.0),
    "kilowatt": ("power", 1e3),
    "megawatt": ("power", 1e6),
    "gigawatt": ("power", 1e9),
    "terawatt": ("power", 1e12),
    "horsepower": ("power", 745.69987158227),
    "watt hour": ("energy", 3600.0),
    "kilowatt hour": ("energy", 3.6e6),
    "megawatt hour": ("energy", 3.6e9),
    "gigawatt hour": ("energy", 3.6e12),
    "terawatt hour": ("energy", 3.6e15),
    "joule": ("energy", 1.0),
    "kilojoule": ("energy", 1e3),
    "second": ("time", 1.0),
    "minute": ("time", 60.0),
    "hour": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "month": ("time", 2629746.0),
    "year": ("time", 31556952.0),
    "decade": ("time", 315569520.0),
    "century": ("time", 3155695200.0),
    "fortnight": ("time", 1209600.0),
    "millennium": ("time", 31556952000.0),
    "millisecond": ("time", 0.001),
    "square metre": ("area", 1.0),
    "square kilometre": ("area", 1e6),
    "square mile": ("area", 2589988.11),
    "hectare": ("area", 1e4),
    "acre": ("area", 4046.8564224),
    "square foot": ("area", 0.09290304),
    "square yard": ("area", 0.83612736),
    "square inch": ("area", 0.00064516),
    "square centimetre": ("area", 1e-4),
    "square millimetre": ("area", 1e-6),
    "litre": ("volume", 0.001),
    "hectolitre": ("volume", 0.1),
    "decilitre": ("volume", 0.0001),
    "centilitre": ("volume", 0.00001),
    "millilitre": ("volume", 0.000001),
    "cubic centimetre": ("volume", 0.000001),
    "cubic metre": ("volume", 1.0),
    "cubic hectometre": ("volume", 1e6),  # "210 hectómetros cúbicos": a reservoir's volume, in its own unit
    "cubic kilometre": ("volume", 1e9),
    "cubic foot": ("volume", 0.028316846592),
    "cubic yard": ("volume", 0.764554857984),
    "cubic inch": ("volume", 1.6387064e-5),
    "acre foot": ("volume", 1233.48183754752),
    "megalitre": ("volume", 1000.0),
    "pint": ("volume", 0.000473176473),  # the US pint; the imperial one is TWO_SIZES's
    "quart": ("volume", 0.000946352946),
    "fluid ounce": ("volume", 2.84130625e-5),  # the imperial one; the US one is TWO_SIZES's
    "gallon": ("volume", 0.003785411784),
    "barrel": ("volume", 0.158987294928),
    "kilometre per hour": ("speed", 1 / 3.6),
    "mile per hour": ("speed", 0.44704),
    "metre per second": ("speed", 1.0),
    "foot per second": ("speed", 0.3048),
    "knot": ("speed", 0.514444),
    "degree Celsius": ("temperature", 1.0),
    "degree fahrenheit": ("temperature", 5 / 9),
    "degree": ("angle", 1.0),
}
OFFSETS = {"degree fahrenheit": 32.0}  # a scale whose zero is not the base unit's: C = (F - 32) x 5/9
DIMENSION_MEASURE = {
    "length": "distance",
    "mass": "weight",
    "time": "duration",
    "area": "area",
    "volume": "volume",
    "speed": "speed",
    "temperature": "temperature",
    "power": "power",
    "energy": "energy",
}


def dimension(unit: str | None) -> str | None:
    """The dimension of a unit ('mile' -> 'length'), or None for counts and unknown units."""
    return UNITS[unit][0] if unit in UNITS else None


def own_measure(unit: str | None) -> str | None:
    """The measure a unit gives by itself ('mile' -> 'distance', 'megawatt hour' -> 'energy'), or None."""
    return DIMENSION_MEASURE.get(dimension(unit) or "")


#: Units whose word names two sizes, the words not saying which: a gallon is the US gallon or the imperial
#: one (a British report's "100 gallons" is 455 litres, a US report's 379), a ton the short or the long one:
#: the larger size, for an upper bound (UNITS holds the smaller).
TWO_SIZES = {
    "gallon": 0.00454609,
    "pint": 0.00056826125,
    "quart": 0.0011365225,
    "fluid ounce": 2.95735295625e-5,
    "ton": 1016.0469088,
}


def to_base(unit: str | None, value: float | None, top: bool = False) -> float | None:
    """value in the base unit of its dimension; unchanged when the unit is unknown. `top`: for a unit of
    TWO_SIZES, in its larger size (the upper bound of an interval holds both readings)."""
    if value is None or unit not in UNITS:
        return value
    factor = TWO_SIZES[unit] if top and unit in TWO_SIZES else UNITS[unit][1]
    return (value - OFFSETS.get(unit, 0.0)) * factor


def from_base(unit: str | None, value: float) -> float:
    """A value in its dimension's base unit, back in `unit`."""
    if unit not in UNITS:
        return value
    return value / UNITS[unit][1] + OFFSETS.get(unit, 0.0)


def comparable_unit(unit: str | None) -> str | None:
    """What a claim's unit is compared as: its dimension when convertible, else the unit itself."""
    return dimension(unit) or unit


# Words a reporter writes after a number, as the unit names above (and currency codes): lang/en.toml.
WORDS: dict[str, str] = EN["units"]["words"]
CURRENCY_WORDS: dict[str, str] = EN["units"]["currencies"]
# unit words that are also a material: no unit before a noun ("three stone cottages")
MATERIALS: frozenset[str] = frozenset(EN["units"]["materials"])
