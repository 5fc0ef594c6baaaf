"""Calendar periods: the days of a year, a quarter, a month or a range of months; the period a view
opens on; and the time unit of a chart's axis (months, quarters or years). Pure date arithmetic.

A month is ``(year, month)``, a quarter ``(year, quarter)``; every period's bounds are inclusive,
as :class:`metrics.Filters` takes them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from loaders import Dataset
from metrics.filters import Filters
from metrics.scope import reference_date

Month = tuple[int, int]
Quarter = tuple[int, int]

#: the units of a time axis, shortest first
UNITS = ("month", "quarter", "year")
#: a chart of a period up to this many calendar months shows months ...
MONTH_AXIS_MONTHS = 24
#: ... up to this many (8 years) quarters, and years beyond
QUARTER_AXIS_MONTHS = 96
MONTHS = tuple(range(1, 13))
QUARTERS = (1, 2, 3, 4)

_MONTH_CODE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


# --------------------------------------------------------------------------- the days of a period


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month (February 29 in a leap year)."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter (Q1 = January–March)."""
    if quarter not in QUARTERS:
        raise ValueError(f"a quarter is 1 to 4, not {quarter}")
    return month_bounds(year, 3 * quarter - 2)[0], month_bounds(year, 3 * quarter)[1]


def months_bounds(first: Month, last: Month) -> tuple[dt.date, dt.date]:
    """First day of ``first`` to last day of ``last`` (whole months; both included)."""
    return month_bounds(*first)[0], month_bounds(*last)[1]


def in_order(first: Month, last: Month) -> tuple[Month, Month, bool]:
    """The two ends of a range of months in order, and whether they had to be swapped."""
    return (last, first, True) if last < first else (first, last, False)


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def month_of(day: dt.date) -> Month:
    return day.year, day.month


def next_month(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def previous_month(month: Month) -> Month:
    year, number = month
    return (year - 1, 12) if number == 1 else (year, number - 1)


def month_count(start: dt.date, end: dt.date) -> int:
    """Calendar months the days ``start`` … ``end`` touch (1 for a single day; 0 if reversed)."""
    return max(0, (end.year - start.year) * 12 + end.month - start.month + 1)


def months_covering(start: dt.date | None, end: dt.date | None) -> tuple[Month | None, Month | None]:
    """The whole months that cover the days ``start`` … ``end`` (an older link's custom dates)."""
    return (month_of(start) if start else None), (month_of(end) if end else None)


# --------------------------------------------------------------------------- codes in the URL


def month_code(month: Month) -> str:
    """``(2019, 1)`` → ``2019-01``."""
    return f"{month[0]:04d}-{month[1]:02d}"


def parse_month(text: str | None) -> Month | None:
    """``2019-01`` (or an older link's day ``2019-01-31``) → ``(2019, 1)``; anything else → None."""
    match = _MONTH_CODE.fullmatch((text or "").strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return year, month


# --------------------------------------------------------------------------- the period a view opens on


def period_key(day: dt.date, unit: str) -> tuple[int, int]:
    """The month ``(year, month)``, quarter ``(year, quarter)`` or year ``(year, 1)`` of ``day``."""
    if unit == "month":
        return day.year, day.month
    if unit == "quarter":
        return day.year, quarter_of(day.month)
    return day.year, 1


def _previous_key(key: tuple[int, int], unit: str) -> tuple[int, int]:
    year, number = key
    if unit == "year" or number == 1:
        return year - 1, {"month": 12, "quarter": 4}.get(unit, 1)
    return year, number - 1


def latest_with_data(dates: Iterable[dt.date], today: dt.date, unit: str) -> tuple[int, int]:
    """The latest month, quarter or year up to ``today``'s with at least one of ``dates``.

    Dates later in today's own month (quarter, year) count. With dates only after it, the first of
    them; with no dates at all, the one before today's (last month, last quarter, last year).
    """
    keys = sorted({period_key(day, unit) for day in dates})
    now = period_key(today, unit)
    past = [key for key in keys if key <= now]
    if past:
        return past[-1]
    return keys[0] if keys else _previous_key(now, unit)


@dataclass(frozen=True)
class PeriodDefaults:
    """What each preset opens on: a year, a quarter, a month, a range of months."""

    year: int
    quarter: Quarter
    month: Month
    months: tuple[Month, Month]


def period_defaults(dates: Iterable[dt.date], today: dt.date) -> PeriodDefaults:
    """The latest year, quarter and month with events up to today's (:func:`latest_with_data`), and
    the months from the first event's to that month."""
    days = sorted(set(dates))
    month = latest_with_data(days, today, "month")
    first = month_of(days[0]) if days else month
    return PeriodDefaults(
        year=latest_with_data(days, today, "year")[0],
        quarter=latest_with_data(days, today, "quarter"),
        month=month,
        months=(min(first, month), month),
    )


def project_defaults(start: dt.date | None, end: dt.date | None, data: PeriodDefaults) -> PeriodDefaults:
    """The defaults for a project's report: its last month with data (``data``'s month, but not after
    the project's end nor before its start), and the project's own months."""
    reference = data.month
    if end is not None:
        reference = min(reference, month_of(end))
    if start is not None:
        reference = max(reference, month_of(start))
    first = month_of(start) if start else min(data.months[0], reference)
    last = month_of(end) if end else max(data.months[1], first)
    return PeriodDefaults(
        year=reference[0], quarter=(reference[0], quarter_of(reference[1])), month=reference, months=(first, last)
    )


def year_options(years: Iterable[int], today: dt.date, default: int, extra: Iterable[int] = ()) -> list[int]:
    """The years to choose from, newest first: from the first with data (or ``default``) to today's
    or the last with data, and any of ``extra`` (the years a link names) outside that."""
    years = sorted(set(years))
    first = min([default, *years[:1]])
    last = max([today.year, *years[-1:]])
    return sorted(set(range(first, last + 1)) | set(extra), reverse=True)


# --------------------------------------------------------------------------- the unit of a time axis


def axis_unit(start: dt.date, end: dt.date) -> str:
    """``month`` for a period of up to 24 calendar months, ``quarter`` up to 96 (8 years), else ``year``."""
    months = month_count(start, end)
    if months <= MONTH_AXIS_MONTHS:
        return "month"
    return "quarter" if months <= QUARTER_AXIS_MONTHS else "year"


def first_data_date(ds: Dataset) -> dt.date | None:
    """The first day anything happened: an event, a resident joining, a space opening."""
    firsts = [ds.events["starts_on"].min(), ds.residents["joined_on"].min(), ds.spaces["opened_on"].min()]
    known = [day for day in firsts if pd.notna(day)]
    return min(known).date() if known else None


def time_unit(ds: Dataset, filters: Filters, today: dt.date | None = None) -> str:
    """The one unit of every time axis of a view (:func:`axis_unit` of its period; an open start is
    the first data, an open end today, as the residents' charts run)."""
    start = filters.start or first_data_date(ds)
    end = reference_date(filters, today)
    return axis_unit(start, end) if start is not None and start <= end else "month"


FREQUENCIES = {"month": "M", "quarter": "Q", "year": "Y"}


def period_starts(start: pd.Timestamp, end: pd.Timestamp, unit: str) -> pd.DatetimeIndex:
    """The first day of every month, quarter or year from ``start``'s to ``end``'s."""
    if pd.isna(start) or pd.isna(end):
        return pd.DatetimeIndex([])
    freq = FREQUENCIES[unit]
    return pd.period_range(start.to_period(freq), end.to_period(freq), freq=freq).start_time


def period_start(dates: pd.Series, unit: str) -> pd.Series:
    """Each date's month, quarter or year, as its first day."""
    return dates.dt.to_period(FREQUENCIES[unit]).dt.start_time
