#!/usr/bin/env python3
"""Validate the sealed extraction set: parse, surfaces, kinds, approx values, intervals. Prints counts.

Usage: python3 validate.py [folder]   (default: this file's folder). Exit 1 on any error."""

import collections
import datetime
import pathlib
import re
import sys
import tomllib

KINDS = {"count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"}
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
CASE_KEYS = {"text", "date", "lang", "claims"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def bound_ok(kind, v):
    if v == "none":
        return True
    if kind == "date":
        if not (isinstance(v, str) and ISO.match(v)):
            return False
        datetime.date.fromisoformat(v)
        return True
    return is_num(v)


def word_boundary(text, start, end):
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
    errors, warnings = [], []
    per_lang_cases = collections.Counter()
    per_lang_kind = collections.defaultdict(collections.Counter)
    no_claim = collections.Counter()
    files = sorted(folder.glob("*.toml"))
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            errors.append(f"{path.name}: does not parse: {e}")
            continue
        extra = set(data) - {"lang", "case"}
        if extra:
            errors.append(f"{path.name}: unknown top-level keys {sorted(extra)}")
        flang = data.get("lang")
        cases = data.get("case", [])
        if not cases:
            errors.append(f"{path.name}: no cases")
        for i, c in enumerate(cases, 1):
            where = f"{path.name} case {i}"
            if set(c) - CASE_KEYS:
                errors.append(f"{where}: unknown keys {sorted(set(c) - CASE_KEYS)}")
            text = c.get("text")
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: missing text")
                continue
            if "date" in c and not isinstance(c["date"], datetime.date):
                errors.append(f"{where}: date is not a TOML date")
            claims = c.get("claims")
            if not isinstance(claims, list):
                errors.append(f"{where}: claims missing")
                continue
            lang = c.get("lang", flang) or "?"
            per_lang_cases[lang] += 1
            if not claims:
                no_claim[lang] += 1
            seen = collections.Counter()
            last_start = -1
            for j, cl in enumerate(claims, 1):
                cw = f"{where} claim {j}"
                if set(cl) - CLAIM_KEYS:
                    errors.append(f"{cw}: unknown keys {sorted(set(cl) - CLAIM_KEYS)}")
                s, k = cl.get("surface"), cl.get("kind")
                if not isinstance(s, str) or not s:
                    errors.append(f"{cw}: missing surface")
                    continue
                if k not in KINDS:
                    errors.append(f"{cw}: kind {k!r} not allowed")
                if "approx" in cl and cl["approx"] not in APPROX:
                    errors.append(f"{cw}: approx {cl['approx']!r} not allowed")
                per_lang_kind[lang][k] += 1
                # n-th occurrence rule
                seen[s] += 1
                n = seen[s]
                starts = [m.start() for m in re.finditer(re.escape(s), text)]
                if len(starts) < n:
                    errors.append(f"{cw}: surface {s!r} occurrence {n} not in text")
                    continue
                st = starts[n - 1]
                if not word_boundary(text, st, st + len(s)):
                    errors.append(f"{cw}: surface {s!r} occurrence {n} is inside a word")
                if st < last_start:
                    errors.append(f"{cw}: claims not in text order at {s!r}")
                last_start = st
                lo, hi = cl.get("low"), cl.get("high")
                for name, v in (("low", lo), ("high", hi)):
                    if v is not None and not bound_ok(k, v):
                        errors.append(f"{cw}: {name} {v!r} is not valid for kind {k}")
                if (lo is None) != (hi is None):
                    warnings.append(f"{cw}: only one of low/high given")
                if lo is not None and hi is not None and lo != "none" and hi != "none":
                    if k == "date":
                        if lo > hi:
                            errors.append(f"{cw}: low {lo} > high {hi}")
                    elif is_num(lo) and is_num(hi) and lo > hi:
                        errors.append(f"{cw}: low {lo} > high {hi}")
                if k == "money" and "unit" not in cl:
                    warnings.append(f"{cw}: money without unit")
            for s, n in seen.items():
                occ = len([m for m in re.finditer(re.escape(s), text) if word_boundary(text, m.start(), m.end())])
                if occ > n:
                    warnings.append(f"{where}: surface {s!r} occurs {occ}x in text but is claimed {n}x")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    kinds = sorted(KINDS)
    print(f"{len(files)} files")
    print("lang  cases  no-claim  claims  " + "  ".join(kinds))
    for lang in sorted(per_lang_cases):
        row = per_lang_kind[lang]
        print(
            f"{lang:4}  {per_lang_cases[lang]:5}  {no_claim[lang]:8}  {sum(row.values()):6}  "
            + "  ".join(f"{row[k]:{len(k)}}" for k in kinds)
        )
    tot = collections.Counter()
    for row in per_lang_kind.values():
        tot.update(row)
    print(
        f"all   {sum(per_lang_cases.values()):5}  {sum(no_claim.values()):8}  {sum(tot.values()):6}  "
        + "  ".join(f"{tot[k]:{len(k)}}" for k in kinds)
    )
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
