"""Cumulative progress against a target: the figure achieved from the period's start to the end of
each month (or quarter, or year: :func:`metrics.periods.axis_unit`) of the period.

Each point is the indicator's own counting rule over ``start`` … the end of that month (cut at the
period's end), so the last point equals the figure of the whole period: unique participants are
the distinct people up to that month (not a sum of monthly figures), jobs the FTE recorded up to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from loaders import Dataset
from metrics.events import event_count, participations, unique_participants
from metrics.filters import Filters
from metrics.outcomes import businesses, jobs_created_fte
from metrics.periods import axis_unit, period_starts

#: indicator key → its figure over a filter (the keys of a report's targets)
PROGRESS_FIGURES: dict[str, Callable[[Dataset, Filters], float]] = {
    "events": event_count,
    "participations": participations,
    "unique_participants": unique_participants,
    "jobs_fte": jobs_created_fte,
    "businesses": lambda ds, f: sum(businesses(ds, f).values()),
}


def period_ends(start: dt.date, end: dt.date, unit: str) -> list[dt.date]:
    """The last day of every month / quarter / year from ``start``'s to ``end``'s (the last one cut at ``end``)."""
    starts = period_starts(pd.Timestamp(start), pd.Timestamp(end), unit)
    ends = [(first + pd.DateOffset(months=_MONTHS[unit]) - pd.Timedelta(days=1)).date() for first in starts]
    return [min(day, end) for day in ends]


_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def cumulative_progress(ds: Dataset, filters: Filters, indicator: str, unit: str | None = None) -> pd.Series:
    """The indicator achieved from ``filters.start`` to the end of each period (index: the period's first
    day as a ``Timestamp``). ``filters`` must have both bounds; ``unit`` defaults to :func:`axis_unit`."""
    if filters.start is None or filters.end is None:
        raise ValueError("cumulative progress needs a period with a start and an end")
    unit = unit or axis_unit(filters.start, filters.end)
    figure = PROGRESS_FIGURES[indicator]
    starts = period_starts(pd.Timestamp(filters.start), pd.Timestamp(filters.end), unit)
    values = [figure(ds, filters.with_period(filters.start, last))
              for last in period_ends(filters.start, filters.end, unit)]
    return pd.Series(values, index=starts, name=indicator, dtype="float64" if indicator == "jobs_fte" else "int64")
