#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Checks: every line is a JSON object with the expected fields and types, every cluster and
file exists, every surface occurs verbatim in its file, (cluster, fact) ids are unique,
every fact has at least 2 mentions in at least 2 different files, and labels are valid.

Usage: python3 check_gold.py [CORPUS_DIR]   (default: the folder this script is in)
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
MENTION_FIELDS = {"file": str, "surface": str, "approx": str}


def check_mention(cdir, where, m, texts, errors):
    if not isinstance(m, dict):
        errors.append(f"{where}: mention is not an object")
        return None
    for key, typ in MENTION_FIELDS.items():
        if not isinstance(m.get(key), typ):
            errors.append(f"{where}: mention field {key!r} missing or not {typ.__name__}")
            return None
    value = m.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(f"{where}: mention value missing or not a number")
    if m["approx"] not in APPROX:
        errors.append(f"{where}: approx {m['approx']!r} not in {sorted(APPROX)}")
    if "as_written" in m and not isinstance(m["as_written"], str):
        errors.append(f"{where}: as_written is not a string")
    path = os.path.join(cdir, m["file"])
    if not os.path.isfile(path):
        errors.append(f"{where}: file {m['file']!r} does not exist")
        return None
    if path not in texts:
        with open(path, encoding="utf-8") as fh:
            texts[path] = fh.read()
    if not m["surface"].strip():
        errors.append(f"{where}: empty surface")
    elif m["surface"] not in texts[path]:
        errors.append(f"{where}: surface {m['surface']!r} not found in {m['file']}")
    return m["file"]


def check_fact(corpus, lineno, fact, seen, texts, errors):
    where = f"line {lineno}"
    if not isinstance(fact, dict):
        errors.append(f"{where}: not a JSON object")
        return
    for key, typ in FACT_FIELDS.items():
        if not isinstance(fact.get(key), typ):
            errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
            return
    where = f"line {lineno} ({fact['cluster']} / {fact['fact']})"
    key = (fact["cluster"], fact["fact"])
    if key in seen:
        errors.append(f"{where}: duplicate fact id (also line {seen[key]})")
    seen[key] = lineno
    if fact["verdict"] not in VERDICTS:
        errors.append(f"{where}: verdict {fact['verdict']!r} not in {sorted(VERDICTS)}")
    if fact["verdict"] == "agree" and fact["explained_by_time"]:
        errors.append(f"{where}: explained_by_time is true on an agree fact")
    cdir = os.path.join(corpus, "clusters", fact["cluster"])
    if not os.path.isdir(cdir):
        errors.append(f"{where}: cluster folder does not exist")
        return
    files = set()
    for mi, m in enumerate(fact["mentions"]):
        name = check_mention(cdir, f"{where} mention {mi}", m, texts, errors)
        if name:
            files.add(name)
    if len(fact["mentions"]) < 2:
        errors.append(f"{where}: fewer than 2 mentions")
    if len(files) < 2:
        errors.append(f"{where}: mentions in fewer than 2 different files")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors = []
    seen = {}
    texts = {}
    facts = []
    with open(os.path.join(corpus, "gold.jsonl"), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {lineno}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {lineno}: invalid JSON: {exc}")
                continue
            facts.append(fact)
            check_fact(corpus, lineno, fact, seen, texts, errors)
    clusters_dir = os.path.join(corpus, "clusters")
    clusters = sorted(os.listdir(clusters_dir))
    articles = sum(1 for c in clusters for f in os.listdir(os.path.join(clusters_dir, c)) if f.endswith(".txt"))
    annotated = {f.get("cluster") for f in facts if isinstance(f, dict)}
    for c in clusters:
        if c not in annotated:
            errors.append(f"cluster {c!r} has no annotated fact")
    conflicts = sum(1 for f in facts if isinstance(f, dict) and f.get("verdict") == "conflict")
    for err in errors:
        print("ERROR", err)
    print(
        f"clusters={len(clusters)} articles={articles} facts={len(facts)} "
        f"conflicts={conflicts} agrees={len(facts) - conflicts} errors={len(errors)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
