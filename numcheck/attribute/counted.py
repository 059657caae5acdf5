"""The noun a figure counts, what a container holds, and what a duration or quantity measures:
the noun its unit describes and the dimension word said of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.event import part_of_number, says_little
from numcheck.attribute.framedata import Classes, is_lemma, is_word
from numcheck.attribute.tree import SHARED_SUBJECT, class_of, event_word, lemma_of, object_of, subject_of_be
from numcheck.extract import units

if TYPE_CHECKING:
    from spacy.tokens import Token


UNIT_KINDS = ("duration", "quantity")  # kinds whose own noun is their unit: "12 years", "40 km"
#: Tags of a relative pronoun ("whom", "which"), whose antecedent is the noun its clause is about.
_RELATIVE_TAGS = ("WP", "WDT")
_NOUNISH = ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X", "SYM")


#: Words that narrow a noun to one of its kind: "the seventh round", "national mourning", "its own".
_NARROWED = ("det", "poss", "amod", "nmod", "prep", "relcl", "acl")


def population(token: Token, data: Classes) -> bool:
    """Whether a noun names people or a place, whose rate is a part of a larger one ("Girls",
    "the region", "Kessmark"); not a company paying a premium."""
    kind = class_of(token, data.things)
    return (
        kind == data.persons
        or data.subsets.get(kind) == data.persons
        or lemma_of(token) in data.populated
        or token.ent_type_ in ("GPE", "LOC")
    )


def _brought_to(unit: Token, inside: set[int], data: Classes) -> Token | None:
    """The noun a verb of change or level brings to a length, or sets it at: its object, else its
    passive subject ("cut the sentence to 34 months", "the lead was cut to 18 seconds", "set his
    punishment at 34 months"); None where the length is no "to" or "at" phrase of such a verb."""
    head = unit.head
    if unit.dep_ != "pobj" or head.dep_ != "prep" or not is_word(head, "to", "at") or head.head.pos_ != "VERB":
        return None
    verb, lemma = head.head, lemma_of(head.head)
    if not (lemma in data.change_verbs or lemma in data.level_verbs or is_word(head, "at") and lemma in data.light_verbs):
        return None
    return next(
        (c for dep in ("dobj", "nsubjpass") for c in verb.children if c.dep_ == dep and c.pos_ == "NOUN" and c.i not in inside),
        None,
    )


def measured_by(
    unit: Token, inside: set[int], predicate: Token | None, data: Classes, quantity: bool = False
) -> tuple[str | None, Token | None]:
    """What a duration or quantity measures: the noun its unit describes ("a 12-hour shift", "a
    20-metre boat") or is the length "of" ("a follow-up of 2.8 years"), as its class; and a word
    of an event class it was spent in ("41 days in captivity", "three years in prison"); what takes it
    ("the repairs will take 18 months"); the role held for it ("was secretary for 23 years"). A quantity's
    unit before a noun of a kind ("a 3-kilometre buffer zone") describes that kind, named with it."""
    head, target, bare = unit.head, None, None
    margin = _margin_of(unit, data) or _time_taken(unit, data)
    if margin is not None:
        return margin, None  # "won the stage by 22 seconds", "built in 18 months": not how long a state lasted
    if unit.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN" and head.i not in inside:
        target = head
    elif unit.dep_ == "pobj" and is_word(head, "of") and head.head.pos_ == "NOUN" and head.head.i not in inside:
        target = head.head
    elif (bare := object_of(unit, ("of",))) is not None and not any(c.dep_ in _NARROWED for c in bare.children):
        target = bare  # "2.8 years of follow-up"; not "44 seconds of the seventh round", "two days of national mourning"
    elif subject_of_be(unit) is not None:
        target = subject_of_be(unit)  # "The median follow-up was 3.2 years"
    elif (taker := _taker(unit, inside, data)) is not None:
        target = taker  # "the repairs will take 18 months": how long the repairs take
    elif (role := _held(unit, inside)) is not None:
        target = role  # "was secretary for 23 years": how long the role was held
    elif (brought := _brought_to(unit, inside, data)) is not None:
        target = brought  # "reduced his sentence to 34 months", "the lead was cut to 18 seconds": the length of that noun
    elif (level := _level_of(unit, inside, data)) is not None:
        target = level  # "exports will rise to 2,000 tonnes", "the quota is set at 500 tonnes"
    elif (
        unit.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.dep_ == "acl"
        and lemma_of(head.head) in data.level_verbs
        and head.head.head.pos_ == "NOUN"
        and head.head.head.i not in inside
    ):
        target = head.head.head  # "sentences ranging from 7 to 75 years": the noun its participle gives the size of
    kind_of = None
    if (
        target is not None
        and target.i == head.i
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i != unit.i for c in target.lefts)
    ):
        kind_of = _kind_word(target, unit) if quantity else None  # "a 3-kilometre buffer zone": the buffer zone's size
        target = None if kind_of is None else target  # "the 10-year bond yield": a kind of thing, of which a story holds several
    if target is not None and bare is not None and target.i == bare.i and event_word(target, data):
        return None, target  # "41 days of captivity": the time spent in it, as "41 days in captivity"
    measured = None
    if target is not None and target.is_alpha and lemma_of(target) not in data.spans and lemma_of(target) not in data.periods:
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
            measured = f"{left.lower_}-{lemma_of(target)}"  # "follow-up", "lock-in"
        else:
            measured = class_of(target, data.things)
        if kind_of is not None and f"{kind_of.lower_} {lemma_of(target)}" not in data.things:
            measured = f"{kind_of.lower_} {measured}"  # a kind the classes name is its class: "an exclusion zone"
    found = None
    for base in (unit, predicate):
        for child in base.children if base is not None else ():
            if child.dep_ == "prep" and child.lower_ in data.spent_in:
                obj = next((c for c in child.children if c.dep_ == "pobj" and event_word(c, data)), None)
                found = found or obj
    return measured, found


def _margin_of(unit: Token, data: Classes) -> str | None:
    """The margin a length of time is, named by its event's class or the verb's lemma: the "by" phrase
    of a verb that is no verb of change and says more than little ("won the stage by 22 seconds", "leads
    the standings by 40 seconds": [frames.roles] margin); None for any other length ("cut by 3 months":
    a change; "delayed for 2 hours": how long) or where the language names no margin."""
    head = unit.head
    if not data.margin or unit.dep_ != "pobj" or head.dep_ != "prep" or not is_word(head, "by"):
        return None
    verb = head.head
    lemma = lemma_of(verb)
    if verb.pos_ != "VERB" or lemma in data.change_verbs or says_little(lemma, data) or not verb.is_alpha:
        return None
    return f"{event_word(verb, data) or lemma}-{data.margin}"


def _time_taken(unit: Token, data: Classes) -> str | None:
    """The time an event took, named by the event's class or the verb's lemma (with its particle:
    "bring-down"): the "in" phrase of a verb in the past ("was brought down in 12 seconds", "was built
    in 18 months"), a bare length in a phrase of [frames.roles] taken_in ("reconnected within 7 hours") or,
    after a passive verb, taken_after ("was reconnected after 26 hours"), or the object of a verb of
    [frames.roles] taking_time whose infinitive names the event ("took 14 seconds to bring the tower
    down"); None for any other length, a verb that says too little alone ("took 11 hours to reach"),
    or where the language names no such time."""
    head = unit.head
    if not data.time_taken:
        return None
    if unit.dep_ == "pobj" and head.dep_ == "prep" and is_word(head, "in") and head.head.tag_ in ("VBD", "VBN"):
        verb = head.head
    elif (
        unit.dep_ == "pobj"
        and head.dep_ == "prep"
        and _bare(unit)
        and head.lower_ in data.taken_in
        and head.head.tag_ in ("VBD", "VBN")
    ):
        verb = head.head  # "water was reconnected within 7 hours"
    elif unit.dep_ == "pobj" and head.dep_ == "prep" and _bare(unit) and head.lower_ in data.taken_after and _passive(head.head):
        verb = head.head  # "power was reconnected after 26 hours"; not "scored after 12 minutes", a time into a game
    elif unit.dep_ == "dobj" and lemma_of(head) in data.taking_time:
        verb = next((c for c in head.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and _infinitive(c)), None)
    else:
        return None
    if verb is None or not verb.is_alpha:
        return None
    lemma = lemma_of(verb)
    particle = next(  # "bring the tower down": an adverb that is a word of the events' phrases ("shut down")
        (c.lower_ for c in verb.rights if c.is_alpha and (c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in data.phrases)),
        None,
    )
    named = event_word(verb, data) or (f"{lemma}-{particle}" if particle else None if says_little(lemma, data) else lemma)
    return None if named is None or " " in named else f"{named}-{data.time_taken}"


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a "to" infinitive: "took four hours to bring ... under control"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _bare(unit: Token) -> bool:
    """Whether a length of time says nothing of what it was spent in ("after 26 hours"; not "after 41
    days in captivity", "after nine days without a signal")."""
    return not any(c.dep_ in ("prep", "amod", "advmod") for c in unit.children)


def _passive(verb: Token) -> bool:
    """Whether a verb is a passive participle ("was restored", "were freed")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _taker(unit: Token, inside: set[int], data: Classes) -> Token | None:
    """What takes a length of time that is the object of a verb of [frames.roles] taking_time with no
    infinitive to name the event ("the repairs will take 18 months", "work is expected to take two
    years", "is due to start in May and take two years"): the verb's subject noun, or that of the verb
    it shares its subject with; None for any other length, or a subject that is no noun ("it will take")."""
    verb = unit.head
    if (
        unit.dep_ != "dobj"
        or lemma_of(verb) not in data.taking_time
        or any(c.dep_ == "xcomp" or c.dep_ == "advcl" and _infinitive(c) for c in verb.children)
    ):
        return None
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if subject.pos_ == "NOUN" and subject.i not in inside else None
        if verb.dep_ not in SHARED_SUBJECT or verb.head.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        verb = verb.head
    return None


def _held(unit: Token, inside: set[int]) -> Token | None:
    """The noun of a role a length of time says how long someone was ("was treasurer of the club for
    19 years", "who had been its chairman for nine years"): the complement of "to be" whose "for"
    phrase the length is; None for any other length."""
    head = unit.head
    if unit.dep_ != "pobj" or head.dep_ != "prep" or not is_word(head, "for"):
        return None
    verb = head.head if is_lemma(head.head, "be") else head.head.head if head.head.dep_ == "attr" else None
    if verb is None or not is_lemma(verb, "be"):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN" and c.i not in inside), None)


def _level_of(unit: Token, inside: set[int], data: Classes) -> Token | None:
    """The subject that a verb saying little takes to, or sets at, a quantity: what the quantity is
    the level of ("exports will rise to 2,000 tonnes", "the quota is set at 500 tonnes"), so that
    two quantities of different things are not one weight; None for any other quantity."""
    head = unit.head
    if unit.dep_ != "pobj" or not is_word(head, "to", "at") or head.head.pos_ != "VERB":
        return None
    if not says_little(lemma_of(head.head), data):
        return None
    subjects = (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN")
    return next((c for c in subjects if c.i not in inside), None)


def _kind_word(noun: Token, unit: Token) -> Token | None:
    """The one common noun right before a noun that says its kind, after a quantity's unit ("a
    3-kilometre buffer zone": buffer); None where there are more, or it is no plain lowercase word."""
    kinds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i > unit.i]
    if len(kinds) != 1 or kinds[0].i != noun.i - 1 or not (kinds[0].is_alpha and kinds[0].is_lower):
        return None
    return kinds[0]


def describes(unit: Token | None, inside: set[int]) -> bool:
    """Whether a unit describes the noun it hangs on ("a 40-metre section", "the 2,500 kg satellite"),
    not an amount "of" a stuff ("60 centimetres of snow": how much, which a design or a limit also gives)."""
    if unit is None or unit.dep_ not in ("compound", "amod", "nmod", "nummod") or unit.head.i in inside:
        return False
    noun = unit.head  # not one of a series ("his second 200-yard game"), nor a word of a name ("the 73-yard game winning drive")
    return noun.dep_ != "compound" and not any(c.ent_type_ == "ORDINAL" for c in noun.children)


def _common(token: Token) -> bool:
    """Whether a token is a common noun, or a lowercase word the tagger took for a name ("the meteoroid")."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower


def _unit_dimension(unit: Token) -> str | None:
    """The dimension of a unit's word, or of the unit it names with a word before it ("square metres": area)."""
    name = units.WORDS.get(unit.lower_)
    wider = (f"{child.lower_} {name}" for child in unit.lefts if name is not None)
    return units.dimension(next((w for w in wider if w in units.UNITS), name))


def dimension_of(unit: Token, first: Token, inside: set[int], data: Classes) -> tuple[Token | None, str | None]:
    """The noun a quantity's dimension word is said of, and the dimension ([frames.dimensions]): the
    adjective its unit measures ("a barn 31 metres long", "the 40-metre-high dam", "The line is 2.4
    km long", "which stands 45 metres high", "13m long and 9m wide"), or the noun it is "of" ("a
    length of 410 metres", "The length of the tunnel is 3.2 km", "The bridge has a length of"); the
    noun None where nothing is named ("at a height of 150 metres"); or a verb of extent whose subject
    it is ("The line runs for 18.4km"), or a verb of size in its unit's dimension ([frames.sizes]: "The
    boathouse measures 9 metres"); a verb of motion, for a unit of length ([frames.motions]: "the cabin
    fell 18 metres"), gives how far its subject went. (None, None) for no such word."""
    head, word = unit.head, None
    dimensions = data.dimensions
    own = _unit_dimension(unit)
    if own is not None and unit.dep_ in ("dobj", "npadvmod"):  # "measures 9 metres": its length; not "by 4 metres"
        dimensions = {**{verb: own for verb, of in data.sizes.items() if of in ("any", own)}, **dimensions}
    if data.motions and own == "length":
        dimensions = {**data.motions, **dimensions}  # "the cabin fell 20 metres": how far it went
        if unit.dep_ == "npadvmod" and head.dep_ == "prep" and lemma_of(head.head) in data.motions:
            head = head.head  # "fell 20 metres down the shaft"
    if unit.dep_ == "npadvmod" and lemma_of(head) in dimensions:
        word = head
    elif unit.dep_ in ("amod", "advmod") and head.pos_ == "ADJ" and lemma_of(head) in dimensions:
        word = head  # "a 7ft-long tapestry": a number glued to its unit, read as the adjective's modifier
    elif unit.dep_ == "dobj" and head.pos_ == "VERB" and lemma_of(head) in dimensions:
        word = head  # "The crate weighed 90 kg", "The reef stretches 700 miles": its subject's
    elif unit.dep_ == "appos":  # "A wall 4 metres high": the adjective beside the unit, on the same noun
        word = next((c for c in head.children if c.i == unit.i + 1 and lemma_of(c) in dimensions), None)
        if word is not None:
            return (head if head.pos_ == "NOUN" else None), dimensions[lemma_of(word)]
    elif unit.dep_ == "pobj" and is_word(head, "of") and lemma_of(head.head) in dimensions:
        word = head.head
    elif (subject := subject_of_be(unit)) is not None and lemma_of(subject) in dimensions:
        word = subject  # "The length of the tunnel is 3.2 km"
    elif unit.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and lemma_of(head.head) in dimensions:
        word = head.head  # "The line runs for 18.4km", "which stretches for 700 miles": its subject's extent
    if word is None or word.tag_ in ("JJR", "RBR"):
        return None, None  # "5 metres longer": a change of a length, read as any change
    dimension = dimensions[lemma_of(word)]
    if word.pos_ in ("NOUN", "PROPN"):  # "the length of the tunnel"; "the bridge has a length of"
        said_of = object_of(word, ("of",))
        said_of = None if said_of is None or said_of.i in inside else said_of  # "a length of 410 metres": no noun of its own
        if said_of is None and word.dep_ == "dobj" and says_little(lemma_of(word.head), data):
            said_of = next((c for c in word.head.children if c.dep_ == "nsubj" and _common(c)), None)
        return said_of, dimension
    node = word
    while node.dep_ == "conj" and node.head.i != node.i and node.pos_ != "VERB":
        node = node.head  # "13m long and 9m wide": the first conjunct's noun
    said_of = None
    if node.dep_ in ("amod", "advmod") and node.head.pos_ == "NOUN" and node.head.i not in inside:
        said_of = node.head  # "the 40-metre-high dam", "a crack about 16 inches long"
    elif node.dep_ in ("acomp", "oprd") and node.head.pos_ in ("VERB", "AUX") or node.pos_ == "VERB":
        verb = node if node.pos_ == "VERB" else node.head
        said_of = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if said_of is None and verb.dep_ in ("conj", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
            # a verb sharing its first conjunct's subject ("The spill was 300 metres wide and ran for 2.5 km"), or said
            # of the noun a clause of saying hangs on ("the queue, which police said stretched for 3 km")
            said = verb.head
            of_which = next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.tag_ == "WDT"), None)
            if of_which is not None and said.dep_ == "relcl":
                verb, said_of = said, of_which
            elif verb.dep_ == "conj":
                verb, said_of = said, next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if said_of is not None and said_of.tag_ == "WDT" and verb.dep_ == "relcl":
            said_of = verb.head  # "the dam, which stands 45 metres high", "the line, which runs for 11.4 miles"
        elif said_of is None and verb.dep_ == "acl":
            said_of = verb.head  # "crates weighing 90 kg each": the noun its participle describes
    elif node.i > first.i and first.i > 0 and first.nbor(-1).pos_ == "NOUN":
        said_of = first.nbor(-1)  # "a barn 31 metres long", however the parse hangs "long"
    if said_of is None or not _common(said_of) or population(said_of, data) and node.pos_ == "VERB":
        return None, dimension  # "The athlete runs for 10 km": how far a person went, not a size of theirs
    return said_of, dimension


def length_of(unit: Token, inside: set[int], data: Classes) -> tuple[Token | None, str | None]:
    """The thing in a line a length is "of" ("14 km of new track", "six miles of coastline"): its
    length, as "a 14-km track" gives it ([frames.roles] lengths_of); (None, None) for any other "of"
    ("60 cm of snow": an amount of a stuff) and any unit not of length."""
    if units.dimension(units.WORDS.get(unit.lower_)) != "length":
        return None, None
    for child in unit.children:
        if child.dep_ == "prep" and is_word(child, "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.i not in inside), None)
            if obj is not None and lemma_of(obj) in data.lengths_of:
                return obj, "length"
    return None, None


def _takes_object(word: Token) -> bool:
    """Whether a word tagged as a noun has a direct object, as only a verb has: the parse took a verb
    for a noun ("what the £5m plan means": "plan means" read as one noun), which names nothing counted."""
    return any(c.dep_ == "dobj" for c in word.children)


def _described_by(verb: Token, inside: set[int], data: Classes) -> Token | None:
    """The noun a verb of level or change with no noun subject is said of: the noun its relative clause is
    about ("a heating bill that has climbed to £2.6 million"), or the noun its participle describes ("with
    the heating bill standing at £2.6m"); None for any other verb ("fines, which are capped at £5": a cap
    set on the fines, [frames.set_at])."""
    if lemma_of(verb) not in data.level_verbs | data.change_verbs:
        return None
    relative = verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in _RELATIVE_TAGS for c in verb.children)
    participle = verb.dep_ == "acl" and verb.tag_ == "VBG"
    noun = verb.head
    if (relative or participle) and noun.pos_ == "NOUN" and noun.i not in inside:
        return noun
    return None


def repetition(anchor: Token, inside: set[int], data: Classes) -> bool:
    """Whether the figure counts how often its verb happened, by a noun of [frames.roles] repetitions
    ("the boat capsized three times"), not a thing."""
    head = anchor.head
    return (
        anchor.dep_ == "nummod"
        and head.i not in inside
        and lemma_of(head) in data.repetitions
        and head.head.pos_ in ("VERB", "AUX")
    )


def counted_noun(anchor: Token, inside: set[int], data: Classes) -> Token | None:
    """The noun the figure counts: the head it modifies, a noun it is the subject of ("19 were
    children"), the noun whose "of" phrase it is ("a population of 70,000"), or the noun that
    rose or fell by it or to it ("homicides fell to 312", "profit fell 22%")."""
    head = anchor.head
    whole = part_of_number(anchor)
    if whole is not None:  # "four of 19 pipes": what the 19 count
        return whole.head if whole.dep_ == "nummod" and whole.head.pos_ in ("NOUN", "PROPN") else None
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i not in inside and head.pos_ in _NOUNISH:
        if repetition(anchor, inside, data):
            return None  # "capsized three times": how often its verb happened, as "three capsizes" says
        return None if _takes_object(head) else head
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and is_word(head, "of") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("ADJ", "ADP") and is_word(head.head, "worth"):
        return head.head.head if head.head.head.pos_ == "NOUN" else None  # "jewellery worth £2.4m"
    if anchor.dep_ == "pobj" and is_word(head.head, "worth") and head.head.head.pos_ == "NOUN":
        return head.head.head
    if is_word(head, "worth"):  # "jewellery worth £2.4m", "stole jewellery worth £2.4m"
        owner = head.head
        if owner.pos_ == "VERB" or is_lemma(owner, "be"):  # "stole jewellery worth", "the deal was worth £38m"
            dep = "nsubj" if is_lemma(owner, "be") else "dobj"
            owner = next((c for c in owner.children if c.dep_ == dep and c.pos_ == "NOUN"), owner)
        return owner if owner.pos_ == "NOUN" else None
    verb = None
    if anchor.dep_ in ("dobj", "npadvmod", "attr") and head.pos_ == "VERB" and head.lemma_.lower() in data.level_verbs:
        verb = head  # "revenue reached $6.3bn", "waiting list hits record 7.42 million", "the cap becomes £8.90": what reached it
    elif anchor.dep_ == "pobj" and head.dep_ == "prep" and is_word(head, "to", "at", "from", "by") and head.head.pos_ == "VERB":
        verb = head.head  # "the toll rose to 44", "put the toll at 27", "fell by 2.4 million"
    elif anchor.dep_ in ("npadvmod", "dobj") and head.pos_ == "VERB" and head.lemma_.lower() in data.change_verbs:
        verb = head  # "profit fell 22%"
    elif anchor.dep_ == "dobj" and head.pos_ == "VERB" and head.dep_ == "acl" and head.head.pos_ == "NOUN":
        return head.head  # "bribes totalling $2.6m"
    if verb is not None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        counter = verb.head.head.head if verb.head.dep_ == "pobj" and is_word(verb.head.head, "of") else verb.head
        if lemma_of(counter) in data.counters:  # "bringing the number of crates recovered to nine", "the number
            return counter  # who have fled to 12": the counter its clause (or its noun's) brings to the figure
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
        described = _described_by(verb, inside, data)
        if described is not None:
            return described
    if anchor.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i not in inside:
        return head  # "12 people in Texas and 3 in Oklahoma": the conjunct counts its first's noun
    if anchor.dep_ == "attr" and is_lemma(head, "be"):  # "net profit was $143 million": what it is
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in inside), None)
        if subject is not None:
            return subject
    if anchor.dep_ in ("nsubj", "nsubjpass") and is_lemma(head, "be"):
        attr = next((c for c in head.children if c.dep_ in ("attr", "acomp") and c.pos_ in ("NOUN", "ADJ")), None)
        if attr is not None:
            return attr
    for child in anchor.children:  # "thousands of listeners", "three of the victims"
        if child.dep_ == "prep" and is_word(child, "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and obj.i not in inside:  # not "3 millions d'euros": its unit
                return obj
            if obj is not None and obj.tag_ in _RELATIVE_TAGS and head.dep_ == "relcl" and head.head.pos_ == "NOUN":
                return head.head  # "30 sailors, eight of whom deserted": the noun the relative clause is about
    if anchor.pos_ in ("NOUN",) and anchor.i not in inside:
        return anchor
    return None


def contents(noun: Token, data: Classes, inside: frozenset[int] | set[int] = frozenset()) -> Token:
    """What a container noun holds: "the number of pedestrians", "passenger numbers", "its profit
    forecast"; any other noun is itself."""
    if noun.lemma_.lower() in data.measures:  # "tremors of magnitude 2", "a magnitude 4.6 quake"
        if noun.dep_ == "pobj" and is_word(noun.head, "of") and noun.head.head.pos_ == "NOUN":
            return noun.head.head
        if noun.dep_ in ("nmod", "compound", "npadvmod") and noun.head.pos_ == "NOUN":
            return noun.head
        return noun
    if noun.lemma_.lower() not in data.containers or class_of(noun, data.things) != lemma_of(noun):
        return noun  # not a container: a noun of its own, or one whose words name a thing ("le chiffre d'affaires")
    compound = next((c for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"), None)
    for child in noun.children:
        if child.dep_ == "prep" and is_word(child, "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if obj is not None and obj.i in inside and compound is not None:
                return compound  # the figure itself is "of" it: "a pass rate of 69.8%" is a rate of passes
            if obj is not None:
                return obj
    return compound if compound is not None else noun


def measure_slots(
    tokens: list[Token],
    inside: set[int],
    own_unit: Token | None,
    raw: Token | None,
    predicate: Token | None,
    kind: str,
    data: Classes,
    thing: str | None,
    event: str | None,
    how: list[tuple[str, str]],
) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """For a duration or quantity: the thing and event as what it measures corrects them, the class of
    what it measures, its dimension and whether its noun is named by its dimension word or unit."""
    measured = dimension = None
    if kind == "quantity" and own_unit is not None:
        of_noun, dimension = dimension_of(own_unit, tokens[0], inside, data)
        if dimension is None:
            of_noun, dimension = length_of(own_unit, inside, data)
        if dimension is not None:  # "a barn 31 metres long": the hall's length, whatever was done to it
            measured = class_of(of_noun, data.things) if of_noun is not None else None
            how.append(("dimension", f"{dimension}, by the word said of what the quantity measures"))
    if kind in UNIT_KINDS and own_unit is not None and dimension is None:
        measured, found = measured_by(own_unit, inside, predicate, data, kind == "quantity")
        if found is not None and (event is None or event not in data.timed_events):
            event = event_word(found, data)
            how.append(("event", f"{found.lemma_!r}, where the {kind} was spent"))
    said_of = kind == "quantity" and measured is not None and (dimension is not None or describes(own_unit, inside))
    if kind in UNIT_KINDS and own_unit is not None and measured is not None:
        how.append(("measured", f"{measured!r}, what the {kind} measures"))
    if kind == "quantity" and own_unit is not None and raw is not None and raw.i == own_unit.i:
        thing = measured  # a unit is never what a quantity measures: the noun its dimension is said of is
        how.append(("thing", f"{measured!r}, what the quantity measures" if measured else "none: the unit names no thing"))
    return thing, event, measured, dimension, said_of
