"""The optimal one-to-one assignment of a small cost matrix (the Hungarian method, numpy only).

Alignment needs one assignment of at most a few hundred units a side; importing
``scipy.optimize.linear_sum_assignment`` for it cost more than the assignment itself. This is the
shortest-augmenting-path form of the Hungarian method (Kuhn-Munkres with potentials, O(n²m)), each
step vectorized over the columns.
"""

from __future__ import annotations

import numpy as np


def min_cost_assignment(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of a minimum-cost assignment of min(rows, columns) pairs, as
    ``scipy.optimize.linear_sum_assignment`` returns them (rows ascending)."""
    if cost.shape[0] > cost.shape[1]:
        columns, rows = min_cost_assignment(cost.T)
        order = np.argsort(rows)
        return rows[order], columns[order]
    n, m = cost.shape
    if n == 0:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    row_potential = np.zeros(n + 1)
    column_potential = np.zeros(m + 1)
    row_of = np.zeros(m + 1, dtype=int)  # 1-based row assigned to each 1-based column; 0: none
    for row in range(1, n + 1):
        row_of[0] = row
        way = np.zeros(m + 1, dtype=int)
        slack = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        column = 0
        while row_of[column] != 0:
            used[column] = True
            current = row_of[column]
            reduced = cost[current - 1] - row_potential[current] - column_potential[1:]
            free = ~used[1:]
            better = free & (reduced < slack[1:])
            slack[1:][better] = reduced[better]
            way[1:][better] = column
            candidates = np.where(free, slack[1:], np.inf)
            nearest = int(np.argmin(candidates)) + 1
            delta = candidates[nearest - 1]
            row_potential[row_of[used]] += delta
            column_potential[used] -= delta
            slack[~used] -= delta
            column = nearest
        while column:
            previous = way[column]
            row_of[column] = row_of[previous]
            column = previous
    assigned = np.flatnonzero(row_of[1:])
    rows = row_of[1:][assigned] - 1
    order = np.argsort(rows)
    return rows[order], assigned[order]
