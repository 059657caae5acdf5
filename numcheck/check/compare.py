"""Claims against each other: figures for the same thing at the same time must agree.

Claims are grouped by (story, measure, extent, entity, time, scope, kind, unit), never compared pair by pair;
a time that could not be resolved counts as unknown, like no time at all.
Each group is split into clusters of figures that can all hold at once; one cluster is an
agreement, two or more a conflict. A figure repeated in ten articles is one cluster citing ten
places, so a group gives one finding however many claims it has.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from numcheck.check import frames, setting, timeline, tolls
from numcheck.extract import units
from numcheck.extract.intervals import ABOUT, IMPLIED_KINDS, implied_top
from numcheck.store import claimbuild
from numcheck.store.claimstore import ClaimStore
from numcheck.model import PART, YEARLESS, Bound, Claim, Finding, closed, comparable, yearless

GroupKey = tuple[str, str, str | None, str | None, str | None, str | None, str, str | None]


def groups(claims: list[Claim], needs_entity: frozenset[str] = frozenset()) -> dict[GroupKey, list[Claim]]:
    """Comparable claims by what they claim (see `key_of` for what is never compared)."""
    return {key: [claims[i] for i in rows] for key, rows in row_groups(claims, needs_entity).items()}


def row_groups(
    claims: Sequence[Claim], needs_entity: frozenset[str] = frozenset(), each: Callable[[int, Claim], None] | None = None
) -> dict[GroupKey, array]:
    """`groups` as the positions of the claims in the sequence: a group holds no Claim objects, so
    a run of millions of claims (claimstore.py) makes each group's claims only to compare them.
    `each` is shown every claim on the way, so that other checks need no pass of their own. A figure whose
    entity or scope every article of its story names is grouped as one with none (check/setting.py)."""
    out: dict[GroupKey, array] = defaultdict(lambda: array("I"))
    settings = setting.Settings()
    pending = array("I")  # claims whose entity or scope may be their story's setting, grouped once every article is seen
    for i, c in enumerate(claims):
        if each is not None:
            each(i, c)
        key = key_of(c, needs_entity)
        settings.add(c, key if isinstance(key, tuple) else None)
        if isinstance(key, tuple):
            if setting.may_be_setting(c, key, needs_entity):
                pending.append(i)
            else:
                out[key].append(i)
    _note_bare(claims, out, settings)
    touched: set[GroupKey] = set()
    for i in pending:
        key = key_of(claims[i], needs_entity)  # made again rather than held: a run may set aside many
        if not isinstance(key, tuple):
            continue  # never: it was keyed on the first pass
        story, measure, extent, entity, time, scope, kind, unit = key
        settled = settings.settled(key)
        key = (story, measure, extent, settled[3], time, settled[5], kind, unit)
        out[key].append(i)
        touched.add(key)
    for key in touched:  # in the order of the claims, as a group made in one pass holds them
        out[key] = array("I", sorted(out[key]))
    return out


def _note_bare(claims: Sequence[Claim], grouped: dict[GroupKey, array], settings: setting.Settings) -> None:
    """Tell `settings` which articles give a figure with no name of a measure some figure names: the
    groups of those measures with no entity or no scope (the claims set aside told it as they passed)."""
    wanted = settings.wanted()
    for key, group in grouped.items():
        if (key[0], key[1]) in wanted:
            for field in setting.FIELDS:
                if key[field] is None:
                    for i in group:
                        settings.bare(field, key[0], key[1], _path_of(claims, i))


def _path_of(claims: Sequence[Claim], i: int) -> str:
    """The path of row i, without making the claim where the claims are a store."""
    return claims.place_of_row(i)[0] if isinstance(claims, ClaimStore) else claims[i].path


KEY_FIELDS = ("story", "measure", "extent", "entity", "time", "scope", "kind", "unit")


def key_of(c: Claim, needs_entity: frozenset[str] = frozenset()) -> GroupKey | str:
    """The group a claim is compared in, or why it is compared with nothing. Claims with no
    measure are not compared, nor parts of a larger figure whose frame does not name the part and its whole
    ("15 of them"; "19 of the 44 dead were children" meets "19 children among the dead"), nor figures the story
    itself revised, nor claims of a measure that `needs_entity` (an age) when we do not know whose."""
    if c.measure is None:
        return frames.unmeasured(c) or "no measure word near it says what it counts, so it is unattributed"
    if c.kind in ("ordinal", "time"):
        return f"{c.kind} claims are not compared"
    if c.low is None and c.high is None:
        return "its interval is unknown" + (f" ({c.note})" if c.note else "")
    extent = c.extent
    named = frames.conditioned(c)  # "two of the injured were in a critical condition": its measure names the part
    apart = frames.part_apart(c) if (c.extent == PART or c.role == "part") and not named else None
    if c.extent == PART and frames.rate_of_persons(c):
        extent = None  # "Turnout was 44.1% of the 71,884 people on the register": the rate itself, of its base
    elif c.extent == PART and apart:
        return f"it is part of a larger figure, and {apart}"
    if c.role == "part" and apart is None and not named:
        extent = PART  # a part its frame names meets the same part: "19 of the 44 dead were children"
    if c.entity is None and c.extent is None and c.measure in needs_entity:
        unsaid = " (its frame names no noun it measures)" if c.kind == "quantity" else ""  # else "length of the zone"
        return f"a {c.measure} is compared only when we know whose it is, and nothing says so here{unsaid}"
    if c.note == "changed from":
        return "the story itself revised it ('from ... to ...')"  # the new figure is compared instead
    unit = "money at the rules' rates" if c.rate else units.comparable_unit(c.unit)
    kind = "count" if c.kind == "quantity" and c.unit is None else c.kind  # "magnitude 6.2" meets "a magnitude of 6.2"
    return (c.story, c.measure, extent, c.entity, timeline.comparable(c.time, c.article_date), c.scope, kind, unit)


def why_apart(
    c: Claim, o: Claim, needs_entity: frozenset[str] = frozenset(), grouped: Mapping[str, GroupKey] | None = None
) -> str:
    """Why two claims of the same measure were not compared, in the terms grouping uses (`grouped`: the
    key each claim was grouped by, where a story's setting is no entity: check/setting.py)."""
    keys = grouped or {}
    a, b = keys.get(c.id) or key_of(c, needs_entity), keys.get(o.id) or key_of(o, needs_entity)
    for claim, key in ((c, a), (o, b)):
        if isinstance(key, str):
            return f"{claim.where} is compared with nothing: {key}"
    diffs = [f"{name} {x or '-'} vs {y or '-'}" for name, x, y in zip(KEY_FIELDS, a, b) if x != y]
    return "different " + "; ".join(diffs) if diffs else "same group"


def _lo(c: Claim) -> float:
    v = c.interval[0]
    return -math.inf if v is None else _num(v, c.unit, c.rate)


def _hi(c: Claim, floors: frozenset[str] = frozenset()) -> float:
    v = _top_of(c, floors)
    return math.inf if v is None else _num(v, c.unit, c.rate, top=True)


def _top_of(c: Claim, floors: frozenset[str] = frozenset()) -> Bound:
    """A claim's upper bound as comparison reads it: an open "more than 300" reaches no further
    than intervals.implied_top's, unless it is of a measure in `floors` (a toll, which only grows:
    "at least three dead" is a floor the count is rising from, whatever another report says that day)."""
    lo, hi = c.interval
    implied = c.approx == "at_least" and c.kind in IMPLIED_KINDS and c.measure not in floors
    if hi is None and implied and isinstance(lo, (int, float)):
        return implied_top(float(lo))
    return hi


def _floors(claims: Sequence[Claim], floors: frozenset[str]) -> frozenset[str]:
    """`floors`, and every measure of these claims where none of them is given as itself ("330", "about
    330"): two figures given as "more than" are both floors (intervals.IMPLIED)."""
    if any(c.approx in ("exact", "about") for c in claims):
        return floors
    return floors | {c.measure for c in claims if c.measure is not None}


def bounds(c: Claim, floors: frozenset[str] = frozenset()) -> tuple[float, float]:
    """A claim's interval as numbers to compare (see `_num`); an open end is infinite."""
    return _lo(c), _hi(c, floors)


def clusters(claims: list[Claim], floors: frozenset[str] = frozenset()) -> list[list[Claim]]:
    """The fewest clusters of claims whose intervals share a value (greedy on upper bounds); `floors`:
    measures whose "more than" is open (`_top_of`)."""
    out: list[list[Claim]] = []
    cap, cap_point = -math.inf, False
    floors = _floors(claims, floors)
    one_year = any(yearless(c.low) for c in claims)  # a day whose year is not given: every day as a day of one year
    tops = reads_tops(claims)  # "up to 120 jobs" vs "up to 210": two tops
    bounds = {id(c): _month_day(c) if one_year else _top(c) if tops else (_lo(c), _hi(c, floors)) for c in claims}
    for c in sorted(claims, key=lambda c: (bounds[id(c)][1], bounds[id(c)][0], c.path, c.start)):
        lo, hi = bounds[id(c)]
        touching_shares = cap_point or lo == hi or c.kind == "date"  # see intervals.overlap
        if out and (lo < cap or lo == cap and touching_shares):
            out[-1].append(c)
        else:
            out.append([c])
            cap, cap_point = hi, lo == hi
    return [sorted(cl, key=lambda c: (c.path, c.start)) for cl in out]


#: Kinds whose "up to" figure is the top of one estimate ("up to 120 jobs", "within 14 days"). Not a sum: a sum's
#: top is most often a scheme's or the law's maximum, one for each case ("fines of up to £1,000" for one offence,
#: "up to £2,500" for another), which the frames cannot tell apart.
TOPS = ("count", "percent", "duration", "quantity")


def reads_tops(claims: Sequence[Claim]) -> bool:
    """Whether `clusters` compares these claims by the tops they reach: every one gives its top
    ("up to", "as many as") and is of a kind whose top is one estimate's (TOPS)."""
    return all(c.approx == "up_to" and c.kind in TOPS for c in claims)


def _top(c: Claim) -> tuple[float, float]:
    """The top an "up to" figure reaches, read as about that figure: where every figure of a group
    gives its top ("up to 120 jobs", "as many as 210 posts"), the tops are what must agree, though
    the intervals below them overlap."""
    top = _hi(c)
    spread = abs(top) * ABOUT
    return top - spread, top + spread


def _month_day(c: Claim) -> tuple[float, float]:
    """A date's days held in the year of a day whose year is not given (model.YEARLESS): "13 November"
    meets "13 November 2026" as one day of the year; days over more than one year allow any."""
    lo, hi = c.interval
    if not isinstance(lo, dt.date) or not isinstance(hi, dt.date) or hi.year - lo.year > 0 and not yearless(lo):
        return -math.inf, math.inf
    return float(_in_one_year(lo).toordinal()), float(_in_one_year(hi).toordinal())


def _in_one_year(day: dt.date) -> dt.date:
    return day.replace(year=YEARLESS)


def _num(v: float | dt.date, unit: str | None, rate: float | None = None, top: bool = False) -> float:
    """A bound as a number to compare: dates by day, quantities in their base unit (an upper bound, `top`,
    in the larger size of a unit of two: units.TWO_SIZES), money at the rules' rate."""
    if hasattr(v, "toordinal"):
        return float(v.toordinal())
    if rate:
        return float(f"{float(v) * rate:.12g}")
    return float(f"{units.to_base(unit, float(v), top):.12g}")  # 8.6+0.05 == 8.7-0.05


def compare(
    claims: Sequence[Claim], needs_entity: frozenset[str] = frozenset(), cumulative: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """A conflict for every group whose figures cannot all hold; an agreement across articles.
    For a measure that only grows (a toll), figures that rise with their articles' dates are an
    update, not an error: one dead in the morning's report and 24 the next day."""
    store = claimbuild.of(claims)
    return compare_groups(store, row_groups(store, needs_entity), cumulative)


def compare_groups(
    claims: ClaimStore,
    grouped: dict[GroupKey, array],
    cumulative: frozenset[str] = frozenset(),
    spanning: Callable[[array], None] | None = None,
) -> Iterator[Finding]:
    """`compare` on groups made by `row_groups`; `spanning` is given the positions of each group
    whose claims come from more than one article (they are compared with another article)."""
    for key, rows in sorted(grouped.items(), key=lambda kv: _sort_key(kv[0])):
        if len(rows) < 2:
            continue
        members = [claims[i] for i in rows]
        for positions in frames.parts(members, cumulative):  # what their frames allow to be compared
            if len(positions) > 1:
                yield from _compare_part(
                    claims, key, array("I", (rows[j] for j in positions)), [members[j] for j in positions], cumulative, spanning
                )


def _compare_part(
    claims: ClaimStore,
    key: GroupKey,
    rows: array,
    members: list[Claim],
    cumulative: frozenset[str],
    spanning: Callable[[array], None] | None,
) -> Iterator[Finding]:
    """One part of a group: its figures' clusters, and the finding they make."""
    row_of = {id(c): r for c, r in zip(members, rows)}
    across = len({c.path for c in members}) > 1
    if across and spanning is not None:
        spanning(rows)
    floors = _floors(members, cumulative)
    parts = clusters(members, floors)
    what = describe(key)
    ids, detail = cited(claims, parts, row_of)
    if len(parts) > 1:
        summary = tuple(cluster_data(p, floors) for p in parts)
        # only the story's present grows: a toll of a dated, earlier event is one figure
        toll = key[1] in cumulative and key[2] in (None, PART)  # a toll with the perpetrator is not the toll the rules know
        state = frames.conditioned(members[0])
        if key[4] is not None:  # a dated time: one figure, whatever the articles' dates
            days = None
        elif state:  # a condition holds at a time: "two remain in a serious condition"
            days = tolls.by_day(members)
        else:
            days = tolls.growth(members, _lo, lambda c: _hi(c, floors)) if toll else None
        if days is None:
            tops = (("tops",),) if reads_tops(members) else ()  # the words say it is their tops that differ
            yield Finding("", "conflict", "error", "", ids, detail=detail, said=("conflict", what, None, summary, *tops))
            return
        for day, reports in days:  # the same day's reports must agree, however the toll grew after
            same = clusters(reports, floors)
            if len(same) > 1:
                same_ids, same_detail = cited(claims, same, row_of)
                yield Finding(
                    "",
                    "conflict",
                    "error",
                    "",
                    same_ids,
                    detail=same_detail,
                    said=("conflict", what, day, tuple(cluster_data(p, floors) for p in same)),
                )
        said = ("update", what, summary, *(("state",) if state else ()))  # a state may change either way between days
        yield Finding("", "update", "warning", "", ids, detail=detail, said=said)
    elif across:
        yield Finding(
            "", "agreement", "info", "", ids, detail=detail, said=("agreement", what, (cluster_data(parts[0], floors),))
        )


def cited(
    claims: ClaimStore, parts: list[list[Claim]], row_of: dict[int, int]
) -> tuple[Sequence[str], tuple[Sequence[str], ...]]:
    """A finding's claim ids, cluster after cluster, and each cluster's, as the store's rows."""
    return claims.cite(array("I", (row_of[id(c)] for p in parts for c in p)), map(len, parts))


def describe(key: GroupKey) -> tuple:
    """What a group's figures are about: measure, extent, entity, time, scope and unit (words in render_text)."""
    return key[1:6] + key[7:]


def cluster_data(part: list[Claim], floors: frozenset[str] = frozenset()) -> tuple:
    """A cluster as data: its surfaces, the values all of them allow (and their unit when the
    cluster mixes units), how many articles, the first and last article dates, and who the
    figures are attributed to."""
    common_lo, common_hi, unit = _common(part, floors)
    dates = sorted({c.article_date for c in part if c.article_date})
    return (
        tuple(dict.fromkeys(c.surface for c in part)),
        common_lo,
        common_hi,
        unit,
        len({c.path for c in part}),
        dates[0] if dates else None,
        dates[-1] if dates else None,
        tuple(dict.fromkeys(c.source for c in part if c.source)),
    )


def _common(part: list[Claim], floors: frozenset[str] = frozenset()) -> tuple[object, object, str | None]:
    """The values every claim of a cluster allows; in the first claim's unit when units differ
    ('10 kilometres' and 'six miles' share 9.66–10.5 kilometre)."""
    lows = [c.interval[0] for c in part]
    highs = [_top_of(c, floors) for c in part]
    if any(yearless(v) for v in lows):  # the days all of them allow, as days of one year (`clusters`)
        lows = [_in_one_year(v) if isinstance(v, dt.date) else v for v in lows]
        highs = [_in_one_year(v) if isinstance(v, dt.date) else v for v in highs]
    if any(isinstance(v, dt.date) for v in lows + highs) or len({(c.unit, c.rate) for c in part}) == 1:
        return max(lows) if comparable(lows) else None, min(highs) if comparable(highs) else None, None
    first = part[0]

    def back(v: float) -> float:  # a base value in the first claim's unit (money: its currency)
        return v / first.rate if first.rate else units.from_base(first.unit, v)

    lo = back(max(_num(v, c.unit, c.rate) for v, c in zip(lows, part))) if closed(lows) else None
    hi = back(min(_num(v, c.unit, c.rate, top=True) for v, c in zip(highs, part))) if closed(highs) else None
    unit = first.unit if first.unit and not first.rate else None
    return None if lo is None else float(f"{lo:.4g}"), None if hi is None else float(f"{hi:.4g}"), unit


def _sort_key(key: GroupKey) -> tuple[str, ...]:
    return tuple("" if k is None else str(k) for k in key)
