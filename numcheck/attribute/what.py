"""What a figure counts and what happened to it: the thing and event slots of its frame, read from
its words and then corrected by the rest of its sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.amount import amount_of
from numcheck.attribute.counted import contents
from numcheck.attribute.event import (
    DONE,
    TOTALLED,
    complement_event,
    done_by,
    hands_over,
    holds_figure,
    nominal_of,
    own_event,
    reported_in,
    says_little,
    sized_by,
    state_of,
    totalled,
    whole_of_parts,
)
from numcheck.attribute.framedata import Classes, is_lemma, is_word
from numcheck.attribute.tree import class_of, event_word, lemma_of, phrase_event, predicate_of


if TYPE_CHECKING:
    from spacy.tokens import Token


def thing_and_event(
    anchor: Token, raw: Token | None, noun: Token | None, kind: str, data: Classes, how: list[tuple[str, str]]
) -> tuple[str | None, str | None, Token | None, Token | None]:
    """The class of what a figure counts and of what happened to it, read from its words (its noun, its
    own words, the event noun or verb that governs it, a state); the clause about the noun its event is
    read from (None if none); and its predicate. Each slot found is added to `how`."""
    thing = event = None
    done: Token | None = None  # the clause about the counted noun its event is read from, if any
    if noun is not None:
        thing = class_of(noun, data.things)
        rest = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in data.remainder), None)
        if rest is not None and thing is not None:  # "the two other parties": the rest of the parties, not all of them
            thing = rest.lower_ if thing == data.persons else f"{rest.lower_} {thing}"  # "seven other people": "others"
            how.append(("thing", f"{thing!r}: {rest.text!r} makes it the rest of a set"))
        counter = raw is not None and raw.i != noun.i and lemma_of(raw) in data.counters
        dep = f"the {raw.lemma_} of it" if counter and raw is not None else anchor.dep_  # "the number of households reached"
        if not counter and _reached(anchor, noun, data):
            dep = "the level of it"  # "cancelled flights climbed to 212": the level of the noun, as "212 flights" is
        how.append(("thing", f"{noun.lemma_!r}, the noun the figure counts ({dep})"))
        if kind == "count" and raw is not None and raw.i == noun.i and lemma_of(noun) in data.counters:
            thing = None  # "bringing to 28 the number freed", "her final tally was 31,363": a total of what, unsaid
            how.append(("thing", f"none: a {noun.lemma_} that names no noun it is the number of"))
            if any(c.dep_ == "relcl" and any(_relative_who(s) for s in c.children) for c in noun.children):
                thing = data.persons  # "the number who have fled rose to 12": a relative "who" counts persons
                how.append(("thing", f"{data.persons}, as the relative 'who' of its clause counts them"))
        noun_event = event_word(noun, data)
        if noun_event is not None:
            event = noun_event
            how.append(("event", f"{noun.lemma_!r}, an event noun"))
    relative = noun is not None and anchor.head.dep_ == "relcl" and anchor.head.head.i == noun.i  # "eight of whom deserted"
    predicate = predicate_of(noun if noun is not None and not relative else anchor)
    own = own_event(anchor, noun, data)  # "one dead", "One killed", "15 hurt", "1 fatally": the figure's own words
    nominal = nominal_of(noun, data) if noun is not None and own is None else None
    if own is not None:
        event = event_word(own, data)
        how.append(("event", f"{own.lemma_!r}, a word that describes the figure"))
    elif nominal is not None:  # "ordered the evacuation of 300 residents": the event noun governs them, not the verb
        event = event_word(nominal, data)
        how.append(("event", f"{nominal.lemma_!r}, the event noun the counted noun is the object of"))
    elif whole_of_parts(anchor, noun, data):  # "Of the 240 diners, 37 fell ill": the 240 are diners, whoever fell ill
        done = done_by(noun, data) if noun is not None else None
        if done is not None:  # "Of the 600 tenants surveyed"
            event = event_word(done, data) or lemma_of(done)
            how.append(("event", f"{done.lemma_!r}, {DONE}"))
        how.append(("event", "not its clause's: the figure is the whole a part of its clause is taken from"))
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
    sized = sized_by(noun, data) if kind == "count" and noun is not None and event not in data.events.values() else None
    if sized is not None:  # "police put the march at 30,000 people": they are its size
        event = event_word(sized, data)
        how.append(("event", f"{sized.lemma_!r}, the event noun its verb puts the figure at, as its size"))
    if kind == "count" and noun is not None and data.of_persons(thing):
        state = state_of(noun, predicate or (noun.head if is_lemma(noun.head, "be") else None), event, data)
        if state is not None:  # "the 2,300 workers on strike", "210 officers remain on the search"
            event = event_word(state, data) or data.events[f"{state.head.lower_} {lemma_of(state)}"]
            how.append(("event", f"{state.lemma_!r}, the state its prepositional phrase puts the counted persons in"))
    return thing, event, done, predicate


def corrected(
    anchor: Token,
    noun: Token | None,
    predicate: Token | None,
    inside: set[int],
    kind: str,
    data: Classes,
    thing: str | None,
    event: str | None,
    done: Token | None,
    how: list[tuple[str, str]],
) -> tuple[str | None, str | None, Token | None, tuple[Token, Token | None] | None, Token | None]:
    """The thing and event as the rest of the sentence corrects them (a running total, a sum's noun,
    instances of what is reported, a share of those past a threshold, persons counted by their event,
    what each person loses); the counted noun, the running total (None if none) and, for a sum, what
    it is paid for."""
    total = totalled(anchor, data) if kind == "count" else None
    if total is not None:  # "A further 17 crew fell ill, bringing the total to 58": 58 fell ill
        clause, counted = total
        if done is None:  # not "bringing to 27 the number transferred": the counter's own clause says what
            event = event_word(clause, data) or complement_event(clause, data) or lemma_of(clause)
            how.append(("event", f"{clause.lemma_!r}, {TOTALLED}"))
        if thing is None and counted is not None and event not in data.counts_persons:  # else people, as it counts them
            noun = contents(counted, data)
            thing = class_of(noun, data.things)
            how[:] = [h for h in how if h[0] != "thing"]  # the counter's "names no noun" gives way to the clause's noun
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
    if (
        event in data.counts_persons
        and kind in ("count", "percent")  # a sum is no person's: "to save £52,000" counts no one rescued
        and (thing is None or (noun is not None and event_word(noun, data) == event))
    ):
        thing = data.persons  # "killed 213", "a toll of 44": those killed are people
        how.append(("thing", f"{data.persons}, as {event} counts them"))
    held = data.held.get(event or "")
    if (
        held is not None
        and thing is not None
        and data.of_persons(thing)
        and predicate is not None
        and any(c.dep_ == "dobj" and class_of(c, data.things) == held for c in predicate.children)
    ):  # the sentence names the thing they lose ("lose their jobs"); not "job cuts amount to 12% of 15,000 employees"
        thing = held  # "1,100 workers will lose their jobs": as many jobs are cut as persons lose one
        how.append(("thing", f"{held}, what each of the persons {event} loses"))
    left = data.leaves.get(event or "")
    if left is not None and kind == "count" and (thing is None or data.of_persons(thing)):
        thing = left  # "signed by 2,300 people": as many signatures as persons signed
        how.append(("thing", f"{left}, what each of the persons who {event} leaves"))
    return thing, event, noun, total, paid_for


def _relative_who(token: Token) -> bool:
    """Whether a word is the relative "who" as the subject of its clause ("the number who fled"): persons."""
    return token.dep_ in ("nsubj", "nsubjpass") and is_lemma(token, "who")


def _reached(anchor: Token, noun: Token, data: Classes) -> bool:
    """Whether a figure is the level its noun, the subject or object of a verb of level or change, is
    brought to or set at ("cancelled flights climbed to 212", "cut the fleet to 40", "exports reached
    900"); not a change by it ("rose by 12") nor the level it came from ("fell from 40"), nor a singular
    noun, which no count is the number of."""
    verb = anchor.head.head if anchor.dep_ == "pobj" and is_word(anchor.head, "to", "at") else anchor.head
    if anchor.dep_ not in ("pobj", "dobj", "attr") or verb.pos_ != "VERB" or noun.head.i != verb.i:
        return False
    lemma = lemma_of(verb)
    if anchor.dep_ != "pobj" and lemma not in data.level_verbs:
        return False  # "exports reached 900", not "caught 14"
    return (
        (lemma in data.level_verbs or lemma in data.change_verbs)
        and noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and "Plur" in noun.morph.get("Number", [])  # things counted are many: not "the attack has risen to 586", a misparse
    )
