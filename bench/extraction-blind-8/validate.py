"""Check the sealed extraction set 8 and print its counts.

Standard library only (Python 3.11+): python3 validate.py
"""

import datetime as dt
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
KINDS = {"count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"}
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
LANGS = {"en", "fr", "es"}
CASE_KEYS = {"text", "date", "lang", "note", "claims"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
LOOKALIKE = ("lookalikes", "faux_amis", "falsos_amigos")


def _bound(kind, v, where, errors):
    """The bound as a comparable value, or None for "none"."""
    if v == "none":
        return None
    if kind == "date":
        try:
            return dt.date.fromisoformat(v)
        except (TypeError, ValueError):
            errors.append(f"{where}: date bound {v!r} is not an ISO date")
            return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        errors.append(f"{where}: bound {v!r} is not a number")
        return None
    return v


def _whole_word(text, surface, start):
    before = text[start - 1] if start > 0 else " "
    end = start + len(surface)
    after = text[end] if end < len(text) else " "
    inner = surface[:1].isalnum(), surface[-1:].isalnum()
    return not (inner[0] and before.isalnum()) and not (inner[1] and after.isalnum())


def check_claims(case, where, errors, warnings):
    text = case["text"]
    pos = -1
    seen = Counter()
    for j, claim in enumerate(case["claims"]):
        cw = f"{where} claim {j + 1}"
        extra = set(claim) - CLAIM_KEYS
        if extra:
            errors.append(f"{cw}: unknown keys {sorted(extra)}")
        surface = claim.get("surface")
        kind = claim.get("kind")
        if not isinstance(surface, str) or not surface:
            errors.append(f"{cw}: no surface")
            continue
        if kind not in KINDS:
            errors.append(f"{cw}: kind {kind!r} is not one of {sorted(KINDS)}")
        if claim.get("approx", "exact") not in APPROX:
            errors.append(f"{cw}: approx {claim['approx']!r} is not known")
        seen[surface] += 1
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        if len(starts) < seen[surface]:
            errors.append(f"{cw}: surface {surface!r} does not occur in the text")
            continue
        start = starts[seen[surface] - 1]
        if not _whole_word(text, surface, start):
            errors.append(f"{cw}: surface {surface!r} is inside a word")
        if start < pos:
            errors.append(f"{cw}: surface {surface!r} is out of text order")
        pos = start
        if ("low" in claim) != ("high" in claim):
            errors.append(f"{cw}: low and high must be given together")
        elif "low" in claim:
            lo = _bound(kind, claim["low"], cw, errors)
            hi = _bound(kind, claim["high"], cw, errors)
            if lo is not None and hi is not None and lo > hi:
                errors.append(f"{cw}: low {claim['low']} > high {claim['high']}")
    for surface, n in seen.items():
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        if len(re.findall(pattern, text)) > n:
            warnings.append(f"{where}: {surface!r} occurs more often than it is claimed")


def check_file(path, errors, warnings):
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        errors.append(f"{path.name}: does not parse: {exc}")
        return None
    lang = data.get("lang")
    if lang not in LANGS:
        errors.append(f"{path.name}: lang {lang!r} is not one of {sorted(LANGS)}")
    cases = data.get("case", [])
    if not cases:
        errors.append(f"{path.name}: no cases")
    lookalike = any(k in path.stem for k in LOOKALIKE)
    kinds = Counter()
    n_claims = n_empty = 0
    for i, case in enumerate(cases):
        where = f"{path.name} case {i + 1}"
        extra = set(case) - CASE_KEYS
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(case.get("text"), str) or not case["text"].strip():
            errors.append(f"{where}: no text")
            continue
        if not isinstance(case.get("claims"), list):
            errors.append(f"{where}: no claims list")
            continue
        if "date" in case and not isinstance(case["date"], dt.date):
            errors.append(f"{where}: date is not a TOML date")
        if not case["claims"]:
            n_empty += 1
            if not case.get("note"):
                (errors if lookalike else warnings).append(f"{where}: no-claim case without a note")
        elif lookalike and not case.get("note"):
            errors.append(f"{where}: look-alike case without a note")
        check_claims(case, where, errors, warnings)
        n_claims += len(case["claims"])
        kinds.update(c.get("kind") for c in case["claims"])
    return {
        "lang": lang,
        "cases": len(cases),
        "claims": n_claims,
        "empty": n_empty,
        "kinds": kinds,
    }


def main():
    errors, warnings = [], []
    stats = {}
    files = sorted(HERE.glob("*.toml"))
    if not files:
        errors.append("no .toml files")
    for path in files:
        s = check_file(path, errors, warnings)
        if s:
            stats[path.name] = s
    print("| file | lang | cases | claims | no-claim cases |")
    print("|---|---|---:|---:|---:|")
    for name, s in stats.items():
        print(f"| {name} | {s['lang']} | {s['cases']} | {s['claims']} | {s['empty']} |")
    kinds = sorted(KINDS)
    print()
    print("| lang | cases | no-claim | claims | " + " | ".join(kinds) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(kinds))
    for lang in [*sorted(LANGS, key=["en", "fr", "es"].index), "all"]:
        sel = [s for s in stats.values() if lang in (s["lang"], "all")]
        total = Counter()
        for s in sel:
            total.update(s["kinds"])
        row = [sum(s[k] for s in sel) for k in ("cases", "empty", "claims")]
        row += [total[k] for k in kinds]
        print(f"| {lang} | " + " | ".join(str(x) for x in row) + " |")
    print()
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
