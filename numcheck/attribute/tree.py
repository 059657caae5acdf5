"""Reading a figure's sentence parse: its tokens, the clause and verb around a word, a word's
lemma, class and event class, and the phrase that names a noun."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from numcheck.attribute.framedata import Classes, is_lemma, is_word, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")


@dataclass(frozen=True, slots=True)
class DocIndex:
    """What every figure of a parsed sentence looks up, read once a sentence (not once a figure)."""

    starts: tuple[int, ...]  # each token's first character
    ends: tuple[int, ...]  # each token's end
    clauses: dict[int, list[Token]] = field(default_factory=dict)  # a clause head -> its clause (`clause_of`), as asked


#: The key of a parsed sentence's `DocIndex` in its user data.
_INDEX = "numcheck.frame.index"


def doc_index(doc: Doc) -> DocIndex:
    """The sentence's index, made on its first figure's call and kept with the parse."""
    found = doc.user_data.get(_INDEX)
    if isinstance(found, DocIndex):
        return found
    found = DocIndex(tuple(t.idx for t in doc), tuple(t.idx + len(t) for t in doc))
    doc.user_data[_INDEX] = found
    return found


def span_tokens(doc: Doc, start: int, end: int) -> tuple[list[Token], set[int], Token] | None:
    """The tokens of characters [start, end) of the parsed text `doc`, their indexes, and the one
    that hangs on a word outside them (the figure's anchor in the sentence); None for no token."""
    index = doc_index(doc)
    first = bisect.bisect_right(index.ends, start)  # the first token that ends after the figure starts
    tokens = [doc[i] for i in range(first, bisect.bisect_left(index.starts, end, lo=first))]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    return tokens, inside, next((t for t in reversed(tokens) if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def object_of(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The noun of a preposition of `noun` ("a reduction in deaths": deaths), or None."""
    for child in noun.children:
        if child.dep_ == "prep" and is_word(child, *preps):
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if obj is not None:
                return obj
    return None


def lemma_of(token: Token) -> str:
    """A token's lemma, lowercase; a capitalised plural the tagger took for a name ("Homicides fell")
    loses its plural ending as a common noun's would."""
    lemma = token.lemma_.lower()
    if (
        token.is_sent_start
        and token.text[:1].isupper()
        and lemma == token.lower_
        and lemma.endswith("s")
        and token.tag_.startswith("NN")
        and not lemma.endswith(("ss", "us", "is", "news"))
    ):
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


#: Words that make a noun one of its kind, not a word of a name of one thing: "le bilan des morts", "membre d'équipage".
_NAMING = ("det", "poss", "nummod")


def class_of(token: Token, table: dict[str, str]) -> str:
    """A word's class: by a word before it that narrows it ("police officer", "net profit",
    "operating profit"), or after it in a language that puts it there ("bénéfice net": [frames.grammar]
    after_noun), or by its preposition and a bare noun that name one thing with it ("membre d'équipage",
    "tremblement de terre"), its lemma, its text."""
    lemma = lemma_of(token)
    for left in token.lefts:
        if left.dep_ in ("compound", "amod"):
            for pair in (f"{left.lemma_.lower()} {lemma}", f"{left.lower_} {lemma}"):
                if pair in table:
                    return table[pair]
    after = words_of(token, "after_noun")
    for right in token.rights:
        if right.dep_ in after:
            for pair in (f"{lemma} {right.lemma_.lower()}", f"{lemma} {right.lower_}"):
                if pair in table:
                    return table[pair]
        elif right.dep_ == "prep":
            bare = next((o for o in right.children if o.dep_ == "pobj" and not any(d.dep_ in _NAMING for d in o.children)), None)
            joint = "" if right.lower_.endswith(("'", "’")) else " "
            for word in (bare.lemma_.lower(), bare.lower_) if bare is not None else ():
                if f"{lemma} {right.lower_}{joint}{word}" in table:
                    return table[f"{lemma} {right.lower_}{joint}{word}"]
    return table.get(lemma) or table.get(token.text.lower()) or lemma


#: How the words of a verb phrase hang on its verb, for a class word of several words ("walk out",
#: "fall ill", "be taken ill", "lose their lives", "lose jobs"): its particle, adverb, complement or object.
_PHRASE_DEPS = ("prt", "advmod", "acomp", "oprd", "dobj", "attr")


def event_word(token: Token, data: Classes) -> str | None:
    """The event class of a word, read as the longest entry of the language's [frames.events] its
    phrase makes: a compound ("death toll"), a verb with its particle, adverb, complement or object
    ("walk out", "fall ill", "take ill", "lose life"), a verb with a preposition and its object ("go
    on strike", "take to hospital", "take into custody"); else the word's own lemma or text."""
    return phrase_event(token, data) or data.events.get(token.lemma_.lower()) or data.events.get(token.text.lower())


def phrase_event(token: Token, data: Classes) -> str | None:
    """The event class of the phrase of several words a word heads (`event_word`), or None."""
    lemma = token.lemma_.lower()
    if lemma not in data.phrases:
        return None
    for left in token.lefts:
        if left.dep_ == "compound":
            both = f"{left.lemma_.lower()} {lemma}"
            if both in data.events:
                return data.events[both]
    for child in token.rights:
        if (
            child.dep_ == "prep" or child.dep_ == "prt" and any(o.dep_ == "pobj" for o in child.children)
        ):  # "went on strike", "taken into custody"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = data.events.get(f"{lemma} {child.lower_} {obj.lemma_.lower()}")
                    if found:
                        return found
        elif child.dep_ in _PHRASE_DEPS:  # "walked out", "fell ill", "lost their lives"
            found = data.events.get(f"{lemma} {child.lemma_.lower()}") or data.events.get(f"{lemma} {child.lower_}")
            if found:
                return found
    return None


def subject_of_be(token: Token) -> Token | None:
    """The subject a figure is the complement of "to be" for ("Turnout was 61%", "The median
    follow-up was 3.2 years"): what the figure is the size of."""
    if token.dep_ != "attr" or not is_lemma(token.head, "be"):
        return None
    return next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


#: How a verb with no subject of its own shares one above it: "is expected to cost", "is due to start and take",
#: "will end late and cost".
SHARED_SUBJECT = ("xcomp", "acomp", "conj")


def predicate_of(token: Token) -> Token | None:
    """The verb that governs a noun or figure: through prepositions and conjunctions, up to the
    first verb (a conjunct with no subject of its own shares its first conjunct's)."""
    seen = 0
    node = token
    while seen < 8 and node.head.i != node.i:
        seen += 1
        if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN") and node.head.pos_ in ("VERB", "AUX"):
            return None  # "A receptionist died and two men ... underwent surgery": a noun joined to a verb is
            # a clause whose own verb the parse lost, not what that verb governs
        node = node.head
        if node.pos_ in ("VERB", "AUX") and not is_lemma(node, "be"):
            return node
        if node.pos_ == "AUX" or is_lemma(node, "be"):
            return None
        if node.dep_ in CLAUSE_DEPS and node.pos_ != "VERB" or node.dep_ == "appos":
            return None  # "Springfield, a city of 90,000 residents, voted": the vote is not the residents'
    return None


def clause_head(token: Token) -> Token:
    """The head of the clause around a token: the nearest verb or clause above it, or the root."""
    head = token
    while head.head.i != head.i and head.dep_ not in CLAUSE_DEPS and head.pos_ != "VERB":
        head = head.head
    return head


def clause_of(token: Token) -> list[Token]:
    """The tokens of the clause around a token: its subtree up to the nearest clause head, less
    the relative and adverbial clauses inside it (a date in them does not date the figure); read
    once a clause head, for every figure of the clause."""
    head = clause_head(token)
    clauses = doc_index(token.doc).clauses
    if head.i not in clauses:
        out: list[Token] = []
        stack = [head]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(c for c in node.children if c.dep_ not in CLAUSE_DEPS)
        clauses[head.i] = sorted(out, key=lambda t: t.i)
    return clauses[head.i]


def entity(token: Token) -> str:
    """The whole named entity a token is part of, read from the entity tags around it."""
    if token.ent_iob_ not in ("B", "I"):
        return token.text
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def phrase_of(head: Token) -> str:
    """A noun with the words that name it ("the civil defence agency" -> "civil defence agency"; in a
    language that puts them after it, [frames.grammar] after_noun: "la protection civile"), without its
    clauses and prepositional phrases."""
    words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i + 4 >= head.i] + [head]
    after = words_of(head, "after_noun")
    words += [t for t in head.rights if t.dep_ == "compound" or t.dep_ in after and t.i <= head.i + 2]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
