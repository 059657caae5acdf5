#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Checks: every field present and well typed, every file exists, every surface occurs
verbatim in its file, (cluster, fact) ids unique, each fact has at least two mentions
in at least two different articles, verdict / approx / explained_by_time valid.
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


def check(corpus):
    errors = []
    seen = set()
    texts = {}
    spans = {}
    counts = {"facts": 0, "conflicts": 0, "explained": 0, "mentions": 0}
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
            errors.append(f"{where}: bad JSON: {exc}")
            continue
        bad = False
        for key, typ in FACT_FIELDS.items():
            if not isinstance(fact.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ}")
                bad = True
        if bad:
            continue
        counts["facts"] += 1
        key = (fact["cluster"], fact["fact"])
        if key in seen:
            errors.append(f"{where}: duplicate fact id {key}")
        seen.add(key)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        if fact["verdict"] == "conflict":
            counts["conflicts"] += 1
            counts["explained"] += fact["explained_by_time"]
        elif fact["explained_by_time"]:
            errors.append(f"{where}: explained_by_time true on an agree fact")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {cdir}")
            continue
        files = set()
        for i, m in enumerate(fact["mentions"]):
            mwhere = f"{where} mention {i}"
            if not isinstance(m, dict):
                errors.append(f"{mwhere}: not an object")
                continue
            counts["mentions"] += 1
            for mkey, typ in MENTION_FIELDS.items():
                if not isinstance(m.get(mkey), typ) or isinstance(m.get(mkey), bool):
                    errors.append(f"{mwhere}: field {mkey!r} missing or mistyped")
            if m.get("approx") not in APPROX:
                errors.append(f"{mwhere}: bad approx {m.get('approx')!r}")
            fname = m.get("file")
            surface = m.get("surface")
            if not isinstance(fname, str) or not isinstance(surface, str):
                continue
            fpath = os.path.join(cdir, fname)
            if fpath not in texts:
                if not os.path.isfile(fpath):
                    errors.append(f"{mwhere}: no file {fpath}")
                    texts[fpath] = None
                else:
                    with open(fpath, encoding="utf-8") as fh:
                        texts[fpath] = fh.read()
            text = texts[fpath]
            if text is None:
                continue
            if not surface or surface not in text:
                errors.append(f"{mwhere}: surface {surface!r} not in {fname}")
            start = text.find(surface)
            while surface and start >= 0:
                spans.setdefault(fpath, []).append((start, start + len(surface), key))
                start = text.find(surface, start + 1)
            files.add(fname)
        if len(fact["mentions"]) < 2:
            errors.append(f"{where}: fewer than 2 mentions")
        if len(files) < 2:
            errors.append(f"{where}: mentions in fewer than 2 articles")
    for fpath, items in spans.items():
        for a, b, k in items:
            for c, d, k2 in items:
                if k < k2 and a < d and c < b:
                    name = os.path.basename(fpath)
                    errors.append(f"{name}: mentions of {k} and {k2} overlap")
    return errors, counts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[1] if len(sys.argv) > 1 else here
    errors, counts = check(corpus)
    for err in errors:
        print(err)
    articles = 0
    clusters_dir = os.path.join(corpus, "clusters")
    for name in sorted(os.listdir(clusters_dir)):
        cdir = os.path.join(clusters_dir, name)
        articles += len([f for f in os.listdir(cdir) if f.endswith(".txt")])
    print(
        f"clusters={len(os.listdir(clusters_dir))} articles={articles} "
        f"facts={counts['facts']} conflicts={counts['conflicts']} "
        f"(explained_by_time={counts['explained']}) mentions={counts['mentions']} "
        f"errors={len(errors)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
