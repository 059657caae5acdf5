"""What happened to what a figure counts: the verb or event noun of its frame, the state counted
persons are in, the clause a running total totals, and whether the counted noun is its verb's
argument."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.framedata import Classes, is_lemma, is_word
from numcheck.attribute.tree import event_word, lemma_of, phrase_event, predicate_of, CLAUSE_DEPS
from numcheck.extract import units

if TYPE_CHECKING:
    from spacy.tokens import Token


_UNITS = frozenset(units.WORDS.values())  # units as the lemma of their noun: "year", "hour", "kilometre"


DONE = "the clause that says what the counted noun does"


def says_little(verb: str | None, data: Classes) -> bool:
    """Whether a verb's lemma says too little to be an event of its own: a light verb ("have",
    "take"), one that gives a level, a change or a forecast ("reach", "rise", "expect"), one that
    says who said so, or one that makes a part ("include")."""
    return verb is None or any(
        verb in words
        for words in (data.light_verbs, data.change_verbs, data.level_verbs, data.source_verbs, data.forecast, data.part_markers)
    )


def other_figure(verb: Token | None, anchor: Token, target: Token | None) -> bool:
    """Whether a verb's other words hold a figure of their own, not a date: the figure is then a
    bound that picks out a set, not what happened to one ("312,400 patients had waited more than
    52 weeks": neither the count nor the length is all who waited, nor how long)."""
    if verb is None:
        return False
    own = {t.i for base in (anchor, target) if base is not None for t in base.subtree}
    for child in verb.children:
        if child.i in own or child.dep_ in ("punct", "cc", "conj", *CLAUSE_DEPS):
            continue
        phrases = [child, *(g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj")]
        for phrase in phrases:  # the verb's own phrases: "more than 52 weeks", "for two years"; not "of the union's 4.5% demand"
            for t in (phrase, *phrase.children):
                if t.i in own:
                    continue
                if t.like_num and t.ent_type_ not in ("DATE", "TIME") or _unit_of_its_own(t):
                    return True  # a number, or a length or size of its own ("more than a year")
    return False


def _unit_of_its_own(token: Token) -> bool:
    """Whether a word is a unit that gives a length or size ("more than a year", "for hours"); not a
    singular unit with no number or determiner, a manner ("escaped on foot")."""
    if token.lower_ not in units.WORDS and lemma_of(token) not in _UNITS:
        return False
    return token.tag_ != "NN" or any(c.dep_ in ("det", "nummod", "quantmod", "amod") for c in token.children)


def sized_by(noun: Token, data: Classes) -> Token | None:
    """The event noun a verb puts a counted noun at, or raises or cuts it to, as its size, through
    containers ("put the march at 30,000 people", "raised its estimate of the size of the march to
    21,000 people"): its object, or its passive subject, an event noun of a class; None otherwise."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or not is_word(head, "at", "to") or head.head.pos_ != "VERB":
        return None
    obj = next((c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)
    for _ in range(3):
        if obj is None or lemma_of(obj) not in data.containers:
            break
        of = next((c for c in obj.children if c.dep_ == "prep" and is_word(c, "of")), None)  # "estimate of the size of"
        obj = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) if of is not None else None
    if obj is not None and event_word(obj, data) is None:  # "the size of Saturday's rent march" parsed as an apposition
        obj = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
    return obj if obj is not None and obj.i != noun.i and event_word(obj, data) is not None else None


def part_of_number(anchor: Token) -> Token | None:
    """The number a figure is a part of where the parse hangs both on it: "four of 19 pipes"
    ("four" and "of" modify the 19); None for any other figure."""
    head = anchor.head
    if anchor.dep_ != "quantmod" or head.pos_ != "NUM" or head.i <= anchor.i:
        return None
    of = any(c.dep_ == "quantmod" and is_word(c, "of") and anchor.i < c.i < head.i for c in head.children)
    return head if of else None


def phrase_top(anchor: Token, noun: Token | None) -> Token:
    """The head of a figure's own phrase: its counted noun when the figure is inside the noun's
    phrase ("the 44 dead"), else the figure itself."""
    return noun if noun is not None and noun.is_ancestor(anchor) else anchor


def whole_of_parts(anchor: Token, noun: Token | None, data: Classes) -> bool:
    """Whether a figure counts the whole a part of its clause is taken from: the 19 of "four of 19
    pipes were found", the 240 of "Of the 240 diners at the banquet, 37 fell ill", the 44 of
    "among the 44 dead", the 820 of "many of the park's 820 wardens" ([frames.roles] part_takers).
    What its clause says happened is the part's, not the whole's."""
    if any(part_of_number(c) is not None for c in anchor.children):
        return True
    top = phrase_top(anchor, noun)
    prep = top.head
    if top.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if is_word(prep, "of") and (prep.head.pos_ == "NUM" or prep.head.lower_ in data.part_takers):  # "three of the 14"
        return True
    if prep.head.pos_ not in ("VERB", "AUX"):
        return False
    return is_word(prep, "among") or is_word(prep, "of") and prep.i < prep.head.i  # "Of the 240 diners, 37 ..."


def done_by(noun: Token, data: Classes) -> Token | None:
    """The verb of a clause about a counted noun that says what it does or what was done to it
    ("people waiting for treatment", "passengers who fell ill"), when the figure's own verb gives
    only its level or change ("the number of people waiting rose to 7.42 million"); or of a clause
    the parse hangs on the counter the noun is "of" ("the number of lambs that became sick has risen").
    A light verb's complement of an event class is what it says ("lambs that became sick")."""
    holders = [noun]
    if noun.dep_ == "pobj" and is_word(noun.head, "of") and lemma_of(noun.head.head) in data.counters:
        holders.append(noun.head.head)
    for clause in (c for holder in holders for c in holder.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
        if not says_little(lemma_of(clause), data) or phrase_event(clause, data):  # "who were taken to hospital"
            return clause
        said = next((c for c in clause.children if c.dep_ in ("acomp", "oprd", "attr") and event_word(c, data)), None)
        if said is not None:
            return said
    return None


def state_of(noun: Token, verb: Token | None, event: str | None, data: Classes) -> Token | None:
    """The object of a prepositional phrase that puts counted persons in a state of an event class
    ([frames.events]: "on strike", "in the search"), where their frame has no event of a class: the
    counted noun's own phrase, bare, or its first conjunct's ("the 2,300 workers on strike are due back",
    "on board: 174 people, 168 passengers and six crew"), else its verb's, when
    that verb says too little or is "to be" ("210 officers remain on the search", "were involved in
    the search"). None where no such phrase is."""
    if event is not None and event in data.events.values():
        return None
    light = verb is not None and (is_lemma(verb, "be") or says_little(lemma_of(verb), data))
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "On board: 174 people, 168 passengers and six crew members": the conjuncts share it
    for head in (first, verb if light else None):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or is_word(prep, "of"):
                continue  # "victims of the shooting": who they are, not what state they are in
            for obj in prep.children:
                if obj.dep_ != "pobj" or head is first and any(d.dep_ in ("det", "poss") for d in obj.children):
                    continue  # the noun's own phrase is a state when bare ("in hospital"), not "officers in the shooting"
                if f"{prep.lower_} {lemma_of(obj)}" in data.events or event_word(obj, data):
                    return obj
    return None


#: How a running total's event is explained.
TOTALLED = "the clause whose running total the figure is ('..., bringing the total to')"


def totalled(anchor: Token, data: Classes) -> tuple[Token, Token | None] | None:
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
        if node.pos_ == "VERB" and lemma_of(node) in data.totalling:
            break
        if node.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "conj"):
            return None  # "bringing to 28 the number freed and leaving five still held": five are no total
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "acl" and lemma_of(node.head) in data.counters):
            return None  # only a counter's own clause lies between: "taking the number recovered to 75"
    else:
        return None
    if node.dep_ != "advcl" or node.tag_ != "VBG":
        return None
    if not any(c.dep_ in ("dobj", "pobj") and lemma_of(c) in data.counters for t in (node, *node.children) for c in t.children):
        return None
    clause = node.head
    if clause.dep_ == "advcl" and clause.head.pos_ == "VERB" and _figure_of(clause) is None:
        clause = clause.head  # "were moved ... after engineers widened their checks, bringing to 27": the move's total
    if clause.pos_ != "VERB" or _figure_of(clause) is None:
        return None  # a total of a clause with no figure of its own: of what?
    if says_little(lemma_of(clause), data) and event_word(clause, data) is None and complement_event(clause, data) is None:
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


def complement_event(verb: Token, data: Classes) -> str | None:
    """The event class of a verb's complement ("were confirmed dead", "were taken ill"), or None."""
    return next(
        (e for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp") and (e := event_word(c, data)) is not None),
        None,
    )


def is_argument(target: Token, predicate: Token | None, length: bool, data: Classes) -> bool:
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
        return is_word(head, "for") and lemma_of(predicate) not in data.for_objects  # not "asked for 20 years"
    return target.dep_ == "npadvmod" and head.dep_ == "prep" and head.head.i == predicate.i


def holds_figure(predicate: Token, anchor: Token, noun: Token | None) -> bool:
    """Whether the predicate's objects and phrases, other than the figure's own, hold a number."""
    for child in predicate.children:
        if child.i in (anchor.i, noun.i if noun is not None else -1) or child.dep_ in ("nsubj", "nsubjpass", "punct", "cc"):
            continue
        if child.is_ancestor(anchor) or child.dep_ in ("conj", *CLAUSE_DEPS):
            continue
        if any((t.like_num or t.pos_ == "NUM") and t.ent_type_ not in ("DATE", "TIME") for t in child.subtree):
            return True
    return False


def hands_over(verb: Token, complement: Token, data: Classes) -> bool:
    """Whether a verb's complement says what happened in its place: any complement of a verb that says
    little ("were found dead", "were reported missing"), an infinitive ("were forced to flee") or a
    complement that is no participle; not a participle beside a verb of its own ("50,000 people marched,
    destroying dozens of banks": they marched)."""
    return complement.dep_ != "xcomp" or complement.tag_ != "VBG" or says_little(lemma_of(verb), data)


def nominal_of(noun: Token, data: Classes) -> Token | None:
    """The event noun a counted noun is the object of, by its "of" phrase: "the evacuation of 300
    residents", "the rescue of 20 miners", "the arrest of 14 people" (a nominalised verb, whose
    object the figure counts as the verb's would be)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and is_word(head, "of") and head.head.pos_ == "NOUN":
        event = head.head  # not a container the figure is the size of: "11 counts of fraud", "the number of deaths"
        return event if lemma_of(event) not in data.containers and event_word(event, data) else None
    return None


def own_event(anchor: Token, noun: Token | None, data: Classes) -> Token | None:
    """An event word the figure itself carries: a word that modifies it or its noun ("one dead",
    "One killed", "15 hurt", "three of them fatally"), or the word a headline hangs it on ("1 dead")."""
    for base in (anchor, noun):
        if base is None:
            continue
        for child in base.children:
            if child.dep_ in ("amod", "acl", "advmod", "relcl", "oprd") and event_word(child, data):
                return child
    if (
        anchor.dep_ in ("meta", "npadvmod", "nsubj", "nsubjpass")
        and anchor.head.pos_ in ("ADJ", "VERB")
        and event_word(anchor.head, data)
    ):
        return anchor.head
    return None


def reported_in(noun: Token) -> Token | None:
    """For a count of instances the clause happens "in" ("in seven cases, customers reported a
    burn"), the object of its verb or of that verb's complement: what the instances are of."""
    if noun.dep_ != "pobj" or not is_word(noun.head, "in") or noun.head.head.pos_ != "VERB":
        return None
    verb = noun.head.head
    for node in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        obj = next((c for c in node.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None:
            return obj
    return None


def whole_event_of(whole: Token, data: Classes) -> str | None:
    """What happened to a part's whole: its own event word ("the dead"), a word that describes it
    ("the injured people"), or the verb that governs it ("arrested 14 people, including ...")."""
    word = event_word(whole, data)
    if word is None:
        word = next((w for w in (event_word(c, data) for c in whole.children if c.dep_ in ("amod", "acl")) if w), None)
    if word is None:
        predicate = predicate_of(whole)
        word = event_word(predicate, data) if predicate is not None else None
    return word
