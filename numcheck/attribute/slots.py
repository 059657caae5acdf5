"""What each figure counts (measure), of whom or where (entity), and when (time).

Attribution reads the figure's sentence with the rules' vocabulary: the measure word, alias or
time phrase nearest the figure wins, words in the figure's own clause before words in another,
words after the figure slightly before words ahead of it ("70,000 inhabitants", "killed 213").
A date names the time of a flow (a toll on Sunday) at any grain, but of a stock (a population)
only at month grain or coarser: "a city of 90,000, voted on Tuesday" dates the vote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from numcheck.model import PART, WITH_PERPETRATOR, Extent, Figure, yearless
from numcheck.rules.rulebook import RuleBook
from numcheck.extract import dates
from numcheck.extract.tallies import LARGER, SMALLER
from numcheck.extract.language import EN, GRAMMAR, ROLES, alt
from numcheck.attribute import incidents, nouns, qualify
from numcheck.attribute.names import NOT_SUBJECTS, age_owner, apposition, first_person, last_named, person, protagonist, relative
from numcheck.attribute.scope import scene as scene_scope, scope
from numcheck.extract.units import DIMENSION_MEASURE, dimension, own_measure
from numcheck.rules.vocabulary import DEFAULT_KINDS, Term, Vocabulary, vocabulary

#: the role each side of a vote's tally has in the rules (builtin.toml)
TALLY_SIDES = {LARGER: "tally-larger", SMALLER: "tally-smaller"}

_THE, _OF = re.escape(GRAMMAR["the"]), re.escape(GRAMMAR["of"])
_CLAUSES, _WORDS = EN["clauses"], EN["attribution"]


def _breaks(after_comma: list[str]) -> re.Pattern[str]:
    """Where a clause ends: a word that starts another after a comma, a semicolon, a dash, a bracket,
    'but' or 'that', or 'and' before a verb."""
    c = _CLAUSES
    return re.compile(
        rf",\s+(?:{alt(after_comma)})\b|;|\s+{c['contrast']}\s+|\s[—–]\s|\(|\)|\s(?={c['complement']}\s)"
        rf"|\s+{c['conjunction']}\s+(?=(?:{alt(c['and_before'])})\b)"
    )


_MAIN_BREAK = _breaks(_CLAUSES["after_comma"])
_CLAUSE_BREAK = _breaks(_CLAUSES["after_comma"] + _CLAUSES["relatives"])  # a relative clause is a clause too
MAX_SCORE = 220.0
#: What `_measure` reads of a figure: its measure, whose it is, and how much of the measure it counts.
Read = tuple[str | None, str | None, Extent | None]


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    entity: str | None
    time: str | None
    scope: str | None = None
    extent: Extent | None = None  # a part of the measure, or it with the perpetrator (model.Claim.extent)


_ANTECEDENT = re.compile(r",?\s*$|,")  # a clause that follows its antecedent directly
_WITH_PERPETRATOR = re.compile(
    rf"(?:\s+\w+){{0,3}}?,?\s+{_WORDS['including']}\s+(?:{_THE}\s+)?(?:{alt(ROLES['perpetrators'])})\b", re.I
)
_PASSENGERS = re.compile(
    rf"\s+(?:{EN['parts']['more']}\s+)?{_WORDS['passengers']}\b(?!\s+{_CLAUSES['conjunction']}\s+(?:{alt(_WORDS['crew'])}))"
)
_SCENE = re.compile(r"\W*(?:\w+\W+){0,2}$")  # a date this early in a sentence sets its scene
_NOT_LABELS = "|".join(rf"{w}\b" for w in _WORDS["not_labels"])  # "and\b|or\b|..."
_LABEL = re.compile(rf"[\s-]+(?!{_NOT_LABELS})(?:[a-z]{{3,}}|[A-Z][a-z]+)")  # "the 2004 tsunami", "the 2018 Dry Gulch Fire"
_YEAR_ONLY = re.compile(r"\d{4}")
_PARENTHESIS = re.compile(r"\(\s*$")
# "Rahman (45-7-2, 36 KOs)" and "Hasim Rahman, 45-7-2, 36 KO's": the figure describes the name
_BRACKETED = re.compile(r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)*)(?:\s+\([^()]*|,\s+(?:\d+(?:-\d+)+,\s+)?)$")
_POSSESSIVE = re.compile(rf"(?P<name>[A-Z][a-z-]+)['’]s\s+(?:\w+\s+){{0,2}}{_WORDS['record']}\s+(?:\w+\s+)?$")
_REFERENCE = re.compile(
    rf"[^.;]{{0,30}}?\b(?:{alt(_WORDS['distance_from'])})\s+(?:{_THE}\s+(?:\w+\s+){{0,2}}{_OF}\s+"
    rf"|{_THE}\s+{_WORDS['capital']},?\s+)?(?P<place>[A-Z][\w'-]+)"
)
_QUALIFIED = re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?:{alt(_WORDS['severities'])})\s+(?:{alt(_WORDS['harms'])})\b")
# an event is named by its place (offshore or nearby): "an 8.6-magnitude quake struck 431 km off Banda Aceh"
_EPICENTRE = re.compile(
    rf"\b(?P<rel>{alt(_WORDS['epicentre_relations'])})\s+"
    rf"(?:{_THE}\s+(?:{alt(_WORDS['epicentre_places'], escape=False)})\s+{_OF}\s+)?"
    r"(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)
_PROPER = re.compile(rf"\b[A-Z][a-z][\w'’-]*(?:\s+(?:{_OF}\s+)?[A-Z][a-z][\w'’-]*)*")
_GLUED = re.compile(r"\b([A-Za-z]+)-$")
#: Number words, which begin no name a figure is the subject's of: "Two ponies died and nine ponies were treated".
_NUMBER_NAMES = frozenset((*EN["numbers"]["units"], *EN["numbers"]["tens"], *EN["numbers"]["scale_words"]))
_PREDICATE = re.compile(rf"\s+(?:(?:{alt(_WORDS['predicate_fillers'])})\s+){{0,4}}(?P<w>[a-z]+(?:\s+[a-z]+){{0,2}})")
_VERB_BEFORE = re.compile(rf"(?P<w>[a-z]+)\s+(?:(?:{alt(_WORDS['verb_fillers'], escape=False)})\s+){{0,2}}$")


def attribute(text: str, span: tuple[int, int], figures: list[Figure], book: RuleBook) -> list[Attribution]:
    """Measure, entity, time and scope for each figure of one sentence."""
    vocab = vocabulary(book)
    start, end = span
    fig_spans = [(f.start, f.end) for f in figures]
    terms = [
        t for t in vocab.terms(text, start, end) if t.group == "time" or not any(t.start < e and s < t.end for s, e in fig_spans)
    ]
    clauses = _clauses(text, start, end)
    labels = [
        d for d in figures if d.kind == "date" and _YEAR_ONLY.fullmatch(text, d.start, d.end) and _LABEL.match(text, d.end, end)
    ]  # "the 2004 tsunami", not "in 2016 injured"
    dated = [d for d in figures if d.kind == "date" and d not in labels]
    scene = next((d for d in dated + labels if _SCENE.fullmatch(text, start, d.start)), None)
    read = [
        _measure(
            text,
            fig,
            span,
            terms,
            _clause_of(fig.start, clauses),
            clauses,
            vocab,
            [(f.start, f.end) for f in figures if f is not fig and f.kind == fig.kind],
        )
        if fig.kind not in ("date", "time", "ordinal")
        else (None, None, None)
        for fig in figures
    ]
    out = []
    for i, fig in enumerate(figures):
        here = _clause_of(fig.start, clauses)
        if fig.kind == "date":
            event = _nearest(fig, [t for t in terms if t.group == "event"], here, clauses, limit=90.0)
            which = event.key if event else incidents.incident(text, fig, start, end, vocab.incidents)
            out.append(Attribution(book.role("date") if which else None, which, None))
            continue
        if fig.kind in ("time", "ordinal") or _is_conversion(text, figures, i):
            out.append(Attribution(None, None, None))
            continue
        others = [(f.start, f.end) for f in figures if f is not fig and f.kind == fig.kind]
        measure, entity, extent = read[i]
        # the rules say what a measure is (a stock, located, an age) of the measure itself, not of a part of it
        itself = measure if extent is None else None
        if entity is None:  # a relative clause is about its antecedent: "the city of Bakhmout, which had 70,000"
            whole = _clauses(text, start, end, _MAIN_BREAK)
            found = _nearest(
                fig, [t for t in terms if t.group == "entity"], _clause_of(fig.start, whole), whole, limit=90.0, same_clause=True
            )
            entity = found.key if found else _holder(text, fig, span, itself, vocab)
        stock = itself in book.measures and book.measures[itself].stock
        # figures of another measure do not take a trailing time from this one: in "killed 230,000
        # people in 13 countries in 2004" the year dates both
        counts = [
            (f.start, f.end)
            for j, f in enumerate(figures)
            if f is not fig
            and f.kind not in ("date", "time")
            and (read[j][0] is None or (read[j][0], read[j][2]) == (measure, extent))
        ]
        times = (
            [t for t in terms if t.group == "time"]
            + [Term(d.start, d.end, time_key(d, text), "time") for d in dated if not (stock and _day_grain(d))]
            + [
                Term(c.start, c.end, f"at {int(c.value) // 60:02d}:{int(c.value) % 60:02d}", "time")
                for c in figures
                if c.kind == "time" and c.value is not None
            ]
        )
        # a time after the figure belongs to the nearest figure before it: "64.2%, up from 68.9% in 2020";
        # a time ahead of the figures dates them all: "in September, killing seven and injuring 40"
        times = [t for t in times if t.start < fig.end or not _between(t, fig, counts)]
        time = _nearest(fig, times, here, clauses, same_clause=True)
        if time is None and scene is not None and not (stock and _day_grain(scene)):
            time = Term(scene.start, scene.end, time_key(scene, text), "time")
        label = next((d for d in reversed(labels) if d.end <= fig.start), None) or next(
            (d for d in labels if 0 <= d.start - fig.end <= 40 and "," not in text[fig.end : d.start]), None
        )  # "died in the 2009 derailment"
        if time is None and label is not None:  # "the 1988 flood, which claimed 32 lives"
            time = Term(label.start, label.end, time_key(label, text), "time")
        antecedent = _ANTECEDENT.search(text, max(start, clauses[here][0] - 4), clauses[here][0] + 1) if here else None
        if time is None and antecedent:  # "Hurricane Delmar in 2016, which killed 27 people"
            dated_before = next((d for d in dated if 0 <= clauses[here][0] - d.end <= 2), None)
            if dated_before is not None:
                time = Term(dated_before.start, dated_before.end, time_key(dated_before, text), "time")
        if entity and itself in book.measures and book.measures[itself].located:
            time = None  # the place names the event; its date is another claim
        if itself == book.role("age") and time is not None and not (scene and time.start == scene.start):
            time = None  # "the 44-year-old, first elected in 2017": the age is now, the year the election's
        clause_end = min([clauses[here][1]] + [s for s, _ in others if s > fig.end])
        where = (scope(text, fig.end, clause_end) or scene_scope(text, start)) if fig.kind == "count" else None
        out.append(Attribution(measure, entity, time.key if time else None, where, extent))
    return _dated_events(figures, out, labels, book)


def _dated_events(figures: list[Figure], out: list[Attribution], labels: list[Figure], book: RuleBook) -> list[Attribution]:
    """A date in a sentence about one event named by its place is that event's date: "In April
    last year an 8.6-magnitude quake struck off Banda Aceh" dates the quake off Banda Aceh."""
    events = {
        a.entity for a in out if a.entity and a.extent is None and a.measure in book.measures and book.measures[a.measure].located
    }
    if len(events) != 1:
        return out
    (event,) = events
    return [
        Attribution(book.role("date"), event, None) if f.kind == "date" and a.measure is None and f not in labels else a
        for f, a in zip(figures, out)
    ]


def _between(term: Term, fig: Figure, spans: list[tuple[int, int]]) -> bool:
    """Whether another figure stands between a word and the figure: the word is that figure's."""
    lo, hi = (term.end, fig.start) if term.end <= fig.start else (fig.end, term.start)
    return any(lo <= s and e <= hi for s, e in spans)


def _is_conversion(text: str, figures: list[Figure], i: int) -> bool:
    """'10 kilometers (6 miles)': the figure in brackets restates the one before it."""
    fig = figures[i]
    if i == 0 or fig.kind != "quantity" or not _PARENTHESIS.search(text, max(0, fig.start - 3), fig.start):
        return False
    prev = figures[i - 1]
    return prev.kind == "quantity" and fig.start - prev.end <= 3 and dimension(prev.unit) == dimension(fig.unit)


def _measure(
    text: str,
    fig: Figure,
    span: tuple[int, int],
    terms: list[Term],
    here: int,
    clauses: list[tuple[int, int]],
    vocab: Vocabulary,
    others: list[tuple[int, int]],
) -> Read:
    """What the figure counts (and, for an age, whose it is, and how much of the measure it counts):
    the noun after it first, then the nearest measure word with no other figure in between."""

    def nearest_term(kind: str, limit: float = MAX_SCORE) -> Term | None:
        usable = [
            t
            for t in terms
            if t.group == "measure"
            and kind in vocab.kinds.get(t.key, DEFAULT_KINDS)
            and not any(min(t.end, fig.end) <= s and e <= max(t.start, fig.start) for s, e in others)
        ]
        return _nearest(fig, usable, here, clauses, limit=limit)

    def nearest(kind: str, limit: float = MAX_SCORE) -> str | None:
        found = nearest_term(kind, limit)
        return found.key if found else None

    book = vocab.book
    if fig.time_hint == "age":
        return book.role("age"), age_owner(text, fig, span), None
    if fig.time_hint in TALLY_SIDES:  # "voted 7-4": a side of a vote, whichever body voted
        return book.role(TALLY_SIDES[fig.time_hint]), None, None
    if fig.time_hint == "record":
        record = book.role("record")
        return record, _holder(text, fig, span, record, vocab) or _subject(text, fig, here, clauses), None
    if fig.kind == "quantity":
        if dimension(fig.unit) == "temperature":  # "a high of 115F" is a temperature, not a height
            return DIMENSION_MEASURE["temperature"], None, None
        scale = vocab.measure_word(text[fig.start : fig.end].split()[0]) if fig.unit is None else None
        if scale is not None:  # "a magnitude 6.2 quake": the scale written before it names its measure
            return scale, None, None
        return nearest("quantity", 60.0) or own_measure(fig.unit) or fig.unit, None, None
    if fig.kind == "duration":
        measure = nearest("duration", 60.0)
        if measure in vocab.book.measures and vocab.book.measures[measure].needs_entity:
            return (
                measure,
                (
                    relative(text, fig.start, span[0])
                    or first_person(text, span[0], fig.start)
                    or protagonist(text)
                    or last_named(text, fig.start, fig.start - span[0], known_people=False)
                ),
                None,
            )
            # whose sentence or race time: the person named before it, else whom the story is about
        return measure, None, None
    name = apposition(text, fig, span)
    if name:
        return book.role("age"), name, None  # "Terry Andres, 62,": the news convention for a person's age
    glued = _GLUED.search(text, max(span[0], fig.start - 12), fig.start)
    if glued and vocab.measure_word(glued.group(1)):
        return vocab.measure_word(glued.group(1)), None, None  # "magnitude-5.4"
    what = nouns.counted(text, fig.start, fig.end, span[0], span[1], vocab)
    if what.mode == "measure" and fig.kind not in vocab.kinds.get(what.key or "", DEFAULT_KINDS):
        what = nouns.Counted("none", part=what.part)  # "8% from the year before": not a distance
    whole = fig.value is None or float(fig.value).is_integer()
    whose = None
    if what.mode == "measure" or (what.mode == "noun" and whole):
        measure = what.key
    elif what.mode == "people":
        # "five people were killed": the predicate after; "killing five people": the verb before;
        # "60,000 demonstrators" with no verb: what the noun itself counts
        measure = _predicate(text, what.end, span[1], vocab) or _verb_before(text, fig.start, span[0], vocab)
        measure = measure or nearest(fig.kind, 60.0) or what.key  # "three people" alone: we cannot tell
        if measure == book.role("aboard") and _PASSENGERS.match(text, fig.end, span[1]):
            return measure, "passengers", None  # "168 passengers" are not all the 174 people on board
    else:
        term = nearest_term(fig.kind)
        measure = term.key if term else None
        if term and fig.kind in qualify.KINDS:  # "cloud revenue grew 21% to $1.9 billion"
            whose = qualify.qualifier(text, term, fig.start, span[0])
    if measure is not None and fig.kind == "percent" and qualify.share_of(text, fig.end, span[1], measure, vocab):
        return measure, None, PART  # "nearly 40% of revenue" is a share of it, not its growth
    if (
        measure is not None
        and fig.value is not None
        and not float(fig.value).is_integer()
        and (what.mode == "people" or measure in vocab.book.measures and vocab.book.measures[measure].cumulative)
    ):
        return None, None, None  # 6.1 people cannot have been killed: the figure is something else
    if measure is not None and (what.part or _QUALIFIED.match(text, fig.end, span[1])):
        return measure, None, PART  # "15 of them", "30 seriously injured": part of the whole
    if measure is not None and _WITH_PERPETRATOR.match(text, fig.end, span[1]):
        return measure, None, WITH_PERPETRATOR  # "seven dead, including the gunman" is not six victims
    if what.mode == "noun" and measure == what.key:  # "Civic Alliance won 87 seats", "a 200-seat parliament"
        return measure, what.holder or (_subject(text, fig, here, clauses) if fig.kind == "count" else None), None
    return measure, whose, None


def _initial_only(text: str, sentence_start: int, name: str) -> bool:
    """Whether a one-word "name" is capitalised only for starting its sentence ("Tragically, five
    ponies died", "Overall, 40 homes"): a word the article never writes capitalised after another word."""
    if " " in name or not re.compile(rf"[\s\"'‘“(]*{re.escape(name)}\b").match(text, sentence_start):
        return False
    return re.search(rf"(?<=[\w,;:]\s){re.escape(name)}\b", text) is None


def _subject(text: str, fig: Figure, here: int, clauses: list[tuple[int, int]]) -> str | None:
    """The proper name a counted noun belongs to, ahead of it in its clause: 'Civic Alliance won 87
    seats', 'gives Civic Alliance 89 seats'. The clause's first word is not a name for being capitalised."""
    whole = _clauses(text, clauses[0][0], clauses[-1][1], _MAIN_BREAK)  # "Asante, who improved to 28-0"
    start = whole[_clause_of(fig.start, whole)][0]
    names = [
        m.group(0) for m in _PROPER.finditer(text, start, fig.start) if fig.start - m.end() <= 30 and "'" not in m.group(0)
    ]  # the name the verb before the figure follows, not any name in the clause
    names = [re.split(r"['’]s\s+", n)[-1] for n in names]  # "Eva Lindgren's Social Democrats"
    names = [n for n in names if n.split()[-1].lower() not in NOT_SUBJECTS]
    names = [n for n in names if not _initial_only(text, clauses[0][0], n)]
    names = [n for n in names if n.split()[0].lower() not in _NUMBER_NAMES]  # "Two ponies died and nine were treated"
    if not names:
        return None
    words = names[-1].split()
    if len(words) == 2 and words[0] in ("The", "the"):  # "The Uruguayan scored 21 goals": who the article is about
        return protagonist(text)
    return person(text, words[0]) if len(words) == 1 else re.sub(rf"^{_THE}\s+", "", " ".join(w.lower() for w in words))


def _holder(text: str, fig: Figure, span: tuple[int, int], measure: str | None, vocab: Vocabulary) -> str | None:
    """Whose figure it is, when the text says so by position: 'Rahman (45-7-2, 36 KOs)' or, for a
    distance, the place it is measured from: '34 miles west of the town of Bireun'."""
    bracket = _BRACKETED.search(text, max(span[0], fig.start - 40), fig.start)
    if bracket and ("(" in bracket.group(0) or re.match(r"\s*(?:[A-Za-z'’]+\s*)?[,)]", text[fig.end : span[1]])):
        return bracket.group("name").split()[-1].lower()  # "According to Meteo-France, more than 400 mm" is no apposition
    owner = _POSSESSIVE.search(text, max(span[0], fig.start - 40), fig.start)
    if owner and measure == vocab.book.role("record"):
        return owner.group("name").lower()
    if measure == vocab.book.role("distance"):
        ref = _REFERENCE.match(text, fig.end, span[1])
        return ref.group("place").lower() if ref else None
    if measure in vocab.book.measures and vocab.book.measures[measure].located:
        where = _EPICENTRE.search(text, fig.end, span[1])
        return f"{where.group('rel').lower()} {where.group('place').lower()}" if where else None
    return None


def _predicate(text: str, pos: int, end: int, vocab: Vocabulary) -> str | None:
    """The measure a predicate right after the counted persons names: '... people were killed'."""
    m = _PREDICATE.match(text, pos, end)
    if not m:
        return None
    words = m.group("w").split()
    return next((k for n in (3, 2, 1) if (k := vocab.measure_word(" ".join(words[:n])))), None)


def _verb_before(text: str, start: int, span_start: int, vocab: Vocabulary) -> str | None:
    """The measure a verb right before the figure names: 'killing at least five people'."""
    m = _VERB_BEFORE.search(text, max(span_start, start - 40), start)
    return vocab.measure_word(m.group("w")) if m else None


def _day_grain(fig: Figure) -> bool:
    """A date naming a single day, or a relative one: the day of an event, not of a stock such as a population."""
    return fig.low is None or fig.low == fig.high


def days_key(low: dt.date, high: dt.date) -> str:
    """Resolved days as a time: 'YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD'."""
    return low.isoformat() if low == high else f"{low.isoformat()}..{high.isoformat()}"


def time_key(fig: Figure, text: str) -> str:
    """A date figure as a time: 'YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD', or its words if unresolved."""
    if isinstance(fig.low, dt.date) and isinstance(fig.high, dt.date) and not yearless(fig.low):
        return days_key(fig.low, fig.high)
    recent = "recent, " if fig.time_hint == dates.RECENT else ""
    return f"{' '.join(text[fig.start : fig.end].lower().split())} ({recent}unresolved)"


def _clauses(text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> list[tuple[int, int]]:
    cuts = [start] + [m.start() for m in breaks.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(start, end)]


def _clause_of(pos: int, clauses: list[tuple[int, int]]) -> int:
    for i, (a, b) in enumerate(clauses):
        if a <= pos < b:
            return i
    return len(clauses) - 1


def _nearest(
    fig: Figure, terms: list[Term], here: int, clauses: list[tuple[int, int]], limit: float = MAX_SCORE, same_clause: bool = False
) -> Term | None:
    best, best_score = None, limit
    for t in terms:
        other = _clause_of(t.start, clauses)
        if same_clause and other != here:
            continue
        if t.start >= fig.end:
            score = float(t.start - fig.end)
        else:
            score = 1.5 * max(0, fig.start - t.end) + 5
        if other != here:
            score += 100
        if score < best_score:
            best, best_score = t, score
    return best
