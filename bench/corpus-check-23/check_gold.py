#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Usage: python3 check_gold.py [CORPUS_DIR]

Checks: every field present and well typed, every file exists, every surface occurs verbatim
in its file, fact names unique per cluster, each fact has at least 2 mentions in at least 2
different articles, verdict / approx / explained_by_time valid. Also warns when surfaces of
two different facts overlap in the same file. Exit status 0 when clean, 1 otherwise.
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
MENTION_FIELDS = {"file": str, "surface": str, "value": float, "approx": str}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
VERDICTS = {"agree", "conflict"}


def spans_of(text, surface):
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def check(corpus):
    errors, warnings = [], []
    texts = {}
    ids = set()
    spans_by_file = {}
    path = os.path.join(corpus, "gold.jsonl")
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    facts = []
    for n, line in enumerate(lines, 1):
        try:
            facts.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: bad JSON: {exc}")
    for n, fact in facts:
        where = f"line {n}"
        for key, typ in FIELDS.items():
            if not isinstance(fact.get(key), typ):
                errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
        if errors and errors[-1].startswith(where):
            continue
        where = f"line {n} ({fact['cluster']} / {fact['fact']})"
        key = (fact["cluster"], fact["fact"])
        if key in ids:
            errors.append(f"{where}: duplicate fact id")
        ids.add(key)
        if fact["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {fact['verdict']!r}")
        if fact["verdict"] == "agree" and fact["explained_by_time"]:
            errors.append(f"{where}: agree fact marked explained_by_time")
        cdir = os.path.join(corpus, "clusters", fact["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"{where}: no cluster folder {cdir}")
            continue
        files = set()
        for i, m in enumerate(fact["mentions"]):
            mw = f"{where} mention {i}"
            if not isinstance(m, dict):
                errors.append(f"{mw}: not an object")
                continue
            bad = False
            for mkey, typ in MENTION_FIELDS.items():
                val = m.get(mkey)
                if typ is float:
                    ok = isinstance(val, (int, float)) and not isinstance(val, bool)
                else:
                    ok = isinstance(val, typ)
                if not ok:
                    errors.append(f"{mw}: field {mkey!r} missing or not {typ.__name__}")
                    bad = True
            if bad:
                continue
            if m["approx"] not in APPROX:
                errors.append(f"{mw}: bad approx {m['approx']!r}")
            fpath = os.path.join(cdir, m["file"])
            if not os.path.isfile(fpath):
                errors.append(f"{mw}: no file {fpath}")
                continue
            if fpath not in texts:
                with open(fpath, encoding="utf-8") as fh:
                    texts[fpath] = fh.read()
            spans = spans_of(texts[fpath], m["surface"])
            if not spans:
                errors.append(f"{mw}: surface {m['surface']!r} not in {m['file']}")
                continue
            files.add(m["file"])
            for span in spans:
                spans_by_file.setdefault(fpath, []).append((span, key, m["surface"]))
        if len(fact["mentions"]) < 2:
            errors.append(f"{where}: fewer than 2 mentions")
        if len(files) < 2:
            errors.append(f"{where}: mentions in fewer than 2 different articles")
    for fpath, items in spans_by_file.items():
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                (s1, e1), k1, t1 = items[a]
                (s2, e2), k2, t2 = items[b]
                if k1 != k2 and s1 < e2 and s2 < e1:
                    warnings.append(f"{fpath}: {t1!r} ({k1[1]}) overlaps {t2!r} ({k2[1]})")
    return len(facts), errors, warnings


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    count, errors, warnings = check(corpus)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{count} facts, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
