#!/usr/bin/env python3
"""Check the form of gold.jsonl against the cluster texts (stdlib only).

Every fact has all fields, well typed; every mention's surface occurs verbatim in its file;
each fact has at least 2 mentions in at least 2 different files. Does not run numcheck.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FACT_FIELDS = {
    "cluster": str,
    "fact": str,
    "entity": str,
    "measure": str,
    "mentions": list,
    "verdict": str,
    "note": str,
    "explained_by_time": bool,
}
MENTION_FIELDS = {"file": str, "surface": str, "value": float, "approx": str}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
VERDICTS = {"agree", "conflict"}


def check_fact(n, fact, texts, errors):
    where = f"line {n}"
    for key, typ in FACT_FIELDS.items():
        if key not in fact:
            errors.append(f"{where}: missing field {key}")
        elif not isinstance(fact[key], typ):
            errors.append(f"{where}: field {key} is not {typ.__name__}")
    if errors and any(e.startswith(where + ":") for e in errors):
        return
    where = f"line {n} ({fact['cluster']} / {fact['fact']})"
    if fact["verdict"] not in VERDICTS:
        errors.append(f"{where}: bad verdict {fact['verdict']!r}")
    if fact["explained_by_time"] and fact["verdict"] != "conflict":
        errors.append(f"{where}: explained_by_time true on an agree fact")
    cdir = os.path.join(HERE, "clusters", fact["cluster"])
    if not os.path.isdir(cdir):
        errors.append(f"{where}: no cluster folder {cdir}")
        return
    files = set()
    for i, m in enumerate(fact["mentions"]):
        mw = f"{where} mention {i}"
        if not isinstance(m, dict):
            errors.append(f"{mw}: not an object")
            continue
        bad = False
        for key, typ in MENTION_FIELDS.items():
            if key not in m:
                errors.append(f"{mw}: missing field {key}")
                bad = True
            elif typ is float and (isinstance(m[key], bool) or not isinstance(m[key], (int, float))):
                errors.append(f"{mw}: value is not a number")
                bad = True
            elif typ is not float and not isinstance(m[key], typ):
                errors.append(f"{mw}: field {key} is not {typ.__name__}")
                bad = True
        if "as_written" in m and not isinstance(m["as_written"], str):
            errors.append(f"{mw}: as_written is not str")
        extra = set(m) - set(MENTION_FIELDS) - {"as_written"}
        if extra:
            errors.append(f"{mw}: unknown fields {sorted(extra)}")
        if bad:
            continue
        if m["approx"] not in APPROX:
            errors.append(f"{mw}: bad approx {m['approx']!r}")
        path = os.path.join(cdir, m["file"])
        if path not in texts:
            if not os.path.isfile(path):
                errors.append(f"{mw}: no file {m['file']}")
                continue
            with open(path, encoding="utf-8") as fh:
                texts[path] = fh.read()
        if not m["surface"] or m["surface"] not in texts[path]:
            errors.append(f"{mw}: surface {m['surface']!r} not found in {m['file']}")
        files.add(m["file"])
    if len(fact["mentions"]) < 2 or len(files) < 2:
        errors.append(f"{where}: needs at least 2 mentions in at least 2 files")


def main():
    errors = []
    texts = {}
    facts = 0
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: bad JSON ({exc})")
                continue
            if not isinstance(fact, dict):
                errors.append(f"line {n}: not an object")
                continue
            facts += 1
            check_fact(n, fact, texts, errors)
    for err in errors:
        print(err)
    if errors:
        print(f"FAIL: {len(errors)} problem(s) in {facts} facts")
        return 1
    print(f"OK: {facts} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
