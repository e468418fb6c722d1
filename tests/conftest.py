"""Plain fixtures: the embedded corpus and the hand-checked answer keys."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
GOLD = Path(__file__).resolve().parent / "data" / "gold"

# The seed numbers the answer keys use, and where each seed sits in the embedded corpus.
SEED_FILES = {
    "000": "kunshan/14th-plan-interpretation.txt",
    "001": "wujiang/14th-plan.txt",
    "002": "kunshan/2022-article-county-model.txt",
    "003": "kunshan/15th-plan.txt",
    "004": "suzhou/15th-plan-recommendations.txt",
}


def seed_path(seed: str) -> Path:
    """The embedded copy of a seed file."""
    return INPUTS / SEED_FILES[seed]


def read_gold(name: str) -> list[dict[str, str]]:
    """Rows of an answer key CSV."""
    with (GOLD / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def inputs_dir() -> Path:
    return INPUTS
