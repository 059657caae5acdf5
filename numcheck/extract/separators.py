"""Numbers an English article writes in a continental language's way read as English writes them.

Copy translated from German, French, Spanish or Italian often keeps the source's separators:
"15.000 households" is fifteen thousand, "3,7 billion euros" is 3.7 billion. Read as English,
the first is fifteen and the second is split into "3" and "7 billion", and both then disagree
with the English articles of the story. An article shows its way by forms English never writes:
a decimal comma before a scale, unit or percent ("3,7 billion", "7,4 %"), two dotted groups
("1.234.567"), a dotted group before a decimal comma ("1.234,5"), or a whole number with a
dotted group before a noun it counts ("8.200 people": no count has three decimals). In such an
article every dotted group is a thousands group and every such comma a decimal point. Nothing
changes in an article without one of these forms ("$3.499 a gallon" stays a price).

The text is rewritten character for character, separator for separator, so every offset, line
and column stays the article's, and the words quoted are always the article's own.
"""

from __future__ import annotations

import re

from numcheck.extract.language import EN, alt

_AFTER_DECIMAL = alt(EN["units"]["after_decimal_comma"], escape=False)  # "%", "euros", "km", ...
_SCALES = alt(EN["numbers"]["scales_after"])  # "million", "bn", ...
_UNIT_OR_SCALE = rf"(?:{_AFTER_DECIMAL}|{_SCALES})"

#: A decimal comma: one to three digits, a comma, one or two digits, then a scale, unit or percent.
_DECIMAL_COMMA = re.compile(rf"(?<![\d.,])(\d{{1,3}}),(\d{{1,2}})(?=\s?{_UNIT_OR_SCALE}(?!\w))", re.I)
#: Dotted thousands: groups of three digits after a dot, and a decimal comma after them if any.
_DOTTED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]|,\d)")
#: Forms English never writes: two dotted groups, or a dotted group before a decimal comma.
_SURE = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3}){2,}|(?:\.\d{3})+,\d+)(?![\d.]|,\d)")
#: A whole number with one dotted group before a word that is no unit or scale: "8.200 people".
_COUNT = re.compile(rf"(?<![\d.,\w£$€¥])[1-9]\d{{0,2}}\.\d{{3}}(?![\d.,])(?=\s+(?!{_UNIT_OR_SCALE}\b)[^\W\d_]{{2,}})", re.I)


def continental(text: str) -> bool:
    """Whether the article writes its numbers the continental way (see the module's docstring)."""
    return bool(_DECIMAL_COMMA.search(text) or _SURE.search(text) or _COUNT.search(text))


def english(text: str) -> str:
    """The text with a continental article's separators swapped for English ones, same length;
    any other text unchanged."""
    if not continental(text):
        return text
    swapped = _DOTTED.sub(lambda m: m.group().translate(_SWAP), text)
    return _DECIMAL_COMMA.sub(lambda m: f"{m.group(1)}.{m.group(2)}", swapped)


_SWAP = str.maketrans(".,", ",.")
