"""Which events, attendance rows, residents and spaces a filter selects.

Every figure of a page starts from these selections, so they are computed once per
(dataset, filters) and shared (``lru_cache``): the frames they return are read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.fast import is_in
from metrics.filters import Filters
from metrics.prepared import prepare

_F = TypeVar("_F", bound=Callable)
_CACHED: list = []


def per_view(function: _F) -> _F:
    """Computed once per (dataset, filters, ...) and shared: the frames returned are read-only."""
    cached = lru_cache(maxsize=32)(function)
    _CACHED.append(cached)
    return cached  # type: ignore[return-value]


def in_period(dates: pd.Series, filters: Filters) -> pd.Series:
    """Dates inside the filter's period, bounds inclusive (missing dates are outside)."""
    mask = dates.notna()
    if filters.start is not None:
        mask &= dates >= pd.Timestamp(filters.start)
    if filters.end is not None:
        mask &= dates <= pd.Timestamp(filters.end)
    return mask


@per_view
def scoped_events(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Events whose ``starts_on`` is in the period and that match every selection.

    An event matches a space or municipality selection through its venue, its own
    municipality or any of its stops.
    """
    prepared = prepare(ds)
    events = prepared.events
    mask = in_period(events["starts_on"], filters)
    if filters.event_types:
        mask &= is_in(events["event_type"], filters.event_types)
    if filters.projects:
        mask &= is_in(events["project_code"], filters.projects)
    if filters.venues:
        mask &= is_in(events["space_id"], filters.venues)
    places = prepared.event_places
    if filters.spaces:
        mask &= is_in(events["event_id"], places.loc[places["space_id"].isin(filters.spaces), "event_id"])
    if filters.municipalities:
        mask &= is_in(events["event_id"], places.loc[places["municipality"].isin(filters.municipalities), "event_id"])
    return events[mask]


@per_view
def scoped_attendance(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Attendance rows of the events in scope, with the person and the event as numbers
    (``person_code``, ``event_order``) but not their text ids (:data:`_ID_COLUMNS`): the figures count
    by the numbers, and taking ten million ids out of the table cost a second at EU scale."""
    prepared = prepare(ds)
    # by the events' numbers (their ``event_order``): a look-up in an array, not a hash of every id
    selected = np.zeros(len(prepared.events), dtype=bool)
    selected[scoped_events(ds, filters)["event_order"].to_numpy()] = True
    attendance = prepared.attendance
    return attendance.loc[selected[attendance["event_order"].to_numpy()], _counted_columns(attendance)]


#: the text ids of the prepared attendance rows that a selection leaves out
_ID_COLUMNS = frozenset({"event_id", "person_id", "space_id"})


def _counted_columns(attendance: pd.DataFrame) -> list[str]:
    return [column for column in attendance.columns if column not in _ID_COLUMNS]


@per_view
def scoped_spaces(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Spaces matching the space and municipality selections (the period is not applied)."""
    spaces = ds.spaces
    mask = pd.Series(data=True, index=spaces.index)
    if filters.spaces:
        mask &= is_in(spaces["space_id"], filters.spaces)
    if filters.municipalities:
        mask &= is_in(spaces["municipality"], filters.municipalities)
    return spaces[mask]


@per_view
def scoped_residents(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Residents of the spaces in scope (the period is applied by each residents figure)."""
    residents = ds.residents
    return residents[is_in(residents["space_id"], scoped_spaces(ds, filters)["space_id"])]


def clear_cache() -> None:
    """Forget every cached selection and figure (the benchmark measures the work, not the cache)."""
    for cached in _CACHED:
        cached.cache_clear()


def reference_date(filters: Filters, today: dt.date | None = None) -> dt.date:
    """The date "at the end of the period": its end, or today for an open-ended period."""
    return filters.end if filters.end is not None else (today or dt.date.today())
