"""Same inputs, same bytes: a report does not depend on Python's hash seed.

Python gives each process its own seed for hashing strings, so the order in which a set of
strings is iterated changes from run to run. quantulum3 joined sets of operators into its
patterns and broke ties between candidate units in a set's order, so "50 Cent's G-Unit" was
money in one run and a count in the next (extract/quantities.py: _deterministic). These
invented articles are full of units that read two ways; numcheck runs on them in separate
processes with different seeds, which must write the same report, byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AMBIGUOUS = {
    "story/a.txt": (
        "Rap feud in 50 Cent's G-Unit crew\n\n"
        "The performer is one of the members of 50 Cent's G-Unit group, which signed with a small label.\n"
        "Workers built a 5' wall and laid 3\" pipes along the 12 kt channel before the 41C heat arrived.\n"
        "The lorry carried 5 t of steel and 7 tons of sand; a second one carried 10 pounds of bolts.\n"
        "Engineers measured a 3 K drop over 30 minutes and a 2 s delay on the 20 Mb link.\n"
        "The farm of 2 ha sold 100 kb of data, 1 gal of milk and 9 ct of gold for ¥500.\n"
    ),
    "story/b.txt": (
        "Shares fell 5 pc after the group said 4 p of every pound went on fuel.\n"
        "The 8 mW laser and the 5 nm chip cost R50 and Fr 20 respectively, a 2 bp rise.\n"
        "A 60' yacht sailed 3 h at 9 kn, and the crew of 12 spent 45 seconds at the 4 mm gap.\n"
        "Rapper 50 Cent's tour sold 20,000 tickets while 50 Cent's label signed 3 acts.\n"
        "The 1990s saw 500 cal meals and 6 ft walls; the 2 Gb file took 5 min.\n"
    ),
    "story/c.md": (
        "---\ndate: 2024-03-02\n---\n"
        "Rap feud in 50 Cent's G-Unit crew: 12 people were hurt, police said.\n"
        "Officials said 15 people were hurt and 2 t of debris fell 30' onto the road.\n"
    ),
}

#: Seeds under which the code before the fix wrote different reports of these articles.
SEEDS = ("1", "2", "3")


def test_the_report_is_the_same_whatever_the_hash_seed(tmp_path) -> None:
    for name, text in AMBIGUOUS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "numcheck",
        "story",
        "--format",
        "json",
        "--no-cache",
        "--isolated",
        "--no-local-rules",
        "--jobs",
        "1",
    ]
    procs = [
        subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
        )
        for seed in SEEDS
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode in (0, 1) for p in procs), [err for _, err in outs]
    reports = [out for out, _ in outs]
    assert b"50 Cent" in reports[0]  # the sentence that read two ways is in the report
    assert reports[1] == reports[0] and reports[2] == reports[0]
