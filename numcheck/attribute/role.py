"""A figure's role (level, change, forecast, share, part, previous, rate, combined, limit, shortfall, hypothetical), the whole of
a part, and the words that narrow a rate to a part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.counted import population
from numcheck.attribute.event import part_of_number, phrase_top, whole_event_of
from numcheck.attribute.framedata import Classes, is_lemma, is_word
from numcheck.attribute.tree import class_of, lemma_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token


def qualified_by(raw: Token | None, noun: Token | None, predicate: Token | None, inside: set[int], data: Classes) -> str | None:
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
            if c.dep_ == "amod" and lemma_of(c) in data.periods:
                continue  # "annual inflation": a period, which the frame compares as one
            whose = c.dep_ == "prep" and is_word(c, "of") and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            if c.dep_ in ("amod", "poss", "npadvmod") or c.dep_ == "prep" and c.lower_ in data.narrowing or whose:
                narrowing.append(c)  # not a compound: "the pass rate", "heart attacks" are the names of what it counts
    if not narrowing and predicate is not None and any(_held(t, predicate) for t in (raw, noun)):
        narrowing = [
            c
            for c in predicate.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in nouns and c.i not in inside and population(c, data)
        ]
    if not narrowing:
        return None
    words = [w for c in narrowing for w in c.subtree if w.i not in inside and w.i not in nouns]
    if any(w.pos_ == "PRON" for w in words):
        return ""
    return " ".join(sorted({lemma_of(w) for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ")}))


def _held(noun: Token | None, predicate: Token) -> bool:
    """Whether a noun is what the predicate's subject has: its object ("Girls reached a pass rate")
    or the object of its preposition ("the region finished with a pass rate"); not an apposition."""
    if noun is None:
        return False
    return noun.dep_ == "dobj" and noun.head.i == predicate.i or noun.dep_ == "pobj" and noun.head.head.i == predicate.i


#: How a clause hangs in a figure's phrase: its words are not the figure's own ("a £560,000 grant, matched by a
#: share issue that attracted more than 1,900 subscribers": that "more" is the subscribers').
_NOT_OWN = ("acl", "relcl", "advcl", "ccomp", "xcomp")


def _own_phrase(top: Token) -> Iterator[Token]:
    """The words of a figure's phrase, less the clauses inside it."""
    yield top
    for child in top.children:
        if child.dep_ not in _NOT_OWN:
            yield from _own_phrase(child)


def role_of(
    anchor: Token, noun: Token | None, predicate: Token | None, data: Classes, raw: Token | None = None
) -> tuple[str, Token | None]:
    """A figure's role: a change ("rose by 2%", "up 80,000"), an earlier level ("from $639m"), a
    forecast or target, a share ("40% of revenue"), a part ("19 of the 44 dead", "including
    nine children", "nine crew" beside a part), else a level; for a part, the noun of its whole
    when the sentence names it."""
    if part_of_number(anchor) is not None:  # "four of 19 pipes"
        return "part", noun
    top = phrase_top(anchor, noun)
    while top.dep_ == "conj" and top.head.pos_ in ("NOUN", "PROPN", "NUM"):  # "241 passengers and nine crew"
        top = top.head
    if top.dep_ == "pobj" and is_word(top.head, "of") and top.head.head.lemma_.lower() in data.containers:
        top = top.head.head  # "fell from a peak of $120bn": the container's role is the figure's
    head = top.head
    if top.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if is_word(head, "by") and _changes(governor, data):  # "rose by 2%", "will go up by £7.40"
            return "change", None
        if is_word(head, "from") and (governor.lemma_.lower() in data.change_verbs or is_word(governor, "up", "down")):
            return "previous", None  # "fell to 312 from 367", "up from £380m"
        if is_word(head, "among"):  # "nine children were among the 44 dead": the 44 are the whole
            return "level", None
        if (
            is_word(head, "of")
            and governor.lemma_.lower() in data.fractions
            and not any(c.dep_ == "poss" or c.dep_ == "det" and not is_word(c, "a", "an") for c in top.children)
        ):
            return "share", None  # "a quarter of a million jobs" is not a million jobs; "half of the 44 dead" has 44
        if head.lemma_.lower() in data.part_markers:  # "including nine children"
            return "part", governor if governor.pos_ in ("NOUN", "PROPN") else None
    if head.lemma_.lower() in data.part_markers and head.dep_ == "prep":
        return "part", None
    for child in anchor.children:
        if child.dep_ == "prep" and is_word(child, "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if anchor.ent_type_ == "PERCENT" or anchor.lower_ == "%":
                return "share", None
            if obj is not None and _definite(obj):  # "19 of the 44 dead", "three of them"; not "thousands of fans"
                return "part", obj
    if anchor.ent_type_ == "PERCENT" and any(
        c.dep_ == "prep" and is_word(c, "of") and all(g.i != anchor.i for g in c.children) for c in (noun or anchor).children
    ):  # "40% of revenue"; not "a turnout of 61%", of which the figure is the size
        return "share", None
    if is_word(head, "up", "down") and top.dep_ in ("npadvmod", "pobj", "dobj") and not _determined(top):
        return "change", None  # "up 14%", "down 80,000 barrels"; not "the trek up the 212 stairs", a place
    for t in _own_phrase(top):  # "600 fewer than in 2010", "6% more than a year ago", "another 14", "2,000 new officers"
        word = t.lower_
        if t.i != anchor.i and t.dep_ in ("amod", "advmod", "det", "acomp") and word in data.change_markers:
            if word in data.added_markers or t.i > anchor.i and not (word in data.new_markers and _rate(anchor, noun, top, data)):
                return "change", None  # not "needs 900 new flats a year": a rate of what is new
    if top.dep_ == "npadvmod" and head.lower_ in data.change_markers and head.i > top.i:
        return "change", None  # "was £150 less than the rival offer": the measure of "less", a difference
    added = predicate is not None and predicate.lemma_.lower() in data.added_verbs
    if added and predicate is not None and top.dep_ == "dobj" and top.head.i == predicate.i:
        return "change", None  # "adding 66 trains a day" to a timetable: an addition, not the level
    bound = _bound(top, data)
    if bound is not None:  # before a rate: "a limit of 50 milligrams per litre" is a limit
        return bound, None
    if _rate(anchor, noun, top, data):
        return "rate", None
    if (
        noun is not None
        and anchor.dep_ == "nummod"
        and anchor.head.i == noun.i
        and any(d.dep_ == "det" and d.lower_ in data.rate_determiners and d.i > anchor.i for d in noun.children)
    ):
        return "rate", None  # "17,000 a game", read as the number of "a game": a number before "a" and its noun is a rate
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
    if _earlier(noun, predicate, data):
        return "previous", None  # "a previous plan promised 640 flats": an earlier level, not the story's
    node = predicate
    for _ in range(4):  # the predicate and the verbs it is the complement of: "expected to reach"
        if node is None or node.pos_ not in ("VERB", "AUX"):
            break
        if node.lemma_.lower() in data.forecast:
            return "forecast", None
        if top.dep_ == "pobj" and top.head.head.i == node.i and f"{node.lemma_.lower()} {top.head.lower_}" in data.forecast:
            return "forecast", None  # "asked for $5m": the figure is what the verb and its preposition seek
        if node.dep_ not in ("xcomp", "ccomp") or node.head.lemma_.lower() in data.source_verbs:
            break
        node = node.head
    if _hypothetical(predicate, data):
        return "hypothetical", None  # "if the album sold 300,000 copies": what would be, not what is
    if any(n is not None and n.lemma_.lower() in data.forecast for n in (noun, raw)):
        return "forecast", None  # "its revenue forecast", "raised its forecast to $9.8bn"
    if noun is not None and noun.lemma_.lower() in data.drives and anchor.i < noun.i:
        return "forecast", None  # "launched a £20,000 appeal": the sum it seeks, not what it has raised
    if _short(top, anchor, data):
        return "shortfall", None  # "the ward was four nurses short", "12 seats short of a majority": a gap, not a level
    return _part_of_clause(top, anchor)


def _hypothetical(predicate: Token | None, data: Classes) -> bool:
    """Whether a figure's verb, or one it is the complement of, is in a clause a condition's mark
    opens ([frames.roles] hypothetical: "if", "unless"): "If the album sold 300,000 copies"; or
    says what would follow from such a clause of its own ("... £1m would be raised")."""
    node = predicate
    for _ in range(3):
        if node is None or node.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "mark" and c.lower_ in data.hypothetical for c in node.children):
            return True
        conditioned = any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in data.hypothetical for m in c.children)
            for c in node.children
        )
        if conditioned and any(c.dep_ == "aux" and c.lower_ in data.hypothetical_aux for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj"):
            return False
        node = node.head
    return False


def _changes(verb: Token, data: Classes) -> bool:
    """Whether a verb says a change: one of the change verbs, or a verb whose particle is one ("go up",
    "put up", "bring down")."""
    return verb.lemma_.lower() in data.change_verbs or any(
        c.dep_ == "prt" and c.lemma_.lower() in data.change_verbs for c in verb.children
    )


def _earlier(noun: Token | None, predicate: Token | None, data: Classes) -> bool:
    """Whether what the figure counts, or the subject of its verb, is said to be an earlier instance
    ([frames.roles] earlier: "a previous plan promised 640 flats", "three previous nominations", "an
    earlier estimate put the cost at £3m"); not "the last ban" (also the final one) nor "the former
    mill" (its old use)."""
    subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")] if predicate is not None else []
    return any(c.dep_ == "amod" and c.lower_ in data.earlier for n in (noun, *subjects) if n is not None for c in n.children)


def _rate(anchor: Token, noun: Token | None, top: Token, data: Classes) -> bool:
    """Whether a phrase of the figure, its noun or its verb makes it a rate ("three producers per film",
    "earnings per share were $1.12", "will be about £9m a year", "900 new flats a year")."""
    verb = top.head if top.head.pos_ in ("VERB", "AUX") and top.head.lemma_.lower() not in data.change_verbs else None
    reached = top.dep_ == "pobj" and is_word(top.head, "to") and top.head.head.lemma_.lower() in data.change_verbs
    if reached:
        verb = top.head.head  # "had fallen to £4m a year": the level it reached, at the rate the verb's "a year" says
    counted = noun is not None and noun.pos_ == "NOUN"
    # a figure of no noun takes its verb's "a year" only as its object or the level reached; its own "a tonne" always
    rates = _rates_of(verb) if verb is not None and (counted or reached or top.dep_ in ("dobj", "attr")) else []
    own = (*top.children, *noun.children) if counted and noun is not None else ()
    return any(
        c.dep_ == "prep"
        and c.lower_ in data.rate_markers
        or c.dep_ == "npadvmod"
        and any(d.dep_ == "det" and d.lower_ in data.rate_determiners for d in c.children)
        for c in (*anchor.children, *own, *rates)
    )


def _rates_of(predicate: Token) -> list[Token]:
    """The words of a verb that may make its figure a rate ("will be about £9m a year"): its
    phrases of a noun with only a determiner ("a year", not "a year ago")."""
    return [c for c in predicate.children if c.dep_ == "npadvmod" and all(d.dep_ == "det" for d in c.children)]


def _short(top: Token, anchor: Token, data: Classes) -> bool:
    """Whether a word of [frames.roles] shortfall after the figure makes it the size of a gap: the
    word its noun is the measure of ("four nurses short") or a word that describes its noun ("12
    seats short of a majority")."""
    if top.dep_ == "npadvmod" and lemma_of(top.head) in data.shortfall and top.head.i > anchor.i:
        return True
    return any(c.dep_ in ("amod", "advmod") and lemma_of(c) in data.shortfall and c.i > anchor.i for c in top.children)


#: How a figure's phrase hangs on the phrase above it, on the way up to a noun of a target or limit.
_UP = ("pobj", "pcomp", "prep", "dobj", "nsubj", "nsubjpass", "attr", "advcl", "xcomp", "ccomp")
#: Words of [frames.roles] forecast_words that name no target a figure is "of": "the demand of", "to seek".
_NOT_TARGETS = ("demand", "seek", "expect")


def _bound(top: Token, data: Classes) -> str | None:
    """The role "forecast" for a figure its sentence gives as a target ("a target of running 90% of buses on
    time", "the target is for 90% of buses to run on time"), "limit" for one it gives as a limit
    ("the safety limit is 50 milligrams", "a limit of 50 milligrams"): the noun of a target or a
    limit ([frames.roles] forecast_words, limits) its phrase is "of" or "for", or the subject of
    the "to be" whose complement holds it; None for any other figure, and for a level measured
    against a target ("84% of buses ran on time, short of its target"), whose own verb is on the way."""
    node = top
    for _ in range(5):
        if node.dep_ not in _UP or node.head.i == node.i:
            return None
        head = node.head
        if head.pos_ == "NOUN" and node.dep_ == "prep" and is_word(node, "of", "for"):
            return _bound_word(head, data)
        if head.lemma_ == "be" and node.dep_ in ("attr", "advcl", "xcomp", "ccomp"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return _bound_word(subject, data) if subject is not None else None
        if head.pos_ in ("VERB", "AUX") and node.dep_ not in ("nsubj", "nsubjpass", "dobj", "prep"):
            return None
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("pcomp", "advcl", "xcomp", "ccomp"):
            return None  # a verb of its own clause: "84% of buses ran on time"
        node = head
    return None


def _bound_word(noun: Token, data: Classes) -> str | None:
    """The role a noun of a bound gives the figure it holds: "limit", "forecast" (a target), or None."""
    lemma = lemma_of(noun)
    if lemma in data.limits:
        return "limit"
    return "forecast" if lemma in data.forecast and lemma not in _NOT_TARGETS else None


def _part_of_clause(top: Token, anchor: Token) -> tuple[str, Token | None]:
    """A part named by its clause: "Of the 44 dead, 19 were children", "Nine children were among
    the dead", "Among the dead were 12 children": the subject, or the complement of "to be", of
    a clause with "among ..." or a leading "of ..."; the noun of that phrase is the whole."""
    figure = next((t for t in (top, anchor) if t.dep_ in ("nsubj", "nsubjpass", "attr")), None)
    if figure is None or figure.dep_ == "attr" and not is_lemma(figure.head, "be"):
        return "level", None
    for prep in figure.head.children:
        if prep.dep_ == "prep" and (is_word(prep, "among") or is_word(prep, "of") and prep.i < figure.i):
            return "part", next((c for c in prep.children if c.dep_ == "pobj"), None)
    return "level", None


def _determined(top: Token) -> bool:
    """Whether a figure's phrase has a determiner or possessor ("the 212 stairs", "its 40 floors"): a
    thing named, never the size of a change ("up 14%")."""
    return any(c.dep_ in ("det", "poss") for c in top.children)


def _definite(noun: Token) -> bool:
    """Whether a noun names a known set: a pronoun, or a noun with a determiner, possessor or number."""
    return noun.pos_ == "PRON" or any(c.dep_ in ("det", "poss", "nummod") and not is_word(c, "a", "an") for c in noun.children)


def whole_of(
    whole_noun: Token | None, predicate: Token | None, data: Classes, event: str | None, how: list[tuple[str, str]]
) -> tuple[str | None, str | None]:
    """For a part: the class of its whole, and the event as what happened to the whole gives it."""
    whole = None
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
    return whole, event
