#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Checks: every line is JSON with the expected fields and types, every fact id
(cluster, fact) is unique, every cluster folder and mention file exists, every
surface occurs verbatim in its file, each fact has at least 2 mentions in at
least 2 different articles, and verdict / approx / explained_by_time are valid.
Exit status 0 when clean, 1 otherwise.
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
MENTION_FIELDS = {"file": str, "surface": str, "approx": str}
VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}


def check_mention(cdir, m, where, texts, errors):
    for key, typ in MENTION_FIELDS.items():
        if not isinstance(m.get(key), typ):
            errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
            return
    value = m.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        errors.append(f"{where}: value missing or not a number/string")
    if m["approx"] not in APPROX:
        errors.append(f"{where}: bad approx {m['approx']!r}")
    path = os.path.join(cdir, m["file"])
    if not os.path.isfile(path):
        errors.append(f"{where}: file {m['file']} does not exist")
        return
    if path not in texts:
        with open(path, encoding="utf-8") as fh:
            texts[path] = fh.read()
    if not m["surface"]:
        errors.append(f"{where}: empty surface")
    elif m["surface"] not in texts[path]:
        errors.append(f"{where}: surface {m['surface']!r} not found in {m['file']}")


def check_fact(fact, where, seen, texts, errors):
    for key, typ in FACT_FIELDS.items():
        if not isinstance(fact.get(key), typ):
            errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
            return
    key = (fact["cluster"], fact["fact"])
    if key in seen:
        errors.append(f"{where}: duplicate fact id {key}")
    seen.add(key)
    if fact["verdict"] not in VERDICTS:
        errors.append(f"{where}: bad verdict {fact['verdict']!r}")
    if fact["explained_by_time"] and fact["verdict"] != "conflict":
        errors.append(f"{where}: explained_by_time true on a non-conflict")
    cdir = os.path.join(HERE, "clusters", fact["cluster"])
    if not os.path.isdir(cdir):
        errors.append(f"{where}: cluster folder {fact['cluster']} does not exist")
        return
    mentions = fact["mentions"]
    if len(mentions) < 2:
        errors.append(f"{where}: fewer than 2 mentions")
    files = set()
    for i, m in enumerate(mentions):
        if not isinstance(m, dict):
            errors.append(f"{where} mention {i}: not an object")
            continue
        check_mention(cdir, m, f"{where} mention {i}", texts, errors)
        if isinstance(m.get("file"), str):
            files.add(m["file"])
    if len(files) < 2:
        errors.append(f"{where}: mentions in fewer than 2 different articles")


def main():
    errors, seen, texts = [], set(), {}
    facts = conflicts = 0
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            where = f"gold.jsonl:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: bad JSON ({exc})")
                continue
            if not isinstance(fact, dict):
                errors.append(f"{where}: not an object")
                continue
            facts += 1
            conflicts += fact.get("verdict") == "conflict"
            check_fact(fact, where, seen, texts, errors)
    for err in errors:
        print(err)
    clusters = len({c for c, _ in seen})
    print(f"{facts} facts ({conflicts} conflicts) in {clusters} clusters: ", end="")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
