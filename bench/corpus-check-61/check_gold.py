#!/usr/bin/env python3
"""Runs corpus-check-29's gold checker on this folder (corpus-check-52's asks each surface to occur
once in its file; four surfaces here occur twice, and the scorer reads every occurrence)."""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sys.argv = [str(here.parent / "corpus-check-29" / "check_gold.py"), str(here)]
    runpy.run_path(sys.argv[0], run_name="__main__")
