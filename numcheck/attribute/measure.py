"""What a count measures, read from its frame: the rules' measure its words name, else the class of
what it counts, so that the same thing described with other words ("a vessel", "the ship") is
compared, and rules still apply.

The counted noun and the predicate of a frame (attribute/frame.py) are words with classes. A
measure of the rules is named by its words, lemmatised the way the parse lemmatises the frame's
("killed" is "kill", "deaths" is "death"). A count of persons ("five people", "the dead", or no
noun at all) measures what happened to them: the rules' measure of its event noun ("bodies"), of
its event word, else of its event class, else the event class itself ("attend"); a verb of no
class whose subject or object the count is, is its own class, its lemma ("212 people were fed":
feed), unless it says too little ("have", "take", "reach": [frames.roles] light_verbs) or the
clause bounds the count by a figure of its own ("312,400 patients waited more than 52 weeks").
A count of persons named by their role whose verb gives only its level ("Candidate numbers rose to
421,380") measures their class, as the same noun beside its figure does ("412,380 candidates").
A count of anything else measures what it counts: the rules' measure its noun names as a noun
("jobs" is job-cuts; "carries" is not "carrying"), else the noun's class ("vessel" and "ship"
are one); the noun the figure is the number of decides over a measure word of the rules near it
("the 41,000 vacancies in the workforce figures" counts vacancies), unless that word is a phrase
of the rules holding the noun ("900 job losses" are job cuts) or what happened to it ("four
smugglers were arrested"); a part of its noun that its verb picks out ("two of the ponies were
caught") measures the noun with that event ("pony catch"), never all of the noun. Where a frame
says neither, or names a time, a unit or a proper name, the window reading stands. A sum of money
measures the class of what it is the amount of ([frames.amounts]: "a £12m fee", "signed for £18m"
and "paid £12m for him" are a price; "was fined" and "a penalty" a fine), else its noun, which
outranks the window's word near it ("a $6m tax credit" is a credit, "losses of $70m" a loss, no
toll), unless that word is a rule's measure of sums and the noun names no kind of sum ("the grain
was worth $2m": its value). A quantity whose frame's word names its dimension ("deepened to 300
metres", "at a height of 20 miles") measures that dimension, whatever word of another dimension
the window found. A rules' measure that is a rate by its words ("per share") gives its level when
a figure of it is read as a rate ("$1.15 a share").
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from numcheck.attribute import parse
from numcheck.attribute.event import says_little
from numcheck.attribute.frame import Frame, word_of
from numcheck.attribute.framedata import Classes, amount_classes, classes
from numcheck.extract import language, units
from numcheck.model import Claim
from numcheck.rules.rulebook import RuleBook
from numcheck.rules.vocabulary import DEFAULT_KINDS


#: Words for currencies, which name no thing an amount pays for.
_CURRENCIES = frozenset(w.rstrip("s") for w in (*language.EN["units"]["currencies"], *language.EN["vague"]["of_money"]))

#: What a reading returns when the frame says the figure must not be compared: not even the
#: window's word then stands ("34.6% of the vote": whose share?).
REJECTED = ""
#: How a figure hangs on the noun it is the number of (a running total: the noun its clause's own figure counts).
_NUMBER_DEPS = ("(nummod)", "(compound)", "(quantmod)", "(amod)", "(nmod)", "(conj)", " of it)", "(total)")
#: How a part hangs on the verb whose subject or object it is ("two of the ponies were caught", "caught two of them").
_ARGUMENT_DEPS = ("(nsubj)", "(nsubjpass)", "(dobj)")
#: Words that are numbers, never what a figure counts ("five killed, dozens injured").
_NUMBER_WORDS = frozenset(w.rstrip("s") for w in language.EN["vague"]["plurals"]) | {"dozen", "score"}
#: Words after a figure that are no counted noun ("38 times the limit", "as two bodies found"): [stop] not_counted.
_NOT_COUNTED = frozenset(language.EN["stop"]["not_counted"])

_Words = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
#: lemma -> (measure, the kinds it admits, whether the rules' word is a noun)
_Index = dict[str, tuple[tuple[str, tuple[str, ...], bool], ...]]


def measure_of(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """The measure of a count, from its frame; the window reading (c.measure) where the frame
    does not say, and for the measures whose reading is not only words (ages, records) and figures
    that count only part of their measure (an extent: "15 of them")."""
    old = c.measure
    own = units.own_measure(c.unit) if c.kind == "quantity" else None
    if own is not None and old in units.DIMENSION_MEASURE.values() and old != own:
        old = own  # "holds 3.4 million litres, a mile from the harbour": a volume, whatever word of a distance stood near
    if c.kind == "money":
        return _sum(c, f, book, lang)
    if c.kind == "quantity" and c.extent is None and f.dimension is not None and _of_dimension(old, book, lang):
        return _sized(c, f, book, lang)
    if c.kind in _UNMEASURED and c.extent is None and (old is None or old not in book.measures or _dimensional(old, c, f, book)):
        found = _UNMEASURED[c.kind](c, f, book, lang)
        return None if found == REJECTED else found or old
    if c.kind == "count" and f.condition is not None and not (old is not None and old in book.roled):
        return f.condition  # "nine were seriously injured": a subset of the injured, its own measure
    if c.kind != "count" or c.extent is not None or old is not None and old in book.roled:
        return old
    words = _index(_words(book), lang)
    data = classes(lang)
    if f.thing is None or _people(f, book, lang):
        if f.event is None or c.value is not None and not float(c.value).is_integer():
            return old  # "1.140 persons" is no count of persons: a figure read wrong says nothing of its measure
        noun = word_of(f, "thing", first=True)  # an event noun names its measure: "bodies", "deaths", "the toll"
        noun_rule = _rule(words, noun, "count", True) if noun is not None and noun.lower() in data.events else None
        found = noun_rule or _rule(words, word_of(f, "event"), "count") or _rule(words, f.event, "count")
        if f.repeated:
            return found or f.event  # "capsized three times": as many capsizes
        if found != old and _longer(words, old, word_of(f, "event")):
            return old  # the window read a longer phrase of the rules around the word: "killed or wounded"
        known = f.event in data.events.values()
        if not known and f.thing is not None and _own_class(f, data):  # not "three threw for 400": of what?
            return old if old is not None and old in book.measures else f.event  # "212 people were fed": feed
        if old is None and _level_of_persons(f, data):
            return f.thing  # "Candidate numbers rose to 421,380": the level of those it names, as "412,380 candidates" is
        if f.thing is not None and f.event not in data.person_events:
            return old  # "scored in front of 41,208 fans": what happened is not the fans'
        if (
            old is not None
            and f.thing != data.persons
            and f.event not in data.counts_persons
            and old == _rule(words, word_of(f, "thing"), "count", True)
        ):  # "40 voters turned out": a measure the rules give the noun says more than the event's class,
            return old  # unless the event counts persons: "14 fans lost their lives" are dead, not a crowd
        return found or (_class_rule(words, f.event, lang) or f.event if known else old)
    noun = word_of(f, "thing") or f.thing
    if (
        noun.lower() in _NUMBER_WORDS
        or f.thing in data.periods
        or noun.lower() in units.WORDS
        or noun.lower() in units.UNITS
        or not noun.isalpha()
        or not noun.islower()
        or len(noun) < 3
        or c.value is None
        or not float(c.value).is_integer()
    ):
        return old  # "three days", "4 miles", "Dec 23", "half": a time, a unit, a name or a fraction
    if old is None and _part_by_event(f, data):
        return f"{f.thing} {f.event}"  # "two of the ponies were caught": the ponies caught, not all the ponies
    found = _rule(words, noun, "count", True)
    if _modified(f) and (old not in book.measures or _decides(f, old, noun, words, lang)):
        return found or (f.thing if f.thing not in book.measures else old)  # "900 creditors": not a rule's word near it
    if old in book.measures:
        return old  # the rules' word beside it says more than a noun the figure is no number of
    return found or old  # "a majority of 829": a noun the figure is no number of says less than "38 homes"


def _decides(f: Frame, old: str, noun: str, words: _Index, lang: str) -> bool:
    """Whether the noun a count is the number of ("12,000 vacancies", "40 stolen bikes") decides
    its measure over the rules' measure whose word the window found near it ("workforce
    statistics", "killing four dogs"): the figure is its noun's number as a level, and that word is
    neither a phrase of the rules holding the noun ("900 job losses") nor what happened to it ("four
    smugglers were arrested", "600 dead birds"), which the window reads rightly."""
    if f.role != "level" or noun.lower() in _NOT_COUNTED:
        return False  # "rose by 12 stores" is a change; "38 times the limit", "as two bodies found" count nothing
    read = {_rule(words, word_of(f, "event"), "count"), _rule(words, f.event, "count"), _rule(words, noun, "count")}
    if f.event is not None:
        read.add(_class_rule(words, f.event, lang))
    read.update(_rule(words, m, "count", True) for m in classes(lang).measures)  # "aftershocks of 5.0 magnitude"
    return not _longer(words, old, noun) and old not in read  # "16 shot": the noun is the rules' word itself


def _sum(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """The measure of an amount: what its frame says it is the amount of (`_money`: "a $6m tax
    credit" is a credit, "a £25m buyout clause" a clause, "losses of $70m" a loss), over a word the window
    found near it, a rule's or not; the window's word only where the frame names nothing, and where it
    is a phrase of the rules holding the frame's noun ("earnings per share" holds "earnings"), and where
    it is a rule's measure of sums ("worth": value) and the frame's noun names no kind of sum ("the
    grain was worth $2m": the grain's value, not a grain)."""
    old = c.measure
    found = _money(c, f, book, lang)
    if found is None or old is None:
        return found or old
    rule = book.measures.get(old)
    if _longer(_index(_words(book), lang), old, word_of(f, "thing") or f.thing) or (
        rule is not None and "money" in (rule.kinds or ()) and found not in book.measures and found not in amount_classes(lang)
    ):
        return old
    return found


def per_unit(measure: str | None, book: RuleBook, lang: str) -> bool:
    """Whether a measure is a rate by its own words: a measure of the rules whose words say so ("per
    share", "a share"), or a class of sums that is a price of one of something ([frames.roles] priced:
    "£12 a ticket"). A figure of it read as a rate ("$1.15 a share") gives its level, as one whose parse
    missed the rate does."""
    data = classes(lang)
    if measure is not None and measure in data.priced:
        return True
    rule = book.measures.get(measure or "")
    rates = data.rate_markers | data.rate_determiners
    return rule is not None and any(len(w.split()) > 1 and w.split()[-2].lower() in rates for w in rule.words)


def _money(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """What an amount no measure word is near is for: the rules' measure its noun or event names,
    else its class, from its noun ("a £12m fee") or the verb that takes it ("Quayle stole £4.7m":
    attribute/amount.py `amount_of`, [frames.amount_verbs]); a currency is no noun of its own
    ("thousands of dollars"), a person is whose it is, and a verb alone ("paid £40m") says too little."""
    words = _index(_words(book), lang)
    noun = word_of(f, "thing") or f.thing
    found = _rule(words, noun, "money", True) or _rule(words, f.thing, "money", True)  # its class: "the operating result"
    found = found or _rule(words, word_of(f, "event"), "money") or _rule(words, f.event, "money")
    if found or noun is None or f.thing is None or _people(f, book, lang):
        return found  # "her father lost $180,000": whose money, not what for; "paid £40m": for what, unsaid
    rule = book.measures.get(f.thing)
    if rule is not None and "money" in (rule.kinds or ()) and f.thing in classes(lang).set_at.values():
        return f.thing  # a sum set on a noun whose class is a rules' measure of money: "insured at £9,000" is a value
    if _plain(noun, classes(lang)) and noun not in _CURRENCIES and f.thing not in book.measures:
        return f.thing
    return None


def _percent(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """What a percentage is a share or rate of: the rules' measure its noun or event names, else
    the event class of its noun ("turnout of 61%": attend), else for persons ("4% of voters", or
    no noun) what happened to them when that is an event of a class, else the class of the noun it
    is a rate or change of ("a pass rate of 69.8%": pass; "a 23% reduction in deaths"), and of a
    noun it is a share of only when its frame names whose share it is ("Civic Union took 34.6% of
    the vote"; "34.6% of the vote": whose?), the owner then compared (check/frames.py). A level
    and a change ("rose 4.7%")
    stay apart by their role, a slot compared beside the measure."""
    words, data = _index(_words(book), lang), classes(lang)
    noun = word_of(f, "thing") or f.thing
    found = _rule(words, noun, c.kind, True)
    if not found and not _other_than_held(f, data):
        found = _rule(words, word_of(f, "event"), c.kind) or _rule(words, f.event, c.kind)
    if found:
        return found
    known = f.event is not None and f.event in data.events.values()
    if known and (f.thing is None or _people(f, book, lang)):  # "64% of voters turned out": the rules' turnout
        found = _class_rule(words, f.event or "", lang, c.kind)
        if found:
            return found
    if f.role == "share" and not (f.thing is None or _people(f, book, lang)):
        if f.owner is None or not _plain(noun, data) or (noun or "").lower() in c.surface.lower().split():  # its own "percent"
            return REJECTED  # "34.6% of the vote": whose share the frame does not tell (a party's, the postal ballots')
        return _named(f.thing, c.kind, book)  # "Civic Union took 34.6% of the vote": compared by whose (check/frames.py)
    if noun is not None and known and noun.lower() in data.events:
        return _named(f.event, c.kind, book)  # an event noun: "turnout", "deaths"
    if f.thing is None or _people(f, book, lang):
        return _named(f.event, c.kind, book) if known or _own_class(f, data) else None
    if f.qualified:  # "the pass rate in mathematics", "Girls reached a pass rate of 81%": a rate of a part
        if f.narrowed is None or not _plain(noun, data) or f.thing is None:
            return REJECTED  # "its pass rate": whose, the words do not say
        return _named(f"{f.narrowed} {f.thing}", c.kind, book)  # the part named is compared as a measure of its own
    return _named(f.thing, c.kind, book) if _plain(noun, data) else None


def _duration(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """What a length of time measures: the rules' measure its event names, else its event when of
    a class whose length a time can give ("went unnoticed for 74 days", "41 days in captivity";
    not "spent", a payment) or whose own phrase it is ("closed for six hours": `_for_its_event`),
    or a verb of no class it is the length of, its own class ("designed to
    operate for seven years"), else the noun it is the length of ("a 12-hour shift", "a follow-up
    of 2.8 years"); a verb that says too little ("lasted", "took") measures nothing."""
    words, data = _index(_words(book), lang), classes(lang)
    found = _rule(words, word_of(f, "event"), c.kind) or _rule(words, f.event, c.kind)
    if found:
        return found
    if f.event is not None and (
        f.event in data.timed_events
        or (_own_class(f, data, True) if f.event not in data.events.values() else _for_its_event(c, f, data))
    ):
        return _named(f.event, c.kind, book)  # "went undetected for 47 days", "trapped for 11 hours", "closed for six hours"
    return _named(f.measured, c.kind, book) if f.measured and _plain(f.measured.replace("-", ""), data) else None


def _for_its_event(c: Claim, f: Frame, data: Classes) -> bool:
    """Whether a length of time of an event of a class is that event's length: the verb's own phrase
    ("the road was closed for 14 hours"; not "closed after 14 hours"), not a payment's ("spent 26
    days"), nor what a noun or another verb takes ("took four hours to bring under control": its own
    measure), and a length it says ("a few weeks" says little of one event's)."""
    return f.argument and f.measured is None and f.event not in data.money_verbs and c.approx != "vague"


def _dimensional(old: str, c: Claim, f: Frame, book: RuleBook) -> bool:
    """Whether a quantity's window measure says no more than its unit: the unit's own measure where
    no word of a rule was near ("24 metres" read as a distance), or a measure compared only when we
    know whose it is ("from the" near "a 60-acre farm": a distance), which the noun its frame names
    gives; the noun its frame names it the dimension of, by a dimension word or by its unit ("a 40-metre
    section"), then decides; not a stuff it is an amount of ("60 cm of snow"). A rule's word ("high",
    "deep") keeps its measure, so that "The dam, 48 metres high" still meets "a height of 48 metres",
    which names no dam."""
    unit_own = units.own_measure(c.unit)
    return c.kind == "quantity" and f.said_of and (old == unit_own or old in book.needs_entity)


def _quantity(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """What a quantity measures: the dimension its frame names ("a barn 31 metres long": length),
    else its unit's, of the noun it describes ("a 20-metre boat": length of ship); a quantity that
    describes no noun says too little."""
    dimension = f.dimension or units.dimension(c.unit)
    if dimension is None or not f.measured or not _plain(f.measured.replace("-", "").replace(" ", ""), classes(lang)):
        return None
    return f"{dimension} of {f.measured}"


def _of_dimension(measure: str | None, book: RuleBook, lang: str) -> bool:
    """Whether a window's measure of a quantity says no more than a dimension: none, a unit's own
    ("distance", "weight") or a rule's measure named as a dimension ("height", "depth"), which the
    dimension its frame's word names replaces; not a rule's measure of more ("speed-limit", "rainfall")."""
    return measure is None or measure in units.DIMENSION_MEASURE.values() or measure in classes(lang).dimensions.values()


def _sized(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """The measure of a quantity whose frame names its dimension by a word said of it ("deepened to 300
    metres", "ran 1.2 miles", "at a height of 20 miles"), whatever word of another dimension the
    window found near it: the rules' measure of that dimension ("depth", "height": "250 metres deep"
    meets "deepened to 300 metres", whatever either is said of), else the dimension of the noun it is
    said of ("a barn 31 metres long": length of barn), else the unit's measure of that dimension
    ("ran 1.2 miles": distance)."""
    dimension = f.dimension or ""
    rule = book.measures.get(dimension)
    if rule is not None and "quantity" in (rule.kinds or DEFAULT_KINDS):
        return dimension
    return _quantity(c, f, book, lang) or units.DIMENSION_MEASURE.get(dimension)


#: Kinds whose measure, where no measure word of the rules was near, is read from the frame alone.
_UNMEASURED = {"percent": _percent, "duration": _duration, "quantity": _quantity}


def _own_class(f: Frame, data: Classes, timed: bool = False) -> bool:
    """Whether a frame's event, a verb of no class, is its own class (its lemma): what counted persons
    did or had done to them ("212 people were freed"), or what a length of time is the length of
    ("trapped for up to 11 hours"), read from a verb whose subject or object the figure counts, or
    whose own phrase it is; not a verb that says too little ("have", "take", "reach", "rise"), unless
    (`timed`: a length of time) it is one whose own length a time gives ("held them for 63 days":
    [frames.roles] timed_light)."""
    word = word_of(f, "event")
    if f.event is None or word is None or not f.argument or not _plain(f.event, data):
        return False
    if timed and f.event in data.timed_light and word.lower() in data.timed_light:
        return True
    return not says_little(f.event, data) and not says_little(word.lower(), data)


def _part_by_event(f: Frame, data: Classes) -> bool:
    """Whether a count of things is the part of its noun that its verb picks out ("two of the ponies
    were caught", "three of its five pumps failed"): it counts the things its event happened to, so
    its measure is the noun with the event (the event's class, else the verb's lemma), and two such
    parts of one noun with one event are one figure; not a verb that says too little ("four of the
    ten had"), nor a part that no event picks out."""
    word = word_of(f, "event")
    how = next((h for slot, h in f.how if slot == "thing"), "")
    return (
        f.role == "part"
        and how.endswith(_ARGUMENT_DEPS)
        and f.thing is not None
        and f.whole == f.thing
        and f.event is not None
        and word is not None
        and (f.event in data.events.values() or _plain(f.event, data))
        and not says_little(f.event, data)
        and not says_little(word.lower(), data)
    )


def _level_of_persons(f: Frame, data: Classes) -> bool:
    """Whether a frame gives the level of a set of persons its noun names by their role, and only
    that: its verb gives a level or a change to it ("Candidate numbers rose to 421,380", "the number
    of passengers reached 2,400"), the noun its subject or a counter's contents; not people with no
    role ("the number of people rose to 500": doing what?)."""
    how = next((h for slot, h in f.how if slot == "thing"), "")
    return (
        f.thing is not None
        and f.thing != data.persons
        and data.subsets.get(f.thing) == data.persons
        and f.event is not None
        and (f.event in data.level_verbs or f.event in data.change_verbs)
        and f.role == "level"
        and how.endswith((" of it)", "(nsubj)"))
    )


def _plain(word: str | None, data: Classes) -> bool:
    """Whether a word can name what is measured: a common word, not a number, a unit or a period."""
    if word is None:
        return False
    low = word.lower()
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 2
        and low not in _NUMBER_WORDS
        and low not in units.WORDS
        and low not in units.UNITS
        and low not in data.periods
    )


def _named(name: str | None, kind: str, book: RuleBook) -> str | None:
    """A class as the measure of a figure of this kind; a class that is a measure of the rules
    by its name, for other kinds ("killed" counts), is named with the kind so no rule of that
    measure applies to it."""
    if name is None:
        return None
    measure = book.measures.get(name)
    if measure is not None and kind not in (measure.kinds or DEFAULT_KINDS):
        return f"{name} {kind}"
    return name


def _longer(words: _Index, measure: str | None, word: str | None) -> bool:
    """Whether a phrase of several words names `measure` and holds `word` ("kill or wound" holds "kill")."""
    if measure is None or word is None:
        return False
    return any(
        word.lower() in key.split() and any(m == measure for m, _, _ in named) for key, named in words.items() if " " in key
    )


def _modified(f: Frame) -> bool:
    """Whether the figure is the number of its counted noun ("38 homes", "seven vehicles"), as its
    frame explains the noun (attribute/what.py: "..., the noun the figure counts (nummod)")."""
    how = next((h for slot, h in f.how if slot == "thing"), "")
    return how.endswith(_NUMBER_DEPS)


def _other_than_held(f: Frame, data: Classes) -> bool:
    """Whether a share's noun is a change its event acts on, not the thing the event happens to
    ([persons] held: a cut is of jobs; "cut its planned rent increase to 5.9%" is no share of jobs
    cut), so that the event's measure is not the share's."""
    held = data.held.get(f.event or "")
    noun = (word_of(f, "thing") or "").lower()
    return held is not None and f.thing != held and noun in data.change_nouns


def _people(f: Frame, book: RuleBook, lang: str) -> bool:
    """Whether a frame counts persons: its noun's class is people or one of its subsets, or the
    rules name it among the nouns that count persons ("miners", "others")."""
    persons = classes(lang).persons
    if f.thing == persons or classes(lang).subsets.get(f.thing or "") == persons:
        return True
    persons = _index((("", tuple(book.people), ()),), lang)
    return f.thing in persons or (word_of(f, "thing") or "").lower() in persons


def _words(book: RuleBook) -> _Words:
    """The rules' measures as (id, words, kinds): hashable, so the index is built once a rule book."""
    return tuple((m.id, tuple(m.words), tuple(m.kinds or ())) for m in book.measures.values())


@lru_cache(maxsize=8)
def _index(words: _Words, lang: str) -> _Index:
    """Each measure word, as written and lemmatised, -> the measures it names, in the rules' order."""
    phrases = sorted({w.lower() for _, ws, _ in words for w in ws})
    docs = parse.parse_many(phrases, lang) or []
    lemma = {p: (" ".join(t.lemma_.lower() for t in d), d[-1].pos_ in ("NOUN", "PROPN")) for p, d in zip(phrases, docs)}
    out: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {}
    for mid, ws, kinds in words:
        for w in ws:
            key, noun = lemma.get(w.lower(), (w.lower(), True))
            for k in dict.fromkeys((w.lower(), key)):
                if (mid, kinds, noun) not in out.setdefault(k, []):
                    out[k].append((mid, kinds, noun))
    return {k: tuple(v) for k, v in out.items()}


def _rule(words: _Index, word: str | None, kind: str, noun: bool = False) -> str | None:
    """The first measure a word names that a figure of this kind can have (`noun`: as a noun). An
    amount has only the measures the rules give money by name: a toll's words name no sum."""
    if word is None:
        return None
    return next(
        (
            mid
            for mid, kinds, is_noun in words.get(word.lower(), ())
            if kind in (kinds or (() if kind == "money" else DEFAULT_KINDS)) and (is_noun or not noun)
        ),
        None,
    )


def _class_rule(words: _Index, event: str, lang: str, kind: str = "count") -> str | None:
    """The measure most of an event class's words name ("toll", "die", "death": killed)."""
    members = [w for w, c in classes(lang).events.items() if c == event]
    votes = Counter(m for w in members if (m := _rule(words, w, kind)) is not None)
    return votes.most_common(1)[0][0] if votes else None
