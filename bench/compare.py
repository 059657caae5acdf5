"""Two source trees of numcheck on one corpus, cold and warm, runs alternated: CPU time first.

    python -m bench.compare CORPUS --tree before=/path/to/old --tree after=. --repeat 3

On a shared machine wall time says more about the neighbours than about numcheck, so the first
figure is CPU time: user + system of the run and every process it started — its pool's fork server
and workers included, which outlive it by a moment and would escape a plain `time` (this process
is made their subreaper and waits for them). Each repetition runs every tree in turn, a cold run
(empty cache) then a warm one (same cache: the run's memo); the median of the repetitions is
printed with wall time and peak RSS summed over the process tree (bench.run.timed). Each run is
`python -m numcheck CORPUS --format github`, from a folder outside both trees with PYTHONPATH set
to the tree, so each tree runs its own code. A last warm run per tree under `-X importtime` lists
which of spaCy, quantulum3, dateparser and lingua a warm run imports (it should be none).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

from .run import numcheck_cmd, timed

_PR_SET_CHILD_SUBREAPER = 36
HEAVY = ("spacy", "quantulum3", "dateparser", "lingua")


def _reap() -> None:
    """Wait for every orphaned descendant (the fork server outlives the run by a moment)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(tree: str, corpus: str, cache: str, cwd: str, jobs: int | None) -> dict[str, float]:
    """One run of a tree's numcheck: CPU s (whole tree of processes), wall s, peak summed RSS MB."""
    env = dict(os.environ, PYTHONPATH=os.path.abspath(tree), PYTHONHASHSEED="0")
    before = _children_cpu()
    t = timed(numcheck_cmd(corpus, cache, jobs, "github"), cwd, env)
    _reap()
    return {
        "cpu": round(_children_cpu() - before, 2),
        "wall": t.seconds,
        "rss": t.peak_rss_mb,
        "exit": t.exit_code,
        "claims": t.claims or 0,
    }


def imports(tree: str, corpus: str, cache: str, cwd: str, jobs: int | None) -> list[str]:
    """Which heavy packages a run imports (python -X importtime)."""
    env = dict(os.environ, PYTHONPATH=os.path.abspath(tree), PYTHONHASHSEED="0")
    probe = subprocess.run(
        numcheck_cmd(corpus, cache, jobs, "github", ["-X", "importtime"]), cwd=cwd, env=env, capture_output=True, text=True
    )
    _reap()
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in probe.stderr.splitlines() if "|" in line}
    return sorted(names & set(HEAVY))


def _joined(rs: list[dict[str, float]], key: str) -> str:
    return ", ".join(f"{r[key]:.2f}" for r in rs)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus")
    p.add_argument("--tree", action="append", required=True, metavar="LABEL=PATH")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--jobs", type=int, help="numcheck --jobs (default: every core)")
    p.add_argument("--out", help="write the runs and medians here as JSON")
    args = p.parse_args(argv)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("warning: not a subreaper; the pool's CPU time may be missed", file=sys.stderr)
    trees = dict(t.split("=", 1) for t in args.tree)
    corpus = os.path.abspath(args.corpus)
    work = tempfile.mkdtemp(prefix="numcheck-compare-")  # outside both trees: `-m numcheck` reads PYTHONPATH
    runs: dict[str, dict[str, list[dict[str, float]]]] = {t: {"cold": [], "warm": []} for t in trees}
    try:
        for i in range(args.repeat):
            for label, tree in trees.items():
                cache = os.path.join(work, f"cache-{label}")
                shutil.rmtree(cache, ignore_errors=True)
                for kind in ("cold", "warm"):
                    r = run(tree, corpus, cache, work, args.jobs)
                    runs[label][kind].append(r)
                    print(f"{i + 1} {label:8} {kind}: {json.dumps(r)}", file=sys.stderr, flush=True)
        heavy = {
            label: imports(tree, corpus, os.path.join(work, f"cache-{label}"), work, args.jobs) for label, tree in trees.items()
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| tree | run | CPU s (median) | CPU s (runs) | wall s (median) | wall s (runs) | peak RSS MB (median) | claims |")
    print("|---|---|---|---|---|---|---|---|")
    medians: dict[str, dict[str, dict[str, float]]] = {}
    for label in trees:
        for kind in ("cold", "warm"):
            rs = runs[label][kind]
            m = {k: statistics.median(r[k] for r in rs) for k in ("cpu", "wall", "rss")}
            medians.setdefault(label, {})[kind] = m
            print(
                f"| {label} | {kind} | {m['cpu']:.2f} | {_joined(rs, 'cpu')} | {m['wall']:.2f} | "
                f"{_joined(rs, 'wall')} | {m['rss']:.0f} | {rs[0]['claims']:,} |"
            )
    for label in trees:
        print(f"- {label}: a warm run imports {', '.join(heavy[label]) or 'none of ' + ', '.join(HEAVY)}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump({"runs": runs, "medians": medians, "warm_imports": heavy}, handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
