"""The load run: a generated corpus through the CLI and through the pytest plugin with xdist, checked.

    python -m bench.load                         # 10,000 articles, seed 1
    python -m bench.load --articles 500 --workers 2

The corpus comes from bench/generate.py (deterministic; about one story in four has an article
that contradicts the toll). Each run starts from an empty cache. It checks what a newsroom's CI
relies on: every file is in the report (none lost), every article is checked, nothing is skipped
or noted, and the plugin fails exactly the articles the CLI reports errors for. How many planted
conflicts were found (and which were missed) is printed: that is extraction's recall, measured
here, not a load failure. It prints the figures, writes them to OUT/load.json, and exits 1 when a
check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from . import generate
from .run import Timing, timed

HERE = Path(__file__).resolve().parent


def corpus(out: Path, articles: int, seed: int) -> dict[str, object]:
    """The generated corpus below out/corpus, made again only when its size or seed changed."""
    manifest = out / "corpus.json"
    if manifest.is_file():
        known = json.loads(manifest.read_text(encoding="utf-8"))
        if known.get("articles") == articles and known.get("seed") == seed:
            return known
    shutil.rmtree(out / "corpus", ignore_errors=True)
    return generate.write(str(out / "corpus"), articles, seed)


def cli(out: Path, jobs: int | None) -> tuple[Timing, dict]:
    shutil.rmtree(out / "cache-cli", ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "numcheck",
        "corpus",
        "--no-local-rules",
        "--format",
        "json",
        "--output",
        "cli.json",
        "--cache-dir",
        "cache-cli",
    ] + (["--jobs", str(jobs)] if jobs else [])
    timing = timed(cmd, str(out))
    return timing, json.loads((out / "cli.json").read_text(encoding="utf-8"))


def plugin(out: Path, workers: int) -> tuple[Timing, dict[str, str]]:
    """pytest --numcheck with xdist; each article's outcome ("passed", "failed", ...) by path."""
    shutil.rmtree(out / "cache-plugin", ignore_errors=True)
    (out / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # this folder is the rootdir
    env = dict(os.environ, NUMCHECK_CACHE_DIR=str(out / "cache-plugin"), PYTHONHASHSEED="0")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "--numcheck",
        "corpus",
        "-n",
        str(workers),
        "-q",
        "-p",
        "no:cacheprovider",
        "--junitxml",
        "junit.xml",
        "-o",
        "junit_family=xunit1",
    ]  # xunit1 names the file of each case
    timing = timed(cmd, str(out), env)
    outcomes: dict[str, str] = {}
    for case in ET.parse(out / "junit.xml").getroot().iter("testcase"):
        status = (
            "failed"
            if case.find("failure") is not None
            else "error"
            if case.find("error") is not None
            else "skipped"
            if case.find("skipped") is not None
            else "passed"
        )
        outcomes[case.get("file", "")] = status
    return timing, outcomes


def verify(out: Path, manifest: dict, report: dict, outcomes: dict[str, str]) -> dict[str, object]:
    """The figures and the checks: nothing lost, planted conflicts found, CLI and plugin agree."""
    on_disk = {str(p.relative_to(out)) for p in (out / "corpus").rglob("*") if p.is_file()}
    listed = {os.path.normpath(a["path"]) for a in report["articles"]}
    claims = {c["id"]: c for c in report["claims"]}
    errors = [f for f in report["findings"] if f["level"] == "error"]
    erring = {os.path.normpath(claims[i]["path"]) for f in errors for i in f["claims"]}
    conflicted = {Path(claims[f["claims"][0]]["path"]).parent.name for f in report["findings"] if f["kind"] == "conflict"}
    planted = set(manifest["conflict_stories"])  # type: ignore[arg-type]
    failed = {os.path.normpath(p) for p, s in outcomes.items() if s != "passed"}
    return {
        "articles": manifest["articles"],
        "mb": round(int(manifest["chars"]) / 1e6, 1),  # type: ignore[call-overload]
        "files_on_disk": len(on_disk),
        "files_lost": len(on_disk - listed),
        "checked": sum(a["status"] == "checked" for a in report["articles"]),
        "skipped": report["summary"]["skipped"],
        "notes": report["notes"],
        "claims": report["summary"]["claims"],
        "errors": report["summary"]["errors"],
        "planted_conflict_stories": len(planted),
        "planted_found": len(planted & conflicted),
        "planted_missed": sorted(planted - conflicted),  # extraction's recall, not a load failure: reported
        "plugin_items": len(outcomes),
        "plugin_failed": len(failed),
        "plugin_disagrees_with_cli": sorted(failed ^ erring)[:10],
    }


def commit() -> str:
    """The code measured: HEAD, '+' when the tree has changes (the workspace is shared), or 'unknown' in a snapshot."""
    import numcheck

    here = Path(numcheck.__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "numcheck"], cwd=here, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2, help="pytest-xdist workers (-n)")
    p.add_argument("--jobs", type=int, help="the CLI's worker processes (default: every core)")
    p.add_argument("--out", default=str(HERE / "out" / "load"))
    p.add_argument("--cli-only", action="store_true", help="skip the pytest plugin run")
    args = p.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    manifest = corpus(out, args.articles, args.seed)
    cli_time, report = cli(out, args.jobs)
    plugin_time, outcomes = (Timing(0.0, 0.0, 0.0, 0), {}) if args.cli_only else plugin(out, args.workers)
    figures = verify(out, manifest, report, outcomes)
    if args.cli_only:
        figures.update(plugin_items="not run", plugin_failed="not run", plugin_disagrees_with_cli=[])
    figures.update(
        commit=commit(),
        cli_seconds=cli_time.seconds,
        cli_peak_rss_mb=cli_time.peak_rss_mb,
        cli_exit=cli_time.exit_code,
        plugin_seconds=plugin_time.seconds,
        plugin_peak_rss_mb=plugin_time.peak_rss_mb,
        plugin_exit=plugin_time.exit_code,
        workers=args.workers,
    )
    (out / "load.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    for key, value in figures.items():
        print(f"{key:28} {value}")
    ok = (
        figures["files_lost"] == 0
        and figures["checked"] == figures["articles"]
        and not figures["notes"]
        and figures["planted_found"] > 0
        and cli_time.exit_code in (0, 1)
        and (args.cli_only or figures["plugin_items"] == figures["articles"] and not figures["plugin_disagrees_with_cli"])
    )
    print("load run: " + ("every check holds" if ok else "A CHECK FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
