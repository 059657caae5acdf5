"""The frame data of a language, read from [frames] of numcheck/lang/<code>.toml: word -> class,
subsets, periods and role words, each field named once in a table of where it is read."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from numcheck.extract import language

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True, kw_only=True)
class Classes:
    """A language's frame data: word -> class, subsets, periods and role words; each field is read
    as `_READ` says (a new field: one line here and one there)."""

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
    added_verbs: frozenset[str] = frozenset()  # verbs whose object's count is an addition: "adding 66 trains a day"
    measures: frozenset[str] = frozenset()  # nouns that measure another noun: "magnitude", "depth"
    populated: frozenset[str] = frozenset()  # places whose figure is their population: "a city of 90,000"
    rate_markers: frozenset[str] = frozenset()  # prepositions that make a figure a rate: "per film"
    rate_determiners: frozenset[str] = frozenset()  # "20 a day", "$38.50 a share"
    distributive: frozenset[str] = frozenset()  # a subject's determiners that make a figure a rate: "each line has 1,920"
    fractions: frozenset[str] = frozenset()  # nouns that take a share of a figure: "a quarter of a million jobs"
    change_nouns: frozenset[str] = frozenset()  # nouns a figure is the size of a change of: "a 23% reduction in ..."
    spans: frozenset[str] = frozenset()  # nouns that hold a length of time and say nothing of what: "a period of"
    lengths_of: frozenset[str] = frozenset()  # nouns of things in a line, whose length a length "of" them gives: "4 km of track"
    timed_events: frozenset[str] = frozenset()  # events whose length a duration gives: "74 days undetected"
    narrowing: frozenset[str] = frozenset()  # prepositions that narrow a rate to a part: "the pass rate in maths"
    spent_in: frozenset[str] = frozenset()  # prepositions of the state a time was spent in: "41 days in captivity"
    persons: str = "people"  # the class of persons (its subsets are persons too)
    counts_persons: frozenset[str] = frozenset()  # events whose count with no noun counts persons: "killed 213"
    person_events: frozenset[str] = frozenset()  # events that happen to persons (what a count of persons measures)
    persons_only: frozenset[str] = frozenset()  # events that happen to nothing else: "carrying 940 signatures" is no "aboard"
    not_sums: frozenset[str] = frozenset()  # events of persons no sum has: "saved £40,000" is no rescue
    populated_event: str = "live"  # the event of a place's population: "a city of 90,000"
    combined: frozenset[str] = frozenset()  # words that make a figure the sum of its subjects': "together"
    light_verbs: frozenset[str] = frozenset()  # verbs that say too little to be an event of their own: "have", "take"
    for_objects: frozenset[str] = frozenset()  # verbs whose "for" phrase is what they want, not how long: "asked for"
    date_points: frozenset[str] = frozenset()  # prepositions that put a date at its event's time: "on 3 March"
    date_starts: frozenset[str] = frozenset()  # prepositions that put a date at its event's start: "from 1 December"
    date_ends: frozenset[str] = frozenset()  # prepositions of a span's end: "from 1 to 5 March", "until"
    date_to_now: frozenset[str] = frozenset()  # prepositions of a span to the present: "since 26 October"
    date_recurring: frozenset[str] = frozenset()  # words that make an event recur: "every year", "weekly"
    date_scheduled: frozenset[str] = frozenset()  # words that make an event a plan: "due to open", "the planned opening"
    instances: dict[str, str] = field(default_factory=dict)  # words that say which instance: "earlier" -> previous
    date_events: dict[str, str] = field(default_factory=dict)  # events a date dates, by class: "plunged" -> crash
    date_happened: frozenset[str] = frozenset()  # verbs that say only that their subject happened: "occur"
    date_several: frozenset[str] = frozenset()  # dated classes a story tells several of, each of its thing: "start"
    date_when: frozenset[str] = frozenset()  # words opening what happened during a past progressive: "was driving ... when"
    costing: frozenset[str] = frozenset()  # verbs whose subject their sum is of: "repairs would cost £1.8m", "the bank is owed"
    counters: frozenset[str] = frozenset()  # containers a figure is the number of whose contents: "the number of households"
    repetitions: frozenset[str] = frozenset()  # nouns of how often its verb happened: "capsized three times"
    amounts: dict[str, str] = field(default_factory=dict)  # money nouns -> class: "penalty" is a fine
    set_at: dict[str, str] = field(default_factory=dict)  # "cap at", "insure at" -> the class of the sum they set on a noun
    amount_verbs: dict[str, str] = field(default_factory=dict)  # "fine", "cost", "sign for" -> the class of their sum
    phrases: frozenset[str] = frozenset()  # the first and last words of the event classes' entries of several words
    held: dict[str, str] = field(default_factory=dict)  # event -> the thing each person it happens to counts as: cut -> job
    leaves: dict[str, str] = field(default_factory=dict)  # event -> the thing each person who does it leaves: sign -> signature
    money_verbs: frozenset[str] = frozenset()  # events that say money moved, not what it was: "paid a fine"
    totalling: frozenset[str] = frozenset()  # verbs that carry a running total to a figure: "bringing the total to 58"
    dimensions: dict[str, str] = field(default_factory=dict)  # "long", "length" -> length; "tall" -> height
    motions: dict[str, str] = field(default_factory=dict)  # "fell", "plunged" -> fall: how far a length says its subject went
    sizes: dict[str, str] = field(default_factory=dict)  # "measure" -> any, "cover" -> area: its subject's size in its unit's
    limits: frozenset[str] = frozenset()  # nouns of a bound that is set, not reached: "a safety limit of 50"
    priced: frozenset[str] = frozenset()  # classes of sums that are the price of one of something: "£12 a ticket" is a price
    shortfall: frozenset[str] = frozenset()  # words after a figure that make it the size of a gap: "four nurses short"
    hypothetical: frozenset[str] = frozenset()  # marks of a condition's clause: "if it sold 300,000 copies"
    remainder: frozenset[str] = frozenset()  # modifiers of the rest of a set: "the two other parties"
    part_takers: frozenset[str] = frozenset()  # words taking a part of a set: "many of the park's 820 wardens"
    hypothetical_aux: frozenset[str] = frozenset()  # what would follow from a condition: "£1m would be raised"
    picking: frozenset[str] = frozenset()  # events that pick some of a set out: "12 flights were cancelled"
    conditions: dict[str, str] = field(default_factory=dict)  # "seriously", "serious" -> serious condition
    condition_events: frozenset[str] = frozenset()  # events whose word an adverb of a condition narrows: injured
    condition_nouns: frozenset[str] = frozenset()  # nouns a word of a condition narrows: "in a critical condition"
    grammar: dict[str, list[str]] = field(default_factory=dict)  # a grammatical role -> its words: "of" -> "de", "du"
    timed_light: frozenset[str] = frozenset()  # light verbs whose own length a time gives: "held them for 63 days"
    margin: str = ""  # the word a margin's measure is named with ("won by 22 seconds"); none: no margin is read
    added_to: frozenset[str] = frozenset()  # verbs of change whose "to" phrase names the sum they change: "add £3m to the cost"
    taking: frozenset[str] = frozenset()  # verbs whose subject their sum is of, as costing's: "the levy brought in £90m"
    time_taken: str = ""  # the word the measure of the time an event took is named with ("built in 18 months")
    future: frozenset[str] = frozenset()  # auxiliaries of a time to come: "will take 18 months"
    taken_in: frozenset[str] = frozenset()  # prepositions of the time a past event took: "reconnected within 7 hours"
    taken_after: frozenset[str] = frozenset()  # prepositions of it after a passive verb only: "was reconnected after 26 hours"
    taking_time: frozenset[str] = frozenset()  # verbs whose object is the time their infinitive took: "took 14 seconds to"
    drives: frozenset[str] = frozenset()  # drives for money, whose own figure is their target: "a £20,000 appeal"
    earlier: frozenset[str] = frozenset()  # words of an earlier instance, whose figure is an earlier level: "a previous plan"
    new_markers: frozenset[str] = frozenset()  # change markers of what is new, made a rate by one: "900 new homes a year"
    level_cases: frozenset[str] = frozenset()  # prepositions of a level reached or held: "rose to 11.6%", "put it at 11.9%"

    def of_persons(self, thing: str | None) -> bool:
        """Whether a class of things counts persons: the class of persons or one of its subsets ("child")."""
        return thing is not None and (thing == self.persons or self.subsets.get(thing) == self.persons)


#: Where each field of `Classes` is read in [frames]: (its table, "" for [frames] itself; its key; how).
#: How: "index" reads a table of class -> words as word -> class, "words" a list as a set, "dict" a
#: table as it is, "str" one word (the field's default where the table has none).
_READ: dict[str, tuple[str, str, str]] = {
    "events": ("", "events", "index"),
    "things": ("", "things", "index"),
    "subsets": ("", "subsets", "dict"),
    "periods": ("", "periods", "index"),
    "change_verbs": ("roles", "change_verbs", "words"),
    "change_markers": ("roles", "change_markers", "words"),
    "forecast": ("roles", "forecast_words", "words"),
    "part_markers": ("roles", "part_markers", "words"),
    "source_verbs": ("roles", "source_verbs", "words"),
    "containers": ("roles", "containers", "words"),
    "level_verbs": ("roles", "level_verbs", "words"),
    "added_markers": ("roles", "added_markers", "words"),
    "added_verbs": ("roles", "added_verbs", "words"),
    "measures": ("roles", "measure_nouns", "words"),
    "populated": ("roles", "populated", "words"),
    "rate_markers": ("roles", "rate_markers", "words"),
    "rate_determiners": ("roles", "rate_determiners", "words"),
    "distributive": ("roles", "distributive", "words"),
    "fractions": ("roles", "fractions", "words"),
    "change_nouns": ("roles", "change_nouns", "words"),
    "spans": ("roles", "spans", "words"),
    "lengths_of": ("roles", "lengths_of", "words"),
    "timed_events": ("roles", "timed_events", "words"),
    "narrowing": ("roles", "narrowing", "words"),
    "spent_in": ("roles", "spent_in", "words"),
    "persons": ("persons", "class", "str"),
    "counts_persons": ("persons", "counted_by", "words"),
    "person_events": ("persons", "events", "words"),
    "persons_only": ("persons", "only", "words"),
    "not_sums": ("persons", "not_sums", "words"),
    "populated_event": ("persons", "populated_event", "str"),
    "combined": ("roles", "combined", "words"),
    "light_verbs": ("roles", "light_verbs", "words"),
    "for_objects": ("roles", "for_objects", "words"),
    "date_points": ("dates", "points", "words"),
    "date_starts": ("dates", "starts", "words"),
    "date_ends": ("dates", "ends", "words"),
    "date_to_now": ("dates", "to_now", "words"),
    "date_recurring": ("dates", "recurring", "words"),
    "date_scheduled": ("dates", "scheduled", "words"),
    "instances": ("dates", "instances", "index"),
    "date_events": ("dates", "events", "index"),
    "date_happened": ("dates", "happened", "words"),
    "date_several": ("dates", "several", "words"),
    "date_when": ("dates", "when", "words"),
    "costing": ("roles", "costing", "words"),
    "counters": ("roles", "counters", "words"),
    "repetitions": ("roles", "repetitions", "words"),
    "amounts": ("", "amounts", "index"),
    "amount_verbs": ("", "amount_verbs", "index"),
    "set_at": ("", "set_at", "index"),
    "held": ("persons", "held", "dict"),
    "leaves": ("persons", "leaves", "dict"),
    "money_verbs": ("roles", "money_verbs", "words"),
    "totalling": ("roles", "totalling", "words"),
    "dimensions": ("", "dimensions", "index"),
    "motions": ("", "motions", "index"),
    "sizes": ("", "sizes", "index"),
    "limits": ("roles", "limits", "words"),
    "priced": ("roles", "priced", "words"),
    "shortfall": ("roles", "shortfall", "words"),
    "hypothetical": ("roles", "hypothetical", "words"),
    "remainder": ("roles", "remainder", "words"),
    "part_takers": ("roles", "part_takers", "words"),
    "hypothetical_aux": ("roles", "hypothetical_aux", "words"),
    "picking": ("roles", "picking", "words"),
    "conditions": ("conditions", "classes", "index"),
    "condition_events": ("conditions", "events", "words"),
    "condition_nouns": ("conditions", "nouns", "words"),
    "grammar": ("", "grammar", "dict"),
    "timed_light": ("roles", "timed_light", "words"),
    "margin": ("roles", "margin", "str"),
    "taking": ("roles", "taking", "words"),
    "added_to": ("roles", "added_to", "words"),
    "time_taken": ("roles", "time_taken", "str"),
    "taking_time": ("roles", "taking_time", "words"),
    "drives": ("roles", "drives", "words"),
    "earlier": ("roles", "earlier", "words"),
    "new_markers": ("roles", "new_markers", "words"),
    "level_cases": ("roles", "level_cases", "words"),
    "taken_in": ("roles", "taken_in", "words"),
    "taken_after": ("roles", "taken_after", "words"),
    "future": ("roles", "future", "words"),
}


def _index(table: dict[str, list[str]]) -> dict[str, str]:
    """A table of class -> words read as word -> class."""
    return {w.lower(): k for k, words in table.items() for w in words}


def reads(lang: str) -> bool:
    """Whether a language has frame data ([frames] in its language file): English's words and classes
    say nothing of another language's words, so a language with none has no frames read."""
    return lang in language.codes() and bool(language.data(lang).get("frames"))


@lru_cache(maxsize=None)
def classes(lang: str) -> Classes:
    """The frame data of a language ([frames] in numcheck/lang/<code>.toml; none where it has none)."""
    data = language.data(lang).get("frames", {}) if reads(lang) else {}
    defaults = {f.name: f.default for f in fields(Classes)}
    read: dict[str, Any] = {}  # each value of its field's type, as `_READ` says how to read it
    for name, (table, key, how) in _READ.items():
        found = (data if not table else data.get(table, {})).get(key)
        if how == "index":
            read[name] = _index(found or {})
        elif how == "dict":
            read[name] = dict(found or {})
        elif how == "str":
            read[name] = str(found if found is not None else defaults[name])
        else:
            read[name] = frozenset(found or ())
    events = _index(data.get("events", {}))  # the first and last words of its entries of several words
    phrases = frozenset(w for entry in events if " " in entry for w in (entry.split()[0], entry.split()[-1]))
    return Classes(**read, phrases=phrases)


@lru_cache(maxsize=None)
def amount_classes(lang: str) -> frozenset[str]:
    """The classes of sums of a language's frame data ([frames.amounts], [frames.amount_verbs])."""
    data = classes(lang)
    return frozenset((*data.amounts.values(), *data.amount_verbs.values()))


def words_of(token: Token, role: str) -> tuple[str, ...]:
    """The words of a grammatical role ("of", "by", "among", "according", "be") in the language of a
    token's parse ([frames.grammar]): a language with no such table (English) names each role by its
    own word; one with a table, by the words it lists (none for a role it does not list)."""
    grammar = classes(token.lang_).grammar
    return tuple(grammar.get(role, ())) if grammar else (role,)


def is_word(token: Token, *roles: str) -> bool:
    """Whether a word is the language's word for one of these grammatical roles ("of": "de", "du")."""
    return any(token.lower_ in words_of(token, role) for role in roles)


def is_lemma(token: Token, role: str) -> bool:
    """Whether a word's lemma is the language's word for a grammatical role ("be": "être")."""
    return token.lemma_ in words_of(token, role)
