"""Extraction cases kept as data in extraction.toml: every figure, its span and its interval."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path

import pytest

from numcheck.extract import figures as extract

CASES = tomllib.loads((Path(__file__).parent / "extraction.toml").read_text(encoding="utf-8"))["case"]


def _same(got: object, want: object) -> bool:
    if want == "none":
        return got is None
    if isinstance(want, dt.date):
        return got == want
    if isinstance(want, str):
        return isinstance(got, dt.date) and got.isoformat() == want or got == want
    return got is not None and math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:48] for c in CASES])
def test_extraction(case: dict) -> None:
    text = case["text"]
    figures = extract.figures(text, 0, len(text), case.get("date"), case.get("lang", "en"))
    surfaces = [text[f.start : f.end] for f in figures]
    assert surfaces == [c["surface"] for c in case["claims"]]
    for fig, want in zip(figures, case["claims"]):
        for field in ("kind", "approx", "unit"):
            if field in want:
                assert getattr(fig, field) == want[field], (want["surface"], field)
        for field in ("low", "high", "value"):
            if field in want:
                assert _same(getattr(fig, field), want[field]), (want["surface"], field, getattr(fig, field))
