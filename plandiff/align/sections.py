"""Pair the units of two sides: scores, the plan's architecture, counterparts, then an optimal 1:1 backbone.

1. Score = content similarity + CONTEXT_WEIGHT × context similarity + TITLE_WEIGHT × title similarity
   (``similarity.py``), plus a small order prior (ORDER_PRIOR × closeness of relative positions) when both
   sides are versions of one place; the prior breaks ties, it cannot outweigh content, so moved chapters
   are still found.
2. Hubs are discounted: a summary section (功能定位, 战略举措, 发展基础) resembles every section of the other
   side a little. Each score loses HUB_DISCOUNT × the mean of the two units' HUB_NEIGHBOURS best scores
   (cross-domain similarity local scaling, as used for bilingual lexicon induction).
3. Plans share an architecture: background, general requirements, thematic parts, implementation. The
   top-level parts of two documents are aligned in order (dynamic time warping over how alike two parts
   are, their units' best scores in each other, less the mean, so the path does not wander through weak
   parts to collect score). Thematic parts come in another order in another place's plan, so two parts
   at least MOVED_PART_SHARE as alike as either one's best match correspond off the path too. A pair
   whose units lie in parts that do not correspond keeps only OFF_PATH_SHARE of its score.
4. Every new unit is paired with its best old counterpart and those nearly as good (NEAR_BEST), every old
   unit with its best new one, when that best reaches MIN_PAIR: plans split and merge chapters, so pairs
   are many-to-many. In a hierarchy both sides take their near-best counterparts (SPREAD_NEAR_BEST): a
   建议 item is spread over several 节, several items meet in one 节. Two units that carry one sentence
   (``similarity.carried_sentences``: the plan copies a recommendation's sentence, a new version keeps an
   old one) are paired whatever their whole-unit scores.
5. The Hungarian method (``assignment.py``) picks the optimal 1:1 backbone among those pairs; a backbone
   pair is ``same`` when it keeps the order of the others and ``moved`` when not; the other pairs are
   ``split`` (one old unit, several new) or ``merged``. Units with no pair are ``added`` or ``removed``.
A pair's reported score is its score of step 1 divided by the best possible one, so 1.0 means identical
text, context and title. Reviewer overrides pin or forbid pairs by section id; a situation analysis
(``Unit.outlook``) pairs only with a situation analysis. A pair's evidence (the words both units use) is
not found here: ``pipeline.compare`` finds it once, with the key terms (``diff.terms.shared_words``).
The constants were calibrated as a set on the two section keys (Kunshan 14th/15th, Kunshan 15th/Suzhou
建议; tests/align); re-run those tests after any change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Relation, SectionPair
from .assignment import min_cost_assignment
from .similarity import carried_sentences, similarity_matrices
from .units import Unit

CONTEXT_WEIGHT = 1.0
TITLE_WEIGHT = 0.15
ORDER_PRIOR = 0.05
HUB_NEIGHBOURS = 5
HUB_DISCOUNT = 0.25
# Swept 0.3-1.0 on both section keys: the Kunshan 14th/15th key is flat 0.3-0.7 and falls from 0.75 (0.854
# at 1.0); the Suzhou/Kunshan key rises to 0.771 at 0.65 (0.751 at 0.5): a 节 of a county's 开放 part
# carries items of its city's 改革 and 区域 parts, so parts that do not correspond keep more of their score.
OFF_PATH_SHARE = 0.65
MOVED_PART_SHARE = 0.5
# The best counterpart must reach MIN_PAIR (after the hub discount); others reaching NEAR_BEST of it
# are paired too (a new unit's old counterparts: plans split and merge chapters between versions).
# Swept 0.04-0.10 on both section keys: 0.04-0.08 leave the Kunshan 14th/15th key unchanged; on the
# Suzhou/Kunshan key 0.06 keeps F1 (0.751) and lifts unmatched F1 0.22 -> 0.40 (items 8 两业融合 and 51
# 国家安全 found their 节), 0.04 costs F1 0.01; 0.10 costs 0.006 on the first key.
MIN_PAIR = 0.06
NEAR_BEST = 0.85
# In a hierarchy one 建议 item is spread over several 节 and several items meet in one 节, so both sides'
# units take every counterpart within this share of their best. Calibrated on the Suzhou/Kunshan key
# (with OFF_PATH_SHARE 0.65-0.7: 0.65 gives F1 0.753, 0.70 0.771-0.774, 0.75 0.766, 0.80 0.760; 0.85
# one-sided 0.71); version and peer comparisons keep NEAR_BEST one-sided (symmetric 0.75 costs 0.03 F1 on
# the Kunshan 14th/15th key).
SPREAD_NEAR_BEST = 0.7


@dataclass(frozen=True, slots=True)
class Overrides:
    """Reviewer decisions: pairs to keep whatever their score, and pairs never to make (section ids)."""

    pin: frozenset[tuple[str, str]] = frozenset()
    forbid: frozenset[tuple[str, str]] = frozenset()


NO_OVERRIDES = Overrides()


def align_sections(
    old: Sequence[Unit],
    new: Sequence[Unit],
    *,
    order_prior: bool,
    spread: bool = False,
    overrides: Overrides = NO_OVERRIDES,
) -> list[SectionPair]:
    """Section pairs (and unmatched sections) between two sides, old side in order first.

    :param order_prior: both sides are versions of one place (their order is evidence).
    :param spread: a hierarchy comparison: units of either side spread over several of the other's.
    """
    similarities = similarity_matrices(old, new)
    score = similarities.content + CONTEXT_WEIGHT * similarities.context + TITLE_WEIGHT * similarities.title
    if order_prior and old and new:
        positions = np.abs(np.subtract.outer([u.position for u in old], [u.position for u in new]))
        score = score + ORDER_PRIOR * (1 - positions)
    allowed = _allowed(old, new, overrides)
    pinned = {(int(i), int(j)) for i, j in np.argwhere(allowed == 2)}
    decisive = np.where(allowed == 0, -np.inf, _architecture(old, new, _discount_hubs(score)))
    near = (SPREAD_NEAR_BEST, SPREAD_NEAR_BEST) if spread else (NEAR_BEST, 1.0)
    carried = {pair for pair in carried_sentences(old, new) if np.isfinite(decisive[pair])}
    pairs = set(pinned) | _counterparts(decisive, *near) | carried
    primary = _assignment(score, pairs)
    best_possible = 1 + CONTEXT_WEIGHT + TITLE_WEIGHT + (ORDER_PRIOR if order_prior else 0)
    return _label(old, new, np.clip(score / best_possible, 0.0, 1.0), primary, pairs)


def _discount_hubs(score: np.ndarray) -> np.ndarray:
    if not score.size:
        return score
    k = min(HUB_NEIGHBOURS, *score.shape)
    rows = np.sort(score, axis=1)[:, -k:].mean(axis=1)
    columns = np.sort(score, axis=0)[-k:, :].mean(axis=0)
    discounted: np.ndarray = score - HUB_DISCOUNT * (rows[:, None] + columns[None, :])
    return discounted


def _architecture(old: Sequence[Unit], new: Sequence[Unit], score: np.ndarray) -> np.ndarray:
    """Scores of pairs whose top-level parts do not correspond, cut to OFF_PATH_SHARE (positive ones)."""
    off_path = np.zeros(score.shape, dtype=bool)
    for rows, old_blocks in _parts(old):
        for columns, new_blocks in _parts(new):
            if old_blocks.max() < 1 or new_blocks.max() < 1:
                continue  # one part only: nothing to put in order
            block_score = _block_scores(score[np.ix_(rows, columns)], old_blocks, new_blocks)
            best = np.maximum(block_score.max(axis=1, keepdims=True), block_score.max(axis=0, keepdims=True))
            corresponding = block_score >= MOVED_PART_SHARE * best
            path = _warping_path(block_score - block_score.mean())
            corresponding[tuple(np.array(sorted(path)).T)] = True
            off_path[np.ix_(rows, columns)] = ~corresponding[np.ix_(old_blocks, new_blocks)]
    return np.where(off_path & (score > 0), OFF_PATH_SHARE * score, score)


def _block_scores(score: np.ndarray, old_blocks: np.ndarray, new_blocks: np.ndarray) -> np.ndarray:
    """How well two parts correspond: each unit's best (positive) score in the other part, summed over
    both parts' units; a sum over all pairs would punish a long part for its many unrelated pairs."""
    result = np.zeros((old_blocks.max() + 1, new_blocks.max() + 1))
    positive = np.maximum(score, 0.0)
    for b in range(result.shape[1]):
        in_b = new_blocks == b
        np.add.at(result[:, b], old_blocks, positive[:, in_b].max(axis=1))
    for a in range(result.shape[0]):
        in_a = old_blocks == a
        np.add.at(result[a], new_blocks, positive[in_a].max(axis=0))
    return result


def _parts(units: Sequence[Unit]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per document of a side with units inside top-level parts: the indices of its units inside a top-level part, and each one's part
    numbered 0, 1, … in document order."""
    found = []
    for document in dict.fromkeys(u.ref.document for u in units):
        indices = [n for n, u in enumerate(units) if u.ref.document == document and u.block >= 0]
        if indices:
            _, blocks = np.unique([units[n].block for n in indices], return_inverse=True)
            found.append((np.array(indices, dtype=int), blocks.astype(int)))
    return found


def _warping_path(score: np.ndarray) -> set[tuple[int, int]]:
    """The monotonic path from (0, 0) to (n-1, m-1) with the highest total score (dynamic time warping)."""
    n, m = score.shape
    total = np.full((n + 1, m + 1), -np.inf)
    total[0, 0] = 0.0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            total[i, j] = score[i - 1, j - 1] + max(total[i - 1, j - 1], total[i - 1, j], total[i, j - 1])
    path: set[tuple[int, int]] = set()
    i, j = n, m
    while i > 0 and j > 0:
        path.add((i - 1, j - 1))
        steps = ((i - 1, j - 1), (i - 1, j), (i, j - 1))
        i, j = max(steps, key=lambda step: total[step])
    return path


def _counterparts(score: np.ndarray, near_old: float, near_new: float) -> set[tuple[int, int]]:
    """Each new unit's best old unit and the old units within ``near_old`` of it; each old unit's best new
    unit and those within ``near_new`` of it (1.0: the best only)."""
    found: set[tuple[int, int]] = set()
    if not score.size:
        return found
    for j in range(score.shape[1]):
        best = float(score[:, j].max())
        if best >= MIN_PAIR:
            found.update((int(i), j) for i in np.flatnonzero(score[:, j] >= near_old * best))
    for i in range(score.shape[0]):
        best = float(score[i].max())
        if best >= MIN_PAIR:
            found.update((i, int(j)) for j in np.flatnonzero(score[i] >= near_new * best))
    return found


def _allowed(old: Sequence[Unit], new: Sequence[Unit], overrides: Overrides) -> np.ndarray:
    """1 allowed, 0 forbidden (by a reviewer, or a situation analysis against policy), 2 pinned."""
    allowed = np.ones((len(old), len(new)), dtype=np.int8)
    for i, unit in enumerate(old):
        for j, other in enumerate(new):
            key = (unit.ref.id, other.ref.id)
            if key in overrides.forbid:
                allowed[i, j] = 0
            elif key in overrides.pin:
                allowed[i, j] = 2
            elif unit.outlook != other.outlook:
                allowed[i, j] = 0
    return allowed


def _assignment(score: np.ndarray, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The optimal 1:1 assignment among the pairs found: the backbone that decides same or moved."""
    if not pairs:
        return set()
    masked = np.full(score.shape, -1.0)
    for i, j in pairs:
        masked[i, j] = score[i, j]
    rows, cols = min_cost_assignment(-masked)
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
        result.append(SectionPair(old[i].ref, new[j].ref, round(float(score[i, j]), 4), relation))
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
    empty: list[tuple[int, int]] = []
    for pair in ordered:
        chain = max((c for c in best if c[-1][1] < pair[1]), key=len, default=empty)
        best.append([*chain, pair])
    longest: list[tuple[int, int]] = max(best, key=len, default=empty)
    return set(longest)
