"""The date of a named incident: "the 2012 sinking of the MV Aurora Bay", "In 2013 the MV Aurora Bay sank".

Background paragraphs date earlier incidents, and outlets get those dates wrong. A date is an
incident's when an incident word from the rules ([incidents]) stands beside it and a proper name
(or "he"/"she", the person the article is about) says which incident it is; the incident's kind
and its name, without a vessel's prefix, are the entity, so "the 2012 sinking of the MV Aurora
Bay" and "the 2013 sinking of the Aurora Bay" are compared, and "Ashworth was arrested in March
2021" with "He was arrested in March 2022".
A noun before the incident word says which when no name does ("a 2019 methane explosion", "a
methane blast in 2017"); a date with neither ("a fire in 2017", "a smaller blaze in 2016") is left
alone: which fire it was, we cannot tell.
"""

from __future__ import annotations

import re

from numcheck.model import Figure
from numcheck.attribute.names import person, protagonist
from numcheck.extract.language import EN, GRAMMAR, STOP, alt
from numcheck.extract.nonclaims import NAMEWORD

_NAME = rf"(?P<name>(?:[A-Z]{{2,4}}\s+)?{NAMEWORD}(?:\s+(?:{GRAMMAR['of']}\s+)?{NAMEWORD}){{0,3}})"
_WORD = r"(?P<word>[A-Za-z]+)"
_WORDS = EN["incidents"]
_DET = "(?:" + "|".join(w + r"\s+" for w in _WORDS["determiners"]) + ")?"  # "(?:the\s+|a\s+|an\s+)?"
_ON = alt(_WORDS["before_date"])  # "in", "on"
# the date, then an incident word, then whose: "the 2012 sinking of the MV Aurora Bay"
_LABEL_OF = re.compile(rf"[\s-]+{_WORD}\s+{GRAMMAR['of']}\s+{_DET}{_NAME}")
# the date opening its clause, then whose, then the incident verb: "In 2013 the MV Aurora Bay sank"
_SCENE = re.compile(rf",?\s+{_DET}{_NAME}\s+(?:(?:{alt(_WORDS['scene_auxiliaries'])})\s+)?{_WORD}\b")
# an incident by name, then its date: "Hurricane Katrina in 2005", "the Aurora Bay sinking in 2013"
_WORD_NAME = re.compile(rf"{_WORD}\s+{_NAME}(?:\s+(?:{_ON}))?\s+$")
_AUX = rf"(?:(?:{alt(_WORDS['auxiliaries'], escape=False)})\s+)?"
_NAME_WORD = re.compile(rf"{_NAME},?\s+{_AUX}{_WORD}(?:\s+(?:{_ON}))?\s+$")
# "He was arrested in March 2022": the person the article is about
_PRONOUN_WORD = re.compile(rf"(?<![\w])(?:{alt(_WORDS['pronouns'])})\s+{_AUX}{_WORD}(?:\s+(?:{_ON}))?\s+$")
# no name, but a noun that says which: "a 2019 methane explosion", "a methane blast in 2017",
# "in 2019, when a methane blast ...": the explosion of methane
_MOD = r"(?P<mod>[a-z]{3,})\s+(?P<word>[a-z]+)"
_LABEL_MOD = re.compile(rf"[\s-]+{_MOD}\b")
_WHEN_MOD = re.compile(rf",?\s+{_WORDS['when']}\s+(?:{alt(_WORDS['determiners'])})\s+{_MOD}\b")
_MOD_BEFORE = re.compile(rf"(?<![\w-]){_MOD}(?:\s+(?:{_ON}))?\s+$")
_NOT_MODIFIERS = STOP["not_incident_modifiers"]  # words before an incident word that do not say which
_LAST = re.compile(
    rf"\b(?:{alt(_WORDS['last'], escape=False)})\s+(?:(?:{alt(_WORDS['degrees'])})\s+)?"
    rf"{_WORD}(?:\s+(?:{alt(_WORDS['manners'])}))?,?(?:\s+(?:{_ON}))?\s+$"
)
_PREFIX = re.compile(r"^(?:[A-Z]{2,4}\s+)")  # MV, SS, HMS, USS


def incident(text: str, fig: Figure, start: int, end: int, words: dict[str, str]) -> str | None:
    """The named incident a date is the date of, as an entity key ('sinking of aurora bay'), or None."""
    after = [m for m in (_LABEL_OF.match(text, fig.end, end), _SCENE.match(text, fig.end, end)) if m]
    before = [m for rx in (_WORD_NAME, _NAME_WORD) if (m := rx.search(text, max(start, fig.start - 60), fig.start))]
    for m in after + before:
        name = m.group("name")
        if name in ("He", "She", "They", "It", "We"):
            continue  # a pronoun, read below
        kind = words.get(m.group("word").lower())
        if kind:
            return f"{kind} of {_key(text, name)}"
        first, _, rest = _PREFIX.sub("", name).partition(" ")
        if rest and first.lower() in words:  # "In 2019 Cyclone Idai struck": the name says what it was
            return f"{words[first.lower()]} of {_key(text, rest)}"
    last = _LAST.search(text, max(start, fig.start - 40), fig.start)
    if last and last.group("word").lower() in words:  # "the last major eruption, in 1997": there is one last one
        return f"last {words[last.group('word').lower()]}"
    pronoun = _PRONOUN_WORD.search(text, max(start, fig.start - 40), fig.start)
    if pronoun and pronoun.group("word").lower() in words:
        who = protagonist(text)
        return f"{words[pronoun.group('word').lower()]} of {who}" if who else None
    for m in (
        _LABEL_MOD.match(text, fig.end, end),
        _WHEN_MOD.match(text, fig.end, end),
        _MOD_BEFORE.search(text, max(start, fig.start - 40), fig.start),
    ):
        if m and m.group("word") in words and m.group("mod") not in _NOT_MODIFIERS and m.group("mod") not in words:
            return f"{words[m.group('word')]} of {m.group('mod')}"
    return None


def _key(text: str, name: str) -> str:
    """'the MV Aurora Bay' -> 'aurora bay'; a surname alone is the article's one person with it."""
    name = _PREFIX.sub("", re.sub(r"^(?:The|A|An)\s+", "", name))
    return person(text, name) if " " not in name else " ".join(name.lower().split())
