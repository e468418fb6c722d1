"""Score section pairs against the hand-made alignment key (tests/data/gold/sections_000_003.csv).

A key names a unit of an inventory; its span comes from the inventory. A predicted section is *related*
to a key unit when it lies mostly inside it, or contains it and is at most four times its size (the rule
in README_sections.md). A predicted pair is correct when both sides are related to the same key pair; a
key pair is found when some predicted pair is related to it on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plandiff.model import SectionPair, SectionRef
from tests.conftest import read_gold

Span = tuple[int, int]


class Spans(dict[str, Span]):
    """Inventory spans by key; a key ``L<line>:…`` not in the inventory is the finest unit at that line."""

    def __init__(self, seed: str) -> None:
        rows = read_gold(f"inventory_{seed}.csv")
        super().__init__((row["key"], (int(row["line"]), int(row["end_line"]))) for row in rows)
        self.by_line = {}
        for row in sorted(rows, key=lambda r: int(r["rank"])):
            self.by_line[int(row["line"])] = (int(row["line"]), int(row["end_line"]))

    def __missing__(self, key: str) -> Span:
        found = re.match(r"L(\d+):", key)
        if found and int(found.group(1)) in self.by_line:
            return self.by_line[int(found.group(1))]
        raise KeyError(key)


def spans(seed: str) -> dict[str, Span]:
    return Spans(seed)


def related(section: SectionRef, unit: Span) -> bool:
    start, end = section.line, section.end_line
    size = end - start + 1
    unit_size = unit[1] - unit[0] + 1
    overlap = max(0, min(end, unit[1]) - max(start, unit[0]) + 1)
    if overlap >= 0.5 * size:
        return True
    return start <= unit[0] and unit[1] <= end and size <= 4 * unit_size


@dataclass(frozen=True)
class AlignmentScore:
    precision: float
    recall: float
    f1: float
    unmatched_precision: float
    unmatched_recall: float
    unmatched_f1: float
    strong_recall: float
    wrong: tuple[str, ...]
    missed: tuple[str, ...]


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_alignment(pairs: list[SectionPair], old_seed: str, new_seed: str, key_file: str) -> AlignmentScore:
    old_spans, new_spans = spans(old_seed), spans(new_seed)
    gold_pairs: list[tuple[Span, Span]] = []
    strong: list[tuple[Span, Span]] = []
    gold_unmatched: list[tuple[str, Span]] = []
    for row in read_gold(key_file):
        left, right = row["left_key"], row["right_key"]
        if left and right:
            gold_pairs.append((old_spans[left], new_spans[right]))
            if row["strength"] == "strong":
                strong.append(gold_pairs[-1])
        elif left:
            gold_unmatched.append(("old", old_spans[left]))
        else:
            gold_unmatched.append(("new", new_spans[right]))
    predicted = [p for p in pairs if p.old and p.new]
    correct = [p for p in predicted if any(related(p.old, o) and related(p.new, n) for o, n in gold_pairs)]
    found = [g for g in gold_pairs if any(related(p.old, g[0]) and related(p.new, g[1]) for p in predicted)]
    precision = len(correct) / len(predicted) if predicted else 0.0
    recall = len(found) / len(gold_pairs) if gold_pairs else 1.0
    alone = [("old", p.old) if p.old else ("new", p.new) for p in pairs if not (p.old and p.new)]
    right_alone = [
        a for a in alone if any(a[0] == side and related(a[1], span) for side, span in gold_unmatched)
    ]
    found_alone = [g for g in gold_unmatched if any(a[0] == g[0] and related(a[1], g[1]) for a in alone)]
    u_precision = len(right_alone) / len(alone) if alone else 1.0
    u_recall = len(found_alone) / len(gold_unmatched) if gold_unmatched else 1.0
    return AlignmentScore(
        precision,
        recall,
        f1(precision, recall),
        u_precision,
        u_recall,
        f1(u_precision, u_recall),
        sum(1 for g in strong if g in found) / len(strong) if strong else 1.0,
        wrong=tuple(f"{p.old.title} ~ {p.new.title} ({p.score})" for p in predicted if p not in correct),
        missed=tuple(f"L{o[0]} ~ L{n[0]}" for o, n in gold_pairs if (o, n) not in found),
    )
