"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.extract import figures as extract
from numcheck.report.formats import render_json
from numcheck.rules import rulefile
from numcheck.attribute.claims import claims
from numcheck.model import Article
from numcheck.run.pipeline import Options, run

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NEWSY = st.sampled_from(
    [
        "about",
        "more than",
        "between",
        "and",
        "to",
        "killed",
        "people",
        "%",
        "$",
        "1,300",
        "70 000",
        "1.5",
        "million",
        "bn",
        "a dozen",
        "several",
        "thousand",
        "hundreds of",
        "last",
        "December",
        "2022",
        "In",
        "on Thursday",
        "-",
        "–",
        "year-old",
        "7:30 p.m.",
        "F-16",
        "52-3",
        "second",
        "half",
        "from",
        "or",
        ".",
        ",",
        "\n",
        "  ",
        "€",
        "£600m",
    ]
)
TEXT = st.one_of(st.text(max_size=200), st.lists(st.one_of(NEWSY, st.text(max_size=6)), max_size=40).map(" ".join))


@SETTINGS
@given(text=TEXT, date=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1))))
def test_extraction_never_crashes_and_spans_lie_inside(text: str, date: dt.date | None) -> None:
    figures = extract.figures(text, 0, len(text), date)
    last_end = 0
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end, "figures overlap"
        last_end = f.end


@SETTINGS
@given(text=TEXT)
def test_claims_quote_the_text_exactly(text: str) -> None:
    book = rulefile.load([], use_local=False)
    for c in claims(Article("a.txt", text, "s"), book):
        assert text[c.start : c.end] == c.surface
        assert c.id == f"a.txt:{c.line}:{c.column}"


@SETTINGS
@given(
    a=st.integers(min_value=2, max_value=10**9),
    b=st.integers(min_value=1, max_value=10**9),
    style=st.sampled_from(
        [
            "Between {a} and {b} people were killed.",
            "From {a} to {b} houses burned, police said.",
            "The toll was between {a} and {b}.",
        ]
    ),
    sep=st.sampled_from(["{:,}", "{}"]),
)
def test_a_reversed_range_is_always_flagged(a: int, b: int, style: str, sep: str) -> None:
    if a <= b:
        a, b = b + 1, a
    text = style.format(a=sep.format(a), b=sep.format(b))
    book = rulefile.load([], use_local=False)
    found = [c for c in claims(Article("a.txt", text, "s"), book) if c.approx == "range"]
    assert found and found[0].low > found[0].high
    from numcheck.check import checks

    assert any(f.rule == "builtin.range-order" for f in checks.check(found, book))


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("story")
    texts = [
        "Five people were killed on Sunday.",
        "Officials said three people were killed.",
        "About 70,000 people lived in the town.",
        "The town had 70,000 inhabitants; 12 were injured.",
    ]
    paths = []
    for i, t in enumerate(texts):
        (root / f"a{i}.txt").write_text(t + "\n", encoding="utf-8")
        paths.append(str(root / f"a{i}.txt"))
    return paths


@settings(max_examples=10, deadline=None)
@given(order=st.permutations(range(4)))
def test_findings_do_not_depend_on_file_order(story: list[str], order: list[int]) -> None:
    baseline = render_json.render(run(Options(tuple(story), local_rules=False)))
    again = render_json.render(run(Options(tuple(story[i] for i in order), local_rules=False)))
    assert again == baseline
    assert json.loads(baseline)["findings"]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1000, max_value=999_999_999))
def test_a_number_written_any_way_parses_the_same(n: int) -> None:
    values = set()
    for written in (f"{n:,}", f"{n}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u00a0")):
        text = f"The count was {written} people."
        (fig,) = [f for f in extract.figures(text, 0, len(text), None) if f.kind == "count"]
        values.add(fig.value)
    assert values == {float(n)}
