#!/usr/bin/env python3
"""Validate gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Checks: every line is JSON with the expected fields and types; every cluster and file exists;
every mention's surface occurs verbatim in its file; fact names are unique within a cluster;
each fact has at least 2 mentions in at least 2 different articles; verdict, approx and
explained_by_time are valid. Prints a summary; exits 1 on any problem.

Usage: python3 check_gold.py [CORPUS_DIR]
"""

import json
import os
import sys

VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
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
MENTION_FIELDS = {"file": str, "surface": str, "value": (int, float), "approx": str}


def check_fact(n, fact, root, texts, seen, errors):
    for key, typ in FACT_FIELDS.items():
        if not isinstance(fact.get(key), typ):
            errors.append(f"line {n}: field {key!r} missing or not {typ}")
            return
    cluster = fact["cluster"]
    cdir = os.path.join(root, "clusters", cluster)
    if not os.path.isdir(cdir):
        errors.append(f"line {n}: cluster {cluster!r} not found")
        return
    ident = (cluster, fact["fact"])
    if ident in seen:
        errors.append(f"line {n}: duplicate fact {ident}")
    seen.add(ident)
    if fact["verdict"] not in VERDICTS:
        errors.append(f"line {n}: bad verdict {fact['verdict']!r}")
    if fact["verdict"] == "agree" and fact["explained_by_time"]:
        errors.append(f"line {n}: agree fact cannot be explained_by_time")
    files = set()
    for m in fact["mentions"]:
        if not isinstance(m, dict):
            errors.append(f"line {n}: mention is not an object")
            continue
        for key, typ in MENTION_FIELDS.items():
            if not isinstance(m.get(key), typ) or isinstance(m.get(key), bool):
                errors.append(f"line {n}: mention field {key!r} missing or bad")
                break
        else:
            if m["approx"] not in APPROX:
                errors.append(f"line {n}: bad approx {m['approx']!r}")
            path = os.path.join(cdir, m["file"])
            if path not in texts:
                if not os.path.isfile(path):
                    errors.append(f"line {n}: file {cluster}/{m['file']} missing")
                    continue
                with open(path, encoding="utf-8") as fh:
                    texts[path] = fh.read()
            if not m["surface"] or m["surface"] not in texts[path]:
                errors.append(f"line {n}: surface {m['surface']!r} not in {cluster}/{m['file']}")
            files.add(m["file"])
    if len(fact["mentions"]) < 2:
        errors.append(f"line {n}: fewer than 2 mentions")
    if len(files) < 2:
        errors.append(f"line {n}: mentions in fewer than 2 articles")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, texts, seen = [], {}, set()
    facts = []
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: invalid JSON ({exc})")
                continue
            if not isinstance(fact, dict):
                errors.append(f"line {n}: not an object")
                continue
            facts.append(fact)
            check_fact(n, fact, root, texts, seen, errors)
    clusters = sorted({f.get("cluster") for f in facts if isinstance(f.get("cluster"), str)})
    articles = 0
    for cluster in clusters:
        cdir = os.path.join(root, "clusters", cluster)
        if os.path.isdir(cdir):
            articles += len([x for x in os.listdir(cdir) if x.endswith(".txt")])
    conflicts = [f for f in facts if f.get("verdict") == "conflict"]
    timed = [f for f in conflicts if f.get("explained_by_time") is True]
    mentions = sum(len(f.get("mentions", [])) for f in facts)
    print(
        f"clusters={len(clusters)} articles={articles} facts={len(facts)} "
        f"mentions={mentions} conflicts={len(conflicts)} (explained_by_time={len(timed)}) "
        f"agree={len(facts) - len(conflicts)}"
    )
    for err in errors:
        print("ERROR", err)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
