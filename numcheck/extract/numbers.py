"""Numbers as written in news: digits with any separator, scale words, number words, ordinals."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}
#: Words that make a quantity parser's reading a number at all: without one of them, or a
#: digit, a "quantity" such as "a key" is a misreading.
NUMBER_WORDS = frozenset(
    list(UNITS) + list(TENS) + ["hundred", "thousand", "million", "billion", "trillion", "dozen",
                                "dozens", "half", "third", "thirds", "quarter", "quarters", "fifths"]
)

WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(k for k in UNITS if UNITS[k] < 10 and k != "zero")
    + r"))?|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
)
DIGITS = r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| (?=\d{3}(?!\d)))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_SEPARATORS = str.maketrans("", "", ",\u202f\u00a0\u2009 ")


def parse_digits(text: str) -> float | None:
    """'70,000', '70 000', '1.5' -> float; None if it is not a plain written number."""
    cleaned = text.strip().translate(_SEPARATORS)
    if len(cleaned) > 30:  # beyond any figure a reporter writes; float() would give inf
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """'twenty-three', 'four', 'two hundred' -> float; None if not a number in words."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("hundred",):
            current = max(current, 1.0) * 100
        elif word in SCALES and len(word) > 2:
            total += max(current, 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Digits or words, with an optional scale word: '1.5 million', '2bn', 'four'."""
    m = re.fullmatch(rf"\s*({DIGITS})\s*-?\s*([A-Za-z]+)?\s*", text)
    if m:
        base = parse_digits(m.group(1))
        if base is None:
            return None
        scale = (m.group(2) or "").lower()
        if not scale:
            return base
        return base * SCALES[scale] if scale in SCALES else None
    return parse_words(text)


def decimals(text: str) -> int:
    """How many decimal places a written number shows ('1.50' -> 2)."""
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0
