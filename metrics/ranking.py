"""Orders of breakdowns: largest first (with ``unknown`` last), and the largest parts with the rest as one."""

from __future__ import annotations

import pandas as pd

#: key of the part that stands for everything beyond the largest ``n``
REST = "__rest__"


def largest_first(counts: pd.Series, last: tuple[str, ...] = ()) -> pd.Series:
    """``counts`` largest first, equal counts by name (a stable order); the keys in ``last`` (e.g.
    ``unknown``, which is no place) after them, even when 0."""
    ranked = counts.drop(list(last), errors="ignore")
    ranked = ranked.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    if not last:
        return ranked.astype("int64")
    return pd.concat([ranked, counts.reindex(list(last), fill_value=0)]).astype("int64")


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
