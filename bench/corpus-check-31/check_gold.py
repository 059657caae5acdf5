#!/usr/bin/env python3
"""Check this corpus's gold.jsonl against its texts with corpus-check-29's checker, which its blind
writer copied unchanged (stdlib only; runs nothing else)."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKER = HERE.parent / "corpus-check-29" / "check_gold.py"

if __name__ == "__main__":
    sys.argv = [str(CHECKER), str(HERE)]
    runpy.run_path(str(CHECKER), run_name="__main__")
