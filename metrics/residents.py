"""Figures about residents.

A resident is active on a date when joined_on ≤ date and (left_on empty or left_on ≥ date).
New residents in a period: joined_on in the period.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.contract import OCCUPATIONS
from metrics.age import UNKNOWN
from metrics.filters import Filters
from metrics.ranking import largest_first
from metrics.scope import in_period, reference_date, scoped_residents


def active_on(residents: pd.DataFrame, date: dt.date) -> pd.Series:
    """Mask of residents active on ``date``."""
    day = pd.Timestamp(date)
    return (residents["joined_on"] <= day) & (residents["left_on"].isna() | (residents["left_on"] >= day))


def active_residents(ds: Dataset, filters: Filters, on: dt.date | None = None) -> int:
    """Residents active at the end of the period (or on ``on``)."""
    residents = scoped_residents(ds, filters)
    return int(active_on(residents, on or reference_date(filters)).sum())


def new_residents(ds: Dataset, filters: Filters) -> int:
    residents = scoped_residents(ds, filters)
    return int(in_period(residents["joined_on"], filters).sum())


def left_residents(ds: Dataset, filters: Filters) -> int:
    residents = scoped_residents(ds, filters)
    return int(in_period(residents["left_on"], filters).sum())


def active_residents_by_space(ds: Dataset, filters: Filters, on: dt.date | None = None) -> pd.Series:
    """Active residents per space id at the end of the period, most first (zeros included)."""
    residents = scoped_residents(ds, filters)
    active = residents.loc[active_on(residents, on or reference_date(filters)), "space_id"]
    spaces = residents["space_id"].unique()
    counts = active.value_counts().reindex(spaces, fill_value=0)
    return counts.sort_values(ascending=False, kind="stable").astype("int64")


#: pandas' frequency of the last day of each month, quarter, year
_ENDS = {"month": "ME", "quarter": "QE", "year": "YE"}


def _period_ends(filters: Filters, residents: pd.DataFrame, unit: str) -> pd.DatetimeIndex:
    start = pd.Timestamp(filters.start) if filters.start else residents["joined_on"].min()
    end = pd.Timestamp(reference_date(filters))
    if pd.isna(start) or start > end:
        return pd.DatetimeIndex([])
    ends = pd.date_range(start, end, freq=_ENDS[unit])
    if len(ends) == 0 or ends[-1] < end:
        ends = ends.append(pd.DatetimeIndex([end]))
    return ends


def active_residents_over_time(ds: Dataset, filters: Filters, unit: str = "month") -> pd.DataFrame:
    """Active residents at the end of each month (quarter, year: ``unit``) of the period, and on its
    last day (rows), per space id (columns)."""
    residents = scoped_residents(ds, filters)
    ends = _period_ends(filters, residents, unit)
    spaces = sorted(residents["space_id"].unique())
    space_of = pd.Categorical(residents["space_id"], categories=spaces).codes
    dates = ends.to_numpy()
    # The same rule as active_on, counted for every date at once: a resident counts from the
    # first date ≥ joined_on and stops at the first date > left_on.
    joined = residents["joined_on"].to_numpy()
    left = residents["left_on"].to_numpy()
    starts = np.searchsorted(dates, joined, side="left")
    stops = np.where(np.isnat(left), len(dates), np.searchsorted(dates, left, side="right"))
    changes = np.zeros((len(dates) + 1, len(spaces)), dtype=np.int64)
    np.add.at(changes, (starts, space_of), 1)
    np.add.at(changes, (stops, space_of), -1)
    table = pd.DataFrame(np.cumsum(changes, axis=0)[: len(dates)], index=ends, columns=spaces, dtype="int64")
    table.index.name = "date"
    return table


def joined_and_left_by_quarter(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Residents who joined and who left, per calendar quarter of the period."""
    residents = scoped_residents(ds, filters)
    joined = residents.loc[in_period(residents["joined_on"], filters), "joined_on"].dt.to_period("Q")
    left = residents.loc[in_period(residents["left_on"], filters), "left_on"].dt.to_period("Q")
    table = pd.DataFrame({"joined": joined.value_counts(), "left": left.value_counts()}).fillna(0)
    if table.empty:
        return pd.DataFrame({"joined": [], "left": []}, dtype="int64")
    first = pd.Period(filters.start, freq="Q") if filters.start else table.index.min()
    last = pd.Period(filters.end, freq="Q") if filters.end else table.index.max()
    quarters = pd.period_range(first, last, freq="Q")
    table = table.reindex(quarters, fill_value=0).astype("int64")
    table.index.name = "quarter"
    return table


def residents_by_occupation(ds: Dataset, filters: Filters, on: dt.date | None = None) -> pd.Series:
    """Active residents at the end of the period per occupation code (every code)."""
    residents = scoped_residents(ds, filters)
    active = residents[active_on(residents, on or reference_date(filters))]
    return active["occupation"].astype("object").value_counts().reindex(list(OCCUPATIONS), fill_value=0).astype("int64")


def residents_by_home_municipality(ds: Dataset, filters: Filters, on: dt.date | None = None) -> pd.Series:
    """Active residents at the end of the period per home municipality, ``unknown`` last."""
    residents = scoped_residents(ds, filters)
    active = residents.loc[active_on(residents, on or reference_date(filters)), "home_municipality"]
    codes, uniques = pd.factorize(active)  # counted on codes: value_counts on Python strings is slow
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    names = [str(name) for name in uniques]
    by_home = dict(zip(names, counts.tolist(), strict=True))
    missing = int((codes < 0).sum())
    if missing:
        by_home[UNKNOWN] = by_home.get(UNKNOWN, 0) + missing
    series = pd.Series(by_home, dtype="int64", index=pd.Index(list(by_home), dtype="object"), name="count")
    series.index.name = "home_municipality"
    return largest_first(series, last=(UNKNOWN,))
