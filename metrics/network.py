"""The network's comparison of its LAGs: one row of headline figures per partnership, and a total.

Every figure is the Overview's own (:func:`metrics.kpis.overview_kpis`, :func:`metrics.kpis.outcome_kpis`):
nothing is counted here. The total is those functions on "all partnerships"
(:func:`storage.postgres.network.combined`), never the column's sum.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from loaders import Dataset
from metrics.filters import Filters
from metrics.kpis import outcome_kpis, overview_kpis

#: the ``lag`` of the total row (not a LAG code: a code starts with a letter or a digit)
ALL_LAGS = "*"
#: the figures, in the table's order (the keys of :func:`metrics.kpis.overview_kpis`, and ``jobs_fte``)
COMPARISON_FIGURES = ("events", "participations", "unique_participants", "spaces", "active_residents", "jobs_fte")
COMPARISON_COLUMNS = ("lag", "name", *COMPARISON_FIGURES)


def lag_figures(ds: Dataset, filters: Filters) -> dict[str, int | float | None]:
    """The comparison's figures of one dataset: events, participations, unique participants, spaces
    open in the period and residents active at its end (as the Overview counts them), and the FTE of
    the jobs created (``None`` when the dataset has no outcomes: "no data", not 0)."""
    kpis = overview_kpis(ds, filters)
    outcomes = outcome_kpis(ds, filters)
    figures: dict[str, int | float | None] = {key: kpis[key] for key in COMPARISON_FIGURES if key in kpis}
    figures["jobs_fte"] = None if outcomes is None else outcomes["jobs_fte"]
    return figures


def comparison(
    datasets: Mapping[str, Dataset], names: Mapping[str, str], filters: Filters, *, total: bool = True
) -> pd.DataFrame:
    """One row per LAG (``datasets``: code → dataset, in the rows' order; ``names``: code → name, the
    code where a name is missing) with :data:`COMPARISON_COLUMNS`, and a last row ``lag`` =
    :data:`ALL_LAGS` (``name`` ``""``: the page names it) for the whole network.

    The total row is computed on :func:`storage.postgres.network.combined` of the datasets, not by
    adding up the rows: unique participants are a count of distinct people, and distinct counts do
    not add up in general (a person at two events is one person, not two). In the combined dataset
    every person id carries its LAG's code, so a person named in two LAGs counts once in each and,
    as things stand, the total's unique participants equal the sum of the LAGs'; were people ever
    matched across LAGs, only this total would stay right. The other columns add up (the ids are
    the LAGs' own). The total's ``jobs_fte`` is ``None`` only when no LAG has outcomes.

    Integer columns are ``Int64``; ``jobs_fte`` holds floats and ``None`` (an ``object`` column).
    """
    rows = []
    for code, ds in datasets.items():
        rows.append({"lag": code, "name": names.get(code) or code, **lag_figures(ds, filters)})
    if total and datasets:
        from storage.postgres.network import combined  # pandas only; no database is touched

        rows.append({"lag": ALL_LAGS, "name": "", **lag_figures(combined(datasets), filters)})
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    for key in COMPARISON_FIGURES:
        if key != "jobs_fte":
            frame[key] = frame[key].astype("Int64")
    frame["jobs_fte"] = pd.Series([row["jobs_fte"] for row in rows], index=frame.index, dtype=object)
    frame["lag"] = frame["lag"].astype(object)
    frame["name"] = frame["name"].astype(object)
    return frame
