"""What a sum of money is the amount of ([frames.amounts], [frames.amount_verbs]) and the noun it
is paid for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.framedata import Classes, is_word, words_of
from numcheck.attribute.tree import class_of, lemma_of, object_of

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
    striker": a price). A noun of no class keeps its own; a sum no word names stays unnamed."""
    if noun is not None:
        found = class_of(noun, data.amounts)
        if found not in data.amounts.values():
            return thing, None
        how.append(("thing", f"{noun.lemma_!r}, a noun of a sum's class ({found})"))
        paid_for = object_of(noun, ("of", "for"))  # "the cost of the recall"; not "a ransom of $2.5m": its own unit
        return found, None if paid_for is None or paid_for.i in inside else paid_for
    head = anchor.head
    if head.i == anchor.i + 1 and class_of(head, data.amounts) in data.amounts.values():  # "a £15m signing", tagged a verb
        how.append(("thing", f"{head.lemma_!r}, the word the sum describes ({class_of(head, data.amounts)})"))
        return class_of(head, data.amounts), None
    direct = predicate is not None and anchor.head.i == predicate.i and anchor.dep_ in _TAKEN
    for child in (*anchor.children, *(predicate.children if direct and predicate is not None else ())):
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
    found = next((v for w in words_of(predicate, "for") if (v := data.amount_verbs.get(f"{lemma} {w}")) is not None), None)
    paid = next(
        (g for c in predicate.children if c.dep_ == "prep" and is_word(c, "for") for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if found is not None and (for_phrase or direct and paid is not None and paid.i not in inside):
        how.append(("thing", f"{predicate.lemma_!r}, the verb whose 'for' phrase the sum pays ({found})"))
        return found, None if for_phrase else paid
    return thing, None
