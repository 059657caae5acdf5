#!/usr/bin/env python3
"""Runs corpus-check-52's gold checker (corpus-check-29's, after the checks -52's and -53's blind writers
added) on this folder."""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sys.argv = [str(here.parent / "corpus-check-52" / "check_gold.py"), str(here)]
    runpy.run_path(sys.argv[0], run_name="__main__")
