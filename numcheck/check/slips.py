"""Slips: one figure that two articles write with one number in two units, or with its digits swapped.

"A 14-metre stretch" in one article and "a 14ft stretch" in another are one figure with a slip of
the unit; "2,400 tonnes" and "4,200 tonnes" of one thing are one figure with a slip of the keys.

A reporter who converts a figure writes other digits ("16 km", "10 miles"); one who writes the same
digits in another unit has slipped, or is about something else. Two figures of one thing whose
digits are the same in another order are one figure mistyped, or two figures that happen to share
their digits. Grouping and alignment often keep such figures apart: a slip usually comes with other
words ("span", "section"), another verb, or the same noun under another window-read time. The
digits are the evidence they lack; what they are about must still be one. Two figures are taken for
one slipped figure when

- they lie in two articles of one story that do not name only different people, places and
  organisations (frames.other_stories), and are of one kind;
- a unit slip: they are quantities of one dimension (not durations, which a different unit makes
  a different figure, "three days", "three years"; not temperatures, whose units are no ratio of
  each other), in different units, with the same number as written, and their converted values
  differ by more than SLACK (no two units of a dimension are closer). They are compared as written,
  not as two roundings: 800 metres and 800 yards cannot both hold, though "about 800" of each would;
- a swap: they are counts, sums, shares or quantities in one unit whose numbers as written have the
  same digits in another order, at least SWAPPED of them not zero ("1,870" and "1,780", "2,400"
  and "4,200"; not "1,000" and "0.1"), and their intervals cannot both hold; with fewer than
  SURE_SWAP such digits, two frames that give two events and two measures are two figures ("14
  pupils hurt", "41 pupils aboard"), but two verbs of one measure are one report each ("signed by
  38 businesses", "carries the names of 83 businesses");
- a tenfold slip: they are counts, sums, shares or quantities in one unit whose numbers as written
  have the same digits other than leading and trailing zeros, at least SCALED of them, and one is
  ten times the other ("£380,000" and "£38,000", "£6.5m" and "£65m"; not "2.4" and "2.4 million",
  where the reading lost a scale word);
- they bound the same side, or neither does ("within 20 km" is no slip of "a 20-metre boat"), but one
  number of SURE_UNIT significant digits in two units is a slip though one of them is bounded on one
  side ("more than 180,000 miles", "180,000km");
- their frames agree slot by slot as grouping's do (frames.why_apart), but for a unit slip of a number
  of SURE_UNIT significant digits a rate and a level agree ("salting 950 miles of main roads every
  night", "950 km of main roads": the parse hangs "every night" on one verb), and for a swap or a
  tenfold slip any two of the roles in MISREAD agree (the digits say one figure; a role is what a
  clause most often misreads: "is expected to cost £312m", "cost £321m"); where both give a time it
  is one, and a figure dated to a time that ended more than BACKGROUND days before its article
  ("in 2019 a fire destroyed 12 buses") is no slip of one of the story's present ("21 buses were
  destroyed"); a time of the story's year ("in July") or one read from words that give no date
  ("the late 1960s", often another clause's) does not keep them apart;
- for a swap or a tenfold slip, each frame or measure says what the figure counts or measures, or
  what happened (one number in two units is rarely chance; digits are);
- they are of one thing (their frames' nouns, of one class), or their clauses share a word that is
  not a name (check/align.py's evidence: the words the parse ties to each figure, less the words of
  the names either article gives; a word, not the "m" of "3.55m"), or they are a unit slip of a
  number of SURE_UNIT significant digits or more ("294 metres long", "294ft long": the words
  around a size often share nothing but the name of what it measures), or a swap of SURE_SWAP
  digits or more that are not zero, or a tenfold slip of SURE_SWAP significant digits ("about 216
  tonnes of salmon escaped", "lost 261 tonnes of fish").

Every number is read to twelve significant digits ("17.1bn" is 17100000000.000002 in binary; its
digits are 171).

A bucket of more than CROWDED figures (one number given that often in one story) is not searched;
`numcheck explain` says so. A pair is left alone when a conflict already cites one of them with a figure that reads as the other.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from numcheck.check import align, compare, frames, timeline
from numcheck.extract import intervals, units
from numcheck.model import Claim, Finding
from numcheck.store.claimstore import ClaimStore

#: The fewest significant digits of one number written in two units of a dimension for the two to be
#: taken for one figure whatever their words ("294 metres long", "294ft long"; not "400 metres" and
#: "400ft"): two such figures of one story that are not one are rarer than a slip of the unit.
SURE_UNIT = 2
#: The least relative difference of two converted values taken for a unit slip (yards and metres: 9%).
SLACK = 0.05
#: Dimensions whose units are no slip of one another's: a duration's unit says what it is; a
#: temperature's units are not ratios.
NOT_SLIPS = frozenset({"time", "temperature"})
#: Kinds whose digits may be swapped.
SWAP_KINDS = ("count", "money", "percent", "quantity")
#: The fewest digits other than zeros a swapped number has (two-digit swaps are too often two figures).
SWAPPED = 2
#: The fewest such digits a swap or a tenfold slip has to be taken for one whatever the verbs and
#: measures say, and whatever words their clauses share; with fewer, two frames that tell of two
#: events and two measures are two figures ("14 pupils hurt", "41 pupils aboard").
SURE_SWAP = 3
#: The fewest digits other than zeros a number slipped by a power of ten has ("£38,000" for "£380,000").
SCALED = 2
#: How many days before its article's date a figure's own time must end to be background.
BACKGROUND = 365
#: The most figures of one bucket (one story, one number) searched for slips: every pair is
#: weighed, and a number given this often in one story is its own evidence, not a slip's.
CROWDED = 400
UNIT, SWAP, SCALE = "unit", "swap", "scale"
#: Roles a swapped or tenfold figure's two frames may give it and still be one figure: the slot a clause
#: most often misreads ("is expected to cost £312m", "cost £321m"); not a rate, whose period is written
#: ("some 140 ships pass each day" is no slip of "about 14 ships").
MISREAD = frozenset({"level", "forecast", "previous", "change", "part", "combined", None})
#: Hedges that bound a figure on one side ("more than 40", "up to 40").
ONE_SIDED = frozenset({"at_least", "at_most", "up_to"})


#: How each slip is said in `numcheck explain`.
SAID = {UNIT: "one figure in two units", SWAP: "one figure with its digits swapped", SCALE: "one figure ten times the other"}


@dataclass(frozen=True, slots=True)
class Slip:
    """Two figures of two articles taken for one slipped figure: how it slipped and the words their clauses share."""

    first: int
    second: int
    how: str
    shared: tuple[str, ...]


def keys(c: Claim) -> tuple[tuple, ...]:
    """The buckets of a figure that can be half of a slip: (how, story, what it is, its number)."""
    return _keys(c.story, c.kind, c.value, c.unit, c.ties)


def _row_keys(claims: ClaimStore, r: int) -> tuple[tuple, ...]:
    """keys() of row r, read from the store without making the claim."""
    value, (kind, unit, ties) = claims.fields_of(r, ROW_FIELDS)
    return _keys(claims.story_of(r), kind, value, unit, ties)


#: The texts of a row that say which buckets it is in.
ROW_FIELDS = ("kind", "unit", "ties")


def _keys(story: str, kind: str | None, value: float | None, unit: str | None, ties: str | None) -> tuple[tuple, ...]:
    if value is None or ties is None:
        return ()
    out: list[tuple] = []
    dim = units.dimension(unit) if kind == "quantity" else None
    if dim is not None and dim not in NOT_SLIPS:
        out.append((UNIT, story, dim, value))
    digits = intervals.written(value)
    if kind in SWAP_KINDS and _nonzero(value) >= SWAPPED:
        out.append((SWAP, story, kind, unit, "".join(sorted(digits))))
    significant = intervals.significant(value)
    if kind in SWAP_KINDS and len(significant) >= SCALED and (dim is None or dim not in NOT_SLIPS):
        out.append((SCALE, story, kind, unit, significant))
    return tuple(out)


def why_apart(c: Claim, o: Claim, how: str, story: align.Story) -> str | None:
    """Why two figures of one bucket are not one slipped figure, or None."""
    return _numbers_apart(c, o, how) or _words_apart(c, o, how, story)


def _numbers_apart(c: Claim, o: Claim, how: str) -> str | None:
    """Why two figures of one bucket are not one slipped figure by their articles, numbers, units
    and hedges alone, or None: what is weighed before their clauses are read."""
    if c.path == o.path:
        return "one article"
    bounds = {_bound(c), _bound(o)}
    if len(bounds) > 1 and not (how == UNIT and _sure(c) and bounds - {None} <= ONE_SIDED):
        return f"one is a bound and the other not ({c.approx} vs {o.approx})"
    if how == UNIT:
        if c.unit == o.unit:
            return "one unit"
        a, b = units.to_base(c.unit, c.value), units.to_base(o.unit, o.value)
        if a is None or b is None or abs(a - b) <= SLACK * max(abs(a), abs(b)):
            return "their values agree once converted"
    elif c.value == o.value or len(compare.clusters([c, o])) == 1:
        return "their intervals can both hold"
    elif how == SCALE and not _tenfold(c.value, o.value):
        return "not one tenth of the other"
    elif how == SWAP and _nonzero(c.value) < SURE_SWAP and _two(c.event, o.event) and _two(c.measure, o.measure):
        return f"two digits swapped, two events and two measures: {c.event} vs {o.event}, {c.measure} vs {o.measure}"
    return None


def _two(mine: str | None, theirs: str | None) -> bool:
    """Whether two frames fill a slot with two different things."""
    return bool(mine and theirs and mine != theirs)


def _words_apart(c: Claim, o: Claim, how: str, story: align.Story) -> str | None:
    """Why two figures whose numbers may be one slipped figure are not, by their stories, frames,
    times and words, or None."""
    if frames.other_stories(c, o):
        return "their articles name no common person, place or organisation"
    sure = how == UNIT and _sure(c)  # one number in two units, rarely chance
    if sure and {c.role, o.role} == {"rate", "level"}:
        o = replace(o, role=c.role)  # one size in two units, read as a rate in one clause: still one size
    if how != UNIT and c.role != o.role and {c.role, o.role} <= MISREAD:
        c, o = replace(c, role="level"), replace(o, role="level")  # the digits say one figure; a clause misread its role
    apart = frames.why_apart(c, o, scaled=False)  # the slip is why they are far apart
    if apart:
        return apart
    mine, theirs = timeline.comparable(c.time, c.article_date), timeline.comparable(o.time, o.article_date)
    if mine != theirs and (mine and theirs or _background(mine, c) or _background(theirs, o)):
        return f"time: {mine or 'the story present'} vs {theirs or 'the story present'}"
    if how != UNIT and not (_framed(c) and _framed(o)):  # one number in two units is rarely chance; digits are
        return "a frame that says neither what the figure counts or measures nor what happened"
    if not (c.thing and c.thing == o.thing) and not _words(story.evidence(c, o).shared):
        if how != UNIT and not _sure_digits(c, how):
            return (
                "they are of no one thing, their clauses share no word that is not a name,"
                f" and their number has fewer than {SURE_SWAP} digits (not zeros, for a swap)"
            )
        if how == UNIT and not sure:
            return (
                "they are of no one thing, their clauses share no word that is not a name,"
                f" and their number has fewer than {SURE_UNIT} significant digits"
            )
    return None


def _background(time: str | None, c: Claim) -> bool:
    """Whether a figure's time is a day, month or year ending more than BACKGROUND days before its
    article's date ("in 2019 a fire destroyed 12 buses"): background, not the story's present."""
    span = timeline.as_range(time) if time else None
    return span is not None and c.article_date is not None and (c.article_date - span[1]).days > BACKGROUND


def _framed(c: Claim) -> bool:
    """Whether a figure's frame or measure says what it is of or what happened."""
    return bool(c.thing or c.event or c.measure)


def _words(shared: Sequence[str]) -> list[str]:
    """The shared lemmas that are words ("m" of "3.55m" is none)."""
    return [w for w in shared if w.isalpha() and len(w) > 2]


def _sure_digits(c: Claim, how: str) -> bool:
    """Whether a swapped number has SURE_SWAP digits or more that are not zero ("216" and "261"), or a
    tenfold one SURE_SWAP significant digits ("£11.8m" and "£1.18m"): two such figures of one story
    that are not one are rarer than a slip."""
    return _nonzero(c.value) >= SURE_SWAP if how == SWAP else len(intervals.significant(float(c.value or 0))) >= SURE_SWAP


def _sure(c: Claim) -> bool:
    """Whether a figure's number has SURE_UNIT significant digits: written again in another unit, it is slipped."""
    return len(intervals.significant(float(c.value or 0))) >= SURE_UNIT


def _bound(c: Claim) -> str | None:
    """The side a figure bounds ("more than 40", "within 20 km"), or None for a figure of one value
    ("about 40", "40"): a slip keeps its hedge."""
    return c.approx if c.approx in ("at_least", "at_most", "up_to", "range", "vague") else None


def _nonzero(value: float | None) -> int:
    """How many digits of a number as written are not zero."""
    return 0 if value is None else sum(d not in "0." for d in intervals.written(value))


def _tenfold(a: float | None, b: float | None) -> bool:
    """Whether one number is ten times the other (a decimal point or a zero slipped; not "2.4" for
    "2.4 million", a scale word the reading lost)."""
    if not a or not b:
        return False
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    return abs(big / small - 10) < 1e-9


def find(claims: ClaimStore) -> list[Slip]:
    """The slipped pairs of the run, in the order of their first figure. A story at a time (a
    bucket is of one story), one pass reads each row's few fields without making its claim; the
    pairs of a bucket are weighed first by their numbers, and only a story a pair is left in has
    its clauses read (align.Story)."""
    out: list[Slip] = []
    for _, rows in claims.stories():
        out += _story_slips(claims, rows)
    return sorted(out, key=lambda s: (s.first, s.second))


def _story_slips(claims: ClaimStore, rows: list[int]) -> list[Slip]:
    """The slipped pairs among one story's rows."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i in rows:
        for key in _row_keys(claims, i):
            buckets[key].append(i)
    pairs: list[tuple[int, int, str]] = []
    for key, held in buckets.items():
        if len(held) > CROWDED or len({claims.place_of_row(i)[0] for i in held}) < 2:
            continue
        made = [claims[i] for i in held]  # one bucket's claims at a time: at most CROWDED held
        for n, c in enumerate(made):
            for m in range(n + 1, len(made)):
                if _numbers_apart(c, made[m], key[0]) is None:
                    pairs.append((held[n], held[m], key[0]))
    if not pairs:
        return []
    story = align.Story(claims[r] for r in rows)
    out = []
    for i, j, how in pairs:
        c, o = claims[i], claims[j]
        if why_apart(c, o, how, story) is None:
            out.append(Slip(i, j, how, story.evidence(c, o).shared))
    return out


def check(claims: ClaimStore, found: list[Finding], spanning: Callable[[array], None] | None = None) -> list[Finding]:
    """The findings with a conflict for each set of slipped figures that no conflict already cites
    together, and without the agreements such a conflict shows wrong (800 metres and 800 yards
    grouped, and agreeing as "about 800" of each)."""
    new = list(_conflicts(claims, found, spanning))
    if not new:
        return found
    slipped = [(a, b) for f in new for a, b in _pairs(f)]
    wrong = [f for f in found if f.kind == "agreement" and any(a in f.claims and b in f.claims for a, b in slipped)]
    return [f for f in found if f not in wrong] + new


def _pairs(f: Finding) -> Iterator[tuple[str, str]]:
    """The pairs of claim ids of a slip conflict that lie in different clusters."""
    for n, part in enumerate(f.detail):
        for other in f.detail[n + 1 :]:
            yield from ((a, b) for a in part for b in other)


def _conflicts(claims: ClaimStore, found: Sequence[Finding], spanning: Callable[[array], None] | None) -> Iterator[Finding]:
    """A conflict for each set of figures that slipped one way that no conflict already cites together."""
    slips = find(claims)
    if not slips:
        return
    told = _told(claims, found)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(i: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    words: dict[tuple[str, int], set[str]] = defaultdict(set)
    for s in slips:
        if _reading(claims[s.second]) in told.get(s.first, ()) or _reading(claims[s.first]) in told.get(s.second, ()):
            continue
        parent[root((s.how, s.first))] = root((s.how, s.second))
        words[(s.how, s.first)].update(s.shared)
    sets: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for node in parent:
        sets[root(node)].append(node)
    for nodes in sets.values():
        rows = sorted(i for _, i in nodes)
        if spanning is not None:
            spanning(array("I", rows))
        shared = tuple(sorted({w for n in nodes for w in words.get(n, ())}))
        yield _finding(claims, rows, nodes[0][0], shared)


def _reading(c: Claim) -> tuple:
    """A figure as a conflict tells it: its kind, number and unit."""
    return (c.kind, c.value, c.unit)


def _told(claims: ClaimStore, found: Sequence[Finding]) -> dict[int, set[tuple]]:
    """For each figure a conflict cites, the readings it is already told to conflict with or sit
    beside: a slip of it to one of them is told already ("about 6,200" against "some 62,000" in a
    group; "62,000" of a third article adds nothing)."""
    out: dict[int, set[tuple]] = defaultdict(set)
    for f in found:
        if f.kind != "conflict":
            continue
        rows = claims.rows_of(f.claims)
        if rows is None:
            continue
        readings = {_reading(claims[r]) for r in rows}
        for r in rows:
            out[r] |= readings
    return out


def _finding(claims: ClaimStore, rows: list[int], how: str, shared: tuple[str, ...]) -> Finding:
    """A conflict of slipped figures: one cluster for each unit (a unit slip) or each number (a swap)."""
    members = [claims[i] for i in rows]
    row_of = {id(c): r for c, r in zip(members, rows)}
    by: dict[object, list[Claim]] = defaultdict(list)
    for c in members:
        by[c.unit or "" if how == UNIT else c.value].append(c)
    parts = [sorted(p, key=lambda c: (c.path, c.start)) for _, p in sorted(by.items(), key=lambda kv: str(kv[0]))]
    ids, detail = compare.cited(claims, parts, row_of)
    first = members[0]
    what = (first.measure or first.thing, first.extent, None, None, None, None)
    if how == UNIT:
        unit = parts[0][0].unit
        summary = tuple(_as_written(p, unit) for p in parts)
        why: tuple = (UNIT, tuple(sorted(str(k) for k in by)), shared)
    else:
        summary = tuple(compare.cluster_data(p) for p in parts)
        why = (how, shared)
    return Finding("", "conflict", "error", "", ids, detail=detail, said=("conflict", what, None, summary, why))


def _as_written(part: list[Claim], unit: str | None) -> tuple:
    """A cluster of one unit as compare.cluster_data gives it, with its number as written (not the
    interval its rounding allows), in the unit of the finding's first cluster."""
    data = compare.cluster_data(part)
    base = units.to_base(part[0].unit, part[0].value)
    value = round(units.from_base(unit, base), 2) if base is not None and unit else part[0].value
    return (data[0], value, value, unit, *data[4:])


def explain(c: Claim, claims: Sequence[Claim]) -> list[str]:
    """For `numcheck explain`: the figures of another article that give its number in another unit
    or its digits in another order, and whether each was taken for the same figure slipped, and why not."""
    mine = keys(c)
    if not mine:
        return []
    told = [o for o in claims if o.story == c.story]  # one pass over the run, each figure's keys read once
    keyed = [(o, keys(o)) for o in told]
    story = align.Story([o for o in told if o.ties])
    out = []
    for key in mine:
        crowd = sum(1 for _, theirs in keyed if key in theirs)
        if crowd > CROWDED:
            out.append(f"not searched for {key[0]} slips: {crowd} figures of the story give its number (at most {CROWDED} are)")
            continue
        for o, theirs in keyed:
            if o.path == c.path or key not in theirs:
                continue
            why = why_apart(c, o, key[0], story)
            if why in ("one unit", "their intervals can both hold", "not one tenth of the other"):
                continue
            shared = ", ".join(repr(w) for w in story.evidence(c, o).shared)
            slip = SAID[key[0]]
            out.append(f"{o.where} «{o.surface}»: " + (f"not a slip: {why}" if why else f"{slip}; their clauses share {shared}"))
    return out
