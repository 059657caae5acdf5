"""What range of values a written figure stands for, given its hedge and its precision.

A figure stands for the values that round to it as written (statcheck's rule): "1.5 million"
is 1.45 to 1.55 million. Round whole numbers ("70,000", "1,300") are read as rounded to their
last non-zero digit, but never by more than ROUND_CAP of their value, so "40" stays 38 to 42.
Hedges then widen or open the range: "about" by ABOUT of a round value of one significant
digit ("about 200", "about 3,000") and by ABOUT_PRECISE of one written to more ("about 48,000",
"about 420": the writer's own digits say how near they know it), "nearly" below it, "more than"
upwards without end. Comparison reads an open "more than" as stopping at IMPLIED
times its figure (`implied_top`).
"""

from __future__ import annotations

import math

from numcheck.model import Approx, Bound, less

ABOUT = 0.10
ABOUT_PRECISE = 0.05
NEARLY = 0.15
ROUND_CAP = 0.05
#: How far above its figure a count or a sum given as "more than" or "at least" is read to reach when it is
#: compared with a figure given as itself ("5,200", "about 5,200"): a writer who knew of half as many again
#: would have given that figure ("more than 3,000 signatures" is not 5,200; "more than 300 schools" may be 330
#: or 410). Two floors are both true of a larger figure ("more than 800 tickets", "more than 1,600
#: tickets"). Not a share ("more than half" is said of 90%), nor a length or a time, which is as often a
#: threshold ("delays of more than two hours", "sites of more than five hectares"), nor a toll still
#: rising ("at least three dead": compare._top_of).
IMPLIED = 1.5
IMPLIED_KINDS = ("count", "money")


def implied_top(value: float) -> float:
    """The top comparison reads an open "more than `value`" to reach (IMPLIED)."""
    return value * IMPLIED if value > 0 else value


def rounding(value: float, decimals: int) -> float:
    """Half the last written unit: the slack that rounding to the written figure allows."""
    if decimals > 0:
        return 0.5 * 10.0 ** (-decimals)
    if value == 0 or not math.isfinite(value):
        return 0.0
    whole = int(abs(value))
    zeros = 0
    while whole and whole % 10 == 0:
        whole //= 10
        zeros += 1
    if zeros == 0:
        return 0.0
    return min(0.5 * 10.0**zeros, ROUND_CAP * abs(value))


def written_slack(digits: float, decimals: int, scale: float = 1.0) -> float:
    """The rounding of a figure written as digits times a scale word: '1.5 million' is rounded
    to its decimal (±50,000), '2bn' to its billions within the ±5% cap (±100 million)."""
    if decimals > 0:
        return rounding(digits, decimals) * scale
    return rounding(digits * scale, 0)


def measured_floor(decimals: int, scale: float = 1.0) -> float:
    """The least a measured figure ("6 miles", "40%") is rounded by: half its last written place,
    scaled by a scale word only where that place is a decimal ("2.5 million barrels" ±50,000); a
    whole number before a scale word is rounded as a round figure is ("2 million barrels" ±100,000),
    so the floor stays half a unit."""
    return 0.5 * 10.0**-decimals * scale if decimals > 0 else 0.5


def written(value: float) -> str:
    """A number in full, without its sign or trailing decimal zeros ("4.5", "1870"), to twelve
    significant digits: "17.1bn" read as 17.1 times a billion is 17100000000.000002 in binary,
    and its digits are 171."""
    text = f"{abs(value):.12g}"
    if "e" in text:  # below 1e-4 or from 1e12: no exponent in a number's digits
        text = f"{float(text):.6f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def significant(value: float) -> str:
    """A number's significant digits, without its sign, point or outer zeros ("2.6 billion" and
    "2.6 million" are both "26", 1870 is "187", "about 48,000" is "48")."""
    return written(value).replace(".", "").strip("0")


def bounds(
    value: float, approx: Approx, slack: float = 0.0, hedge: str = "", written: bool = False
) -> tuple[float | None, float | None]:
    """(low, high) for a single figure; None is unbounded. `hedge` refines at_most/about words;
    `written`: the figure's digits are written out, so that "about" widens it by its precision
    (ABOUT_PRECISE past one significant digit), not only by ABOUT as a word ("a dozen") is."""
    if hedge == "nearly":
        return value - abs(value) * NEARLY, value  # "almost 50": about 50, stopping short of it
    if approx == "exact":
        return value - slack, value + slack
    if approx == "about":
        share = ABOUT_PRECISE if written and len(significant(value)) > 1 else ABOUT
        spread = max(slack, abs(value) * share)
        return value - spread, value + spread
    if approx == "at_least":
        return value, None
    if approx in ("at_most", "up_to"):
        return (0.0 if value >= 0 else None), value
    return value - slack, value + slack


def overlap(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    """Whether two intervals (None = unbounded) share a value. Rounding intervals are half-open in
    effect: 8.6 (8.55-8.65) and 8.7 (8.65-8.75) only touch, and 8.65 rounds to one of them, so
    touching is sharing only where one side is a single value or the values are days."""
    alo, ahi = (_clean(x) for x in a)
    blo, bhi = (_clean(x) for x in b)
    a, b = (alo, ahi), (blo, bhi)
    if alo is not None and bhi is not None and (less(bhi, alo) or alo == bhi and not _shares(a, b)):
        return False
    if blo is not None and ahi is not None and (less(ahi, blo) or blo == ahi and not _shares(a, b)):
        return False
    return True


def _clean(x: Bound) -> Bound:
    """A bound without float noise, so that 8.6+0.05 and 8.7-0.05 are the same number."""
    return float(f"{x:.12g}") if isinstance(x, float) else x


def _shares(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    return a[0] == a[1] or b[0] == b[1] or not isinstance(a[0] if a[0] is not None else a[1], (int, float))
