"""How well the frame reader labels the sentences of tests/attribution.toml, slot by slot.

tests/attribution.toml is the labelled set that measures attribution as a whole: sentences across
kinds of story beside the slots (thing, event, role, whole, owner, place, period, source) a careful
reader gives each figure. Its French cases and its pairs are held by the suite (tests/test_frames.py,
tests/test_pairs.py); its English sentences are a measure, not a test, since some labels ask for
more than the reader does. This reads each sentence as a run does (spaCy's pipeline, then
attribute/frame.py) and prints, for each slot, how many labelled figures the reader agrees with.

    python -m bench.attribution              # the table
    python -m bench.attribution --show 20    # and the first 20 disagreements
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

from numcheck.attribute import parse
from numcheck.attribute.frame import frame_of

SET = Path(__file__).resolve().parent.parent / "tests" / "attribution.toml"
SLOTS = ("thing", "event", "role", "whole", "owner", "place", "period", "source")


def score(cases: list[dict]) -> tuple[Counter[str], Counter[str], list[str]]:
    """For each slot, the figures labelled and those the reader agrees with; and the disagreements."""
    labelled: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    wrong: list[str] = []
    for case in cases:
        lang = case.get("lang", "en")
        doc = parse.parse(case["text"], lang)
        if doc is None:
            raise SystemExit(f"{SET}: no pipeline for {lang!r}: pip install . installs it")
        for figure in case["figure"]:
            start = case["text"].index(figure["surface"])
            frame = frame_of(doc, start, start + len(figure["surface"]), lang, figure.get("kind", "count"))
            for slot in SLOTS:
                if slot not in figure:
                    continue
                got, want = getattr(frame, slot) or "", figure[slot]
                labelled[slot] += 1
                if got == want:
                    agreed[slot] += 1
                else:
                    wrong.append(f"{figure['surface']!r} {slot}: {got!r}, labelled {want!r} in {case['text']!r}")
    return labelled, agreed, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="en", help="the cases of one language (default en: those with no lang)")
    ap.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = ap.parse_args(argv)
    cases = [c for c in tomllib.loads(SET.read_text(encoding="utf-8"))["case"] if c.get("lang", "en") == args.lang]
    labelled, agreed, wrong = score(cases)
    figures = sum(len(c["figure"]) for c in cases)
    print(f"{len(cases)} sentences, {figures} figures ({args.lang})")
    print("| slot | labelled | agreed | share |\n|---|---|---|---|")
    for slot in SLOTS:
        if labelled[slot]:
            print(f"| {slot} | {labelled[slot]} | {agreed[slot]} | {agreed[slot] / labelled[slot]:.2f} |")
    total, right = sum(labelled.values()), sum(agreed.values())
    print(f"| all | {total} | {right} | {right / max(1, total):.2f} |")
    for line in wrong[: args.show]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
