"""`numcheck explain ARTICLE[:LINE]`: why each figure of an article was (or was not) flagged.

For every claim: what was read (kind, interval, hedge), what it is about (measure, entity,
time), which facts it was held against and why others were not, which claims of other articles
it was grouped with (same story, measure, entity, time, kind and unit), which claims of the story
speak of the same measure but were not compared and why, the wholes a part was held against
(and the parts of a whole) with whether each fits, and the findings that cite it.
"""

from __future__ import annotations

import datetime as dt

from numcheck.check import align, checks, compare, frames, partwhole, slips
from numcheck.check.compare import GroupKey
from numcheck.model import Claim, Report
from numcheck.report.render_text import about, aligned_of, fmt_interval, measure_words, reading
from numcheck.rules.rulebook import Fact, RuleBook
from numcheck.report.view import STATUS_TEXT, View, build, cluster_letter, what

NEAR_MISSES = 5
Groups = dict[GroupKey, list[Claim]]
Members = dict[str, GroupKey]


def explain(
    report: Report, book: RuleBook, path: str, line: int | None = None, column: int | None = None, ids: set[str] | None = None
) -> str:
    """The explanation of every claim of the article at `path` (only those on `line`, or the one
    at `line`:`column`, or those with the given ids)."""
    v = build(report)
    claims = [c for c in report.claims if c.path == path and (line is None or c.line == line) and (ids is None or c.id in ids)]
    if column is not None:
        claims = [c for c in claims if c.column <= column < c.column + max(1, len(c.surface))] or [
            c for c in claims if c.column == column
        ]
    groups = _groups(list(report.claims), book)
    member_of = {c.id: key for key, members in groups.items() for c in members}
    article = next((a for a in report.articles if a.path == path), None)
    date = article.date.isoformat() if article and article.date else "unknown"
    head = f"{path}: story {article.story if article else '?'}, article date {date}; "
    head += f"{len(claims)} claim{'s' if len(claims) != 1 else ''}" + (f" on line {line}" if line else "")
    head += f", column {column}" if column is not None else ""
    out = [head]
    for c in claims:
        out.append("")
        out += _claim(c, v, book, groups, member_of)
    return "\n".join(out) + "\n"


def _claim(c: Claim, v: View, book: RuleBook, groups: Groups, member_of: Members) -> list[str]:
    lines = [
        f"{c.where}  «{c.surface}»  [{STATUS_TEXT[v.status[c.id]]}]",
        f"  read as    {c.kind}: {reading(c)}" + (f"; note: {c.note}" if c.note else ""),
        f"  about      measure {measure_words(c.measure, c.extent) or '-'}, "
        f"entity {c.entity or '-'}{_setting(c, member_of, _ENTITY)}, time {c.time or '-'}"
        + (f", scope {c.scope}{_setting(c, member_of, _SCOPE)}" if c.scope else ""),
        f"  frame      {_frame(c)}",
        f"  sentence   {' '.join(c.sentence.split())}",
    ]
    compared = _facts(c, book, v) + _group(c, v, groups, member_of, book.cumulative)
    lines += _block("compared", compared or [_why_not_compared(c, book.needs_entity)])
    lines += _block("not with", _near_misses(c, v.report, member_of, book.needs_entity))
    if c.id not in v.report.matched or any(aligned_of(f.said) for f in v.cited_by.get(c.id, ())):
        lines += _block("aligned", align.explain(c, v.report.claims, v.report.matched))  # check/align.py
    lines += _block("slip", slips.explain(c, v.report.claims))  # check/slips.py
    held = partwhole.held_with(c, v.report.claims, book.needs_entity, book.cumulative)
    lines += _block("part/whole", [_part_whole(*h) for h in held][:NEAR_MISSES])
    findings = [f"{f.id} {f.level} {f.rule or f.kind}: {f.message}" for f in v.cited_by.get(c.id, ())]
    findings += [
        f"{s.finding.id} silenced by {s.by} ({s.reason}{', ' + s.where if s.where else ''}): {s.finding.message}"
        for s in v.silenced_by.get(c.id, ())
    ]
    lines += _block("findings", findings or ["none"])
    return lines


_ENTITY, _SCOPE = compare.KEY_FIELDS.index("entity"), compare.KEY_FIELDS.index("scope")


def _setting(c: Claim, member_of: Members, field: int) -> str:
    """Why a claim's entity or scope does not keep it apart, where it was grouped as having none."""
    key = member_of.get(c.id)
    said = c.entity if field == _ENTITY else c.scope
    return " (the story's setting: every article names it)" if said and key is not None and key[field] is None else ""


def _groups(claims: list[Claim], book: RuleBook) -> Groups:
    """The comparison groups exactly as the run formed them (with the book's entity-bound measures)."""
    return compare.groups(claims, book.needs_entity)


def _block(label: str, items: list[str]) -> list[str]:
    return [f"  {label:<10} {item}" if i == 0 else f"  {'':<10} {item}" for i, item in enumerate(items)]


def _facts(c: Claim, book: RuleBook, v: View) -> list[str]:
    out = []
    for fact in book.facts:
        if fact.measure != c.measure or c.extent is not None:  # a fact is of the measure itself (checks.applies)
            continue
        expected = fmt_interval(fact.low, fact.high)
        if checks.applies(fact, c, book):
            verdict = next(
                (
                    f"{f.id}: {'agrees' if f.level == 'info' else 'cannot hold, ' + f.level}"
                    for f in (*v.cited_by.get(c.id, ()), *(s.finding for s in v.silenced_by.get(c.id, ())))
                    if f.rule == fact.id
                ),
                "checked",
            )
            out.append(f"fact {fact.id} (expected {expected}; source: {fact.source}) -> {verdict}")
        else:
            out.append(f"fact {fact.id} not applied: {_fact_mismatch(fact, c)}")
    return out


def _fact_mismatch(fact: Fact, c: Claim) -> str:
    if fact.entity is not None and c.entity != fact.entity:
        return f"it is about {fact.entity}, the claim about {c.entity or 'no named entity'}"
    if isinstance(fact.low, dt.date) != (c.kind == "date"):
        return "one is a date, the other is not"
    if fact.unit is not None and c.unit is not None and fact.unit != c.unit:
        return f"unit {fact.unit} vs {c.unit}"
    if c.low is None and c.high is None:
        return "the claim has no interval"
    return f"times differ: the fact is for {fact.time or 'any time'}, the claim for {c.time or 'no stated time'}"


def _group(c: Claim, v: View, groups: Groups, member_of: Members, grows: frozenset[str]) -> list[str]:
    key = member_of.get(c.id)
    if key is None:
        return []
    others = [o for o in groups[key] if o.id != c.id]
    if not others:
        return [f"no other claim of story {c.story!r} is about {about(compare.describe(key))}"]
    finding = next(
        (
            f
            for f in (*v.cited_by.get(c.id, ()), *(s.finding for s in v.silenced_by.get(c.id, ())))
            if f.kind in ("conflict", "agreement", "update") and f.said[:1] != ("part",)
        ),
        None,
    )
    out = [f"grouped as {about(compare.describe(key))} (same story, measure, entity, time, kind and unit):"]
    for o in sorted(others, key=lambda o: (o.path, o.start)):
        rel = ""
        if finding is not None and finding.detail:
            a, b = cluster_letter(finding, c.id), cluster_letter(finding, o.id)
            tops = compare.reads_tops((c, o))
            rel = (
                " -> agree (same cluster)"
                if a == b
                else f" -> {'their tops differ' if tops else 'cannot both hold'} (clusters {a} and {b})"
            )
        same = " (same article)" if o.path == c.path else ""
        apart = frames.why_apart(c, o, groups[key], grows=grows)
        rel = f" -> not compared: {apart}" if apart and not rel else rel
        out.append(f"  {o.where} «{o.surface}» {fmt_interval(*o.interval)}{same}{rel}")
    return out


def _frame(c: Claim) -> str:
    """A claim's frame in words, or why it has none."""
    if c.role is None:
        return "not read (the figure is never compared, or its language has no parser)"
    slots = [
        f"{slot} {getattr(c, slot)}"
        for slot in ("thing", "event", "role", "whole", "owner", "place", "period", "source")
        if getattr(c, slot)
    ]
    reason = frames.thin(c)
    return ", ".join(slots) + (f"; not compared: {reason}" if reason else "")


def _why_not_compared(c: Claim, needs_entity: frozenset[str]) -> str:
    key = compare.key_of(c, needs_entity)
    return f"nothing: {key}" if isinstance(key, str) else "nothing: no other claim of the story is in its group"


def _near_misses(c: Claim, report: Report, member_of: Members, needs_entity: frozenset[str]) -> list[str]:
    """Claims of the story with the same measure that were not grouped with this one, and why."""
    if c.measure is None:
        return []
    key = member_of.get(c.id)
    out = []
    for o in report.claims:
        if (
            o.id == c.id
            or o.story != c.story
            or (o.measure, o.extent) != (c.measure, c.extent)
            or (key is not None and member_of.get(o.id) == key)
        ):
            continue
        out.append(f"{o.where} «{o.surface}» ({what(o)}): {compare.why_apart(c, o, needs_entity, member_of)}")
        if len(out) == NEAR_MISSES:
            break
    return out


def _part_whole(is_part: bool, other: Claim, fits: bool) -> str:
    """One line of explain's part/whole block: what the claim was held against, and the verdict."""
    verdict = "fits" if fits else "cannot fit: the part is more than its whole"
    if is_part:
        return f"part of {other.thing} «{other.surface}» at {other.where} -> {verdict}"
    return f"whole of {other.thing} «{other.surface}» at {other.where} -> {verdict}"
