"""Alignment as data (tests/align.toml): what the parse ties a figure to, and which figures of two
articles of one story check/align.py takes for one figure, or which slot keeps them apart."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from numcheck.attribute.ties import CASE, CORE, MODIFIER, SUBJECT
from numcheck.check import align
from numcheck.model import Claim
from numcheck.report.render_text import aligned_of
from numcheck.rules import rulefile
from stories import checked_pair, one, read_claims

DATA = tomllib.loads((Path(__file__).parent / "align.toml").read_text(encoding="utf-8"))
BOOK = rulefile.load([], use_local=False)


def _claims(path: str, text: str) -> list[Claim]:
    return read_claims(path, text, dt.date(2024, 5, 6), BOOK)


@pytest.mark.parametrize("case", DATA["tie"], ids=[f"{c['figure']}:{c['text'][:30]}" for c in DATA["tie"]])
def test_tie(case: dict) -> None:
    c = one(_claims("a.txt", case["text"]), case["figure"])
    words = (c.ties or "").split()
    if "modifier" in case:
        assert words[:1] == [MODIFIER] if case["modifier"] else words[:1] != [MODIFIER], c.ties
    for w in case.get("has", ()):
        assert w in words or SUBJECT + w in words, c.ties
    for w in case.get("lacks", ()):
        assert w not in words, c.ties
    if "subject" in case:
        assert next((w[1:] for w in words if w.startswith(SUBJECT)), "") == case["subject"], c.ties
    if "case" in case:
        assert next((w[1:] for w in words if w.startswith(CASE)), "") == case["case"], c.ties
    for w in case.get("core", ()):
        assert CORE + w in words, c.ties
    if "never" in case:  # "": it may be aligned
        why = align.why_never(c)
        assert why is None if case["never"] == "" else case["never"] in (why or ""), (why, c.ties)


@pytest.mark.parametrize("pair", DATA["pair"], ids=[f"{p['figure_a']}~{p['figure_b']}:{p['b'][:24]}" for p in DATA["pair"]])
def test_pair(pair: dict) -> None:
    a, b, found, findings, matched = checked_pair(pair, dt.date(2024, 5, 6), BOOK)
    aligned = [f for f in findings if aligned_of(f.said) and {a.id, b.id} <= set(f.claims)]
    assert bool(aligned) == pair["aligned"], (pair["why"], align.why_never(a), align.why_never(b), a.ties, b.ties)
    if pair["aligned"]:
        assert a.id in matched and b.id in matched
        kind = "conflict" if align.compare.clusters([a, b])[1:] else "agreement"
        assert aligned[0].kind == kind
    if "apart" in pair:
        why = align.why_never(a) or align.why_never(b) or align.Story(found).why_apart(a, b)
        assert why is not None and pair["apart"] in why, why
