"""Check the sealed extraction set 10 and print its counts.

Standard library only (Python 3.11+): python3 validate.py
"""

import datetime
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {
    "count",
    "percent",
    "money",
    "date",
    "duration",
    "ordinal",
    "quantity",
    "time",
}
APPROX = {"exact", "about", "at_least", "at_most", "range", "vague"}
LANGS = {"en", "fr", "es"}
CASE_KEYS = {"text", "date", "lang", "claims", "note"}
CLAIM_KEYS = {"surface", "kind", "low", "high", "approx", "unit", "note"}
LOOKALIKE_FILES = ("lookalikes", "faux_amis", "falsos_amigos")


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_surface(text: str, surface: str, start: int) -> int:
    """Index of the first whole-word occurrence of surface at or after start."""
    pos = text.find(surface, start)
    while pos >= 0:
        end = pos + len(surface)
        before_ok = pos == 0 or not (is_word_char(text[pos - 1]) and is_word_char(surface[0]))
        after_ok = end == len(text) or not (is_word_char(text[end]) and is_word_char(surface[-1]))
        if before_ok and after_ok:
            return pos
        pos = text.find(surface, pos + 1)
    return -1


def bound(value: object, kind: str) -> object:
    """A bound as a comparable value, or raise TypeError/ValueError."""
    if value == "none":
        return None
    if kind == "date":
        if not isinstance(value, str):
            raise TypeError(f"date bound {value!r} is not an ISO date string")
        return datetime.date.fromisoformat(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"bound {value!r} is not a number")
    return value


def check_claims(where: str, text: str, claims: list, errors: list) -> None:
    seen: Counter = Counter()
    last_start = -1
    for j, claim in enumerate(claims):
        cw = f"{where} claim {j + 1}"
        if not isinstance(claim, dict):
            errors.append(f"{cw}: not a table")
            continue
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
        if "approx" in claim and claim["approx"] not in APPROX:
            errors.append(f"{cw}: approx {claim['approx']!r} is unknown")
        # the n-th claim with a surface is its n-th occurrence in the text
        pos = -1
        for _ in range(seen[surface] + 1):
            pos = find_surface(text, surface, pos + 1)
            if pos < 0:
                break
        seen[surface] += 1
        if pos < 0:
            errors.append(f"{cw}: surface {surface!r} not found in text")
            continue
        if pos < last_start:
            errors.append(f"{cw}: surface {surface!r} out of text order")
        last_start = pos
        if ("low" in claim) != ("high" in claim):
            errors.append(f"{cw}: low and high must come as a pair")
            continue
        if "low" in claim:
            try:
                low = bound(claim["low"], kind)
                high = bound(claim["high"], kind)
            except (TypeError, ValueError) as exc:
                errors.append(f"{cw}: {exc}")
                continue
            if low is not None and high is not None and low > high:
                errors.append(f"{cw}: low {low} > high {high}")


def check_file(path: Path, errors: list) -> dict:
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        errors.append(f"{name}: does not parse: {exc}")
        return {}
    lang = data.get("lang")
    if lang not in LANGS:
        errors.append(f"{name}: top-level lang missing or unknown ({lang!r})")
    cases = data.get("case", [])
    if not cases:
        errors.append(f"{name}: no cases")
    lookalike = any(tag in name for tag in LOOKALIKE_FILES)
    stats = {"lang": lang, "cases": 0, "claims": 0, "empty": 0, "kinds": Counter()}
    for i, case in enumerate(cases):
        where = f"{name} case {i + 1}"
        stats["cases"] += 1
        extra = set(case) - CASE_KEYS
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        text = case.get("text")
        claims = case.get("claims")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: no text")
            continue
        if not isinstance(claims, list):
            errors.append(f"{where}: no claims list")
            continue
        if "date" in case and not isinstance(case["date"], datetime.date):
            errors.append(f"{where}: date is not a TOML date")
        if lookalike and not case.get("note"):
            errors.append(f"{where}: look-alike case without a note")
        stats["claims"] += len(claims)
        stats["empty"] += not claims
        for claim in claims:
            if isinstance(claim, dict) and claim.get("kind") in KINDS:
                stats["kinds"][claim["kind"]] += 1
        check_claims(where, text, claims, errors)
    return stats


def main() -> int:
    errors: list = []
    files = sorted(HERE.glob("*.toml"))
    if not files:
        print("no .toml files found")
        return 1
    rows = [(path.name, check_file(path, errors)) for path in files]
    print("| file | lang | cases | claims | no-claim cases |")
    print("|---|---|---:|---:|---:|")
    for name, st in rows:
        if st:
            print(f"| {name} | {st['lang']} | {st['cases']} | {st['claims']} | {st['empty']} |")
    kinds = sorted(KINDS)
    print()
    print("| lang | cases | no-claim | claims | " + " | ".join(kinds) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(kinds))
    totals: dict = {}
    for _, st in rows:
        if not st:
            continue
        for key in (st["lang"], "all"):
            t = totals.setdefault(key, {"cases": 0, "empty": 0, "claims": 0, "kinds": Counter()})
            t["cases"] += st["cases"]
            t["empty"] += st["empty"]
            t["claims"] += st["claims"]
            t["kinds"].update(st["kinds"])
    for key in ["en", "fr", "es", "all"]:
        if key in totals:
            t = totals[key]
            cells = " | ".join(str(t["kinds"][k]) for k in kinds)
            print(f"| {key} | {t['cases']} | {t['empty']} | {t['claims']} | {cells} |")
    print()
    for err in errors:
        print("ERROR", err)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
