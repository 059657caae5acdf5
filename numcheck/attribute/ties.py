"""What the parse ties a figure to, for aligning it with a figure of another article (check/align.py).

The evidence is the figure's clause, not its sentence: the lemmas of the content words of the clause
around the figure (tree.clause_of: its noun, the verb above it, that verb's subject and object and
their modifiers, less the relative and adverbial clauses inside it), so that two figures of one
sentence ("the ban applies to 40,000 homes, of the 95,000 the company supplies") are tied to
different words. A figure joined by a hyphen to the word it counts, that word describing another
noun ("a 12-room hotel", "the 30-seat bus"), is a modifier of that noun, not a count of its own:
its ties are marked so that it is never aligned. Marked words say what the figure hangs on most
closely: the subject of its verb (SUBJECT), that verb and the noun of its "of" phrase (CORE), and
the preposition it hangs on (CASE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.attribute.tree import clause_of, lemma_of, span_tokens
from numcheck.attribute.ud import as_read

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Parts of speech whose lemmas say what a clause is about.
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")
#: How a word describes the noun after it ("a 12-room hotel": 'room' is its amod or compound).
_DESCRIBES = ("amod", "compound", "nmod", "npadvmod")
#: How a number hangs on the noun it counts ("12 rooms", "about 12 rooms").
_NUMBER_OF = ("nummod", "quantmod", "amod", "compound", "nmod")
#: The mark before the lemma of the subject of the figure's verb.
SUBJECT = "@"
#: The mark that opens the ties of a figure that only describes a noun.
MODIFIER = "*"
#: The mark before the lemmas of the figure's core: the verb it hangs on and the noun it is a share of.
CORE = "^"
#: The mark before the lemma of the preposition the figure (or the noun it counts) hangs on.
CASE = "="


def ties_of(doc: Doc, start: int, end: int, kind: str = "count", lang: str = "en") -> str | None:
    """The sorted lemmas of the content words of the clause around the figure at characters
    [start, end) of the parsed text, the figure's own words left out (and for a count the noun it
    counts, which its frame's thing already says), one space apart; opened by MODIFIER for a
    figure that describes a noun. None when no token is there."""
    span = span_tokens(as_read(doc, lang), start, end)
    if span is None:
        return None
    tokens, inside, anchor = span
    own = inside | ({t.i for t in _counted(anchor)} if kind == "count" else set())
    lemmas = sorted(
        {
            lemma_of(t)
            for t in clause_of(anchor)
            if t.i not in own and t.pos_ in _CONTENT and not t.is_stop and not t.like_num and lemma_of(t).isalpha()
        }
    )
    subject = _subject(anchor, own)
    case = _case(anchor)
    return " ".join(
        ([MODIFIER] if _describes(tokens, anchor) else [])
        + lemmas
        + ([SUBJECT + subject] if subject else [])
        + [CORE + w for w in _core(anchor, own, kind)]
        + ([CASE + case] if case else [])
    )


def _core(anchor: Token, own: set[int], kind: str) -> list[str]:
    """The lemmas of the words the figure hangs on most closely: the content verb above it ("58% of
    patients waited": 'wait') and, for a figure that is no count, the noun of its "of" phrase
    ("58% of patients": 'patient'); a count's counted noun is its frame's thing already."""
    verb = _verb(anchor)
    words = [verb] if verb.i not in own and verb.pos_ == "VERB" and not verb.is_stop else []
    if kind == "date" and _through_number(anchor, verb, own):
        words = []  # "down from 499 in 2024": the date dates a figure, not the verb above it
    if kind != "count":
        words += [t for t in _counted(anchor) if t.pos_ in ("NOUN", "PROPN")]
    return sorted({lemma_of(t) for t in words if lemma_of(t).isalpha()})


def _through_number(anchor: Token, verb: Token, own: set[int]) -> bool:
    """Whether a figure is said of a number between it and the verb above it ("up from 2,400 in
    2021", "down 17% from 499 in 2024"): a word on its way up to the verb is a number or holds one
    among its words below it, two deep."""
    t = anchor
    while t.i != verb.i and t.head.i != t.i:
        t = t.head
        if t.i == verb.i:
            break
        near = [t, *t.children, *(g for c in t.children for g in c.children)]
        if any(w.i not in own and (w.like_num or w.pos_ == "NUM") for w in near):
            return True
    return False


def _verb(anchor: Token) -> Token:
    """The verb the figure's clause hangs on (the root of the sentence when no verb is above it)."""
    verb = anchor
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _case(anchor: Token) -> str | None:
    """The lemma of the preposition the figure hangs on, or the noun it counts does ("cut from four
    an hour to two": 'from' and 'to'), so that the two ends of one change are not taken for one
    figure; None when it hangs on none."""
    t = anchor.head if anchor.dep_ in _NUMBER_OF and anchor.head.pos_ in ("NOUN", "PROPN") else anchor
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.i != t.i:
        return lemma_of(t.head)
    return None


def _subject(anchor: Token, own: set[int]) -> str | None:
    """The lemma of the noun that is the subject of the verb the figure's clause hangs on, when the
    figure is not in it ("The single sold 800 copies": 'single'); None for a pronoun or none."""
    verb = _verb(anchor)
    while True:  # "The bridge was closed and reopened ten days later": the subject the verbs share
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    for t in subjects:
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and not any(a.i in own for a in t.subtree):
            return lemma_of(t)
    return None


def _counted(anchor: Token) -> list[Token]:
    """The noun a count counts: the head it is the number of ("12 rooms"), or its "of" phrase's
    ("thousands of rooms"); none found, none."""
    if anchor.dep_ in _NUMBER_OF and anchor.head.pos_ in ("NOUN", "PROPN"):
        return [anchor.head]
    return [g for p in anchor.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]


def _describes(tokens: list[Token], anchor: Token) -> bool:
    """Whether the figure is hyphened to its word, that word describing a noun after it ("a 12-room
    hotel", "the 30-seat bus"), rather than counting it ("12 rooms")."""
    word = anchor if any(t.text == "-" for t in tokens) and anchor.i != tokens[0].i else _hyphened(anchor)
    return word is not None and word.dep_ in _DESCRIBES and word.head.i > word.i and word.head.pos_ in ("NOUN", "PROPN")


def _hyphened(anchor: Token) -> Token | None:
    """The word a figure is joined to by a hyphen after it ("12" in "12-room"), or None."""
    doc = anchor.doc
    i = anchor.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        word = doc[i + 2]
        return word if anchor.head.i == word.i or word.head.i != anchor.i else None
    return None
