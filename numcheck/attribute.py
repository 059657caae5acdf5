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
from functools import lru_cache

from .model import Figure
from .rulebook import RuleBook

_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although|though|yet)\b|;|\s+but\s+|\s[—–]\s|\(|\)|\s(?=that\s)")
_DEFAULT_KINDS = ("count", "percent", "money", "quantity")
MAX_SCORE = 220.0


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    entity: str | None
    time: str | None


@dataclass(frozen=True, slots=True)
class _Term:
    start: int
    end: int
    key: str
    group: str  # "measure", "entity", "event", "time", "before", "after"


class Vocabulary:
    """The rules' words compiled into one pass over a sentence."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.kinds = {m.id: (m.kinds or _DEFAULT_KINDS) for m in book.measures.values()}
        terms: list[tuple[str, str, str]] = []
        for m in book.measures.values():
            terms += [(w, m.id, "measure") for w in m.words]
        for name, aliases in book.entities.items():
            terms += [(a, name, "entity") for a in aliases]
        for ev in book.events.values():
            terms += [(a, ev.id, "event") for a in ev.aliases]
        for name, words in book.times.items():
            terms += [(w, name, "time") for w in words]
        terms.sort(key=lambda t: (-len(t[0]), t[0]))
        self.lookup = {}
        parts = []
        for i, (word, key, group) in enumerate(terms):
            self.lookup[f"t{i}"] = (key, group)
            flags = "" if word[:1].isupper() else "(?i)"
            body = re.escape(word).replace(r"\ ", r"[\s-]+")
            parts.append(f"(?P<t{i}>{'(?i:' + body + ')' if flags else body})")
        self.rx = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])") if parts else None
        self.generic = re.compile(
            r"\b(before|after|since|until|prior to|ahead of)\s+(?:the\s+|its\s+|their\s+|this\s+|last\s+)?"
            r"(?P<what>[a-z]+(?:\s+[a-z]+)?)\b(?=\s*(?:[,.;:)]|of|in|on|at|and|but|$))", re.I)
        self.relation = re.compile(r"\b(before|after|since|until|prior to|ahead of)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}$", re.I)

    def terms(self, text: str, start: int, end: int) -> list[_Term]:
        if self.rx is None:
            return []
        out = []
        for m in self.rx.finditer(text, start, end):
            key, group = self.lookup[m.lastgroup or ""]
            if group == "event":
                rel = self.relation.search(text, max(start, m.start() - 40), m.start())
                if rel:
                    word = rel.group(1).lower()
                    group = "before" if word in ("before", "until", "prior to", "ahead of") else "after"
                    out.append(_Term(rel.start(), m.end(), f"{group} {key}", "time"))
                    group = "event"  # the event itself still names what a nearby date is the date of
            out.append(_Term(m.start(), m.end(), key, group))
        for m in self.generic.finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in out if t.group == "time"):
                continue  # "before the Russian invasion" is the event's, already read
            side = "before" if m.group(1).lower() in ("before", "until", "prior to", "ahead of") else "after"
            what = " ".join(m.group("what").lower().split())
            if not re.search(r"\d", what):
                out.append(_Term(m.start(), m.end(), f"{side} {what}", "time"))
        return out


@lru_cache(maxsize=8)
def vocabulary(book: RuleBook) -> Vocabulary:
    return Vocabulary(book)


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
        measures = [t for t in terms if t.group == "measure" and fig.kind in vocab.kinds.get(t.key, _DEFAULT_KINDS)]
        if fig.time_hint == "age":
            measures = [t for t in terms if t.key == "age"] or [_Term(fig.start, fig.end, "age", "measure")]
        measure = _nearest(fig, measures, here, clauses)
        entity = _nearest(fig, [t for t in terms if t.group == "entity"], here, clauses)
        flow = measure is not None and vocab.book.measures[measure.key].cumulative
        times = [t for t in terms if t.group == "time"] + [
            _Term(d.start, d.end, time_key(d, text), "time") for d in dated if flow or not _day_grain(d)]
        time = _nearest(fig, times, here, clauses, same_clause=True)
        out.append(Attribution(measure.key if measure else None, entity.key if entity else None, time.key if time else None))
    return out


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


def _nearest(fig: Figure, terms: list[_Term], here: int, clauses: list[tuple[int, int]],
             limit: float = MAX_SCORE, same_clause: bool = False) -> _Term | None:
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
