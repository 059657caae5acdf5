#!/usr/bin/env python3
"""Validate gold.jsonl against the article files in clusters/ (stdlib only).

Checks: every field present and well typed, labels valid, (cluster, fact) ids unique,
every file exists, every surface occurs verbatim in its file, and each fact has at
least 2 mentions in at least 2 different articles. Exit status 0 when clean.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
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
        missing = [k for k, t in FACT_FIELDS.items() if not isinstance(fact.get(k), t)]
        if missing:
            errors.append(f"{where}: fields missing or mistyped: {missing}")
            continue
        ident = (fact["cluster"], fact["fact"])
        if ident in seen:
            errors.append(f"{where}: duplicate id {ident}")
        seen.add(ident)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        if fact["explained_by_time"] and fact["verdict"] != "conflict":
            errors.append(f"{where}: explained_by_time is true on an agree fact")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {fact['cluster']!r}")
            continue
        files = set()
        for i, men in enumerate(fact["mentions"]):
            mw = f"{where} mention {i}"
            if not isinstance(men, dict):
                errors.append(f"{mw}: not an object")
                continue
            bad = [k for k, t in MENTION_FIELDS.items() if not isinstance(men.get(k), t)]
            if bad or isinstance(men.get("value"), bool):
                errors.append(f"{mw}: fields missing or mistyped: {bad or ['value']}")
                continue
            if men["approx"] not in APPROX:
                errors.append(f"{mw}: bad approx {men['approx']!r}")
            if "as_written" in men and not isinstance(men["as_written"], str):
                errors.append(f"{mw}: as_written is not a string")
            fpath = os.path.join(cdir, men["file"])
            if fpath not in texts:
                if not os.path.isfile(fpath):
                    errors.append(f"{mw}: no file {fact['cluster']}/{men['file']}")
                    continue
                with open(fpath, encoding="utf-8") as fh:
                    texts[fpath] = fh.read()
            if not men["surface"] or men["surface"] not in texts[fpath]:
                errors.append(f"{mw}: surface {men['surface']!r} not in {men['file']}")
            files.add(men["file"])
            counts["mentions"] += 1
        if len(fact["mentions"]) < 2 or len(files) < 2:
            errors.append(f"{where}: needs at least 2 mentions in at least 2 articles")
        counts["facts"] += 1
        counts["conflicts"] += fact["verdict"] == "conflict"
    return errors, counts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else HERE
    errors, counts = check(corpus)
    for err in errors:
        print(err)
    print(f"facts={counts['facts']} conflicts={counts['conflicts']} mentions={counts['mentions']} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
