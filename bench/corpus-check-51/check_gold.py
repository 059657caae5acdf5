#!/usr/bin/env python3
"""Runs the check this corpus's blind writer added to their copy of corpus-check-29's gold checker (no
surface of one fact overlaps, at any of its occurrences, a surface of another fact in the same file, so
that one claim cannot hit two facts: corpus-check-52's `overlaps`, the same check), then
corpus-check-29's checker, on this folder."""

import runpy
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    shared = runpy.run_path(str(here.parent / "corpus-check-52" / "check_gold.py"))
    shared["main"](here, (shared["overlaps"],))
