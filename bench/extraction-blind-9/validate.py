"""Check the sealed extraction set 9 and print its counts.

Standard library only (Python 3.11+): python3 validate.py
"""

import datetime as dt
import pathlib
import re
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
LANGS = {"en", "fr", "es"}
KINDS = ("count", "percent", "money", "date", "duration", "ordinal", "quantity", "time")
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
CASE_KEYS = {"text", "date", "lang", "claims", "note"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
LOOKALIKE = ("lookalikes", "faux_amis", "falsos_amigos")
WORD = re.compile(r"\w", re.UNICODE)


def bound(value, kind, where, errors):
    """Return a comparable bound, or None for "none"; record an error if bad."""
    if value == "none":
        return None
    if kind == "date":
        if not isinstance(value, str):
            errors.append(f"{where}: a date bound must be an ISO string")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            errors.append(f"{where}: bad ISO date {value!r}")
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(f"{where}: bound {value!r} is not a number")
        return None
    return value


def occurrences(text, surface):
    """Start offsets of surface in text where it is not inside a word."""
    out = []
    start = text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        inside = (WORD.match(surface[0]) and WORD.match(before)) or (WORD.match(surface[-1]) and WORD.match(after))
        if not inside:
            out.append(start)
        start = text.find(surface, start + 1)
    return out


def check_claim(claim, text, seen, last, where, errors):
    """Check one claim; return its start offset in the text (or last on error)."""
    for key in claim:
        if key not in CLAIM_KEYS:
            errors.append(f"{where}: unknown key {key!r}")
    surface = claim.get("surface")
    kind = claim.get("kind")
    if not isinstance(surface, str) or not surface:
        errors.append(f"{where}: missing surface")
        return last
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind!r}")
    if "approx" in claim and claim["approx"] not in APPROX:
        errors.append(f"{where}: bad approx {claim['approx']!r}")
    if ("low" in claim) != ("high" in claim):
        errors.append(f"{where}: low and high must come in pairs")
    elif "low" in claim:
        low = bound(claim["low"], kind, where, errors)
        high = bound(claim["high"], kind, where, errors)
        if low is not None and high is not None and low > high:
            errors.append(f"{where}: low {claim['low']} > high {claim['high']}")
    n = seen.get(surface, 0)
    seen[surface] = n + 1
    found = occurrences(text, surface)
    if len(found) <= n:
        errors.append(f"{where}: surface {surface!r} (occurrence {n + 1}) not in text")
        return last
    start = found[n]
    if start < last:
        errors.append(f"{where}: surface {surface!r} out of text order")
    return start


def check_file(path, errors, warnings):
    """Check one TOML file; return (lang, cases, claims, no-claim cases, kinds)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        errors.append(f"{path.name}: does not parse: {exc}")
        return None
    lang = data.get("lang")
    if lang not in LANGS:
        errors.append(f"{path.name}: missing or bad top-level lang {lang!r}")
    cases = data.get("case", [])
    if not cases:
        errors.append(f"{path.name}: no cases")
    lookalike = any(tag in path.name for tag in LOOKALIKE)
    n_claims = n_empty = 0
    kinds = dict.fromkeys(KINDS, 0)
    for i, case in enumerate(cases, 1):
        where = f"{path.name} case {i}"
        for key in case:
            if key not in CASE_KEYS:
                errors.append(f"{where}: unknown key {key!r}")
        text = case.get("text")
        claims = case.get("claims")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: missing text")
            continue
        if not isinstance(claims, list):
            errors.append(f"{where}: missing claims")
            continue
        if "date" in case and not isinstance(case["date"], dt.date):
            errors.append(f"{where}: date must be a TOML date")
        if lookalike and not case.get("note"):
            errors.append(f"{where}: look-alike case without a note")
        if not claims:
            n_empty += 1
            if not case.get("note") and not lookalike:
                warnings.append(f"{where}: no-claim case without a note")
        seen = {}
        last = -1
        for j, claim in enumerate(claims, 1):
            if not isinstance(claim, dict):
                errors.append(f"{where} claim {j}: not a table")
                continue
            last = check_claim(claim, text, seen, last, f"{where} claim {j}", errors)
            if claim.get("kind") in kinds:
                kinds[claim["kind"]] += 1
        n_claims += len(claims)
    return lang, len(cases), n_claims, n_empty, kinds


def main():
    errors = []
    warnings = []
    rows = []
    for path in sorted(HERE.glob("*.toml")):
        result = check_file(path, errors, warnings)
        if result:
            rows.append((path.name, *result))
    print("| file | lang | cases | claims | no-claim cases |")
    print("|---|---|---:|---:|---:|")
    for name, lang, cases, claims, empty, _ in rows:
        print(f"| {name} | {lang} | {cases} | {claims} | {empty} |")
    print()
    head = "| lang | cases | no-claim | claims | " + " | ".join(KINDS) + " |"
    print(head)
    print("|---|" + "---:|" * (3 + len(KINDS)))
    for lang in ("en", "fr", "es", "all"):
        sel = [r for r in rows if lang in (r[1], "all")]
        kinds = [sum(r[5][k] for r in sel) for k in KINDS]
        cases = sum(r[2] for r in sel)
        empty = sum(r[4] for r in sel)
        claims = sum(r[3] for r in sel)
        cells = " | ".join(str(k) for k in kinds)
        print(f"| {lang} | {cases} | {empty} | {claims} | {cells} |")
    print()
    for line in warnings:
        print("warning:", line)
    for line in errors:
        print("error:", line)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
