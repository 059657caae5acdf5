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

from numcheck.extract.language import STOP
from numcheck.model import TYPE_CHECKING
from numcheck.rules.vocabulary import Vocabulary

if TYPE_CHECKING:
    import inflect

_NEXT = re.compile(
    r"[\s-]*(?:(?:more|other|additional|further|extra|new|confirmed|reported|known|fellow)\s+)?"
    r"(?P<w1>[A-Za-z][A-Za-z'’]*)(?:[\s-]+(?P<w2>[A-Za-z][A-Za-z'’]*))?(?:[\s-]+(?P<w3>[A-Za-z][A-Za-z'’]*))?"
)
# a part of a larger figure: "15 of them", "12 of 540", "two children are among the dead",
# "a dozen remained in serious condition", "including 40 children", "another four"
_PART_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:of\s+(?:them|whom|those|these|which|(?:the|its|their|his|her)\s+[a-z]+)\b|among\s+them\b|more\b"
    r"|(?:were|was|are)\s+(?-i:[A-Z][a-z]+(?:an|ese|ish|ch|i|ic))\b|(?-i:[A-Z][a-z]+(?:ans|ese|ish|ards|ons|is))\b"  # "four were Austrian", "four Austrians"
    r"|of\s+(?:the\s+|its\s+|their\s+)?\d|(?:[a-z]+\s+){0,2}(?:are|were|was|is)\s+among\b"
    r"|(?:[a-z]+\s+){0,3}(?:in|remain(?:ed|s)?\s+in)\s+(?:a\s+)?(?:serious|critical|stable|grave|intensive)\b)", re.I)
_PART_BEFORE = re.compile(
    r"\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|of\s+which|another|a\s+further|"
    r"an\s+additional|an\s+extra|other|identities\s+of|names\s+of|families\s+of|relatives\s+of)\s+(?:\w+\s+)?$"
    r"|\bamong\s+the\s+(?:dead|injured|victims|wounded|missing)\s+(?:were|was|are)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$", re.I)
_VAGUE_PLURAL = re.compile(r"(?i)\b(?:dozens|scores|hundreds|thousands|millions|billions)$")
_OF_NOUN = re.compile(r"\s+of\s+(?!them\b|whom\b|those\b|these\b|which\b|the\s+(?:dead|injured|victims|wounded)\b)")
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
    part = bool(_PART_AFTER.match(text, fig_end, sent_end) or _PART_BEFORE.search(text, max(sent_start, fig_start - 50), fig_start))
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
    if w1.islower() and len(w1) > 2 and w1.lower() not in _NOT_COUNTED and not w1.endswith(("ly", "ing", "ed")):
        return Counted("noun", singular(w1.lower()), part, m.end("w1"))
    return Counted("none", part=part)


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """'countries' -> 'country', via inflect (already installed with quantulum3)."""
    return _engine().singular_noun(word) or word


@lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    from numcheck.extract.quantities import load_inflect  # lazy: inflect takes a third of a second to load, and only a plural needs it

    return load_inflect().engine()
