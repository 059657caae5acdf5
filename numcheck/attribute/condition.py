"""The condition a count of persons is in: how badly those its event hurt or made ill are ("nine were
seriously injured", "two of the injured were in a critical condition", "three of them critically"),
a subset of those it happened to, as a class of the language's [frames.conditions].

A condition is read from the syntax of the figure's clause, never a window of words: an adverb of
a word of an event the table names ("seriously injured", "remain critically ill", "described as
seriously injured"), or of the figure itself where its clause's event is one ("injured, two of them
seriously"); a word of a condition that narrows a noun the table names ("in a critical condition",
"suffered serious injuries"); the complement of a verb that says little ("two remain critical"). The
whole of an "of" phrase ("of the 30 people injured") is in no condition its part is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.event import says_little
from numcheck.attribute.framedata import Classes
from numcheck.attribute.tree import event_word, lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def condition_of(
    anchor: Token, noun: Token | None, predicate: Token | None, event: str | None, data: Classes
) -> tuple[str, Token] | None:
    """The condition a count is in, with the word that says it; None where none is, or where the
    figure is the whole of an "of" phrase ("of the 30 people injured, four were seriously hurt")."""
    if not data.conditions:
        return None
    counted = noun or anchor
    while counted.dep_ == "conj" and counted.head.pos_ in ("NOUN", "PROPN", "NUM"):
        counted = counted.head  # "two passengers and three crew were seriously injured"
    if counted.dep_ in ("pobj", "poss", "compound"):
        return None
    predicate = _clause_verb(anchor, noun, predicate)
    event = _clause_event(anchor, event, data)
    heads: list[Token] = [anchor] + ([noun] if noun is not None else [])
    if predicate is not None:
        heads.append(predicate)
        heads += [c for c in predicate.children if c.dep_ in ("acomp", "oprd", "xcomp")]  # "remain critically ill"
        heads += [g for c in predicate.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]  # "described as"
    for head in heads:
        own = head.i == anchor.i or noun is not None and head.i == noun.i
        found = _said(head, own, predicate, event, data)
        if found is not None:
            return found
    return None


def _clause_verb(anchor: Token, noun: Token | None, predicate: Token | None) -> Token | None:
    """The verb of the figure's clause, "to be" included ("three of the injured were in a critical
    condition"), and the verb a "were" the parse hangs the subject on is the auxiliary of."""
    subject = noun if noun is not None and noun.dep_ in ("nsubj", "nsubjpass") else anchor
    if predicate is None and subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lemma_ == "be":
        predicate = subject.head
        if predicate.dep_ in ("aux", "auxpass"):
            predicate = predicate.head  # "three of them were critically injured"
    return predicate


def _clause_event(anchor: Token, event: str | None, data: Classes) -> str | None:
    """The event of the clause a figure's own adverb narrows: its frame's, else a word above it, or
    before the comma of an ellipsis ("Fourteen were injured, two of them seriously"), of the table's."""
    if event in data.condition_events:
        return event
    before = [anchor.nbor(-2)] if anchor.i > 1 and anchor.nbor(-1).lower_ == "," else []
    near = [*list(anchor.ancestors)[:3], *before]
    return next((e for t in near if (e := event_word(t, data)) in data.condition_events), event)


def _said(head: Token, own: bool, predicate: Token | None, event: str | None, data: Classes) -> tuple[str, Token] | None:
    """The condition a word of the clause says of the figure, with its word, or None."""
    for child in head.children:
        word = data.conditions.get(child.lower_) or data.conditions.get(child.lemma_.lower())
        if child.dep_ == "advmod" and word is not None:
            if (event if own else event_word(head, data)) in data.condition_events:
                return word, child  # "seriously injured", "two of them seriously"
        if child.dep_ == "acomp" and word is not None and predicate is not None and head.i == predicate.i:
            if says_little(lemma_of(head), data):
                return word, child  # "two were critical", "two remain critical"
        if child.dep_ in ("prep", "dobj"):  # "in a critical condition", "suffered serious injuries"
            for obj in (child, *child.children) if child.dep_ == "dobj" else child.children:
                if obj.dep_ not in ("pobj", "dobj") or lemma_of(obj) not in data.condition_nouns:
                    continue
                mod = next((m for m in obj.children if m.dep_ == "amod" and m.lower_ in data.conditions), None)
                if mod is not None:
                    return data.conditions[mod.lower_], mod
    return None
