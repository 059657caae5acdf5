"""Split an article's text into sentences, keeping exact character offsets."""
from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st no nos vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n e.g i.e approx est fig""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def split(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence from `start` on; lines are never joined."""
    for line in re.finditer(r"[^\n]+", text[start:]):
        ls, le = line.start() + start, line.end() + start
        cut = ls
        for m in _END.finditer(text, ls, le):
            word = _WORD_BEFORE.search(text, max(ls, m.start() - 12), m.start() + 1)
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if m.start() - cut >= 2:
                yield _trim(text, cut, m.end())
                cut = m.end()
        if cut < le:
            yield _trim(text, cut, le)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
