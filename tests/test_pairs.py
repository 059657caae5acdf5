"""Comparison as data: each [[pair]] of tests/attribution.toml gives two sentences from different
reports of one story and whether their figures are compared (measure the same thing, whatever
their values). Each sentence is read as an article is (claims, with their frames), and the two
claims are compared when grouping puts them together and their frames keep nothing apart. A pair
marked `known_wrong` says why numcheck still judges it wrong; it is asserted wrong so that a fix
shows, and the mark is then removed."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from numcheck.attribute.claims import claims
from numcheck.check import compare, frames
from numcheck.model import Article, Claim
from numcheck.rules import rulefile

DATA = tomllib.loads((Path(__file__).parent / "attribution.toml").read_text(encoding="utf-8"))
PAIRS = DATA["pair"]
MEASURED = DATA["measured"]
BOOK = rulefile.load([], use_local=False)


def _claim(path: str, text: str, surface: str, lang: str | None = None) -> Claim:
    found = claims(Article(path, text, "story", dt.date(2024, 5, 6), lang=lang), BOOK)
    return next(c for c in found if c.surface == surface or surface in c.surface)


def why_apart(a: Claim, b: Claim) -> str | None:
    """Why two claims of different articles are not compared, or None when they are."""
    why = compare.why_apart(a, b, BOOK.needs_entity)
    return frames.why_apart(a, b, grows=BOOK.cumulative) if why == "same group" else why


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['figure_a']}~{p['figure_b']}:{p['a'][:30]}" for p in PAIRS])
def test_pair(pair: dict) -> None:
    a = _claim("a.txt", pair["a"], pair["figure_a"], pair.get("lang_a"))  # a language given, else the detected one
    b = _claim("b.txt", pair["b"], pair["figure_b"], pair.get("lang_b"))
    why = why_apart(a, b)
    expected = pair["compared"] if "known_wrong" not in pair else not pair["compared"]
    assert (why is None) == expected, f"{pair.get('why', '')}; numcheck: {why or 'compared'}"
    if "apart" in pair:  # the words that say which slot kept them apart, as explain shows them
        assert why is not None and pair["apart"] in why, why


@pytest.mark.parametrize("case", MEASURED, ids=[f"{c['figure']}:{c['text'][:30]}" for c in MEASURED])
def test_measured(case: dict) -> None:
    """A figure's measure read from its frame, or the slot whose absence keeps it from comparison."""
    c = _claim("a.txt", case["text"], case["figure"])
    if "missing" in case:
        assert c.measure is None and frames.unmeasured(c) == case["missing"], (c.measure, frames.unmeasured(c))
    else:
        assert c.measure == case["measure"], (c.measure, c.thing, c.event)
    if "role" in case:
        assert c.role == case["role"]


TIMED = DATA["timed"]


@pytest.mark.parametrize("case", TIMED, ids=[f"{c['figure']}:{c['text'][:30]}" for c in TIMED])
def test_timed(case: dict) -> None:
    """The time a figure is given: only a date or time word its parse attaches to its clause, or above it."""
    c = _claim("a.txt", case["text"], case["figure"])
    assert (c.time or "none") == case["time"], case["why"]
