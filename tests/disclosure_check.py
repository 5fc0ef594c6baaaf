"""An independent check for the property tests: which hidden counts a viewer can work out exactly.

Given every count of a view (shown or not), the facts a viewer knows (``total = sum(parts)``) and
which counts are shown as numbers, a hidden count is worked out exactly when its unit vector lies
in the row space of the relations restricted to the hidden counts (plain linear algebra with
numpy, nothing shared with :mod:`metrics.disclosure`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import numpy as np

Key = Hashable


def worked_out(values: Mapping[Key, int], relations: Iterable[tuple[Key, Iterable[Key]]],
               shown_as_number: set[Key]) -> set[Key]:
    """The counts from 1 to 4 that are not shown as numbers but follow from those that are."""
    hidden = [key for key in values if key not in shown_as_number]
    column = {key: i for i, key in enumerate(hidden)}
    rows = []
    for total, parts in relations:
        row = np.zeros(len(hidden))
        if total in column:
            row[column[total]] += 1
        for part in parts:
            if part in column:
                row[column[part]] -= 1
        rows.append(row)
    matrix = np.array(rows) if rows else np.zeros((0, len(hidden)))
    rank = np.linalg.matrix_rank(matrix) if matrix.size else 0
    found = set()
    for key in hidden:
        if not 0 < values[key] < 5:
            continue
        unit = np.zeros((1, len(hidden)))
        unit[0, column[key]] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.add(key)
    return found
