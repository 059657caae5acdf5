"""Check the sealed extraction set 11 and print its counts.

Standard library only (Python 3.11+): run ``python3 validate.py`` from anywhere.
"""

import datetime as dt
import pathlib
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
KINDS = {"count", "percent", "money", "date", "duration", "ordinal", "quantity", "time"}
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
CASE_KEYS = {"text", "date", "lang", "claims", "note"}
LANGS = {"en", "fr", "es"}
LOOKALIKE = ("en_lookalikes", "fr_faux_amis", "es_falsos_amigos")


def bound(value, kind, where, errors):
    """Return a comparable bound, or None for "none"; record an error if malformed."""
    if value == "none":
        return None
    if kind == "date":
        if not isinstance(value, str):
            errors.append(f"{where}: date bound {value!r} is not an ISO string")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            errors.append(f"{where}: bad ISO date {value!r}")
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        errors.append(f"{where}: bound {value!r} is not a number")
        return None
    return value


def word_char(ch):
    return ch.isalnum()


def check_claims(text, claims, where, errors, warnings):
    seen = {}
    last = -1
    for i, claim in enumerate(claims):
        cw = f"{where} claim {i + 1}"
        if not isinstance(claim, dict):
            errors.append(f"{cw}: not a table")
            continue
        extra = set(claim) - CLAIM_KEYS
        if extra:
            errors.append(f"{cw}: unknown keys {sorted(extra)}")
        surface = claim.get("surface")
        kind = claim.get("kind")
        if not isinstance(surface, str) or not surface:
            errors.append(f"{cw}: missing surface")
            continue
        if kind not in KINDS:
            errors.append(f"{cw}: bad kind {kind!r}")
        if "approx" in claim and claim["approx"] not in APPROX:
            errors.append(f"{cw}: bad approx {claim['approx']!r}")
        n = seen.get(surface, 0)
        seen[surface] = n + 1
        pos = -1
        for _ in range(n + 1):
            pos = text.find(surface, pos + 1)
            if pos < 0:
                break
        if pos < 0:
            errors.append(f"{cw}: surface {surface!r} (occurrence {n + 1}) not in text")
            continue
        if pos < last:
            errors.append(f"{cw}: surface {surface!r} out of text order")
        last = pos
        end = pos + len(surface)
        before = text[pos - 1] if pos > 0 else " "
        after = text[end] if end < len(text) else " "
        if (word_char(before) and word_char(surface[0])) or (word_char(after) and word_char(surface[-1])):
            warnings.append(f"{cw}: surface {surface!r} is inside a word")
        has_low, has_high = "low" in claim, "high" in claim
        if has_low != has_high:
            errors.append(f"{cw}: low and high must come in pairs")
        elif has_low:
            low = bound(claim["low"], kind, cw, errors)
            high = bound(claim["high"], kind, cw, errors)
            if low is not None and high is not None and low > high:
                errors.append(f"{cw}: low {claim['low']!r} > high {claim['high']!r}")


def check_file(path, errors, warnings):
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        errors.append(f"{name}: does not parse: {exc}")
        return None
    lang = data.get("lang")
    if lang not in LANGS:
        errors.append(f"{name}: missing or unknown top-level lang {lang!r}")
    cases = data.get("case", [])
    if not cases:
        errors.append(f"{name}: no cases")
    lookalike = path.stem in LOOKALIKE
    stats = {"cases": 0, "claims": 0, "empty": 0, "kinds": {}}
    for j, case in enumerate(cases):
        where = f"{name} case {j + 1}"
        extra = set(case) - CASE_KEYS
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        text = case.get("text")
        claims = case.get("claims")
        if not isinstance(text, str) or not text:
            errors.append(f"{where}: missing text")
            continue
        if not isinstance(claims, list):
            errors.append(f"{where}: missing claims")
            continue
        if "date" in case and not isinstance(case["date"], dt.date):
            errors.append(f"{where}: date is not a TOML date")
        if lookalike and not case.get("note"):
            errors.append(f"{where}: look-alike case without a note")
        check_claims(text, claims, where, errors, warnings)
        stats["cases"] += 1
        stats["claims"] += len(claims)
        stats["empty"] += not claims
        for claim in claims:
            kind = claim.get("kind")
            stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1
    stats["lang"] = lang
    return stats


def main():
    errors, warnings = [], []
    files = sorted(HERE.glob("*.toml"))
    rows = []
    for path in files:
        stats = check_file(path, errors, warnings)
        if stats is not None:
            rows.append((path.name, stats))
    print("| file | lang | cases | claims | no-claim cases |")
    print("|---|---|---:|---:|---:|")
    for name, s in rows:
        print(f"| {name} | {s['lang']} | {s['cases']} | {s['claims']} | {s['empty']} |")
    kinds = sorted(
        KINDS,
        key=[
            "count",
            "percent",
            "money",
            "date",
            "duration",
            "ordinal",
            "quantity",
            "time",
        ].index,
    )
    print()
    print("| lang | cases | no-claim | claims | " + " | ".join(kinds) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(kinds))
    total = {"cases": 0, "empty": 0, "claims": 0, "kinds": {}}
    for lang in ("en", "fr", "es"):
        agg = {"cases": 0, "empty": 0, "claims": 0, "kinds": {}}
        for _, s in rows:
            if s["lang"] != lang:
                continue
            for key in ("cases", "empty", "claims"):
                agg[key] += s[key]
                total[key] += s[key]
            for k, v in s["kinds"].items():
                agg["kinds"][k] = agg["kinds"].get(k, 0) + v
                total["kinds"][k] = total["kinds"].get(k, 0) + v
        cells = " | ".join(str(agg["kinds"].get(k, 0)) for k in kinds)
        print(f"| {lang} | {agg['cases']} | {agg['empty']} | {agg['claims']} | {cells} |")
    cells = " | ".join(str(total["kinds"].get(k, 0)) for k in kinds)
    print(f"| all | {total['cases']} | {total['empty']} | {total['claims']} | {cells} |")
    print()
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(files)} files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
