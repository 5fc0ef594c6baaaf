"""The filter every figure takes: a period and the selections of the sidebar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Filters:
    """What is in scope. Empty selections mean "all"; ``None`` dates mean "open-ended".

    Bounds are inclusive: an event is in the period when its ``starts_on`` falls in it.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    municipalities: tuple[str, ...] = ()
    spaces: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()

    def with_period(self, start: dt.date | None, end: dt.date | None) -> Filters:
        return replace(self, start=start, end=end)


def previous_period(filters: Filters) -> Filters | None:
    """The period of the same length right before ``filters``' period (None if open-ended)."""
    if filters.start is None or filters.end is None:
        return None
    length = filters.end - filters.start
    end = filters.start - dt.timedelta(days=1)
    return filters.with_period(end - length, end)


def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
