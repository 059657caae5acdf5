"""Unit slips as data (tests/slips.toml): which figures of two articles of one story check/slips.py
takes for one figure written with the same number in two units, or why not."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.check import align, slips
from numcheck.extract import intervals
from numcheck.model import Claim
from numcheck.report.render_text import slipped_of
from numcheck.rules import rulefile
from numcheck.store import claimbuild
from stories import checked_pair, one, read_claims

DATA = tomllib.loads((Path(__file__).parent / "slips.toml").read_text(encoding="utf-8"))
BOOK = rulefile.load([], use_local=False)


DAY = dt.date(2025, 3, 11)  # the articles' date


def _claims(path: str, text: str) -> list[Claim]:
    return read_claims(path, text, DAY, BOOK)


@pytest.mark.parametrize("pair", DATA["pair"], ids=[f"{p['figure_a']}~{p['figure_b']}" for p in DATA["pair"]])
def test_pair(pair: dict) -> None:
    a, b, found, findings, matched = checked_pair(pair, DAY, BOOK)
    slipped = [f for f in findings if slipped_of(f.said)]
    assert bool([f for f in slipped if {a.id, b.id} <= set(f.claims)]) == pair["slipped"], pair["why"]
    if not pair["slipped"]:
        assert not slipped, pair["why"]
        story = align.Story([c for c in found if c.ties])
        shared = set(slips.keys(a)) & set(slips.keys(b))
        why = slips.why_apart(a, b, next(iter(shared))[0], story) if shared else ""
        assert pair["apart"] in (why or ""), why


def test_a_slip_explained() -> None:
    """`numcheck explain` names the figure of the other unit and why it was or was not taken for a slip."""
    found = _claims("a.txt", DATA["pair"][1]["a"]) + _claims("b.txt", DATA["pair"][1]["b"])
    a = one(found, "36 metres")
    lines = slips.explain(a, found)
    assert len(lines) == 1 and "b.txt" in lines[0] and "one figure in two units" in lines[0], lines


@given(tenths=st.integers(1, 99_999), scale=st.sampled_from((1, 1e3, 1e6, 1e9, 1e12)))
def test_a_number_keeps_its_digits_at_any_scale(tenths: int, scale: float) -> None:
    """A figure read as "17.1bn" is 17.1 times a billion in binary (17100000000.000002): its digits are
    still 171, so that a swap or a slipped zero is found at any scale."""
    plain = intervals.written(tenths / 10)
    assert intervals.significant(tenths / 10 * scale) == plain.replace(".", "").strip("0")
    assert sorted(intervals.written(tenths / 10 * scale).strip("0").replace(".", "")) == sorted(plain.replace(".", "").strip("0"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=st.integers(10, 99_999), b=st.integers(10, 99_999))
def test_a_slip_is_symmetric_and_rests_on_its_digits(a: int, b: int) -> None:
    """Whether two sums are one slipped figure does not depend on which article is read first, and
    a slip is only ever the same digits in another order or one number ten times the other."""
    x = one(_claims("a.txt", f"Repairs to the Wenmarsh harbour wall will cost £{a:,}, the council said."), "£")
    y = one(_claims("b.txt", f"The bill for the Wenmarsh harbour wall, £{b:,}, falls to the council."), "£")
    story = align.Story([c for c in (x, y) if c.ties])
    for key in set(slips.keys(x)) & set(slips.keys(y)):
        there, back = slips.why_apart(x, y, key[0], story), slips.why_apart(y, x, key[0], story)
        assert (there is None) == (back is None), (there, back)
        if there is None:
            assert sorted(str(a)) == sorted(str(b)) or max(a, b) == 10 * min(a, b), (a, b, key)


def test_a_crowded_number_is_not_searched_and_explain_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A number given by more figures of one story than slips.CROWDED is not weighed pair by pair
    (the work would grow with the square of the story), and `numcheck explain` says so."""
    monkeypatch.setattr(slips, "CROWDED", 1)
    found = _claims("a.txt", DATA["pair"][1]["a"]) + _claims("b.txt", DATA["pair"][1]["b"])
    assert slips.find(claimbuild.of(found)) == []
    lines = slips.explain(one(found, "36 metres"), found)
    assert lines and lines[0].startswith("not searched for unit slips: 2 figures"), lines


def test_the_json_report_says_how_a_figure_slipped(run_json) -> None:
    """`--format json` gives each slip conflict's `slip` (how, units, shared words), null elsewhere."""
    code, report, _ = run_json(["articles"], cwd=Path(__file__).parent / "cases" / "unit-slips")
    slips_found = [f["slip"] for f in report["findings"] if f["slip"]]
    assert code == 1 and len(slips_found) == 2
    assert {tuple(s["units"]) for s in slips_found} == {("foot", "metre"), ("metre", "yard")}
    assert all(s["how"] == "unit" and "cordon" in s["shared"] or "stretch" in s["shared"] for s in slips_found)
