"""What each figure counts (measure), of whom or where (entity), and when (time).

Attribution reads the figure's sentence with the rules' vocabulary: the measure word, alias or
time phrase nearest the figure wins, words in the figure's own clause before words in another,
words after the figure slightly before words ahead of it ("70,000 inhabitants", "killed 213").
A date names the time of a flow (a toll on Sunday) at any grain, but of a stock (a population)
only at month grain or coarser: "a city of 90,000, voted on Tuesday" dates the vote.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Figure
from .rulebook import RuleBook
from . import nouns
from .units import DIMENSION_MEASURE, dimension
from .vocabulary import DEFAULT_KINDS, Term, Vocabulary, vocabulary

_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although|though|yet)\b|;|\s+but\s+|\s[—–]\s|\(|\)|\s(?=that\s)")
MAX_SCORE = 220.0


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    entity: str | None
    time: str | None


def attribute(text: str, span: tuple[int, int], figures: list[Figure], book: RuleBook) -> list[Attribution]:
    """Measure, entity and time for each figure of one sentence."""
    vocab = vocabulary(book)
    start, end = span
    fig_spans = [(f.start, f.end) for f in figures]
    terms = [t for t in vocab.terms(text, start, end)
             if t.group == "time" or not any(t.start < e and s < t.end for s, e in fig_spans)]
    clauses = _clauses(text, start, end)
    dated = [f for f in figures if f.kind == "date"]
    out = []
    for fig in figures:
        here = _clause_of(fig.start, clauses)
        if fig.kind == "date":
            event = _nearest(fig, [t for t in terms if t.group == "event"], here, clauses, limit=90.0)
            out.append(Attribution("date" if event else None, event.key if event else None, None))
            continue
        if fig.kind in ("time", "ordinal"):
            out.append(Attribution(None, None, None))
            continue
        measure = _measure(text, fig, span, terms, here, clauses, vocab)
        entity = _nearest(fig, [t for t in terms if t.group == "entity"], here, clauses)
        flow = measure is not None and measure in book.measures and book.measures[measure].cumulative
        times = [t for t in terms if t.group == "time"] + [
            Term(d.start, d.end, time_key(d, text), "time") for d in dated if flow or not _day_grain(d)]
        time = _nearest(fig, times, here, clauses, same_clause=True, limit=90.0)
        out.append(Attribution(measure, entity.key if entity else None, time.key if time else None))
    return out


def _measure(text: str, fig: Figure, span: tuple[int, int], terms: list[Term], here: int,
             clauses: list[tuple[int, int]], vocab: Vocabulary) -> str | None:
    """What the figure counts: the noun after it first, then the nearest measure word."""
    def nearest(kind: str, limit: float = MAX_SCORE) -> str | None:
        found = _nearest(fig, [t for t in terms if t.group == "measure" and kind in vocab.kinds.get(t.key, DEFAULT_KINDS)],
                         here, clauses, limit=limit)
        return found.key if found else None

    if fig.time_hint == "age":
        return "age"
    if fig.kind == "quantity":
        return nearest("quantity", 60.0) or DIMENSION_MEASURE.get(dimension(fig.unit) or "", fig.unit)
    if fig.kind == "duration":
        return nearest("duration", 60.0)
    what = nouns.counted(text, fig.start, fig.end, span[0], span[1], vocab)
    if what.mode == "measure":
        measure = what.key
    elif what.mode == "noun":
        measure = what.key
    else:
        measure = nearest(fig.kind)
        if measure is None and what.mode == "people":
            measure = "people"
    if measure is not None and fig.value is not None and not float(fig.value).is_integer() and (
            what.mode == "people" or measure in vocab.book.measures and vocab.book.measures[measure].cumulative):
        return None  # 6.1 people cannot have been killed: the figure is something else
    if measure is not None and what.part:
        return f"{measure} (part)"
    return measure


def _day_grain(fig: Figure) -> bool:
    """A date naming a single day, or a relative one: the day of an event, not of a stock such as a population."""
    return fig.low is None or fig.low == fig.high


def time_key(fig: Figure, text: str) -> str:
    """A date figure as a time: 'YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD', or its words if unresolved."""
    if isinstance(fig.low, dt.date) and isinstance(fig.high, dt.date):
        return fig.low.isoformat() if fig.low == fig.high else f"{fig.low.isoformat()}..{fig.high.isoformat()}"
    return f"{' '.join(text[fig.start:fig.end].lower().split())} (unresolved)"


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(start, end)]


def _clause_of(pos: int, clauses: list[tuple[int, int]]) -> int:
    for i, (a, b) in enumerate(clauses):
        if a <= pos < b:
            return i
    return len(clauses) - 1


def _nearest(fig: Figure, terms: list[Term], here: int, clauses: list[tuple[int, int]],
             limit: float = MAX_SCORE, same_clause: bool = False) -> Term | None:
    best, best_score = None, limit
    for t in terms:
        other = _clause_of(t.start, clauses)
        if same_clause and other != here:
            continue
        if t.start >= fig.end:
            score = float(t.start - fig.end)
        else:
            score = 1.5 * max(0, fig.start - t.end) + 5
        if other != here:
            score += 100
        if score < best_score:
            best, best_score = t, score
    return best
