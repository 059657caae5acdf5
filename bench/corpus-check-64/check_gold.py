#!/usr/bin/env python3
"""Runs corpus-check-52's gold checker on this folder with its article and overlap checks, not its
check that a surface occurs once in its file: this set's writer gave a figure in a headline and again,
word for word, in its body (corpus-check-29's checker, which -52's runs last, allows it)."""

import runpy
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    checker = runpy.run_path(str(here.parent / "corpus-check-52" / "check_gold.py"))
    checker["main"](here, (checker["articles"], checker["overlaps"]))
