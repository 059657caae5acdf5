"""What the words right after a figure say it counts: '13 countries', 'five people', '15 of them'.

The noun after a figure is the strongest evidence of what it counts. A measure word there
decides ("70,000 inhabitants"); a noun for persons leaves it to the verb ("five people were
killed"); any other noun is itself what is counted ("13 countries", "2,000 tents"), so those
figures are never compared with a toll. "15 of them", "another four" and "hundreds more" are part of a larger figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from numcheck.extract.language import EN, GRAMMAR, STOP, alt
from numcheck.model import TYPE_CHECKING
from numcheck.rules.vocabulary import Vocabulary

if TYPE_CHECKING:
    import inflect

_PARTS = EN["parts"]
_OF, _THE, _AMONG = re.escape(GRAMMAR["of"]), re.escape(GRAMMAR["the"]), re.escape(_PARTS["among"])
_PRONOUNS = alt(_PARTS["pronouns"])
_NEXT = re.compile(
    rf"[\s-]*(?:(?:{alt(_PARTS['modifiers'])})\s+)?"
    r"(?P<w1>[A-Za-z][A-Za-z'’]*)(?:[\s-]+(?P<w2>[A-Za-z][A-Za-z'’]*))?(?:[\s-]+(?P<w3>[A-Za-z][A-Za-z'’]*))?"
)
# a part of a larger figure: "15 of them", "12 of 540", "two children are among the dead",
# "a dozen remained in serious condition", "including 40 children", "another four"
_PART_AFTER = re.compile(
    rf"\s*(?:,\s*)?(?:{_OF}\s+(?:{_PRONOUNS}|(?:{alt(_PARTS['determiners'])})\s+[a-z]+)\b|{_AMONG}\s+{_PARTS['them']}\b"
    rf"|{_PARTS['more']}\b"
    rf"|(?:{alt(_PARTS['copulas'])})\s+(?-i:[A-Z][a-z]+(?:{alt(_PARTS['nationality_endings'], escape=False)}))\b"
    # "four were Austrian", "four Austrians"
    rf"|(?-i:[A-Z][a-z]+(?:{alt(_PARTS['nationality_plural_endings'], escape=False)}))\b"
    rf"|{_OF}\s+(?:{alt(_PARTS['number_determiners'], escape=False)})?\d"
    rf"|(?:[a-z]+\s+){{0,2}}(?:{alt(_PARTS['among_verbs'])})\s+{_AMONG}\b"
    rf"|(?:[a-z]+\s+){{0,3}}(?:{alt(_PARTS['remain'], escape=False)})\s+(?:a\s+)?(?:{alt(_PARTS['conditions'])})\b)",
    re.I,
)
_PART_BEFORE = re.compile(
    rf"\b(?:{alt(_PARTS['before'], escape=False)})\s+(?:\w+\s+)?$"
    rf"|\b{_AMONG}\s+{_THE}\s+(?:{alt(_PARTS['among_the'])})\s+(?:{alt(_PARTS['copulas'])})\s+(?:{_THE}\s+)?(?:[\w'’]+\s+){{0,2}}$",
    re.I,
)
_VAGUE_PLURAL = re.compile(rf"(?i)\b(?:{alt(_PARTS['vague_plurals'])})$")
_NOT_AFTER_OF = "".join(rf"{w}\b|" for w in _PARTS["pronouns"])  # "them\b|whom\b|..."
_OF_NOUN = re.compile(rf"\s+{_OF}\s+(?!{_NOT_AFTER_OF}{_THE}\s+(?:{alt(_PARTS['of_the'])})\b)")
_NOT_NOUN_ENDINGS = tuple(_PARTS["not_noun_endings"])  # "quickly", "according", "injured": no noun counted
_COMPOUND = re.compile(r"-(?P<w>[a-z]{3,})(?:-[a-z]+)?\s+(?P<of>[a-z]{3,})\b")
_NOT_COUNTED = STOP["not_counted"]  # "39% four years ago": a number is no noun


@dataclass(frozen=True, slots=True)
class Counted:
    """What the next words say: a measure key, persons (the verb decides), a noun, or nothing."""

    mode: str  # "measure" | "people" | "noun" | "none"
    key: str | None = None
    part: bool = False
    end: int = 0  # where the words read end
    holder: str | None = None  # what the figure describes: "parliament" in "a 200-seat parliament"


def counted(text: str, fig_start: int, fig_end: int, sent_start: int, sent_end: int, vocab: Vocabulary) -> Counted:
    """Read the words after (and the partitive before) a figure."""
    part = bool(
        _PART_AFTER.match(text, fig_end, sent_end) or _PART_BEFORE.search(text, max(sent_start, fig_start - 50), fig_start)
    )
    compound = _COMPOUND.match(text, fig_end, sent_end)
    if compound and vocab.measure_word(compound.group("w")):  # "a 6.1-magnitude quake"
        return Counted("measure", vocab.measure_word(compound.group("w")), part, compound.end())
    if compound:  # "a 200-seat parliament": the figure describes the parliament
        return Counted("noun", singular(compound.group("w").lower()), part, compound.end(), compound.group("of").lower())
    of = _OF_NOUN.match(text, fig_end, sent_end) if _VAGUE_PLURAL.search(text, fig_start, fig_end) else None
    m = _NEXT.match(text, of.end() if of else fig_end, sent_end)  # "dozens of families": the families
    if not m:
        return Counted("none", part=part)
    w1, w2, w3 = m.group("w1"), m.group("w2"), m.group("w3")
    phrases = [(f"{w1} {w2} {w3}", m.end("w3")) if w3 else None, (f"{w1} {w2}", m.end("w2")) if w2 else None, (w1, m.end("w1"))]
    for phrase, stop in (p for p in phrases if p):
        key = vocab.measure_word(phrase)
        if vocab.is_people(phrase):  # "60,000 demonstrators were arrested": the verb decides first
            return Counted("people", key, part, stop)
        if key:
            return Counted("measure", key, part, stop)
    acronym = re.fullmatch(r"([A-Z]{2,})(?:'?s)?", w1)  # "46 KOs"
    if acronym:
        return Counted("noun", acronym.group(1).lower(), part, m.end("w1"))
    if w1.islower() and len(w1) > 2 and w1.lower() not in _NOT_COUNTED and not w1.endswith(_NOT_NOUN_ENDINGS):
        return Counted("noun", singular(w1.lower()), part, m.end("w1"))
    return Counted("none", part=part)


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """'countries' -> 'country', via inflect (already installed with quantulum3)."""
    return _engine().singular_noun(word) or word


@lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    from numcheck.extract.quantities import (  # lazy: inflect takes a third of a second to load, and only a plural needs it
        load_inflect,
    )

    return load_inflect().engine()
