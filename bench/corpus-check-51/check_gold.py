#!/usr/bin/env python3
"""Runs corpus-check-29's gold checker on this folder, then the check this corpus's blind writer added
to their copy of it: no surface of one fact overlaps (at any of its occurrences) a surface of another
fact in the same file, so that one claim cannot hit two facts."""

import json
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    """Every (start, end) where surface occurs in text."""
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def overlaps() -> list[str]:
    """Mentions of different facts whose surfaces overlap in the same file."""
    spans: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
    for line in (ROOT / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        for m in fact["mentions"]:
            path = ROOT / "clusters" / fact["cluster"] / m["file"]
            if not path.is_file() or not m["surface"]:
                continue
            for s, e in spans_of(path.read_text(encoding="utf-8"), m["surface"]):
                spans.setdefault((fact["cluster"], m["file"]), []).append((s, e, fact["fact"], m["surface"]))
    errors = []
    for (cluster, name), items in sorted(spans.items()):
        items.sort()
        for i, (_, e1, f1, w1) in enumerate(items):
            for s2, _, f2, w2 in items[i + 1 :]:
                if s2 >= e1:
                    break
                if f1 != f2:
                    errors.append(f"{cluster}/{name}: {f1} {w1!r} overlaps {f2} {w2!r}")
    return errors


if __name__ == "__main__":
    found = overlaps()
    for error in found:
        print(error)
    if found:
        sys.exit(1)
    sys.argv = [str(ROOT.parent / "corpus-check-29" / "check_gold.py"), str(ROOT)]
    runpy.run_path(sys.argv[0], run_name="__main__")
