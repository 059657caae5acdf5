"""The frame of a date, read from its sentence's parse: the event it dates and what that happened to.

A date is the date of the verb or event noun its phrase attaches to ("was arrested on 3 March",
"the 2009 fire", "opened in 1987", "the fire of 12 May"), through the date words around it
("on Sunday 14 June", "on the evening of 3 March"). What the event happened to is its object, else
its subject (a passive's subject), the noun a participle describes ("the chain, founded in 1968"),
or an event noun's "of" phrase, possessor or compound ("the 2012 sinking of the Aurora Bay", "a
methane explosion"); a word that says which instance ("the earlier fire", "the first case", "last
erupted") is part of the frame. Only one dated instance is compared: a date that is the edge of a
span ("since 2019", "until March"), an event that recurs ("every year"), is planned or not past
("due to open", "opens on"), or is denied, is a frame's role other than "level"; several things,
"a" thing or a pronoun name no one thing. Classes are the language's [frames] data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.attribute.frame import Frame
from numcheck.attribute.framedata import Classes, classes
from numcheck.attribute.tree import class_of, event_word, lemma_of, span_tokens
from numcheck.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Roles of a date that is not the one date of an event, each with why (check/frames.undated says it).
SPAN, RECURRING, SCHEDULED, DENIED, SEVERAL = "span", "recurring", "scheduled", "denied", "several"
PLANNED = "planned"  # said of the entity of a scheduled event's date: "works (start), planned"
REPEATED = "repeated"  # given by attribute/claims.py, which sees the sentence's other dates
AHEAD = "ahead"  # given by attribute/claims.py: a day named from the article's date read as one to come
_TIME_ENTS = ("DATE", "TIME")
_INDEFINITE = ("a", "an", "another", "some", "any", "one", "several", "many", "each", "every")
_PAST = ("VBD", "VBN")
_DIGIT = re.compile(r"\d")


def relative_day(c: Claim) -> bool:
    """Whether a date is a day named from its article's date ("on Monday", "yesterday"): which day,
    the tense picks (and `read_back`), and a report days later names the same day otherwise; such a
    date is compared as the day it resolves to when that is by the article's date (a past event's)."""
    lo, hi = c.interval
    return c.kind == "date" and isinstance(lo, dt.date) and lo == hi and _DIGIT.search(c.surface) is None


def date_frame(doc: Doc, start: int, end: int, lang: str = "en", incidents: dict[str, str] | None = None) -> Frame:
    """The frame of the date at characters [start, end) of the parsed text `doc`; `incidents`: the
    rules' words that name an incident, by its kind ("sank" -> "sinking"), before the language's classes."""
    data = classes(lang)
    span = span_tokens(doc, start, end)
    if span is None:
        return Frame()
    tokens, inside, anchor = span
    how: list[tuple[str, str]] = []
    if any(_recurs(t, data) for t in tokens):
        return Frame(role=RECURRING, how=(("role", f"{RECURRING}: the date names a day that comes again"),))
    if _coordinated(anchor, inside):
        return Frame(role=SEVERAL, how=(("role", f"{SEVERAL}: the date is one of days joined by 'and' or 'or'"),))
    attach, word = _attachment(anchor, inside)
    starts = word in data.date_starts and attach is not None and not _ended(doc, attach, anchor, data)
    if word is not None and word not in data.date_points and not starts:
        return Frame(role=SPAN, how=(("role", f"{SPAN}: {word!r} makes the date an edge of a span"),))
    if starts:
        how.append(("role", f"{word!r}: the day its event starts, no end of a span given"))
    if attach is None:
        return Frame(how=(("event", "none: the date attaches to no verb or noun"),))
    words = incidents or {}
    attach = _copula_subject(attach, anchor, inside) or attach  # "its busiest day was 31 July": the day it names
    during = _interrupting(attach, data)
    if during is not None:  # "was working on the roof on 4 May when the accident happened"
        how.append(("event", f"{during.lemma_!r}: what happened while {attach.lemma_!r} went on, the clause its date dates"))
        attach = during
    if attach.pos_ in ("VERB", "AUX"):
        role = _verb_role(attach, data)
        if role is not None and role != SCHEDULED:
            return Frame(role=role, how=(("role", f"{role}: {attach.lemma_!r} is not one past event"),))
        if role == SCHEDULED and _former_plan(attach):  # "was due to finish on 14 May": superseded, or kept
            return Frame(role=role, how=(("role", f"{SCHEDULED}: {attach.lemma_!r} was planned (a plan said in the past)"),))
        if role == SCHEDULED:  # the day one event is planned for: read as a past event's is, and kept apart from one
            how.append(("role", f"{SCHEDULED}: {attach.lemma_!r} is planned, to come or habitual"))
        event = _event(attach, data, words, lang)
        event_class = event if event in dated_events(lang) else None  # "began": a light verb, and an event of a class
        named = None if event_class else _named_event(attach, inside, data, lang)
        if named is not None:  # "gave the go-ahead", "the blast happened", "the blast that wrecked the mill"
            noun, event = named
            how.append(("event", f"{event!r}, the event {noun.lemma_!r} names, of the verb the date attaches to"))
            thing, owner = _named_thing(attach, noun, inside, data, how)
        elif attach.lemma_ == "be" or _says_little(attach, data) and event == lemma_of(attach) != event_class:
            return Frame(how=(("event", f"none: {attach.lemma_!r} says too little to be an event"),))
        else:
            how.append(("event", f"{attach.lemma_!r}, the verb the date attaches to"))
            thing, owner = _verb_thing(attach, inside, data, how)
    elif attach.pos_ == "NOUN":  # not a name: "SANTA ORSEA, June 12 (Meridian Press)" is a dateline
        role = None
        if any(_recurs(c, data) or c.lower_ in data.date_scheduled for c in attach.children):
            return Frame(role=SCHEDULED, how=(("role", f"{SCHEDULED}: {attach.lemma_!r} is planned or recurs"),))
        if _several(attach, inside):
            return Frame(how=(("event", f"none: {attach.text!r} names no one event ('a', several)"),))
        event = _event(attach, data, words, lang)
        how.append(("event", f"{attach.lemma_!r}, the event noun the date describes"))
        thing, owner = _noun_thing(attach, inside, data, how)
    else:
        return Frame(how=(("event", f"none: the date attaches to {attach.text!r}, no verb or noun"),))
    which = _instance(attach, data)
    if which:
        event = f"{which} {event}"
        how.append(("event", f"{which!r}: which instance of it"))
    if owner:
        how.append(("owner", owner))
    return Frame(thing, event, owner, role=role or "level", how=tuple(how))


def _copula_subject(verb: Token, anchor: Token, inside: set[int]) -> Token | None:
    """The noun a date is said to be, when the date is what "be" says of it: "its busiest day was 31
    July", "the deadline is 3 March": the noun names the date's event; None for any other date."""
    if verb.lemma_ != "be" or not any(t.dep_ == "attr" and t.head.i == verb.i for t in (anchor, anchor.head)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in inside), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _coordinated(anchor: Token, inside: set[int]) -> bool:
    """Whether a date is joined to another day by "and" or "or" ("on Monday or Tuesday night", "on
    3 and 5 March"): one of several days, none of them the event's one date."""
    phrase = anchor.head if anchor.dep_ in ("compound", "nummod") and anchor.head.i not in inside else anchor
    return any(
        t.dep_ == "conj" and t.head.i not in inside or any(c.dep_ == "conj" and c.i not in inside for c in t.children)
        for t in {anchor, phrase}
    )


def read_back(doc: Doc, start: int, end: int, lang: str = "en") -> bool:
    """Whether the date at characters [start, end) of `doc` attaches to a verb in the past tense that
    is one past event ("received approval on 11 November"): its day is one by the article's date,
    whatever another clause of its sentence says of what is to come ("... a project that will transform")."""
    span = span_tokens(doc, start, end)
    if span is None:
        return False
    attach, word = _attachment(span[2], span[1])
    if attach is None or attach.pos_ not in ("VERB", "AUX") or word is not None and word not in classes(lang).date_points:
        return False
    return attach.tag_ in _PAST and _verb_role(attach, classes(lang)) is None


def _ended(doc: Doc, attach: Token, anchor: Token, data: Classes) -> bool:
    """Whether a date "from" puts at its event's start has the span's end beside it: a date after
    "to" or "until" ([frames.dates] ends) on the same word, or on the first date ("from 1 to 5 March")."""
    for t in doc:
        if t.dep_ == "pobj" and t.ent_type_ in _TIME_ENTS and t.head.lower_ in data.date_ends:
            if t.head.head.i == attach.i or t.head.head.i == anchor.i or anchor.is_ancestor(t):
                return True
    return False


def _attachment(anchor: Token, inside: set[int]) -> tuple[Token | None, str | None]:
    """The word a date's phrase attaches to and the preposition that attaches it (None when none
    does: "the 2009 fire", "last year"), through the date words around it ("on Sunday 14 June",
    "on the evening of 3 March")."""
    node, word = anchor, None
    for _ in range(6):
        if node.pos_ == "ADP" or node.dep_ in ("prep", "agent"):  # "since 2019": the preposition is in the date
            word = node.lower_
            node = node.head
        elif node.dep_ == "pobj" and node.head.i != node.i:
            word = node.head.lower_
            node = node.head.head
        elif node.head.i != node.i:
            node = node.head
        else:
            return None, word
        if node.i in inside or node.ent_type_ in _TIME_ENTS or node.lower_ in ("late", "early"):
            continue  # "on the evening of 3 March", "Sunday 14 June": date words of the same date
        return node, word
    return None, word


def _recurs(token: Token, data: Classes) -> bool:
    """Whether a word makes its date or event recur: "every year", "weekly", "on Saturdays"."""
    if token.lower_ in data.date_recurring:
        return True
    if token.ent_type_ in _TIME_ENTS and token.tag_ in ("NNS", "NNPS") and token.pos_ != "NUM":
        return True  # "on Saturdays"
    return any(c.dep_ == "det" and c.lower_ in data.date_recurring for c in token.children)


def _past_progressive(verb: Token) -> bool:
    """Whether a verb is what was going on in the past: "was replacing", "were working"."""
    return verb.tag_ == "VBG" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _interrupting(verb: Token, data: Classes) -> Token | None:
    """The verb of what happened while a past progressive went on ("was driving home on Friday when
    her car hit a tree": "hit"), whose day the date is; None for any other verb."""
    if verb.pos_ not in ("VERB", "AUX") or not _past_progressive(verb):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.tag_ in _PAST
            and any(w.dep_ in ("advmod", "mark") and w.lower_ in data.date_when for w in c.children)
        ),
        None,
    )


def _verb_role(verb: Token, data: Classes) -> str | None:
    """Why a verb is not one past event, or None: it is denied, recurs, is planned or not past
    ("was replacing" is past: what was going on then)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return DENIED
    if any(_recurs(c, data) for c in verb.children if c.dep_ in ("advmod", "npadvmod")):
        return RECURRING
    if _past_progressive(verb):
        return None
    if verb.tag_ not in _PAST or any(_not_past(c) for c in verb.children):
        return SCHEDULED  # "will open on", "opens on", "is shut on Sundays", "to open on"
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "acl") and node.head.i != node.i:
        node = node.head
        if lemma_of(node) in data.date_scheduled or node.lower_ in data.date_scheduled:
            return SCHEDULED
    return None


def _former_plan(verb: Token) -> bool:
    """Whether a planned verb's plan is told in the past ("was due to open", "had been expected to
    finish", "were to start"): a plan that may since have changed, not compared as the current one."""
    return any(
        node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)
        for node in _complemented(verb, 4)
    )


def _complemented(verb: Token, most: int) -> Iterator[Token]:
    """The words a verb is the complement of, nearest first, at most `most` ("to begin" in "is due to
    begin": "due", then "is"); never the clause it is said in ("..., the council said")."""
    node = verb
    for _ in range(most):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return
        node = node.head
        yield node


def _not_past(aux: Token) -> bool:
    """Whether an auxiliary puts its verb out of the past: "will", "is", "to"; not "has"."""
    return aux.dep_ in ("aux", "auxpass") and (aux.tag_ == "MD" or aux.tag_ in ("VBZ", "VBP", "TO") and aux.lemma_ != "have")


def _says_little(verb: Token, data: Classes) -> bool:
    """Whether a verb says too little to be an event of its own: a light verb, or one that gives a
    figure's level, change or forecast, or says who said so ("said on Tuesday")."""
    lemma = lemma_of(verb)
    return any(
        lemma in words for words in (data.light_verbs, data.change_verbs, data.level_verbs, data.source_verbs, data.forecast)
    )


def _event(token: Token, data: Classes, incidents: dict[str, str], lang: str = "en") -> str:
    """A verb's or event noun's class: the rules' incident it names ("sank" -> sinking), else the
    language's class of dated events ([frames.dates.events]: "plunged" -> crash), of events or of
    things, else its lemma (with its particle: "go up")."""
    lemma = lemma_of(token)
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    words = (f"{token.lower_} {particle}", token.lower_, f"{lemma} {particle}", lemma) if particle else (token.lower_, lemma)
    for word in words:
        if word in incidents:
            return incidents[word]
    found = _dated_word(token, lang) or event_word(token, data)
    if found:
        return found
    if token.pos_ in ("NOUN", "PROPN"):
        return class_of(token, data.things)
    return f"{lemma} {particle}" if particle else lemma


@lru_cache(maxsize=None)
def _dated_classes(lang: str) -> Classes:
    """The language's frame data with its classes of dated events ([frames.dates.events]) as its
    events, so that their phrases of several words are read as the events' are (`event_word`)."""
    data = classes(lang)
    ends = frozenset(w for entry in data.date_events if " " in entry for w in (entry.split()[0], entry.split()[-1]))
    return replace(data, events=data.date_events, phrases=ends)


def _dated_word(token: Token, lang: str) -> str | None:
    """The class of dated event a word names ([frames.dates.events]), read as `event_word` reads
    events', or with the adjective before it ("the green light"); None for none."""
    dates = _dated_classes(lang)
    found = event_word(token, dates)
    if found is None and token.pos_ == "NOUN":
        lemma = lemma_of(token)
        named = (f"{c.lower_} {lemma}" for c in token.lefts if c.dep_ == "amod")
        found = next((dates.events[w] for w in named if w in dates.events), None)
    return found


@lru_cache(maxsize=None)
def dated_events(lang: str = "en") -> frozenset[str]:
    """The classes of dated events of a language ("crash", "approval"): an article that dates one
    event of such a class dates the one event of it that another article dates (attribute/claims.py)."""
    return frozenset(classes(lang).date_events.values())


def _named_event(verb: Token, inside: set[int], data: Classes, lang: str) -> tuple[Token, str] | None:
    """The event noun of a dated class a verb that is no such event names, and its class: the object
    or subject of a verb that says too little to be an event ("gave the go-ahead", "received approval",
    "the blast happened": [frames.dates] happened), or the noun whose relative clause's subject it is
    ("the explosion that wrecked the mill on 12 May", where "the approval, which was challenged on"
    is another event); None for none."""
    nouns = []
    if _says_little(verb, data) or lemma_of(verb) in data.date_happened:
        deps = ("dobj", "nsubj", "nsubjpass")
        nouns = [c for c in verb.children if c.dep_ in deps and c.i not in inside and c.pos_ == "NOUN"]
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)
    ):
        nouns.append(verb.head)
    for noun in nouns:
        found = _dated_word(noun, lang)
        if found is not None and not _several(noun, inside):
            return noun, found
    objects = [f"{lemma_of(verb)} {lemma_of(c)}" for c in verb.children if c.dep_ == "dobj"]
    if lemma_of(verb) in data.date_happened and all(o in data.date_happened for o in objects):
        # "the colour run took place on 15 November", "the count happened overnight": what took place; not
        # "the council took the decision on Monday", whose object says what the verb did
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in inside), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and not _several(subject, inside):
            return subject, _event(subject, data, {}, lang)
    return None


def _named_thing(
    verb: Token, noun: Token, inside: set[int], data: Classes, how: list[tuple[str, str]]
) -> tuple[str | None, str | None]:
    """What an event a verb's noun names happened to: the noun's "of" phrase, possessor or compound
    when the noun is the verb's subject or the noun it says more of ("the 2012 blast at the mill"),
    else the verb's passive subject or indirect object ("the farm was given the go-ahead", "gave the
    scheme the green light"); none for an active verb's subject, who did it ("the council gave its backing")."""
    if noun.dep_ != "dobj":
        return _noun_thing(noun, inside, data, how)
    target = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dative") and c.i not in inside), None)
    if target is None:
        how.append(("thing", f"none: the verb says who gave or got the {noun.lemma_}, not what it was of"))
        return None, None
    return _thing(target, data, how)


def _several(noun: Token, inside: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether a noun names no one thing: plural, counted, or "a"/"another" ("a fire in 2017");
    the date's own words (`inside`) do not count it ("the 2012 sinking")."""
    return (
        noun.tag_ in ("NNS", "NNPS")
        or any(c.dep_ == "nummod" and c.i not in inside for c in noun.children)
        or any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children)
    )


def _the_set(noun: Token) -> bool:
    """Whether a plural names one set its reader knows, whose event is one: "the refunds went out on
    12 November", "the strikers' demands"; not a count ("two payments") nor a plural with no "the"."""
    return (
        noun.tag_ in ("NNS", "NNPS")
        and any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in noun.children)
        and not any(c.dep_ == "nummod" or c.lower_ in _INDEFINITE for c in noun.children)
    )


def _verb_thing(verb: Token, inside: set[int], data: Classes, how: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """What a dated verb happened to, and whose: its object, else its (passive) subject, else the
    noun it describes ("the chain, founded in 1968"); an active verb's named subject is its owner."""
    children = [c for c in verb.children if c.i not in inside]
    obj = next((c for c in children if c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")), None)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")), None)
    if subject is None:
        subject = _raised_subject(verb, inside)
    described = verb.head if verb.dep_ in ("acl", "relcl", "amod") and verb.head.pos_ in ("NOUN", "PROPN") else None
    target = obj or (subject if subject is not None and subject.pos_ != "PRON" or described is None else None) or described
    owner = _name(subject) if obj is not None and subject is not None else None
    thing, whose = _thing(target, data, how)
    return thing, whose or owner


def _raised_subject(verb: Token, inside: set[int]) -> Token | None:
    """The subject of the verbs a verb with none of its own is the complement of ("the survey is due to
    begin", "the hall is expected to reopen", "the line will be ready to open"), or None."""
    for node in _complemented(verb, 3):
        found = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
        if found is not None:
            return found if found.tag_ not in ("WDT", "WP") else None
    return None


def _noun_thing(noun: Token, inside: set[int], data: Classes, how: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """What a dated event noun happened to: its "of" phrase, possessor or a noun before it ("the
    2012 sinking of the Aurora Bay", "Niyazov's death", "a methane explosion")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":  # "of the year" says when, not what it was of
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.i not in inside and not _when(c, data)), None)
            if obj is not None:
                return _thing(obj, data, how)
    for child in noun.children:
        if child.dep_ == "poss" and child.i not in inside:
            return _thing(child, data, how)
    names = [c for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.i not in inside and c.pos_ in ("NOUN", "PROPN")]
    if names:
        how.append(("thing", f"{names[-1].lemma_!r}, a noun that says what the {noun.lemma_} was of"))
        return " ".join(lemma_of(c) if c.pos_ == "NOUN" else c.lower_ for c in names), None
    how.append(("thing", f"none: no 'of' phrase, possessor or noun says what the {noun.lemma_} was of"))
    return None, None


def _when(noun: Token, data: Classes) -> bool:
    """Whether a noun says when, not what: a date's words or a period ("the busiest day of the year")."""
    return noun.ent_type_ in _TIME_ENTS or lemma_of(noun) in data.periods


def _thing(noun: Token | None, data: Classes, how: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """A noun as a date's thing, and its owner (a possessor or the name before it); none for a
    pronoun, several things, or "a" thing: which one, the words do not say."""
    if noun is None:
        how.append(("thing", "none: the event has no object or subject"))
        return None, None
    while noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "The Kessler Street Bridge, a steel truss span built in 1958"
    if noun.pos_ == "PRON" or noun.pos_ not in ("NOUN", "PROPN"):
        how.append(("thing", f"none: {noun.text!r} is no noun that names it"))
        return None, None
    if _several(noun) and not _the_set(noun):
        how.append(("thing", f"none: {noun.text!r} names no one thing ('a', several)"))
        return None, None
    if noun.pos_ == "PROPN" and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.lefts):
        thing = noun.lower_
    else:
        thing = class_of(noun, data.things) if noun.pos_ == "NOUN" else noun.lemma_.lower()
    which = _instance(noun, data)
    if which:
        thing = f"{which} {thing}"
    how.append(("thing", f"{noun.lemma_!r}, what the event happened to ({noun.dep_})"))
    names = [t.text for c in noun.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for t in c.subtree]
    return thing, " ".join(names) or None


def _name(token: Token) -> str | None:
    """A named agent ("Police raided", "Voight won"): its name, else None."""
    return " ".join(t.text for t in token.subtree if t.pos_ == "PROPN") or None if token.pos_ == "PROPN" else None


def _instance(token: Token, data: Classes) -> str | None:
    """The word that says which instance of an event or thing it is: "the earlier fire", "the
    first case", "last erupted", "a smaller blaze" (a comparison makes it another)."""
    for child in token.children:
        if child.dep_ not in ("amod", "advmod", "npadvmod"):
            continue
        found = data.instances.get(child.lower_)
        if found:
            return found
        if child.ent_type_ == "ORDINAL" or child.tag_ in ("JJR", "JJS", "RBR", "RBS"):
            return child.lower_
    return None


def entity(event: str, thing: str, kinds: Collection[str] = ()) -> str:
    """The entity a framed date is grouped by: an incident of one of the rules' `kinds` as incidents
    name theirs ('founding of chain'), any other event after what it happened to ('ward (closed)')."""
    return f"{event} of {thing}" if event.split()[-1] in kinds else f"{thing} ({event})"
