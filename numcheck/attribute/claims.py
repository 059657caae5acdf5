"""From an article to its claims: figures, attributed, located by line and column."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from numcheck.extract import escapes, figures as extract, foreign, separators, tallies
from numcheck.attribute import dated, frame, framedata, measure, parse, tense, ties
from numcheck.attribute.dated import REPEATED
from numcheck.attribute.slots import Attribution, attribute, days_key
from numcheck.extract.language import ENGLISH
from numcheck.read import markdown
from numcheck.model import Article, Claim, Figure, yearless
from numcheck.rules.rulebook import RuleBook
from numcheck.rules.vocabulary import vocabulary

_NEWLINE = re.compile("\n")
#: A time of day dates a figure only when it stands in the figure's own clause: "the roof fell
#: at 02:40, killing two miners" dates the fall, not the toll.
_CLOCK = re.compile(r"at \d\d:\d\d")


def claims(article: Article, book: RuleBook) -> list[Claim]:
    """Every claim in the article, in text order; a Markdown article's HTML comments are not its text."""
    return framed(article, *unframed(article, book), book)


def unframed(article: Article, book: RuleBook) -> tuple[list[Claim], str]:
    """The article's claims before their frames are read (`framed`), and its language."""
    text = markdown.without_comments(article.text, article.body_start) if markdown.is_markdown(article.path) else article.text
    text = escapes.masked(text)  # no figure inside a terminal escape sequence; offsets unchanged
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    out: list[Claim] = []
    lang = language_of(article)
    if lang == "en":  # "15.000 households" in copy translated from German: twelve thousand; offsets unchanged
        text = separators.english(text)
    for s, e in extract.sentence_spans(text, article.body_start):
        figs = extract.figures(text, s, e, article.date, lang)
        if not figs:
            continue
        figs = tense.forward_dates(text, s, e, figs, article.date, lang)  # "agreed to close it between January and April"
        sentence = (s, e, article.text[s:e])  # one string for all the sentence's claims
        for fig, attr in zip(figs, attribute(text, (s, e), figs, book)):
            fig = _floor(fig, attr, book)
            out.append(_claim(article, book, fig, sentence, line_starts, attr))
    return out, lang


#: Kinds of figure a frame is read for: those compared with each other.
FRAMED_KINDS = ("count", "percent", "money", "quantity", "duration")


def framed(article: Article, found: list[Claim], lang: str, book: RuleBook) -> list[Claim]:
    """The claims with the frames of those that could be compared, from the parse of their
    sentences, a figure's measure read from its frame where the window found none or a noun of no
    rule (attribute/measure.py), and the names the
    article mentions (in its opening lines and those sentences); as they were when the language
    has no parser, and with the names alone when it has no frame data ([frames] in its language
    file: English's words say nothing of another language's)."""
    wanted = _wanted(found)
    if not wanted:
        return found
    starts, sentences = _sentences(found, wanted)
    heads, docs = parse.parse_many([_opening(article)], lang, names_only=True), parse.parse_many(sentences, lang)
    if heads is None or docs is None:
        return found
    doc_of = dict(zip(starts, docs))
    names, out = parse.names(heads + docs), list(found)
    incidents = vocabulary(book).incidents
    reads = framedata.reads(lang)
    for i in wanted:
        c = found[i]
        if not reads or c.kind == "date" and lang != ENGLISH:  # a language with no [frames] data keeps its names;
            out[i] = replace(c, names=names)  # a date's frame is read in English only (attribute/dated.py's words)
            continue
        at = c.sentence_start
        if c.kind == "date":
            out[i] = replace(
                _dated(c, dated.date_frame(doc_of[at], c.start - at, c.end - at, lang, incidents), book, names),
                ties=ties.ties_of(doc_of[at], c.start - at, c.end - at, c.kind, lang),
            )
            continue
        f = frame.frame_of(doc_of[at], c.start - at, c.end - at, lang, c.kind)
        time = None if c.time and _CLOCK.fullmatch(c.time) and f.time is None else c.time
        measured = measure.measure_of(c, f, book, lang)
        out[i] = replace(
            c,
            measure=measured,
            entity=None if _source_named(c.entity, f.source) else c.entity,  # who says it is not whose it is
            extent=None if f.condition is not None and measured == f.condition else c.extent,  # "two of them seriously"
            time=time,
            thing=f.thing,
            event=f.event,
            role="level" if f.role == "rate" and measure.per_unit(measured, book, lang) else f.role,
            whole=f.whole,
            owner=f.owner,
            place=f.place,
            period=f.period,
            source=f.source,
            names=names,
            ties=ties.ties_of(doc_of[at], c.start - at, c.end - at, c.kind, lang),
        )
        if time is not None and f.dates is not None and _dated_elsewhere(c, found, book, f.dates):
            out[i] = replace(out[i], time=None)  # "The ferry, built in 1983, was carrying 241 passengers"
    return _one_event(_once(_one_vote(out, lang)), book)


def _one_vote(found: list[Claim], lang: str) -> list[Claim]:
    """The claims with a tally's sides framed as one vote (extract/tallies.py): each counts votes, as
    its measure says, whatever noun or verb the parse hangs it on ("backed the levy by 9-2" counts
    no levy; "decided by 14 votes to 5 to close the depot" no closure), so neither names a thing and
    their event is the language's for a tally ([tallies] event); and the smaller side has the
    larger's frame ("by 14 votes to 5": the 5, the object of "to", is no count of its own clause).
    A side is never a change, whatever its "by" or its noun says ("backed the rise by seven votes
    to two": how many voted, not by how much)."""
    out, larger, voted = list(found), None, tallies.event_of(lang)
    for i, c in enumerate(found):
        if c.note == tallies.LARGER:
            role = "level" if c.role == "change" else c.role
            larger = out[i] = replace(c, thing=None, event=voted or c.event, role=role) if c.role is not None else c
        elif c.note == tallies.SMALLER and larger is not None and larger.sentence_start == c.sentence_start:
            out[i] = replace(c, thing=None, **{slot: getattr(larger, slot) for slot in _VOTE_SLOTS})
    return out


#: The slots of a tally's frame its smaller side takes from its larger (`_one_vote`).
_VOTE_SLOTS = ("event", "role", "whole", "owner", "place", "period", "source")


def _one_event(found: list[Claim], book: RuleBook) -> list[Claim]:
    """The claims with the day of each event of a dated class ([frames.dates.events]: a crash, an
    approval) that the article dates on one day of the month before its date, however often, as the
    day of the story's one such event, whatever its frame names it of ("a balloon plunged", "the
    balloon fell"): its entity is the class, so that another article's one such event meets it; what
    each names it of (`thing`) still keeps two apart (check/frames.py). An article that dates two of
    a class in that month names no one of them; an older one ("the 2009 derailment") is another."""
    classes = dated.dated_events(ENGLISH) - framedata.classes(ENGLISH).date_several  # "the fire began": of its thing only
    written = {(c.sentence_start, c.event) for c in found if c.kind == "date" and c.role == "level" and not dated.relative_day(c)}
    found = [  # "opened on Friday, its first day, 3 May": the date written out is the event's, whatever day the name is
        replace(c, measure=None, role=REPEATED)
        if c.kind == "date"
        and c.role == "level"
        and c.event in classes
        and dated.relative_day(c)
        and (c.sentence_start, c.event) in written
        else c
        for c in found
    ]
    days: dict[str, set[tuple]] = {}
    for c in found:
        if _of_the_story(c, classes):
            days.setdefault(str(c.event), set()).add(c.interval)
    role = book.role("date") or None
    return [
        replace(c, measure=role, entity=c.event) if _of_the_story(c, classes) and len(days[str(c.event)]) == 1 and role else c
        for c in found
    ]


#: The most days before its article's date that a day of the story's own event is: the news an article
#: reports happened in the month before it; an older event of the class is another ("the 2009 derailment").
RECENT_DAYS = 31


def _of_the_story(c: Claim, classes: frozenset[str]) -> bool:
    """Whether a claim is a day of an event of a dated class, one past event's, in the month before its
    article's date: a day the story's own event of that class may have happened on."""
    lo, hi = c.interval
    return (
        c.kind == "date"
        and c.role == "level"
        and c.event in classes
        and c.article_date is not None
        and isinstance(lo, dt.date)
        and lo == hi
        and 0 <= (c.article_date - lo).days <= RECENT_DAYS
    )


def _once(found: list[Claim]) -> list[Claim]:
    """The claims with one date an event a sentence: of two dates of one sentence that date the
    same event ("on Sunday 8 March"), the finer (the later of two alike) is its date, the other
    repeats it and is not compared (so two articles' dates are never held against themselves)."""
    best: dict[tuple[int, str], int] = {}
    for i, c in enumerate(found):
        if c.kind == "date" and c.role == "level" and c.measure is not None and c.entity is not None:
            key = (c.sentence_start, c.entity)
            if key not in best or _days(c) <= _days(found[best[key]]):
                best[key] = i
    kept = set(best.values())
    return [
        replace(c, measure=None, role=REPEATED)
        if i not in kept and c.kind == "date" and c.role == "level" and (c.sentence_start, c.entity) in best
        else c
        for i, c in enumerate(found)
    ]


def _days(c: Claim) -> int:
    """How many days a date spans."""
    lo, hi = c.interval
    return (hi - lo).days if isinstance(lo, dt.date) and isinstance(hi, dt.date) else 1 << 30


def _wanted(found: list[Claim]) -> list[int]:
    """The indexes of the claims whose frame is read: every comparable figure, with a measure word
    near or not (its measure is then read from the frame), and every date at its grain that no
    incident or event of the rules dates (its event is then read from the frame)."""
    return [
        i
        for i, c in enumerate(found)
        if len(c.sentence) <= parse.MAX_SENTENCE
        and (
            c.kind in FRAMED_KINDS
            and (c.measure is not None or c.low is not None)
            or c.kind == "date"
            and c.measure is None
            and c.approx == "exact"
            and c.low is not None
        )
    ]


#: Roles of a framed date that date one event: one past event's day, or the day it is planned for.
DATED_ROLES = ("level", dated.SCHEDULED)


def _dated(c: Claim, f: frame.Frame, book: RuleBook, names: str | None) -> Claim:
    """A date with its frame: the date of its event (the rules' date measure, whose entity is the
    event and what it happened to) when the frame names both and the date is one past event's, or
    the day one event is planned for (compared only with the days planned for it)."""
    if dated.relative_day(c) and c.article_date is not None and isinstance(c.low, dt.date) and c.low > c.article_date:
        f = replace(
            f,
            role=dated.AHEAD,
            how=(*f.how, ("role", f"{dated.AHEAD}: a day named from the article's date, read as one to come")),
        )
    entity = dated.entity(f.event, f.thing, book.incidents) if f.role in DATED_ROLES and f.event and f.thing else None
    if entity and f.role == dated.SCHEDULED:
        entity = f"{entity}, {dated.PLANNED}"  # a plan's date meets another plan's for that event, never the day it happened
    return replace(
        c,
        measure=(book.role("date") or None) if entity else None,
        entity=entity,
        thing=f.thing,
        event=f.event,
        owner=f.owner,
        role=f.role,
        names=names,
    )


def to_parse(article: Article, found: list[Claim]) -> tuple[list[str], list[str]]:
    """The texts `framed` parses: the article's opening lines, read for its names only, and each
    sentence holding a claim whose frame is read, in text order; none when there is no such claim."""
    wanted = _wanted(found)
    if not wanted:
        return [], []
    return [_opening(article)], _sentences(found, wanted)[1]


def _opening(article: Article) -> str:
    """The article's opening lines, read for the names it mentions."""
    return "\n".join(article.text[article.body_start :].splitlines()[: parse.OPENING_LINES])


def _sentences(found: list[Claim], wanted: list[int]) -> tuple[list[int], list[str]]:
    """Where each sentence holding a wanted claim starts, and its text, once a sentence, in text order."""
    texts = {found[i].sentence_start: found[i].sentence for i in wanted}
    starts = sorted(texts)
    return starts, [texts[s] for s in starts]


def _dated_elsewhere(c: Claim, found: list[Claim], book: RuleBook, dates: Callable[[int, int], bool]) -> bool:
    """Whether the claim's time was read from words of its sentence that cannot date it (each date
    or time word its time could come from ends in a word that may not date it: setting.dater)."""
    at, sources = c.sentence_start, []
    for d in found:
        if d.sentence_start != at or d.kind not in ("date", "time") or d is c:
            continue
        if d.kind == "time" and d.value is not None:
            key = f"at {int(d.value) // 60:02d}:{int(d.value) % 60:02d}"
        elif isinstance(d.low, dt.date) and isinstance(d.high, dt.date) and not yearless(d.low):
            key = days_key(d.low, d.high)
        else:
            key = " ".join(d.surface.lower().split())
        if c.time is not None and (c.time == key or c.time.startswith(f"{key} (")):
            sources.append((d.start - at, d.end - at))
    terms = vocabulary(book).terms(c.sentence, 0, len(c.sentence))
    sources += [(t.start, t.end) for t in terms if t.group == "time" and t.key == c.time]
    return bool(sources) and not any(dates(a, b) for a, b in sources)


def _floor(fig: Figure, attr: Attribution, book: RuleBook) -> Figure:
    """A toll given as 'dozens' or 'hundreds' is a floor, not a ceiling: reporters write it while
    the count is still rising, so 'dozens injured' does not contradict '249 injured'."""
    if (
        fig.approx != "vague"
        or fig.kind != "count"
        or attr.measure is None
        or attr.extent is not None
        or attr.measure not in book.cumulative
    ):
        return fig
    return replace(fig, high=None)


def _note(fig: Figure) -> str | None:
    """What an editor should know about how a figure was read."""
    if fig.kind == "money" and fig.unit == "$":
        return "currency ambiguous: a bare $ (or 'dollars') does not say which dollar; compared only with other bare $"
    return fig.time_hint


def language_of(article: Article) -> str:
    """The front matter's `lang` (its first two letters: 'fr-FR' is 'fr'), else the detected language."""
    if article.lang:
        return article.lang.strip().lower()[:2]
    return foreign.detect(article.text[article.body_start :])


def _source_named(entity: str | None, source: str | None) -> bool:
    """Whether the name the window read as a figure's entity is only who the frame says gave the figure
    ("more than 900 calls had come in, Jo Bell said"): a source does not keep two figures apart."""
    return bool(entity and source and set(entity.lower().split()) <= set(source.lower().split()))


def _claim(
    article: Article, book: RuleBook, fig: Figure, sentence: tuple[int, int, str], line_starts: list[int], attr: Attribution
) -> Claim:
    line = bisect.bisect_right(line_starts, fig.start)
    column = fig.start - line_starts[line - 1] + 1
    value = fig.value if fig.approx not in ("range", "vague") and fig.kind != "date" else None
    return Claim(
        id=f"{article.path}:{line}:{column}",
        path=article.path,
        story=article.story,
        line=line,
        column=column,
        start=fig.start,
        end=fig.end,
        surface=article.text[fig.start : fig.end],  # never in a comment: the blanked text has no figure there
        sentence=sentence[2],
        kind=fig.kind,
        value=value,
        low=value if fig.low == value != 0 and type(fig.low) is type(value) else fig.low,  # one object, not two
        high=value if fig.high == value != 0 and type(fig.high) is type(value) else fig.high,
        unit=fig.unit,
        approx=fig.approx,
        measure=attr.measure,
        extent=attr.extent,
        entity=attr.entity,
        time=attr.time,
        scope=attr.scope,
        article_date=article.date,
        note=_note(fig),
        rate=book.rates.get(fig.unit or "") if fig.kind == "money" else None,
        sentence_start=sentence[0],
    )
