"""`plandiff compare` of the Kunshan 14th interpretation (000) against the 15th plan (003) as a whole
process (median wall time of several runs, peak memory), next to a difflib character diff of the same
two texts run in the same script; prints the ratio.

    .venv/bin/python bench/compare.py [--runs 5] [--baseline-runs 1]
"""

from __future__ import annotations

import argparse
import difflib
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD, NEW = ROOT / "inputs/kunshan/14th-plan-interpretation.txt", ROOT / "inputs/kunshan/15th-plan.txt"
COMMAND = [
    sys.executable,
    "-m",
    "plandiff",
    "--quiet",
    "compare",
    "kunshan-14-interpretation",
    "kunshan-15-plan",
    "--json",
]


def run_plandiff(runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(COMMAND, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_difflib(runs: int) -> float:
    old, new = OLD.read_text(encoding="utf-8"), NEW.read_text(encoding="utf-8")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        list(difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-runs", type=int, default=1, help="difflib takes about a minute a run")
    args = parser.parse_args()
    seconds, peak = run_plandiff(args.runs)
    print(f"plandiff compare 000 vs 003: median {seconds:.2f} s over {args.runs} runs, peak {peak:.0f} MB")
    baseline = run_difflib(args.baseline_runs)
    print(
        f"difflib character diff of the same texts: median {baseline:.2f} s over {args.baseline_runs} run(s)"
    )
    print(f"ratio plandiff / difflib: {seconds / baseline:.3f}")


if __name__ == "__main__":
    main()
