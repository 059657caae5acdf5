"""What spaCy's numeric entities would add as a second detector of figures, on the labelled sets.

Run from the repository root:

    python bench/entities.py [--set DIR ...]

Each case of the labelled sets (tests/extraction_set and bench/extraction-blind-1, -3 .. -8 by
default; loaded and scored by bench/extraction.py) is read by numcheck's extractor, as that bench
reads it, and by the spaCy pipeline numcheck loads for the case's language
(numcheck.attribute.parse.pipeline, texts in one nlp.pipe). Only entities of the numeric labels
count (DATE, CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL, TIME). Per set and language:

- missed: expected claims numcheck misses (no reading of the right kind overlaps them);
- (a) over: of those, the ones a numeric entity overlaps: what a second detector could add, at best;
- (b) kind: of (a), those an overlapping entity gives with the right kind (DATE->date,
  CARDINAL->count, MONEY->money, PERCENT->percent, QUANTITY->quantity, ORDINAL->ordinal,
  TIME->time);
- (c) false: entities that overlap no expected claim and no numcheck reading (false claims a
  second detector would add), in cases with claims and, apart, in cases that must give none.

The last columns are numcheck's recall and precision as bench/extraction.py counts them, and
what they would be at best with the entities added where numcheck reads nothing: recall gains
(b), precision counts every entity that overlaps no numcheck reading as a new reading and (c) as
false. Only English has numeric entities: the French pipeline (fr_core_news_sm) labels PER, LOC,
ORG and MISC only, and Spanish has no pipeline installed, so neither can gain.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import SET_DIR, Case, Label, Reading, Tally, load_set, numcheck_accepts, numcheck_readings, score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = [SET_DIR, *(ROOT / "bench" / f"extraction-blind-{i}" for i in (1, 3, 4, 5, 6, 7, 8))]
KIND_OF = {
    "DATE": "date",
    "CARDINAL": "count",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
    "TIME": "time",
}


@dataclass
class Row:
    """The tallies of one set and language."""

    nc: Tally = field(default_factory=Tally)  # numcheck's claims, found, readings and false readings
    cases: int = 0
    entities: int = 0  # numeric entities spaCy gives
    missed: int = 0
    over: int = 0  # (a)
    kind: int = 0  # (b)
    added: int = 0  # entities that overlap no numcheck reading
    false_in_claims: int = 0  # (c) in cases with claims
    false_in_none: int = 0  # (c) in cases that must give none
    shown: list[str] = field(default_factory=list)  # each (a) and (c), one line each

    def add(self, other: Row) -> None:
        for f in fields(self):
            if f.name == "shown":
                self.shown += other.shown
            elif f.name == "nc":
                for g in fields(Tally):
                    setattr(self.nc, g.name, getattr(self.nc, g.name) + getattr(other.nc, g.name))
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def entities(cases: list[Case], lang: str) -> list[list[Reading]] | None:
    """The numeric entities of each case's text, as readings of the mapped kind; None without a pipeline."""
    from numcheck.attribute import parse

    nlp = parse.pipeline(lang)
    if nlp is None:
        return None
    return [
        [Reading(e.start_char, e.end_char, KIND_OF[e.label_]) for e in doc.ents if e.label_ in KIND_OF]
        for doc in nlp.pipe([c.text for c in cases], batch_size=64)
    ]


def _over(a: Label | Reading, b: Reading) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def tally(cases: list[Case], lang: str) -> Row | None:
    """One language's cases of one set, scored; None when the language has no spaCy pipeline."""
    ents = entities(cases, lang)
    if ents is None:
        return None
    row = Row(cases=len(cases))
    readings = {c.where: numcheck_readings(c) for c in cases}
    nc = score(cases, lambda c: readings[c.where], numcheck_accepts)
    row.nc = nc.total()
    missed = {(c.where, lb.start, lb.end) for c, lb, _ in nc.missed}
    for case, found in zip(cases, ents, strict=True):
        row.entities += len(found)
        for lb in case.labels:
            if (case.where, lb.start, lb.end) not in missed:
                continue
            row.missed += 1
            over = [e for e in found if _over(lb, e)]
            row.over += bool(over)
            row.kind += any(e.kind == lb.kind for e in over)
            if over:
                got = ", ".join(f"{e.kind} {case.text[e.start : e.end]!r}" for e in over)
                row.shown.append(f"(a) {case.where}: {lb.kind} {lb.surface!r} <- {got}")
        for e in found:
            if any(_over(r, e) for r in readings[case.where]):
                continue
            row.added += 1
            if not any(_over(lb, e) for lb in case.labels):
                if case.labels:
                    row.false_in_claims += 1
                else:
                    row.false_in_none += 1
                row.shown.append(f"(c) {case.where}: {e.kind} {case.text[e.start : e.end]!r}")
    return row


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def _line(name: str, lang: str, r: Row) -> list[object]:
    c, t = r.false_in_claims + r.false_in_none, r.nc
    return [
        name,
        lang,
        r.cases,
        t.n,
        r.entities,
        r.missed,
        r.over,
        r.kind,
        r.false_in_claims,
        r.false_in_none,
        _ratio(t.found, t.n),
        _ratio(t.found + r.kind, t.n),
        _ratio(t.readings - t.false, t.readings),
        _ratio(t.readings - t.false + r.added - c, t.readings + r.added),
    ]


def main(argv: list[str] | None = None) -> int:
    from tabulate import tabulate

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, action="append", help="a folder of labelled cases (default: every set)")
    ap.add_argument("--show", action="store_true", help="list each (a) and (c) entity")
    args = ap.parse_args(argv)
    rows, totals, absent = [], {}, set()
    for directory in args.set or SETS:
        cases = load_set(directory)
        for lang in sorted({c.lang or "en" for c in cases}):
            row = tally([c for c in cases if (c.lang or "en") == lang], lang)
            if row is None:
                absent.add(lang)
                continue
            rows.append(_line(directory.name, lang, row))
            totals.setdefault(lang, Row()).add(row)
    everything = Row()
    for lang, row in sorted(totals.items()):
        rows.append(_line("all", lang, row))
        everything.add(row)
    rows.append(_line("all", "all", everything))
    head = ["set", "lang", "cases", "claims", "entities", "missed", "(a) over", "(b) kind", "(c) false", "(c) in none"]
    head += ["recall", "recall +(b)", "precision", "precision +ents"]
    print(tabulate(rows, head, disable_numparse=True, colalign=("left", "left") + ("right",) * 12))
    if args.show:
        print("\n" + "\n".join(everything.shown))
    if absent:
        print(f"\nno spaCy pipeline for: {', '.join(sorted(absent))} (not measured)")
    return 0


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # as bench/extraction.py: quantulum3 picks among equal units in set order
        os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONHASHSEED": "0"})
    sys.exit(main())
