#!/usr/bin/env python3
"""Check gold.jsonl against the texts in clusters/ (stdlib only; does not run numcheck).

Checks: every field present and well typed, labels valid, fact ids (cluster, fact) unique,
every file exists, every surface occurs verbatim in its file, and each fact has at least
2 mentions in at least 2 different articles. Exit status 0 when clean, 1 otherwise.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most", "range"}
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


def check_mention(where, cdir, m, texts):
    errors = []
    for key, typ in (("file", str), ("surface", str), ("approx", str)):
        if not isinstance(m.get(key), typ):
            errors.append(f"{where}: mention field {key!r} missing or not {typ.__name__}")
    value = m.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(f"{where}: mention value missing or not a number")
    if errors:
        return errors
    if m["approx"] not in APPROX:
        errors.append(f"{where}: approx {m['approx']!r} not one of {sorted(APPROX)}")
    if m["approx"] == "range" and not isinstance(m.get("value_high"), (int, float)):
        errors.append(f"{where}: a range needs a numeric value_high")
    path = os.path.join(cdir, m["file"])
    if not os.path.isfile(path):
        return errors + [f"{where}: file {m['file']!r} not found"]
    if path not in texts:
        with open(path, encoding="utf-8") as fh:
            texts[path] = fh.read()
    if not m["surface"].strip():
        errors.append(f"{where}: empty surface")
    elif m["surface"] not in texts[path]:
        errors.append(f"{where}: surface {m['surface']!r} not in {m['file']}")
    return errors


def check(corpus):
    errors = []
    seen = set()
    texts = {}
    facts = conflicts = 0
    gold_path = os.path.join(corpus, "gold.jsonl")
    with open(gold_path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line")
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: bad JSON: {exc}")
            continue
        bad = [k for k, t in FACT_FIELDS.items() if not isinstance(fact.get(k), t)]
        if bad:
            errors.append(f"line {n}: fields missing or mistyped: {bad}")
            continue
        facts += 1
        key = (fact["cluster"], fact["fact"])
        if key in seen:
            errors.append(f"line {n}: duplicate fact id {key}")
        seen.add(key)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"line {n}: verdict {fact['verdict']!r} not in {sorted(VERDICTS)}")
        conflicts += fact["verdict"] == "conflict"
        if fact["verdict"] == "agree" and fact["explained_by_time"]:
            errors.append(f"line {n}: an agree fact cannot be explained_by_time")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"line {n}: cluster folder {fact['cluster']!r} not found")
            continue
        files = set()
        for i, m in enumerate(fact["mentions"]):
            where = f"line {n} ({fact['fact']}) mention {i}"
            if not isinstance(m, dict):
                errors.append(f"{where}: not an object")
                continue
            errors += check_mention(where, cdir, m, texts)
            files.add(m.get("file"))
        if len(fact["mentions"]) < 2 or len(files) < 2:
            errors.append(f"line {n}: needs at least 2 mentions in at least 2 files")
    return errors, facts, conflicts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else HERE
    errors, facts, conflicts = check(corpus)
    for e in errors:
        print(e)
    status = "FAIL" if errors else "OK"
    print(f"{status}: {facts} facts, {conflicts} conflicts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
