"""How completely and how cleanly numcheck extracts figures, beside bare quantulum3 on the same cases.

Run from the repository root:

    python bench/extraction.py [--failures] [--json] [--set DIR] [--no-lang]

The cases are tests/extraction_set/*.toml (format in its README.md): sentences and every claim
they must give, by kind, including sentences that must give none. Each case is read as one
article by numcheck.extract, as the pipeline calls it: sentence by sentence, with the case's
`date`, and its `lang` as front matter unless --no-lang (which leaves the language of every case
to numcheck's detection, as it is for the English cases always). The table
gives, per kind of expected claim:

- found: an expected claim is found when a reading's span overlaps the expected surface (its
  n-th occurrence in the text, for the n-th claim with that surface) and its kind matches. Each
  reading can find one claim only (the best fitting: interval right first, then largest overlap).
- exact: found, and every field the label gives (low, high, approx, unit) is right: numbers
  within 1e-6 relative, dates equal, "none" = unbounded.
- precision: 1 - false readings / readings, a false reading being one that overlaps no expected
  claim (every reading in a case with claims = [] is false). A reading that overlaps an expected
  claim with the wrong kind is no false reading, but the claim is missed. Per kind, readings are
  counted by their own kind.

The same is given by language (the case's `lang`, English when it has none) and by file.

Bare quantulum3 (quantulum3.parser.parse on each case's whole text, English only: it has no
French) is scored with the same spans, and its kind read from its unit: percentage -> percent,
currency -> money, time -> duration, dimensionless -> count, any other unit -> quantity. It
cannot type dates, ordinals or times of day, so for those a reading that overlaps counts as found
when its value equals a number written in the surface or the claim's own value ("25th" read as
25, "7:30 p.m." as 7), or, for a surface with no number at all ("last December"), on overlap
alone. It has no intervals: its "exact" column is not computed. quantulum3 chooses among equal
units in set order ("737 Max" is megayears or a plain number by the hash seed), so the script
runs itself with PYTHONHASHSEED=0: the same set gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import math
import os
import re
import sys
import tomllib
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("count", "percent", "money", "date", "duration", "ordinal", "quantity", "time")
APPROX = ("exact", "about", "at_least", "at_most", "range", "vague")
UNTYPED = ("date", "ordinal", "time")  # kinds quantulum3 cannot give
CHECKED = ("low", "high", "approx", "unit")
TARGETS = {"recall": 0.95, "kind_recall": 0.9, "precision": 0.98}
SET_DIR = Path(__file__).resolve().parent.parent / "tests" / "extraction_set"
_CASE_KEYS = {"text", "date", "lang", "claims", "note"}
_CLAIM_KEYS = {"surface", "kind", "note", *CHECKED}
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}


@dataclass(frozen=True, slots=True)
class Label:
    """One expected claim: where it is, its kind, and the fields of its interval the label gives."""

    surface: str
    start: int
    end: int
    kind: str
    given: tuple[tuple[str, object], ...]  # (field, wanted) for the CHECKED fields labelled


@dataclass(frozen=True, slots=True)
class Case:
    where: str  # "hedges.toml#3"
    theme: str
    text: str
    date: dt.date | None
    lang: str | None  # as front matter would give it; None: English, or left to detection
    labels: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure as an extractor gave it."""

    start: int
    end: int
    kind: str
    low: object = None
    high: object = None
    approx: str | None = None
    unit: str | None = None
    value: float | None = None


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    exact: int = 0
    readings: int = 0
    false: int = 0


@dataclass
class Score:
    """One extractor's results: tallies by kind and by theme, and every failure."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    themes: dict[str, Tally] = field(default_factory=dict)
    langs: dict[str, Tally] = field(default_factory=dict)  # by the case's language ("en" when none is given)
    missed: list[tuple[Case, Label, list[Reading]]] = field(default_factory=list)
    differs: list[tuple[Case, Label, Reading]] = field(default_factory=list)
    false: list[tuple[Case, Reading]] = field(default_factory=list)

    def total(self) -> Tally:
        t = Tally()
        for k in self.kinds.values():
            t.n, t.found, t.exact, t.readings, t.false = (
                t.n + k.n,
                t.found + k.found,
                t.exact + k.exact,
                t.readings + k.readings,
                t.false + k.false,
            )
        return t


def load_set(directory: Path = SET_DIR) -> list[Case]:
    """Every case of every *.toml in directory, in file and case order; ValueError on a bad label."""
    cases: list[Case] = []
    for path in sorted(Path(directory).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, raw in enumerate(data.get("case", []), 1):
            cases.append(_case(f"{path.name}#{i}", path.stem, raw, data.get("lang")))
    return cases


def _case(where: str, theme: str, raw: dict, lang: str | None) -> Case:
    if set(raw) - _CASE_KEYS or "text" not in raw or "claims" not in raw:
        raise ValueError(f"{where}: a case has text, claims and optional date, lang, note; got {sorted(raw)}")
    text, labels, seen = raw["text"], [], {}
    for claim in raw["claims"]:
        if set(claim) - _CLAIM_KEYS or claim.get("kind") not in KINDS or "surface" not in claim:
            raise ValueError(f"{where}: bad claim {claim}")
        if claim.get("approx", "exact") not in APPROX:
            raise ValueError(f"{where}: bad approx in {claim}")
        surface = claim["surface"]
        start = text.find(surface, seen.get(surface, -1) + 1)
        if start < 0:
            raise ValueError(f"{where}: surface {surface!r} not in the text (or not that many times)")
        seen[surface] = start
        given = tuple((f, claim[f]) for f in CHECKED if f in claim)
        labels.append(Label(surface, start, start + len(surface), claim["kind"], given))
    return Case(where, theme, text, raw.get("date"), raw.get("lang", lang), tuple(labels))


# --- readers -------------------------------------------------------------------------------


def numcheck_readings(case: Case, give_lang: bool = True) -> list[Reading]:
    """numcheck's figures for the case's text, sentence by sentence, as its pipeline reads an article.

    Extraction alone (numcheck.extract), not attribution: this measures what is read, not what it
    is attributed to. The language is the article's, as the pipeline chooses it: the case's
    `lang` as front matter would give it (none for English cases, and none at all with
    give_lang=False), else numcheck's detection.
    """
    from numcheck.extract import figures as extract

    lang = _language(case, case.lang if give_lang else None)
    takes_lang = "lang" in inspect.signature(extract.figures).parameters
    out: list[Reading] = []
    for s, e in extract.sentence_spans(case.text, 0):
        figures = (
            extract.figures(case.text, s, e, case.date, lang=lang) if takes_lang else extract.figures(case.text, s, e, case.date)
        )
        out.extend(Reading(f.start, f.end, f.kind, f.low, f.high, f.approx, f.unit, f.value) for f in figures)
    return out


def _language(case: Case, given: str | None) -> str:
    try:
        from numcheck.attribute.claims import language_of
    except ImportError:  # a numcheck that reads English only
        return given or "en"
    from numcheck.model import Article

    return language_of(Article(path=case.where, text=case.text, story="bench", date=case.date, lang=given))


def quantulum_readings(case: Case) -> list[Reading]:
    """Bare quantulum3 on the whole text, its kind read from its unit."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        quantities = parser.parse(case.text)
    return [
        Reading(q.span[0], q.span[1], _q_kind(q.unit.name, q.unit.entity.name), value=float(q.value), unit=q.unit.name)
        for q in quantities
    ]


def _q_kind(unit: str, entity: str) -> str:
    if unit.startswith("percent") or unit == "per cent":
        return "percent"
    return {"currency": "money", "time": "duration", "dimensionless": "count"}.get(entity, "quantity")


# --- scoring -------------------------------------------------------------------------------


def numcheck_accepts(label: Label, reading: Reading) -> bool:
    return reading.kind == label.kind


def quantulum_accepts(label: Label, reading: Reading) -> bool:
    if label.kind not in UNTYPED:
        return reading.kind == label.kind
    wanted = _written_numbers(label.surface)
    low = dict(label.given).get("low")
    if isinstance(low, (int, float)):
        wanted.add(float(low))
    return not wanted or any(reading.value is not None and math.isclose(reading.value, w) for w in wanted)


def _written_numbers(surface: str) -> set[float]:
    out = {float(d.replace(",", "")) for d in re.findall(r"\d[\d,]*(?:\.\d+)?", surface)}
    return out | {float(_WORDS[w]) for w in re.findall(r"[a-z]+", surface.lower()) if w in _WORDS}


def score(
    cases: Iterable[Case],
    read: Callable[[Case], list[Reading]],
    accepts: Callable[[Label, Reading], bool],
    intervals: bool = True,
) -> Score:
    """Match each case's readings to its labels, one reading to one claim, and tally."""
    result = Score()
    for case in cases:
        readings = read(case)
        theme = result.themes.setdefault(case.theme, Tally())
        lang = result.langs.setdefault(case.lang or "en", Tally())
        used: set[int] = set()
        for label in case.labels:
            result.kinds[label.kind].n += 1
            theme.n += 1
            lang.n += 1
            fits = [(i, r) for i, r in enumerate(readings) if i not in used and _overlap(label, r) and accepts(label, r)]
            if not fits:
                result.missed.append((case, label, [r for r in readings if _overlap(label, r)]))
                continue
            i, best = max(fits, key=lambda f: (intervals and not _differences(label, f[1]), _overlap(label, f[1]), -f[0]))
            used.add(i)
            result.kinds[label.kind].found += 1
            theme.found += 1
            lang.found += 1
            if intervals and not _differences(label, best):
                result.kinds[label.kind].exact += 1
                theme.exact += 1
                lang.exact += 1
            elif intervals:
                result.differs.append((case, label, best))
        for r in readings:
            tally = result.kinds.setdefault(r.kind, Tally())
            tally.readings += 1
            theme.readings += 1
            lang.readings += 1
            if not any(_overlap(label, r) for label in case.labels):
                tally.false += 1
                theme.false += 1
                lang.false += 1
                result.false.append((case, r))
    return result


def _overlap(label: Label, r: Reading) -> int:
    return max(0, min(label.end, r.end) - max(label.start, r.start))


def _differences(label: Label, r: Reading) -> list[str]:
    """The labelled fields the reading gets wrong."""
    return [f for f, want in label.given if not _same(getattr(r, f), want)]


def _same(got: object, want: object) -> bool:
    if want == "none":
        return got is None
    if isinstance(want, (dt.date, str)) and isinstance(got, dt.date):
        return got.isoformat() == str(want)
    if isinstance(want, str):
        return isinstance(got, str) and got.lower() == want.lower()
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-6, abs_tol=1e-9)
    return False


# --- report --------------------------------------------------------------------------------


def measure(directory: Path = SET_DIR, quantulum: bool = True, give_lang: bool = True) -> dict:
    """Score numcheck (and quantulum3) on the set: {"cases", "numcheck", "quantulum3"}."""
    cases = load_set(directory)
    out = {"cases": cases, "numcheck": score(cases, lambda c: numcheck_readings(c, give_lang), numcheck_accepts)}
    if quantulum:
        out["quantulum3"] = score(cases, quantulum_readings, quantulum_accepts, intervals=False)
    return out


def meets_targets(s: Score) -> list[str]:
    """The targets numcheck misses, one line each; [] when it meets them all."""
    t, out = s.total(), []
    if _ratio(t.found, t.n) < TARGETS["recall"]:
        out.append(f"recall {_ratio(t.found, t.n):.3f} < {TARGETS['recall']}")
    out += [
        f"{k} recall {_ratio(v.found, v.n):.3f} < {TARGETS['kind_recall']}"
        for k, v in [*s.kinds.items(), *((f"language {k}", v) for k, v in sorted(s.langs.items()))]
        if v.n and _ratio(v.found, v.n) < TARGETS["kind_recall"]
    ]
    if 1 - _ratio(t.false, t.readings) < TARGETS["precision"]:
        out.append(f"precision {1 - _ratio(t.false, t.readings):.3f} < {TARGETS['precision']}")
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _fmt(a: int, b: int, complement: bool = False) -> str:
    return "-" if not b else f"{(1 - a / b) if complement else a / b:.3f}"


def tables(nc: Score, q3: Score | None) -> str:
    from tabulate import tabulate

    rows = []
    for name, t, q in [(k, nc.kinds[k], q3.kinds[k] if q3 else None) for k in KINDS] + [
        ("all", nc.total(), q3.total() if q3 else None)
    ]:
        rows.append(
            [
                name,
                t.n,
                _fmt(t.found, t.n),
                _fmt(t.exact, t.n),
                _fmt(q.found, t.n) if q else "-",
                f"{t.false}/{t.readings}",
                _fmt(t.false, t.readings, True),
                f"{q.false}/{q.readings}" if q else "-",
                _fmt(q.false, q.readings, True) if q else "-",
            ]
        )
    by_kind = tabulate(
        rows,
        [
            "kind",
            "n",
            "numcheck found",
            "numcheck exact",
            "quantulum3 found",
            "numcheck false",
            "numcheck precision",
            "quantulum3 false",
            "quantulum3 precision",
        ],
        disable_numparse=True,
        colalign=("left",) + ("right",) * 8,
    )
    themes = [
        [
            name,
            t.n,
            _fmt(t.found, t.n),
            _fmt(t.exact, t.n),
            _fmt(q3.themes[name].found, t.n) if q3 else "-",
            t.false,
            q3.themes[name].false if q3 else "-",
        ]
        for name, t in sorted(nc.themes.items())
    ]
    by_theme = tabulate(
        themes,
        ["file", "n", "numcheck found", "numcheck exact", "quantulum3 found", "numcheck false", "quantulum3 false"],
        disable_numparse=True,
        colalign=("left",) + ("right",) * 6,
    )
    langs = [
        [
            name,
            t.n,
            _fmt(t.found, t.n),
            _fmt(t.exact, t.n),
            _fmt(q3.langs[name].found, t.n) if q3 else "-",
            f"{t.false}/{t.readings}",
            _fmt(t.false, t.readings, True),
        ]
        for name, t in sorted(nc.langs.items())
    ]
    by_lang = tabulate(
        langs,
        ["language", "n", "numcheck found", "numcheck exact", "quantulum3 found", "numcheck false", "numcheck precision"],
        disable_numparse=True,
        colalign=("left",) + ("right",) * 6,
    )
    return f"{by_kind}\n\n{by_lang}\n\n{by_theme}"


def _show(r: Reading, text: str) -> str:
    parts = [r.kind, repr(text[r.start : r.end])] + [f"{f}={_plain(getattr(r, f))}" for f in CHECKED if getattr(r, f) is not None]
    return " ".join(parts)


def _plain(v: object) -> object:
    return v.isoformat() if isinstance(v, dt.date) else (round(v, 6) if isinstance(v, float) else v)


def _want(label: Label) -> str:
    return " ".join([label.kind, repr(label.surface)] + [f"{f}={_plain(v)}" for f, v in label.given])


def failures(s: Score) -> dict[str, list[dict]]:
    """Every miss, interval difference and false reading, as plain data."""
    return {
        "missed": [
            {"case": c.where, "text": c.text, "expected": _want(lb), "got": [_show(r, c.text) for r in rs]}
            for c, lb, rs in s.missed
        ],
        "interval": [
            {"case": c.where, "text": c.text, "expected": _want(lb), "got": _show(r, c.text), "wrong": _differences(lb, r)}
            for c, lb, r in s.differs
        ],
        "false": [{"case": c.where, "text": c.text, "got": _show(r, c.text)} for c, r in s.false],
    }


def _summary(s: Score | None) -> dict | None:
    if s is None:
        return None
    tally = lambda t: {"n": t.n, "found": t.found, "exact": t.exact, "readings": t.readings, "false": t.false}  # noqa: E731
    return {
        "kinds": {k: tally(v) for k, v in s.kinds.items()},
        "themes": {k: tally(v) for k, v in sorted(s.themes.items())},
        "langs": {k: tally(v) for k, v in sorted(s.langs.items())},
        "all": tally(s.total()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=SET_DIR, help="folder of labelled cases")
    ap.add_argument("--failures", action="store_true", help="print every miss, false reading and wrong interval")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--no-lang", action="store_true", help="do not tell numcheck the language (measures detection)")
    args = ap.parse_args(argv)
    result = measure(args.set, give_lang=not args.no_lang)
    nc, q3, cases = result["numcheck"], result.get("quantulum3"), result["cases"]
    if args.json:
        print(
            json.dumps(
                {
                    "cases": len(cases),
                    "targets": TARGETS,
                    "missed_targets": meets_targets(nc),
                    "numcheck": _summary(nc),
                    "quantulum3": _summary(q3),
                    "failures": failures(nc),
                },
                indent=1,
                sort_keys=True,
                ensure_ascii=False,
            )
        )
        return 0
    print(
        f"{len(cases)} cases, {nc.total().n} expected claims, {sum(1 for c in cases if not c.labels)} cases that must give none\n"
    )
    print(tables(nc, q3))
    missing = meets_targets(nc)
    print("\ntargets: " + ("all met" if not missing else "not met: " + "; ".join(missing)))
    if args.failures:
        for group, items in failures(nc).items():
            print(f"\n== {group} ({len(items)})")
            for item in items:
                print(f"{item['case']}: {item['text']}")
                if "expected" in item:
                    print(f"    expected {item['expected']}")
                got = item["got"] if isinstance(item["got"], list) else [item["got"]]
                print(
                    "    got "
                    + ("; ".join(got) if got else "nothing there")
                    + (f"  (wrong: {', '.join(item['wrong'])})" if item.get("wrong") else "")
                )
    return 0


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") != "0":  # quantulum3 picks among equal units in set order
        os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONHASHSEED": "0"})
    sys.exit(main())
