#!/usr/bin/env python3
"""Validate gold.jsonl against the clusters of this corpus (stdlib only).

Checks: every field present and well typed, every cluster folder and file exists,
every surface occurs verbatim in its file, (cluster, fact) ids are unique, each fact
has at least 2 mentions in at least 2 different articles, verdict / approx labels are
valid. Does not run numcheck. Exit 0 when clean, 1 otherwise.
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
MENTION_FIELDS = {"file": str, "surface": str, "approx": str}


def check(corpus):
    errors = []
    texts = {}
    seen = set()
    n_facts = n_conflicts = n_mentions = 0
    gold_path = os.path.join(corpus, "gold.jsonl")
    with open(gold_path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        where = f"gold.jsonl:{lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: bad JSON ({exc})")
            continue
        bad = False
        for key, typ in FACT_FIELDS.items():
            if not isinstance(fact.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                bad = True
        if bad:
            continue
        n_facts += 1
        key = (fact["cluster"], fact["fact"])
        if key in seen:
            errors.append(f"{where}: duplicate fact id {key}")
        seen.add(key)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        if fact["verdict"] == "conflict":
            n_conflicts += 1
        elif fact["explained_by_time"]:
            errors.append(f"{where}: explained_by_time true on an agree fact")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {fact['cluster']!r}")
            continue
        files = set()
        for mi, m in enumerate(fact["mentions"]):
            mwhere = f"{where} mention {mi}"
            if not isinstance(m, dict):
                errors.append(f"{mwhere}: not an object")
                continue
            for mkey, typ in MENTION_FIELDS.items():
                if not isinstance(m.get(mkey), typ) or not m.get(mkey):
                    errors.append(f"{mwhere}: field {mkey!r} missing or empty")
            value = m.get("value")
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                errors.append(f"{mwhere}: value missing or not a number/date")
            if m.get("approx") not in APPROX:
                errors.append(f"{mwhere}: bad approx {m.get('approx')!r}")
            if "as_written" in m and not isinstance(m["as_written"], str):
                errors.append(f"{mwhere}: as_written not a string")
            fname, surface = m.get("file"), m.get("surface")
            if not isinstance(fname, str) or not isinstance(surface, str):
                continue
            n_mentions += 1
            path = os.path.join(cdir, fname)
            if not os.path.isfile(path):
                errors.append(f"{mwhere}: no file {fact['cluster']}/{fname}")
                continue
            if path not in texts:
                with open(path, encoding="utf-8") as fh:
                    texts[path] = fh.read()
            if surface not in texts[path]:
                errors.append(f"{mwhere}: surface {surface!r} not in {fname}")
            files.add(fname)
        if len(fact["mentions"]) < 2:
            errors.append(f"{where}: fewer than 2 mentions")
        if len(files) < 2:
            errors.append(f"{where}: mentions in fewer than 2 articles")
    return errors, n_facts, n_conflicts, n_mentions


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else HERE
    errors, n_facts, n_conflicts, n_mentions = check(corpus)
    for err in errors:
        print(err)
    print(f"facts={n_facts} conflicts={n_conflicts} agrees={n_facts - n_conflicts} mentions={n_mentions} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
