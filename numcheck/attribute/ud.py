"""A parse in Universal Dependencies read in the labels the frame reader knows.

The frame reader (attribute/frame.py) reads the labels of spaCy's English pipelines (ClearNLP's:
"prep" and "pobj", "dobj", "nsubjpass", "attr", "relcl"). The pipelines of other languages label
in Universal Dependencies (their language file says so: [parse] scheme = "ud"), where a
preposition hangs on its noun ("case") and a copula on its complement ("cop"). `as_read` gives a
copy of such a parse with the same words, tags and entities, whose tree is turned into the frame
reader's: a noun's preposition takes the noun's place under its head, the noun becomes its object
("selon la police": "selon" hangs on the verb, "police" on "selon"); a copula takes its
complement's place, with the clause's subject ("le bilan est de 45 morts": "est" governs "bilan"
and "morts"); a relative pronoun that opens a clause with no verb stands as that noun's
preposition ("45 morts, dont 12 enfants": "dont" hangs on "morts", "enfants" on "dont", as
"including" does); and the other labels are renamed ("obj" is "dobj"). What words mean stays in
the language's data ([frames] in numcheck/lang/<code>.toml), never here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.extract import language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Universal Dependencies labels -> the frame reader's (a label not here keeps its name).
LABELS = {
    "obj": "dobj",
    "nsubj:pass": "nsubjpass",
    "acl:relcl": "relcl",
    "iobj": "dative",
    "aux:pass": "auxpass",
    "aux:tense": "aux",
    "aux:caus": "aux",
    "nmod:poss": "poss",
    "expl:comp": "expl",
    "expl:pass": "expl",
    "expl:subj": "expl",
    "flat:name": "compound",
    "flat:foreign": "compound",
}
#: Labels of a noun phrase that hangs on a word through a preposition of its own ("case").
_OBLIQUE = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod")
#: Labels of a noun phrase with no preposition that hangs on a verb: "atteint 50" (the reader's "npadvmod").
_BARE = ("obl", "obl:arg", "obl:mod")
#: The key of a parse's reading in its user data.
_KEY = "numcheck.ud"


@lru_cache(maxsize=None)
def scheme(lang: str) -> str:
    """The labels of a language's pipeline: "ud" (Universal Dependencies) or "" (the reader's own)."""
    return str(language.data(lang).get("parse", {}).get("scheme", "")) if lang in language.codes() else ""


def as_read(doc: Doc, lang: str) -> Doc:
    """The parse as the frame reader reads it: itself for a pipeline of the reader's labels, else
    its copy in them, made once a parse (kept with it)."""
    if scheme(lang) != "ud":
        return doc
    found = doc.user_data.get(_KEY)
    if found is not None:
        return found
    read = doc.copy()
    read.user_data.pop(_KEY, None)
    _numbers(read)
    _copulas(read)
    _prepositions(read)
    for t in read:
        if t.dep_ == "det" and t.like_num:
            t.dep_ = "nummod"  # "2 000 habitants": the tagger's determiner is a number
        t.dep_ = LABELS.get(t.dep_, t.dep_)
    doc.user_data[_KEY] = read
    return read


def _numbers(doc: Doc) -> None:
    """A number the parse made the head of the noun right after it, which it counts: a number that
    opens a sentence, tagged a name with its noun as the rest of the name ("Douze personnes":
    flat:name), or one whose noun hangs on it with no preposition ("1 200 postes": nmod); read as
    the number of that noun (an entity the tagger gave the number is dropped)."""
    for number in [t for t in doc if t.like_num and t.pos_ in ("PROPN", "NUM", "DET")]:
        noun = next(
            (
                c
                for c in number.rights
                if c.i == number.i + 1
                and c.pos_ == "NOUN"
                and (c.dep_ == "flat:name" or c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children))
            ),
            None,
        )
        if noun is None:
            continue
        if number.head.i == number.i:
            noun.head, noun.dep_ = noun, "ROOT"
        else:
            noun.head, noun.dep_ = number.head, number.dep_
        for c in [c for c in number.children if c.i != noun.i]:
            c.head = noun
        number.head, number.dep_, number.pos_ = noun, "nummod", "NUM"
    doc.ents = [e for e in doc.ents if not e[0].like_num]


def _copulas(doc: Doc) -> None:
    """Each copula in its complement's place, governing it ("attr", or "acomp" for an adjective) and
    the clause's subject and auxiliaries: the tree of "the toll is 45" in the reader's labels."""
    for cop in [t for t in doc if t.dep_ == "cop" and t.head.i != t.i]:
        complement = cop.head
        if complement.pos_ == "VERB":  # "sont portés disparus": an auxiliary of a passive
            cop.dep_ = "auxpass"
            continue
        moved = [c for c in complement.children if c.dep_.startswith(("nsubj", "aux", "expl")) and c.i != cop.i]
        if complement.head.i == complement.i:
            cop.head, cop.dep_ = cop, "ROOT"
        else:
            cop.head, cop.dep_ = complement.head, complement.dep_
        complement.head = cop
        complement.dep_ = "attr" if complement.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else "acomp"
        for c in moved:
            c.head = cop


def _prepositions(doc: Doc) -> None:
    """Each noun's preposition in the noun's place under its head, the noun its object; a
    relative pronoun that opens a clause with no verb ("dont 12 enfants") stands as its
    preposition; a noun phrase with none on a verb is the reader's "npadvmod"."""
    for noun in list(doc):
        if noun.head.i == noun.i:
            continue
        marker = _marker(noun)
        if marker is not None:
            marker.head, marker.dep_ = noun.head, "prep"
            noun.head, noun.dep_ = marker, "pobj"
        elif noun.dep_ in _BARE and noun.head.pos_ in ("VERB", "AUX"):
            noun.dep_ = "npadvmod"


def _marker(noun: Token) -> Token | None:
    """The word that links a noun phrase to its head as a preposition does: its own preposition
    ("case"), or the relative pronoun of a clause of it with no verb ("dont 12 enfants"), or None."""
    if noun.dep_ in _OBLIQUE:
        case = next((c for c in noun.children if c.dep_ == "case" and c.i < noun.i), None)
        if case is not None:
            return case
    if noun.pos_ in ("NOUN", "PROPN", "NUM") and not any(c.pos_ in ("VERB", "AUX") for c in noun.children):
        relative = next(
            (c for c in noun.lefts if c.pos_ == "PRON" and "Rel" in c.morph.get("PronType", []) and not list(c.children)), None
        )
        if relative is not None and noun.head.pos_ in ("NOUN", "PROPN", "VERB", "NUM"):
            return relative
    return None
