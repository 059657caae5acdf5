"""Hedges, read in one place: the words before (or after) a figure that bound it ("more than
5,000", "nearly 40%", "200 or more"), in every language, from the language file's [hedges].

A language file lists its hedges by kind: at_least, at_most, up_to (at most, and the top the figure
reaches: "up to 120 jobs"), nearly (about the figure, stopping short of it) and about; English adds
what may follow a figure (or_after, plus_after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from numcheck.extract import intervals
from numcheck.extract.language import alt, data
from numcheck.model import TYPE_CHECKING, Approx, Figure

if TYPE_CHECKING:
    from typing import Literal

    Hedge = Literal["at_least", "at_most", "up_to", "nearly", "about"]

HEDGEABLE = ("count", "percent", "money", "quantity", "duration")
NEARLY = "nearly"  # the hedge intervals.bounds stops short of the figure for
_KINDS: tuple[Hedge, ...] = ("at_least", "at_most", "up_to", "nearly", "about")


@dataclass(frozen=True)
class Hedges:
    """One language's hedges, compiled."""

    kinds: dict[Hedge, tuple[str, ...]]  # kind -> words, lower case
    before: re.Pattern[str]  # group 1: the hedge, ending right before the figure
    after: re.Pattern[str] | None  # group "more": "or more", "or so"; else "+", "plus"
    about_after: frozenset[str]  # words after "or" that make a figure approximate ("or so")
    particle: re.Pattern[str] | None  # a verb of change ending right before a hedge that is then its particle


@lru_cache(maxsize=None)
def hedges(code: str) -> Hedges:
    lang = data(code)
    table, patterns = lang["hedges"], lang.get("patterns", {})
    kinds = {k: tuple(table[k]) for k in _KINDS if k in table}
    words = [w for ws in kinds.values() for w in ws]
    if patterns.get("hedge_order") != "written":  # else longer hedges before shorter: "plus de" before "plus"
        words = sorted(words, key=len, reverse=True)
    before = re.compile(rf"(?:^|(?<={patterns['hedge_opening']}))(?i:({alt(words)}))\s*$")
    after = None
    if table.get("or_after"):
        after = re.compile(
            rf"^(?:\s+{table['or']}\s+(?P<more>{alt(table['or_after'])})\b|\+|\s+(?:{alt(table['plus_after'])})\b)", re.I
        )
    verbs = [*lang.get("ranges", {}).get("change_verbs", ()), *table.get("particle_verbs", ())] or None
    particle = re.compile(rf"(?i:\b(?:{alt(verbs)})\s+)$") if verbs and table.get("particles") else None
    return Hedges(
        {k: tuple(w.lower() for w in ws) for k, ws in kinds.items()},
        before,
        after,
        frozenset(table.get("or_after_about", ())),
        particle,
    )


@lru_cache(maxsize=None)
def _time_hedges(code: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]] | None:
    """A language's hedges before a time of day: the pattern of one ending right before the time, of
    one opening the time's own words ("vers 7 heures", read whole), and each hedge's kind; None where
    its file has none."""
    table = data(code).get("clock", {}).get("time_hedges")
    if not table:
        return None
    kinds = {w.lower(): kind for kind, ws in table.items() for w in ws}
    words = alt(kinds, longest_first=True)
    return re.compile(rf"(?:^|(?<=[\s(«\"]))(?i:({words}))\s+$"), re.compile(rf"(?i:({words}))\s+"), kinds


DAY = 1440.0  # minutes in a day: a time of day's interval stays within its day


def _grain(minutes: float) -> float:
    """The grain a time of day is written at: half an hour around an hour, a quarter around a half
    or a quarter hour, five minutes around any other minute."""
    m = int(minutes) % 60
    return 30.0 if m == 0 else 15.0 if m % 15 == 0 else 5.0


def _hedged_time(text: str, start: int, fig: Figure, code: str) -> Figure:
    """A time of day with a hedge before it: 'around 3am' (about: within its grain either way), 'after
    22:00' (at least: from it on), 'before 3am' (at most), 'shortly after 22:00' (at least, within its
    grain), 'shortly before 3am' (about, within its grain before it, as 'nearly' is). A range or a time already hedged is left."""
    table = _time_hedges(code)
    if table is None or fig.approx != "exact" or not isinstance(fig.value, float):
        return fig
    rx, own, kinds = table
    before = rx.search(text, max(start, fig.start - 30), fig.start) or own.match(text, fig.start, fig.end)
    if before is None:
        return fig
    kind, t, grain = kinds[before.group(1).lower()], fig.value, _grain(fig.value)
    bounds: dict[str, tuple[float | None, float | None, Approx]] = {
        "about": (max(0.0, t - grain), min(DAY, t + grain), "about"),  # "vers minuit": from midnight on
        "at_least": (t, None, "at_least"),
        "at_most": (None, t, "at_most"),
        "shortly_after": (t, min(DAY, t + grain), "at_least"),
        "shortly_before": (max(0.0, t - grain), t, "about"),  # as "nearly": about it, stopping short
    }
    low, high, approx = bounds[kind]
    return Figure(before.start(1), fig.end, "time", low, high, approx, t, fig.unit, fig.time_hint)


@lru_cache(maxsize=None)
def _particles(code: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data(code)["hedges"].get("particles", ()))


def hedged(text: str, start: int, end: int, fig: Figure, code: str, approxes: tuple[str, ...] = ("exact",)) -> Figure:
    """The figure with the hedge or bound written around it, its span widened to include the words;
    only figures read as one of `approxes` are hedged."""
    if fig.kind == "time":
        return _hedged_time(text, start, fig, code)
    if fig.kind not in HEDGEABLE or fig.approx not in approxes or fig.value is None:
        return fig
    h = hedges(code)
    before = h.before.search(text, max(start, fig.start - 30), fig.start)
    if before and h.particle and before.group(1).lower() in _particles(code):
        before = (
            None if h.particle.search(text, max(start, before.start(1) - 30), before.start(1)) else before
        )  # "edged up to 4.3%"
    after = h.after.search(text[fig.end : min(end, fig.end + 12)]) if h.after is not None and not before else None
    approx: Approx
    approx, hedge, new_start, new_end = fig.approx, "", fig.start, fig.end
    if before:
        word = before.group(1).lower()
        kind = next(k for k, ws in h.kinds.items() if word in ws)
        approx, hedge = ("about", NEARLY) if kind == "nearly" else (kind, "")  # "nearly 900": about, below it
        new_start = before.start(1)
    elif after:
        word = (after.group("more") or "").lower()  # "+", "plus": at least
        approx = "about" if word in h.about_after else "at_least"
        new_end = fig.end + after.end()
    if approx == fig.approx and new_start == fig.start:
        return fig
    lo0, hi0 = fig.low, fig.high
    slack = max(0.0, (hi0 - fig.value) if isinstance(hi0, float) else 0.0)
    lo, hi = intervals.bounds(fig.value, approx, slack, hedge, written=any(ch.isdigit() for ch in text[fig.start : fig.end]))
    if fig.approx == "about" and lo0 is not None and hi0 is not None:
        lo, hi = (min(lo, lo0) if lo is not None else None), (max(hi, hi0) if hi is not None else None)
    return Figure(new_start, new_end, fig.kind, lo, hi, approx, fig.value, fig.unit, fig.time_hint)
