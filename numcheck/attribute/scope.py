"""The scope a figure is given in: 'in the province', 'across Asia', 'in Central Aceh district'.

A toll "in the province" and one "across Asia" count different things; a figure with a scope
is compared only with figures of the same scope. Only places that name an area — a generic
area noun (province, district, country…) or a continent or the world — make a scope: "in Aceh"
alone is where the story happens, not a narrower count; so is "in the town". Scopes apply to
counts: a magnitude "in the region" is not a regional magnitude.
"""

from __future__ import annotations

import re

from numcheck.extract.language import EN, GRAMMAR, alt

_S = EN["scope"]
_AREA = alt(_S["areas"])
_CONTINENT = alt(_S["continents"])
_DETERMINERS = "|".join(rf"{re.escape(w)}\s+" for w in _S["determiners"])
_SCOPE = re.compile(
    rf"\b(?:{alt(_S['before'])})\s+(?:{_DETERMINERS})*"
    rf"(?P<place>(?:[A-Z][\w'-]*\s+){{0,3}}(?:{_AREA})\b|{_CONTINENT}\b|(?:\d[\d,]*|\w+)\s+(?:{alt(_S['counted_areas'])}))"
    rf"|\b(?P<word>{alt(_S['everywhere'])})\b"
    rf"|\b{GRAMMAR['in']}\s+{GRAMMAR['the']}\s+(?:(?:\w+\s+)?(?P<war>{alt(_S['wars'])}))\b"
)
# "100 in Kfar Batna": a place right after the figure makes it a count for that place
_ADJACENT = re.compile(rf"\s+(?:[a-z]+\s+)?{GRAMMAR['in']}\s+(?P<place>[A-Z][\w'-]+(?:\s+(?:al-)?[A-Z][\w'-]+)*)")


_SCENE_DETERMINERS = "|".join(rf"{re.escape(w)}\s+" for w in _S["scene_determiners"])
_SCENE = re.compile(rf"\W*In\s+(?:{_SCENE_DETERMINERS})*(?P<place>(?:[A-Z][\w'-]*\s+){{0,3}}(?:{_AREA})),")


def scene(text: str, start: int) -> str | None:
    """A scope that opens a sentence and covers it: 'In neighbouring Central Aceh district, ...'."""
    m = _SCENE.match(text, start)
    return " ".join(m.group("place").lower().split()) if m else None


def scope(text: str, start: int, end: int) -> str | None:
    """The first area phrase in text[start:end] (the figure's clause after it), normalised."""
    near = _ADJACENT.match(text, start, end)
    if near:
        return " ".join(near.group("place").lower().split())
    m = _SCOPE.search(text, start, end)
    if not m:
        return None
    if m.group("war"):
        return f"{GRAMMAR['the']} {m.group('war').lower()}"
    place = m.group("place") or m.group("word")
    words = place.lower().split()
    if words[-1] in _S["world"]:
        return "world"
    return " ".join(words)
