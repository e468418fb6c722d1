"""Scale of `plandiff corpus`: corpora of N documents made from the seeds and ../shared/corpus texts with
random edits (so none is a copy), timed cold (empty store) and incremental (one document added), each as a
whole process, with the peak memory of its whole process tree; both as ratios to one `plandiff outline`
of seed 003 run in the same script (median of --runs).

    .venv/bin/python bench/corpus.py [--docs 100] [--runs 5] [--keep DIR]

Floors (issue 18, 2 cores): 1,000 documents (~150 MB of text) cold within 15 min, one added document
under 30 s, under 4 GB of memory.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEED_003 = ROOT / "inputs" / "kunshan" / "15th-plan.txt"
LEVELS = ("province", "prefecture", "county", "district")
# Words an edit inserts: the vocabulary plans add when they adapt a text.
INSERTS = ("进一步", "全面", "加快", "持续", "高水平", "因地制宜", "统筹", "系统", "扎实", "积极稳妥")
SAMPLE_SECONDS = 0.2


def source_texts() -> list[tuple[str, list[str]]]:
    """(name, clean lines) of every seed and development-corpus text, read by plandiff's own ingest."""
    sys.path.insert(0, str(ROOT))
    from plandiff import ingest_file

    paths = sorted((ROOT / "inputs").rglob("*.txt"))
    if SHARED.is_dir():
        paths += sorted(p for p in SHARED.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    return [(path.stem, [line.text for line in ingest_file(path).lines]) for path in paths]


def edited(lines: list[str], rng: random.Random, share: float = 0.05) -> list[str]:
    """The lines with about ``share`` of them edited: a phrase inserted, a clause dropped, characters changed."""
    result = list(lines)
    candidates = [n for n, line in enumerate(result) if len(line) > 20]
    for n in rng.sample(candidates, max(3, int(len(candidates) * share))):
        line = result[n]
        cut = rng.randrange(1, len(line) - 1)
        action = rng.randrange(3)
        if action == 0:
            result[n] = line[:cut] + rng.choice(INSERTS) + line[cut:]
        elif action == 1:
            clauses = line.split("，")
            if len(clauses) > 2:
                del clauses[rng.randrange(len(clauses))]
                result[n] = "，".join(clauses)
            else:
                result[n] = line[:cut] + line[cut + 2 :]
        else:
            result[n] = line[:cut] + rng.choice("新实强优") + line[cut + 1 :]
    return result


def write_document(
    folder: Path, number: int, sources: list[tuple[str, list[str]]], rng: random.Random
) -> str:
    """One edited document and its manifest entry."""
    name, lines = sources[number % len(sources)]
    text = "\n".join(edited(lines, rng)) + "\n"
    path = folder / f"doc-{number:04d}.txt"
    path.write_text(text, encoding="utf-8")
    period = 15 if "15" in name else 14
    return (
        f'[[document]]\nid = "doc-{number:04d}"\npath = "{path.name}"\nplace = "样本{number:04d}"\n'
        f'level = "{rng.choice(LEVELS)}"\nperiod = {period}\n'
        f'date = "{2020 + period - 14 + rng.randrange(5)}-{rng.randrange(1, 13):02d}-01"\n'
    )


def run(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak memory of the whole process tree (MB), sampled every SAMPLE_SECONDS."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(SAMPLE_SECONDS)
    elapsed = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="outline runs for the baseline median")
    parser.add_argument("--keep", help="build the corpus in this folder and keep it")
    args = parser.parse_args()
    rng = random.Random(18)
    sources = source_texts()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="plandiff-corpus-bench-"))
    inputs, out = base / "inputs", base / "out"
    shutil.rmtree(base, ignore_errors=True)
    inputs.mkdir(parents=True)
    entries = [write_document(inputs, n, sources, rng) for n in range(args.docs)]
    (inputs / "plans.toml").write_text("\n".join(entries), encoding="utf-8")
    megabytes = sum(p.stat().st_size for p in inputs.glob("*.txt")) / 1e6
    plandiff = [sys.executable, "-m", "plandiff", "--quiet"]
    outline = statistics.median(run([*plandiff, "outline", str(SEED_003)])[0] for _ in range(args.runs))
    corpus = [*plandiff, "corpus", str(inputs), "--out", str(out)]
    cold, cold_memory = run(corpus)
    entries.append(write_document(inputs, args.docs, sources, rng))
    (inputs / "plans.toml").write_text("\n".join(entries), encoding="utf-8")
    added, added_memory = run(corpus)
    unchanged, _ = run(corpus)
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True); "
            "print(*[c.execute(f'SELECT count(*) FROM {t}').fetchone()[0] for t in "
            "('analyses','panel','reuse_passages','adoption')])",
            str(out / "corpus.duckdb"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(f"corpus: {args.docs} documents + 1 added, {megabytes:.1f} MB of text, from {len(sources)} texts")
    print(
        f"store: {check[0]} documents, {check[1]} panel rows, {check[2]} reused passages, {check[3]} term uses"
    )
    print(f"baseline `plandiff outline` of seed 003: median {outline:.2f} s over {args.runs}")
    print("| run | wall s | × outline | peak MB (process tree) |")
    print("|---|---|---|---|")
    print(f"| cold ({args.docs} docs) | {cold:.1f} | {cold / outline:.0f} | {cold_memory:.0f} |")
    print(f"| one document added | {added:.1f} | {added / outline:.1f} | {added_memory:.0f} |")
    print(f"| nothing changed | {unchanged:.1f} | {unchanged / outline:.1f} | |")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
