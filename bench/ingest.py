"""Whole-process time and peak memory of `plandiff ingest` / `plandiff outline` / `plandiff indicators`
on each seed, median of several runs, as a ratio against a baseline process that only starts Python,
imports the same libraries and reads the file (run in the same script, on the same machine).

    .venv/bin/python bench/ingest.py [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANDIFF = [sys.executable, "-m", "plandiff", "--quiet"]
BASELINE = (
    "import pathlib, sys, lxml, docx, pypdfium2, charset_normalizer; pathlib.Path(sys.argv[1]).read_text()"
)
DOCUMENTS = {
    "kunshan-14-interpretation": "inputs/kunshan/14th-plan-interpretation.txt",
    "wujiang-14-plan": "inputs/wujiang/14th-plan.txt",
    "kunshan-14-article": "inputs/kunshan/2022-article-county-model.txt",
    "kunshan-15-plan": "inputs/kunshan/15th-plan.txt",
    "suzhou-15-recommendations": "inputs/suzhou/15th-plan-recommendations.txt",
}


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak resident MB of a command run ``runs`` times."""
    times, peaks = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        peaks.append(max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024)
    return statistics.median(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"{'document':28} {'step':10} {'median s':>9} {'ratio':>6} {'peak MB':>8}")
    for doc_id, path in DOCUMENTS.items():
        base_time, _ = measure([sys.executable, "-c", BASELINE, path], runs)
        for step in ("ingest", "outline", "indicators"):
            seconds, peak = measure([*PLANDIFF, step, doc_id], runs)
            print(f"{doc_id:28} {step:10} {seconds:9.3f} {seconds / base_time:6.2f} {peak:8.1f}")
        print(f"{doc_id:28} {'baseline':10} {base_time:9.3f} {1:6.2f}")


if __name__ == "__main__":
    main()
