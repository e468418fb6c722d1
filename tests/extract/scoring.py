"""Score extracted indicators against the hand-checked key: recall, precision, attribute accuracy."""

from __future__ import annotations

import math
from dataclasses import dataclass

from plandiff.model import Indicator


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    unit: float
    qualifier: float
    year: float
    role: float
    matched: int
    gold: int
    predicted: int
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    def line(self, name: str) -> str:
        return (
            f"{name}: recall {self.recall:.3f} ({self.matched}/{self.gold}) precision {self.precision:.3f} "
            f"unit {self.unit:.3f} qualifier {self.qualifier:.3f} year {self.year:.3f} role {self.role:.3f}"
        )


def _same_value(row: dict[str, str], indicator: Indicator) -> bool:
    value = indicator.quantity.value
    if not row["value"]:
        return value is None
    return value is not None and math.isclose(float(row["value"]), value, rel_tol=1e-9)


def score(rows: list[dict[str, str]], predicted: list[Indicator]) -> Score:
    """Match each key row to one unused prediction on its line (±1) with the same value; soft rows are optional."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, str], Indicator]] = []
    soft_matches = 0
    for row in sorted(rows, key=lambda r: r["note"].startswith("soft")):
        line = int(row["line"])
        candidates = [
            (abs(p.line - line), i)
            for i, p in enumerate(predicted)
            if i not in used and abs(p.line - line) <= 1 and _same_value(row, p)
        ]
        if not candidates:
            continue
        _, index = min(candidates)
        used.add(index)
        if row["note"].startswith("soft"):
            soft_matches += 1
        else:
            pairs.append((row, predicted[index]))
    hard = [r for r in rows if not r["note"].startswith("soft")]
    counted = len(predicted) - soft_matches

    def accuracy(check) -> float:
        return sum(check(r, p) for r, p in pairs) / len(pairs) if pairs else 0.0

    matched_hard = {(r["line"], r["value"], r["name"]) for r, _ in pairs}
    return Score(
        recall=len(pairs) / len(hard) if hard else 1.0,
        precision=len(pairs) / counted if counted else 1.0,
        unit=accuracy(
            lambda r, p: r["unit"] == p.quantity.unit or (p.quantity.value is None and not p.quantity.unit)
        ),
        qualifier=accuracy(lambda r, p: r["qualifier"] == p.quantity.qualifier_text),
        year=accuracy(lambda r, p: (r["year"] or None) == (str(p.year) if p.year else None)),
        role=accuracy(lambda r, p: r["role"] == p.role.value),
        matched=len(pairs),
        gold=len(hard),
        predicted=counted,
        missed=tuple(
            f"L{r['line']} {r['value_text']}"
            for r in hard
            if (r["line"], r["value"], r["name"]) not in matched_hard
        ),
        spurious=tuple(f"L{p.line} {p.quantity.text}" for i, p in enumerate(predicted) if i not in used),
    )
