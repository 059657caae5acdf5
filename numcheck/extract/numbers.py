"""Numbers as written in news: digits with any separator, scale words, number words, ordinals."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import alpha2digit, text2num

from numcheck.extract.language import EN, alt, data

_NUMBERS = EN["numbers"]
UNITS: dict[str, int] = _NUMBERS["units"]
TENS: dict[str, int] = _NUMBERS["tens"]
SCALES: dict[str, float] = {k: float(v) for k, v in _NUMBERS["scales"].items()}
ORDINAL_WORDS: dict[str, int] = _NUMBERS["ordinals"]
#: Words that make a quantity parser's reading a number at all: without one of them, or a
#: digit, a "quantity" such as "a key" is a misreading.
NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + _NUMBERS["number_words"])

WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in UNITS if UNITS[k] < 10 and k != "zero")
    + r"))?|"
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r")"
)
DIGITS = r"\d{1,3}(?:(?:,|\u202f|\u00a0|\u2009| (?=\d{3}(?!\d)))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A whole number written with a leading zero ("0183", "007"): a code or an identifier, never a quantity
CODE = re.compile(r"0\d+$")
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


def parse_words(text: str, code: str = "en") -> float | None:
    """'twenty-three', 'two hundred', 'a million', 'two and a half million' -> float; None if not a
    number in words. text2num reads the numbers of every language it knows (English, French,
    Spanish, ...); the language file adds what it leaves out: an article standing for one ("a
    hundred"), a half after a whole ("two and a half million") and scales it lacks ("two dozen")."""
    numbers = data(code)["numbers"]
    words = [w for w in re.split(r"\s+", text.lower().strip()) if w]
    if not words:
        return None
    if words[0] in numbers.get("articles", ()):
        words[0] = numbers["one"]
    half = numbers.get("and_a_half", "")
    joined = " ".join(words)
    if half and f" {half} " in f" {joined} ":
        whole, _, scale = (f" {joined} ").partition(f" {half} ")
        base = _text2num(whole.strip(), code)
        mult = _text2num(scale.strip(), code) if scale.strip() else 1.0
        return None if base is None or mult is None else (base + 0.5) * mult
    extra = numbers.get("extra_scales", {})
    if len(words) > 1 and words[-1] in extra:
        base = _text2num(" ".join(words[:-1]), code)
        return None if base is None else base * extra[words[-1]]
    value = _text2num(joined, code)
    listed = numbers.get(joined) if value is None else None  # a form text2num does not know: "veintiún"
    return float(listed) if isinstance(listed, (int, float)) and not isinstance(listed, bool) else value


_ORDINAL_DIGITS = re.compile(r"(\d+)(?:[^\W\d_]{1,3}|[ºª.]+)")


@lru_cache(maxsize=4096)
def parse_ordinal(text: str, code: str) -> float | None:
    """An ordinal in words as text2num reads it ('onzième' -> 11, 'vigésimo tercero' -> 23); None
    when it reads no ordinal there."""
    m = _ORDINAL_DIGITS.fullmatch(alpha2digit(text, code).strip())
    return float(m.group(1)) if m else None


@lru_cache(maxsize=4096)
def _text2num(text: str, code: str) -> float | None:
    try:
        return float(text2num(text, code))
    except ValueError:
        return None


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
