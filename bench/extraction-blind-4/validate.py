#!/usr/bin/env python3
"""Check the sealed extraction set 4 and print its counts (standard library only, Python 3.11+)."""

import datetime
import pathlib
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
KINDS = ["count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"]
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
CASE_KEYS = {"text", "date", "lang", "note", "claims"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
LANGS = ("en", "fr", "es")

errors, warnings = [], []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def bound(value, kind, where, side):
    """Return a comparable value for a bound, or None for 'none'; report bad ones."""
    if value == "none":
        return None
    if kind == "date":
        if not isinstance(value, str):
            err(where, f"{side} must be an ISO date string or 'none', got {value!r}")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            err(where, f"{side} {value!r} is not an ISO date")
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        err(where, f"{side} must be a number or 'none', got {value!r}")
        return None
    return value


def word_char(c):
    return c.isalnum() or c == "_"


def check_file(path):
    with path.open("rb") as fh:
        try:
            data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            err(path.name, f"TOML error: {exc}")
            return None
    flang = data.get("lang")
    if flang not in LANGS:
        err(path.name, f"top-level lang {flang!r} not in {LANGS}")
    cases = data.get("case", [])
    stats = {"cases": 0, "claims": 0, "empty": 0, "lang": flang, "kinds": {}}
    for i, case in enumerate(cases, 1):
        where = f"{path.name} case {i}"
        stats["cases"] += 1
        for k in case:
            if k not in CASE_KEYS:
                err(where, f"unknown case key {k!r}")
        text = case.get("text")
        if not isinstance(text, str) or not text.strip():
            err(where, "missing text")
            continue
        if "date" in case and not isinstance(case["date"], datetime.date):
            err(where, "date must be a TOML date")
        claims = case.get("claims")
        if claims is None:
            err(where, "missing claims")
            continue
        if not claims:
            stats["empty"] += 1
        seen = {}
        last_pos = -1
        for j, cl in enumerate(claims, 1):
            cw = f"{where} claim {j}"
            for k in cl:
                if k not in CLAIM_KEYS:
                    err(cw, f"unknown claim key {k!r}")
            surface, kind = cl.get("surface"), cl.get("kind")
            if kind not in KINDS:
                err(cw, f"kind {kind!r} not allowed")
            if "approx" in cl and cl["approx"] not in APPROX:
                err(cw, f"approx {cl['approx']!r} not allowed")
            if not isinstance(surface, str) or not surface:
                err(cw, "missing surface")
                continue
            n = seen.get(surface, 0)
            seen[surface] = n + 1
            pos = -1
            for _ in range(n + 1):
                pos = text.find(surface, pos + 1)
                if pos < 0:
                    break
            if pos < 0:
                err(cw, f"surface {surface!r} (occurrence {n + 1}) not in text")
                continue
            end = pos + len(surface)
            if (pos > 0 and word_char(text[pos - 1]) and word_char(surface[0])) or (
                end < len(text) and word_char(text[end]) and word_char(surface[-1])
            ):
                err(cw, f"surface {surface!r} sits inside a word")
            if pos < last_pos:
                err(cw, f"surface {surface!r} out of text order")
            last_pos = pos
            has_low, has_high = "low" in cl, "high" in cl
            if has_low != has_high:
                err(cw, "give both low and high or neither")
            if has_low and has_high:
                lo = bound(cl["low"], kind, cw, "low")
                hi = bound(cl["high"], kind, cw, "high")
                if lo is not None and hi is not None and lo > hi:
                    err(cw, f"low {cl['low']!r} > high {cl['high']!r}")
            if kind == "money" and "unit" not in cl:
                warnings.append(f"{cw}: money without unit")
            stats["claims"] += 1
            stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1
        for surface, n in seen.items():
            if text.count(surface) > n:
                warnings.append(f"{where}: {surface!r} occurs {text.count(surface)}x, claimed {n}x")
    return stats


def main():
    files = sorted(HERE.glob("*.toml"), key=lambda p: (LANGS.index(p.name[:2]) if p.name[:2] in LANGS else 9, p.name))
    per_file = []
    for path in files:
        st = check_file(path)
        if st:
            per_file.append((path.name, st))
    print("| file | lang | cases | claims | no-claim cases |")
    print("|---|---|---:|---:|---:|")
    for name, st in per_file:
        print(f"| {name} | {st['lang']} | {st['cases']} | {st['claims']} | {st['empty']} |")
    print()
    print("| lang | cases | no-claim | claims | " + " | ".join(KINDS) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(KINDS))
    total = {"cases": 0, "empty": 0, "claims": 0, "kinds": {}}
    for lang in LANGS:
        agg = {"cases": 0, "empty": 0, "claims": 0, "kinds": {}}
        for _, st in per_file:
            if st["lang"] != lang:
                continue
            for k in ("cases", "empty", "claims"):
                agg[k] += st[k]
                total[k] += st[k]
            for k, v in st["kinds"].items():
                agg["kinds"][k] = agg["kinds"].get(k, 0) + v
                total["kinds"][k] = total["kinds"].get(k, 0) + v
        print(
            f"| {lang} | {agg['cases']} | {agg['empty']} | {agg['claims']} | "
            + " | ".join(str(agg["kinds"].get(k, 0)) for k in KINDS)
            + " |"
        )
        low = [k for k in KINDS if agg["kinds"].get(k, 0) < 12]
        if low:
            warnings.append(f"{lang}: fewer than 12 claims of kind(s) {', '.join(low)}")
    print(
        f"| all | {total['cases']} | {total['empty']} | {total['claims']} | "
        + " | ".join(str(total["kinds"].get(k, 0)) for k in KINDS)
        + " |"
    )
    print()
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
