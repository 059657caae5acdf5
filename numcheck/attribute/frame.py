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

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.extract import language, units

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NOUNISH = ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X", "SYM")
_CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")
#: How a date describes a noun rather than its clause: in a clause about it, or as its possessor.
_DESCRIBING = ("relcl", "acl", "poss")
_UNIT_KINDS = ("duration", "quantity")  # kinds whose own noun is their unit: "12 years", "40 km"
_UNITS = frozenset(units.WORDS.values())  # units as the lemma of their noun: "year", "hour", "kilometre"
_DONE = "the clause that says what the counted noun does"
#: Words that narrow a noun to one of its kind: "the seventh round", "national mourning", "its own".
_NARROWED = ("det", "poss", "amod", "nmod", "prep", "relcl", "acl")
#: How a sum hangs on the verb that takes it: "was fined £3m", "would cost £4m", "paid £12m".
_TAKEN = ("dobj", "npadvmod", "oprd", "attr", "nsubjpass", "dative")  # how an event is read from a clause about the noun


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


@dataclass(frozen=True, slots=True)
class Classes:
    """A language's frame data: word -> class, subsets, periods and role words."""

    events: dict[str, str]
    things: dict[str, str]
    subsets: dict[str, str]
    periods: dict[str, str]
    change_verbs: frozenset[str]
    change_markers: frozenset[str]
    forecast: frozenset[str]
    part_markers: frozenset[str]
    source_verbs: frozenset[str]
    containers: frozenset[str] = frozenset()  # nouns that hold a count: "number", "total", "forecast"
    level_verbs: frozenset[str] = frozenset()  # verbs whose object is their subject's level: "reach", "total"
    added_markers: frozenset[str] = frozenset()  # words before a figure that make it an addition: "another"
    measures: frozenset[str] = frozenset()  # nouns that measure another noun: "magnitude", "depth"
    populated: frozenset[str] = frozenset()  # places whose figure is their population: "a city of 90,000"
    rate_markers: frozenset[str] = frozenset()  # prepositions that make a figure a rate: "per film"
    rate_determiners: frozenset[str] = frozenset()  # "20 a day", "$38.50 a share"
    distributive: frozenset[str] = frozenset()  # a subject's determiners that make a figure a rate: "each line has 1,920"
    fractions: frozenset[str] = frozenset()  # nouns that take a share of a figure: "a quarter of a million jobs"
    change_nouns: frozenset[str] = frozenset()  # nouns a figure is the size of a change of: "a 23% reduction in ..."
    spans: frozenset[str] = frozenset()  # nouns that hold a length of time and say nothing of what: "a period of"
    timed_events: frozenset[str] = frozenset()  # events whose length a duration gives: "74 days undetected"
    narrowing: frozenset[str] = frozenset()  # prepositions that narrow a rate to a part: "the pass rate in maths"
    spent_in: frozenset[str] = frozenset()  # prepositions of the state a time was spent in: "41 days in captivity"
    persons: str = "people"  # the class of persons (its subsets are persons too)
    counts_persons: frozenset[str] = frozenset()  # events whose count with no noun counts persons: "killed 213"
    person_events: frozenset[str] = frozenset()  # events that happen to persons (what a count of persons measures)
    populated_event: str = "live"  # the event of a place's population: "a city of 90,000"
    combined: frozenset[str] = frozenset()  # words that make a figure the sum of its subjects': "together"
    light_verbs: frozenset[str] = frozenset()  # verbs that say too little to be an event of their own: "have", "take"
    for_objects: frozenset[str] = frozenset()  # verbs whose "for" phrase is what they want, not how long: "asked for"
    date_points: frozenset[str] = frozenset()  # prepositions that put a date at its event's time: "on 3 March"
    date_recurring: frozenset[str] = frozenset()  # words that make an event recur: "every year", "weekly"
    date_scheduled: frozenset[str] = frozenset()  # words that make an event a plan: "due to open", "the planned opening"
    instances: dict[str, str] = field(default_factory=dict)  # words that say which instance: "earlier" -> previous
    costing: frozenset[str] = frozenset()  # verbs whose subject their sum is of: "repairs would cost £1.8m", "the bank is owed"
    counters: frozenset[str] = frozenset()  # containers a figure is the number of whose contents: "the number of households"
    amounts: dict[str, str] = field(default_factory=dict)  # money nouns -> class: "penalty" is a fine
    amount_verbs: dict[str, str] = field(default_factory=dict)  # "fine", "cost", "sign for" -> the class of their sum
    phrases: frozenset[str] = frozenset()  # the first and last words of the event classes' entries of several words
    held: dict[str, str] = field(default_factory=dict)  # event -> the thing each person it happens to counts as: cut -> job
    money_verbs: frozenset[str] = frozenset()  # events that say money moved, not what it was: "paid a fine"
    totalling: frozenset[str] = frozenset()  # verbs that carry a running total to a figure: "bringing the total to 58"
    dimensions: dict[str, str] = field(default_factory=dict)  # "long", "length" -> length; "tall" -> height


@lru_cache(maxsize=None)
def classes(lang: str) -> Classes:
    """The frame data of a language ([frames] in numcheck/lang/<code>.toml; English's where it has none)."""
    data = language.data(lang).get("frames") if lang in language.codes() else None
    data = data or language.data(language.ENGLISH)["frames"]

    def index(table: dict[str, list[str]]) -> dict[str, str]:
        return {w.lower(): k for k, words in table.items() for w in words}

    roles, dates = data.get("roles", {}), data.get("dates", {})
    return Classes(
        index(data.get("events", {})),
        index(data.get("things", {})),
        dict(data.get("subsets", {})),
        index(data.get("periods", {})),
        frozenset(roles.get("change_verbs", ())),
        frozenset(roles.get("change_markers", ())),
        frozenset(roles.get("forecast_words", ())),
        frozenset(roles.get("part_markers", ())),
        frozenset(roles.get("source_verbs", ())),
        frozenset(roles.get("containers", ())),
        frozenset(roles.get("level_verbs", ())),
        frozenset(roles.get("added_markers", ())),
        frozenset(roles.get("measure_nouns", ())),
        frozenset(roles.get("populated", ())),
        frozenset(roles.get("rate_markers", ())),
        frozenset(roles.get("rate_determiners", ())),
        frozenset(roles.get("distributive", ())),
        frozenset(roles.get("fractions", ())),
        frozenset(roles.get("change_nouns", ())),
        frozenset(roles.get("spans", ())),
        frozenset(roles.get("timed_events", ())),
        frozenset(roles.get("narrowing", ())),
        frozenset(roles.get("spent_in", ())),
        str(data.get("persons", {}).get("class", "people")),
        frozenset(data.get("persons", {}).get("counted_by", ())),
        frozenset(data.get("persons", {}).get("events", ())),
        str(data.get("persons", {}).get("populated_event", "live")),
        frozenset(roles.get("combined", ())),
        frozenset(roles.get("light_verbs", ())),
        frozenset(roles.get("for_objects", ())),
        frozenset(dates.get("points", ())),
        frozenset(dates.get("recurring", ())),
        frozenset(dates.get("scheduled", ())),
        index(dates.get("instances", {})),
        frozenset(roles.get("costing", ())),
        frozenset(roles.get("counters", ())),
        index(data.get("amounts", {})),
        index(data.get("amount_verbs", {})),
        frozenset(w for entry in index(data.get("events", {})) if " " in entry for w in (entry.split()[0], entry.split()[-1])),
        dict(data.get("persons", {}).get("held", {})),
        frozenset(roles.get("money_verbs", ())),
        frozenset(roles.get("totalling", ())),
        index(data.get("dimensions", {})),
    )


@lru_cache(maxsize=None)
def amount_classes(lang: str) -> frozenset[str]:
    """The classes of sums of a language's frame data ([frames.amounts], [frames.amount_verbs])."""
    data = classes(lang)
    return frozenset((*data.amounts.values(), *data.amount_verbs.values()))


@dataclass(frozen=True, slots=True)
class _DocIndex:
    """What every figure of a parsed sentence looks up, read once a sentence (not once a figure)."""

    starts: tuple[int, ...]  # each token's first character
    ends: tuple[int, ...]  # each token's end
    described: tuple[tuple[tuple[int, int], int, int], ...]  # (a date's span, its relative clause, the noun it describes)
    clauses: dict[int, list[Token]] = field(default_factory=dict)  # a clause head -> its clause (`_clause`), as asked


#: The key of a parsed sentence's `_DocIndex` in its user data.
_INDEX = "numcheck.frame.index"


def _index(doc: Doc) -> _DocIndex:
    """The sentence's index, made on its first figure's call and kept with the parse."""
    found = doc.user_data.get(_INDEX)
    if isinstance(found, _DocIndex):
        return found
    described = []
    for t in doc:  # each date in a clause that describes a noun ("The ferry, built in 1983,"), or whose it is
        if t.ent_type_ != "DATE":  # ("less than half last year's figure": that year's figure, not this one)
            continue
        node = t
        while node.head.i != node.i and node.dep_ not in _DESCRIBING:
            node = node.head
        if node.dep_ in _DESCRIBING and node.head.pos_ in ("NOUN", "PROPN"):
            described.append(((t.idx, t.idx + len(t)), node.i, node.head.i))
    found = _DocIndex(tuple(t.idx for t in doc), tuple(t.idx + len(t) for t in doc), tuple(described))
    doc.user_data[_INDEX] = found
    return found


def span_tokens(doc: Doc, start: int, end: int) -> tuple[list[Token], set[int], Token] | None:
    """The tokens of characters [start, end) of the parsed text `doc`, their indexes, and the one
    that hangs on a word outside them (the figure's anchor in the sentence); None for no token."""
    index = _index(doc)
    first = bisect.bisect_right(index.ends, start)  # the first token that ends after the figure starts
    tokens = [doc[i] for i in range(first, bisect.bisect_left(index.starts, end, lo=first))]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    return tokens, inside, next((t for t in reversed(tokens) if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def frame_of(doc: Doc, start: int, end: int, lang: str = "en", kind: str = "count") -> Frame:
    """The frame of the figure of this kind at characters [start, end) of the parsed text `doc`."""
    data = classes(lang)
    span = span_tokens(doc, start, end)
    if span is None:
        return Frame()
    tokens, inside, anchor = span
    how: list[tuple[str, str]] = []
    own_unit = next((t for t in tokens if t.pos_ == "NOUN" and t.is_alpha and len(t) > 2 and not t.like_num), None)
    if kind == "quantity":  # a quantity's unit is its last word, however short ("24m", "44-tonne", "2,500 kg")
        own_unit = next((t for t in reversed(tokens) if t.is_alpha and not t.like_num), own_unit)
    raw = own_unit if own_unit is not None and kind in _UNIT_KINDS else _counted(anchor, inside, data)
    noun = None if raw is None else _contents(raw, data, inside)
    changed = raw is not None and _lemma(raw) in data.change_nouns and anchor.head.i == raw.i and kind not in _UNIT_KINDS
    if changed and raw is not None:  # "a 23% reduction in heart attacks": a change in what follows it
        noun = _object(raw, ("in", "of"))
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
        thing = _class(noun, data.things)
        counter = raw is not None and raw.i != noun.i and _lemma(raw) in data.counters
        dep = f"the {raw.lemma_} of it" if counter and raw is not None else anchor.dep_  # "the number of households reached"
        how.append(("thing", f"{noun.lemma_!r}, the noun the figure counts ({dep})"))
        if kind == "count" and raw is not None and raw.i == noun.i and _lemma(noun) in data.counters:
            thing = None  # "bringing to 28 the number freed", "her final tally was 31,363": a total of what, unsaid
            how.append(("thing", f"none: a {noun.lemma_} that names no noun it is the number of"))
        noun_event = _event_word(noun, data)
        if noun_event is not None:
            event = noun_event
            how.append(("event", f"{noun.lemma_!r}, an event noun"))
    predicate = _predicate(noun if noun is not None else anchor)
    own = _own_event(anchor, noun, data)  # "one dead", "One killed", "15 hurt", "1 fatally": the figure's own words
    nominal = _nominal(noun, data) if noun is not None and own is None else None
    if own is not None:
        event = _event_word(own, data)
        how.append(("event", f"{own.lemma_!r}, a word that describes the figure"))
    elif nominal is not None:  # "ordered the evacuation of 300 residents": the event noun governs them, not the verb
        event = _event_word(nominal, data)
        how.append(("event", f"{nominal.lemma_!r}, the event noun the counted noun is the object of"))
    elif predicate is not None:  # a verb of a known class says what happened, before any noun does
        objects = ("acomp", "oprd", "xcomp") if event is not None else ("acomp", "oprd", "xcomp", "dobj")
        complement = None  # "were confirmed dead"; "lost their lives" when the noun names no event; not "cut free", one phrase
        if not _phrase_event(predicate, data):
            complement = next(
                (c for c in predicate.children if c.dep_ in objects and _event_word(c, data) and _hands_over(predicate, c, data)),
                None,
            )
        verb_event = _event_word(complement, data) if complement is not None else _event_word(predicate, data)
        if verb_event is not None and event is not None and complement is None and verb_event in data.money_verbs:
            pass  # "paid a fine of €450,000": the noun says what the money was, the verb only that it moved
        elif verb_event is not None:
            event = verb_event
            how.append(("event", f"{(complement or predicate).lemma_!r}, the verb that governs it"))
        elif event is None:
            done = _done(noun, data) if noun is not None and says_little(_lemma(predicate), data) else None
            if done is not None:  # "the number of people waiting ... rose to 7.42 million": they wait
                event = _event_word(done, data) or _lemma(done)
                how.append(("event", f"{done.lemma_!r}, {_DONE}"))
            else:
                event = predicate.lemma_.lower()
                how.append(("event", f"{predicate.lemma_!r}, the verb that governs it"))
    if event is None and predicate is None:  # "15 games are available": the adjective says what is true of them
        subject = noun if noun is not None and noun.dep_ in ("nsubj", "nsubjpass") else anchor
        state = (
            next((c for c in subject.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lemma_ == "be"
            else None
        )
        if state is not None:
            event = _event_word(state, data) or state.lemma_.lower()
            how.append(("event", f"{state.lemma_!r}, what the figure's subject is said to be"))
    if event is None and noun is not None:
        for child in noun.children:  # "the 44 dead": an adjective that names the event
            word = _event_word(child, data)
            if word:
                event = word
                how.append(("event", f"{child.lemma_!r}, a word that describes the counted noun"))
                break
    if kind == "count" and noun is not None and (thing == data.persons or data.subsets.get(thing or "") == data.persons):
        state = _state(noun, predicate or (noun.head if noun.head.lemma_ == "be" else None), event, data)
        if state is not None:  # "the 2,300 workers on strike", "210 officers remain on the search"
            event = _event_word(state, data) or data.events[f"{state.head.lower_} {_lemma(state)}"]
            how.append(("event", f"{state.lemma_!r}, the state its prepositional phrase puts the counted persons in"))
    total = _totalled(anchor, data) if kind == "count" else None
    if total is not None:  # "A further 17 crew fell ill, bringing the total to 58": 58 fell ill
        clause, counted = total
        if done is None:  # not "bringing to 27 the number transferred": the counter's own clause says what
            event = _event_word(clause, data) or _complement_event(clause, data) or _lemma(clause)
            how.append(("event", f"{clause.lemma_!r}, {_TOTALLED}"))
        if thing is None and counted is not None and event not in data.counts_persons:  # else people, as it counts them
            noun = _contents(counted, data)
            thing = _class(noun, data.things)
            how = [h for h in how if h[0] != "thing"]  # the counter's "names no noun" gives way to the clause's noun
            how.append(("thing", f"{noun.lemma_!r}, the noun the clause's own figure counts (total)"))
    paid_for: Token | None = None  # for a sum: what it is of ("the cost of the recall", "repairs would cost", "X is owed")
    if kind == "money":
        thing, paid_for = _amount(anchor, noun, predicate, inside, data, thing, how)
    reported = _reported(noun) if noun is not None and event is not None and event == _event_word(noun, data) else None
    if reported is not None:  # "In 23 cases, customers reported smoke damage": cases of damage
        event = reported.lemma_.lower()
        how.append(("event", f"{reported.lemma_!r}, what the clause says happened in them"))
    if kind == "percent" and predicate is not None and _holds_figure(predicate, anchor, noun):
        event = None  # "16% of women earn more than £50,000": the share is of those past a threshold, not of earners
        how.append(("event", f"none: {predicate.lemma_!r} holds a figure of its own"))
    if event in data.counts_persons and (thing is None or (noun is not None and _event_word(noun, data) == event)):
        thing = data.persons  # "killed 213", "a toll of 44": those killed are people
        how.append(("thing", f"{data.persons}, as {event} counts them"))
    held = data.held.get(event or "")
    if (
        held is not None
        and thing is not None
        and (thing == data.persons or data.subsets.get(thing) == data.persons)
        and predicate is not None
        and any(c.dep_ == "dobj" and _class(c, data.things) == held for c in predicate.children)
    ):  # the sentence names the thing they lose ("lose their jobs"); not "job cuts amount to 12% of 15,000 employees"
        thing = held  # "1,100 workers will lose their jobs": as many jobs are cut as persons lose one
        how.append(("thing", f"{held}, what each of the persons {event} loses"))
    role, whole_noun = _role(anchor, noun, predicate, data, raw)
    if changed:
        role, whole_noun = "change", None
    measured = dimension = None
    if kind == "quantity" and own_unit is not None:
        of_noun, dimension = _dimension(own_unit, tokens[0], inside, data)
        if dimension is not None:  # "a hall 24 metres long": the hall's length, whatever was done to it
            measured = _class(of_noun, data.things) if of_noun is not None else None
            how.append(("dimension", f"{dimension}, by the word said of what the quantity measures"))
    if kind in _UNIT_KINDS and own_unit is not None and dimension is None:
        measured, found = _measured(own_unit, inside, predicate, data)
        if found is not None and (event is None or event not in data.timed_events):
            event = _event_word(found, data)
            how.append(("event", f"{found.lemma_!r}, where the {kind} was spent"))
    said_of = kind == "quantity" and measured is not None and (dimension is not None or _describes(own_unit, inside))
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
        whole = _class(whole_noun, data.things) if whole_noun.pos_ in ("NOUN", "PROPN", "ADJ") else None
        whole_event = _whole_event(whole_noun, data)
        if whole_event is not None and (
            event is None
            or predicate is not None
            and event == predicate.lemma_.lower()
            and _lemma(predicate) in data.part_markers
        ):
            event = whole_event  # "Of the 44 dead, 19 were children": the 19 died too; "arrested 14, including nine"
            how.append(("event", f"{whole_event}, what happened to the whole ({whole_noun.lemma_!r})"))
        if whole is not None:
            how.append(("whole", f"{whole_noun.lemma_!r}, the set the figure is a part of"))
    clause = _clause(predicate or noun or anchor)
    owner = _owner(noun, predicate, anchor) or (_described(anchor) if kind == "duration" else None)
    if kind == "quantity" and own_unit is not None and owner in (own_unit.lower_, _lemma(own_unit)):
        owner = None  # "the 2,500 kg satellite": a unit is no one's
    if paid_for is not None:  # "Hestia put the cost of the recall at", "the recall would cost": what for, before who says
        owner = _lemma(paid_for) if paid_for.pos_ == "NOUN" else _phrase(paid_for)
        how.append(("owner", f"{owner}, what the sum is paid for or who is owed it"))
    place = _place(clause, _own(anchor, noun), inside)
    time = _time(clause, inside)
    period = _period([t for t in _attached(noun, predicate) if t.i not in inside and t.head.i not in inside], data)
    source = _source(anchor, data)
    for slot, value in (("owner", owner), ("place", place), ("time", time), ("period", period), ("source", source)):
        if value:
            how.append((slot, value))
    length = kind in _UNIT_KINDS and own_unit is not None
    target = own_unit if length and own_unit is not None else noun or anchor
    if total is not None:
        argument = True  # the total counts what its clause's verb happened to, as that clause's own figure does
    elif done is not None:
        argument = not _other_figure(done, anchor, None)
    else:
        argument = _argument(target, predicate, length, data) and not _other_figure(predicate, anchor, target)
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
            owner = _lemma(subject)
            how.append(("owner", f"{owner}, the subject of a verb of no class"))
    narrowed = _qualified(raw, noun, None if changed else predicate, inside, data) if kind == "percent" else None
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
        _dates_elsewhere(_index(doc), anchor),
        measured,
        qualified,
        narrowed or None,
        argument,
        dimension,
        said_of,
    )


def _amount(
    anchor: Token, noun: Token | None, predicate: Token | None, inside: set[int], data: Classes, thing: str | None, how: list
) -> tuple[str | None, Token | None]:
    """What a sum of money is the amount of, as a class of [frames.amounts], and the noun it is paid
    for when the sentence says: its noun ("a £12m fee", "a fine of £3.2m": a fine), else the noun of
    its "in" phrase ("$84m in fees"), else the verb that takes it ("was fined £3.2m": a fine;
    "repairs would cost £1.8m": a cost, of the repairs; "signed for £18m", "paid £540,000 for the
    striker": a price). A noun of no class keeps its own; a sum no word names stays unnamed."""
    if noun is not None:
        found = _class(noun, data.amounts)
        if found not in data.amounts.values():
            return thing, None
        how.append(("thing", f"{noun.lemma_!r}, a noun of a sum's class ({found})"))
        paid_for = _object(noun, ("of", "for"))  # "the cost of the recall"; not "a ransom of $2.5m": its own unit
        return found, None if paid_for is None or paid_for.i in inside else paid_for
    head = anchor.head
    if head.i == anchor.i + 1 and _class(head, data.amounts) in data.amounts.values():  # "a £15m signing", tagged a verb
        how.append(("thing", f"{head.lemma_!r}, the word the sum describes ({_class(head, data.amounts)})"))
        return _class(head, data.amounts), None
    direct = predicate is not None and anchor.head.i == predicate.i and anchor.dep_ in _TAKEN
    for child in (*anchor.children, *(predicate.children if direct and predicate is not None else ())):
        if child.dep_ == "prep" and child.lower_ == "in":  # "$84m in fees", "will receive $84m in fees"
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            found = _class(obj, data.amounts) if obj is not None else None
            if obj is not None and found in data.amounts.values():
                how.append(("thing", f"{obj.lemma_!r}, the noun of the sum's 'in' phrase ({found})"))
                return found, None
    if predicate is None:
        return thing, None
    for_phrase = anchor.dep_ == "pobj" and anchor.head.lower_ == "for" and anchor.head.head.i == predicate.i
    lemma = _lemma(predicate)
    particle = next((c.lower_ for c in predicate.children if c.dep_ == "prt"), None)
    found = (
        particle is not None
        and data.amount_verbs.get(f"{lemma} {particle}")
        or data.amount_verbs.get(lemma)
        or data.amount_verbs.get(predicate.lower_)
    )  # "set aside €120m": a verb with its particle says what the sum is
    raised = [predicate]  # "repairs were likely to cost £18m", "are expected to cost": the subject above
    while raised[-1].dep_ in ("xcomp", "acomp") and len(raised) < 4:
        raised.append(raised[-1].head)
    subjects = [c for v in raised for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
    if not subjects and lemma in data.costing and predicate.dep_ == "acl" and predicate.head.i not in inside:
        subjects = [predicate.head]  # "a lender, owed £5m", "repairs costing £2m": the noun it describes
    elif not subjects and lemma in data.costing:  # "meeting the demand would cost £2.2bn": what the clause does it to
        clause = next((c for v in raised for c in v.children if c.dep_ == "csubj" and c.i not in inside), None)
        subjects = [o for o in (clause.children if clause is not None else ()) if o.dep_ == "dobj" and o.pos_ == "NOUN"][:1]
    if any(c.dep_ == "nummod" or c.lower_ in data.distributive for s in subjects for c in s.children):
        return thing, None  # "Twenty stations were fined $550,000": each, or all together? the words do not say
    if found is not None and direct:  # "was fined £3.2m", "would cost £1.8m": of its subject
        subject = next(iter(subjects), None)
        if subject is not None and subject.tag_ == "WDT" and predicate.dep_ == "relcl":
            subject = predicate.head  # "agencies which cost £1.8bn": the noun its relative clause is about
        if lemma in data.costing and (subject is None or subject.pos_ not in ("NOUN", "PROPN")):
            return thing, None  # "they cost about £2,000", "it will cost £80m": a cost of what, unsaid
        how.append(("thing", f"{predicate.lemma_!r}, the verb that takes the sum ({found})"))
        return found, subject if lemma in data.costing else None
    found = data.amount_verbs.get(f"{lemma} for")
    paid = next(
        (g for c in predicate.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if found is not None and (for_phrase or direct and paid is not None and paid.i not in inside):
        how.append(("thing", f"{predicate.lemma_!r}, the verb whose 'for' phrase the sum pays ({found})"))
        return found, None if for_phrase else paid
    return thing, None


def says_little(verb: str | None, data: Classes) -> bool:
    """Whether a verb's lemma says too little to be an event of its own: a light verb ("have",
    "take"), one that gives a level, a change or a forecast ("reach", "rise", "expect"), one that
    says who said so, or one that makes a part ("include")."""
    return verb is None or any(
        verb in words
        for words in (data.light_verbs, data.change_verbs, data.level_verbs, data.source_verbs, data.forecast, data.part_markers)
    )


def _other_figure(verb: Token | None, anchor: Token, target: Token | None) -> bool:
    """Whether a verb's other words hold a figure of their own, not a date: the figure is then a
    bound that picks out a set, not what happened to one ("312,400 patients had waited more than
    52 weeks": neither the count nor the length is all who waited, nor how long)."""
    if verb is None:
        return False
    own = {t.i for base in (anchor, target) if base is not None for t in base.subtree}
    for child in verb.children:
        if child.i in own or child.dep_ in ("punct", "cc", "conj", *_CLAUSE_DEPS):
            continue
        phrases = [child, *(g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj")]
        for phrase in phrases:  # the verb's own phrases: "more than 52 weeks", "for two years"; not "of the union's 4.5% demand"
            for t in (phrase, *phrase.children):
                if t.i in own:
                    continue
                if t.like_num and t.ent_type_ not in ("DATE", "TIME") or t.lower_ in units.WORDS or _lemma(t) in _UNITS:
                    return True  # a number, or a length or size of its own ("more than a year")
    return False


def _done(noun: Token, data: Classes) -> Token | None:
    """The verb of a clause about a counted noun that says what it does or what was done to it
    ("people waiting for treatment", "passengers who fell ill"), when the figure's own verb gives
    only its level or change ("the number of people waiting rose to 7.42 million")."""
    return next(
        (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and not says_little(_lemma(c), data)),
        None,
    )


def _state(noun: Token, verb: Token | None, event: str | None, data: Classes) -> Token | None:
    """The object of a prepositional phrase that puts counted persons in a state of an event class
    ([frames.events]: "on strike", "in the search"), where their frame has no event of a class: the
    counted noun's own phrase, bare, or its first conjunct's ("the 2,300 workers on strike are due back",
    "on board: 174 people, 168 passengers and six crew"), else its verb's, when
    that verb says too little or is "to be" ("210 officers remain on the search", "were involved in
    the search"). None where no such phrase is."""
    if event is not None and event in data.events.values():
        return None
    light = verb is not None and (verb.lemma_ == "be" or says_little(_lemma(verb), data))
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "On board: 174 people, 168 passengers and six crew members": the conjuncts share it
    for head in (first, verb if light else None):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ == "of":
                continue  # "victims of the shooting": who they are, not what state they are in
            for obj in prep.children:
                if obj.dep_ != "pobj" or head is first and any(d.dep_ in ("det", "poss") for d in obj.children):
                    continue  # the noun's own phrase is a state when bare ("in hospital"), not "officers in the shooting"
                if f"{prep.lower_} {_lemma(obj)}" in data.events or _event_word(obj, data):
                    return obj
    return None


#: How a running total's event is explained.
_TOTALLED = "the clause whose running total the figure is ('..., bringing the total to')"


def _totalled(anchor: Token, data: Classes) -> tuple[Token, Token | None] | None:
    """For a running total ("A further 17 crew members fell ill, bringing the total to 58", "recovered
    12 more vehicles, taking the number recovered to 75"): the verb of the clause it totals, whose
    event the total counts, and the noun that clause's own figure counts (None where it names none);
    None for any other figure. The total is carried to the figure by a participle of [frames.roles]
    totalling whose object is a counter ("total", "number"), not an event noun ("the death toll")."""
    node = anchor
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and _lemma(node) in data.totalling:
            break
        if node.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "conj"):
            return None  # "bringing to 28 the number freed and leaving five still held": five are no total
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "acl" and _lemma(node.head) in data.counters):
            return None  # only a counter's own clause lies between: "taking the number recovered to 75"
    else:
        return None
    if node.dep_ != "advcl" or node.tag_ != "VBG":
        return None
    if not any(c.dep_ in ("dobj", "pobj") and _lemma(c) in data.counters for t in (node, *node.children) for c in t.children):
        return None
    clause = node.head
    if clause.dep_ == "advcl" and clause.head.pos_ == "VERB" and _figure_of(clause) is None:
        clause = clause.head  # "were moved ... after engineers widened their checks, bringing to 27": the move's total
    if clause.pos_ != "VERB" or _figure_of(clause) is None:
        return None  # a total of a clause with no figure of its own: of what?
    if says_little(_lemma(clause), data) and _event_word(clause, data) is None and _complement_event(clause, data) is None:
        return None  # "Two pieces were found, bringing the number to three": found says too little
    counted = _figure_of(clause)
    return clause, counted if counted is not None and _counts(counted) else None


def _figure_of(verb: Token) -> Token | None:
    """A verb's subject or object that holds a figure ("a further 17 members fell ill", "refloated a
    further 12", "convicted two more of his co-defendants"); None where none does."""
    for c in verb.children:
        near = (c, *c.children, *(g for t in c.children for g in t.children))
        if c.dep_ in ("nsubjpass", "dobj", "nsubj") and any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in near):
            return c
    return None


def _counts(noun: Token) -> bool:
    """Whether a noun is what a figure is the number of: "17 members"."""
    return noun.pos_ == "NOUN" and any(g.dep_ == "nummod" and g.like_num for g in noun.children)


def _complement_event(verb: Token, data: Classes) -> str | None:
    """The event class of a verb's complement ("were confirmed dead", "were taken ill"), or None."""
    return next(
        (e for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp") and (e := _event_word(c, data)) is not None),
        None,
    )


def _argument(target: Token, predicate: Token | None, length: bool, data: Classes) -> bool:
    """Whether what a figure counts is an argument of its verb, whose lemma can then be the class
    of what happened to it: its subject or object ("212 people were freed", "freed 212 people"),
    a conjunct's ("241 passengers and nine crew were rescued"); for a length of time, the verb's
    own phrase ("trapped for 11 hours", "separated 58 minutes after lift-off"); not a phrase of
    place or company ("scored in front of 41,208 fans")."""
    if predicate is None:
        return False
    while target.dep_ == "conj" and target.head.pos_ in ("NOUN", "PROPN", "NUM"):
        target = target.head
    head = target.head
    if head.i == predicate.i:
        return target.dep_ in (("dobj", "npadvmod") if length else ("nsubj", "nsubjpass", "dobj"))
    if not length:
        return False
    if target.dep_ == "pobj" and head.head.i == predicate.i:
        return head.lower_ == "for" and _lemma(predicate) not in data.for_objects  # not "asked for 20 years"
    return target.dep_ == "npadvmod" and head.dep_ == "prep" and head.head.i == predicate.i


def _qualified(raw: Token | None, noun: Token | None, predicate: Token | None, inside: set[int], data: Classes) -> str | None:
    """The words that narrow a rate's noun to a part of what it names, or None when nothing does: an
    adjective, a possessor or a phrase of its own that names a part ("the national pass rate", "the
    pass rate in mathematics", "the market share of Korvane"; not "a premium over Friday's close", its base, nor "annual
    inflation", whose period is its own slot), or a subject of its verb, people or a place, that has
    it ("Girls reached a pass rate of 81%", "the region finished with"); a change's subject is what
    caused it, not whose it is (its caller passes no predicate). The words are lemmas in order of
    the alphabet, so that "the girls' pass rate" and "girls reached a pass rate" name one part; ""
    when a pronoun narrows it ("its share"): whose, the words do not say."""
    nouns = {t.i for t in (raw, noun) if t is not None}
    narrowing: list[Token] = []
    for t in (raw, noun):
        for c in t.children if t is not None else ():
            if c.i in inside or c.i in nouns or c.dep_ in ("det", "punct", "cc", "conj", "relcl", "acl"):
                continue
            if c.dep_ == "prep" and any(g.i in inside or g.i in nouns for g in c.subtree):
                continue  # "a rate of 69.8%", "a reduction in deaths": the figure or the noun itself
            if c.dep_ == "amod" and _lemma(c) in data.periods:
                continue  # "annual inflation": a period, which the frame compares as one
            whose = c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            if c.dep_ in ("amod", "poss", "npadvmod") or c.dep_ == "prep" and c.lower_ in data.narrowing or whose:
                narrowing.append(c)  # not a compound: "the pass rate", "heart attacks" are the names of what it counts
    if not narrowing and predicate is not None and any(_held(t, predicate) for t in (raw, noun)):
        narrowing = [
            c
            for c in predicate.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in nouns and c.i not in inside and _population(c, data)
        ]
    if not narrowing:
        return None
    words = [w for c in narrowing for w in c.subtree if w.i not in inside and w.i not in nouns]
    if any(w.pos_ == "PRON" for w in words):
        return ""
    return " ".join(sorted({_lemma(w) for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ")}))


def _population(token: Token, data: Classes) -> bool:
    """Whether a noun names people or a place, whose rate is a part of a larger one ("Girls",
    "the region", "Kessmark"); not a company paying a premium."""
    kind = _class(token, data.things)
    return (
        kind == data.persons
        or data.subsets.get(kind) == data.persons
        or _lemma(token) in data.populated
        or token.ent_type_ in ("GPE", "LOC")
    )


def _held(noun: Token | None, predicate: Token) -> bool:
    """Whether a noun is what the predicate's subject has: its object ("Girls reached a pass rate")
    or the object of its preposition ("the region finished with a pass rate"); not an apposition."""
    if noun is None:
        return False
    return noun.dep_ == "dobj" and noun.head.i == predicate.i or noun.dep_ == "pobj" and noun.head.head.i == predicate.i


def _holds_figure(predicate: Token, anchor: Token, noun: Token | None) -> bool:
    """Whether the predicate's objects and phrases, other than the figure's own, hold a number."""
    for child in predicate.children:
        if child.i in (anchor.i, noun.i if noun is not None else -1) or child.dep_ in ("nsubj", "nsubjpass", "punct", "cc"):
            continue
        if child.is_ancestor(anchor) or child.dep_ in ("conj", *_CLAUSE_DEPS):
            continue
        if any((t.like_num or t.pos_ == "NUM") and t.ent_type_ not in ("DATE", "TIME") for t in child.subtree):
            return True
    return False


def _object(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The noun of a preposition of `noun` ("a reduction in deaths": deaths), or None."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if obj is not None:
                return obj
    return None


def _measured(unit: Token, inside: set[int], predicate: Token | None, data: Classes) -> tuple[str | None, Token | None]:
    """What a duration or quantity measures: the noun its unit describes ("a 12-hour shift", "a
    20-metre boat") or is the length "of" ("a follow-up of 2.8 years"), as its class; and a word
    of an event class it was spent in ("41 days in captivity", "three years in prison")."""
    head, target, bare = unit.head, None, None
    if unit.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN" and head.i not in inside:
        target = head
    elif unit.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i not in inside:
        target = head.head
    elif (bare := _object(unit, ("of",))) is not None and not any(c.dep_ in _NARROWED for c in bare.children):
        target = bare  # "2.8 years of follow-up"; not "44 seconds of the seventh round", "two days of national mourning"
    elif _subject_of_be(unit) is not None:
        target = _subject_of_be(unit)  # "The median follow-up was 3.2 years"
    elif (
        unit.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.dep_ == "acl"
        and _lemma(head.head) in data.level_verbs
        and head.head.head.pos_ == "NOUN"
        and head.head.head.i not in inside
    ):
        target = head.head.head  # "sentences ranging from 7 to 75 years": the noun its participle gives the size of
    if (
        target is not None
        and target.i == head.i
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i != unit.i for c in target.lefts)
    ):
        target = None  # "the 10-year bond yield": a name of a kind of thing, of which a story can hold several
    if target is not None and bare is not None and target.i == bare.i and _event_word(target, data):
        return None, target  # "41 days of captivity": the time spent in it, as "41 days in captivity"
    measured = None
    if target is not None and target.is_alpha and _lemma(target) not in data.spans and _lemma(target) not in data.periods:
        left = target.nbor(-2) if target.i > 1 else None
        hyphen = target.nbor(-1).text == "-" if target.i > 0 else False
        if (
            left is not None
            and hyphen
            and left.dep_ == "compound"
            and left.head.i == target.i
            and left.is_alpha
            and left.i not in inside
        ):
            measured = f"{left.lower_}-{_lemma(target)}"  # "follow-up", "lock-in"
        else:
            measured = _class(target, data.things)
    found = None
    for base in (unit, predicate):
        for child in base.children if base is not None else ():
            if child.dep_ == "prep" and child.lower_ in data.spent_in:
                obj = next((c for c in child.children if c.dep_ == "pobj" and _event_word(c, data)), None)
                found = found or obj
    return measured, found


def _describes(unit: Token | None, inside: set[int]) -> bool:
    """Whether a unit describes the noun it hangs on ("a 40-metre section", "the 2,500 kg satellite"),
    not an amount "of" a stuff ("60 centimetres of snow": how much, which a design or a limit also gives)."""
    if unit is None or unit.dep_ not in ("compound", "amod", "nmod", "nummod") or unit.head.i in inside:
        return False
    noun = unit.head  # not one of a series ("his second 200-yard game"), nor a word of a name ("the 73-yard game winning drive")
    return noun.dep_ != "compound" and not any(c.ent_type_ == "ORDINAL" for c in noun.children)


def _dimension(unit: Token, first: Token, inside: set[int], data: Classes) -> tuple[Token | None, str | None]:
    """The noun a quantity's dimension word is said of, and the dimension ([frames.dimensions]): the
    adjective its unit measures ("a hall 24 metres long", "the 40-metre-high dam", "The line is 2.4
    km long", "which stands 45 metres high", "13m long and 9m wide"), or the noun it is "of" ("a
    length of 410 metres", "The length of the tunnel is 3.2 km", "The bridge has a length of"); the
    noun None where nothing is named ("at a height of 150 metres"); or a verb of extent whose subject
    it is ("The line runs for 18.4km"). (None, None) for no such word."""
    head, word = unit.head, None
    if unit.dep_ == "npadvmod" and _lemma(head) in data.dimensions:
        word = head
    elif unit.dep_ == "appos":  # "A wall 4 metres high": the adjective beside the unit, on the same noun
        word = next((c for c in head.children if c.i == unit.i + 1 and _lemma(c) in data.dimensions), None)
        if word is not None:
            return (head if head.pos_ == "NOUN" else None), data.dimensions[_lemma(word)]
    elif unit.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in data.dimensions:
        word = head.head
    elif (subject := _subject_of_be(unit)) is not None and _lemma(subject) in data.dimensions:
        word = subject  # "The length of the tunnel is 3.2 km"
    elif unit.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and _lemma(head.head) in data.dimensions:
        word = head.head  # "The line runs for 18.4km", "which stretches for 700 miles": its subject's extent
    if word is None or word.tag_ in ("JJR", "RBR"):
        return None, None  # "5 metres longer": a change of a length, read as any change
    dimension = data.dimensions[_lemma(word)]
    if word.pos_ in ("NOUN", "PROPN"):  # "the length of the tunnel"; "the bridge has a length of"
        said_of = _object(word, ("of",))
        said_of = None if said_of is None or said_of.i in inside else said_of  # "a length of 410 metres": no noun of its own
        if said_of is None and word.dep_ == "dobj" and says_little(_lemma(word.head), data):
            said_of = next((c for c in word.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        return said_of, dimension
    node = word
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "13m long and 9m wide": the first conjunct's noun
    said_of = None
    if node.dep_ in ("amod", "advmod") and node.head.pos_ == "NOUN" and node.head.i not in inside:
        said_of = node.head  # "the 40-metre-high dam", "a crack about 16 inches long"
    elif node.dep_ in ("acomp", "oprd") and node.head.pos_ in ("VERB", "AUX") or node.pos_ == "VERB":
        verb = node if node.pos_ == "VERB" else node.head
        said_of = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if said_of is not None and said_of.tag_ == "WDT" and verb.dep_ == "relcl":
            said_of = verb.head  # "the dam, which stands 45 metres high", "the line, which runs for 11.4 miles"
    elif node.i > first.i and first.i > 0 and first.nbor(-1).pos_ == "NOUN":
        said_of = first.nbor(-1)  # "a barn 31 metres long", however the parse hangs "long"
    if said_of is None or said_of.pos_ != "NOUN" or _population(said_of, data) and node.pos_ == "VERB":
        return None, dimension  # "The athlete runs for 10 km": how far a person went, not a size of theirs
    return said_of, dimension


def _lemma(token: Token) -> str:
    """A token's lemma, lowercase; a capitalised plural the tagger took for a name ("Homicides fell")
    loses its plural ending as a common noun's would."""
    lemma = token.lemma_.lower()
    if (
        token.is_sent_start
        and token.text[:1].isupper()
        and lemma == token.lower_
        and lemma.endswith("s")
        and token.tag_.startswith("NN")
        and not lemma.endswith(("ss", "us", "is", "news"))
    ):
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _class(token: Token, table: dict[str, str]) -> str:
    """A word's class: by a word before it that narrows it ("police officer", "net profit",
    "operating profit"), its lemma, its text."""
    lemma = _lemma(token)
    for left in token.lefts:
        if left.dep_ in ("compound", "amod"):
            for pair in (f"{left.lemma_.lower()} {lemma}", f"{left.lower_} {lemma}"):
                if pair in table:
                    return table[pair]
    return table.get(lemma) or table.get(token.text.lower()) or lemma


#: How the words of a verb phrase hang on its verb, for a class word of several words ("walk out",
#: "fall ill", "be taken ill", "lose their lives", "lose jobs"): its particle, adverb, complement or object.
_PHRASE_DEPS = ("prt", "advmod", "acomp", "oprd", "dobj", "attr")


def _event_word(token: Token, data: Classes) -> str | None:
    """The event class of a word, read as the longest entry of the language's [frames.events] its
    phrase makes: a compound ("death toll"), a verb with its particle, adverb, complement or object
    ("walk out", "fall ill", "take ill", "lose life"), a verb with a preposition and its object ("go
    on strike", "take to hospital", "take into custody"); else the word's own lemma or text."""
    return _phrase_event(token, data) or data.events.get(token.lemma_.lower()) or data.events.get(token.text.lower())


def _phrase_event(token: Token, data: Classes) -> str | None:
    """The event class of the phrase of several words a word heads (`_event_word`), or None."""
    lemma = token.lemma_.lower()
    if lemma not in data.phrases:
        return None
    for left in token.lefts:
        if left.dep_ == "compound":
            both = f"{left.lemma_.lower()} {lemma}"
            if both in data.events:
                return data.events[both]
    for child in token.rights:
        if child.dep_ == "prep":  # "went on strike", "taken into custody"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = data.events.get(f"{lemma} {child.lower_} {obj.lemma_.lower()}")
                    if found:
                        return found
        elif child.dep_ in _PHRASE_DEPS:  # "walked out", "fell ill", "lost their lives"
            found = data.events.get(f"{lemma} {child.lemma_.lower()}") or data.events.get(f"{lemma} {child.lower_}")
            if found:
                return found
    return None


def _subject_of_be(token: Token) -> Token | None:
    """The subject a figure is the complement of "to be" for ("Turnout was 61%", "The median
    follow-up was 3.2 years"): what the figure is the size of."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return None
    return next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def _populated(place: Token, anchor: Token, doc: Doc, data: Classes) -> Frame:
    """A place's figure ("a city of 90,000", "a town of 5,000 people") is its population."""
    name = next((t for t in place.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")), None)
    if name is None and place.dep_ == "appos":
        name = place.head
    where = _entity(name) if name is not None else None
    how = (("thing", f"{data.persons}, as {place.lemma_!r} of a figure counts its people"),)
    return Frame(data.persons, data.populated_event, None, where, None, None, "level", None, None, how)


def _hands_over(verb: Token, complement: Token, data: Classes) -> bool:
    """Whether a verb's complement says what happened in its place: any complement of a verb that says
    little ("were found dead", "were reported missing"), an infinitive ("were forced to flee") or a
    complement that is no participle; not a participle beside a verb of its own ("50,000 people marched,
    destroying dozens of banks": they marched)."""
    return complement.dep_ != "xcomp" or complement.tag_ != "VBG" or says_little(_lemma(verb), data)


def _nominal(noun: Token, data: Classes) -> Token | None:
    """The event noun a counted noun is the object of, by its "of" phrase: "the evacuation of 300
    residents", "the rescue of 20 miners", "the arrest of 14 people" (a nominalised verb, whose
    object the figure counts as the verb's would be)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        event = head.head  # not a container the figure is the size of: "11 counts of fraud", "the number of deaths"
        return event if _lemma(event) not in data.containers and _event_word(event, data) else None
    return None


def _own_event(anchor: Token, noun: Token | None, data: Classes) -> Token | None:
    """An event word the figure itself carries: a word that modifies it or its noun ("one dead",
    "One killed", "15 hurt", "three of them fatally"), or the word a headline hangs it on ("1 dead")."""
    for base in (anchor, noun):
        if base is None:
            continue
        for child in base.children:
            if child.dep_ in ("amod", "acl", "advmod", "relcl", "oprd") and _event_word(child, data):
                return child
    if (
        anchor.dep_ in ("meta", "npadvmod", "nsubj", "nsubjpass")
        and anchor.head.pos_ in ("ADJ", "VERB")
        and _event_word(anchor.head, data)
    ):
        return anchor.head
    return None


def _counted(anchor: Token, inside: set[int], data: Classes) -> Token | None:
    """The noun the figure counts: the head it modifies, a noun it is the subject of ("19 were
    children"), the noun whose "of" phrase it is ("a population of 70,000"), or the noun that
    rose or fell by it or to it ("homicides fell to 312", "profit fell 22%")."""
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i not in inside and head.pos_ in _NOUNISH:
        return head
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("ADJ", "ADP") and head.head.lower_ == "worth":
        return head.head.head if head.head.head.pos_ == "NOUN" else None  # "jewellery worth £2.4m"
    if anchor.dep_ == "pobj" and head.head.lower_ == "worth" and head.head.head.pos_ == "NOUN":
        return head.head.head
    if head.lower_ == "worth":  # "jewellery worth £2.4m", "stole jewellery worth £2.4m"
        owner = head.head
        if owner.pos_ == "VERB" or owner.lemma_ == "be":  # "stole jewellery worth", "the deal was worth £38m"
            dep = "nsubj" if owner.lemma_ == "be" else "dobj"
            owner = next((c for c in owner.children if c.dep_ == dep and c.pos_ == "NOUN"), owner)
        return owner if owner.pos_ == "NOUN" else None
    verb = None
    if anchor.dep_ in ("dobj", "npadvmod", "attr") and head.pos_ == "VERB" and head.lemma_.lower() in data.level_verbs:
        verb = head  # "revenue reached $6.3bn", "waiting list hits record 7.42 million", "the cap becomes £8.90": what reached it
    elif anchor.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "at", "from", "by") and head.head.pos_ == "VERB":
        verb = head.head  # "the toll rose to 44", "put the toll at 27", "fell by 2.4 million"
    elif anchor.dep_ in ("npadvmod", "dobj") and head.pos_ == "VERB" and head.lemma_.lower() in data.change_verbs:
        verb = head  # "profit fell 22%"
    elif anchor.dep_ == "dobj" and head.pos_ == "VERB" and head.dep_ == "acl" and head.head.pos_ == "NOUN":
        return head.head  # "bribes totalling $2.6m"
    if verb is not None:
        raised = [verb]  # "repairs were likely to cost £18m", "revenue is expected to reach": the subject above
        while raised[-1].dep_ in ("xcomp", "acomp") and len(raised) < 4:
            raised.append(raised[-1].head)
        for node, dep in [(verb, "dobj")] + [(n, d) for n in raised for d in ("nsubj", "nsubjpass")]:
            noun = next(
                (
                    c
                    for c in node.children
                    if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN") and c.i not in inside and c.ent_type_ not in ("DATE", "TIME")
                ),
                None,
            )
            if noun is not None:
                return noun
    if anchor.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i not in inside:
        return head  # "12 people in Texas and 3 in Oklahoma": the conjunct counts its first's noun
    if anchor.dep_ == "attr" and head.lemma_ == "be":  # "net profit was $143 million": what it is
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in inside), None)
        if subject is not None:
            return subject
    if anchor.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        attr = next((c for c in head.children if c.dep_ in ("attr", "acomp") and c.pos_ in ("NOUN", "ADJ")), None)
        if attr is not None:
            return attr
    for child in anchor.children:  # "thousands of listeners", "three of the victims"
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN":
                return obj
    if anchor.pos_ in ("NOUN",) and anchor.i not in inside:
        return anchor
    return None


def _contents(noun: Token, data: Classes, inside: frozenset[int] | set[int] = frozenset()) -> Token:
    """What a container noun holds: "the number of pedestrians", "passenger numbers", "its profit
    forecast"; any other noun is itself."""
    if noun.lemma_.lower() in data.measures:  # "tremors of magnitude 2", "a magnitude 4.6 quake"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            return noun.head.head
        if noun.dep_ in ("nmod", "compound", "npadvmod") and noun.head.pos_ == "NOUN":
            return noun.head
        return noun
    if noun.lemma_.lower() not in data.containers:
        return noun
    compound = next((c for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"), None)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if obj is not None and obj.i in inside and compound is not None:
                return compound  # the figure itself is "of" it: "a pass rate of 69.8%" is a rate of passes
            if obj is not None:
                return obj
    return compound if compound is not None else noun


def _predicate(token: Token) -> Token | None:
    """The verb that governs a noun or figure: through prepositions and conjunctions, up to the
    first verb (a conjunct with no subject of its own shares its first conjunct's)."""
    seen = 0
    node = token
    while seen < 8 and node.head.i != node.i:
        seen += 1
        if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN") and node.head.pos_ in ("VERB", "AUX"):
            return None  # "A receptionist died and two men ... underwent surgery": a noun joined to a verb is
            # a clause whose own verb the parse lost, not what that verb governs
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_ != "be":
            return node
        if node.pos_ == "AUX" or node.lemma_ == "be":
            return None
        if node.dep_ in _CLAUSE_DEPS and node.pos_ != "VERB" or node.dep_ == "appos":
            return None  # "Springfield, a city of 90,000 residents, voted": the vote is not the residents'
    return None


def _clause(token: Token) -> list[Token]:
    """The tokens of the clause around a token: its subtree up to the nearest clause head, less
    the relative and adverbial clauses inside it (a date in them does not date the figure); read
    once a clause head, for every figure of the clause."""
    head = token
    while head.head.i != head.i and head.dep_ not in _CLAUSE_DEPS and head.pos_ not in ("VERB",):
        head = head.head
    clauses = _index(token.doc).clauses
    if head.i not in clauses:
        out: list[Token] = []
        stack = [head]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(c for c in node.children if c.dep_ not in _CLAUSE_DEPS)
        clauses[head.i] = sorted(out, key=lambda t: t.i)
    return clauses[head.i]


def _owner(noun: Token | None, predicate: Token | None, anchor: Token) -> str | None:
    """Whose figure: a possessor or "of" phrase of the counted noun, else a named subject."""
    for base in (noun, anchor):
        if base is None:
            continue
        for child in base.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child.text
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PROPN":
                    return " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN")
    if predicate is not None:
        subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        if subject is not None and subject.pos_ == "PROPN":  # a name the model gives no type: "The Chorus won two"
            return " ".join(t.text for t in (*subject.lefts, subject) if t.pos_ == "PROPN")
        if (
            subject is not None and subject.pos_ == "NOUN" and (noun is None or subject.i != noun.i)
        ):  # "Film studio Lions Gate has announced"
            names = [
                t.text
                for c in subject.children
                if c.dep_ in ("compound", "amod", "appos")
                for t in c.subtree
                if t.pos_ == "PROPN"
            ]
            if names:
                return " ".join(names)
    return None


def _reported(noun: Token) -> Token | None:
    """For a count of instances the clause happens "in" ("in seven cases, customers reported a
    burn"), the object of its verb or of that verb's complement: what the instances are of."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.pos_ != "VERB":
        return None
    verb = noun.head.head
    for node in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        obj = next((c for c in node.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None:
            return obj
    return None


def _described(anchor: Token) -> str | None:
    """The noun an age describes ("the eight-year-old boy", "the 48-year-old actor"): two ages of
    one article describing different nouns are two people's."""
    head = anchor.head
    if anchor.dep_ in ("amod", "compound", "nummod") and head.pos_ == "NOUN" and head.i != anchor.i:
        return head.lemma_.lower()
    return None


def _place(clause: list[Token], own: list[Token], inside: set[int]) -> str | None:
    """A place named among the figure's own modifiers, else in its clause."""
    for tokens in (own, clause):
        names = [
            t for t in tokens if t.i not in inside and (t.ent_type_ in ("GPE", "LOC", "FAC") or t.ent_type_ == "ORG" and _at(t))
        ]
        if names:
            return _entity(names[0])
    return None


def _at(token: Token) -> bool:
    """Whether a name is the object of "at": "At the Department for Work and Pensions, 30,000 jobs
    are to go" counts the jobs there, as a place would."""
    node = token
    while node.head.i != node.i and node.ent_type_ == token.ent_type_ and node.dep_ != "pobj":
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ == "at"


def _entity(token: Token) -> str:
    """The whole named entity a token is part of, read from the entity tags around it."""
    if token.ent_iob_ not in ("B", "I"):
        return token.text
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _own(anchor: Token, noun: Token | None) -> list[Token]:
    """The figure's own modifiers: the subtrees of its prepositions, not those of other conjuncts."""
    out: list[Token] = []
    for base in (anchor, noun):
        if base is not None:
            for child in base.children:
                if child.dep_ == "prep":
                    out.extend(child.subtree)
    return out


def _attached(noun: Token | None, predicate: Token | None) -> list[Token]:
    """The words attached to the figure's noun, and its predicate's own phrases (not its clauses)."""
    out: list[Token] = []
    if noun is not None:  # its subtree, walked once from the top: a clause's head is attached, its words not
        todo = [noun]
        while todo:
            t = todo.pop()
            out.append(t)
            if t.i == noun.i or t.dep_ not in _CLAUSE_DEPS:
                todo.extend(t.children)
        out.sort(key=lambda t: t.i)
    if predicate is not None:
        seen = {t.i for t in out}
        for child in predicate.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and child.i not in seen:
                out.extend(child.subtree)
    return out


def _dates_elsewhere(index: _DocIndex, anchor: Token) -> tuple[tuple[int, int], ...]:
    """The character spans of the dates of the sentence that sit in a clause describing a noun
    ("The ferry, built in 1983,", "the bridge, which opened in 1990,") or own one ("last year's
    figure") that neither holds the figure nor is its noun: they date that noun, not the figure."""
    if not index.described:
        return ()
    above = {a.i for a in anchor.ancestors}
    return tuple(
        span
        for span, clause, described in index.described
        if clause not in above and described != anchor.i and described not in above
    )  # not "the previous record of 45.4C, set in 1994": that dates it


def _time(clause: list[Token], inside: set[int]) -> str | None:
    words = [t for t in clause if t.ent_type_ in ("DATE", "TIME") and t.i not in inside]
    return " ".join(t.lower_ for t in words) or None


def _period(tokens: list[Token], data: Classes) -> str | None:
    """The period a flow is counted over, by a word or two ("quarterly", "three months")."""
    for t in tokens:
        before = t.nbor(-1) if t.i > 0 else None
        pair = f"{before.lower_} {t.lemma_.lower()}" if before is not None else ""
        found = data.periods.get(pair) or data.periods.get(f"{before.lower_} {t.lower_}" if before is not None else "")
        found = found or data.periods.get(t.lemma_.lower()) or data.periods.get(t.lower_)
        if found:
            return found
    return None


def _role(
    anchor: Token, noun: Token | None, predicate: Token | None, data: Classes, raw: Token | None = None
) -> tuple[str, Token | None]:
    """A figure's role: a change ("rose by 2%", "up 80,000"), an earlier level ("from $639m"), a
    forecast or target, a share ("40% of revenue"), a part ("19 of the 44 dead", "including
    nine children", "nine crew" beside a part), else a level; for a part, the noun of its whole
    when the sentence names it."""
    top = noun if noun is not None and noun.is_ancestor(anchor) else anchor  # the figure's own phrase
    while top.dep_ == "conj" and top.head.pos_ in ("NOUN", "PROPN", "NUM"):  # "241 passengers and nine crew"
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() in data.containers:
        top = top.head.head  # "fell from a peak of $120bn": the container's role is the figure's
    head = top.head
    if top.dep_ == "pobj" and head.dep_ == "prep":
        word = head.lower_
        governor = head.head
        if word == "by" and governor.lemma_.lower() in data.change_verbs:
            return "change", None
        if word == "from" and (governor.lemma_.lower() in data.change_verbs or governor.lower_ in ("up", "down")):
            return "previous", None  # "fell to 312 from 367", "up from £380m"
        if word == "among":  # "nine children were among the 44 dead": the 44 are the whole
            return "level", None
        if (
            word == "of"
            and governor.lemma_.lower() in data.fractions
            and not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ not in ("a", "an") for c in top.children)
        ):
            return "share", None  # "a quarter of a million jobs" is not a million jobs; "half of the 44 dead" has 44
        if head.lemma_.lower() in data.part_markers:  # "including nine children"
            return "part", governor if governor.pos_ in ("NOUN", "PROPN") else None
    if head.lemma_.lower() in data.part_markers and head.dep_ == "prep":
        return "part", None
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if anchor.ent_type_ == "PERCENT" or anchor.lower_ == "%":
                return "share", None
            if obj is not None and _definite(obj):  # "19 of the 44 dead", "three of them"; not "thousands of fans"
                return "part", obj
    if anchor.ent_type_ == "PERCENT" and any(
        c.dep_ == "prep" and c.lower_ == "of" and all(g.i != anchor.i for g in c.children) for c in (noun or anchor).children
    ):  # "40% of revenue"; not "a turnout of 61%", of which the figure is the size
        return "share", None
    if head.lower_ in ("up", "down") and top.dep_ in ("npadvmod", "pobj", "dobj"):
        return "change", None  # "up 14%", "down 80,000 barrels"
    for t in top.subtree:  # "600 fewer than in 2010", "6% more than a year ago", "another 14", "2,000 new officers"
        word = t.lower_
        if t.i != anchor.i and t.dep_ in ("amod", "advmod", "det", "acomp") and word in data.change_markers:
            if word in data.added_markers or t.i > anchor.i:
                return "change", None
    for c in (*anchor.children, *top.children, *noun.children) if noun is not None and noun.pos_ == "NOUN" else ():
        # "three producers per film", "earnings per share were $1.12"
        if (
            c.dep_ == "prep"
            and c.lower_ in data.rate_markers
            or c.dep_ == "npadvmod"
            and any(d.dep_ == "det" and d.lower_ in data.rate_determiners for d in c.children)
        ):
            return "rate", None
    if (
        predicate is not None
        and predicate.lemma_.lower() in data.change_verbs
        and top.dep_ in ("dobj", "npadvmod")
        and (top is anchor or not top.is_alpha)
    ):  # "rose 12%", "fell $3m"; not "cut 1,500 jobs"
        return "change", None
    if predicate is not None and any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.i != top.i
        and any(d.dep_ == "det" and d.lower_ in data.distributive for d in c.children)
        for c in predicate.children
    ):
        return "rate", None  # "each line made up of 1,920 pixels": 1,920 a line
    subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")] if predicate is not None else []
    joint = (predicate, noun, *subjects, *(k for c in subjects for k in c.conjuncts))
    if any(c.dep_ in ("advmod", "amod") and c.lower_ in data.combined for n in joint if n is not None for c in n.children):
        return "combined", None  # "X and Y together would have 46 seats", "a combined 108 seats": a sum, not either's
    node = predicate
    for _ in range(4):  # the predicate and the verbs it is the complement of: "expected to reach"
        if node is None or node.pos_ not in ("VERB", "AUX"):
            break
        if node.lemma_.lower() in data.forecast:
            return "forecast", None
        if node.dep_ not in ("xcomp", "ccomp") or node.head.lemma_.lower() in data.source_verbs:
            break
        node = node.head
    if any(n is not None and n.lemma_.lower() in data.forecast for n in (noun, raw)):
        return "forecast", None  # "its revenue forecast", "raised its forecast to $9.8bn"
    return _part_of_clause(top, anchor)


def _part_of_clause(top: Token, anchor: Token) -> tuple[str, Token | None]:
    """A part named by its clause: "Of the 44 dead, 19 were children", "Nine children were among
    the dead", "Among the dead were 12 children": the subject, or the complement of "to be", of
    a clause with "among ..." or a leading "of ..."; the noun of that phrase is the whole."""
    figure = next((t for t in (top, anchor) if t.dep_ in ("nsubj", "nsubjpass", "attr")), None)
    if figure is None or figure.dep_ == "attr" and figure.head.lemma_ != "be":
        return "level", None
    for prep in figure.head.children:
        if prep.dep_ == "prep" and (prep.lower_ == "among" or prep.lower_ == "of" and prep.i < figure.i):
            return "part", next((c for c in prep.children if c.dep_ == "pobj"), None)
    return "level", None


def _whole_event(whole: Token, data: Classes) -> str | None:
    """What happened to a part's whole: its own event word ("the dead"), a word that describes it
    ("the injured people"), or the verb that governs it ("arrested 14 people, including ...")."""
    word = _event_word(whole, data)
    if word is None:
        word = next((w for w in (_event_word(c, data) for c in whole.children if c.dep_ in ("amod", "acl")) if w), None)
    if word is None:
        predicate = _predicate(whole)
        word = _event_word(predicate, data) if predicate is not None else None
    return word


def _definite(noun: Token) -> bool:
    """Whether a noun names a known set: a pronoun, or a noun with a determiner, possessor or number."""
    return noun.pos_ == "PRON" or any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an") for c in noun.children)


def _source(anchor: Token, data: Classes) -> str | None:
    """Who the figure is attributed to: the subject of a saying verb above it, or "according to"."""
    node = anchor
    for _ in range(12):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                obj = next((t for t in child.subtree if t.dep_ == "pobj"), None)
                if obj is not None:
                    return _phrase(obj)
        if node.lemma_.lower() in data.source_verbs and node.pos_ == "VERB":
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (
                subject is not None
                and not (subject.i == anchor.i or subject.is_ancestor(anchor))
                and subject.pos_ in ("NOUN", "PROPN")
            ):
                return _phrase(subject)
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _phrase(head: Token) -> str:
    """A noun with the words that name it ("the civil defence agency" -> "civil defence agency"),
    without its clauses and prepositional phrases."""
    words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i + 4 >= head.i] + [head]
    words += [t for t in head.rights if t.dep_ == "compound"]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


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
