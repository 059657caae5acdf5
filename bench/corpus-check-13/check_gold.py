#!/usr/bin/env python3
"""Check the form of gold.jsonl against the cluster texts (stdlib only; runs no checker).

Every field present and typed; every surface verbatim in its file; every fact with at least
two mentions in at least two files; clusters and files exist; text layout sane.
Usage: python3 check_gold.py [CORPUS_DIR]   (defaults to this script's directory)
"""

import json
import os
import sys

APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
VERDICTS = {"agree", "conflict"}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    texts = {}
    cdir = os.path.join(root, "clusters")
    for cl in sorted(os.listdir(cdir)):
        for fn in sorted(os.listdir(os.path.join(cdir, cl))):
            if not fn.endswith(".txt"):
                errors.append(f"{cl}/{fn}: not a .txt file")
                continue
            t = open(os.path.join(cdir, cl, fn), encoding="utf-8").read()
            texts[(cl, fn)] = t
            lines = t.split("\n")
            if not lines[0].strip():
                errors.append(f"{cl}/{fn}: empty headline")
            if any(not l.strip() for l in lines[:-1]):
                errors.append(f"{cl}/{fn}: blank line inside text (one paragraph per line expected)")
    seen_facts = set()
    n = conflicts = timed = 0
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {ln}: blank line")
                continue
            try:
                f = json.loads(line)
            except ValueError as e:
                errors.append(f"line {ln}: bad JSON: {e}")
                continue
            n += 1
            where = f"line {ln}"
            for k, typ in (
                ("cluster", str),
                ("fact", str),
                ("entity", str),
                ("measure", str),
                ("mentions", list),
                ("verdict", str),
                ("note", str),
                ("explained_by_time", bool),
            ):
                if k not in f:
                    errors.append(f"{where}: missing {k}")
                elif not isinstance(f[k], typ):
                    errors.append(f"{where}: {k} is not {typ.__name__}")
                elif typ is str and not f[k].strip():
                    errors.append(f"{where}: {k} empty")
            extra = set(f) - {"cluster", "fact", "entity", "measure", "mentions", "verdict", "note", "explained_by_time"}
            if extra:
                errors.append(f"{where}: unexpected keys {sorted(extra)}")
            if any(k not in f for k in ("cluster", "mentions", "verdict", "explained_by_time")):
                continue
            where = f"line {ln} ({f['cluster']} / {f.get('fact')})"
            if (f["cluster"], f.get("fact")) in seen_facts:
                errors.append(f"{where}: duplicate fact name in cluster")
            seen_facts.add((f["cluster"], f.get("fact")))
            if not os.path.isdir(os.path.join(cdir, f["cluster"])):
                errors.append(f"{where}: no such cluster")
            if f["verdict"] not in VERDICTS:
                errors.append(f"{where}: bad verdict {f['verdict']!r}")
            if f["verdict"] == "conflict":
                conflicts += 1
                timed += f["explained_by_time"] is True
            if f["explained_by_time"] is True and f["verdict"] != "conflict":
                errors.append(f"{where}: explained_by_time true on an agree fact")
            files, values = set(), set()
            if len(f["mentions"]) < 2:
                errors.append(f"{where}: fewer than 2 mentions")
            for mi, m in enumerate(f["mentions"]):
                mw = f"{where} mention {mi}"
                if not isinstance(m, dict):
                    errors.append(f"{mw}: not an object")
                    continue
                for k, typ in (("file", str), ("surface", str), ("approx", str)):
                    if not isinstance(m.get(k), typ) or not m.get(k):
                        errors.append(f"{mw}: {k} missing or not a non-empty {typ.__name__}")
                if not isinstance(m.get("value"), (int, float)) or isinstance(m.get("value"), bool):
                    errors.append(f"{mw}: value missing or not a number")
                else:
                    values.add(m["value"])
                if m.get("approx") not in APPROX:
                    errors.append(f"{mw}: bad approx {m.get('approx')!r}")
                if "as_written" in m and (not isinstance(m["as_written"], str) or not m["as_written"]):
                    errors.append(f"{mw}: as_written not a non-empty string")
                extra = set(m) - {"file", "surface", "value", "approx", "as_written"}
                if extra:
                    errors.append(f"{mw}: unexpected keys {sorted(extra)}")
                key = (f["cluster"], m.get("file"))
                if key not in texts:
                    errors.append(f"{mw}: no such file {m.get('file')!r}")
                    continue
                files.add(m["file"])
                s = m.get("surface") or ""
                cnt = texts[key].count(s)
                if cnt == 0:
                    errors.append(f"{mw}: surface {s!r} not found verbatim in {m['file']}")
                elif cnt > 1:
                    warnings.append(f"{mw}: surface {s!r} occurs {cnt} times in {m['file']}")
                if "\n" in s:
                    errors.append(f"{mw}: surface spans lines")
            if len(files) < 2:
                errors.append(f"{where}: mentions in fewer than 2 files")
            if f["verdict"] == "conflict" and len(values) < 2:
                errors.append(f"{where}: conflict fact whose mentions all carry one value")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(
        f"{n} facts, {conflicts} conflicts ({timed} explained by time), {len(texts)} articles, "
        f"{len({c for c, _ in texts})} clusters"
    )
    if errors:
        print(f"FAILED: {len(errors)} error(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
