"""The benchmark: numcheck against bare quantulum3 on generated news corpora (or any folder).

    python -m bench.run                      # 100, 1,000 and 10,000 articles
    python -m bench.run --huge               # and 100,000
    python -m bench.run --sizes 100,1000 --jobs 2 --baseline full
    python -m bench.run --corpus ~/archive   # any folder of articles
    python -m bench.run --copies 10          # and a warm run of 10 copies of the 10,000 (100,000 articles)

For each corpus it times, each as a fresh process with its start-up: a cold run of
`python -m numcheck CORPUS --format github` (empty cache; one line per finding, as CI prints; the
table format spends seconds in tabulate on big reports), a warm run (same corpus, same cache: the
run's memo gives the last report), a warm run with the memo forgotten (every claim from the cache,
checked again), a re-run after one article changed, and bare quantulum3 parsing the same text paragraph by paragraph
(bench/bare.py). It prints articles/s, MB/s, peak memory (RSS summed over numcheck's processes,
sampled every 50 ms), the ratios, and how time grows with the corpus (the exponent of a power-law
fit: 1.0 is linear). Corpora, caches and results go to bench/out/ (git-ignored).

Bare quantulum3 runs at about 25,000 characters a second, so on large corpora it is timed on an
evenly spread sample of paragraphs of at least --baseline-chars characters and scaled to the whole
text (its start-up is measured, not scaled); `--baseline full` parses everything.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass

from . import generate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


@dataclass
class Timing:
    seconds: float
    peak_rss_mb: float  # summed over the process tree
    cpu_seconds: float  # user + system time of the process tree, as last sampled
    exit_code: int
    claims: int | None = None  # from numcheck's summary line, when it printed one


@dataclass
class Row:
    corpus: str
    articles: int
    mb: float
    cold: Timing
    warm: Timing
    rechecked: Timing  # warm, with the run's memo forgotten: every claim from the cache, checked again
    one_changed: Timing
    bare_seconds: float
    bare_cpu_seconds: float
    bare_sampled: str
    warm_imports_quantulum3: bool | None = None


def _tree_rss(root: int, cpu: dict[int, float]) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc); their CPU time into cpu."""
    parents: dict[int, int] = {}
    ticks: dict[int, float] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(name)] = int(fields[1])
                ticks[int(name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier += kids
    total = 0
    for pid in tree:
        cpu[pid] = max(cpu.get(pid, 0.0), ticks.get(pid, 0.0))
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def timed(cmd: list[str], cwd: str, env: dict[str, str] | None = None) -> Timing:
    """Run a command to completion, its output discarded; wall time and peak summed RSS."""
    peak = 0
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid, cpu))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    out.seek(max(0, out.seek(0, os.SEEK_END) - 4096))
    claims = re.findall(rb"numcheck [^:]+: .*?([\d,]+) (?:claims|figures read)", out.read())
    out.close()
    return Timing(
        round(seconds, 2),
        round(peak / 2**20, 1),
        round(sum(cpu.values()), 1),
        proc.returncode,
        int(claims[-1].replace(b",", b"")) if claims else None,
    )


def bare(corpus: str, chars: int, min_chars: int) -> tuple[float, float, str]:
    """Bare quantulum3's time and CPU time for the whole corpus, with a note when it was timed on a sample."""
    every = max(1, chars // min_chars) if min_chars else 1
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "bench.bare", corpus, "--every", str(every)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    r = json.loads(out.stdout.strip().splitlines()[-1])
    scale = r["chars_total"] / max(1, r["chars_parsed"])
    cpu = r["startup_cpu"] + r["parse_cpu"] * scale
    if every == 1:
        return round(wall, 2), round(cpu, 1), "full"
    scaled = wall - r["parse"] + r["parse"] * scale
    return round(scaled, 2), round(cpu, 1), f"1/{every} of paragraphs ({r['chars_parsed']:,} chars), scaled"


def numcheck_cmd(corpus: str, cache: str, jobs: int | None, fmt: str, extra: list[str] | None = None) -> list[str]:
    cmd = [
        sys.executable,
        *(extra or []),
        "-m",
        "numcheck",
        os.path.abspath(corpus),
        "--no-local-rules",
        "--cache-dir",
        cache,
        "--format",
        fmt,
    ]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def measure(
    corpus: str, label: str, out_dir: str, jobs: int | None, fmt: str, baseline: str, baseline_chars: int, check_imports: bool
) -> Row:
    paths = [os.path.join(r, n) for r, _, ns in os.walk(corpus) for n in ns if n.endswith((".txt", ".md", ".markdown"))]
    size = sum(os.path.getsize(p) for p in paths)
    cache = os.path.join(out_dir, f"cache-{label}")
    shutil.rmtree(cache, ignore_errors=True)
    cmd = numcheck_cmd(corpus, cache, jobs, fmt)
    cold = timed(cmd, out_dir)
    warm = timed(cmd, out_dir)
    shutil.rmtree(os.path.join(cache, "runs"), ignore_errors=True)  # the memo (numcheck/memo.py)
    rechecked = timed(cmd, out_dir)
    imports = None
    if check_imports:
        probe = subprocess.run(
            numcheck_cmd(corpus, cache, jobs, fmt, ["-X", "importtime"]), cwd=out_dir, capture_output=True, text=True
        )
        imports = any(line.rstrip().endswith(("quantulum3", "inflect", "spacy")) for line in probe.stderr.splitlines())
    victim = sorted(paths)[len(paths) // 2]
    with open(victim, encoding="utf-8") as handle:
        original = handle.read()
    try:
        with open(victim, "a", encoding="utf-8") as handle:
            handle.write("\nOfficials later said 17 people had been killed.\n")
        changed = timed(cmd, out_dir)
    finally:
        with open(victim, "w", encoding="utf-8") as handle:
            handle.write(original)
    if baseline == "none":
        bare_s, bare_cpu, note = float("nan"), float("nan"), "not run"
    else:
        bare_s, bare_cpu, note = bare(corpus, size, 0 if baseline == "full" else baseline_chars)
    return Row(label, len(paths), round(size / 1e6, 2), cold, warm, rechecked, changed, bare_s, bare_cpu, note, imports)


def exponent(xs: list[float], ys: list[float]) -> float:
    """The slope of log y against log x: how time grows with the corpus (1.0 = linearly)."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / den if den else float("nan")


def table(rows: list[Row]) -> str:
    head = (
        "| corpus | articles | MB | claims | cold s (CPU s) | art/s | MB/s | cold peak RSS MB | warm s (CPU s) | "
        "warm peak RSS MB | cold/warm | no memo s (CPU s) | no memo peak RSS MB | 1 changed s (CPU s) | "
        "bare quantulum3 s (CPU s) | bare/cold |\n" + "|---" * 16 + "|"
    )
    lines = [head]
    for r in rows:
        lines.append(
            f"| {r.corpus} | {r.articles:,} | {r.mb:.1f} | {r.cold.claims or 0:,} | {r.cold.seconds:.1f} "
            f"({r.cold.cpu_seconds:.0f}) | "
            f"{r.articles / r.cold.seconds:,.0f} | {r.mb / r.cold.seconds:.2f} | {r.cold.peak_rss_mb:,.0f} | "
            f"{r.warm.seconds:.2f} ({r.warm.cpu_seconds:.1f}) | {r.warm.peak_rss_mb:,.0f} | "
            f"{r.cold.seconds / r.warm.seconds:.1f}× | "
            f"{r.rechecked.seconds:.2f} ({r.rechecked.cpu_seconds:.1f}) | {r.rechecked.peak_rss_mb:,.0f} | "
            f"{r.one_changed.seconds:.2f} ({r.one_changed.cpu_seconds:.1f}) | {r.bare_seconds:,.1f} "
            f"({r.bare_cpu_seconds:,.0f}) | "
            f"{r.bare_seconds / r.cold.seconds:.1f}× |"
        )
    notes = [f"- {r.corpus}: bare quantulum3 {r.bare_sampled}" for r in rows if r.bare_sampled != "full"]
    notes += [
        f"- {r.corpus}: warm run imports quantulum3 or spaCy: {'yes' if r.warm_imports_quantulum3 else 'no'}"
        for r in rows
        if r.warm_imports_quantulum3 is not None
    ]
    if len(rows) > 1:
        xs = [float(r.articles) for r in rows]
        notes.append(
            f"- growth exponent (time against articles, 1.0 = linear): cold {exponent(xs, [r.cold.seconds for r in rows]):.2f}, "
            f"warm {exponent(xs, [r.warm.seconds for r in rows]):.2f}, "
            f"no memo {exponent(xs, [r.rechecked.seconds for r in rows]):.2f}"
        )
        small, big = rows[0], rows[-1]
        if small.cold.claims and big.cold.claims and big.cold.claims > small.cold.claims:
            per = [
                (getattr(big, t).peak_rss_mb - getattr(small, t).peak_rss_mb) * 2**20 / (big.cold.claims - small.cold.claims)
                for t in ("cold", "warm", "rechecked")
            ]
            notes.append(
                f"- peak RSS per added claim, {small.corpus} to {big.corpus}: cold {per[0]:,.0f} bytes, "
                f"warm {per[1]:,.0f} bytes, no memo {per[2]:,.0f} bytes"
            )
    return "\n".join(lines + [""] + notes)


def copies(folder: str, k: int, out_dir: str, label: str, jobs: int | None, fmt: str) -> str:
    """The warm run of k copies of a corpus side by side (hard links): the cache, keyed by content, has
    every article's claims, so this shows the time and memory of a corpus k times larger without its
    cold run. The first run over the copies' new paths also reads their front matter once (what
    reading a file gave is remembered by path); the second, timed, is warm throughout."""
    big = f"{folder}-x{k}"
    if not os.path.isdir(big):
        for i in range(k):
            shutil.copytree(folder, os.path.join(big, f"copy{i:02d}"), copy_function=os.link)
    arts = sum(len(ns) for _, _, ns in os.walk(big))
    cmd = numcheck_cmd(big, os.path.join(out_dir, f"cache-{label}"), jobs, fmt)
    first, t = timed(cmd, out_dir), timed(cmd, out_dir)
    shutil.rmtree(os.path.join(out_dir, f"cache-{label}", "runs"), ignore_errors=True)
    again = timed(cmd, out_dir)
    return (
        f"- {k} copies of {label} ({arts:,} articles, {first.claims or 0:,} claims): first run over the new "
        f"paths {first.seconds:.1f} s ({first.cpu_seconds:.0f} CPU s), peak RSS {first.peak_rss_mb:,.0f} MB "
        f"(claims from the cache, reading each file's front matter once); warm {t.seconds:.1f} s "
        f"({t.cpu_seconds:.0f} CPU s), peak RSS {t.peak_rss_mb:,.0f} MB; no memo {again.seconds:.1f} s "
        f"({again.cpu_seconds:.0f} CPU s), peak RSS {again.peak_rss_mb:,.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100,1000,10000", help="corpus sizes in articles, comma-separated")
    p.add_argument("--huge", action="store_true", help="add a 100,000-article corpus (about 290 MB, long)")
    p.add_argument("--corpus", action="append", default=[], help="benchmark this folder instead (repeatable)")
    p.add_argument("--jobs", type=int, help="numcheck --jobs (default: every core)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--format", default="github", help="numcheck's output format (default github: one annotation per finding, as CI prints)"
    )
    p.add_argument("--baseline", choices=("sample", "full", "none"), default="sample")
    p.add_argument("--baseline-chars", type=int, default=1_500_000, help="text bare quantulum3 parses at least, when sampling")
    p.add_argument(
        "--copies",
        type=int,
        default=0,
        metavar="K",
        help="then a warm run of K copies of the largest corpus (10 copies of 10,000: 100,000 articles)",
    )
    p.add_argument("--out", default=os.path.join(HERE, "out"))
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    rows: list[Row] = []
    if args.corpus:
        targets = [(os.path.abspath(c), os.path.basename(os.path.normpath(c))) for c in args.corpus]
    else:
        sizes = [int(s) for s in args.sizes.split(",") if s] + ([100_000] if args.huge else [])
        targets = []
        for n in sizes:
            folder = os.path.join(args.out, f"corpus-{n}-seed{args.seed}")
            if not os.path.isdir(folder):
                generate.write(folder, n, args.seed)
            targets.append((folder, f"generated {n:,}"))
    for i, (folder, label) in enumerate(targets):
        print(f"benchmarking {label} ...", file=sys.stderr, flush=True)
        rows.append(
            measure(
                folder,
                label.replace(" ", "-").replace(",", ""),
                args.out,
                args.jobs,
                args.format,
                args.baseline,
                args.baseline_chars,
                check_imports=i == 0,
            )
        )
        print(table(rows[-1:]), file=sys.stderr, flush=True)
    text = table(rows)
    if args.copies and rows:
        print(f"benchmarking {args.copies} copies of {targets[-1][1]} ...", file=sys.stderr, flush=True)
        text += "\n" + copies(targets[-1][0], args.copies, args.out, rows[-1].corpus, args.jobs, args.format)
    print(f"numcheck benchmark, {os.cpu_count()} cores, jobs={args.jobs or 'all'}, --format {args.format}\n\n{text}")
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as handle:
        json.dump([asdict(r) for r in rows], handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
