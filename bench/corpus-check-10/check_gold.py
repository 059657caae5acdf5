#!/usr/bin/env python3
"""Stdlib-only sanity check for this corpus's gold.jsonl.

Checks: every line is a JSON object with the fields score_corpus.py and the README use
(cluster, fact, entity, measure, mentions[{file, surface, value, approx}], verdict, note,
explained_by_time); the cluster folder and each mention's file exist; every surface occurs
verbatim in its file; each fact has >= 2 mentions in >= 2 different files; verdict is
agree/conflict; explained_by_time is a bool and is true only for conflicts; approx is one
of the allowed hedges; value is a number. Warns (does not fail) when a surface occurs more
than once in its file or when an agree fact's values differ, or a conflict's do not.
Usage: python3 check_gold.py [CORPUS_DIR]   (exit 1 on any error)
"""

import json
import os
import sys

APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
FIELDS = ["cluster", "fact", "entity", "measure", "mentions", "verdict", "note", "explained_by_time"]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    texts = {}
    facts = []
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {ln}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {ln}: bad JSON: {e}")
                continue
            facts.append((ln, fact))
    seen_names = set()
    for ln, fact in facts:
        where = f"line {ln}"
        if not isinstance(fact, dict):
            errors.append(f"{where}: not an object")
            continue
        for k in FIELDS:
            if k not in fact:
                errors.append(f"{where}: missing field {k}")
        if any(k not in fact for k in FIELDS):
            continue
        where = f"line {ln} [{fact['cluster']} / {fact['fact']}]"
        for k in ["cluster", "fact", "entity", "measure", "note"]:
            if not isinstance(fact[k], str) or not fact[k].strip():
                errors.append(f"{where}: {k} must be a non-empty string")
        key = (fact["cluster"], fact["fact"])
        if key in seen_names:
            errors.append(f"{where}: duplicate fact name in cluster")
        seen_names.add(key)
        if fact["verdict"] not in ("agree", "conflict"):
            errors.append(f"{where}: verdict {fact['verdict']!r}")
        if not isinstance(fact["explained_by_time"], bool):
            errors.append(f"{where}: explained_by_time must be true/false")
        elif fact["explained_by_time"] and fact["verdict"] != "conflict":
            errors.append(f"{where}: explained_by_time true on an agree fact")
        cdir = os.path.join(root, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {cdir}")
            continue
        ms = fact["mentions"]
        if not isinstance(ms, list) or len(ms) < 2:
            errors.append(f"{where}: needs >= 2 mentions")
            continue
        files = set()
        values = []
        spans = []
        for mi, m in enumerate(ms):
            mw = f"{where} mention {mi}"
            if not isinstance(m, dict):
                errors.append(f"{mw}: not an object")
                continue
            for k in ["file", "surface", "value", "approx"]:
                if k not in m:
                    errors.append(f"{mw}: missing {k}")
            if any(k not in m for k in ["file", "surface", "value", "approx"]):
                continue
            if not isinstance(m["file"], str) or not m["file"].endswith(".txt") or "/" in m["file"]:
                errors.append(f"{mw}: file must be a bare .txt name: {m['file']!r}")
                continue
            if not isinstance(m["surface"], str) or not m["surface"].strip():
                errors.append(f"{mw}: empty surface")
                continue
            if isinstance(m["value"], bool) or not isinstance(m["value"], (int, float)):
                errors.append(f"{mw}: value must be a number")
            else:
                values.append(m["value"])
            if m["approx"] not in APPROX:
                errors.append(f"{mw}: approx {m['approx']!r}")
            if "as_written" in m and (not isinstance(m["as_written"], str) or m["as_written"] not in m["surface"]):
                errors.append(f"{mw}: as_written must be a string inside the surface")
            path = os.path.join(cdir, m["file"])
            if not os.path.isfile(path):
                errors.append(f"{mw}: no file {m['file']}")
                continue
            if path not in texts:
                texts[path] = open(path, encoding="utf-8").read()
            text = texts[path]
            n = text.count(m["surface"])
            if n == 0:
                errors.append(f"{mw}: surface not found in {m['file']}: {m['surface']!r}")
                continue
            if n > 1:
                warnings.append(f"{mw}: surface occurs {n} times in {m['file']}: {m['surface']!r}")
            if not any(ch.isdigit() for ch in m["surface"]) and not any(
                w in m["surface"].lower()
                for w in [
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "ten",
                    "eleven",
                    "twelve",
                    "seventeen",
                ]
            ):
                warnings.append(f"{mw}: surface has no visible number: {m['surface']!r}")
            files.add(m["file"])
            s = text.find(m["surface"])
            spans.append((m["file"], s, s + len(m["surface"])))
        if len(files) < 2:
            errors.append(f"{where}: mentions in only {len(files)} file(s)")
        for i in range(len(spans)):
            for j in range(i + 1, len(spans)):
                a, b = spans[i], spans[j]
                if a[0] == b[0] and a[1] < b[2] and b[1] < a[2]:
                    warnings.append(f"{where}: mentions {i} and {j} overlap in {a[0]}")
        if values:
            distinct = len(set(round(v, 6) for v in values))
            if fact["verdict"] == "conflict" and distinct < 2:
                warnings.append(f"{where}: conflict but all values equal")
    # mentions of different facts overlapping in the same file
    allspans = []
    for ln, fact in facts:
        if not isinstance(fact, dict) or "mentions" not in fact:
            continue
        for m in fact["mentions"]:
            path = os.path.join(root, "clusters", fact.get("cluster", ""), m.get("file", ""))
            t = texts.get(path)
            if t is None or m.get("surface") not in t:
                continue
            i = t.find(m["surface"])
            while i >= 0:
                allspans.append((path, i, i + len(m["surface"]), fact["fact"]))
                i = t.find(m["surface"], i + 1)
    allspans.sort()
    for i in range(len(allspans)):
        for j in range(i + 1, len(allspans)):
            a, b = allspans[i], allspans[j]
            if b[0] != a[0] or b[1] >= a[2]:
                break
            if a[3] != b[3]:
                warnings.append(f"mentions of different facts overlap in {os.path.basename(a[0])}: {a[3]!r} / {b[3]!r}")
    # every article in a cluster referenced? (informational)
    clusters = sorted({f["cluster"] for _, f in facts if isinstance(f, dict) and "cluster" in f})
    for c in clusters:
        cdir = os.path.join(root, "clusters", c)
        used = {m["file"] for _, f in facts if isinstance(f, dict) and f.get("cluster") == c for m in f.get("mentions", [])}
        for fn in sorted(os.listdir(cdir)):
            if fn.endswith(".txt") and fn not in used:
                warnings.append(f"{c}/{fn}: no annotated mention")
    ndirs = sorted(os.listdir(os.path.join(root, "clusters")))
    for d in ndirs:
        if d not in clusters:
            warnings.append(f"cluster folder {d} has no facts")
    n = len(facts)
    conf = sum(1 for _, f in facts if isinstance(f, dict) and f.get("verdict") == "conflict")
    ebt = sum(1 for _, f in facts if isinstance(f, dict) and f.get("explained_by_time") is True)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(
        f"facts={n} conflicts={conf} explained_by_time={ebt} same_time={conf - ebt} clusters={len(clusters)} "
        f"errors={len(errors)} warnings={len(warnings)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
