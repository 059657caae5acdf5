"""Alignment: figures that grouping and frames compared with nothing, matched across two articles
of one story when they are evidently the same figure, then compared (a conflict when their
intervals cannot all hold, else an agreement).

Two figures of different measures (or of none) are never grouped (compare.py); yet two reports
often give one figure in words that no rule or frame maps to one measure ("the petition was
signed by 4,100 people", "4,600 signatures on the petition"). A figure is a candidate when it is
compared with nothing, its article gives no other figure of its signature (its kind, comparable
unit, role, period, time, extent and, for a count, the class of what it counts), and the parse
read its clause (Claim.ties, attribute/ties.py). Two candidates of different articles of one story
are aligned when the evidence says they are one figure and nothing says they are not:

- their articles are shown to be one story, not two of a folder: they share names (at least
  STORY_NAMES words of the people, places and organisations they name) or, where a report names
  nothing the other does ("the statistics office said"), figures (at least STORY_FIGURES of the
  same kind, unit and value, each of two significant digits or more: "48,000 jobs", "5.2 per
  cent"; unrelated articles seldom give two such figures alike);
- their frames agree slot by slot as grouping's do (frames.why_apart), and where both name an
  owner or a subject of the figure's verb, it is one ("the single sold" is not "the album sold");
- a place one of them names and the other does not, or names differently, keeps them apart: a
  local figure is not the national one;
- where both hang on a preposition, it is one ("cut from six an hour" is not "to three an hour");
- where both figures hang on content words (the verb above them, its subject, the noun of their
  "of" phrase; attribute/ties.py), they share one: two distances in one match's report share the
  quarter and the score they came in, but one was run and one was returned;
- the lemmas of their clauses share at least SHARED words, rare enough in the story (the sum of
  log(N/df) over the story's clauses at least RARE), the words of the names either article gives
  left out (they say the story, not the figure): the words the parse ties to each figure, not
  the sentence around it;
- a vague count ("dozens"), a count that is no whole number, a figure that only describes a
  noun ("a 12-room hotel") and one whose verb's subject is another measure ("30 cm of snow fell,
  more at heights above 900 m") are never aligned.

A date is aligned the same way with a date of the same event (its frame's, else the verb its
clause hangs on), given as finely (a day, a month, a year), whether grouping compared either or
not: reports of one story date one event in words the date frames keep apart ("it reopened on
15 March" names no thing, "the footbridge was reopened to walkers on 14 March" does). An article
gives many dates, so a date is paired only with one whose article gives no other day that it
could be; a date of no event (said of a figure: "up from 2,400 in 2021") or of what was said
("said on Monday": reports of different days say so on different days) never is.

Each aligned set of two articles or more is one finding, citing the evidence (the shared words).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from numcheck.attribute.dated import AHEAD, DENIED, RECURRING, REPEATED, SEVERAL, SPAN, dated_events
from numcheck.attribute.framedata import classes
from numcheck.attribute.ties import CASE, CORE, MODIFIER, SUBJECT
from numcheck.check import compare, frames, timeline
from numcheck.extract import intervals, units
from numcheck.extract.language import ENGLISH
from numcheck.model import Claim, Finding
from numcheck.store.claimstore import ClaimStore

#: Kinds of figure aligned (an ordinal never is).
KINDS = ("count", "money", "percent", "duration", "quantity", "date")
#: Why a date of a sentence that gives other days of its grain is never aligned (`_series`).
_SERIES = "a date of a series (its sentence gives other days as finely): the time of a figure, not one event's date"
#: Roles of a date that is not one event's one date (attribute/dated.py), never aligned.
_NOT_ONE_DAY = (SPAN, RECURRING, DENIED, AHEAD, REPEATED, SEVERAL)
#: The fewest words of names two articles share to be one story.
STORY_NAMES = 2
#: The fewest figures two articles that share too few names give alike to be one story.
STORY_FIGURES = 2
#: Kinds of figure two articles of one story give alike (a date or an ordinal says little).
_TELLING = ("count", "money", "percent", "quantity", "duration")
#: The fewest lemmas two figures' clauses share.
SHARED = 2
#: The least rarity (sum of log(N/df) over the story's clauses) of the lemmas they share.
RARE = 3.0
#: What two dates of one event of a dated class ([frames.dates.events]: an approval, a crash) add to the
#: words their clauses share: one word, as rare as half of RARE, so that one more rare word aligns them.
CLASS_RARITY = RARE / 2

Signature = tuple
#: A figure as two articles of one story give it alike: its kind, unit and value.
Telling = tuple[str, str | None, float]


def telling(c: Claim) -> Telling | None:
    """A figure that shows two articles one story when both give it (`Story.one_story`): a count,
    sum, share, quantity or duration of two significant digits or more; None for any other."""
    if c.kind in _TELLING and isinstance(c.value, (int, float)) and len(intervals.significant(float(c.value))) > 1:
        return (c.kind, c.unit, float(c.value))
    return None


def signature(c: Claim) -> Signature | None:
    """What a candidate figure is, as far as its frame says it without its measure; None for a
    figure that is never aligned."""
    if why_never(c) is not None:
        return None
    if c.kind == "date":  # a date meets only the dates of its own event
        return (c.story, c.kind, _grain(c), c.role or "level", _event(c))
    unit = units.comparable_unit(c.unit) if c.kind in ("quantity", "duration") else c.unit if c.kind == "money" else None
    sig = (c.story, c.kind, unit, c.role or "level", c.period, timeline.comparable(c.time, c.article_date), c.extent)
    return sig + (c.thing,) if c.kind == "count" else sig


def _whole(c: Claim) -> bool:
    """Whether a count is a whole number as written (a count of 1.14 people is a misread figure); its
    bounds need not be: a round "90 drivers" may be 85.5 to 94.5, and is a count all the same."""
    if isinstance(c.value, (int, float)):
        return float(c.value).is_integer()
    return all(v is None or float(v).is_integer() for v in (c.low, c.high))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two figures were aligned: the lemmas their clauses share and how rare they are in the story."""

    shared: tuple[str, ...]
    rarity: float


class Story:
    """The clauses of one story's figures, to weigh the words two of them share by their rarity, and
    the telling figures each of its articles gives, to show two articles one story (`one_story`)."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        """`claims`: the story's figures, read once and none of them held (a generator will do):
        the lemmas of each clause counted once, and each article's telling figures."""
        clauses: set[tuple[str, int, str]] = set()
        self.df: Counter[str] = Counter()
        told: dict[str, set[Telling]] = defaultdict(set)
        for c in claims:
            if c.ties and (clause := (c.path, c.sentence_start, c.ties)) not in clauses:
                clauses.add(clause)
                self.df.update(_lemmas(c))
            if (key := telling(c)) is not None:
                told[c.path].add(key)
        self.n = len(clauses)
        self.figures: Mapping[str, AbstractSet[Telling]] = told

    def one_story(self, c: Claim, o: Claim) -> bool:
        """Whether two claims' articles are shown to be one story: by the names they share, else by
        the telling figures they both give."""
        if len(frames._names(c) & frames._names(o)) >= STORY_NAMES:
            return True
        return len(self.figures.get(c.path, set()) & self.figures.get(o.path, set())) >= STORY_FIGURES

    def evidence(self, c: Claim, o: Claim) -> Evidence:
        """The lemmas the two clauses share, less the words of the names either article gives (those
        say the story, which STORY_NAMES already asks, not the figure: two figures of one
        organisation are not one figure for naming it)."""
        shared = sorted((_lemmas(c) & _lemmas(o)) - frames._names(c) - frames._names(o))
        rarity = sum(math.log(self.n / self.df[w]) for w in shared if 0 < self.df[w] < self.n)
        if _one_dated_class(c, o) and c.event not in shared:  # "gave their approval on 9 March", "approved on 10 March"
            shared = sorted((*shared, str(c.event)))  # the class of event both date, as one word they share
            rarity += CLASS_RARITY
        return Evidence(tuple(shared), round(rarity, 2))

    def why_apart(self, c: Claim, o: Claim) -> str | None:
        """Why two candidates of different articles are not aligned, or None."""
        if not self.one_story(c, o):
            return (
                f"their articles share fewer than {STORY_NAMES} words of names and {STORY_FIGURES} figures:"
                " not shown to be one story"
            )
        apart = frames.why_apart(c, o)
        if apart:
            return apart
        for slot, mine, theirs in (("owner", c.owner, o.owner), ("subject", _subject(c), _subject(o))):
            if mine and theirs and not frames._one_name(mine, theirs):
                return f"{slot}: {mine} vs {theirs}"
        if _case(c) and _case(o) and _case(c) != _case(o) and not _one_level(c, o):  # "cut from 6 to 3" vs "from 6 to 2"
            return f"preposition: {_case(c)} vs {_case(o)} (two ends of a change, or two relations)"
        if (c.place or o.place) and not (c.place and o.place and frames._one_name(c.place, o.place)):
            return f"place: {c.place or '-'} vs {o.place or '-'}"
        if c.scope != o.scope:  # "about 9,000 homes in the country": the national figure, not the town's
            return f"scope: {c.scope or '-'} vs {o.scope or '-'}"
        # a count's thing is one already; a date's class of event says what its verb would
        if c.kind != "count" and _core(c) and _core(o) and not _core(c) & _core(o) and not _one_dated_class(c, o):
            mine, theirs = ", ".join(sorted(_core(c))) or "none", ", ".join(sorted(_core(o))) or "none"
            return f"no word the figures hang on is shared (verb, subject, 'of' noun: {mine} vs {theirs})"
        found = self.evidence(c, o)
        if len(found.shared) < SHARED or found.rarity < RARE:
            words = ", ".join(repr(w) for w in found.shared) or "none"
            return f"their clauses share too little ({words}; rarity {found.rarity:g}, {SHARED} words and {RARE:g} needed)"
        return None


def _one_dated_class(c: Claim, o: Claim) -> bool:
    """Whether two dates are of one event of a class the language names ([frames.dates.events]: "the
    accident happened on" and "following the incident on"): the class says what the verb would."""
    return c.kind == o.kind == "date" and c.event == o.event and c.event in dated_events(ENGLISH)


def _lemmas(c: Claim) -> frozenset[str]:
    """The lemmas of a figure's clause, its subject's among them, without the marks."""
    return frozenset(w.lstrip(SUBJECT) for w in (c.ties or "").split() if w != MODIFIER and w[:1] not in (CASE, CORE))


def _core(c: Claim) -> frozenset[str]:
    """The words a figure hangs on most closely (attribute/ties.py): the verb above it, the subject
    of that verb, the noun of its "of" phrase."""
    words = (c.ties or "").split()
    return frozenset(w[1:] for w in words if w[:1] in (CORE, SUBJECT))


def _grain(c: Claim) -> str | None:
    """How finely a date is given: one day, one month or one year; None for any other span."""
    lo, hi = c.low, c.high
    if not isinstance(lo, dt.date) or not isinstance(hi, dt.date):
        return None
    if lo == hi:
        return "day"
    if lo.year == hi.year and lo.month == hi.month and lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]:
        return "month"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return "year"
    return None


def _marked(c: Claim, mark: str) -> str | None:
    return next((w[len(mark) :] for w in (c.ties or "").split() if w.startswith(mark)), None)


def _subject(c: Claim) -> str | None:
    """The lemma of the subject of the figure's verb (attribute/ties.py), or None."""
    return _marked(c, SUBJECT)


def _one_level(c: Claim, o: Claim) -> bool:
    """Whether two levels hang on prepositions that both give a level ([frames.roles] level_cases): "rose to
    11.6%" and "put its share at 11.9%" say one level; "from" says an earlier one."""
    cases = classes(ENGLISH).level_cases
    return c.role == o.role == "level" and _case(c) in cases and _case(o) in cases


def _case(c: Claim) -> str | None:
    """The lemma of the preposition the figure hangs on (attribute/ties.py), or None."""
    return _marked(c, CASE)


def candidates(claims: ClaimStore, rows: Iterable[int], marks: bytearray) -> dict[Signature, dict[str, list[int]]]:
    """The rows (of those given: one story's) of the claims compared with nothing that are their
    article's only figure of their signature (all of its figures of that signature one value), by
    signature and article."""
    by: dict[Signature, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    dates: list[Claim] = []
    at: dict[int, tuple[str, int]] = {}  # a candidate date's row -> its sentence, for `_series`
    for i in rows:  # one pass over the rows: each made a claim once
        c = claims[i]
        if c.kind == "date":
            dates.append(c)
        sig = signature(c)
        if sig is not None:
            by[sig][c.path].append(i)
            if c.kind == "date":
                at[i] = (c.path, c.sentence_start)
    series = _series(dates)
    if series:
        for arts in by.values():
            for path, rows in list(arts.items()):
                arts[path] = [i for i in rows if at.get(i) not in series]
                if not arts[path]:
                    del arts[path]
    out: dict[Signature, dict[str, list[int]]] = {}
    for sig, arts in by.items():
        if sig[1] == "date":  # `_partners` picks among an article's dates, compared or not
            if len(arts) > 1 and any(not marks[i] for rows in arts.values() for i in rows):
                out[sig] = arts
            continue
        kept = {}
        for path, rows in arts.items():
            if len(compare.clusters([claims[i] for i in rows])) == 1:
                unmarked = [i for i in rows if not marks[i]]
                if unmarked:
                    kept[path] = unmarked
        if len(kept) > 1:
            out[sig] = kept
    return out


def _series(claims: Iterable[Claim]) -> set[tuple[str, int]]:
    """The sentences that give dates of one grain and different days ("in 1998 about 20% of coral
    was affected, in 2021 38%"): each date there is the time of a figure of a series, not the one
    date of an event, and its verb is the series'."""
    days: dict[tuple[str, int], set[tuple[str | None, object]]] = defaultdict(set)
    for c in claims:
        if c.kind == "date" and c.role != SEVERAL:
            days[(c.path, c.sentence_start)].add((_grain(c), c.interval))
    return {at for at, held in days.items() if len(held) > len({grain for grain, _ in held})}


def check(
    claims: ClaimStore,
    marks: bytearray,
    cumulative: frozenset[str] = frozenset(),
    spanning: Callable[[array], None] | None = None,
) -> Iterator[Finding]:
    """A finding for every set of figures of two articles or more that alignment matches."""
    for _, rows in claims.stories():  # a story at a time: its claims, never the run's, held
        found = candidates(claims, rows, marks)
        if found:
            yield from _story(claims, marks, found, Story(claims[r] for r in rows), cumulative, spanning)


def _story(
    claims: ClaimStore,
    marks: bytearray,
    found: dict[Signature, dict[str, list[int]]],
    story: Story,
    cumulative: frozenset[str],
    spanning: Callable[[array], None] | None,
) -> Iterator[Finding]:
    """The findings of one story's candidates, by signature."""
    for sig, arts in sorted(found.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
        rows = [i for path in sorted(arts) for i in arts[path]]
        members = [claims[i] for i in rows]
        if any(c.measure in cumulative or frames.conditioned(c) for c in members):
            continue  # a toll or a state may change between reports (compare.py's updates)
        yield from _aligned(claims, rows, members, story, spanning, [bool(marks[i]) for i in rows])


def _aligned(
    claims: ClaimStore,
    rows: list[int],
    members: list[Claim],
    story: Story,
    spanning: Callable[[array], None] | None,
    marked: list[bool],
) -> Iterator[Finding]:
    """The findings of one signature's candidates: pairs linked by their evidence, in sets."""
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    shared: dict[int, set[str]] = defaultdict(set)
    for i, j in _partners(members, story, marked):
        parent[find(i)] = find(j)
        shared[i].update(story.evidence(members[i], members[j]).shared)
    sets: dict[int, list[int]] = defaultdict(list)
    for i in range(len(members)):
        sets[find(i)].append(i)
    for root, held in sets.items():
        part = [members[i] for i in held]
        if len({c.path for c in part}) < 2:
            continue
        if spanning is not None:
            spanning(array("I", (rows[i] for i in held)))
        words = tuple(sorted({w for i in held for w in shared.get(i, ())}))
        yield _finding(claims, [rows[i] for i in held], part, words)


def _partners(members: list[Claim], story: Story, marked: list[bool]) -> list[tuple[int, int]]:
    """The pairs of figures of different articles that are aligned. A figure of another kind is its
    article's only one of its signature (`candidates`); an article gives many dates, so a date is
    paired only with one whose article gives no other date, of another day, that it could be paired
    with, and the other way round: a date that two different days of one article could be is
    neither's."""
    linked = [
        (i, j)
        for i, c in enumerate(members)
        for j in range(i + 1, len(members))
        if c.path != members[j].path and not (marked[i] and marked[j]) and story.why_apart(c, members[j]) is None
    ]
    if not members or members[0].kind != "date":
        return linked
    days: dict[tuple[int, str], set[tuple[object, object]]] = defaultdict(set)  # (figure, other article) -> days
    for i, j in linked:
        days[(i, members[j].path)].add(members[j].interval)
        days[(j, members[i].path)].add(members[i].interval)
    return [(i, j) for i, j in linked if len(days[(i, members[j].path)]) == 1 and len(days[(j, members[i].path)]) == 1]


def _finding(claims: ClaimStore, rows: list[int], part: list[Claim], words: tuple[str, ...]) -> Finding:
    """A conflict when the aligned figures cannot all hold, else an agreement; both say why they were aligned."""
    row_of = {id(c): r for c, r in zip(part, rows)}
    parts = compare.clusters(part)
    ids, detail = compare.cited(claims, parts, row_of)
    first = part[0]
    thing = _event(first) if first.kind == "date" else first.thing  # a date is of its event
    measure = first.measure or (f"date of {thing}" if first.kind == "date" else thing)
    what = (measure, first.extent, None, timeline.comparable(first.time, first.article_date), None, None)
    why = ("aligned", first.kind, thing, words)
    summary = tuple(compare.cluster_data(p) for p in parts)
    if len(parts) > 1:
        return Finding("", "conflict", "error", "", ids, detail=detail, said=("conflict", what, None, summary, why))
    return Finding("", "agreement", "info", "", ids, detail=detail, said=("agreement", what, summary, why))


def why_never(c: Claim) -> str | None:
    """Why a figure is never aligned, in words (signature's one list of exclusions); None for one that may be."""
    if c.kind not in KINDS:
        return f"a {c.kind} is never aligned"
    if c.ties is None:
        return "its clause was not read (no parse)"
    if c.ties.startswith(MODIFIER):
        return "it describes the noun after it ('a 12-room hotel'): no figure of its own"
    if c.low is None and c.high is None:
        return "its interval is unknown"
    if c.kind == "date":
        return _why_never_date(c)
    if c.note == "changed from":
        return "the story itself revised it"
    if c.approx == "vague":
        return f"a vague figure ({c.surface!r})"
    if c.kind == "count" and c.thing is None:
        return "a count whose frame names nothing it counts"
    if c.kind == "count" and not _whole(c):
        return "a count that is no whole number"
    if units.dimension(_subject(c)) is not None:
        return f"the subject of its verb is another measure ({_subject(c)!r}): its clause is that figure's"
    return None


def _why_never_date(c: Claim) -> str | None:
    """Why a date is never aligned: it is no one event's one date, it is no one day, month or year,
    it dates no event (no verb above it: "down from 499 in 2024" dates a figure), or its event is
    only that something was said ("said on Monday": articles of different days say so on
    different days)."""
    if c.role in _NOT_ONE_DAY:
        return f"a date that is not one event's one date ({c.role})"
    if _grain(c) is None:
        return "a date that is no one day, month or year"
    event = _event(c)
    if event is None:
        return "a date of no event (no verb or event noun says what happened then)"
    if event in classes(ENGLISH).source_verbs:
        return f"a date of what was said ({event!r})"
    return None


def _event(c: Claim) -> str | None:
    """The event a date is of: its frame's (attribute/dated.py), else the verb its clause hangs on
    (attribute/ties.py: none when the date is said of a number, "down from 499 in 2024")."""
    return c.event or _marked(c, CORE)


def explain(c: Claim, claims: Sequence[Claim], matched: AbstractSet[str]) -> list[str]:
    """For `numcheck explain`: whether a figure compared with nothing was a candidate for alignment, and
    for each figure of its signature in another article of its story, why it was aligned with it or not."""
    if c.id in matched and c.kind not in KINDS:
        return []
    told = [o for o in claims if o.path == c.path and o.sentence_start == c.sentence_start] if c.kind == "date" else []
    never = why_never(c) or (_SERIES if (c.path, c.sentence_start) in _series(told) else None)
    if never:
        return [] if c.id in matched else [f"never: {never}"]
    sig = signature(c)
    same = [o for o in claims if o.story == c.story and signature(o) == sig]
    mine = [o for o in same if o.path == c.path]
    if c.kind != "date" and len(compare.clusters(mine)) > 1:
        return [f"not a candidate: its article gives {len(mine)} figures of its signature, not one value"]
    story = Story([o for o in claims if o.story == c.story])
    out = []
    for o in same:
        if o.path == c.path:
            continue
        theirs = [x for x in same if x.path == o.path]
        if c.kind != "date" and len(compare.clusters(theirs)) > 1:
            out.append(f"{o.where} «{o.surface}»: not a candidate (its article gives {len(theirs)} figures of the signature)")
            continue
        why = story.why_apart(c, o) or (_ambiguous(c, o, same, story) if c.kind == "date" else None)
        found = story.evidence(c, o)
        words = ", ".join(repr(w) for w in found.shared)
        out.append(f"{o.where} «{o.surface}»: " + (f"not aligned: {why}" if why else f"aligned: their clauses share {words}"))
    return out or ["no figure of another article of the story has its signature"]


def _ambiguous(c: Claim, o: Claim, same: Sequence[Claim], story: Story) -> str | None:
    """Why two dates `_partners` would pair are not: one's article gives other days the other's could be."""
    for x, y in ((c, o), (o, c)):
        days = {z.interval for z in same if z.path == y.path and (z is y or story.why_apart(x, z) is None)}
        if len(days) > 1:
            return f"{y.path} gives {len(days)} days of this event that {x.where} could be"
    return None
