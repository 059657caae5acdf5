#!/usr/bin/env python3
"""Check the form of gold.jsonl against the cluster texts (stdlib only).

Checks: every field present and well typed, approx and verdict in their allowed sets,
explained_by_time true only on a conflict, every surface verbatim in its file, every fact
with at least 2 mentions in at least 2 files, every article with a headline and no blank
paragraph lines. Does not run any checker. Exit status 0 when all is well.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
VERDICTS = {"agree", "conflict"}
STR_FIELDS = ("cluster", "fact", "entity", "measure", "verdict", "note")


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_fact(n, fact, texts, errors):
    where = f"line {n}"
    for key in STR_FIELDS:
        if not isinstance(fact.get(key), str) or not fact.get(key):
            errors.append(f"{where}: field {key!r} missing or not a non-empty string")
    if not isinstance(fact.get("explained_by_time"), bool):
        errors.append(f"{where}: explained_by_time missing or not a bool")
    if fact.get("verdict") not in VERDICTS:
        errors.append(f"{where}: verdict {fact.get('verdict')!r} not in {sorted(VERDICTS)}")
    if fact.get("explained_by_time") is True and fact.get("verdict") != "conflict":
        errors.append(f"{where}: explained_by_time true on a non-conflict")
    cluster = fact.get("cluster")
    cdir = os.path.join(HERE, "clusters", str(cluster))
    if not os.path.isdir(cdir):
        errors.append(f"{where}: no cluster folder {cluster!r}")
        return
    mentions = fact.get("mentions")
    if not isinstance(mentions, list) or len(mentions) < 2:
        errors.append(f"{where}: mentions missing or fewer than 2")
        return
    files = set()
    values = []
    for i, m in enumerate(mentions):
        mw = f"{where} mention {i}"
        if not isinstance(m, dict):
            errors.append(f"{mw}: not an object")
            continue
        fname = m.get("file")
        surface = m.get("surface")
        if not isinstance(fname, str) or not fname.endswith(".txt"):
            errors.append(f"{mw}: file missing or not a .txt name")
            continue
        if not isinstance(surface, str) or not surface:
            errors.append(f"{mw}: surface missing or empty")
            continue
        if not is_number(m.get("value")):
            errors.append(f"{mw}: value missing or not a number")
        else:
            values.append(m["value"])
        if m.get("approx") not in APPROX:
            errors.append(f"{mw}: approx {m.get('approx')!r} not in {sorted(APPROX)}")
        if "as_written" in m and (not isinstance(m["as_written"], str) or not m["as_written"]):
            errors.append(f"{mw}: as_written present but not a non-empty string")
        extra = set(m) - {"file", "surface", "value", "approx", "as_written"}
        if extra:
            errors.append(f"{mw}: unknown keys {sorted(extra)}")
        path = os.path.join(cdir, fname)
        if path not in texts:
            if not os.path.isfile(path):
                errors.append(f"{mw}: no file {cluster}/{fname}")
                continue
            with open(path, encoding="utf-8") as fh:
                texts[path] = fh.read()
        if surface not in texts[path]:
            errors.append(f"{mw}: surface {surface!r} not found in {cluster}/{fname}")
        files.add(fname)
    if len(files) < 2:
        errors.append(f"{where}: mentions in fewer than 2 files")
    if fact.get("verdict") == "conflict" and len(set(values)) < 2:
        errors.append(f"{where}: conflict whose mentions all have the same value")


def check_articles(errors):
    root = os.path.join(HERE, "clusters")
    count = 0
    for cluster in sorted(os.listdir(root)):
        cdir = os.path.join(root, cluster)
        for fname in sorted(os.listdir(cdir)):
            if not fname.endswith(".txt"):
                continue
            count += 1
            with open(os.path.join(cdir, fname), encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            if lines and lines[-1] == "":
                lines = lines[:-1]
            if len(lines) < 3 or not lines[0].strip():
                errors.append(f"{cluster}/{fname}: needs a headline and paragraphs")
            if any(not line.strip() for line in lines):
                errors.append(f"{cluster}/{fname}: blank line (one paragraph per line expected)")
    return count


def main():
    errors = []
    texts = {}
    facts = []
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: bad JSON ({exc})")
                continue
            facts.append(fact)
            check_fact(n, fact, texts, errors)
    articles = check_articles(errors)
    for err in errors:
        print(err)
    conflicts = sum(f.get("verdict") == "conflict" for f in facts)
    timed = sum(f.get("explained_by_time") is True for f in facts)
    print(f"articles={articles} facts={len(facts)} conflicts={conflicts} explained_by_time={timed} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
