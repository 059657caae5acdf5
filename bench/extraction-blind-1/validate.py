"""Validate the blind extraction set in this folder.

Checks (errors): every file parses with tomllib; every case has text and claims; every claim has
surface and kind; every surface occurs in its text (the n-th claim with a surface needs an n-th
occurrence) and claims come in text order; kinds and approx values are from the allowed lists;
low <= high where both are numbers (or both ISO dates); dates are ISO strings or "none"; a
relative-date claim without bounds is fine, but bounds must parse.

Lints (warnings, printed for review, not failures): a surface found only inside a longer word; a
plain figure whose labelled interval differs from the rounding rule recomputed from its digits;
a weekday date whose weekday does not match its label.

Also prints counts per language and kind.  Run: python validate.py
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"}
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
CASE_KEYS = {"text", "date", "lang", "claims", "note"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}

errors: list[str] = []
warnings: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def warn(where: str, msg: str) -> None:
    warnings.append(f"{where}: {msg}")


def is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def parse_iso(v):
    try:
        return dt.date.fromisoformat(v)
    except (TypeError, ValueError):
        return None


# ---- rounding lint -------------------------------------------------------------------------
SCALES = [
    (r"\s*(?:bn|billion|milliards?|mil millones)\b", 1e9),
    (r"\s*billones\b", 1e12),
    (r"\s*(?:m|million|millions|millones|millón|millon)\b", 1e6),
    (r"\s*crore\b", 1e7),
    (r"\s*lakh\b", 1e5),
    (r"\s*[kK]\b", 1e3),
]
MEASURED = {"percent", "quantity", "duration"}


def parse_figure(surface: str, lang: str):
    """Return (mantissa_text, scale) for a surface that is a plain digit figure, else None."""
    s = surface
    s = re.sub(r"^(?:Rs|US\$|R\$|[$£€¥₹])\s*", "", s)
    if lang == "fr":
        m = re.match(r"^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?", s)
        if not m:
            return None
        num = m.group(0).replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
    elif lang == "es":
        m = re.match(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d.])", s)
        if not m:
            return None
        num = m.group(0).replace(".", "").replace(",", ".")
    else:
        m = re.match(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|^-?\d+(?:\.\d+)?", s)
        if not m:
            return None
        num = m.group(0).replace(",", "")
    rest = s[m.end() :]
    scale = 1.0
    for pat, val in SCALES:
        mm = re.match(pat, rest)
        if mm:
            scale = val
            break
    return num, scale


def expected_interval(num: str, scale: float, kind: str):
    neg = num.startswith("-")
    digits = num.lstrip("-")
    value = float(digits) * scale
    if "." in digits:
        places = len(digits.split(".")[1])
        half = 0.5 * 10 ** (-places) * scale
    else:
        stripped = digits.rstrip("0")
        zeros = len(digits) - len(stripped)
        if zeros == 0 and scale == 1.0:
            half = 0.5 if kind in MEASURED else 0.0
        else:
            half = min(0.5 * 10**zeros * scale, 0.05 * value)
    if neg:
        value = -value
    return value - half, value + half


HEDGES = re.compile(
    r"^(?:(?P<about>about|around|some|roughly|an estimated|environ|quelque|unos|unas|alrededor del?)"
    r"|(?P<nearly>nearly|almost|close to|près de|casi|cerca de)"
    r"|(?P<least>more than|over|at least|no fewer than|just over|plus de|au moins|más de|al menos)"
    r"|(?P<most>up to|as many as|as much as|fewer than|under|below|within|jusqu'à|moins de|hasta))\s+",
    re.IGNORECASE,
)


def lint_hedge(where: str, claim: dict, lang: str) -> None:
    if claim.get("approx") not in {"about", "at_least", "at_most"}:
        return
    m = HEDGES.match(claim["surface"])
    if not m:
        return
    parsed = parse_figure(claim["surface"][m.end() :], lang)
    if not parsed:
        return
    num, scale = parsed
    value = float(num) * scale
    rlo, rhi = expected_interval(num, scale, claim["kind"])
    if m.group("about"):
        lo, hi = min(rlo, 0.9 * value), max(rhi, 1.1 * value)
    elif m.group("nearly"):
        lo, hi = 0.85 * value, value
    elif m.group("least"):
        lo, hi = value, "none"
    else:
        lo, hi = 0, value
    for got, want in ((claim.get("low"), lo), (claim.get("high"), hi)):
        if want == "none" or got == "none":
            ok = got == want
        else:
            ok = is_num(got) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
        if not ok:
            warn(where, f"{claim['surface']!r}: labelled {claim.get('low')}..{claim.get('high')}, hedge rule gives {lo}..{hi}")
            return


def lint_rounding(where: str, claim: dict, lang: str) -> None:
    lint_hedge(where, claim, lang)
    if claim.get("approx") != "exact" or claim["kind"] not in {"count", "money", "percent", "quantity", "duration"}:
        return
    if not (is_num(claim.get("low")) and is_num(claim.get("high"))):
        return
    surface = claim["surface"]
    if (
        re.search(r"year-old|aged|ans\b|años\b|\d[:h]\d|hr|p\b", surface)
        or claim["kind"] == "duration"
        and claim.get("unit") == "year"
        and claim["low"] == claim["high"]
    ):
        return  # ages, clock readings and pence are checked by eye
    parsed = parse_figure(surface, lang)
    if not parsed:
        return
    lo, hi = expected_interval(*parsed, claim["kind"])
    if not (
        math.isclose(lo, claim["low"], rel_tol=1e-9, abs_tol=1e-9) and math.isclose(hi, claim["high"], rel_tol=1e-9, abs_tol=1e-9)
    ):
        warn(where, f"{surface!r}: labelled {claim['low']}..{claim['high']}, digits give {lo:g}..{hi:g}")


WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "domingo": 6,
}


def lint_weekday(where: str, claim: dict) -> None:
    if claim["kind"] != "date":
        return
    words = re.findall(r"\w+", claim["surface"].lower())
    days = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    lo, hi = parse_iso(claim.get("low")), parse_iso(claim.get("high"))
    if days and lo and hi and lo == hi and lo.weekday() != days[0]:
        warn(where, f"{claim['surface']!r} labelled {lo} which is a {lo.strftime('%A')}")


# ---- main ----------------------------------------------------------------------------------
def check_file(path: Path, stats: dict) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(path.name, f"TOML parse error: {e}")
        return
    file_lang = data.get("lang")
    unknown = set(data) - {"lang", "case"}
    if unknown:
        err(path.name, f"unknown top-level keys {sorted(unknown)}")
    cases = data.get("case", [])
    if not cases:
        err(path.name, "no [[case]] entries")
    for i, case in enumerate(cases, 1):
        where = f"{path.name}#{i}"
        if set(case) - CASE_KEYS:
            err(where, f"unknown case keys {sorted(set(case) - CASE_KEYS)}")
        text = case.get("text")
        if not isinstance(text, str) or not text.strip():
            err(where, "missing text")
            continue
        if "claims" not in case or not isinstance(case["claims"], list):
            err(where, "missing claims list")
            continue
        if "date" in case and not isinstance(case["date"], dt.date):
            err(where, "date must be a TOML date")
        lang = case.get("lang", file_lang) or "?"
        stats["cases"][lang] += 1
        if not case["claims"]:
            stats["empty"][lang] += 1
        seen: Counter = Counter()
        last_pos = -1
        for j, claim in enumerate(case["claims"], 1):
            cw = f"{where} claim {j}"
            if set(claim) - CLAIM_KEYS:
                err(cw, f"unknown claim keys {sorted(set(claim) - CLAIM_KEYS)}")
            surface, kind = claim.get("surface"), claim.get("kind")
            if not isinstance(surface, str) or not surface:
                err(cw, "missing surface")
                continue
            if kind not in KINDS:
                err(cw, f"bad kind {kind!r}")
                continue
            if "approx" in claim and claim["approx"] not in APPROX:
                err(cw, f"bad approx {claim['approx']!r}")
            # n-th occurrence rule
            seen[surface] += 1
            n = seen[surface]
            positions = [m.start() for m in re.finditer(re.escape(surface), text)]
            if len(positions) < n:
                err(cw, f"surface {surface!r} occurrence {n} not in text")
                continue
            pos = positions[n - 1]
            if pos < last_pos:
                err(cw, f"surface {surface!r} out of text order")
            last_pos = pos
            before = text[pos - 1] if pos > 0 else " "
            after = text[pos + len(surface)] if pos + len(surface) < len(text) else " "
            if (before.isalnum() and surface[0].isalnum()) or (after.isalnum() and surface[-1].isalnum()):
                warn(cw, f"surface {surface!r} sits inside a longer word")
            # bounds
            low, high = claim.get("low"), claim.get("high")
            if (low is None) != (high is None):
                warn(cw, "only one of low/high given")
            if kind == "date":
                for side, v in (("low", low), ("high", high)):
                    if v is not None and v != "none" and parse_iso(v) is None:
                        err(cw, f"{side} {v!r} is not an ISO date or 'none'")
                lo, hi = parse_iso(low), parse_iso(high)
                if lo and hi and lo > hi:
                    err(cw, f"low {lo} > high {hi}")
                if low == "none" and high == "none" and "date" in case:
                    warn(cw, "both bounds 'none' though the case has a date")
                if low is not None and low != "none" and parse_iso(low) is None:
                    pass
            else:
                for side, v in (("low", low), ("high", high)):
                    if v is not None and v != "none" and not is_num(v):
                        err(cw, f"{side} {v!r} must be a number or 'none'")
                if is_num(low) and is_num(high) and low > high:
                    err(cw, f"low {low} > high {high}")
            if kind == "money" and "unit" not in claim:
                warn(cw, "money without unit")
            if kind in {"duration", "quantity"} and "unit" not in claim and "note" not in claim:
                warn(cw, f"{kind} without unit or note")
            if "low" not in claim and "note" not in claim:
                warn(cw, "bounds left out without a note")
            lint_rounding(cw, claim, lang)
            lint_weekday(cw, claim)
            stats["claims"][(lang, kind)] += 1
            stats["approx"][claim.get("approx", "-")] += 1


def main() -> int:
    stats = {"cases": Counter(), "empty": Counter(), "claims": Counter(), "approx": Counter()}
    files = sorted(HERE.glob("*.toml"))
    for path in files:
        check_file(path, stats)
    langs = sorted(stats["cases"])
    print(f"{len(files)} files")
    for lang in langs:
        total = sum(v for (l, _), v in stats["claims"].items() if l == lang)
        print(f"  {lang}: {stats['cases'][lang]} cases ({stats['empty'][lang]} with no claim), {total} claims")
    print(f"  all: {sum(stats['cases'].values())} cases, {sum(stats['claims'].values())} claims")
    print("claims per kind (" + ", ".join(langs) + ", total):")
    for kind in sorted(KINDS):
        row = [stats["claims"][(l, kind)] for l in langs]
        print(f"  {kind:9} " + " ".join(f"{n:4}" for n in row) + f" {sum(row):5}")
    print("approx:", dict(stats["approx"]))
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
