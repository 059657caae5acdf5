"""Split an article's text into sentences, keeping exact character offsets.

The work per sentence is bounded, whatever the input: a run of more than MAX_WORD characters
without a space (a digit run, a hash, an encoded blob, a very long link) is in no sentence and is
not read, and a "sentence" longer than MAX_SENTENCE characters (a table or a list with no full
stop) is read in pieces cut at a space. A byte-order mark is never part of a sentence, and a wire dateline
opening a line ("LONDON, Oct 14 (Reuters) - ") is a sentence of its own, not the start of the lead's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.extract.language import EN

MAX_WORD = 200  # characters without a space: no figure, word or ordinary link is longer
MAX_SENTENCE = 1_000  # characters: news sentences are under 400

_ABBREVIATIONS = frozenset(EN["sentences"]["abbreviations"])
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_BLANK = frozenset("\ufeff")  # skipped at a sentence's ends like white space
_DATELINE = re.compile(EN["dates"]["dateline_place"] + EN["sentences"]["wire_dateline"])  # "LONDON, Oct 14 (Reuters) - "


def split(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence from `start` on, none empty; lines are never joined."""
    for line in re.finditer(r"[^\n]+", text[start:]):
        ls, le = line.start() + start, line.end() + start
        cut = ls
        dateline = _DATELINE.match(text, ls, le)
        if dateline:  # the lead's place, date and agency say nothing of its figures' frames
            yield from _bounded(text, ls, dateline.end())
            cut = dateline.end()
        for m in _END.finditer(text, cut, le):
            word = _WORD_BEFORE.search(text, max(ls, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if m.start() - cut >= 2:
                yield from _bounded(text, cut, m.end())
                cut = m.end()
        if cut < le:
            yield from _bounded(text, cut, le)


def long_words(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of more than MAX_WORD characters without a space: never read."""
    for m in _LONG_WORD.finditer(text, start):
        yield m.start(), m.end()


def _bounded(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The sentence text[s:e] without its overlong words, in pieces of at most MAX_SENTENCE."""
    if e - s <= MAX_WORD:  # the common case: nothing to cut
        yield from _pieces(text, s, e)
        return
    for m in _LONG_WORD.finditer(text, s, e):
        yield from _pieces(text, s, m.start())
        s = m.end()
    yield from _pieces(text, s, e)


def _pieces(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    s, e = _trim(text, s, e)
    while e - s > MAX_SENTENCE:
        cut = s + MAX_SENTENCE  # words are at most MAX_WORD long: a space lies within reach
        while cut > s and not text[cut].isspace():
            cut -= 1
        if cut == s:  # cannot happen once long words are gone; a hard cut keeps the bound anyway
            cut = s + MAX_SENTENCE
        yield _trim(text, s, cut)
        s, e = _trim(text, cut, e)
    if s < e:
        yield s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _BLANK):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _BLANK):
        e -= 1
    return s, e
