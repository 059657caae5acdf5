#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; runs nothing else).

Checks: every field present and well typed, fact names unique within a cluster,
every file exists, every surface occurs verbatim in its file (and exactly once,
so its span is unambiguous), each fact has at least 2 mentions in at least 2
different files, labels valid, no surface of one fact overlaps (by character
span) a surface of another fact in the same file, and every article is plain
text with a headline on line 1 and 250-380 words.
"""

import json
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent  # a corpus folder, else this one
VERDICTS = {"agree", "conflict"}
APPROX = {"exact", "approx", "more_than", "at_least", "at_most"}
MIN_WORDS, MAX_WORDS = 250, 380
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


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    """Every (start, end) where surface occurs in text (as the scorer finds them)."""
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def check_mention(cdir: Path, where: str, mention: object, texts: dict) -> list[str]:
    """Return the problems with one mention."""
    if not isinstance(mention, dict):
        return [f"{where}: mention is not an object"]
    errors = []
    for key, kind in (("file", str), ("surface", str), ("approx", str)):
        if not isinstance(mention.get(key), kind):
            errors.append(f"{where}: {key} missing or not {kind.__name__}")
    value = mention.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        errors.append(f"{where}: value missing or not a number/date string")
    if "as_written" in mention and not isinstance(mention["as_written"], str):
        errors.append(f"{where}: as_written is not a string")
    if mention.get("approx") not in APPROX:
        errors.append(f"{where}: approx {mention.get('approx')!r} not in {sorted(APPROX)}")
    name, surface = mention.get("file"), mention.get("surface")
    if not isinstance(name, str) or not isinstance(surface, str):
        return errors
    path = cdir / name
    if not path.is_file():
        errors.append(f"{where}: file {path} does not exist")
        return errors
    if name not in texts:
        texts[name] = path.read_text(encoding="utf-8")
    if not surface:
        errors.append(f"{where}: empty surface")
    elif surface not in texts[name]:
        errors.append(f"{where}: surface {surface!r} not found in {name}")
    elif len(spans_of(texts[name], surface)) > 1:
        errors.append(f"{where}: surface {surface!r} occurs more than once in {name}")
    return errors


def check_fact(lineno: int, fact: object, seen: set, texts: dict) -> list[str]:
    """Return the problems with one gold line."""
    where = f"line {lineno}"
    if not isinstance(fact, dict):
        return [f"{where}: not a JSON object"]
    errors = []
    for key, kind in FACT_FIELDS.items():
        if not isinstance(fact.get(key), kind):
            errors.append(f"{where}: {key} missing or not {kind.__name__}")
    if errors:
        return errors
    where = f"line {lineno} ({fact['cluster']} / {fact['fact']})"
    key = (fact["cluster"], fact["fact"])
    if key in seen:
        errors.append(f"{where}: duplicate fact id")
    seen.add(key)
    if fact["verdict"] not in VERDICTS:
        errors.append(f"{where}: verdict {fact['verdict']!r} not in {sorted(VERDICTS)}")
    if fact["verdict"] == "agree" and fact["explained_by_time"]:
        errors.append(f"{where}: an agree fact cannot be explained_by_time")
    cdir = ROOT / "clusters" / fact["cluster"]
    if not cdir.is_dir():
        return [*errors, f"{where}: cluster folder {cdir} does not exist"]
    cluster_texts = texts.setdefault(fact["cluster"], {})
    mentions = fact["mentions"]
    for i, mention in enumerate(mentions):
        errors.extend(check_mention(cdir, f"{where} mention {i}", mention, cluster_texts))
    files = {m.get("file") for m in mentions if isinstance(m, dict)}
    if len(mentions) < 2 or len(files) < 2:
        errors.append(f"{where}: needs at least 2 mentions in at least 2 files")
    pairs = [(m.get("file"), m.get("surface")) for m in mentions if isinstance(m, dict)]
    if len(pairs) != len(set(pairs)):
        errors.append(f"{where}: the same (file, surface) is listed twice")
    return errors


def check_overlaps(facts: list[dict], texts: dict) -> list[str]:
    """No span of one fact's surface may overlap a span of another fact's surface in the same file."""
    errors = []
    spans: dict = {}  # (cluster, file) -> [(start, end, fact, surface)]
    for fact in facts:
        for m in fact["mentions"]:
            if not isinstance(m, dict):
                continue
            text = texts.get(fact["cluster"], {}).get(m.get("file"))
            if text is None or not isinstance(m.get("surface"), str) or not m["surface"]:
                continue
            for s, e in spans_of(text, m["surface"]):
                spans.setdefault((fact["cluster"], m["file"]), []).append((s, e, fact["fact"], m["surface"]))
    for (cluster, name), items in sorted(spans.items()):
        items.sort()
        for i, (s1, e1, f1, t1) in enumerate(items):
            for s2, e2, f2, t2 in items[i + 1 :]:
                if s2 >= e1:
                    break
                if f1 != f2:
                    errors.append(f"{cluster}/{name}: {f1} {t1!r} overlaps {f2} {t2!r}")
    return errors


def check_articles() -> list[str]:
    """Headline on line 1, no blank lines, 250-380 words per article."""
    errors = []
    for path in sorted((ROOT / "clusters").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.rstrip("\n").split("\n")
        rel = path.relative_to(ROOT)
        if not lines or not lines[0].strip():
            errors.append(f"{rel}: no headline on line 1")
        if any(not line.strip() for line in lines):
            errors.append(f"{rel}: blank line")
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append(f"{rel}: {words} words, not {MIN_WORDS}-{MAX_WORDS}")
    return errors


def main() -> int:
    gold = ROOT / "gold.jsonl"
    errors: list[str] = []
    seen: set = set()
    texts: dict = {}
    good: list[dict] = []
    facts = conflicts = timed = 0
    for lineno, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"line {lineno}: blank line")
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {lineno}: bad JSON: {exc}")
            continue
        problems = check_fact(lineno, fact, seen, texts)
        errors.extend(problems)
        if isinstance(fact, dict):
            facts += 1
            conflicts += fact.get("verdict") == "conflict"
            timed += fact.get("verdict") == "conflict" and fact.get("explained_by_time") is True
            if isinstance(fact.get("mentions"), list) and isinstance(fact.get("cluster"), str):
                good.append(fact)
    errors.extend(check_overlaps(good, texts))
    errors.extend(check_articles())
    articles = sum(1 for _ in (ROOT / "clusters").glob("*/*.txt"))
    clusters = sum(1 for p in (ROOT / "clusters").iterdir() if p.is_dir())
    for err in errors:
        print(err)
    print(
        f"clusters={clusters} articles={articles} facts={facts} conflicts={conflicts} "
        f"(explained_by_time={timed}) agree={facts - conflicts} errors={len(errors)}"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
