"""The baseline: bare quantulum3 parsing a corpus paragraph by paragraph, start-up included.

    python -m bench.bare FOLDER [--every K]

Reads every .txt/.md file below FOLDER, splits it into paragraphs (lines) and parses each with
quantulum3, as a naive checker would. With --every K only every K-th paragraph is parsed (the same
paragraphs each time), so the runner can time a sample of a large corpus and scale it up: a
paragraph's parse does not depend on the others. Prints one JSON line: start-up seconds (import and
first parse), parse seconds, the same in CPU seconds, characters parsed and characters in the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings


def paragraphs(folder: str) -> list[str]:
    out = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".txt", ".md")):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    out += [line for line in handle.read().split("\n") if line.strip()]
    return out


def main(argv: list[str] | None = None) -> int:
    started, started_cpu = time.perf_counter(), time.process_time()
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder")
    p.add_argument("--every", type=int, default=1)
    args = p.parse_args(argv)
    warnings.simplefilter("ignore")
    from quantulum3 import parser

    parser.parse("It is 5 km away.")
    ready, ready_cpu = time.perf_counter(), time.process_time()
    paras = paragraphs(args.folder)
    sample = paras[:: args.every]
    t0, c0 = time.perf_counter(), time.process_time()
    for para in sample:
        parser.parse(para)
    parsed, parsed_cpu = time.perf_counter() - t0, time.process_time() - c0
    json.dump(
        {
            "startup": ready - started,
            "parse": parsed,
            "startup_cpu": ready_cpu - started_cpu,
            "parse_cpu": parsed_cpu,
            "chars_parsed": sum(map(len, sample)),
            "chars_total": sum(map(len, paras)),
        },
        sys.stdout,
    )
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
