"""What a sum of money is the amount of ([frames.amounts], [frames.amount_verbs]) and the noun it
is paid for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.framedata import Classes, is_word, words_of
from numcheck.attribute.tree import SHARED_SUBJECT, class_of, lemma_of, object_of

if TYPE_CHECKING:
    from spacy.tokens import Token


#: How a sum hangs on the verb that takes it: "was fined £3m", "would cost £4m", "paid £12m".
_TAKEN = ("dobj", "npadvmod", "oprd", "attr", "nsubjpass", "dative")  # how an event is read from a clause about the noun


def amount_of(
    anchor: Token, noun: Token | None, predicate: Token | None, inside: set[int], data: Classes, thing: str | None, how: list
) -> tuple[str | None, Token | None]:
    """What a sum of money is the amount of, as a class of [frames.amounts], and the noun it is paid
    for when the sentence says: its noun ("a £12m fee", "a fine of £3.2m": a fine), else the noun of
    its "in" phrase ("$84m in fees"), else the verb that takes it ("was fined £3.2m": a fine;
    "repairs would cost £1.8m": a cost, of the repairs; "signed for £18m", "paid £540,000 for the
    striker": a price; "cut $9m from parks": a cut, whatever cut it; "were capped at £3": a cap, of
    the noun the verb sets it on; "will add £3m to the cost of the scheme": the cost it is added to, of
    the work). A verb with no subject of its own shares the one of the verb it is joined to or the
    complement of ("will finish late and cost £4m", "is expected to cost"). A container holds the sum its
    phrases name ("a total of £3.6m in compensation"). A noun of no class keeps its own; the noun of
    an "in" phrase names the sum only by its class ("in emergency aid" says what, but "in cash" says
    how: a noun there is read only when [frames.amounts] knows it); a sum no word names stays unnamed."""
    added = _added_to(anchor, predicate, inside, data)
    if added is not None:  # "will add £3m to the cost of the scheme": a change of the cost, of the work
        found = class_of(added, data.amounts)
        how[:] = [h for h in how if h[0] != "thing"]
        how.append(("thing", f"{added.lemma_!r}, the sum its verb adds to ({found})"))
        paid_for = object_of(added, ("of", "for"))
        return found, None if paid_for is None or paid_for.i in inside else paid_for
    held = noun is not None and lemma_of(noun) in data.containers  # "a total of £3.6m in compensation"
    named = names_sum(anchor, predicate, data)  # "the council cut $9m": the verb says what, not its subject
    if named:
        how[:] = [h for h in how if h[0] != "thing"]
    at = _set_at(anchor, predicate, data)
    if at is not None and predicate is not None:  # "levies were capped at £3", "the vase, insured at £9,000": set on a noun
        valued = _set_on(predicate, inside)
        how[:] = [h for h in how if h[0] != "thing"]
        if valued is None:
            return None, None  # "it was capped at £3": a cap of what, unsaid
        how.append(("thing", f"{lemma_of(predicate)!r}, the verb whose 'at' phrase sets the sum ({data.set_at[at]})"))
        return data.set_at[at], valued
    if noun is not None and not held and not named:
        found = class_of(noun, data.amounts)
        if found not in data.amounts.values():
            described = _described(noun, inside, data)  # "the money raised by the fun run", "a slipway costing £1.4m"
            if described is None:
                return thing, None
            verb = described[1]
            how.append(("thing", f"{verb.lemma_!r}, the verb that describes the sum's noun ({described[0]})"))
            takes = any(c.dep_ == "dobj" and c.i in inside for c in verb.children)  # "costing £1.4m": of the noun
            return described[0], noun if takes else _agent(verb, inside)
        how.append(("thing", f"{noun.lemma_!r}, a noun of a sum's class ({found})"))
        paid_for = object_of(noun, ("of", "for"))  # "the cost of the recall"; not "a ransom of $2.5m": its own unit
        return found, None if paid_for is None or paid_for.i in inside else paid_for
    head = anchor.head
    if head.i == anchor.i + 1 and is_sum_noun(head, data):  # "a £15m signing", tagged a verb
        how.append(("thing", f"{head.lemma_!r}, the word the sum describes ({class_of(head, data.amounts)})"))
        return class_of(head, data.amounts), None
    top = noun if held and noun is not None else anchor  # the sum's own phrase: its container's, if it has one
    described = _described(top, inside, data) if noun is None else None
    if described is not None:  # "£41,300 raised", "the £9,000 the parish spent on the hall"
        how.append(("thing", f"{described[1].lemma_!r}, the verb that describes the sum ({described[0]})"))
        return described[0], _agent(described[1], inside)
    direct = predicate is not None and top.head.i == predicate.i and top.dep_ in _TAKEN
    for child in (*anchor.children, *top.children, *(predicate.children if direct and predicate is not None else ())):
        if child.dep_ == "prep" and is_word(child, "in"):  # "$84m in fees", "will receive $84m in fees"
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            found = class_of(obj, data.amounts) if obj is not None else None
            if obj is not None and found in data.amounts.values():
                how.append(("thing", f"{obj.lemma_!r}, the noun of the sum's 'in' phrase ({found})"))
                return found, None
    if predicate is None:
        return thing, None
    for_phrase = anchor.dep_ == "pobj" and is_word(anchor.head, "for") and anchor.head.head.i == predicate.i
    lemma = lemma_of(predicate)
    costing = lemma in data.costing or lemma in data.taking  # "repairs would cost", "the levy brought in": of its subject
    particle = _particle(predicate, lemma, data)
    found = (
        particle is not None
        and data.amount_verbs.get(f"{lemma} {particle}")
        or data.amount_verbs.get(lemma)
        or data.amount_verbs.get(predicate.lower_)
    )  # "set aside €120m": a verb with its particle says what the sum is
    raised = [predicate]  # "repairs were likely to cost £18m", "are expected to cost": the subject above
    subjects = _subjects(predicate, inside)
    while not subjects and raised[-1].dep_ in SHARED_SUBJECT and len(raised) < 4:
        if raised[-1].dep_ == "conj" and raised[-1].head.pos_ not in ("VERB", "AUX"):
            break  # a verb joined to a noun: a clause whose own verb the parse lost
        raised.append(raised[-1].head)  # "will finish late and cost £4m": a conjunct with no subject shares its first's
        subjects = _subjects(raised[-1], inside)
    if not subjects and costing and predicate.dep_ == "acl" and predicate.head.i not in inside:
        subjects = [predicate.head]  # "a lender, owed £5m", "repairs costing £2m": the noun it describes
    elif not subjects and lemma in data.costing:  # "meeting the demand would cost £2.2bn": what the clause does it to
        clause = next((c for v in raised for c in v.children if c.dep_ == "csubj" and c.i not in inside), None)
        subjects = [o for o in (clause.children if clause is not None else ()) if o.dep_ == "dobj" and o.pos_ == "NOUN"][:1]
    if any(c.dep_ == "nummod" or c.lower_ in data.distributive for s in subjects for c in s.children):
        return thing, None  # "Twenty stations were fined $550,000": each, or all together? the words do not say
    if held:
        found = None  # "paid a total of £3.6m": a container's verb says nothing of what its sum is
    if found is not None and direct:  # "was fined £3.2m", "would cost £1.8m": of its subject
        subject = next(iter(subjects), None)
        if subject is not None and subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "agencies which cost £1.8bn": the noun its relative clause is about
        if subject is None and top.dep_ == "nsubjpass":  # "£27,500 had been raised": its class, the agent's, if named
            how.append(("thing", f"{predicate.lemma_!r}, the passive verb the sum is the subject of ({found})"))
            return found, _agent(predicate, inside)
        if costing and (subject is None or subject.pos_ not in ("NOUN", "PROPN")):
            return thing, None  # "they cost about £2,000", "it will cost £80m": a cost of what, unsaid
        how.append(("thing", f"{predicate.lemma_!r}, the verb that takes the sum ({found})"))
        return found, subject if costing else None
    found = next((v for w in words_of(predicate, "for") if (v := data.amount_verbs.get(f"{lemma} {w}")) is not None), None)
    paid = next(
        (g for c in predicate.children if c.dep_ == "prep" and is_word(c, "for") for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if found is not None and (for_phrase or direct and paid is not None and paid.i not in inside):
        how.append(("thing", f"{predicate.lemma_!r}, the verb whose 'for' phrase the sum pays ({found})"))
        return found, None if for_phrase else paid
    for prep in predicate.children if direct and thing is None else ():  # "agreed to pay £3.2m towards a roundabout"
        goes = data.amount_verbs.get(f"{lemma} {prep.lower_}") if prep.dep_ == "prep" else None
        to = next((g for g in prep.children if g.dep_ == "pobj" and g.i not in inside), None)
        if goes is not None and to is not None:
            how.append(("thing", f"{predicate.lemma_!r}, the verb whose {prep.lower_!r} phrase the sum goes to ({goes})"))
            return goes, to
    return thing, None


def _described(token: Token, inside: set[int], data: Classes) -> tuple[str, Token] | None:
    """The class of [frames.amount_verbs] of a participle or relative clause that describes a sum or its
    noun ("£41,300 raised", "the money raised by the fun run", "the £9,000 the parish spent", "a
    slipway costing £1.4m"), with that verb; None where no such verb describes it, or its clause has
    a subject or an object of its own besides the sum."""
    for verb in token.children:
        if verb.dep_ not in ("acl", "relcl") or verb.pos_ != "VERB":
            continue
        own = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.tag_ != "WDT"]
        participle = (
            verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
        )
        if own and not (participle and all(c.i in inside for c in own)):
            continue  # "the appeal that raised £3m", "councillors that ... could cost £250,000": a clause of its own
        lemma = lemma_of(verb)
        particle = _particle(verb, lemma, data)
        found = particle is not None and data.amount_verbs.get(f"{lemma} {particle}") or data.amount_verbs.get(lemma)
        if found is not None:
            return found, verb
    return None


def _agent(verb: Token, inside: set[int]) -> Token | None:
    """Whose a sum a passive verb takes is: its "by" phrase's noun ("raised by the fun run"), or the
    subject of its relative clause ("the £9,000 the parish spent"); None where neither names one."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.i not in inside), None)
    if verb.dep_ == "relcl":
        return next((g for g in _subjects(verb, inside) if g.pos_ in ("NOUN", "PROPN")), None)
    return None


def _subjects(verb: Token, inside: set[int]) -> list[Token]:
    """A verb's own subjects, none of them the figure's words."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]


def _set_at(anchor: Token, predicate: Token | None, data: Classes) -> str | None:
    """The "VERB at" of [frames.set_at] whose "at" phrase the sum is ("capped at £3"), or None."""
    if predicate is None or anchor.dep_ != "pobj" or not is_word(anchor.head, "at") or anchor.head.head.i != predicate.i:
        return None
    verb = f"{lemma_of(predicate)} at"
    return verb if verb in data.set_at else None


def _set_on(verb: Token, inside: set[int]) -> Token | None:
    """The noun a verb sets a sum on ("capped fees at £5", "fees were capped at £5", "fees, which were
    capped", "the vase, insured at £9,000", "fees are charged daily, capped at £5"): its object, else
    its passive subject (a relative pronoun's noun), else the noun its participle describes, else the
    subject of the clause its participle hangs on; None where that is no noun."""
    found = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside), None)
    found = found or next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i not in inside), None)
    if found is not None and found.tag_ == "WDT" and verb.dep_ == "relcl":
        found = verb.head
    if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = verb.head
    if found is None and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        found = next(iter(_subjects(verb.head, inside)), None)
    return found if found is not None and found.pos_ in ("NOUN", "PROPN") and found.i not in inside else None


def _added_to(anchor: Token, verb: Token | None, inside: set[int], data: Classes) -> Token | None:
    """The noun of a sum's class that a verb of change adds its sum, its object, to ("will add £6m to
    the cost", "added £2m to the bill"): the sum is a change of that sum; None for any other sum."""
    if verb is None or lemma_of(verb) not in data.added_to:
        return None
    if anchor.dep_ not in ("dobj", "npadvmod") or anchor.head.i != verb.i:  # the anchor is the phrase's (tree.span_tokens)
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and is_word(c, "to")), None)
    noun = next((c for c in (to.children if to is not None else ()) if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    if noun is None or noun.i in inside or not is_sum_noun(noun, data):
        return None
    return noun


def is_sum_noun(token: Token, data: Classes) -> bool:
    """Whether a word names a class of sums ([frames.amounts]: "cost", "bill", "fee")."""
    return class_of(token, data.amounts) in data.amounts.values()


def names_sum(anchor: Token, predicate: Token | None, data: Classes) -> bool:
    """Whether a sum is the object of a verb that says what it is ([frames.amount_verbs]: "invested
    €900m", "cuts $112m from departments"): the sum invested or cut, a level of its own, not a change."""
    if predicate is None or anchor.head.i != predicate.i or anchor.dep_ != "dobj":
        return False
    lemma = lemma_of(predicate)
    return lemma in data.amount_verbs or _particle(predicate, lemma, data) is not None


def _particle(predicate: Token, lemma: str, data: Classes) -> str | None:
    """The particle that makes a verb of [frames.amount_verbs] with it ("set aside"), whether the parse
    hangs it as a particle or as an adverb ("had set aside £750,000": aside, advmod)."""
    return next(
        (c.lower_ for c in predicate.children if c.dep_ in ("prt", "advmod") and f"{lemma} {c.lower_}" in data.amount_verbs),
        None,
    )
