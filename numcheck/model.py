"""The data passed between the stages: articles, claims, findings and the report."""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from dataclasses import dataclass, field
from collections.abc import Mapping, Sequence, Set

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: a run that finds its memo never does
if TYPE_CHECKING:
    from typing import Literal, TypeGuard

    Kind = Literal["count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"]
    Approx = Literal["exact", "about", "at_least", "at_most", "up_to", "range", "vague"]
    Level = Literal["error", "warning", "info"]
    Extent = Literal["part", "with_perpetrator"]
else:
    Kind = Approx = Level = Extent = str
Bound = float | dt.date | None
#: Claim.extent: how much of its measure a figure counts, when it is not the measure itself
PART: Extent = "part"  # a part of it: "15 of them", "30 seriously injured", "nearly 40% of revenue"
WITH_PERPETRATOR: Extent = "with_perpetrator"  # it and the perpetrator: "seven dead, including the gunman"


#: The year a day of the month is held in when its article gives no year and no date to read one from
#: ("was handed out on 17 October" in an undated article): a leap year (29 February is one of its days) long
#: before any news, so such a day meets another such day of its story, never a full date by chance.
YEARLESS = 4


def yearless(bound: object) -> TypeGuard[dt.date]:
    """Whether a bound is a day whose year its article does not give (YEARLESS)."""
    return isinstance(bound, dt.date) and bound.year == YEARLESS


def iso_day(day: dt.date) -> str:
    """A day in ISO 8601, as the json contract writes it: '2026-11-13'; a day whose year is not given
    (YEARLESS) as its month and day alone, '--11-13', never as the year it is held in."""
    return f"--{day:%m-%d}" if yearless(day) else day.isoformat()


#: Every Kind, for data (a language file's table) that names one.
KINDS: tuple[Kind, ...] = ("count", "percent", "money", "date", "duration", "ordinal", "quantity", "time")


def as_kind(name: str) -> Kind:
    """The kind a data file names; a ValueError for a word that is no kind."""
    for kind in KINDS:
        if kind == name:
            return kind
    raise ValueError(f"{name!r} is not a kind of figure: one of {', '.join(KINDS)}")


def less(a: float | dt.date, b: float | dt.date, or_equal: bool = False) -> bool:
    """a < b (a <= b `or_equal`) for two bounds of one sort, numbers or days; a TypeError for one
    of each, as the operator gives."""
    if type(a) is float and type(b) is float:  # the common case first: a claim's interval asks for each claim
        return a <= b if or_equal else a < b
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return a <= b if or_equal else a < b
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        op = "<=" if or_equal else "<"
        raise TypeError(f"'{op}' not supported between instances of {type(a).__name__!r} and {type(b).__name__!r}")
    return a <= b if or_equal else a < b


def closed(bounds: Sequence[Bound]) -> TypeGuard[Sequence[float | dt.date]]:
    """Whether no bound is open (None)."""
    return all(b is not None for b in bounds)


def comparable(bounds: Sequence[Bound]) -> TypeGuard[Sequence[float] | Sequence[dt.date]]:
    """Whether the bounds can be ordered, by max() and min(): none is open. A TypeError for numbers
    mixed with days, as ordering them gives."""
    if not closed(bounds):
        return False
    days = sum(isinstance(b, dt.date) for b in bounds)
    if 0 < days < len(bounds):
        raise TypeError("bounds mix numbers and days")
    return True


@dataclass(frozen=True, slots=True)
class Article:
    """One input file, decoded, with what its front matter or name says about it."""

    path: str
    text: str  # "" in a Report made without keep_text, except Markdown with comments (engine.kept)
    story: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    lang: str | None = None
    body_start: int = 0  # offset of the text after any front matter


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input file that was not checked, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as read from text, before attribution: span, kind and interval."""

    start: int
    end: int
    kind: Kind
    low: Bound
    high: Bound
    approx: Approx
    value: float | None = None
    unit: str | None = None
    time_hint: str | None = None  # for dates: a note such as "relative date unresolved"


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure attributed to what it counts, of whom and when, located in its article."""

    id: str
    path: str
    story: str
    line: int
    column: int
    start: int
    end: int
    surface: str
    sentence: str
    kind: Kind
    value: float | None
    low: Bound
    high: Bound
    unit: str | None
    approx: Approx
    measure: str | None = None
    extent: Extent | None = None  # PART or WITH_PERPETRATOR; None: the measure itself, as the rules define it
    entity: str | None = None
    time: str | None = None
    scope: str | None = None  # the area a figure counts in: "province", "asia"
    article_date: dt.date | None = None
    note: str | None = None
    sentence_start: int = 0  # offset of `sentence` in the article's text
    rate: float | None = None  # money: one unit in the rules' base currency, when a [rates] rule gives it
    # The figure's frame, from its sentence's parse (attribute/frame.py): None where the sentence does not say
    thing: str | None = None  # the class of what it counts: "people", "ship"
    event: str | None = None  # the class of what happened to it: "killed", "revenue"
    role: str | None = None  # level|change|forecast|share|part|previous|rate|combined|limit|shortfall; None: not parsed
    whole: str | None = None  # for a part: the class of its whole
    owner: str | None = None  # whose
    place: str | None = None  # where, as the sentence names it
    period: str | None = None  # the period a flow counts over: "quarter", "year"
    source: str | None = None  # who the figure is attributed to: "police"
    names: str | None = None  # the people, places and organisations the article names, one a line
    ties: str | None = None  # the lemmas of the figure's clause (attribute/ties.py), for check/align.py

    @property
    def interval(self) -> tuple[Bound, Bound]:
        """The bounds in order, whatever order the text wrote them in."""
        lo, hi = self.low, self.high
        if lo is not None and hi is not None and less(hi, lo):
            return hi, lo
        return lo, hi

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class ClaimTable(Sequence[Claim]):
    """A run's claims in the report's order, as Report.claims holds them (store.claimstore.ClaimStore)."""

    __slots__ = ()

    @abstractmethod
    def by_id(self) -> Mapping[str, Claim]:
        """The claims by id."""

    @abstractmethod
    def unattributed(self) -> int:
        """How many claims have no measure."""


@dataclass(frozen=True, slots=True)
class Finding:
    """Something an editor should look at, with the claims that are its evidence."""

    id: str
    kind: str  # "conflict", "rule", "update", "agreement", ...
    level: Level
    message: str  # the words, made from `said` by report/render_text.py when the run numbers the findings
    claims: Sequence[str]  # the ids it cites, in order; how they are held is the claim store's business
    rule: str | None = None
    source: str | None = None
    detail: tuple[Sequence[str], ...] = ()  # clusters of claim ids (conflict) or (), held as `claims` are
    said: Sequence = ()  # what the check decided, as data: a code, then its values (render_text.message); a
    # tuple, or a memo's JSON of one decoded when read (store/memo.Said)


@dataclass(frozen=True, slots=True)
class Silenced:
    """A finding accepted by a suppression comment or a baseline: reported, never failing a run."""

    finding: Finding
    by: str  # "suppression" or "baseline"
    reason: str  # the suppression's reason, or the baseline file
    where: str | None = None  # path:line of the suppression comment


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found; every output format renders this."""

    version: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    claims: ClaimTable  # a store.claimstore.ClaimStore (claimbuild.of makes one of any list)
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())
    matched: Set[str] = field(default=frozenset())  # ids of claims compared with a fact or another article: the store's marked()
    silenced: tuple[Silenced, ...] = field(default=())  # findings a suppression or baseline accepts

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level == "error")


@dataclass(frozen=True, slots=True)
class Options:
    """What a run checks and with which rules; the CLI and the pytest plugin both build one."""

    paths: tuple[str, ...]
    rules: tuple[str, ...] = ()
    date: dt.date | None = None
    local_rules: bool = True
    jobs: int | None = None  # worker processes for extraction; None = every core
    cache: bool = True  # reuse the claims of unchanged articles (cache.py)
    cache_dir: str | None = None  # None = cache.default_dir()
    engine: str = "local"  # "local" (run/local_engine.py) or "dask" (run/dask_engine.py)
    scheduler: str | None = None  # a Dask scheduler's address; None = a cluster on this machine
    progress: bool | None = None  # a progress bar on stderr; None = when stderr is a terminal
    keep_text: bool = True  # False: Report.articles without their texts (only the HTML report shows them)
    exclude: tuple[str, ...] = ()  # globs of files and folders left out (read/exclude.py)
    gitignore: bool = True  # leave out what git ignores


ENGINES = ("local", "dask")
