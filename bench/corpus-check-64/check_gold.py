#!/usr/bin/env python3
"""Check gold.jsonl against the cluster texts (stdlib only; runs nothing else).

Checks: every field present and well typed, fact names unique within a cluster,
every file exists, every surface occurs verbatim in its file, each fact has at
least 2 mentions in at least 2 different files, labels valid, and no surface of
one fact overlaps (at any of its occurrences) a surface of another fact in the
same file. Also checks each article is 250-380 words with a headline line.
"""

import json
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent  # a corpus folder, else this one
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
    return errors


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    """Every (start, end) where surface occurs in text (as the scorer finds them)."""
    out, i = [], text.find(surface)
    while i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def check_overlaps(facts: list[dict], texts: dict) -> list[str]:
    """Surfaces of different facts must not overlap in the same file."""
    errors = []
    by_file: dict = {}
    for fact in facts:
        cluster = fact.get("cluster")
        for mention in fact.get("mentions", []):
            if not isinstance(mention, dict):
                continue
            name, surface = mention.get("file"), mention.get("surface")
            text = texts.get(cluster, {}).get(name)
            if not isinstance(surface, str) or not surface or text is None:
                continue
            for span in spans_of(text, surface):
                by_file.setdefault((cluster, name), []).append((span, fact["fact"], surface))
    for (cluster, name), spans in sorted(by_file.items()):
        for i, ((s1, e1), f1, t1) in enumerate(spans):
            for (s2, e2), f2, t2 in spans[i + 1 :]:
                if f1 != f2 and s1 < e2 and s2 < e1:
                    errors.append(f"{cluster}/{name}: {f1} {t1!r} overlaps {f2} {t2!r}")
    return errors


def check_articles() -> list[str]:
    """Each article: a headline line, then paragraphs; 250-380 words."""
    errors = []
    for path in sorted((ROOT / "clusters").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        words = len(text.split())
        if len(lines) < 3 or not lines[0].strip() or any(not line.strip() for line in lines):
            errors.append(f"{path.parent.name}/{path.name}: needs a headline and non-empty paragraph lines")
        if not 250 <= words <= 380:
            errors.append(f"{path.parent.name}/{path.name}: {words} words, outside 250-380")
    return errors


def main() -> int:
    gold = ROOT / "gold.jsonl"
    errors: list[str] = []
    good: list[dict] = []
    seen: set = set()
    texts: dict = {}
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
        if not problems:
            good.append(fact)
        if isinstance(fact, dict):
            facts += 1
            conflicts += fact.get("verdict") == "conflict"
            timed += fact.get("verdict") == "conflict" and fact.get("explained_by_time") is True
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
