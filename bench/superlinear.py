"""Timings of the two inputs issue 15 found superlinear, at four sizes each.

    python -m bench.superlinear [--line-kb 20,40,80,150] [--facts 8000,25000,50000,100000]

A line of '1, 1, 1, ...' of N KB (one article, every '1' a claim), checked cold (no cache) and
warm (the run's memo); and a rule file of N facts (distinct measures' figures) loaded by
`numcheck rules`. Each is a fresh process; the time includes its start-up. Linear work doubles
with the input.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(args: list[str], cwd: str, env: dict[str, str], timeout: float) -> float | None:
    t = time.perf_counter()
    try:
        subprocess.run(
            [sys.executable, "-m", "numcheck", *args],
            check=False,
            cwd=cwd,
            env=env,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t


def _shown(t: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if t is None else f"{t:.1f} s"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--line-kb", default="20,40,80,150")
    p.add_argument("--facts", default="8000,25000,50000,100000")
    p.add_argument("--timeout", type=float, default=600)
    a = p.parse_args()
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory() as tmp:
        env["NUMCHECK_CACHE_DIR"] = os.path.join(tmp, "cache")
        print("| line of '1, 1, 1, ...' | claims | cold | warm (memo) |\n|---|---|---|---|", flush=True)
        for kb in (int(x) for x in a.line_kb.split(",")):
            folder = os.path.join(tmp, f"line{kb}")
            os.makedirs(folder)
            n = kb * 1024 // 3
            with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
                f.write("The counts were " + ", ".join(["1"] * n) + ".\n")
            args = [folder, "--format", "json", "--no-local-rules"]
            cold = _run(args, tmp, env, a.timeout)
            warm = _run(args, tmp, env, a.timeout) if cold is not None else None
            print(f"| {kb} KB | {n:,} | {_shown(cold, a.timeout)} | {_shown(warm, a.timeout)} |", flush=True)
        print("\n| rule file | facts | `numcheck rules` |\n|---|---|---|", flush=True)
        for n in (int(x) for x in a.facts.split(",")):
            folder = os.path.join(tmp, f"rules{n}")
            os.makedirs(folder)
            with open(os.path.join(folder, "many.toml"), "w", encoding="utf-8") as f:
                f.write("[measures]\n" + "".join(f'm{i} = ["thing{i}"]\n' for i in range(n)))
                f.writelines(f'\n[[facts]]\nid = "f{i}"\nmeasure = "m{i}"\nvalue = {i + 1}\nsource = "s"\n' for i in range(n))
            size = os.path.getsize(os.path.join(folder, "many.toml"))
            t = _run(["rules", "--rules", folder, "--no-local-rules", "--format", "json"], tmp, env, a.timeout)
            print(f"| {size / 2**20:.1f} MB | {n:,} | {_shown(t, a.timeout)} |", flush=True)


if __name__ == "__main__":
    main()
