#!/usr/bin/env python3
"""Stdlib-only sanity check of this corpus's gold.jsonl against its clusters.

Usage: python3 check_gold.py [CORPUS_DIR]   (default: the folder this file is in)

Checks: every line is JSON with the fields score_corpus.py and the format need
(cluster, fact, entity, measure, mentions[{file, surface, value, approx}], verdict,
note, explained_by_time); verdict is agree/conflict; explained_by_time is a bool and true
only for conflicts; approx is a known hedge; value is a number; every file exists in its
cluster; every surface occurs verbatim in its file; each fact has >= 2 mentions in >= 2
files; fact names are unique per cluster. Warns (does not fail) on surfaces that occur
more than once in a file and on mention surfaces of different facts that overlap.
Exit status 0 when clean, 1 otherwise.
"""

import json
import os
import sys
from collections import Counter, defaultdict

APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
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


def spans(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    texts = {}
    facts = []
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                facts.append((n, json.loads(line)))
            except json.JSONDecodeError as ex:
                errors.append(f"line {n}: bad JSON: {ex}")
    names = Counter()
    occupied = defaultdict(list)  # (cluster, file) -> [(start, end, fact)]
    for n, f in facts:
        for k, t in FIELDS.items():
            if k not in f:
                errors.append(f"line {n}: missing field {k}")
            elif not isinstance(f[k], t):
                errors.append(f"line {n}: field {k} should be {t.__name__}")
        if any(k not in f or not isinstance(f[k], FIELDS[k]) for k in FIELDS):
            continue
        names[(f["cluster"], f["fact"])] += 1
        if f["verdict"] not in ("agree", "conflict"):
            errors.append(f"line {n}: verdict {f['verdict']!r}")
        if f["explained_by_time"] and f["verdict"] != "conflict":
            errors.append(f"line {n}: explained_by_time true on an agree fact")
        cdir = os.path.join(root, "clusters", f["cluster"])
        if not os.path.isdir(cdir):
            errors.append(f"line {n}: no cluster dir {cdir}")
            continue
        files = set()
        if len(f["mentions"]) < 2:
            errors.append(f"line {n}: fewer than 2 mentions")
        for i, m in enumerate(f["mentions"]):
            where = f"line {n} ({f['fact']}) mention {i}"
            if not isinstance(m, dict):
                errors.append(f"{where}: not an object")
                continue
            for k, t in (("file", str), ("surface", str), ("approx", str)):
                if not isinstance(m.get(k), t) or not m.get(k):
                    errors.append(f"{where}: bad or missing {k}")
            if not isinstance(m.get("value"), (int, float)) or isinstance(m.get("value"), bool):
                errors.append(f"{where}: value is not a number")
            if m.get("approx") not in APPROX:
                errors.append(f"{where}: approx {m.get('approx')!r}")
            if "as_written" in m and not isinstance(m["as_written"], str):
                errors.append(f"{where}: as_written is not a string")
            extra = set(m) - {"file", "surface", "value", "approx", "as_written"}
            if extra:
                errors.append(f"{where}: unexpected keys {sorted(extra)}")
            fn = m.get("file")
            if not isinstance(fn, str) or os.path.basename(fn) != fn or not fn.endswith(".txt"):
                errors.append(f"{where}: file should be a bare .txt name")
                continue
            path = os.path.join(cdir, fn)
            if not os.path.isfile(path):
                errors.append(f"{where}: no file {path}")
                continue
            files.add(fn)
            if path not in texts:
                texts[path] = open(path, encoding="utf-8").read()
            sp = spans(texts[path], m.get("surface") or "\0")
            if not sp:
                errors.append(f"{where}: surface {m.get('surface')!r} not in {fn}")
                continue
            if len(sp) > 1:
                warnings.append(f"{where}: surface {m['surface']!r} occurs {len(sp)} times in {fn}")
            for s, e in sp:
                occupied[(f["cluster"], fn)].append((s, e, f["fact"], m["surface"]))
        if len(files) < 2:
            errors.append(f"line {n} ({f['fact']}): mentions in fewer than 2 files")
    for key, c in names.items():
        if c > 1:
            errors.append(f"duplicate fact name {key}")
    for (cl, fn), items in occupied.items():
        items.sort()
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                if items[b][0] >= items[a][1]:
                    break
                if items[a][2] != items[b][2]:
                    warnings.append(f"{cl}/{fn}: {items[a][3]!r} ({items[a][2]}) overlaps {items[b][3]!r} ({items[b][2]})")
    # article shape: headline + 6..14 paragraphs (a date line, if any, is not a paragraph)
    for cl in sorted(os.listdir(os.path.join(root, "clusters"))):
        cdir = os.path.join(root, "clusters", cl)
        for fn in sorted(os.listdir(cdir)):
            if not fn.endswith(".txt"):
                continue
            lines = [l for l in open(os.path.join(cdir, fn), encoding="utf-8").read().split("\n") if l.strip()]
            paras = len(lines) - 1
            if len(lines) > 1 and len(lines[1]) < 40 and any(ch.isdigit() for ch in lines[1]):
                paras -= 1
            if not 6 <= paras <= 14:
                warnings.append(f"{cl}/{fn}: {paras} paragraphs")
    clusters = Counter(f["cluster"] for _, f in facts if isinstance(f, dict) and "cluster" in f)
    conf = sum(1 for _, f in facts if f.get("verdict") == "conflict")
    timed = sum(1 for _, f in facts if f.get("verdict") == "conflict" and f.get("explained_by_time") is True)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(
        f"{len(facts)} facts in {len(clusters)} clusters; {conf} conflicts ({timed} explained by time, "
        f"{conf - timed} same-time); {len(facts) - conf} agree"
    )
    for cl, c in sorted(clusters.items()):
        arts = len([x for x in os.listdir(os.path.join(root, "clusters", cl)) if x.endswith(".txt")])
        cc = sum(1 for _, f in facts if f.get("cluster") == cl and f.get("verdict") == "conflict")
        ct = sum(1 for _, f in facts if f.get("cluster") == cl and f.get("verdict") == "conflict" and f.get("explained_by_time"))
        print(f"  {cl}: {arts} articles, {c} facts, {cc} conflicts ({ct} time)")
    print("CLEAN" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
