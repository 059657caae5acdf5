"""A part against its whole, one way: a part may be smaller than its whole, never larger.

A part is a count whose frame says so ("19 of the 44 dead", "Of the 44 dead, 19 were children",
"including nine children": role part, whole the class of what it is part of), or a count of a
subset of what another figure counts ("nine children were killed" within "44 people were
killed"; which nouns are subsets of which is [frames.subsets] in the language file). A whole is a
level whose counted thing is that class. A part is held against the wholes of its story that
have the same measure, entity, time, scope, kind and unit (the grouping of compare.py) and the
same event ("children killed" are not a part of "people injured"), across the articles of its
story, and in its own article when its frame names its whole (one writer who gives "three people
hurt" and then "five officers hurt" means others); never against a figure of its own sentence,
nor, for a count that only grows (a toll), against another day's report. It is a conflict only
when the part's least value is more than the whole's greatest: a part smaller than its whole is
what a part is.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from numcheck.attribute.framedata import classes
from numcheck.check import compare, frames
from numcheck.extract.language import ENGLISH
from numcheck.model import PART, Claim, Finding
from numcheck.store.claimstore import ClaimStore

#: Kinds held against their whole: counts (a share of money is read as a share, not a part).
KINDS = ("count",)

Key = tuple


@lru_cache(maxsize=1)
def _subsets() -> dict[str, str]:
    """Subset noun class -> the class it is a subset of (English's: frames are read in English)."""
    return classes(ENGLISH).subsets


def _wholes() -> frozenset[str]:
    return frozenset(_subsets().values())


def whole_of(c: Claim) -> str | None:
    """The class of what a claim counts a part of, or None: the frame's whole for a part, the
    superset of its counted noun for a subset ("child" -> "people")."""
    if c.kind not in KINDS or c.event is None or c.role not in ("part", "level"):
        return None
    if c.role == "part" and c.whole:
        return c.whole
    return _subsets().get(c.thing or "")


def candidate(c: Claim) -> bool:
    """Whether a claim could be a part or a whole here (the run keeps only these for `check`)."""
    return (
        c.kind in KINDS
        and c.event is not None
        and c.role in ("part", "level")
        and (whole_of(c) is not None or c.role == "level" and c.thing in _wholes())
    )


def _key(c: Claim, needs_entity: frozenset[str]) -> tuple | None:
    """The comparison group of a claim as a whole would be (a part "of them" loses its mark)."""
    if c.extent == PART:
        c = replace(c, extent=None)
    key = compare.key_of(c, needs_entity)
    if not isinstance(key, tuple):
        return None
    return (*key[:2], None, *key[3:]) if key[2] == PART else key  # a part its frame names is grouped as parts


def held(
    claims: Sequence[Claim], needs_entity: frozenset[str] = frozenset(), cumulative: frozenset[str] = frozenset()
) -> Iterator[tuple[Claim, Claim, tuple]]:
    """Every (part, whole, key) the check holds against each other, parts in text order."""
    parts: dict[Key, list[Claim]] = defaultdict(list)
    wholes: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        key = _key(c, needs_entity) if candidate(c) else None
        if key is None:
            continue
        whole = whole_of(c)
        if whole is not None:
            parts[(key, whole, c.event)].append(c)
        if c.role == "level" and c.thing in _wholes():
            wholes[(key, c.thing, c.event)].append(c)
    for full, members in sorted(parts.items(), key=lambda kv: str(kv[0])):
        grow = full[0][1] in cumulative
        its_wholes = sorted(wholes.get(full, ()), key=lambda c: (c.path, c.start))
        for p in sorted(members, key=lambda c: (c.path, c.start)):
            for w in its_wholes:
                if (p.path, p.sentence_start) == (w.path, w.sentence_start) or p is w:
                    continue  # two figures of one sentence are never held against each other
                if grow and p.path != w.path and p.article_date != w.article_date:
                    continue  # a toll grows: another day's report is no whole for this one
                if p.path != w.path and frames.other_stories(p, w):
                    continue  # as compare.py: two articles that name nothing in common are not one story
                if p.path == w.path and p.role != "part":
                    continue  # "3 people were hurt. Five officers were also hurt.": one writer's subsets are apart
                yield p, w, full


def fits(part: Claim, whole: Claim, floors: frozenset[str] = frozenset()) -> bool:
    """Whether a part can fit in its whole: its least value is not more than the whole's greatest (a
    whole of a measure of `floors`, a toll, given as "more than" has none: compare._top_of)."""
    return compare.bounds(part, floors)[0] <= compare.bounds(whole, floors)[1]


def check(
    claims: ClaimStore,
    rows: Sequence[int],
    needs_entity: frozenset[str] = frozenset(),
    cumulative: frozenset[str] = frozenset(),
    spanning: Callable[[array], None] | None = None,
) -> Iterator[Finding]:
    """A conflict for each group of wholes that a part of it exceeds, citing the parts that do not
    fit and the wholes they exceed. `rows` are the positions of the `candidate` claims; `spanning`
    is given the positions of each two claims held against a claim of another article. A part is
    held against the wholes of its own story only, so the claims are made a story at a time: a run
    holds one story's candidates, not every candidate of an archive."""
    by_story: dict[str, array] = {}
    for i in rows:
        by_story.setdefault(claims.story_of(i), array("I")).append(i)
    found: list[tuple[str, Finding]] = []
    for story_rows in by_story.values():
        found += _check_story(claims, story_rows, needs_entity, cumulative, spanning)
    found.sort(key=lambda kf: kf[0])  # in the order of their groups, as `held` gives them
    return (f for _, f in found)


def _check_story(
    claims: ClaimStore,
    rows: array,
    needs_entity: frozenset[str],
    cumulative: frozenset[str],
    spanning: Callable[[array], None] | None,
) -> Iterator[tuple[str, Finding]]:
    """`check` on the candidates of one story, each finding with its group's place in `held`'s order."""
    members = [claims[i] for i in rows]
    row_of = {id(c): r for c, r in zip(members, rows)}
    broken: dict[tuple, tuple[dict[int, Claim], dict[int, Claim]]] = {}
    for p, w, full in held(members, needs_entity, cumulative):
        if spanning is not None and p.path != w.path:
            spanning(array("I", (row_of[id(p)], row_of[id(w)])))
        if not fits(p, w, cumulative):
            too_big, exceeded = broken.setdefault(full, ({}, {}))
            too_big.setdefault(id(p), p)  # each claim once, in the order first met
            exceeded.setdefault(id(w), w)
    for full, (big, over) in broken.items():
        key, whole, _event = full
        too_big, exceeded = list(big.values()), list(over.values())
        part_clusters, whole_clusters = compare.clusters(too_big, cumulative), compare.clusters(exceeded, cumulative)
        ids, detail = compare.cited(claims, [*part_clusters, *whole_clusters], row_of)
        things = ", ".join(dict.fromkeys(c.thing or "-" for c in too_big))
        said = (
            "part",
            compare.describe(key),
            things,
            whole,
            tuple(compare.cluster_data(p, cumulative) for p in part_clusters),
            tuple(compare.cluster_data(w, cumulative) for w in whole_clusters),
        )
        yield str(full), Finding("", "conflict", "error", "", ids, detail=detail, said=said)


def held_with(
    c: Claim, claims: Sequence[Claim], needs_entity: frozenset[str] = frozenset(), cumulative: frozenset[str] = frozenset()
) -> list[tuple[bool, Claim, bool]]:
    """What a claim was held against, as data for `numcheck explain`: (whether the claim is the
    part, the other claim, whether the part fits), in the order the check holds them."""
    out = []
    for p, w, _ in held([o for o in claims if o.story == c.story and candidate(o)], needs_entity, cumulative):
        if c.id in (p.id, w.id):
            out.append((c.id == p.id, w if c.id == p.id else p, fits(p, w, cumulative)))
    return out
