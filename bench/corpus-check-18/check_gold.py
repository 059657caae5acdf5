#!/usr/bin/env python3
"""Check gold.jsonl against the clusters (stdlib only; does not run numcheck).

Checks: every line is a JSON object with the expected fields and types; every
cluster folder and article file exists; every mention's surface occurs verbatim
in its file; (cluster, fact) ids are unique; each fact has at least two
mentions in at least two different articles; verdict, approx and
explained_by_time are valid.

Usage: python3 check_gold.py [CORPUS_DIR]
"""

import json
import os
import sys

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
VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}


def check_fact(root, lineno, fact, texts, errors):
    def err(msg):
        errors.append(f"line {lineno}: {msg}")

    before = len(errors)
    for name, kind in FACT_FIELDS.items():
        if name not in fact:
            err(f"missing field {name!r}")
        elif not isinstance(fact[name], kind):
            err(f"field {name!r} has type {type(fact[name]).__name__}")
    if len(errors) > before:
        return
    cdir = os.path.join(root, "clusters", fact["cluster"])
    if not os.path.isdir(cdir):
        err(f"no cluster folder {cdir}")
        return
    if fact["verdict"] not in VERDICTS:
        err(f"bad verdict {fact['verdict']!r}")
    if fact["explained_by_time"] and fact["verdict"] != "conflict":
        err("explained_by_time is true on an agree fact")
    files = set()
    for mi, men in enumerate(fact["mentions"]):
        where = f"mention {mi}"
        if not isinstance(men, dict):
            err(f"{where} is not an object")
            continue
        bad = False
        for name, kind in MENTION_FIELDS.items():
            if name not in men or isinstance(men[name], bool):
                err(f"{where} missing or bad field {name!r}")
                bad = True
            elif not isinstance(men[name], kind):
                err(f"{where} field {name!r} has type {type(men[name]).__name__}")
                bad = True
        if bad:
            continue
        if men["approx"] not in APPROX:
            err(f"{where} bad approx {men['approx']!r}")
        path = os.path.join(cdir, men["file"])
        if not os.path.isfile(path):
            err(f"{where} file not found: {path}")
            continue
        if path not in texts:
            with open(path, encoding="utf-8") as fh:
                texts[path] = fh.read()
        if not men["surface"]:
            err(f"{where} empty surface")
        elif men["surface"] not in texts[path]:
            err(f"{where} surface not in {men['file']}: {men['surface']!r}")
        files.add(men["file"])
    if len(fact["mentions"]) < 2:
        err("fewer than 2 mentions")
    if len(files) < 2:
        err("mentions in fewer than 2 different articles")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors = []
    texts = {}
    seen = set()
    facts = conflicts = timed = 0
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {lineno}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: bad JSON: {exc}")
                continue
            if not isinstance(fact, dict):
                errors.append(f"line {lineno}: not an object")
                continue
            key = (fact.get("cluster"), fact.get("fact"))
            if key in seen:
                errors.append(f"line {lineno}: duplicate fact id {key}")
            seen.add(key)
            check_fact(root, lineno, fact, texts, errors)
            facts += 1
            conflicts += fact.get("verdict") == "conflict"
            timed += fact.get("explained_by_time") is True
    for msg in errors:
        print(msg)
    clusters = os.path.join(root, "clusters")
    articles = sum(1 for c in os.listdir(clusters) for f in os.listdir(os.path.join(clusters, c)) if f.endswith(".txt"))
    print(
        f"{'FAIL' if errors else 'OK'}: {facts} facts, {conflicts} conflicts "
        f"({timed} explained by time), {len(seen)} unique ids, {articles} articles, "
        f"{len(errors)} errors"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
