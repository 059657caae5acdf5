"""A figure's frame, read from its sentence's dependency parse: what it counts, what happened to
it, whose, where, when, over what period, in what role, and who says so.

Each slot comes from the syntax, never from a window of words: the counted noun is the head the
figure modifies (or the noun its "of" phrase names); the predicate is the verb or event noun that
governs that noun, coordination shared, or the event noun whose "of" phrase names it ("the
evacuation of 300 residents"); the owner is a possessor, an "of" phrase or the subject;
the time is a date attached to this clause only (a date in a relative clause about something
else does not date the figure). Words become classes through the language's frame data
([frames] in numcheck/lang/<lang>.toml), a class word of several words being the phrase the parse
joins ("walk out", "fall ill", "go on strike"); a word with no class is its own class. Each slot says how it
was found, for `numcheck explain`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from numcheck.attribute.amount import is_sum_noun, names_sum
from numcheck.attribute.condition import condition_of
from numcheck.attribute.counted import UNIT_KINDS, contents, counted_noun, measure_slots, repetition
from numcheck.attribute.event import is_argument, other_figure
from numcheck.attribute.framedata import Classes, classes
from numcheck.attribute.role import qualified_by, role_of, whole_of
from numcheck.attribute.setting import (
    attached,
    described_noun,
    own_words,
    owner_of,
    period_of,
    place_of,
    source_of,
    time_of,
    dater,
)
from numcheck.attribute.tree import SHARED_SUBJECT, clause_of, entity, event_word, lemma_of, object_of, phrase_of, span_tokens
from numcheck.attribute.ud import as_read
from numcheck.attribute.what import corrected, thing_and_event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class Frame:
    """The slots of one figure; None where the sentence does not say."""

    thing: str | None = None  # the class of what is counted: "people", "ship", "seat"
    event: str | None = None  # the class of what happened to it: "killed", "revenue"
    owner: str | None = None  # whose: a possessor, an "of" phrase, the subject
    place: str | None = None  # a place named in the figure's clause
    time: str | None = None  # the date words of the figure's clause
    period: str | None = None  # a flow's period: "quarter", "year", "day"
    role: str = "level"  # level | change | forecast | share | part | previous | rate | combined
    whole: str | None = None  # for a part: the class of its whole ("people" in "19 of the 44 dead")
    source: str | None = None  # who the figure is attributed to: "police", "ministry"
    how: tuple[tuple[str, str], ...] = field(default=())  # (slot, how it was found)
    # whether the words of characters [a, b) may date it (setting.dater): not "The ferry, built in 1983,"
    dates: Callable[[int, int], bool] | None = field(default=None, compare=False, repr=False)
    measured: str | None = None  # for a duration or quantity: the class of the noun it measures ("a 12-hour shift")
    qualified: bool = False  # for a rate: its noun is narrowed to a part ("the girls' pass rate", "in mathematics")
    narrowed: str | None = None  # for a rate: the words that narrow it, lemmas in order ("girl"; "mathematics")
    argument: bool = False  # what it counts is the subject or object of its event verb; a length, the verb's own
    dimension: str | None = None  # for a quantity: what of its noun it measures, by a word ("long": length), else None
    said_of: bool = False  # for a quantity: its noun is named by its dimension word or its unit ("a 40-metre section")
    condition: str | None = None  # for a count: the condition its event left those it counts in ("seriously injured")
    repeated: bool = False  # for a count: it counts how often its event happened ("capsized three times")


def frame_of(doc: Doc, start: int, end: int, lang: str = "en", kind: str = "count") -> Frame:
    """The frame of the figure of this kind at characters [start, end) of the parsed text `doc`: its
    nouns, then what happened to them, its role and measure, the whole of a part, and its setting (a
    parse in Universal Dependencies is read in the labels these read: attribute/ud.py)."""
    data = classes(lang)
    doc = as_read(doc, lang)
    span = span_tokens(doc, start, end)
    if span is None:
        return Frame()
    tokens, inside, anchor = span
    how: list[tuple[str, str]] = []
    own_unit, raw, noun, changed = _nouns(tokens, inside, anchor, kind, data)
    named = _no_count(doc, tokens, anchor, noun, kind, data)
    if named is not None:
        return named
    thing, event, done, predicate = thing_and_event(anchor, raw, noun, kind, data, how)
    thing, event, noun, total, paid_for = corrected(anchor, noun, predicate, inside, kind, data, thing, event, done, how)
    role, whole_noun = role_of(anchor, noun, predicate, data, raw)
    if changed:
        role, whole_noun = "change", None
    if kind == "money" and role == "change" and names_sum(anchor, predicate, data) and not _added(anchor, data):
        role = "level"  # "cuts $112m from departments": the sum cut, not a change of one; but "cost an extra £2m"
    measure = measure_slots(tokens, inside, own_unit, raw, predicate, kind, data, thing, event, how)
    thing, event, measured, dimension, said_of = measure
    if role == "change" and dimension is not None and measured is not None:
        role = "level"  # "The barge, 52 metres long, sank": its verb changes the barge, not its length
    if kind == "duration" and role == "level" and _to_come(anchor, predicate, data):
        role = "forecast"  # "the work will take 18 months", "is due to start in May and take two years": a plan
    if role != "level":
        how.append(("role", role))
    whole, event = whole_of(whole_noun, predicate, data, event, how)
    owner, place, time, period, source = _setting(anchor, noun, predicate, inside, own_unit, paid_for, kind, data, how)
    argument, owner = _argument(anchor, noun, predicate, own_unit, kind, data, total, done, event, owner, how)
    narrowed = qualified_by(raw, noun, None if changed else predicate, inside, data) if kind == "percent" else None
    qualified = narrowed is not None
    if qualified:
        how.append(
            ("qualified", f"its noun is narrowed to a part: {narrowed!r}" if narrowed else "its noun is narrowed by a pronoun")
        )
    condition, event = _condition(anchor, noun, predicate, kind, data, event, how)
    event = _of_persons(predicate, kind, data, thing, event, how)
    repeated = kind == "count" and repetition(anchor, inside, data)
    if repeated:
        how.append(("thing", f"none: {anchor.head.lower_!r} counts how often its verb happened, as the event's noun would"))
    return Frame(
        thing,
        event,
        owner,
        place,
        time,
        period,
        role,
        whole,
        source,
        tuple(how),
        dater(anchor, noun, predicate or noun or anchor, data.counters, data.date_to_now),
        measured,
        qualified,
        narrowed or None,
        argument,
        dimension,
        said_of,
        condition,
        repeated,
    )


def _of_persons(predicate: Token | None, kind: str, data: Classes, thing: str | None, event: str | None, how: list) -> str | None:
    """The event of a count or a sum, where a class of what happens to persons was read for what is none:
    its verb's own class, as any verb of no class is. A count of other things takes no class that happens
    to persons alone ([frames.persons] only: "a petition carrying 940 signatures" is carried, not aboard;
    a count that names no noun keeps it, "carrying 241"); a sum takes none of those nor of not_sums ("to
    save £40,000 a year" is saved, not rescued)."""
    if predicate is None or kind not in ("count", "money"):
        return event
    if kind == "count" and (event not in data.persons_only or thing is None or data.of_persons(thing)):
        return event
    if kind == "money" and event not in data.persons_only | data.not_sums:
        return event
    said = f"it counts {thing}" if kind == "count" else "a sum is no person's"
    how.append(("event", f"{predicate.lemma_!r}: {event} happens to persons, and {said}"))
    return lemma_of(predicate)


def _to_come(anchor: Token, predicate: Token | None, data: Classes) -> bool:
    """Whether a length of time is what a verb of [frames.roles] taking_time says its subject will take
    ("will take 18 months", "is due to start in May and take two years", "would take"): the verb, or one
    it shares its subject with, is future ([frames.roles] future) or planned ([frames.dates] scheduled)."""
    if predicate is None or anchor.dep_ != "dobj" or anchor.head.i != predicate.i or lemma_of(predicate) not in data.taking_time:
        return False
    verb = predicate
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in data.future for c in verb.children):
            return True
        if lemma_of(verb) in data.date_scheduled:
            return True
        if verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _added(anchor: Token, data: Classes) -> bool:
    """Whether a figure's own words make it an addition ("an extra £2m", "a further £5m": [frames.roles] added_markers)."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in data.added_markers for c in anchor.children)


def _condition(
    anchor: Token, noun: Token | None, predicate: Token | None, kind: str, data: Classes, event: str | None, how: list
) -> tuple[str | None, str | None]:
    """For a count, the condition those it counts are in (attribute/condition.py) and its event: where
    the frame has none, the word the condition narrows gives it ("three of them were critically injured")."""
    found = condition_of(anchor, noun, predicate, event, data) if kind == "count" else None
    if found is None:
        return None, event
    condition, word = found
    how.append(("condition", f"{word.lemma_!r}, {condition}: a subset of those its event happened to"))
    said = event_word(word.head, data)
    if event is None and said in data.condition_events:
        event = said
        how.append(("event", f"{word.head.lemma_!r}, the word its condition narrows"))
    return condition, event


def _nouns(
    tokens: list[Token], inside: set[int], anchor: Token, kind: str, data: Classes
) -> tuple[Token | None, Token | None, Token | None, bool]:
    """The figure's own unit (a duration's or quantity's noun), the noun it hangs on, the noun it counts
    (a container's contents), and whether that noun is a change of what it counts."""
    own_unit = next((t for t in tokens if t.pos_ == "NOUN" and t.is_alpha and len(t) > 2 and not t.like_num), None)
    if kind == "quantity":  # a quantity's unit is its last word, however short ("24m", "44-tonne", "2,500 kg")
        own_unit = next((t for t in reversed(tokens) if t.is_alpha and not t.like_num), own_unit)
        if own_unit is None and len(tokens) == 1 and any(ch.isalpha() for ch in tokens[0].text):
            own_unit = tokens[0]  # "a 7ft-long tapestry": the number and its unit one word
    raw = own_unit if own_unit is not None and kind in UNIT_KINDS else counted_noun(anchor, inside, data)
    beside = anchor.head if kind == "money" and anchor.dep_ == "appos" else None
    if raw is None and beside is not None and is_sum_noun(beside, data):
        raw = beside  # "The bill for the survey, £14,500, was paid": the sum the noun of a sum beside it names
    noun = None if raw is None else contents(raw, data, inside)
    changed = raw is not None and lemma_of(raw) in data.change_nouns and anchor.head.i == raw.i and kind not in UNIT_KINDS
    if changed and raw is not None:  # "a 23% reduction in heart attacks": a change in what follows it
        noun = object_of(raw, ("in", "of"))
    if (
        noun is not None and raw is not None and noun.i != raw.i and noun.i in inside
    ):  # "a peak of $120bn": the figure is what the container holds
        noun = None
    return own_unit, raw, noun, changed


def _no_count(doc: Doc, tokens: list[Token], anchor: Token, noun: Token | None, kind: str, data: Classes) -> Frame | None:
    """The frame of a count that counts nothing (a number that names, a year) or a place's population;
    None for any other figure."""
    if (
        kind == "count"
        and anchor.dep_ == "nummod"
        and anchor.head.i < tokens[0].i
        and anchor.head.pos_ in ("NOUN", "PROPN")
        and anchor.head.lemma_.lower() not in data.measures  # "magnitude 2" measures, "number five" names
    ):
        return Frame(how=(("thing", "none: a number after its noun names it ('at number five', 'Apollo 13')"),))
    if kind == "count" and noun is not None and noun.dep_ == "compound" and noun.tag_ == "NNS" and noun.head.pos_ == "NOUN":
        return Frame(how=(("thing", "none: the figure describes the noun its noun modifies ('the top 40 singles chart')"),))
    if kind == "count" and _set_off(doc, tokens, anchor):
        return Frame(how=(("thing", "none: a bare number set off by commas is an age or a label ('a father of three, 52,')"),))
    if kind == "count" and all(t.ent_type_ == "DATE" for t in tokens) and any(t.shape_ == "dddd" for t in tokens):
        return Frame(how=(("thing", "none: the parse reads the figure as a year ('a plan for 2026', 'his 2001 album')"),))
    if (
        noun is not None and noun.lemma_.lower() in data.populated and anchor.head.i != noun.i and kind == "count"
    ):  # "a city of 90,000": its people; not "14 cities"
        return _populated(noun, anchor, doc, data)
    return None


def _set_off(doc: Doc, tokens: list[Token], anchor: Token) -> bool:
    """Whether a figure is a bare number in apposition, set off by commas ("a father of three, 52,
    died", "Smith, 41, was"): it counts nothing its sentence names."""
    first, last = tokens[0].i, tokens[-1].i
    return (
        anchor.dep_ == "appos"
        and all(t.like_num for t in tokens)
        and first > 0
        and doc[first - 1].text == ","
        and (last + 1 >= len(doc) or doc[last + 1].text in (",", ".", ";", ")"))
    )


def _setting(
    anchor: Token,
    noun: Token | None,
    predicate: Token | None,
    inside: set[int],
    own_unit: Token | None,
    paid_for: Token | None,
    kind: str,
    data: Classes,
    how: list[tuple[str, str]],
) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """The figure's owner, place, time, period and source."""
    clause = clause_of(predicate or noun or anchor)
    owner = owner_of(noun, predicate, anchor) or (described_noun(anchor) if kind == "duration" else None)
    if kind == "quantity" and own_unit is not None and owner in (own_unit.lower_, lemma_of(own_unit)):
        owner = None  # "the 2,500 kg satellite": a unit is no one's
    if paid_for is not None:  # "Hestia put the cost of the recall at", "the recall would cost": what for, before who says
        owner = lemma_of(paid_for) if paid_for.pos_ == "NOUN" else phrase_of(paid_for)
        how.append(("owner", f"{owner}, what the sum is paid for or who is owed it"))
    place = place_of(clause, own_words(anchor, noun), inside)
    time = time_of(clause, inside)
    near = [t for t in attached(noun, predicate) if t.i not in inside and t.head.i not in inside]
    own = [
        t for i in sorted(inside) for c in anchor.doc[i].children if c.i not in inside and c.dep_ in _RATE_DEPS for t in c.subtree
    ]
    period = (
        period_of(own, data)  # "6,000 tonnes a year", "£600 a year": the figure's own rate
        or period_of([t for t in near if _near(t, anchor, noun, predicate)], data)
        or period_of(
            [t for verb in _own_clauses(anchor, noun) for t in attached(None, verb) if _near(t, anchor, None, verb)], data
        )
    )
    source = source_of(anchor, data)
    for slot, value in (("owner", owner), ("place", place), ("time", time), ("period", period), ("source", source)):
        if value:
            how.append((slot, value))
    return owner, place, time, period, source


#: How a figure standing for its noun hangs on its verb as its subject or object ("four of them fled").
_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")


def _argument(
    anchor: Token,
    noun: Token | None,
    predicate: Token | None,
    own_unit: Token | None,
    kind: str,
    data: Classes,
    total: tuple[Token, Token | None] | None,
    done: Token | None,
    event: str | None,
    owner: str | None,
    how: list[tuple[str, str]],
) -> tuple[bool, str | None]:
    """Whether what the figure counts is an argument of its event verb, and its owner, given by the
    subject of a verb of no class where it has none."""
    length = kind in UNIT_KINDS and own_unit is not None
    target = own_unit if length and own_unit is not None else noun or anchor
    if kind == "count" and predicate is not None and anchor.head.i == predicate.i and anchor.dep_ in _ARGUMENT_DEPS:
        target = anchor  # "two of the ponies were caught", "eight of whom fled": the part is the verb's own argument
    if total is not None:
        argument = True  # the total counts what its clause's verb happened to, as that clause's own figure does
    elif done is not None:
        argument = not other_figure(done, anchor, None)
    else:
        argument = is_argument(target, predicate, length, data) and not other_figure(predicate, anchor, target)
    if owner is None and argument and predicate is not None and event not in data.events.values():
        subject = next(
            (
                c
                for c in predicate.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.i != anchor.i and (noun is None or c.i != noun.i)
            ),
            None,
        )
        if subject is not None:  # "the defence asked for", "engineers worked for": whose a verb of no class is
            owner = lemma_of(subject)
            how.append(("owner", f"{owner}, the subject of a verb of no class"))
    return argument, owner


def _populated(place: Token, anchor: Token, doc: Doc, data: Classes) -> Frame:
    """A place's figure ("a city of 90,000", "a town of 5,000 people") is its population."""
    name = next((t for t in place.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")), None)
    if name is None and place.dep_ == "appos":
        name = place.head
    where = entity(name) if name is not None else None
    how = (("thing", f"{data.persons}, as {place.lemma_!r} of a figure counts its people"),)
    return Frame(data.persons, data.populated_event, None, where, None, None, "level", None, None, how)


def word_of(f: Frame, slot: str, first: bool = False) -> str | None:
    """The word (lemma) a slot of the frame was read from ("vessel" for the thing "ship"), or None
    when the slot was given by another (people, as "killed" counts people); `first`: the word it
    was first read from (the counted noun "body", before "killed" made the thing people)."""
    found = None
    for name, how in f.how:
        if name == slot:
            found = how.split("'")[1] if how.startswith("'") and how.count("'") >= 2 else None
            if first and found is not None:
                break
    return found


#: How a rate's phrase hangs on the figure's own words ("6,000 tonnes a year", "£5 per week").
_RATE_DEPS = ("npadvmod", "prep")


def _near(t: Token, anchor: Token, noun: Token | None, predicate: Token | None) -> bool:
    """Whether a word attached to the figure stands near enough to give its period: in the figure's
    own phrase or its noun's ("5% in the third quarter", "profits for the year"), or the head of a
    phrase on the verb or the word it governs ("in the three months", "per day", "a day"); not a word
    deeper in such a phrase ("voted 8-3 after a meeting of three hours": the meeting's length)."""
    ancestors = {a.i for a in t.ancestors} | {t.i}
    if predicate is None or anchor.i in ancestors or noun is not None and noun.i in ancestors:
        return True
    steps = 0
    while t.head.i != t.i and t.head.i != predicate.i:
        t, steps = t.head, steps + 1
    return steps <= 1


def _own_clauses(anchor: Token, noun: Token | None) -> list[Token]:
    """The verbs of the clauses that describe the figure or its noun ("the $1.31bn the group reported
    in the final quarter"): what they say of its period is the figure's."""
    return [
        c
        for head in (anchor, noun)
        if head is not None
        for c in head.children
        if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")
    ]
