"""Wall time and peak memory of `plandiff report` on the embedded corpus as a whole process (median of
several runs), next to a baseline process that imports the same libraries and does nothing.

    .venv/bin/python bench/report.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "import weasyprint, openpyxl, scipy.optimize, jinja2, duckdb, numpy"


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak resident MB of ``command`` run ``runs`` times in a fresh child
    (a child of its own, so the peak is this command's and not an earlier one's)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    peak = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    return statistics.median(times), int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as out:
        seconds, peak = measure(
            [sys.executable, "-m", "plandiff", "--quiet", "report", "--out", out, "--date", "2026-01-01"],
            runs,
        )
        packs = len([p for p in os.listdir(out) if (Path(out) / p / "report.pdf").exists()])
    base_seconds, base_peak = measure([sys.executable, "-c", BASELINE], runs)
    print(f"plandiff report ({packs} packs): median {seconds:.2f} s, peak {peak:.0f} MB over {runs} runs")
    print(f"baseline (imports only): median {base_seconds:.2f} s, peak {base_peak:.0f} MB")
    print(f"ratio: {seconds / base_seconds:.1f}x time, {peak / base_peak:.1f}x memory")


if __name__ == "__main__":
    main()
