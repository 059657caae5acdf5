"""Which claims of a group can be compared at all, slot by slot of their frames, precision first.

A group holds the claims that count the same measure: for a framed count or amount, the measure
its frame's words name (attribute/measure.py), so "a vessel" meets "the ship". Their frames, read
from each sentence's parse (attribute/frame.py), then keep apart what the words could not:

- two figures of one sentence are never compared ("12 killed and 3 wounded", "150 survivors
  and 12 boats");
- two figures of one article are compared only when both frames say what they count, and are
  the same as every other figure of that article they would be compared with (thing, role,
  period, place, whole, owner and event), and the article does not give them from two sources it
  names; a percentage, duration or quantity only when what it measures is an event of a class
  ("went undetected for 47 days");
- across articles, every slot that both frames fill must agree: the same role (a level is never
  compared with a change, a forecast or a part), the same period, the same class of what is
  counted (children are not compared with people as if they were all of them; but where no
  article gives a subset of people apart from the whole, "six miners killed" and "six people
  killed" are one toll), what happened to it (when both name a known event);
- a count of things that an event of [frames.roles] picking happened to ("12 flights were
  cancelled") is some of them, and is not compared with a count of them at their level with no
  event at all ("90 daily flights");
- two sums of one class ([frames.amounts]: a cost, a fine, a price) whose frames both say what
  they pay for or whose they are are compared only when that is one ("the stadium will cost £40m",
  "repairs will cost £5m"), whatever verb moved them ("sold for", "the price paid"); a rate ("£30
  per household") is never compared with a total (role);
- a count whose frame names neither what it counts nor what happened is too thin to compare, and
  so is a vague count ("quite a few films", "thousands of images", "billions") of a thing no rule
  measures or of nothing its sentence names;
- two articles that each name people, places or organisations (two words of names or more), none
  in common, are not one story;
- a figure more than SCALE times another is not that figure of the same thing ("waits of up to 20
  minutes" for trams, "a delay of 14 months" for the line; "three schools" of the county's "38
  schools"): two reports of one thing disagree by a slip, not by an order of magnitude, unless their
  digits are the same ("€2.6 billion", "€2.6 million": a scale word slipped). A count of a measure
  the rules call cumulative may (a toll grows: "one dead", then "24 dead"); temperatures (a level or
  a difference) are not held to it.

A group is split into parts whose claims are all compatible with each other, in text order; the
figures of each part are then compared as before. Each test reads slots, never words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from numcheck.attribute.dated import relative_day
from numcheck.attribute.framedata import amount_classes, classes
from numcheck.extract import dates, tallies, units
from numcheck.extract.intervals import significant
from numcheck.extract.language import ENGLISH
from numcheck.model import Claim, less

#: The slots compared; a slot one frame leaves empty does not keep two claims apart.
SLOTS = ("role", "period", "thing", "event", "whole")
#: Two articles whose names of people, places or organisations hold at least this many words each,
#: none in common, are not one story ("Firefox, Microsoft" and "Smallpox Research Grid, United Devices").
STORY_NAMES = 2
#: Kinds compared in one article only where both frames name an event the language data knows.
_KNOWN_IN_ARTICLE = ("count", "money")
#: Kinds whose counted noun decides: for money, quantities and durations the unit says what is measured.
_COUNTED = ("count",)
#: Kinds whose figures of one article are compared only when their measure is an event of a class
#: ("went undetected for 47 days"): a noun they are the length or rate of names no one instance.
_MEASURED = ("percent", "duration", "quantity")


def parsed(c: Claim) -> bool:
    """Whether the claim's sentence was parsed (its frame is known, if perhaps empty)."""
    return c.role is not None


def thin(c: Claim) -> str | None:
    """Why a claim's frame is too thin to compare, or None."""
    if parsed(c) and c.kind in _COUNTED and c.thing is None and c.event is None and not conditioned(c):
        return "its sentence names neither what it counts nor what happened to it"  # a condition says what they are in
    if parsed(c) and c.kind in _COUNTED and c.approx == "vague" and (c.thing is None or c.measure == c.thing):
        return f"a vague count ({c.surface!r}) of {c.thing or 'nothing its sentence names'}, which no rule measures"
    return None


#: Why a date's frame keeps it from comparison, by its role (attribute/dated.py).
_UNDATED = {
    "span": "the date is an edge of a span ('since 2019', 'until March', 'by 2030'), not when its event happened",
    "recurring": "its event recurs ('every year', 'on Saturdays'): no one date is its date",
    "scheduled": "its event is planned, habitual or to come ('will open on', 'due to open', 'opens on'), not one past event",
    "denied": "its event is denied ('was not arrested on')",
    "several": "the date is one of several days ('on Monday or Tuesday'): no one date of its event",
    "repeated": "another date of its sentence dates the same event, as finely or more ('on Sunday 8 March')",
    "relative": "a day named from the article's date ('on Monday', 'yesterday'): its tense picks which day",
    "ahead": "a day named from the article's date ('on Monday') read as one to come: not one past event's day",
    "unplaced": "a day named from the article's date ('on Tuesday', 'last March'), and its article gives none: which day?",
}


def undated(c: Claim) -> str | None:
    """For a parsed date that the rules' date measure does not take, which slot of its frame kept it
    apart; None for a date whose sentence was not parsed, or that is compared."""
    if c.measure is not None:
        return None
    if not parsed(c):
        if c.low is None and c.note in (dates.RECENT, dates.UNRESOLVED):
            return _UNDATED["unplaced"]
        return _UNDATED["relative"] if relative_day(c) else None
    if c.role in _UNDATED:
        return _UNDATED[c.role]
    if c.event is None:
        return "no event it dates (no verb or event noun that says what happened then)"
    if c.thing is None:
        return f"no one thing its event ({c.event}) happened to: none named, several, 'a ...' or a pronoun"
    return None


def unmeasured(c: Claim) -> str | None:
    """For a parsed claim that has no measure, which slot of its frame was missing ("not compared:
    no counted noun"); None for a claim whose sentence was not parsed."""
    if c.kind == "date":
        return undated(c)
    if not parsed(c):
        return None
    data = classes(ENGLISH)
    known = c.event is not None and c.event in data.events.values()
    if c.kind == "money":
        missing = "no noun or verb that says what the sum is the amount of (a fee, a fine, a cost: [frames.amounts])"
    elif c.kind == "duration":
        missing = "no event whose length it gives and no noun it is the length of"
    elif c.kind == "quantity":
        missing = "no noun it measures"
    elif c.kind == "percent" and c.role == "share" and c.thing is not None and data.subsets.get(c.thing) != data.persons:
        missing = f"no part named of the {c.thing} it is a share of" + ("" if c.owner else " (no owner: whose share?)")
    elif c.kind == "percent" and c.thing is not None and data.subsets.get(c.thing) != data.persons and c.thing != data.persons:
        missing = f"a rate of {c.thing} narrowed to a part its frame does not name (whose? of which?)"
    elif c.thing is None:
        missing = "no counted noun" + ("" if known else " and no event of a class")
    elif not known and data.of_persons(c.thing):
        missing = f"no event of a class (what happened to the {c.thing})"
    else:
        missing = f"no counted noun that the figure is the number of ({c.thing!r} is not counted by it)"
    return missing


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _names(c: Claim) -> frozenset[str]:
    """The words of the names an article mentions ("norvane systems" gives "norvane" and
    "systems"), so that "Norvane" in one article and "Norvane Systems" in another are one name."""
    return name_words(c.names) if c.names else frozenset()


@lru_cache(maxsize=4096)
def name_words(names: str) -> frozenset[str]:
    """`_names` of one article's names, read once: grouping and alignment ask it of every pair."""
    words = (_POSSESSIVE.sub("", w) for name in names.split("\n") for w in name.split())  # "okafor's" is "okafor"
    return frozenset(w for w in words if len(w) > 2 and w.isalpha())


def other_stories(c: Claim, o: Claim) -> bool:
    """Whether two claims' articles each name people, places or organisations, none in common."""
    return _apart_by_names(_names(c), _names(o))


def _apart_by_names(mine: AbstractSet[str], theirs: AbstractSet[str]) -> bool:
    """Whether two sets of name words, each of STORY_NAMES words or more, share none."""
    return len(mine) >= STORY_NAMES and len(theirs) >= STORY_NAMES and not (mine & theirs)


class _Part:
    """Claims that can all be compared with each other."""

    __slots__ = (
        "members",
        "slots",
        "sentences",
        "frames",
        "names",
        "paths",
        "alike",
        "kinds",
        "events",
        "span",
        "scaled",
        "grows",
        "digits",
        "voters",
    )

    def __init__(self, alike: frozenset[str] = frozenset(), scaled: bool = True, grows: frozenset[str] = frozenset()) -> None:
        self.alike = alike  # subsets of people that count all of them here (`_alike`)
        self.scaled = scaled  # whether figures an order of magnitude apart are kept apart (`SCALE`)
        self.grows = grows  # the measures whose counts may grow by as much (the rules' cumulative ones)
        self.members: list[int] = []
        self.slots: dict[str, str] = {}
        self.sentences: set[tuple[str, int]] = set()
        self.frames: dict[str, dict[tuple, Claim]] = {}  # path -> its claims here, one a frame
        self.names: set[str] = set()  # the names the members' articles mention
        self.paths: set[str] = set()
        self.kinds: dict[str, str] = {}  # a class -> the kind of it the members' amounts name ("net profit")
        self.events: set[str | None] = set()  # the events of the members that count all of a noun (`_whole_count`)
        self.span: tuple[float, float] | None = None  # the least and greatest bound of the members' (`_scaled`)
        self.digits: set[str] = set()  # the members' significant digits (`_digits`)
        self.voters: float | None = None  # how many voted in the members' tally ("7-4": 11), if they are a vote's sides

    def why_not(self, c: Claim) -> str | None:
        if (c.path, c.sentence_start) in self.sentences:
            return "the other figure is in the same sentence"
        if c.path in self.frames:
            if parsed(c) and c.kind == "date":
                return "the other date is in the same article: a date is compared with other articles' only"
            if parsed(c) and not all(_same_article_match(c, other) for other in self.frames[c.path].values()):
                return "the other figure is in the same article, and their frames do not say they count the same thing"
        elif _apart_by_names(_names(c), self.names):
            return "the two articles name no common person, place or organisation"
        return self._slots_apart(c) or self._scale_apart(c)

    def _scale_apart(self, c: Claim) -> str | None:
        """Why a figure is not the members' by its size alone: an order of magnitude from theirs (`SCALE`)."""
        mine = _scaled(c, self.grows)
        if (
            self.scaled
            and mine is not None
            and self.span is not None
            and _digits(c) not in self.digits
            and (mine[0] > SCALE * self.span[1] or SCALE * mine[1] < self.span[0])
        ):
            return f"scale: more than {SCALE:g} times apart, not one thing's figure (a slip is not so large)"
        return None

    def _slots_apart(self, c: Claim) -> str | None:
        """Why a figure is not the members' by its tally or its frame's slots."""
        voters = _voters(c)
        if voters is not None and self.voters is not None and abs(voters - self.voters) > VOTERS_APART * max(voters, self.voters):
            return f"a vote of {voters:g} and one of {self.voters:g}: two bodies' votes, not one vote's tally"
        if not parsed(c):
            return None
        kind = _kind_of(c)
        if kind is not None and self.kinds.get(kind[0], kind[1]) != kind[1]:
            return f"thing: {kind[1]} vs {self.kinds[kind[0]]}, two kinds of {kind[0]}"
        picked = _picked(c, self.events)
        if picked is not None:
            return picked
        for slot in SLOTS:
            mine, theirs = _slot(c, slot), self.slots.get(slot)
            if mine is None or theirs is None or mine == theirs:
                continue
            if slot == "period" and c.kind == "duration":
                continue  # a duration is its own length: "39, convicted after a nine-day trial" is no daily age
            if slot == "role" and {mine, theirs} == {"rate", "level"} and c.period and c.period == self.slots.get("period"):
                continue  # "6,000 tonnes a year", "600 tonnes in a good year": a level over a period is that period's rate
            if slot == "thing" and (c.kind not in (*_COUNTED, "date") or c.unit is not None):
                continue  # a unit says what money, a quantity or a duration measures
            if slot == "thing" and {mine, theirs} <= self.alike and c.event is not None and "event" in self.slots:
                continue  # "six miners were killed", "six people died": one toll, each frame naming it
            if slot == "event" and (c.kind == "duration" or not (mine in _known_events() and theirs in _known_events())):
                continue  # an age or a sentence is a person's, whatever happened in its clause
            if (
                slot == "event"
                and c.kind == "money"
                and c.thing in amount_classes(ENGLISH)
                and c.thing == self.slots.get("thing")
            ):
                continue  # "sold for €80,000", "the price paid was": a sum's class says what it is, its verb only how it moved
            return f"{slot}: {mine} vs {theirs}"
        owner = self.slots.get("owner")
        if c.kind == "date" and c.owner and owner is not None and not _one_name(c.owner, owner):
            return f"owner: {c.owner} vs {owner}, whose {c.thing} the dates are"
        if _own_class(c) and c.owner and owner is not None and _thing(owner) != _thing(c.owner):
            return f"owner: {c.owner} vs {owner}, whose {c.event} a verb of no class does not tell apart"
        if c.kind == "money" and c.measure in amount_classes(ENGLISH) and c.owner and owner and not _one_name(c.owner, owner):
            return f"owner: {c.owner} vs {owner}, whose {c.measure} or what it pays for"  # "the stadium will cost", "repairs"
        return _part_slots(c, self.slots)

    def add(self, i: int, c: Claim) -> None:
        self.members.append(i)
        mine = _scaled(c, self.grows)
        if mine is not None:
            self.span = mine if self.span is None else (min(self.span[0], mine[0]), max(self.span[1], mine[1]))
            self.digits.add(_digits(c))
        self.sentences.add((c.path, c.sentence_start))
        self.voters = self.voters if self.voters is not None else _voters(c)
        self.frames.setdefault(c.path, {}).setdefault(_frame_key(c), c)
        if c.names and c.path not in self.paths:
            self.paths.add(c.path)
            self.names.update(_names(c))
        kind = _kind_of(c) if parsed(c) else None
        if kind is not None:
            self.kinds.setdefault(*kind)
        if parsed(c) and _whole_count(c):
            self.events.add(c.event)
        if parsed(c):
            for slot in (*SLOTS, *_PART_SLOTS):  # place and owner: parts', shares' and verbs of no class's
                value = _slot(c, slot)
                if value is not None:
                    self.slots.setdefault(slot, value)


@lru_cache(maxsize=1)
def _known_events() -> frozenset[str]:
    """The event classes the language data names (English's: the language frames are read in)."""
    return frozenset(classes(ENGLISH).events.values())


def _whole_count(c: Claim) -> bool:
    """Whether a claim counts things at their level, whose event `_picked` reads: not persons, whose
    count with no event is often a toll the parse missed ("Four people dead, he said")."""
    if c.kind not in _COUNTED or c.thing is None or c.role != "level":
        return False
    data = classes(ENGLISH)
    return c.thing != data.persons and data.subsets.get(c.thing) != data.persons


def _picked(c: Claim, events: set[str | None]) -> str | None:
    """Why a count of things is kept from others of the part: one names an event that picks some of
    a set out ([frames.roles] picking: "12 flights were cancelled"), the other no event at all ("214
    daily services"), so one counts a subset of what the other counts all of; None when neither
    does. A verb of no class is an event all the same ("hit two farms", "three farms infected")."""
    if not _whole_count(c):
        return None
    picking = classes(ENGLISH).picking
    if c.event in picking and None in events:
        return f"event: {c.event} vs none, some of the {c.thing} against all of them"
    if c.event is None and events & picking:
        return f"event: none vs {min(str(e) for e in events & picking)}, all of the {c.thing} against some of them"
    return None


def _thing(owner: str) -> str:
    """An owner's class of things ([frames.things]: "the blaze" and "the fire" are one), else itself."""
    return classes(ENGLISH).things.get(owner, owner)


def _own_class(c: Claim) -> bool:
    """Whether a claim measures a verb of no class, its own class ("212 people were freed"): whose
    it is then keeps two figures apart ("Smith worked there for 20 years", "Jones for 12")."""
    return c.event is not None and c.measure == c.event and c.event not in _known_events()


def conditioned(c: Claim) -> bool:
    """Whether a count measures a condition of [frames.conditions] ("nine were seriously injured"): a
    subset its measure names, so a part "of the injured" in it is that condition's count, not a part."""
    return c.kind == "count" and c.measure is not None and c.measure in _conditions()


@lru_cache(maxsize=1)
def _conditions() -> frozenset[str]:
    """The conditions the language data names (English's: the language frames are read in)."""
    return frozenset(classes(ENGLISH).conditions.values())


def _slot(c: Claim, slot: str) -> str | None:
    """A slot as comparison reads it: a duration or a quantity "of" something ("44 seconds of the
    seventh round") is a level of its own, not a part of a larger count; a measure noun ("magnitude",
    "depth": [frames.roles] measure_nouns) is no thing counted."""
    value = getattr(c, slot)
    if slot == "role" and value in ("part", "share") and c.kind not in ("count", "money"):
        return "level"  # a percentage is a share of something; a duration "of the round" no part
    if slot == "role" and value == "limit" and c.kind in ("quantity", "duration"):
        return "level"  # a speed or a length its unit measures: the rules' measure says a limit ("speed-limit")
    if slot == "thing" and value in classes(ENGLISH).measures:
        return None  # "the quake had a magnitude of 6.2": a noun that measures another names no thing of its own
    if slot == "role" and value == "part" and conditioned(c):
        return "level"  # "two of the injured were in a critical condition": the condition names the part
    return value


def _kind_of(c: Claim) -> tuple[str, str] | None:
    """(class, kind of it) for an amount, a quantity or a duration whose noun names a kind of a
    class ("net profit" of profit, [frames.subsets]): its unit does not say which kind it is, so
    two kinds of one class are kept apart; counts compare their counted classes as slots."""
    if c.thing is None or c.kind in _COUNTED and c.unit is None:
        return None
    parent = classes(ENGLISH).subsets.get(c.thing)
    return (parent, c.thing) if parent is not None else None


def _frame_key(c: Claim) -> tuple:
    """What `_same_article_match` reads of a claim: claims alike in it match the same claims."""
    return (c.kind, c.role, c.thing, c.event, c.period, c.place, c.whole, c.owner, c.source, thin(c))


def _same_article_match(c: Claim, o: Claim) -> bool:
    """Two figures of one article are compared only when both frames say what they count, and
    their frames are the same: the same class of thing, role, period, place, whole, owner and
    event, a slot one leaves empty and the other fills being a difference ("12 films compete" and
    "42 films will debut" are not one figure, nor "30,000 jobs at the Department" and "104,000
    jobs"), and no two sources the article names for them; two counts or amounts only where both
    name an event the language data knows (a writer counts several sets of one noun: "two of a
    total of 10 proposed domains", two donors' gifts); an age's event is the clause it sits in,
    not whose it is."""
    if not parsed(o) or thin(c) or thin(o) or c.thing is None or o.thing is None:
        return False
    if any(_slot(c, s) != _slot(o, s) for s in ("thing", "role", "period", "place", "whole", "owner")):
        return False
    if c.source and o.source and not _one_name(c.source, o.source):
        return False  # "an earlier study suggested 50 ...; Professor Lane said 65": the article sets two sources side by side
    if c.kind in _MEASURED and c.measure not in _known_events():
        return False  # "10 hours' sleep" and "five hours' sleep" in one post: two people's; an event of a class is one
    if c.kind in _KNOWN_IN_ARTICLE and not (c.event in _known_events() and o.event in _known_events()):
        return False  # "two of a total of 10 domains", "endorsing candidates in nine seats": one writer's sets
    return c.kind == "duration" or c.event == o.event


#: How many times one figure may be another's and still be taken for the same thing's (`_Part.why_not`).
SCALE = 10.0
#: Two tallies whose numbers of voters differ by more than this share are two bodies' votes ("7-4" in a
#: committee of 11, "31-17" in a council of 48); within it, one vote reported with a slip ("9-4", "9-5").
VOTERS_APART = 0.25


def _voters(c: Claim) -> float | None:
    """How many voted in the tally a side of a vote's is of ("voted 7-4": 11); None for any other figure."""
    if c.note not in (tallies.LARGER, tallies.SMALLER):
        return None
    return tallies.size(c.sentence, c.start - c.sentence_start)


#: Kinds whose figures of one thing never differ by an order of magnitude (a count of a measure that grows may).
_SCALED = ("count", "money", "percent", "duration", "quantity")


def _scaled(c: Claim, grows: AbstractSet[str] = frozenset()) -> tuple[float, float] | None:
    """A figure's bounds in its dimension's base unit, for the kinds `SCALE` applies to (an open
    bound: none below, no end above); None for another kind, a count of a measure in `grows`, or a
    figure with no bound."""
    if c.kind not in _SCALED or c.low is None and c.high is None or units.dimension(c.unit) == "temperature":
        return None  # a temperature may be a level or a difference ("1.8F above average"): no scale
    if c.kind == "count" and c.measure in grows:
        return None  # "one dead" in the morning, "24 dead" by night
    lo, hi = c.interval
    unit = c.unit if c.kind in ("duration", "quantity") else None
    low = units.to_base(unit, float(lo)) if isinstance(lo, (int, float)) else None
    high = units.to_base(unit, float(hi)) if isinstance(hi, (int, float)) else None
    return (max(low or 0.0, 0.0), math.inf if high is None else high)


def _digits(c: Claim) -> str:
    """A figure's significant digits: the same digits a thousand times apart are a scale word
    slipped, one figure, not two things."""
    value = c.value if c.value is not None else c.low
    return significant(float(value)) if isinstance(value, (int, float)) else ""


def parts(members: Sequence[Claim], grows: frozenset[str] = frozenset()) -> list[list[int]]:
    """The positions of `members` split into parts whose claims can all be compared, in order;
    a claim too thin to compare is a part of its own. `grows`: the measures whose counts may grow
    more than `SCALE` times (a toll)."""
    out: list[_Part] = []
    alike, unsaid = _alike(members), _unsaid(members)
    for i, c in enumerate(members):
        if _alone(c, unsaid):
            alone = _Part(grows=grows)
            alone.add(i, c)
            out.append(alone)
            continue
        for part in out:
            if part.members and not _alone(members[part.members[0]], unsaid) and part.why_not(c) is None:
                part.add(i, c)
                break
        else:
            new = _Part(alike, grows=grows)
            new.add(i, c)
            out.append(new)
    return [p.members for p in out]


def _unsaid(members: Sequence[Claim]) -> dict[str, list[str]]:
    """The classes of which these claims name two kinds or more ("net profit", "operating
    profit"), each with its kinds: an amount of the class itself ("$143m profit") does not say
    which kind it is, so it is compared with none of them."""
    kinds: dict[str, set[str]] = {}
    for c in members:
        kind = _kind_of(c) if parsed(c) else None
        if kind is not None:
            kinds.setdefault(kind[0], set()).add(kind[1])
    return {parent: sorted(them) for parent, them in kinds.items() if len(them) > 1}


def _alone(c: Claim, unsaid: dict[str, list[str]]) -> str | None:
    """Why a claim is compared with no other of its group, or None."""
    reason = thin(c)
    if reason is None and c.thing in unsaid and c.kind not in _COUNTED:
        return f"an amount of {c.thing} that does not say which kind ({' or '.join(unsaid[c.thing])})"
    return reason


def _alike(members: Sequence[Claim]) -> frozenset[str]:
    """People and the subsets of people that count all of them in these claims: "six miners
    killed" and "six people killed" are one toll, unless an article gives a subset apart from
    the whole ("44 dead, including 19 children": children are then not all the dead), or one is
    larger than a whole of another ("eight children hurt" against "three people hurt": a part that
    does not fit, which check/partwhole reports, not one count twice)."""
    subsets = classes(ENGLISH).subsets
    people = classes(ENGLISH).persons  # the class of persons; its subsets (children, officers) are persons too
    persons = {c.thing for c in members if c.thing is not None and (c.thing == people or subsets.get(c.thing) == people)}
    if len(persons) < 2:
        return frozenset()
    by_path: dict[str, list[Claim]] = {}
    for c in members:
        if c.thing in persons:
            by_path.setdefault(c.path, []).append(c)
    apart = {
        c.thing
        for claims in by_path.values()
        for c in claims
        for o in claims
        if c.thing != o.thing and o.thing == people and not _overlap(c, o)
    }
    highs = [h for c in members if c.thing == people and isinstance(h := c.interval[1], float | int)]
    if highs:
        least = min(highs)
        apart.update(
            c.thing
            for c in members
            if c.thing in persons and c.thing != people and isinstance(low := c.interval[0], float | int) and low > least
        )
    return frozenset(persons - apart) if people in persons - apart else frozenset()


def _overlap(c: Claim, o: Claim) -> bool:
    """Whether two counts' intervals share a value (an open end shares every value beyond it)."""
    (a, b), (x, y) = c.interval, o.interval
    return (a is None or y is None or less(a, y, or_equal=True)) and (x is None or b is None or less(x, b, or_equal=True))


def why_apart(
    c: Claim, o: Claim, group: Sequence[Claim] = (), scaled: bool = True, grows: frozenset[str] = frozenset()
) -> str | None:
    """Why two claims of one group (its claims: `group`) are not compared, slot by slot; None when they
    are. `scaled`: whether figures an order of magnitude apart are kept apart (a slip's are not: "20
    tonnes" and "20lb" are one number in two units); `grows`: as for `parts`."""
    unsaid = _unsaid(group or (c, o))
    for claim in (c, o):
        reason = _alone(claim, unsaid)
        if reason:
            return f"{claim.where} is compared with nothing: {reason}"
    part = _Part(_alike(group or (c, o)), scaled, grows)
    part.add(0, o)
    return part.why_not(c)


#: Kinds a part is compared with the same part of another report in: counts ("nine of the dead were children").
_PART_KINDS = ("count",)
#: Slots a part's frame must not contradict besides `SLOTS`: its whole is the one of that place and owner.
_PART_SLOTS = ("place", "owner")


def _part_slots(c: Claim, slots: dict[str, str]) -> str | None:
    """For a part, the place or owner in which it differs from the others ("three children among the
    dead in Texas" are not those in Oklahoma), for a share its owner ("Civic Union took 34.6% of the
    vote" is not the Greens' share); a slot one frame leaves empty keeps nothing apart. Owners are
    one when the words of one's name are all in the other's ("the Alliance", "Civic Alliance")."""
    if c.role not in ("part", "share") or not parsed(c):
        return None
    for slot in _PART_SLOTS if c.role == "part" else ("owner",):
        mine, theirs = getattr(c, slot), slots.get(slot)
        if mine is None or theirs is None:
            continue
        if not _one_name(mine, theirs):
            return f"{slot}: {mine} vs {theirs}"
    return None


def _one_name(a: str, b: str) -> bool:
    """Whether two names are one: the words of one are all in the other's ("the Alliance", "Civic Alliance")."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return x <= y or y <= x


def part_apart(c: Claim) -> str | None:
    """Why a part of a larger figure ("15 of them", "including nine children") is compared with no
    other part, or None: a part is the same part of another report only when its frame names what
    it counts, the whole it is a part of, and what happened to both ("19 of the 44 dead were
    children", "19 children were among the dead"); its slots are then compared as any frame's.
    A part against its whole is check/partwhole.py's, one-sided."""
    if not parsed(c):
        return "its sentence was not parsed"
    if c.kind not in _PART_KINDS:
        return f"a {c.kind} part is not compared"
    if c.role != "part":
        return f"its frame reads it as a {c.role}, not as a part of a named whole"
    if c.whole is None:
        return "its frame names no whole it is a part of (of which?)"
    if c.thing is None or c.thing == c.whole:
        return f"its frame names no part of the {c.whole} apart from the whole (which of them?)"
    if c.event not in _known_events():
        return f"its frame names no event of a class (what happened to the {c.whole})"
    return None


def rate_of_persons(c: Claim) -> bool:
    """Whether a percentage read as a share "of" something is its measure's own rate, of the persons
    it is a rate of: its counted noun names the measure and its whole is people ("Turnout was 44.1%
    of the 71,884 people on the register", "a turnout of 38.2% of the city's electors"), as "44.1% of
    voters turned out" is turnout; not "40% of revenue", whose whole is no persons."""
    if not parsed(c) or c.kind != "percent" or c.thing is None or c.thing != c.measure or c.whole is None:
        return False
    data = classes(ENGLISH)
    return data.of_persons(c.whole)
