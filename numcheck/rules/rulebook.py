"""The rules' model: entities, events, measures, facts and constraints, as rulefile.py reads them.

The package's built-in rules (generic vocabulary and constraints) always load; `./rules/` and
every `--rules DIR` add to them. A rule's id is its file's stem and its own id
("ukraine.bakhmut-prewar-population"). A file that cannot be trusted stops the run with
`path:line: what is wrong`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from numcheck.model import Level


CONSTRAINT_KINDS = ("min", "max", "range-order", "percent-max", "date-not-after-article")
LEVELS = ("error", "warning", "info")
SECTIONS = ("entities", "events", "measures", "times", "people", "incidents", "rates", "facts", "constraints", "meta")


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure counts, the words that name it, and whether it only grows (a toll)."""

    id: str
    words: tuple[str, ...]
    cumulative: bool = False
    kinds: tuple[str, ...] = ()
    stock: bool = False  # a level, such as a population: not dated by the day of an event
    needs_entity: bool = False  # compared only when we know whose it is, such as an age
    located: bool = False  # a property of one event, named by its place: "a quake off Banda Aceh"
    role: str | None = None  # the part the code gives it ("age", "record", "aboard", "distance", "date"): see builtin.toml


@dataclass(frozen=True, slots=True)
class Event:
    """A named moment that time phrases refer to: 'before the invasion'."""

    id: str
    date: dt.date
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A known value: entity, measure, time, the interval it allows, and where it comes from."""

    id: str
    measure: str
    low: float | dt.date
    high: float | dt.date
    entity: str | None
    time: str | None
    source: str
    description: str
    path: str
    line: int
    unit: str | None = None
    level: Level = "error"


@dataclass(frozen=True, slots=True)
class Constraint:
    """A bound every claim of a kind or measure must respect."""

    id: str
    kind: str
    description: str
    path: str
    line: int
    measure: str | None = None
    value: float | None = None
    level: Level = "error"


@dataclass(frozen=True, slots=True, eq=False)
class RuleBook:
    """Everything the rules say, merged from every file in load order."""

    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    times: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: tuple[str, ...] = ()  # nouns that count persons: the verb says what ("five people were killed")
    rates: dict[str, float] = field(default_factory=dict)  # currency code -> value in one base currency
    facts: tuple[Fact, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    files: tuple[str, ...] = ()
    incidents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> words: "sinking" = ["sank", ...]

    def role(self, role: str) -> str:
        """The id of the measure the rules give `role` ('age' -> 'age'); "" when none has it."""
        return _roles(self).get(role, "")

    @property
    def roled(self) -> frozenset[str]:
        """Measures the code gives a part (a `role`), whose reading depends on more than the words:
        an age by apposition, a win-loss record, the persons aboard, a distance, an incident's date."""
        return frozenset(_roles(self).values())

    @property
    def cumulative(self) -> frozenset[str]:
        """Measures that only grow as a story develops (tolls): a later, higher figure is an update."""
        return frozenset(m.id for m in self.measures.values() if m.cumulative)

    @property
    def needs_entity(self) -> frozenset[str]:
        """Measures compared only when we know whose figure it is."""
        return frozenset(m.id for m in self.measures.values() if m.needs_entity)


@lru_cache(maxsize=8)
def _roles(book: RuleBook) -> dict[str, str]:
    return {m.role: m.id for m in reversed(book.measures.values()) if m.role}
