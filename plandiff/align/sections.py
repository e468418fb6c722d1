"""Pair the units of two sides: an optimal 1:1 assignment, then splits and merges, then what is left.

1. Score = content similarity (``similarity.py``) + TITLE_WEIGHT × title similarity, plus a small order
   prior (ORDER_PRIOR × closeness of relative positions) when both sides are versions of one place; the
   prior breaks ties, it cannot outweigh content, so moved chapters are still found.
2. Every unit of either side is paired with its best counterpart when that one stands out from the rest
   of the other side (MIN_DISTINCTNESS × the mean score), and with counterparts nearly as good (NEAR_BEST):
   plans split and merge chapters, so pairs are many-to-many.
3. ``scipy.optimize.linear_sum_assignment`` picks the optimal 1:1 backbone among those pairs; a backbone
   pair is ``same`` when it keeps the order of the others and ``moved`` when not; the other pairs are
   ``split`` (one old unit, several new) or ``merged``.
4. Units with no pair are ``added`` (new side) or ``removed`` (old side).
A pair's reported score is divided by the best possible one, so 1.0 means identical text and title.
Reviewer overrides pin or forbid pairs by section id. Thresholds were calibrated as a set on the Kunshan
14th/15th key (tests/align); re-run those tests after any change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..model import Relation, SectionPair
from .similarity import shared_terms, similarity_matrices
from .units import Unit

TITLE_WEIGHT = 0.15
ORDER_PRIOR = 0.05
# A unit's best counterpart must score at least MIN_PAIR and MIN_DISTINCTNESS times its mean score
# against the whole other side (a unit equally unlike everything has no counterpart).
MIN_PAIR = 0.05
MIN_DISTINCTNESS = 1.55
# Counterparts scoring at least NEAR_BEST of the best one are paired too (at most MAX_EXTRA of them).
NEAR_BEST = 0.8
MAX_EXTRA = 1


@dataclass(frozen=True, slots=True)
class Overrides:
    """Reviewer decisions: pairs to keep whatever their score, and pairs never to make (section ids)."""

    pin: frozenset[tuple[str, str]] = frozenset()
    forbid: frozenset[tuple[str, str]] = frozenset()


NO_OVERRIDES = Overrides()


def align_sections(
    old: Sequence[Unit], new: Sequence[Unit], *, order_prior: bool, overrides: Overrides = NO_OVERRIDES
) -> list[SectionPair]:
    """Section pairs (and unmatched sections) between two sides, old side in order first."""
    content, title = similarity_matrices(old, new)
    score = content + TITLE_WEIGHT * title
    if order_prior and old and new:
        positions = np.abs(np.subtract.outer([u.position for u in old], [u.position for u in new]))
        score = score + ORDER_PRIOR * (1 - positions)
    allowed = _allowed(old, new, overrides)
    pinned = {(int(i), int(j)) for i, j in np.argwhere(allowed == 2)}
    score = np.where(allowed == 0, 0.0, np.clip(score, 0.0, None))
    pairs = set(pinned)
    if score.size:
        pairs |= _counterparts(score, MAX_EXTRA) | {(i, j) for j, i in _counterparts(score.T, 0)}
    primary = _assignment(score, pairs)
    best_possible = 1 + TITLE_WEIGHT + (ORDER_PRIOR if order_prior else 0)
    return _label(old, new, score / best_possible, primary, pairs)


def _counterparts(score: np.ndarray, extra: int) -> set[tuple[int, int]]:
    """For each column (a unit of one side), its best row if it stands out, and up to ``extra`` rows
    nearly as good (new units take extra old counterparts; old units only their best new one)."""
    found: set[tuple[int, int]] = set()
    for j in range(score.shape[1]):
        column = score[:, j]
        best = int(np.argmax(column))
        mean = float(column.mean()) or 1e-9
        if column[best] < MIN_PAIR or column[best] / mean < MIN_DISTINCTNESS:
            continue
        near = [i for i in np.argsort(-column)[: 1 + extra] if column[i] >= NEAR_BEST * column[best]]
        found.update((int(i), j) for i in near)
    return found


def _allowed(old: Sequence[Unit], new: Sequence[Unit], overrides: Overrides) -> np.ndarray:
    """1 allowed, 0 forbidden, 2 pinned."""
    allowed = np.ones((len(old), len(new)), dtype=np.int8)
    for i, unit in enumerate(old):
        for j, other in enumerate(new):
            key = (unit.ref.id, other.ref.id)
            if key in overrides.forbid:
                allowed[i, j] = 0
            elif key in overrides.pin:
                allowed[i, j] = 2
    return allowed


def _assignment(score: np.ndarray, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The optimal 1:1 assignment among the pairs found: the backbone that decides same or moved."""
    if not pairs:
        return set()
    masked = np.full(score.shape, -1.0)
    for i, j in pairs:
        masked[i, j] = score[i, j]
    rows, cols = linear_sum_assignment(-masked)
    return {(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if (int(i), int(j)) in pairs}


def _label(
    old: Sequence[Unit],
    new: Sequence[Unit],
    score: np.ndarray,
    primary: set[tuple[int, int]],
    pairs: set[tuple[int, int]],
) -> list[SectionPair]:
    in_order = _in_order(primary)
    olds_of: dict[int, int] = {}
    news_of: dict[int, int] = {}
    for i, j in pairs:
        news_of[i] = news_of.get(i, 0) + 1
        olds_of[j] = olds_of.get(j, 0) + 1
    result: list[SectionPair] = []
    for i, j in sorted(pairs):
        if news_of[i] > 1 and olds_of[j] == 1:
            relation = Relation.SPLIT
        elif olds_of[j] > 1 and news_of[i] == 1:
            relation = Relation.MERGED
        elif (i, j) in primary:
            relation = Relation.SAME if (i, j) in in_order else Relation.MOVED
        else:
            relation = Relation.SPLIT if news_of[i] > 1 else Relation.MERGED
        evidence = shared_terms(old[i].text, new[j].text)
        result.append(SectionPair(old[i].ref, new[j].ref, round(float(score[i, j]), 4), relation, evidence))
    for i in range(len(old)):
        if i not in news_of:
            result.append(SectionPair(old[i].ref, None, 0.0, Relation.REMOVED))
    for j in range(len(new)):
        if j not in olds_of:
            result.append(SectionPair(None, new[j].ref, 0.0, Relation.ADDED))
    return result


def _in_order(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest subset of 1:1 pairs whose new positions rise with the old ones (the rest moved)."""
    ordered = sorted(pairs)
    best: list[list[tuple[int, int]]] = []
    for pair in ordered:
        chain = max((c for c in best if c[-1][1] < pair[1]), key=len, default=[])
        best.append([*chain, pair])
    return set(max(best, key=len, default=[]))
