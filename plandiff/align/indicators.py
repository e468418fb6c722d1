"""Pair targets across two sides by what they measure.

Only targets are paired. Each document contributes one row per indicator: a table row wins over the
prose sentences that restate it. Names are compared after normalization (``extract.prose.normalize_name``:
GDP = 地区生产总值, 增速 = 增长, 研发支出 = 研发经费投入) with rapidfuzz; units must be compatible (same base
unit, or either side text-only). Each old target joins its best new one above MIN_NAME_SCORE, so two old
documents of one side (an interpretation and an article) may both point at one new target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Indicator, IndicatorRole, QuantityKind

# Name similarity (0..1) from which two targets count as the same indicator; calibrated on the Kunshan key.
MIN_NAME_SCORE = 0.72
# A text-only target (完成上级下达任务) pairs only with a name this close.
TEXT_ONLY_NAME_SCORE = 0.85
# Within one document, a prose target this close to a table row's name restates it.
RESTATEMENT_SCORE = 0.8


@dataclass(frozen=True, slots=True)
class Sided:
    """An indicator and the document it comes from."""

    document: str
    indicator: Indicator


def canonical_targets(document: str, indicators: Sequence[Indicator]) -> list[Sided]:
    """A document's targets, without prose restatements of its table rows or repeats of one name."""
    targets = [i for i in indicators if i.role is IndicatorRole.TARGET]
    table = [i for i in targets if i.source == "table"]
    kept: list[Indicator] = list(table)
    for indicator in targets:
        if indicator.source == "table":
            continue
        if any(name_score(indicator, other) >= RESTATEMENT_SCORE for other in kept):
            continue
        kept.append(indicator)
    return [Sided(document, i) for i in sorted(kept, key=lambda i: i.line)]


def name_score(a: Indicator, b: Indicator) -> float:
    """0..1: how alike two indicator names are."""
    x, y = a.normalized_name, b.normalized_name
    if not x or not y:
        return 0.0
    return max(fuzz.ratio(x, y), 0.9 * fuzz.partial_ratio(x, y) if min(len(x), len(y)) >= 4 else 0) / 100


def compatible(a: Indicator, b: Indicator) -> bool:
    """Whether two targets can be compared: both growth rates or both not, and the same base unit
    (or one of them text-only with closely matching names)."""
    if _is_growth(a) != _is_growth(b):
        return False
    if QuantityKind.TEXT_ONLY in (a.quantity.kind, b.quantity.kind):
        return name_score(a, b) >= TEXT_ONLY_NAME_SCORE
    percent = {"%", "百分点", "‰"}
    if a.quantity.base_unit in percent or b.quantity.base_unit in percent:
        return a.quantity.base_unit in percent and b.quantity.base_unit in percent
    return a.quantity.base_unit == b.quantity.base_unit or "" in (a.quantity.base_unit, b.quantity.base_unit)


def _is_growth(indicator: Indicator) -> bool:
    return bool(re.search(r"增长|增速|增幅", indicator.normalized_name))


def pair_targets(
    old: Sequence[Sided], new: Sequence[Sided]
) -> list[tuple[Sided | None, Sided | None, float]]:
    """(old, new, score) for paired targets, then (old, None) dropped and (None, new) new ones."""
    pairs: list[tuple[Sided | None, Sided | None, float]] = []
    used_new: set[int] = set()
    for o in old:
        scored = [
            (name_score(o.indicator, n.indicator), k)
            for k, n in enumerate(new)
            if compatible(o.indicator, n.indicator)
        ]
        best = max(scored, default=(0.0, -1))
        if best[0] >= MIN_NAME_SCORE:
            pairs.append((o, new[best[1]], round(best[0], 3)))
            used_new.add(best[1])
        else:
            pairs.append((o, None, 0.0))
    pairs.extend((None, n, 0.0) for k, n in enumerate(new) if k not in used_new)
    return pairs
