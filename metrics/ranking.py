"""The largest parts of a breakdown, and the rest as one part (for readable charts)."""

from __future__ import annotations

import pandas as pd

#: key of the part that stands for everything beyond the largest ``n``
REST = "__rest__"


def largest_with_rest(values: pd.Series, n: int, last: tuple[str, ...] = ()) -> pd.Series:
    """The ``n`` largest entries in their order, plus ``REST`` = the sum of the others (if any).

    ``last``: keys kept apart, after the rest (e.g. ``unknown``, which is not one of the places).
    """
    kept = values[values.index.isin(last)]
    values = values[~values.index.isin(last)]
    if len(values) > n:
        top = values.sort_values(ascending=False, kind="stable").iloc[:n]
        values = pd.concat([top, pd.Series({REST: values.drop(top.index).sum()}, dtype=values.dtype)])
    return pd.concat([values, kept]) if len(kept) else values


def largest_columns_with_rest(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` columns with the largest last row, plus a ``REST`` column summing the others."""
    if table.shape[1] <= n:
        return table
    order = table.iloc[-1].sort_values(ascending=False, kind="stable").index if len(table) else table.columns
    top = list(order[:n])
    result = table[top].copy()
    result[REST] = table.drop(columns=top).sum(axis=1)
    return result
