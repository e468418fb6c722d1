"""Time of a no-change `plandiff ci` run against a full run on a copy of the embedded corpus (median of
several no-change runs, each as a whole process; ratio printed).

    .venv/bin/python bench/ci.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "inputs"
        shutil.copytree(ROOT / "inputs", inputs)
        command = [
            sys.executable,
            "-m",
            "plandiff",
            "--quiet",
            "ci",
            "--config",
            str(inputs / "plans.toml"),
            "--out",
            str(Path(folder) / "out"),
            "--date",
            "2026-01-01",
        ]
        full = timed(command)
        quiet = statistics.median(timed(command) for _ in range(runs))
    print(
        f"full run: {full:.2f} s; no-change run: median {quiet:.2f} s over {runs}; ratio {quiet / full:.3f}"
    )


if __name__ == "__main__":
    main()
