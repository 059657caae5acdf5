"""A story's setting: the names every article of a story gives, which keep no figure of it apart.

A story about a strike in one town names that town in every article, and an article that says "2,600
nurses walked out" means the town's nurses as much as one that says "2,600 nurses in Dunmarsh".
So an entity or a scope read near a figure (attribute/slots.py) that every article of its story names,
a story of two articles or more, is the story's setting when it is the one name the story's figures
of that measure give, and groups the figure as if none were read: "About 2,600 nurses" meets "Some
1,800 nurses in Dunmarsh". A name still keeps figures apart where another name is given with
figures of the measure (a price war's two chains, both named in every article), where some article
leaves it out ("Oklahoma" in a story of two states' tornadoes, told by one article only for Texas),
where one article gives a figure of the measure with it and another without ("a 6.0-magnitude
quake", "a 7.1-magnitude quake off Port Vela": two quakes), and for an age's or a distance's entity
(a measure compared only when we know whose, `needs_entity`), a part's, and a date's, which names
its event.
"""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.check.frames import name_words
from numcheck.model import Claim

#: Kinds whose window entity or scope may be the story's setting.
SET_KINDS = ("count", "money", "percent", "quantity", "duration")
#: The fields of a grouping key (compare.KEY_FIELDS) a story's setting may fill: the entity and the scope.
FIELDS = (3, 5)

Key = tuple[str | None, ...]


class Settings:
    """What a pass over a run's claims learns of each story: the names of its articles (as their claims
    hold them, read only for a story with a name to settle) and the names its figures give; then which
    of those names are the story's setting. A run of 100,000 articles keeps one reference a name list."""

    def __init__(self) -> None:
        self._names: dict[str, dict[str, set[str]]] = {}  # story -> path -> its claims' lists of names
        self._named: dict[tuple[int, str, str, str], set[str]] = {}  # (field, story, measure, name): its articles
        self._given: dict[tuple[int, str, str], set[str]] = {}  # (field, story, measure): the names its figures give
        self._bare: set[tuple[int, str, str, str]] = set()  # (field, story, measure, path): a figure with none
        self._known: dict[tuple[int, str, str, str], bool] = {}

    def add(self, c: Claim, key: Key | None) -> None:
        """Note a claim's article's names, the names its grouping key gives (where it may be settled),
        and, for a key that gives one, the field it leaves empty (as `bare`)."""
        lists = self._names.setdefault(c.story, {}).setdefault(c.path, set())
        if c.names:  # only a parsed figure holds its article's names
            lists.add(c.names)
        if key is None or key[1] is None or c.kind not in SET_KINDS or all(key[field] is None for field in FIELDS):
            return
        for field in FIELDS:
            name = key[field]
            if name is None:
                self.bare(field, c.story, key[1], c.path)
            else:
                self._named.setdefault((field, c.story, key[1], name), set()).add(c.path)
                self._given.setdefault((field, c.story, key[1]), set()).add(name)

    def bare(self, field: int, story: str, measure: str, path: str) -> None:
        """Note that an article gives a figure of a story's measure with no name in this field (asked
        of a key that gives a name in the other, and of the groups of the measures some figure names:
        `wanted`)."""
        self._bare.add((field, story, measure, path))

    def wanted(self) -> set[tuple[str, str]]:
        """(story, measure) of the figures that give a name: where an unnamed figure of the measure matters."""
        return {(story, measure) for _, story, measure in self._given}

    def settled(self, key: Key) -> Key:
        """The key with each entity or scope that is its story's setting left empty."""
        story, measure = key[0], key[1]
        if story is None or measure is None:
            return key
        out = list(key)
        for field in FIELDS:
            name = key[field]
            if name is not None and self._is_setting(field, story, measure, name):
                out[field] = None
        return tuple(out)

    def _is_setting(self, field: int, story: str, measure: str, name: str) -> bool:
        """Whether every article of a story of two or more names this (a word of it is a word of one
        of an article's names: "the operator Kelmoor Buses" is named by "Kelmoor"), it is the one name
        the story's figures of the measure give, and no article gives a figure of the measure with it
        and another with none."""
        known = self._known.get((field, story, measure, name))
        if known is None:
            articles = self._names.get(story, {})
            paths = self._named.get((field, story, measure, name), set())
            apart = any((field, story, measure, path) in self._bare for path in paths)
            one = self._given.get((field, story, measure), set()) == {name}
            words = name_words(name)
            known = (
                len(articles) > 1
                and one
                and not apart
                and all(any(words & name_words(names) for names in lists) for lists in articles.values())
            )
            self._known[(field, story, measure, name)] = known
        return known


def may_be_setting(c: Claim, key: Sequence[str | None], needs_entity: frozenset[str]) -> bool:
    """Whether a claim's entity or scope may be its story's setting: a figure of a kind they keep no
    figure of apart, not a part, not of a measure compared only when we know whose."""
    return (
        any(key[field] is not None for field in FIELDS)
        and c.kind in SET_KINDS
        and key[2] is None
        and c.measure not in needs_entity
    )
