"""Frames as data: tests/frames.toml gives sentences beside the slots their figures' frames must
have; each case is parsed by the installed English pipeline, as a run parses an article."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from numcheck.attribute import parse
from numcheck.attribute.frame import frame_of

CASES = tomllib.loads((Path(__file__).parent / "frames.toml").read_text(encoding="utf-8"))["case"]
SLOTS = ("thing", "event", "role", "whole", "owner", "place", "period", "source")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:48] for c in CASES])
def test_frames(case: dict) -> None:
    doc = parse.parse(case["text"], "en")
    assert doc is not None, "the English pipeline is a dependency: pip install . installs it"
    for figure in case["figures"]:
        start = case["text"].index(figure["surface"])
        frame = frame_of(doc, start, start + len(figure["surface"]), "en", figure.get("kind", "count"))
        got = {slot: getattr(frame, slot) or "" for slot in SLOTS if slot in figure}
        want = {slot: figure[slot] for slot in SLOTS if slot in figure}
        assert got == want, f"{figure['surface']!r} in {case['text']!r}: how {frame.how}"
