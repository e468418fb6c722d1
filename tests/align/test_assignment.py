"""The Hungarian method finds an assignment as cheap as scipy's, for square and rectangular matrices."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from plandiff.align.assignment import min_cost_assignment


def test_assignment_costs_what_scipys_costs() -> None:
    rng = np.random.default_rng(15)
    for trial in range(200):
        rows, columns = (int(x) for x in rng.integers(0, 10, 2))
        cost = rng.random((rows, columns)) if trial % 2 else rng.integers(0, 3, (rows, columns)).astype(float)
        expected_rows, expected_columns = linear_sum_assignment(cost)
        found_rows, found_columns = min_cost_assignment(cost)
        assert len(found_rows) == min(rows, columns) == len(set(found_columns))
        assert list(found_rows) == sorted(set(found_rows))
        assert np.isclose(cost[found_rows, found_columns].sum(), cost[expected_rows, expected_columns].sum())


def test_the_unique_best_assignment_is_found() -> None:
    cost = np.array([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]])
    rows, columns = min_cost_assignment(cost)
    assert list(zip(rows.tolist(), columns.tolist(), strict=True)) == [(0, 1), (1, 0), (2, 2)]
