#!/usr/bin/env python3
"""Runs corpus-check-29's gold checker on a corpus folder (this one, or the one given), after the checks
the blind writers of corpus-check-52 and -53 each added to their copy of it: every article has its
headline on line 1, no blank line and 250 to 380 words; every surface occurs once in its file and once
in its fact; a conflict fact gives two values or more; no surface of one fact overlaps one of another
fact in the same file, so that one claim cannot hit two facts. corpus-check-53 runs this on its folder."""

import json
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    """Every (start, end) where surface occurs in text."""
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def articles(root: Path) -> list[str]:
    """Articles without a headline on line 1, with a blank line, or outside 250 to 380 words."""
    errors = []
    for path in sorted((root / "clusters").glob("*/*.txt")):
        where, lines = f"{path.parent.name}/{path.name}", path.read_text(encoding="utf-8").splitlines()
        words = sum(len(line.split()) for line in lines)
        if not lines or not lines[0].strip():
            errors.append(f"{where}: no headline on line 1")
        if any(not line.strip() for line in lines):
            errors.append(f"{where}: blank line")
        if not 250 <= words <= 380:
            errors.append(f"{where}: {words} words, not 250-380")
    return errors


def surfaces(root: Path) -> list[str]:
    """Surfaces found more than once in their file or their fact, and conflict facts of one value."""
    errors = []
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        where = f"{fact['cluster']} / {fact['fact']}"
        mentions = [(m["file"], m["surface"]) for m in fact["mentions"]]
        if len(set(mentions)) < len(mentions):
            errors.append(f"{where}: a (file, surface) listed twice")
        if fact["verdict"] == "conflict" and len({json.dumps(m["value"]) for m in fact["mentions"]}) < 2:
            errors.append(f"{where}: a conflict fact needs at least two different values")
        for name, surface in set(mentions):
            path = root / "clusters" / fact["cluster"] / name
            found = len(spans_of(path.read_text(encoding="utf-8"), surface)) if path.is_file() and surface else 0
            if found > 1:
                errors.append(f"{where}: {surface!r} occurs {found} times in {name}")
    return errors


def overlaps(root: Path) -> list[str]:
    """Mentions of different facts whose surfaces overlap in the same file (corpus-check-51 runs this too)."""
    errors, spans = [], {}
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        for m in fact["mentions"]:
            path = root / "clusters" / fact["cluster"] / m["file"]
            if path.is_file() and m["surface"]:
                found = spans_of(path.read_text(encoding="utf-8"), m["surface"])
                spans.setdefault((fact["cluster"], m["file"]), []).extend((s, e, fact["fact"], m["surface"]) for s, e in found)
    for (cluster, name), items in sorted(spans.items()):
        items.sort()
        for i, (_, end, f1, w1) in enumerate(items):
            for start, _, f2, w2 in items[i + 1 :]:
                if start >= end:
                    break
                if f1 != f2:
                    errors.append(f"{cluster}/{name}: {f1} {w1!r} overlaps {f2} {w2!r}")
    return errors


def main(root: Path, checks: tuple = (articles, surfaces, overlaps)) -> None:
    """Print what `checks` find in the corpus at `root` and exit 1, or run corpus-check-29's checker on it."""
    try:
        found = [error for check in checks for error in check(root)]
    except (ValueError, KeyError, TypeError, AttributeError):
        found = []  # a gold of the wrong form: corpus-check-29's checker says where
    for error in found:
        print(error)
    if found:
        sys.exit(1)
    sys.argv = [str(HERE.parent / "corpus-check-29" / "check_gold.py"), str(root)]
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)
