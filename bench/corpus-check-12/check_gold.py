#!/usr/bin/env python3
"""Check the form of gold.jsonl against the cluster texts (stdlib only; runs no checker).

Every field present and well typed; every surface verbatim in its file; each fact with at
least 2 mentions in at least 2 different files; verdict/approx/explained_by_time consistent.
Usage: python3 check_gold.py [CORPUS_DIR]   (defaults to this file's directory)
"""

import json
import os
import sys

APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
VERDICTS = {"agree", "conflict"}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, texts, facts = [], {}, 0
    cdir = os.path.join(root, "clusters")
    for story in sorted(os.listdir(cdir)):
        for fn in sorted(os.listdir(os.path.join(cdir, story))):
            if not fn.endswith(".txt"):
                errors.append(f"{story}/{fn}: not a .txt file")
                continue
            t = open(os.path.join(cdir, story, fn), encoding="utf-8").read()
            lines = t.split("\n")
            if not lines[0].strip():
                errors.append(f"{story}/{fn}: line 1 (headline) is empty")
            if any(l.strip() == "" for l in lines[:-1]):
                errors.append(f"{story}/{fn}: blank line inside the text")
            texts[(story, fn)] = t
    seen = set()
    with open(os.path.join(root, "gold.jsonl"), encoding="utf-8") as f:
        for ln, raw in enumerate(f, 1):
            if not raw.strip():
                errors.append(f"gold line {ln}: empty line")
                continue
            try:
                g = json.loads(raw)
            except json.JSONDecodeError as e:
                errors.append(f"gold line {ln}: bad JSON: {e}")
                continue
            facts += 1
            where = f"gold line {ln}"
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
                if k not in g:
                    errors.append(f"{where}: missing {k}")
                elif not isinstance(g[k], typ):
                    errors.append(f"{where}: {k} should be {typ.__name__}")
                elif typ is str and not g[k].strip():
                    errors.append(f"{where}: {k} is empty")
            if any(k not in g for k in ("cluster", "mentions", "verdict", "explained_by_time")):
                continue
            key = (g["cluster"], g.get("fact"))
            if key in seen:
                errors.append(f"{where}: duplicate fact {key}")
            seen.add(key)
            if g["verdict"] not in VERDICTS:
                errors.append(f"{where}: verdict {g['verdict']!r}")
            if g["explained_by_time"] and g["verdict"] != "conflict":
                errors.append(f"{where}: explained_by_time true on an agree fact")
            if not os.path.isdir(os.path.join(cdir, g["cluster"])):
                errors.append(f"{where}: no cluster {g['cluster']}")
                continue
            files = set()
            for i, m in enumerate(g["mentions"]):
                mw = f"{where} mention {i}"
                if not isinstance(m, dict):
                    errors.append(f"{mw}: not an object")
                    continue
                for k, typ in (("file", str), ("surface", str), ("value", (int, float)), ("approx", str)):
                    if k not in m:
                        errors.append(f"{mw}: missing {k}")
                    elif not isinstance(m[k], typ) or isinstance(m[k], bool):
                        errors.append(f"{mw}: {k} badly typed")
                if "as_written" in m and not (isinstance(m["as_written"], str) and m["as_written"].strip()):
                    errors.append(f"{mw}: as_written should be a non-empty string")
                if m.get("approx") not in APPROX:
                    errors.append(f"{mw}: approx {m.get('approx')!r}")
                t = texts.get((g["cluster"], m.get("file")))
                if t is None:
                    errors.append(f"{mw}: no file {g['cluster']}/{m.get('file')}")
                    continue
                if not isinstance(m.get("surface"), str) or not m["surface"] or m["surface"] not in t:
                    errors.append(f"{mw}: surface {m.get('surface')!r} not verbatim in {m.get('file')}")
                elif "as_written" in m and m["as_written"] not in m["surface"]:
                    errors.append(f"{mw}: as_written {m['as_written']!r} not inside the surface")
                files.add(m.get("file"))
            if len(g["mentions"]) < 2 or len(files) < 2:
                errors.append(f"{where}: needs >=2 mentions in >=2 files ({len(g['mentions'])} in {len(files)})")
            if g["verdict"] == "conflict":
                vals = {m.get("value") for m in g["mentions"] if isinstance(m, dict)}
                if len(vals) < 2:
                    errors.append(f"{where}: conflict with only one value")
    for e in errors:
        print("ERROR", e)
    print(f"{facts} facts, {len(texts)} articles, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
