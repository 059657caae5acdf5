"""The labelled extraction set (tests/extraction_set/) scored by bench/extraction.py, held to the
issue's targets: recall >= 0.95 overall and >= 0.9 in every kind, precision >= 0.98.

Extraction meets them, so a regression fails the suite. The set's own well-formedness is checked too.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", _BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def numcheck_score():
    return bench.measure(quantulum=False)["numcheck"]


def test_set_is_well_formed() -> None:
    cases = bench.load_set()  # raises on a surface not in its text, an unknown kind or field
    labels = [label for case in cases for label in case.labels]
    assert len(labels) >= 250
    assert sum(1 for case in cases if not case.labels) >= 40
    for kind in bench.KINDS:
        assert sum(1 for label in labels if label.kind == kind) >= 15, kind


def test_recall_overall(numcheck_score) -> None:
    total = numcheck_score.total()
    assert total.found / total.n >= bench.TARGETS["recall"]


@pytest.mark.parametrize("kind", bench.KINDS)
def test_recall_per_kind(numcheck_score, kind: str) -> None:
    tally = numcheck_score.kinds[kind]
    assert tally.found / tally.n >= bench.TARGETS["kind_recall"], [
        m[1].surface for m in numcheck_score.missed if m[1].kind == kind
    ]


def test_precision(numcheck_score) -> None:
    total = numcheck_score.total()
    assert 1 - total.false / total.readings >= bench.TARGETS["precision"], [r.start for _, r in numcheck_score.false]


# The blind sets of issue 16 (written by helpers who saw neither numcheck's code nor its output,
# scored once blind, each first score in its README, now development data), held to the issue's
# targets: recall >= 0.93 overall and >= 0.9 in every kind and every language, precision >= 0.97;
# with the language given, and left to numcheck's detection (a one-line case alone as an article:
# extract/foreign.py _short_language, which names every labelled case's language right).
BLIND = {"recall": 0.93, "kind_recall": 0.9, "precision": 0.97}
BLIND_SETS = [
    _BENCH.parent / name
    for name in (
        "extraction-blind-1",
        "extraction-blind-2-sealed",
        "extraction-blind-3",
        "extraction-blind-4",
        "extraction-blind-5",
        "extraction-blind-6",
        "extraction-blind-7",
        "extraction-blind-8",
        "extraction-blind-9",
        "extraction-blind-10",
        "extraction-blind-11",
    )
]


@pytest.fixture(
    scope="module",
    params=[(s, lang) for s in BLIND_SETS for lang in (True, False)],
    ids=lambda p: f"{p[0].name}-{'lang' if p[1] else 'detected'}",
)
def blind_score(request):
    folder, give_lang = request.param
    return bench.measure(folder, quantulum=False, give_lang=give_lang)["numcheck"]


def test_blind_sets_meet_the_issue_targets(blind_score) -> None:
    total = blind_score.total()
    assert total.found / total.n >= BLIND["recall"]
    assert 1 - total.false / total.readings >= BLIND["precision"], [(c.where, r.start) for c, r in blind_score.false]
    for name, tally in [*blind_score.kinds.items(), *blind_score.langs.items()]:
        assert not tally.n or tally.found / tally.n >= BLIND["kind_recall"], name
