"""What a count measures, read from its frame: the rules' measure its words name, else the class of
what it counts, so that the same thing described with other words ("a vessel", "the ship") is
compared, and rules still apply.

The counted noun and the predicate of a frame (attribute/frame.py) are words with classes. A
measure of the rules is named by its words, lemmatised the way the parse lemmatises the frame's
("killed" is "kill", "deaths" is "death"). A count of persons ("five people", "the dead", or no
noun at all) measures what happened to them: the rules' measure of its event noun ("bodies"), of
its event word, else of its event class, else the event class itself ("attend"); a verb of no
class ("have", "take") says too little. A count of anything else measures what it counts: the
rules' measure its noun names as a noun ("jobs" is job-cuts; "carries" is not "carrying"), else the
noun's class ("vessel" and "ship" are one). Where a frame says neither, or names a time, a unit
or a proper name, the window reading stands.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from numcheck.attribute import parse
from numcheck.attribute.frame import Frame, classes, word_of
from numcheck.extract import language, units
from numcheck.model import Claim
from numcheck.rules.rulebook import RuleBook
from numcheck.rules.vocabulary import DEFAULT_KINDS

#: The class the language data gives persons (its subsets are persons too).
PEOPLE = "people"
#: Measures whose reading depends on more than the words (an age by apposition, a win-loss record,
#: the persons aboard of whom passengers are a part, a distance from a place, an incident's date).
_KEPT_ROLES = ("age", "record", "aboard", "distance", "date")

#: Words for currencies, which name no thing an amount pays for.
_CURRENCIES = frozenset(w.rstrip("s") for w in (*language.EN["units"]["currencies"], *language.EN["vague"]["of_money"]))

#: The event classes of the language data that happen to persons (what a count of persons can measure).
_PERSON_EVENTS = frozenset(
    {
        "killed",
        "injured",
        "missing",
        "rescued",
        "arrested",
        "evacuated",
        "hospitalised",
        "infected",
        "charged",
        "sentenced",
        "aboard",
        "employed",
        "cut",
        "live",
        "attend",
        "voted",
    }
)
#: How a figure hangs on the noun it is the number of.
_NUMBER_DEPS = ("(nummod)", "(compound)", "(quantmod)", "(amod)", "(nmod)", "(conj)")
#: Words that are numbers, never what a figure counts ("five killed, dozens injured").
_NUMBER_WORDS = frozenset(w.rstrip("s") for w in language.EN["vague"]["plurals"]) | {"dozen", "score"}

_Words = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
#: lemma -> (measure, the kinds it admits, whether the rules' word is a noun)
_Index = dict[str, tuple[tuple[str, tuple[str, ...], bool], ...]]


def measure_of(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """The measure of a count, from its frame; the window reading (c.measure) where the frame
    does not say, and for the measures whose reading is not only words (ages, records) and figures
    that count only part of their measure (an extent: "15 of them")."""
    old = c.measure
    if c.kind == "money" and old is None:
        return _money(c, f, book, lang)
    if c.kind != "count" or c.extent is not None or old is not None and old in _roles(book):
        return old
    words = _index(_words(book), lang)
    data = classes(lang)
    if f.thing is None or _people(f, book, lang):
        if f.event is None or c.value is not None and not float(c.value).is_integer():
            return old  # "1.140 persons" is no count of persons: a figure read wrong says nothing of its measure
        noun = word_of(f, "thing", first=True)  # an event noun names its measure: "bodies", "deaths", "the toll"
        noun_rule = _rule(words, noun, "count", True) if noun is not None and noun.lower() in data.events else None
        found = noun_rule or _rule(words, word_of(f, "event"), "count") or _rule(words, f.event, "count")
        if found != old and _longer(words, old, word_of(f, "event")):
            return old  # the window read a longer phrase of the rules around the word: "killed or wounded"
        if f.thing is not None and f.event not in _PERSON_EVENTS:
            return old  # "scored in front of 41,208 fans": what happened is not the fans'
        known = f.event in data.events.values()  # a verb of no class ("have", "take") says too little
        return found or (_class_rule(words, f.event, lang) or f.event if known else old)
    noun = word_of(f, "thing") or f.thing
    if old in book.measures:
        return old  # the rules' word beside it says more than a noun of no rule ("one killed ... 22:59 UTC")
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
    found = _rule(words, noun, "count", True)
    if found or not _modified(f):
        return found or old  # "a majority of 829": a noun the figure is no number of says less than "38 homes"
    return f.thing if f.thing not in book.measures else old  # a class is no rule's measure by its name


def _money(c: Claim, f: Frame, book: RuleBook, lang: str) -> str | None:
    """What an amount no measure word is near is for: the rules' measure its noun or event names,
    else its noun ("a £12m fee", "a fine of $250,000"); a currency is no noun of its own
    ("thousands of dollars"), a person is whose it is, and a verb alone ("paid £40m") says too little."""
    words = _index(_words(book), lang)
    noun = word_of(f, "thing") or f.thing
    found = _rule(words, noun, "money", True) or _rule(words, word_of(f, "event"), "money") or _rule(words, f.event, "money")
    if found or noun is None or f.thing is None or _people(f, book, lang):
        return found  # "her father lost $180,000": whose money, not what for; "paid £40m": for what, unsaid
    if noun.isalpha() and noun.islower() and len(noun) > 2 and noun not in _CURRENCIES and f.thing not in book.measures:
        return f.thing
    return None


def _longer(words: _Index, measure: str | None, word: str | None) -> bool:
    """Whether a phrase of several words names `measure` and holds `word` ("kill or wound" holds "kill")."""
    if measure is None or word is None:
        return False
    return any(
        word.lower() in key.split() and any(m == measure for m, _, _ in named) for key, named in words.items() if " " in key
    )


def _modified(f: Frame) -> bool:
    """Whether the figure is the number of its counted noun ("38 homes", "seven vehicles"), as its
    frame explains the noun (attribute/frame.py: "..., the noun the figure counts (nummod)")."""
    how = next((h for slot, h in f.how if slot == "thing"), "")
    return how.endswith(_NUMBER_DEPS)


def _people(f: Frame, book: RuleBook, lang: str) -> bool:
    """Whether a frame counts persons: its noun's class is people or one of its subsets, or the
    rules name it among the nouns that count persons ("miners", "others")."""
    if f.thing == PEOPLE or classes(lang).subsets.get(f.thing or "") == PEOPLE:
        return True
    persons = _index((("", tuple(book.people), ()),), lang)
    return f.thing in persons or (word_of(f, "thing") or "").lower() in persons


def _roles(book: RuleBook) -> frozenset[str]:
    return frozenset(book.role(r) for r in _KEPT_ROLES)


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


def _class_rule(words: _Index, event: str, lang: str) -> str | None:
    """The measure most of an event class's words name ("toll", "die", "death": killed)."""
    members = [w for w, c in classes(lang).events.items() if c == event]
    votes = Counter(m for w in members if (m := _rule(words, w, "count")) is not None)
    return votes.most_common(1)[0][0] if votes else None
