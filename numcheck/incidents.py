"""The date of a named incident: "the 2012 sinking of the MV Aurora Bay", "In 2013 the MV Aurora Bay sank".

Background paragraphs date earlier incidents, and outlets get those dates wrong. A date is an
incident's when an incident word from the rules ([incidents]) stands beside it and a proper name
says which incident it is; the name, without a vessel's prefix, is the incident's entity, so
"the 2012 sinking of the MV Aurora Bay" and "the 2013 sinking of the Aurora Bay" are compared.
A date with no name ("a fire in 2017") is left alone: which fire it was, we cannot tell.
"""
from __future__ import annotations

import re

from .model import Figure
from .patterns import NAMEWORD

_NAME = rf"(?P<name>(?:[A-Z]{{2,4}}\s+)?{NAMEWORD}(?:\s+(?:of\s+)?{NAMEWORD}){{0,3}})"
_WORD = r"(?P<word>[A-Za-z]+)"
_DET = r"(?:the\s+|a\s+|an\s+)?"
# the date, then an incident word, then whose: "the 2012 sinking of the MV Aurora Bay"
_LABEL_OF = re.compile(rf"[\s-]+{_WORD}\s+of\s+{_DET}{_NAME}")
# the date opening its clause, then whose, then the incident verb: "In 2013 the MV Aurora Bay sank"
_SCENE = re.compile(rf",?\s+{_DET}{_NAME}\s+(?:(?:was|were|had)\s+)?{_WORD}\b")
# an incident by name, then its date: "Hurricane Katrina in 2005", "the Aurora Bay sinking in 2013"
_WORD_NAME = re.compile(rf"{_WORD}\s+{_NAME}(?:\s+(?:in|on))?\s+$")
_NAME_WORD = re.compile(rf"{_NAME}\s+{_WORD}(?:\s+(?:in|on))?\s+$")
_PREFIX = re.compile(r"^(?:[A-Z]{2,4}\s+)")  # MV, SS, HMS, USS


def incident(text: str, fig: Figure, start: int, end: int, words: frozenset[str]) -> str | None:
    """The named incident a date is the date of, as an entity key, or None."""
    after = [m for m in (_LABEL_OF.match(text, fig.end, end), _SCENE.match(text, fig.end, end)) if m]
    before = [m for rx in (_WORD_NAME, _NAME_WORD) if (m := rx.search(text, max(start, fig.start - 60), fig.start))]
    for m in after + before:
        name = m.group("name")
        if m.group("word").lower() in words:
            return _key(name)
        first, _, rest = _PREFIX.sub("", name).partition(" ")
        if rest and first.lower() in words:  # "In 2019 Cyclone Idai struck": the name says what it was
            return _key(rest)
    return None


def _key(name: str) -> str:
    return " ".join(_PREFIX.sub("", re.sub(r"^(?:The|A|An)\s+", "", name)).lower().split())
