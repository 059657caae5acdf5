"""The words of a report: numbers, dates and intervals as people write them ('63,000–77,000',
'at least 200', 'February 2022'), what a figure counts as a phrase ('people killed in Bakhmut'),
and each finding's message, made from what its check decided (Finding.said). Every format uses
these words, so that an editor reads the same sentence in a terminal, a pull request or a page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from numcheck.model import PART, WITH_PERPETRATOR, Bound, Claim, Extent, Finding, less, yearless


def fmt_number(x: float) -> str:
    """A number as an editor writes it: thousands separated, no float noise."""
    if abs(x) >= 1e15 or (x != 0 and abs(x) < 1e-4):
        return f"{x:.4g}"
    r = round(x, 4)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.4f}".rstrip("0").rstrip(".")


def fmt_bound(x: Bound) -> str:
    if yearless(x):
        return f"{_day_of_month(x)}, {NO_YEAR}"
    if isinstance(x, dt.date):
        return x.isoformat()
    if x is None:
        return "?"
    return fmt_number(float(x))


def fmt_interval(low: Bound, high: Bound) -> str:
    """An interval as one short phrase; open ends as bounds."""
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"at most {fmt_bound(high)}"
    if high is None:
        return f"at least {fmt_bound(low)}"
    if low == high:
        return fmt_bound(low)
    if yearless(low) and yearless(high):
        return fmt_dates(low, high)
    return f"{fmt_bound(low)}–{fmt_bound(high)}"


def about(what: tuple) -> str:
    """What a group's figures are about, as a phrase: 'population of bakhmut before the russian invasion'."""
    measure, extent, entity, time, scope, unit = what
    return phrase(measure, entity, time, scope, unit, extent)


#: How much of its measure a figure counts (Claim.extent), in words.
EXTENT_WORDS = {PART: "part", WITH_PERPETRATOR: "with the perpetrator"}


def measure_words(measure: str | None, extent: Extent | None = None) -> str | None:
    """A claim's measure as reports name it, its extent in brackets: 'killed (part)'."""
    return f"{measure} ({EXTENT_WORDS[extent]})" if measure is not None and extent else measure


# Measures that count people by what happened to them: 'killed' is 'people killed'.
_PEOPLE = frozenset(
    """killed dead wounded injured hurt arrested detained displaced evacuated missing rescued
    deported aboard suspect suspects hostages victims""".split()
)
_NOUNS = {"elapsed": "time elapsed", "date": "date"}
_PLACES = frozenset("off near in at on".split())
_FILLERS = frozenset("the a an and or of in on at to by for with".split())
_PREPOSITIONS = (
    "before",
    "after",
    "on",
    "in",
    "at",
    "by",
    "since",
    "during",
    "until",
    "last",
    "this",
    "next",
    "now",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def phrase(
    measure: str | None,
    entity: str | None = None,
    time: str | None = None,
    scope: str | None = None,
    unit: str | None = None,
    extent: Extent | None = None,
) -> str:
    """What a figure counts, as a phrase an editor reads without a manual:
    ('killed', None, 'on sunday', 'harrowdale') -> 'people killed in harrowdale on sunday';
    ('date', 'arrest of and') -> 'date of the arrest'; ('population', 'bakhmut', 'before
    russian-invasion') -> 'population of bakhmut before russian invasion'; ('revenue', extent=PART) ->
    'part of the revenue'."""
    if not measure:
        return "a figure (what it counts is not said)"
    words = _words(measure)
    noun = _NOUNS.get(measure) or (f"people {words}" if measure in _PEOPLE else words)
    if extent == PART:
        noun = f"part of the {noun}"
    elif extent:
        noun = f"{noun} ({EXTENT_WORDS[extent]})"
    text = noun
    framed = _FRAMED.fullmatch(entity) if entity and measure == "date" else None
    if framed:  # a date's frame: 'ward (closed)' is what happened to the ward
        text += f" of what happened to {framed['thing']} ('{framed['event']}')"
    elif entity:
        name = _entity(entity)
        if name.split()[0] in _PLACES:  # 'date off port vela'
            text += f" {name}"
        elif name:
            text += f" of the {name}" if measure == "date" and name.split()[0] not in _FILLERS else f" of {name}"
    if scope:
        text += f" in {_words(scope)}"
    if unit:
        text += f" ({unit})"
    if time:
        text += " " + _when(time)
    return text


#: A date's entity read from its frame (attribute/dated.entity): what happened, after to what.
_FRAMED = re.compile(r"(?P<thing>[^()]+) \((?P<event>[^()]+)\)")


def _words(key: str) -> str:
    """A rule's key as words: 'russian-invasion' -> 'russian invasion'."""
    return " ".join(key.replace("-", " ").replace("_", " ").split())


def _entity(entity: str) -> str:
    """An entity as words, without the dangling words attribution can leave: 'arrest of and' -> 'arrest'."""
    words = _words(entity).split()
    while len(words) > 1 and words[-1] in _FILLERS:
        words.pop()
    return " ".join(words)


def _when(time: str) -> str:
    """A claim's time as words: '2012-01-01..2012-12-31' -> 'in 2012'; 'before russian-invasion' as said."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?", time)
    if m:
        try:
            lo = dt.date.fromisoformat(m.group(1))
            hi = dt.date.fromisoformat(m.group(2) or m.group(1))
        except ValueError:
            return time
        return fmt_dates(lo, hi, on=True)
    words = _words(time)
    return words if words.split()[0] in _PREPOSITIONS else f"({words})"


#: How a day whose article gives no year prints (model.YEARLESS): never as the year it is held in.
NO_YEAR = "year not given"


def _day_of_month(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def fmt_dates(lo: dt.date, hi: dt.date, on: bool = False) -> str:
    """Days as people name them: one day, a whole month ('February 2022'), a whole year, or 'between';
    a day whose article gives no year as the day of its month ('17 October, year not given')."""
    if yearless(lo):
        days = _day_of_month(lo) if lo == hi else f"between {_day_of_month(lo)} and {_day_of_month(hi)}"
        return f"{'on ' if on and lo == hi else ''}{days}, {NO_YEAR}"
    if lo == hi:
        return f"on {lo.isoformat()}" if on else lo.isoformat()
    if lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1:
        if lo.year == hi.year and lo.month == 1 and hi.month == 12:
            return f"in {lo.year}" if on else str(lo.year)
        if (lo.year, lo.month) == (hi.year, hi.month):
            text = f"{_MONTHS[lo.month - 1]} {lo.year}"
            return f"in {text}" if on else text
    return f"between {lo.isoformat()} and {hi.isoformat()}"


def reading(c: Claim) -> str:
    """How a figure was read, in words: 'exactly 4', 'about 70,000 (63,000–77,000)', 'at least 213',
    'between 20,000 and 30,000', 'February 2022'."""
    lo, hi = c.interval
    unit = f" {c.unit}" if c.unit else ""
    if isinstance(lo, dt.date) and isinstance(hi, dt.date):
        return fmt_dates(lo, hi)
    if lo is None and hi is None:
        return "a date not known (its article gives none)" if c.kind == "date" else "no value read"
    if hi is None:
        return f"at least {fmt_bound(lo)}{unit}"
    if lo is None:
        return f"at most {fmt_bound(hi)}{unit}"
    if lo == hi:
        return f"exactly {fmt_bound(lo)}{unit}"
    if (
        c.approx in ("exact", "about")
        and c.value is not None
        and less(lo, c.value, or_equal=True)
        and less(c.value, hi, or_equal=True)
    ):
        return f"about {fmt_number(float(c.value))}{unit} ({fmt_interval(lo, hi)})"
    if c.approx in ("at_most", "up_to"):
        return f"{HEDGES[c.approx]} {fmt_bound(hi)}{unit} ({fmt_interval(lo, hi)})"
    return f"between {fmt_bound(lo)} and {fmt_bound(hi)}{unit}"


HEDGES = {
    "exact": "exactly",
    "about": "about",
    "at_least": "at least",
    "at_most": "at most",
    "up_to": "up to",
    "range": "between",
    "vague": "vague (several, dozens…)",
}


def _cluster(cluster: tuple, top: bool = False) -> str:
    """A cluster in words: its surfaces, the values all allow (or, `top`, the top they reach), how
    many articles, their dates and sources."""
    surfaces, lo, hi, unit, articles, first, last, sources = cluster
    quoted = ", ".join(repr(s) for s in surfaces)
    when = f", {first.isoformat()}" + (f" to {last.isoformat()}" if last != first else "") if first else ""
    said = f", according to {', '.join(sources)}" if sources else ""
    if top:
        values = f"up to {fmt_interval(hi, hi)}"
    elif isinstance(lo, dt.date) and isinstance(hi, dt.date):
        values = fmt_dates(lo, hi)
    else:
        values = fmt_interval(lo, hi)
    return f"{quoted} ({values}{f' {unit}' if unit else ''}, {articles} article{'s' if articles != 1 else ''}{when}{said})"


def _oldest_first(clusters: tuple) -> list:
    return sorted(clusters, key=lambda c: (c[5] is None, c[5] or dt.date.min, c[6] or dt.date.min))


def _broken(code: str, lo: Bound, hi: Bound, *more: object) -> str:
    if code == "range-order":
        return f"range written high to low ({fmt_interval(lo, hi)}); did you mean {fmt_interval(hi, lo)}?"
    if code == "percent-max":
        return f"a share of {fmt_interval(lo, hi)}% is more than the whole"
    if code == "date-not-after-article":
        day = more[0]
        if not isinstance(day, dt.date):
            raise TypeError(f"{code}: the article's date is a {type(day).__name__}")
        return f"date {fmt_interval(lo, hi)} is after the article's date {day.isoformat()}"
    side = "below the minimum" if code == "min" else "above the maximum"
    return f"{fmt_interval(lo, hi)} is {side} {more[0]:g}"


def message(finding: Finding) -> str:
    """A finding's message, from what its check decided."""
    said = finding.said
    if not said:
        return finding.message
    code = said[0]
    if code == "fact":
        _, agrees, surface, lo, hi, name, flo, fhi = said
        verb = "agrees with the rule" if agrees else "cannot be true by the rule"
        return f"{surface!r} ({fmt_interval(lo, hi)}) {verb} “{name}” (expected {fmt_interval(flo, fhi)})"
    if code == "constraint":
        return f"{said[1]!r}: {_broken(*said[2:])}"
    what = about(said[1])
    if code == "conflict":
        day = f" on {said[2].isoformat()}" if said[2] else ""
        if _tops(said[4:]):  # "up to 120" and "up to 210": the intervals overlap, the tops they reach do not
            return f"{what}{day}: {' vs '.join(_cluster(c, top=True) for c in said[3])}: the tops they reach differ"
        both = "cannot both be true" if len(said[3]) == 2 else "cannot all be true"
        return f"{what}{day}: {' vs '.join(_cluster(c) for c in said[3])} {both}{aligned(said[4:])}{slipped(said[4:])}"
    if code == "part":  # check/partwhole.py
        parts, wholes = " or ".join(_cluster(c) for c in said[4]), " or ".join(_cluster(c) for c in said[5])
        return (
            f"{what}: {parts}, the part ({_words(said[2])}), is more than {wholes}, its whole ({_words(said[3])}): "
            f"a part cannot exceed its whole"
        )
    if code == "update":
        steps = " to ".join(_cluster(c) for c in _oldest_first(said[2]))
        if said[3:] == ("state",):  # a condition persons are in holds at a time (check/compare.py)
            return f"{what} changed from {steps}: a state each day's reports give for their own day"
        return f"{what} rose from {steps}: each later report gives a higher figure"
    return f"{what}: {_cluster(said[2][0])} agree{aligned(said[3:])}"


def aligned_of(said: Sequence) -> Sequence | None:
    """For a finding of check/align.py, what its decision says of why the figures were aligned
    ("aligned", kind, thing, shared words); None for any other finding."""
    code = said[0] if said else None
    return _why_aligned(said[4:] if code == "conflict" else said[3:] if code == "agreement" else ())


def _why_aligned(rest: Sequence) -> Sequence | None:
    """The alignment decision that opens the rest of a finding's decision (a tuple, or a list once
    read back from the cache), or None."""
    why = rest[0] if rest else None
    return why if isinstance(why, (tuple, list)) and why[:1] in (("aligned",), ["aligned"]) else None


def _tops(rest: Sequence) -> bool:
    """Whether a conflict of check/compare.py compared the tops its figures reach ("up to 120")."""
    why = rest[0] if rest else None
    return isinstance(why, (tuple, list)) and list(why) == ["tops"]


def slipped_of(said: Sequence) -> Sequence | None:
    """For a conflict of check/slips.py, its decision ("unit", units, shared words; or "swap" or
    "scale", shared words); None for any other finding."""
    return _why_slipped(said[4:]) if said and said[0] == "conflict" else None


def _why_slipped(rest: Sequence) -> Sequence | None:
    """The decision of a finding of check/slips.py (slipped_of), or None."""
    why = rest[0] if rest else None
    return why if isinstance(why, (tuple, list)) and why[:1] and why[0] in ("unit", "swap", "scale") else None


def slipped(rest: Sequence) -> str:
    """How check/slips.py took figures of two articles for one slipped figure, in words ('; the same
    number in foot and metre: one figure written in two units, ...'); '' for any other finding."""
    why = _why_slipped(rest)
    if why is None:
        return ""
    words = why[-1]
    shared = f", their clauses share {', '.join(repr(w) for w in words)}" if words else ""
    if why[0] == "swap":
        return f"; the same digits in another order: one figure with its digits swapped{shared}"
    if why[0] == "scale":
        return f"; the same digits, one figure ten times the other: a decimal point or a zero slipped{shared}"
    return f"; the same number in {' and '.join(why[1])}: one figure written in two units{shared}"


def aligned(rest: Sequence) -> str:
    """Why check/align.py took figures of different articles for one figure, in words ('; aligned:
    the only count of ship of each article, their clauses share 'harbour', 'sank'); '' for a group's."""
    why = _why_aligned(rest)
    if why is None:
        return ""
    _, kind, thing, words = why
    shared = ", ".join(repr(w) for w in words)
    if kind == "date":
        return f"; aligned: dates of one event ({thing}), each the only day of it its article could mean, sharing {shared}"
    of = f" of {thing}" if thing and kind == "count" else ""
    return f"; aligned: the only {kind}{of} of each article, their clauses share {shared}"
