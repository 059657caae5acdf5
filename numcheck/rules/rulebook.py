"""Rules as data: TOML files of entities, events, measures, facts and constraints.

The package's built-in rules (generic vocabulary and constraints) always load; `./rules/` and
every `--rules DIR` add to them. A rule's id is its file's stem and its own id
("ukraine.bakhmut-prewar-population"). A file that cannot be trusted stops the run with
`path:line: what is wrong`.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from importlib import resources

from numcheck.errors import RuleError
from numcheck.read.walk import rule_paths

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
    level: str = "error"


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
    level: str = "error"


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

    @property
    def cumulative(self) -> frozenset[str]:
        """Measures that only grow as a story develops (tolls): a later, higher figure is an update."""
        return frozenset(m.id for m in self.measures.values() if m.cumulative)

    @property
    def needs_entity(self) -> frozenset[str]:
        """Measures compared only when we know whose figure it is."""
        return frozenset(m.id for m in self.measures.values() if m.needs_entity)


def load(dirs: list[str], use_local: bool = True) -> RuleBook:
    """The built-in rules, then ./rules/ if present and wanted, then each directory given."""
    sources: list[tuple[str, str, str]] = []
    builtin = resources.files("numcheck.rules").joinpath("builtin.toml")
    sources.append(("builtin", "numcheck/builtin.toml", builtin.read_text(encoding="utf-8")))
    for path in rule_paths(dirs, use_local):
        sources.append((os.path.splitext(os.path.basename(path))[0], path, _read(path)))
    books = [parse(stem, path, text) for stem, path, text in sources]
    from numcheck.rules.rulefile import check_aliases

    check_aliases([(path, text, book.entities) for (_, path, text), book in zip(sources, books)])
    return merge(books)


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise RuleError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleError(f"not valid UTF-8 (byte {exc.start}); save it as UTF-8", path=path, line=line) from None

def parse(stem: str, path: str, text: str) -> RuleBook:
    """One rule file's contents, checked; every problem names its line (see rulefile.py)."""
    from numcheck.rules.rulefile import parse_file

    return parse_file(stem, path, text)


def merge(books: list[RuleBook]) -> RuleBook:
    """Later files add aliases and words to earlier ones; ids must be unique across files."""
    entities: dict[str, tuple[str, ...]] = {}
    measures: dict[str, Measure] = {}
    times: dict[str, tuple[str, ...]] = {}
    events: dict[str, Event] = {}
    facts: dict[str, Fact] = {}
    constraints: dict[str, Constraint] = {}
    for book in books:
        for k, v in book.entities.items():
            entities[k] = tuple(dict.fromkeys(entities.get(k, ()) + v))
        for k, v in book.times.items():
            times[k] = tuple(dict.fromkeys(times.get(k, ()) + v))
        for k, m in book.measures.items():
            old = measures.get(k)
            measures[k] = m if old is None else Measure(
                k, tuple(dict.fromkeys(old.words + m.words)), old.cumulative or m.cumulative, old.kinds or m.kinds,
                old.stock or m.stock, old.needs_entity or m.needs_entity, old.located or m.located)
        events.update(book.events)
        for f in book.facts:
            if f.id in facts:
                raise RuleError(f"duplicate rule id {f.id!r} (first in {facts[f.id].path}:{facts[f.id].line})", path=f.path, line=f.line)
            facts[f.id] = f
        for c in book.constraints:
            if c.id in constraints:
                raise RuleError(f"duplicate rule id {c.id!r} (first in {constraints[c.id].path}:{constraints[c.id].line})", path=c.path, line=c.line)
            constraints[c.id] = c
    from numcheck.rules.rulefile import check_contradictions

    check_contradictions(facts.values())
    for f in facts.values():
        if f.measure not in measures:
            raise RuleError(f"fact {f.id!r} names measure {f.measure!r}, which no rule file defines", path=f.path, line=f.line)
        if f.entity is not None and f.entity not in entities and f.entity not in events:
            raise RuleError(f"fact {f.id!r} names entity {f.entity!r}, which no rule file defines", path=f.path, line=f.line)
    people = tuple(dict.fromkeys(w for b in books for w in b.people))
    rates = {k: v for b in books for k, v in b.rates.items()}
    return RuleBook(entities, events, measures, times, people, rates, tuple(facts.values()), tuple(constraints.values()),
                    tuple(p for b in books for p in b.files),
                    incidents={k: v for b in books for k, v in b.incidents.items()})
