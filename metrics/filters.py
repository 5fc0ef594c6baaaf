"""The filter every figure takes: a period and the selections of the sidebar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Filters:
    """What is in scope. Empty selections mean "all"; ``None`` dates mean "open-ended".

    Bounds are inclusive: an event is in the period when its ``starts_on`` falls in it.
    ``spaces`` selects events held at *or visited by* a study visit at the spaces (the sidebar's
    filter); ``venues`` only the events held at them (a space's own events, as in its profile).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    municipalities: tuple[str, ...] = ()
    spaces: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()

    def with_period(self, start: dt.date | None, end: dt.date | None) -> Filters:
        return replace(self, start=start, end=end)


def previous_period(filters: Filters) -> Filters | None:
    """The period of the same length right before ``filters``' period (None if open-ended).

    Whole calendar years compare with the same number of years before (2024 with 2023, not
    with the 366 days before it); any other period with the same number of days before it.
    """
    if filters.start is None or filters.end is None:
        return None
    start, end = filters.start, filters.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and end.year >= start.year:
        years = end.year - start.year + 1
        return filters.with_period(start.replace(year=start.year - years), end.replace(year=end.year - years))
    length = filters.end - filters.start
    end = filters.start - dt.timedelta(days=1)
    return filters.with_period(end - length, end)


def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
