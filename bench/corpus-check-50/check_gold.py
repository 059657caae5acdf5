#!/usr/bin/env python3
"""Runs corpus-check-29's gold checker, which this corpus's blind writer copied, on this folder."""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.argv = [
        str(Path(__file__).resolve().parent.parent / "corpus-check-29" / "check_gold.py"),
        str(Path(__file__).resolve().parent),
    ]
    runpy.run_path(sys.argv[0], run_name="__main__")
