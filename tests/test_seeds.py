"""What `numcheck seeds/` must show, as the end-to-end issue states it."""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT
from numcheck.report.formats import render_json
from numcheck.run.pipeline import Options, run

SEED_A = "seeds/000_fa05856f6713d1f0.txt"
SEED_B = "seeds/004_e86b02c8e59d6714.txt"


@pytest.fixture(scope="module")
def seeds() -> dict:
    """The seeds' json report, computed once for the module (from the project root, so ./rules/ loads)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return json.loads(render_json.render(run(Options(("seeds/",)))))
    finally:
        os.chdir(old)


def _claim(report, path, surface):
    found = [c for c in report["claims"] if c["path"] == path and c["surface"] == surface]
    assert found, f"no claim {surface!r} in {path}"
    return found[0]


def test_seeds_are_clean(seeds, run_numcheck) -> None:
    code, out, err = run_numcheck(["seeds/"], cwd=ROOT)
    assert code == 0 and err == ""
    assert (
        "2 articles checked; 26 figures read; 6 checked against a rule or another article; "
        "20 with nothing to check against; no errors or warnings" in " ".join(out.split())
    )  # 26th: "throughout the winter"
    assert len(out.splitlines()) <= 4  # quiet when all is well: the summary, no tables
    report = seeds
    assert [a["status"] for a in report["articles"]] == ["checked", "checked"]
    assert not [f for f in report["findings"] if f["level"] == "error"]


def test_the_two_70000_figures_agree_backed_by_the_rule(seeds) -> None:
    report = seeds
    a = _claim(report, SEED_A, "About 70,000")
    b = _claim(report, SEED_B, "70,000")
    assert (a["entity"], a["measure"]) == (b["entity"], b["measure"]) == ("bakhmut", "population")
    agreements = [f for f in report["findings"] if f["kind"] == "agreement"]
    assert any({a["id"], b["id"]} <= set(f["claims"]) for f in agreements)
    backed = [f for f in report["findings"] if f["rule"] == "ukraine.bakhmut-prewar-population"]
    assert {tuple(f["claims"]) for f in backed} == {(a["id"],), (b["id"],)}
    assert all(f["level"] == "info" for f in backed)


def test_killed_or_wounded_is_a_range(seeds) -> None:
    report = seeds
    c = _claim(report, SEED_A, "between 20,000 and 30,000")
    assert (c["approx"], c["low"], c["high"], c["measure"]) == ("range", 20000, 30000, "casualties")


def test_several_thousand_now_is_not_compared_with_70000_before(seeds) -> None:
    report = seeds
    now = _claim(report, SEED_A, "several thousand")
    assert now["approx"] == "vague" and now["time"] == "now"
    assert not [f for f in report["findings"] if now["id"] in f["claims"]]


def test_february_2022_is_checked_against_the_invasion_date(seeds) -> None:
    report = seeds
    checked = [f for f in report["findings"] if f["rule"] == "ukraine.invasion-start"]
    surfaces = {
        report_claim["surface"] for f in checked for report_claim in report["claims"] if report_claim["id"] in f["claims"]
    }
    assert surfaces == {"February 2022"} and all(f["level"] == "info" for f in checked)


def test_several_hundred_thousands_of_reservists_is_consistent_with_the_mobilisation(seeds) -> None:
    report = seeds
    c = _claim(report, SEED_B, "several hundred thousands")
    assert c["approx"] == "vague" and c["measure"] == "reservists"
    verdicts = [f for f in report["findings"] if f["rule"] == "ukraine.mobilisation-reservists" and c["id"] in f["claims"]]
    assert [f["level"] for f in verdicts] == ["info"]


def test_relative_dates_say_they_are_unresolved_without_an_article_date(seeds) -> None:
    report = seeds
    c = _claim(report, SEED_A, "last December")
    assert c["low"] is None and "unresolved" in c["note"]
