"""Votes written as a tally: 'voted 7-4', 'by seven votes to four', 'voted 31 to 14', 'a majority of 11 to one'.

A tally is two figures, each read where it is written: the larger side of the vote, written first,
and the smaller.
Which side is "for" depends on the verb ("approved by 9-4", "rejected by 9-4"), which is not read;
the sides by size are what two reports of one vote must agree on, whatever the verb. A pair of
numbers is a tally only where the words of the language's [tallies] say it is a vote: a word
before it in its sentence ("voted", "majority"), "votes" inside it ("nine votes to four"), or a word
after it ("in favour", "a 7-2 vote"). Without one it stays what it was: a score ("won 3-1", no
claim) or a range ("20 to 30 jobs").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from numcheck.extract.language import ENGLISH, alt, codes, data
from numcheck.extract.numbers import WORD_NUMBER, parse_digits, parse_words
from numcheck.model import Figure

#: the hints a tally's figures carry to attribution (slots.py): which side of the vote each is
LARGER, SMALLER = "tally larger side", "tally smaller side"


def event_of(code: str) -> str | None:
    """The class of event a tally's sides count in a language ([tallies] event: "voted"), whatever
    verb its sentence hangs it on ("decided by 14 votes to 5 to close the depot"); None if none."""
    return (data(code).get("tallies") or {}).get("event") if code in codes() else None


@lru_cache(maxsize=None)
def _patterns(code: str) -> dict[str, re.Pattern[str]] | None:
    """The tally's shape and the words around it that say it is a vote ([tallies] of the language
    file); None for a language whose file has none."""
    t = data(code).get("tallies")
    if not t:
        return None
    words = WORD_NUMBER if code == ENGLISH else alt(data(code)["numbers"], longest_first=True)
    number = rf"(?:\d{{1,3}}|(?i:{words}))"
    return {
        "shape": re.compile(
            r"(?<![\w.,/-])(?:"
            r"(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w/-]|[.,]\d)"
            rf"|(?P<c>{number})\s+(?P<votes>(?i:{alt(t['votes'])})\s+)?(?i:{alt(t['to'])})\s+(?P<d>{number})(?![\w-])"
            r")"
        ),
        "cue": re.compile(rf"\b(?i:{alt(t['cues'])})\b"),  # "voted", "majority": anywhere before it
        "decided": re.compile(rf"\b(?i:{alt(t['decided'])})\b"),  # "backed the freeze by 9-2"
        "by": re.compile(rf"\b(?i:{alt(t['by'])})\s+$"),
        "right_before": re.compile(rf"\b(?i:{alt(t['right_before'])})\s+$"),  # "voted 31 to 14", not "close 5 to 10"
        "named_after": re.compile(rf"\s+(?i:{alt(t['named_after'])})\b"),  # "a 7-2 vote", "9-4 in favour"
        "follows": re.compile(rf"\s*(?:[,.;:)]|$|[A-Z]|(?i:{alt(t['follows'])})\b)"),
    }


def _value(text: str, code: str) -> float | None:
    return parse_digits(text) if text[0].isdigit() else parse_words(text, code)


def _a_vote(text: str, start: int, end: int, m: re.Match[str], p: dict[str, re.Pattern[str]]) -> bool:
    """Whether the words around a pair of numbers say it is a vote's tally."""
    if not p["follows"].match(text, m.end(), end):
        return False  # "voted to close 5 to 10 libraries": a count of something follows, not a vote's sides
    if m["c"] is not None and not m["votes"] and not p["right_before"].search(text, start, m.start()):
        return False
    return bool(
        m["votes"]
        or p["cue"].search(text, start, m.start())
        or p["named_after"].match(text, m.end(), end)
        or p["by"].search(text, start, m.start())
        and p["decided"].search(text, start, m.start())
    )


def tallies(text: str, start: int, end: int, code: str = ENGLISH) -> Iterator[Figure]:
    """The two sides of every vote's tally in text[start:end] (one sentence, in language `code`), each an exact count."""
    p = _patterns(code)
    if p is None:
        return
    for m in p["shape"].finditer(text, start, end):
        if not _a_vote(text, start, end, m, p):
            continue
        a_at, b_at = ("c", "d") if m["c"] is not None else ("a", "b")
        a, b = _value(m[a_at], code), _value(m[b_at], code)
        if a is None or b is None or a < b:
            continue  # a tally is written larger side first: "16-18 December" is a range of days
        for group, n, hint in ((a_at, a, LARGER), (b_at, b, SMALLER)):
            yield Figure(m.start(group), m.end(group), "count", n, n, "exact", value=n, time_hint=hint)


@lru_cache(maxsize=1024)
def size(sentence: str, at: int) -> float | None:
    """How many voted in the tally one of whose sides starts at `at` in `sentence` (both sides
    together), re-read from the sentence in the first language that reads one there; None when none does.
    Kept: grouping asks it of a side once for every figure it is weighed against."""
    for code in (ENGLISH, *(c for c in codes() if c != ENGLISH)):
        figs = list(tallies(sentence, 0, len(sentence), code))
        for i in range(0, len(figs) - 1, 2):
            if at in (figs[i].start, figs[i + 1].start):
                return float(figs[i].value or 0) + float(figs[i + 1].value or 0)
    return None
