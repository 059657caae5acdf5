"""Numbers as written in news: digits with any separator, scale words, number words, ordinals."""
from __future__ import annotations

import re

from numcheck.extract.language import EN, alt

_NUMBERS = EN["numbers"]
UNITS: dict[str, int] = _NUMBERS["units"]
TENS: dict[str, int] = _NUMBERS["tens"]
SCALES: dict[str, float] = {k: float(v) for k, v in _NUMBERS["scales"].items()}
ORDINAL_WORDS: dict[str, int] = _NUMBERS["ordinals"]
#: Words that make a quantity parser's reading a number at all: without one of them, or a
#: digit, a "quantity" such as "a key" is a misreading.
NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + _NUMBERS["number_words"])
_JOINERS = frozenset(_NUMBERS["joiners"])
_ARTICLES = frozenset(_NUMBERS["articles"])

WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(k for k in UNITS if UNITS[k] < 10 and k != "zero")
    + r"))?|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
)
DIGITS = r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| (?=\d{3}(?!\d)))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE_WORD = rf"(?:{alt(_NUMBERS['scale_words'])})"
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
        if word in _JOINERS:
            continue
        if word in _ARTICLES:
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
