#!/usr/bin/env python3
"""Check gold.jsonl of this corpus against its clusters (stdlib only).

Checks: every field present and well typed, every cluster and file exists, every
surface occurs verbatim in its file, fact ids (cluster + fact) unique, each fact has
at least 2 mentions in at least 2 different articles, verdict and approx labels valid,
explained_by_time true only for conflicts. Does not run numcheck.
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
MENTION_FIELDS = {"file": str, "surface": str, "value": float, "approx": str}


def check(corpus):
    errors = []
    texts = {}
    seen = set()
    facts = conflicts = 0
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
        facts += 1
        before = len(errors)
        for key, typ in FACT_FIELDS.items():
            if not isinstance(fact.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
        if len(errors) > before:
            continue
        key = (fact["cluster"], fact["fact"])
        if key in seen:
            errors.append(f"{where}: duplicate fact id {key}")
        seen.add(key)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        conflicts += fact["verdict"] == "conflict"
        if fact["explained_by_time"] and fact["verdict"] != "conflict":
            errors.append(f"{where}: explained_by_time true on an agree fact")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {fact['cluster']}")
            continue
        files = set()
        for i, m in enumerate(fact["mentions"]):
            mw = f"{where} mention {i}"
            if not isinstance(m, dict):
                errors.append(f"{mw}: not an object")
                continue
            for mkey, typ in MENTION_FIELDS.items():
                val = m.get(mkey)
                if typ is float:
                    ok = isinstance(val, (int, float)) and not isinstance(val, bool)
                else:
                    ok = isinstance(val, typ)
                if not ok:
                    errors.append(f"{mw}: field {mkey!r} missing or not {typ.__name__}")
            if "as_written" in m and not isinstance(m["as_written"], str):
                errors.append(f"{mw}: as_written not a string")
            if m.get("approx") not in APPROX:
                errors.append(f"{mw}: bad approx {m.get('approx')!r}")
            fname = m.get("file")
            if not isinstance(fname, str) or not isinstance(m.get("surface"), str):
                continue
            fpath = os.path.join(cdir, fname)
            if not os.path.isfile(fpath):
                errors.append(f"{mw}: no file {fact['cluster']}/{fname}")
                continue
            if fpath not in texts:
                with open(fpath, encoding="utf-8") as fh:
                    texts[fpath] = fh.read()
            if not m["surface"]:
                errors.append(f"{mw}: empty surface")
            elif m["surface"] not in texts[fpath]:
                errors.append(f"{mw}: surface {m['surface']!r} not in {fname}")
            files.add(fname)
        if len(fact["mentions"]) < 2 or len(files) < 2:
            errors.append(f"{where}: fewer than 2 mentions in 2 different articles")
    return errors, facts, conflicts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else HERE
    errors, facts, conflicts = check(corpus)
    for err in errors:
        print(err)
    print(f"{facts} facts, {conflicts} conflicts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
