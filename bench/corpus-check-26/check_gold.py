#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Usage: python3 check_gold.py [CORPUS_DIR]

Checks: every field present and well typed, every file exists, every surface occurs
verbatim in its file, fact ids (cluster + fact) unique, each fact has at least two
mentions in at least two different articles, verdict and approx labels valid.
"""

import json
import os
import sys

FIELDS = {
    "cluster": str,
    "fact": str,
    "entity": str,
    "measure": str,
    "mentions": list,
    "verdict": str,
    "note": str,
    "explained_by_time": bool,
}
VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}


def check_fact(root, lineno, fact, texts):
    errors = []
    for name, kind in FIELDS.items():
        if not isinstance(fact.get(name), kind):
            errors.append(f"line {lineno}: field {name!r} missing or not {kind.__name__}")
    if errors:
        return errors
    if fact["verdict"] not in VERDICTS:
        errors.append(f"line {lineno}: bad verdict {fact['verdict']!r}")
    if fact["explained_by_time"] and fact["verdict"] != "conflict":
        errors.append(f"line {lineno}: explained_by_time true on an agree fact")
    cdir = os.path.join(root, "clusters", fact["cluster"])
    files = set()
    for i, m in enumerate(fact["mentions"]):
        where = f"line {lineno} mention {i}"
        if not isinstance(m, dict):
            errors.append(f"{where}: not an object")
            continue
        for name in ("file", "surface", "approx"):
            if not isinstance(m.get(name), str) or not m.get(name):
                errors.append(f"{where}: field {name!r} missing or empty")
        value = m.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            errors.append(f"{where}: value must be a number or an ISO date string")
        if m.get("approx") not in APPROX:
            errors.append(f"{where}: bad approx {m.get('approx')!r}")
        path = os.path.join(cdir, str(m.get("file")))
        if not os.path.isfile(path):
            errors.append(f"{where}: no file {path}")
            continue
        if path not in texts:
            with open(path, encoding="utf-8") as fh:
                texts[path] = fh.read()
        if str(m.get("surface")) not in texts[path]:
            errors.append(f"{where}: surface {m.get('surface')!r} not in {m['file']}")
        files.add(m["file"])
    if len(fact["mentions"]) < 2:
        errors.append(f"line {lineno}: fewer than 2 mentions")
    if len(files) < 2:
        errors.append(f"line {lineno}: mentions in fewer than 2 articles")
    return errors


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, seen, texts = [], set(), {}
    facts = conflicts = 0
    clusters = set()
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: bad JSON ({exc})")
                continue
            key = (fact.get("cluster"), fact.get("fact"))
            if key in seen:
                errors.append(f"line {lineno}: duplicate fact id {key}")
            seen.add(key)
            errors.extend(check_fact(root, lineno, fact, texts))
            facts += 1
            conflicts += fact.get("verdict") == "conflict"
            clusters.add(fact.get("cluster"))
    articles = 0
    for cluster in sorted(c for c in clusters if isinstance(c, str)):
        cdir = os.path.join(root, "clusters", cluster)
        if os.path.isdir(cdir):
            articles += len([f for f in os.listdir(cdir) if f.endswith(".txt")])
    for err in errors:
        print(err)
    print(
        f"clusters={len(clusters)} articles={articles} facts={facts} "
        f"conflicts={conflicts} agree={facts - conflicts} errors={len(errors)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
