#!/usr/bin/env python3
"""Runs corpus-check-52's gold checker (corpus-check-29's, after the checks -52's and -53's blind writers
added, which this corpus's writer added too) on this folder, with the one check this corpus's writer
added besides: no surface is longer than MAX_SURFACE characters (the figure and a few words around it)."""

import json
import runpy
from pathlib import Path

MAX_SURFACE = 45
HERE = Path(__file__).resolve().parent


def long_surfaces(root: Path) -> list[str]:
    """Surfaces of more than MAX_SURFACE characters."""
    return [
        f"{fact['fact']}: surface {m['surface']!r} longer than {MAX_SURFACE} characters"
        for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
        for fact in (json.loads(line),)
        for m in fact.get("mentions", [])
        if len(m.get("surface", "")) > MAX_SURFACE
    ]


if __name__ == "__main__":
    checker = runpy.run_path(str(HERE.parent / "corpus-check-52" / "check_gold.py"))
    checker["main"](HERE, (long_surfaces, checker["articles"], checker["surfaces"], checker["overlaps"]))
