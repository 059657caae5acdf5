#!/usr/bin/env python3
"""Check the form of gold.jsonl against the cluster texts (stdlib only; does not run numcheck).

Checks: every line is a JSON object with the expected fields and types; cluster folders and
mention files exist; every surface occurs verbatim in its file; (cluster, fact) ids are unique;
each fact has at least 2 mentions in at least 2 different articles; verdict and approx labels are
valid; explained_by_time is true only for conflicts. Also warns when two facts' surfaces overlap
in the same file. Exit status 0 when clean, 1 otherwise.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
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


def spans(text, surface):
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def check(root):
    errors, warnings = [], []
    gold_path = root / "gold.jsonl"
    seen = set()
    texts = {}
    owners = {}
    n_facts = n_conflicts = 0
    for lineno, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"gold.jsonl:{lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: bad JSON: {exc}")
            continue
        if not isinstance(fact, dict):
            errors.append(f"{where}: not an object")
            continue
        bad = False
        for name, kind in FACT_FIELDS.items():
            if not isinstance(fact.get(name), kind):
                errors.append(f"{where}: field {name!r} missing or not {kind.__name__}")
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
        cdir = root / "clusters" / fact["cluster"]
        if not cdir.is_dir():
            errors.append(f"{where}: no cluster folder {cdir}")
            continue
        files = set()
        for mi, m in enumerate(fact["mentions"]):
            mwhere = f"{where} mention {mi}"
            if not isinstance(m, dict):
                errors.append(f"{mwhere}: not an object")
                continue
            if any(not isinstance(m.get(k), t) for k, t in MENTION_FIELDS.items()):
                errors.append(f"{mwhere}: file/surface/approx missing or not str")
                continue
            value = m.get("value")
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                errors.append(f"{mwhere}: value missing or not a number/date string")
            if m["approx"] not in APPROX:
                errors.append(f"{mwhere}: bad approx {m['approx']!r}")
            path = cdir / m["file"]
            if not path.is_file():
                errors.append(f"{mwhere}: no file {path}")
                continue
            if path not in texts:
                texts[path] = path.read_text(encoding="utf-8")
            found = spans(texts[path], m["surface"])
            if not m["surface"].strip() or not found:
                errors.append(f"{mwhere}: surface {m['surface']!r} not in {m['file']}")
                continue
            files.add(m["file"])
            for span in found:
                owners.setdefault(path, []).append((span, key, m["surface"]))
        if len(fact["mentions"]) < 2 or len(files) < 2:
            errors.append(f"{where}: {key} needs at least 2 mentions in 2 different files")
    for path, items in owners.items():
        for i, ((s1, e1), k1, t1) in enumerate(items):
            for (s2, e2), k2, t2 in items[i + 1 :]:
                if k1 != k2 and s1 < e2 and s2 < e1:
                    warnings.append(f"{path.name}: {t1!r} ({k1[1]}) overlaps {t2!r} ({k2[1]})")
    return errors, warnings, n_facts, n_conflicts


def main():
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    errors, warnings, n_facts, n_conflicts = check(root)
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    articles = len(list((root / "clusters").glob("*/*.txt")))
    status = "OK" if not errors else f"{len(errors)} error(s)"
    print(f"{status}: {articles} articles, {n_facts} facts, {n_conflicts} conflicts")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
