#!/usr/bin/env python3
"""Runs corpus-check-52's gold checker (corpus-check-29's, after the checks -52's and -53's blind writers
added, which this corpus's writer added too) on this folder, after the one check this corpus's writer
added besides: no surface is longer than MAX_SURFACE characters (the figure and a few words around it)."""

import json
import runpy
import sys
from pathlib import Path

MAX_SURFACE = 45

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    long = [
        f"{fact['fact']}: surface {m['surface']!r} longer than {MAX_SURFACE} characters"
        for line in (here / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
        for fact in (json.loads(line),)
        for m in fact.get("mentions", [])
        if len(m.get("surface", "")) > MAX_SURFACE
    ]
    for error in long:
        print(error)
    if long:
        sys.exit(1)
    sys.argv = [str(here.parent / "corpus-check-52" / "check_gold.py"), str(here)]
    runpy.run_path(sys.argv[0], run_name="__main__")
