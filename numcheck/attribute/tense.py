"""The tense of a date read from its sentence's parse, where the sentence's words read it wrong.

extract/dates.py reads a relative date ("in March", "between January and April") forward from the
article's date in a sentence in the future tense and back in any other, from the sentence's words.
A date of an infinitive a verb of intent or agreement governs is of what is to come, whatever the
governing verb's tense: "The council agreed to close the area between January and April" (an article
of December) closes it next January, where "agreed" alone would read this year's, already past. So a
date the tense resolves is read forward when the verb it attaches to (through the nouns and
prepositions of its phrase) is such an infinitive, or a conjunct of one ("and to raise ..."); the
verbs are the language's [tense] forward_governors (lemmas), the syntax spaCy's parse. A date
attached to the governing verb itself ("agreed in March to cut") keeps the sentence's tense.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.attribute import dated, parse
from numcheck.attribute.tree import lemma_of, span_tokens
from numcheck.extract import dates, figures as extract, language
from numcheck.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLIMB = 12  # the most heads climbed from a date to its verb: a phrase deeper than that says too little


def forward_dates(text: str, start: int, end: int, figs: list[Figure], today: dt.date | None, lang: str) -> list[Figure]:
    """The sentence text[start:end]'s figures, each date the sentence's tense read back that its parse
    puts under an infinitive of what is to come read forward instead, and in a sentence whose words
    speak of what is to come, each one its parse puts on a verb in the past read back; the others as
    they are. The sentence is parsed only when it has a date the other direction reads otherwise
    (most dates are absolute) and, read forward, that is compared (_movable)."""
    if today is None or not any(f.kind == "date" for f in figs) or not _governors(lang):
        return figs
    if dates.future_tense(text, start, end, lang):  # "voted on Thursday to approve ..., which will be built"
        back = extract.dates_forward(text, start, end, today, lang, future=False)
        every = [i for i, f in enumerate(figs) if f.kind == "date"]
        return _moved(text, start, end, figs, back, every, lang, lambda doc, s, e: dated.read_back(doc, s, e, lang))
    movable = [i for i, f in enumerate(figs) if f.kind == "date" and _movable(f, text)]
    ahead = extract.dates_forward(text, start, end, today, lang) if movable else []

    def to_come(doc: Doc, s: int, e: int) -> bool:
        span = span_tokens(doc, s, e)
        return span is not None and _to_come(span[2], span[1], _governors(lang))

    return _moved(text, start, end, figs, ahead, movable, lang, to_come)


def _moved(
    text: str,
    start: int,
    end: int,
    figs: list[Figure],
    other: list[Figure],
    at: list[int],
    lang: str,
    keep: Callable[[Doc, int, int], bool],
) -> list[Figure]:
    """`figs` with each date of positions `at` that `other` reads otherwise read so, where `keep` says
    its parse does (given the date's characters in the sentence)."""
    read = {(f.start, f.end): f for f in other}
    changed = [i for i in at if (g := read.get((figs[i].start, figs[i].end))) is not None and g != figs[i]]
    if not changed:
        return figs
    docs = parse.parse_many([text[start:end]], lang)
    if docs is None:
        return figs
    out = list(figs)
    for i in changed:
        if keep(docs[0], figs[i].start - start, figs[i].end - start):
            out[i] = read[(figs[i].start, figs[i].end)]
    return out


def _movable(f: Figure, text: str) -> bool:
    """Whether a date is one a tense moves and one that is compared: no year written in it ("in March",
    "between January and April"), and not a day named from the article's date ("on Monday", "yesterday":
    never compared, attribute/dated.relative_day, and the most frequent, so not worth a parse)."""
    surface = text[f.start : f.end]
    return _YEAR.search(surface) is None and not (f.low == f.high and _DIGIT.search(surface) is None)


_YEAR, _DIGIT = re.compile(r"\d{4}"), re.compile(r"\d")


def _to_come(anchor: Token, inside: set[int], governors: frozenset[str]) -> bool:
    """Whether the verb a date's phrase attaches to is an infinitive (or a conjunct of one) that a
    verb of `governors` governs: "agreed to close ... between January and April"."""
    node = anchor
    for _ in range(_CLIMB):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i not in inside and node.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # "agreed to close ... and to raise ...": the first infinitive's governor
    return (
        node.dep_ == "xcomp"
        and "Inf" in node.morph.get("VerbForm", [])
        and node.head.i != node.i
        and (lemma_of(node.head) in governors or node.head.lemma_.lower() in governors)
    )


@lru_cache(maxsize=None)
def _governors(lang: str) -> frozenset[str]:
    """The language's verbs of intent or agreement, whose infinitive is of what is to come ([tense] forward_governors)."""
    if lang not in language.codes():
        return frozenset()
    return frozenset(w.lower() for w in language.data(lang).get("tense", {}).get("forward_governors", ()))
