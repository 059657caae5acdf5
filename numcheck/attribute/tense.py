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
from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.attribute import dated, parse
from numcheck.attribute.tree import lemma_of, span_tokens
from numcheck.extract import dates, figures as extract, language
from numcheck.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLIMB = 12  # the most heads climbed from a date to its verb: a phrase deeper than that says too little


def forward_dates(text: str, start: int, end: int, figs: list[Figure], today: dt.date | None, lang: str) -> list[Figure]:
    """The sentence text[start:end]'s figures, each date the sentence's tense read back that its parse
    puts under an infinitive of what is to come read forward instead; the others as they are. The
    sentence is parsed only when it has a date that forward reads otherwise (most dates are absolute) and
    that is compared (_movable)."""
    if today is None or not any(f.kind == "date" for f in figs) or not _governors(lang):
        return figs
    if dates.future_tense(text, start, end, lang):
        return _past_dates(text, start, end, figs, today, lang)
    movable = [i for i, f in enumerate(figs) if f.kind == "date" and _movable(f, text)]
    if not movable:
        return figs  # no date a tense moves
    ahead = {(f.start, f.end): f for f in extract.dates_forward(text, start, end, today, lang)}
    changed = [i for i in movable if (g := ahead.get((figs[i].start, figs[i].end))) is not None and g != figs[i]]
    if not changed:
        return figs
    docs = parse.parse_many([text[start:end]], lang)
    if docs is None:
        return figs
    out = list(figs)
    for i in changed:
        f = figs[i]
        span = span_tokens(docs[0], f.start - start, f.end - start)
        if span is not None and _to_come(span[2], span[1], _governors(lang)):
            out[i] = ahead[(f.start, f.end)]
    return out


def _past_dates(text: str, start: int, end: int, figs: list[Figure], today: dt.date, lang: str) -> list[Figure]:
    """The figures of a sentence whose words say it is of what is to come, each relative date whose
    own verb is in a past tense read back: "Members voted on Thursday to approve the turbines, which
    will be built ...", in an article of Friday, voted the day before, not next week."""
    back = {(f.start, f.end): f for f in extract.dates_forward(text, start, end, today, lang, future=False)}
    changed = [i for i, f in enumerate(figs) if f.kind == "date" and (g := back.get((f.start, f.end))) is not None and g != f]
    if not changed:
        return figs
    docs = parse.parse_many([text[start:end]], lang)
    if docs is None:
        return figs
    out = list(figs)
    for i in changed:
        f = figs[i]
        if dated.read_back(docs[0], f.start - start, f.end - start, lang):
            out[i] = back[(f.start, f.end)]
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
