"""Where, when, whose and by whom a figure is given: the owner, place, time and period of its
clause, the dates that do not date it, and the source it is attributed to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from numcheck.attribute.framedata import Classes, is_word
from numcheck.attribute.tree import clause_head, entity, lemma_of, phrase_of, CLAUSE_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Tags of a relative pronoun ("which", "who", "that" opening a relative clause).
_RELATIVE = ("WDT", "WP")


def owner_of(noun: Token | None, predicate: Token | None, anchor: Token) -> str | None:
    """Whose figure: a possessor or "of" phrase of the counted noun, else a named subject (of a relative
    clause, the noun it is about)."""
    for base in (noun, anchor):
        if base is None:
            continue
        for child in base.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child.text
            if child.dep_ == "prep" and is_word(child, "of"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PROPN":
                    return " ".join(t.text for t in obj.subtree if t.pos_ == "PROPN")
    if predicate is not None:
        subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.tag_ in _RELATIVE and predicate.dep_ == "relcl":
            subject = predicate.head  # "the Danish film Vinterhavn, which has nine nominations": whom the clause is about
        if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        if subject is not None and subject.pos_ == "PROPN":  # a name the model gives no type: "The Chorus won two"
            return " ".join(t.text for t in (*subject.lefts, subject) if t.pos_ == "PROPN")
        if (
            subject is not None and subject.pos_ == "NOUN" and (noun is None or subject.i != noun.i)
        ):  # "Film studio Lions Gate has announced"
            names = [
                t.text
                for c in subject.children
                if c.dep_ in ("compound", "amod", "appos")
                for t in c.subtree
                if t.pos_ == "PROPN"
            ]
            if names:
                return " ".join(names)
    return None


def described_noun(anchor: Token) -> str | None:
    """The noun an age describes ("the eight-year-old boy", "the 48-year-old actor"): two ages of
    one article describing different nouns are two people's."""
    head = anchor.head
    if anchor.dep_ in ("amod", "compound", "nummod") and head.pos_ == "NOUN" and head.i != anchor.i:
        return head.lemma_.lower()
    return None


def place_of(clause: list[Token], own: list[Token], inside: set[int]) -> str | None:
    """A place named among the figure's own modifiers, else in its clause."""
    for tokens in (own, clause):
        names = [
            t for t in tokens if t.i not in inside and (t.ent_type_ in ("GPE", "LOC", "FAC") or t.ent_type_ == "ORG" and _at(t))
        ]
        if names:
            return entity(names[0])
    return None


def _at(token: Token) -> bool:
    """Whether a name is the object of "at": "At the Department for Work and Pensions, 30,000 jobs
    are to go" counts the jobs there, as a place would."""
    node = token
    while node.head.i != node.i and node.ent_type_ == token.ent_type_ and node.dep_ != "pobj":
        node = node.head
    return node.dep_ == "pobj" and is_word(node.head, "at")


def own_words(anchor: Token, noun: Token | None) -> list[Token]:
    """The figure's own modifiers: the subtrees of its prepositions, not those of other conjuncts."""
    out: list[Token] = []
    for base in (anchor, noun):
        if base is not None:
            for child in base.children:
                if child.dep_ == "prep":
                    out.extend(child.subtree)
    return out


def attached(noun: Token | None, predicate: Token | None) -> list[Token]:
    """The words attached to the figure's noun, and its predicate's own phrases (not its clauses)."""
    out: list[Token] = []
    if noun is not None:  # its subtree, walked once from the top: a clause's head is attached, its words not
        todo = [noun]
        while todo:
            t = todo.pop()
            out.append(t)
            if t.i == noun.i or t.dep_ not in CLAUSE_DEPS:
                todo.extend(t.children)
        out.sort(key=lambda t: t.i)
    if predicate is not None:
        seen = {t.i for t in out}
        for child in predicate.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and child.i not in seen:
                out.extend(child.subtree)
    return out


#: How a clause hangs on a noun: it describes that noun ("The ferry, built in 1983,").
_DESCRIBING = ("relcl", "acl")
#: How a word hangs on its verb as what the verb is about, not when: "cut its outlook", "is a third above the estimate".
_ARGUMENTS = ("dobj", "attr", "acomp", "oprd", "dative")


def dater(
    anchor: Token, noun: Token | None, start: Token, counters: frozenset[str], to_now: frozenset[str] = frozenset()
) -> Callable[[int, int], bool]:
    """Whether the word of characters [a, b) of the sentence may date the figure: its time, a date
    or a time word, is one attached to its own clause (`start`'s) or to a clause above it. Not: a
    word of a clause beside its own or below a clause above it; of a clause or possessor that
    describes a noun other than the figure's, its noun's or a counter's ("The ferry, built in 1983,",
    "last year's figure"; not "bringing to 19 the number rehoused since the fire"); of a first
    conjunct, what its verb is about ("trimmed its forecast and announced 640 layoffs"); of the clause
    a relative clause hangs on, the words after its noun ("The ferry, which carried 241 passengers,
    was built in 1983"); a date that starts a span reaching the present, under a preposition of
    `to_now` ("has tested 9,000 stones since 26 October": the total now). Read only for the words
    asked about: a sentence may be very long."""
    doc = anchor.doc
    above = {t.i for base in (anchor, noun) if base is not None for t in (base, *base.ancestors)}  # the figure's nouns
    chain: dict[int, Token | None] = {}  # a clause head above the figure's -> the clause below it
    made: list[bool] = []

    def dates(a: int, b: int) -> bool:
        if not made:
            above.update(t.i for t in doc if lemma_of(t) in counters)  # "the number" a figure is brought to
            node = clause_head(start)
            chain[node.i] = None
            while node.head.i != node.i:
                parent = clause_head(node.head)
                chain.setdefault(parent.i, node)
                node = parent
            made.append(True)
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        return not _since(span[-1], to_now) and _dates(span[-1], chain, above)

    return dates


def _since(t: Token, to_now: frozenset[str]) -> bool:
    """Whether a date's word hangs on a preposition that opens a span to the present ("since 26
    October", "since Monday", "since June"), its own or that of the date words it is part of; not an
    event's ("since the fire" dates a figure after the fire, as "after the fire" does), nor a date
    with its year (`_year`)."""
    date = next((e for e in t.doc.ents if e.start <= t.i < e.end and e.label_ in ("DATE", "TIME")), None)
    if date is None or any(_year(w) for w in date):
        return False
    node = t
    for _ in range(4):
        if node.dep_ == "prep" or node.pos_ == "ADP":
            return node.lower_ in to_now
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _year(t: Token) -> bool:
    """Whether a word is a year ("2019"): a span from a year is a background total ("640 pharmacies
    lost since 2020", "seven ships since 1900"), its own time, not the story's present."""
    return len(t.text) == 4 and t.text.isdigit()


def _dates(t: Token, chain: dict[int, Token | None], above: set[int]) -> bool:
    """Whether a word may date the figure (`dater`)."""
    node = t
    while node.head.i != node.i and node.i not in chain:
        if node.dep_ == "poss" and node.head.i not in above:
            return False  # "last year's figure"
        if node.dep_ in _DESCRIBING and node.head.pos_ in ("NOUN", "PROPN") and node.head.i not in above:
            return False  # a clause about another noun
        node = node.head
    if node.i not in chain:
        return True
    below = chain[node.i]
    if below is None:  # its own clause, or a clause inside it about the figure's nouns
        return True
    if _beside(t, node):
        return False
    if below.dep_ == "conj" and node.i < t.i < below.i:
        return not _argument(t, node)
    if below.dep_ in _DESCRIBING and below.head.pos_ in ("NOUN", "PROPN"):
        noun = below.head
        return t.i < noun.left_edge.i or noun.left_edge.i <= t.i <= noun.right_edge.i and not below.left_edge.i <= t.i
    return True


def _beside(t: Token, head: Token) -> bool:
    """Whether a word of a clause above the figure's lies in another clause below that one: beside
    the figure's, not above it."""
    node = t
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS or node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _argument(t: Token, verb: Token) -> bool:
    """Whether a word lies in what a verb is about (its object or complement), not in when it happened."""
    node = t
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in _ARGUMENTS


def time_of(clause: list[Token], inside: set[int]) -> str | None:
    words = [t for t in clause if t.ent_type_ in ("DATE", "TIME") and t.i not in inside]
    return " ".join(t.lower_ for t in words) or None


def period_of(tokens: list[Token], data: Classes) -> str | None:
    """The period a flow is counted over, by a word or two ("quarterly", "three months"); a plural alone
    ("within hours", "in recent years") says when, not over what period."""
    for t in tokens:
        before = t.nbor(-1) if t.i > 0 else None
        if before is not None and _compound_unit(before):
            continue  # "27.4p per kilowatt-hour": an hour of a unit's name is no period
        pair = f"{before.lower_} {t.lemma_.lower()}" if before is not None else ""
        found = data.periods.get(pair) or data.periods.get(f"{before.lower_} {t.lower_}" if before is not None else "")
        if not found and "Plur" not in t.morph.get("Number", []):  # "within hours", "for years": when, not a flow's period
            found = data.periods.get(t.lemma_.lower()) or data.periods.get(t.lower_)
        if found:
            return found
    return None


def _compound_unit(hyphen: Token) -> bool:
    """Whether a hyphen joins the word before it into one word with a period's noun ("kilowatt-hour",
    "an all-day list", "a 12-month contract"), not a figure to its period ("a £2,600-a-year fee",
    "a $5-per-day charge"): only an indefinite article or a preposition makes a period of it."""
    if hyphen.lower_ != "-" or hyphen.whitespace_ or hyphen.i == 0:
        return False
    first = hyphen.nbor(-1)
    return not first.whitespace_ and not (first.pos_ == "ADP" or "Ind" in first.morph.get("Definite", []))


def source_of(anchor: Token, data: Classes) -> str | None:
    """Who the figure is attributed to: the subject of a saying verb above it, or of a saying verb
    set beside its clause with its subject after it ("a indiqué le ministère", "said the ministry"),
    or "according to"."""
    node = anchor
    for _ in range(12):
        for child in node.children:
            if child.dep_ == "prep" and is_word(child, "according"):
                obj = next((t for t in child.subtree if t.dep_ == "pobj"), None)
                if obj is not None:
                    return phrase_of(obj)
            if child.dep_ in ("parataxis", "conj", "ccomp") and child.i > anchor.i and _incise(child):
                said = _said_by(child, anchor, data, after=True)
                if said is not None:
                    return said
        said = _said_by(node, anchor, data)
        if said is not None:
            return said
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _incise(verb: Token) -> bool:
    """Whether a verb's clause is set off after a comma at the end of its sentence, with no
    conjunction ("..., a indiqué le ministère.", "..., said the ministry."): who says so, not a
    clause of its own ("..., and announced an inquiry")."""
    doc, first, last = verb.doc, verb.left_edge.i, verb.right_edge.i
    after = doc[last + 1] if last + 1 < len(doc) else None
    return (
        (doc[first].text == "," or first > 0 and doc[first - 1].text == ",")
        and not any(c.dep_ in ("cc", "mark") for c in verb.children)
        and (after is None or after.is_punct and after.text != ",")
    )


def _said_by(verb: Token, anchor: Token, data: Classes, after: bool = False) -> str | None:
    """The subject of a saying verb ([frames.roles] source_verbs) that is not the figure's own, as
    words (`after`: only a subject after its verb, as in an incise), or None."""
    if verb.lemma_.lower() not in data.source_verbs or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "the figures add up", "it turned out": a phrasal verb says nothing
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and after:  # "a indiqué la protection civile", its subject parsed as its object: what it
        subject = next((c for c in verb.rights if c.dep_ == "dobj"), None)  # says is the clause beside it
    if (
        subject is not None
        and not (subject.i == anchor.i or subject.is_ancestor(anchor))
        and subject.pos_ in ("NOUN", "PROPN")
        and not subject.is_stop  # "none of them said": a quantifier names nobody
        and (not after or subject.i > verb.i)
    ):
        return phrase_of(subject)
    return None
