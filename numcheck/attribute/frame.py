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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from numcheck.attribute.amount import amount_of
from numcheck.attribute.counted import contents, counted_noun, describes, dimension_of, measured_by
from numcheck.attribute.event import (
    complement_event,
    done_by,
    hands_over,
    holds_figure,
    is_argument,
    nominal_of,
    other_figure,
    own_event,
    reported_in,
    says_little,
    state_of,
    totalled,
    whole_event_of,
    DONE,
    TOTALLED,
)
from numcheck.attribute.framedata import Classes, classes, is_lemma
from numcheck.attribute.role import qualified_by, role_of
from numcheck.attribute.setting import (
    attached,
    dates_elsewhere,
    described_noun,
    own_words,
    owner_of,
    period_of,
    place_of,
    source_of,
    time_of,
)
from numcheck.attribute.tree import (
    class_of,
    clause_of,
    doc_index,
    entity,
    event_word,
    lemma_of,
    object_of,
    phrase_event,
    phrase_of,
    predicate_of,
    span_tokens,
)
from numcheck.attribute.ud import as_read

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_UNIT_KINDS = ("duration", "quantity")  # kinds whose own noun is their unit: "12 years", "40 km"


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
    elsewhere: tuple[tuple[int, int], ...] = ()  # spans of dates that do not date it: "The ferry, built in 1983,"
    measured: str | None = None  # for a duration or quantity: the class of the noun it measures ("a 12-hour shift")
    qualified: bool = False  # for a rate: its noun is narrowed to a part ("the girls' pass rate", "in mathematics")
    narrowed: str | None = None  # for a rate: the words that narrow it, lemmas in order ("girl"; "mathematics")
    argument: bool = False  # what it counts is the subject or object of its event verb; a length, the verb's own
    dimension: str | None = None  # for a quantity: what of its noun it measures, by a word ("long": length), else None
    said_of: bool = False  # for a quantity: its noun is named by its dimension word or its unit ("a 40-metre section")


def frame_of(doc: Doc, start: int, end: int, lang: str = "en", kind: str = "count") -> Frame:
    """The frame of the figure of this kind at characters [start, end) of the parsed text `doc` (a
    parse in Universal Dependencies read in the labels this module reads: attribute/ud.py)."""
    data = classes(lang)
    doc = as_read(doc, lang)
    span = span_tokens(doc, start, end)
    if span is None:
        return Frame()
    tokens, inside, anchor = span
    how: list[tuple[str, str]] = []
    own_unit = next((t for t in tokens if t.pos_ == "NOUN" and t.is_alpha and len(t) > 2 and not t.like_num), None)
    if kind == "quantity":  # a quantity's unit is its last word, however short ("24m", "44-tonne", "2,500 kg")
        own_unit = next((t for t in reversed(tokens) if t.is_alpha and not t.like_num), own_unit)
    raw = own_unit if own_unit is not None and kind in _UNIT_KINDS else counted_noun(anchor, inside, data)
    noun = None if raw is None else contents(raw, data, inside)
    changed = raw is not None and lemma_of(raw) in data.change_nouns and anchor.head.i == raw.i and kind not in _UNIT_KINDS
    if changed and raw is not None:  # "a 23% reduction in heart attacks": a change in what follows it
        noun = object_of(raw, ("in", "of"))
    if (
        noun is not None and raw is not None and noun.i != raw.i and noun.i in inside
    ):  # "a peak of $120bn": the figure is what the container holds
        noun = None
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
    if kind == "count" and all(t.ent_type_ == "DATE" for t in tokens) and any(t.shape_ == "dddd" for t in tokens):
        return Frame(how=(("thing", "none: the parse reads the figure as a year ('a plan for 2026', 'his 2001 album')"),))
    if (
        noun is not None and noun.lemma_.lower() in data.populated and anchor.head.i != noun.i and kind == "count"
    ):  # "a city of 90,000": its people; not "14 cities"
        return _populated(noun, anchor, doc, data)
    thing = event = None
    done: Token | None = None  # the clause about the counted noun its event is read from, if any
    if noun is not None:
        thing = class_of(noun, data.things)
        counter = raw is not None and raw.i != noun.i and lemma_of(raw) in data.counters
        dep = f"the {raw.lemma_} of it" if counter and raw is not None else anchor.dep_  # "the number of households reached"
        how.append(("thing", f"{noun.lemma_!r}, the noun the figure counts ({dep})"))
        if kind == "count" and raw is not None and raw.i == noun.i and lemma_of(noun) in data.counters:
            thing = None  # "bringing to 28 the number freed", "her final tally was 31,363": a total of what, unsaid
            how.append(("thing", f"none: a {noun.lemma_} that names no noun it is the number of"))
        noun_event = event_word(noun, data)
        if noun_event is not None:
            event = noun_event
            how.append(("event", f"{noun.lemma_!r}, an event noun"))
    predicate = predicate_of(noun if noun is not None else anchor)
    own = own_event(anchor, noun, data)  # "one dead", "One killed", "15 hurt", "1 fatally": the figure's own words
    nominal = nominal_of(noun, data) if noun is not None and own is None else None
    if own is not None:
        event = event_word(own, data)
        how.append(("event", f"{own.lemma_!r}, a word that describes the figure"))
    elif nominal is not None:  # "ordered the evacuation of 300 residents": the event noun governs them, not the verb
        event = event_word(nominal, data)
        how.append(("event", f"{nominal.lemma_!r}, the event noun the counted noun is the object of"))
    elif predicate is not None:  # a verb of a known class says what happened, before any noun does
        objects = ("acomp", "oprd", "xcomp") if event is not None else ("acomp", "oprd", "xcomp", "dobj")
        complement = None  # "were confirmed dead"; "lost their lives" when the noun names no event; not "cut free", one phrase
        if not phrase_event(predicate, data):
            complement = next(
                (c for c in predicate.children if c.dep_ in objects and event_word(c, data) and hands_over(predicate, c, data)),
                None,
            )
        verb_event = event_word(complement, data) if complement is not None else event_word(predicate, data)
        if verb_event is not None and event is not None and complement is None and verb_event in data.money_verbs:
            pass  # "paid a fine of €450,000": the noun says what the money was, the verb only that it moved
        elif verb_event is not None:
            event = verb_event
            how.append(("event", f"{(complement or predicate).lemma_!r}, the verb that governs it"))
        elif event is None:
            done = done_by(noun, data) if noun is not None and says_little(lemma_of(predicate), data) else None
            if done is not None:  # "the number of people waiting ... rose to 7.42 million": they wait
                event = event_word(done, data) or lemma_of(done)
                how.append(("event", f"{done.lemma_!r}, {DONE}"))
            else:
                event = predicate.lemma_.lower()
                how.append(("event", f"{predicate.lemma_!r}, the verb that governs it"))
    if event is None and predicate is None:  # "15 games are available": the adjective says what is true of them
        subject = noun if noun is not None and noun.dep_ in ("nsubj", "nsubjpass") else anchor
        state = (
            next((c for c in subject.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
            if subject.dep_ in ("nsubj", "nsubjpass") and is_lemma(subject.head, "be")
            else None
        )
        if state is not None:
            event = event_word(state, data) or state.lemma_.lower()
            how.append(("event", f"{state.lemma_!r}, what the figure's subject is said to be"))
    if event is None and noun is not None:
        for child in noun.children:  # "the 44 dead": an adjective that names the event
            word = event_word(child, data)
            if word:
                event = word
                how.append(("event", f"{child.lemma_!r}, a word that describes the counted noun"))
                break
    if kind == "count" and noun is not None and (thing == data.persons or data.subsets.get(thing or "") == data.persons):
        state = state_of(noun, predicate or (noun.head if is_lemma(noun.head, "be") else None), event, data)
        if state is not None:  # "the 2,300 workers on strike", "210 officers remain on the search"
            event = event_word(state, data) or data.events[f"{state.head.lower_} {lemma_of(state)}"]
            how.append(("event", f"{state.lemma_!r}, the state its prepositional phrase puts the counted persons in"))
    total = totalled(anchor, data) if kind == "count" else None
    if total is not None:  # "A further 17 crew fell ill, bringing the total to 58": 58 fell ill
        clause, counted = total
        if done is None:  # not "bringing to 27 the number transferred": the counter's own clause says what
            event = event_word(clause, data) or complement_event(clause, data) or lemma_of(clause)
            how.append(("event", f"{clause.lemma_!r}, {TOTALLED}"))
        if thing is None and counted is not None and event not in data.counts_persons:  # else people, as it counts them
            noun = contents(counted, data)
            thing = class_of(noun, data.things)
            how = [h for h in how if h[0] != "thing"]  # the counter's "names no noun" gives way to the clause's noun
            how.append(("thing", f"{noun.lemma_!r}, the noun the clause's own figure counts (total)"))
    paid_for: Token | None = None  # for a sum: what it is of ("the cost of the recall", "repairs would cost", "X is owed")
    if kind == "money":
        thing, paid_for = amount_of(anchor, noun, predicate, inside, data, thing, how)
    reported = reported_in(noun) if noun is not None and event is not None and event == event_word(noun, data) else None
    if reported is not None:  # "In 23 cases, customers reported smoke damage": cases of damage
        event = reported.lemma_.lower()
        how.append(("event", f"{reported.lemma_!r}, what the clause says happened in them"))
    if kind == "percent" and predicate is not None and holds_figure(predicate, anchor, noun):
        event = None  # "16% of women earn more than £50,000": the share is of those past a threshold, not of earners
        how.append(("event", f"none: {predicate.lemma_!r} holds a figure of its own"))
    if event in data.counts_persons and (thing is None or (noun is not None and event_word(noun, data) == event)):
        thing = data.persons  # "killed 213", "a toll of 44": those killed are people
        how.append(("thing", f"{data.persons}, as {event} counts them"))
    held = data.held.get(event or "")
    if (
        held is not None
        and thing is not None
        and (thing == data.persons or data.subsets.get(thing) == data.persons)
        and predicate is not None
        and any(c.dep_ == "dobj" and class_of(c, data.things) == held for c in predicate.children)
    ):  # the sentence names the thing they lose ("lose their jobs"); not "job cuts amount to 12% of 15,000 employees"
        thing = held  # "1,100 workers will lose their jobs": as many jobs are cut as persons lose one
        how.append(("thing", f"{held}, what each of the persons {event} loses"))
    role, whole_noun = role_of(anchor, noun, predicate, data, raw)
    if changed:
        role, whole_noun = "change", None
    measured = dimension = None
    if kind == "quantity" and own_unit is not None:
        of_noun, dimension = dimension_of(own_unit, tokens[0], inside, data)
        if dimension is not None:  # "a hall 24 metres long": the hall's length, whatever was done to it
            measured = class_of(of_noun, data.things) if of_noun is not None else None
            how.append(("dimension", f"{dimension}, by the word said of what the quantity measures"))
    if kind in _UNIT_KINDS and own_unit is not None and dimension is None:
        measured, found = measured_by(own_unit, inside, predicate, data)
        if found is not None and (event is None or event not in data.timed_events):
            event = event_word(found, data)
            how.append(("event", f"{found.lemma_!r}, where the {kind} was spent"))
    said_of = kind == "quantity" and measured is not None and (dimension is not None or describes(own_unit, inside))
    if role == "change" and dimension is not None and measured is not None:
        role = "level"  # "The barge, 52 metres long, sank": its verb changes the barge, not its length
    if kind in _UNIT_KINDS and own_unit is not None and measured is not None:
        how.append(("measured", f"{measured!r}, what the {kind} measures"))
    if kind == "quantity" and own_unit is not None and raw is not None and raw.i == own_unit.i:
        thing = measured  # a unit is never what a quantity measures: the noun its dimension is said of is
        how.append(("thing", f"{measured!r}, what the quantity measures" if measured else "none: the unit names no thing"))
    whole = None
    if role != "level":
        how.append(("role", role))
    if whole_noun is not None:
        whole = class_of(whole_noun, data.things) if whole_noun.pos_ in ("NOUN", "PROPN", "ADJ") else None
        whole_event = whole_event_of(whole_noun, data)
        if whole_event is not None and (
            event is None
            or predicate is not None
            and event == predicate.lemma_.lower()
            and lemma_of(predicate) in data.part_markers
        ):
            event = whole_event  # "Of the 44 dead, 19 were children": the 19 died too; "arrested 14, including nine"
            how.append(("event", f"{whole_event}, what happened to the whole ({whole_noun.lemma_!r})"))
        if whole is not None:
            how.append(("whole", f"{whole_noun.lemma_!r}, the set the figure is a part of"))
    clause = clause_of(predicate or noun or anchor)
    owner = owner_of(noun, predicate, anchor) or (described_noun(anchor) if kind == "duration" else None)
    if kind == "quantity" and own_unit is not None and owner in (own_unit.lower_, lemma_of(own_unit)):
        owner = None  # "the 2,500 kg satellite": a unit is no one's
    if paid_for is not None:  # "Hestia put the cost of the recall at", "the recall would cost": what for, before who says
        owner = lemma_of(paid_for) if paid_for.pos_ == "NOUN" else phrase_of(paid_for)
        how.append(("owner", f"{owner}, what the sum is paid for or who is owed it"))
    place = place_of(clause, own_words(anchor, noun), inside)
    time = time_of(clause, inside)
    period = period_of([t for t in attached(noun, predicate) if t.i not in inside and t.head.i not in inside], data)
    source = source_of(anchor, data)
    for slot, value in (("owner", owner), ("place", place), ("time", time), ("period", period), ("source", source)):
        if value:
            how.append((slot, value))
    length = kind in _UNIT_KINDS and own_unit is not None
    target = own_unit if length and own_unit is not None else noun or anchor
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
    narrowed = qualified_by(raw, noun, None if changed else predicate, inside, data) if kind == "percent" else None
    qualified = narrowed is not None
    if qualified:
        how.append(
            ("qualified", f"its noun is narrowed to a part: {narrowed!r}" if narrowed else "its noun is narrowed by a pronoun")
        )
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
        dates_elsewhere(doc_index(doc), anchor),
        measured,
        qualified,
        narrowed or None,
        argument,
        dimension,
        said_of,
    )


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
