"""Each claim against the rules: facts it must agree with, constraints it must respect."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from numcheck.extract import intervals
from numcheck.extract.language import EN, alt
from numcheck.check import timeline
from numcheck.model import Claim, Finding, less
from numcheck.rules.rulebook import Constraint, Fact, RuleBook

_WORDS = EN["constraints"]
_CHANGE = re.compile(rf"\b({alt(_WORDS['change'], escape=False)})\b", re.I)
_FUTURE = re.compile(rf"\b({alt(_WORDS['future'], escape=False)})\b", re.I)


def check(claims: list[Claim], book: RuleBook) -> Iterator[Finding]:
    """Rule findings for every claim: violated facts and constraints, and facts a claim agrees with."""
    for claim in claims:
        yield from check_one(claim, book)[0]


def check_one(claim: Claim, book: RuleBook) -> tuple[list[Finding], bool]:
    """One claim's rule findings, and whether a fact applies to it (it is then compared)."""
    out = [_fact_finding(fact, claim) for fact in book.facts if applies(fact, claim, book)]
    applied = bool(out)
    for constraint in book.constraints:
        finding = _constraint_finding(constraint, claim)
        if finding is not None:
            out.append(finding)
    return out, applied


def applies(fact: Fact, claim: Claim, book: RuleBook) -> bool:
    """Whether a fact speaks of what the claim counts, at a time the claim could mean. A fact is of
    the measure itself: a part of it ("15 of them") or it with the perpetrator is another figure."""
    if claim.measure != fact.measure or claim.extent is not None or claim.low is None and claim.high is None:
        return False
    if fact.entity is not None and claim.entity != fact.entity:
        return False
    if isinstance(fact.low, dt.date) != (claim.kind == "date"):
        return False
    if fact.unit is not None and claim.unit is not None and fact.unit != claim.unit:
        return False
    return timeline.compatible(claim.time, fact.time, book)


def _fact_finding(fact: Fact, claim: Claim) -> Finding:
    agrees = intervals.overlap(claim.interval, (fact.low, fact.high))
    said = ("fact", agrees, claim.surface, *claim.interval, fact.description or fact.id, fact.low, fact.high)
    return Finding(
        id="",
        kind="rule",
        level="info" if agrees else fact.level,
        message="",
        claims=(claim.id,),
        rule=fact.id,
        source=fact.source,
        said=said,
    )


def _constraint_finding(c: Constraint, claim: Claim) -> Finding | None:
    broken = _broken(c, claim)
    if broken is None:
        return None
    return Finding(
        id="",
        kind="rule",
        level=c.level,
        message="",
        claims=(claim.id,),
        rule=c.id,
        source=c.description or None,
        said=("constraint", claim.surface, *broken),
    )


def _broken(c: Constraint, claim: Claim) -> tuple | None:
    """How the claim breaks the constraint (the constraint's kind, then the values that break
    it), or None if it does not."""
    lo, hi = claim.interval
    if c.measure is not None and (claim.measure != c.measure or claim.extent is not None):
        return None  # a constraint on a measure bounds the measure itself, not a part of it
    if c.kind == "range-order":
        if claim.approx == "range" and claim.low is not None and claim.high is not None and less(claim.high, claim.low):
            return ("range-order", claim.low, claim.high)
        return None
    if c.kind == "percent-max":
        if claim.kind == "percent" and lo is not None and less(100, lo) and not _CHANGE.search(claim.sentence):
            return ("percent-max", lo, hi)
        return None
    if c.kind == "date-not-after-article":
        if (
            claim.kind == "date"
            and claim.article_date is not None
            and isinstance(lo, dt.date)
            and lo > claim.article_date
            and not _FUTURE.search(claim.sentence)
        ):
            return ("date-not-after-article", lo, hi, claim.article_date)
        return None
    if claim.kind in ("date", "time") or c.value is None:
        return None
    if c.kind == "min" and hi is not None and less(hi, c.value):
        return ("min", lo, hi, c.value)
    if c.kind == "max" and lo is not None and less(c.value, lo):
        return ("max", lo, hi, c.value)
    return None
