#!/usr/bin/env python3
"""Check gold.jsonl against the clusters of this corpus (stdlib only).

Checks: every field present and well typed, every file exists, every surface occurs
verbatim in its file, fact names unique within a cluster, each fact with at least
2 mentions in at least 2 different articles, verdict and approx labels valid, and
explained_by_time true only for conflicts. Does not run numcheck.
Usage: python3 check_gold.py [CORPUS_DIR]
"""

import json
import os
import sys

VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
FACT_KEYS = {
    "cluster": str,
    "fact": str,
    "entity": str,
    "measure": str,
    "mentions": list,
    "verdict": str,
    "note": str,
    "explained_by_time": bool,
}
MENTION_KEYS = {"file": str, "surface": str, "approx": str}


def check(corpus):
    errors = []
    seen = set()
    texts = {}
    counts = {"facts": 0, "conflicts": 0, "mentions": 0}
    path = os.path.join(corpus, "gold.jsonl")
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for n, line in enumerate(lines, 1):
        where = f"gold.jsonl:{n}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: bad JSON ({exc})")
            continue
        for key, typ in FACT_KEYS.items():
            if not isinstance(fact.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
        if errors and errors[-1].startswith(where + ":"):
            continue
        counts["facts"] += 1
        ident = (fact["cluster"], fact["fact"])
        if ident in seen:
            errors.append(f"{where}: duplicate fact id {ident}")
        seen.add(ident)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        if fact["verdict"] == "conflict":
            counts["conflicts"] += 1
        elif fact["explained_by_time"]:
            errors.append(f"{where}: explained_by_time true on an agree fact")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {fact['cluster']}")
            continue
        files = set()
        for m in fact["mentions"]:
            counts["mentions"] += 1
            if not isinstance(m, dict):
                errors.append(f"{where}: mention is not an object")
                continue
            bad = [k for k, t in MENTION_KEYS.items() if not isinstance(m.get(k), t)]
            value = m.get("value")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                bad.append("value")
            if bad:
                errors.append(f"{where}: mention fields bad: {', '.join(bad)}")
                continue
            if m["approx"] not in APPROX:
                errors.append(f"{where}: bad approx {m['approx']!r}")
            fpath = os.path.join(cdir, m["file"])
            if fpath not in texts:
                if not os.path.isfile(fpath):
                    errors.append(f"{where}: no file {fact['cluster']}/{m['file']}")
                    continue
                with open(fpath, encoding="utf-8") as fh:
                    texts[fpath] = fh.read()
            if m["surface"] not in texts[fpath]:
                errors.append(f"{where}: surface {m['surface']!r} not in {m['file']}")
            files.add(m["file"])
        if len(fact["mentions"]) < 2 or len(files) < 2:
            errors.append(f"{where}: fewer than 2 mentions in 2 different articles")
    return errors, counts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, counts = check(corpus)
    for err in errors:
        print(err)
    clusters = os.path.join(corpus, "clusters")
    articles = sum(len([f for f in os.listdir(os.path.join(clusters, c)) if f.endswith(".txt")]) for c in os.listdir(clusters))
    print(
        f"articles={articles} facts={counts['facts']} conflicts={counts['conflicts']} "
        f"mentions={counts['mentions']} errors={len(errors)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
