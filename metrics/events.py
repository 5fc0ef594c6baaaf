"""Figures about events and attendance (the contract's counting rules, each once).

* An event is in a period when its ``starts_on`` falls in it (inclusive bounds).
* participations of an event = its attendance rows if any, else its head count, else 0.
* unique participants = distinct non-empty person_id over the attendance rows in scope, plus
  each anonymous row once, plus head counts of events with no attendance list.
* Gender, age and home-municipality breakdowns come from attendance rows (resident fields
  win); head counts of events without a list are ``unknown``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from operator import itemgetter

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.contract import EVENT_TYPES, GENDERS
from metrics.age import DEFAULT_AGE_BANDS, UNKNOWN, AgeBand, age_band, band_labels
from metrics.filters import Filters
from metrics.periods import period_start, period_starts
from metrics.ranking import largest_first
from metrics.scope import scoped_attendance, scoped_events

#: key for events that are not held at one space (e.g. a study visit), in "by space" figures
NO_VENUE = "-"
FIRST_TIME, RETURNING = "first_time", "returning"


def event_count(ds: Dataset, filters: Filters) -> int:
    return len(scoped_events(ds, filters))


def events_by_type(ds: Dataset, filters: Filters) -> pd.Series:
    """Number of events per event type (every type, zeros included)."""
    types = scoped_events(ds, filters)["event_type"].astype("object")
    return types.value_counts().reindex(list(EVENT_TYPES), fill_value=0).astype("int64")


def participations(ds: Dataset, filters: Filters) -> int:
    return int(scoped_events(ds, filters)["participations"].sum())


def unique_participants(ds: Dataset, filters: Filters) -> int:
    events = scoped_events(ds, filters)
    codes = scoped_attendance(ds, filters)["person_code"].to_numpy()  # a person as a number, −1 anonymous
    named = codes[codes >= 0]
    seen = np.zeros(int(named.max(initial=-1)) + 1, dtype=bool)
    seen[named] = True
    anonymous = len(codes) - len(named)
    return int(np.count_nonzero(seen) + anonymous + events["unlisted_head_count"].sum())


def by_person_field(ds: Dataset, filters: Filters, labels: pd.Series, keys: list[str] | None) -> pd.Series:
    """Attendance rows counted by ``labels`` plus unlisted head counts under ``unknown``.

    ``keys``: every key in this order (zeros included); ``None``: largest first, ``unknown`` last.
    """
    # count first, then name the missing: converting a million labels to objects costs seconds
    counts = labels.value_counts(dropna=False)
    counts.index = pd.Index([UNKNOWN if pd.isna(key) else str(key) for key in counts.index], dtype="object")
    counts = counts.groupby(level=0).sum()
    head_counts = int(scoped_events(ds, filters)["unlisted_head_count"].sum())
    counts = counts.add(pd.Series({UNKNOWN: head_counts}), fill_value=0).astype("int64")
    if keys is not None:
        return counts.reindex(keys, fill_value=0)
    return largest_first(counts, last=(UNKNOWN,))


def participations_by_gender(ds: Dataset, filters: Filters) -> pd.Series:
    """Participations per gender code (female, male, other, unknown)."""
    return by_person_field(ds, filters, scoped_attendance(ds, filters)["gender"], list(GENDERS))


def participations_by_age_band(
    ds: Dataset, filters: Filters, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
) -> pd.Series:
    """Participations per age band (age = event year − birth year), ``unknown`` last."""
    rows = scoped_attendance(ds, filters)
    return by_person_field(ds, filters, age_band(rows["age"], bands), band_labels(bands))


def participations_by_municipality(ds: Dataset, filters: Filters) -> pd.Series:
    """Participations per home municipality, largest first, ``unknown`` last."""
    return by_person_field(ds, filters, scoped_attendance(ds, filters)["home_municipality"], None)


def participations_by_event_type(ds: Dataset, filters: Filters) -> pd.Series:
    events = scoped_events(ds, filters)
    sums = events.groupby(events["event_type"].astype("object"))["participations"].sum()
    return sums.reindex(list(EVENT_TYPES), fill_value=0).astype("int64")


def _period_index(filters: Filters, dates: pd.Series, unit: str = "month") -> pd.DatetimeIndex:
    """The first day of every month (quarter, year) of the period; an open end is the first or last date."""
    start = pd.Timestamp(filters.start) if filters.start else dates.min()
    end = pd.Timestamp(filters.end) if filters.end else dates.max()
    return period_starts(start, end, unit)


def participations_by_period(ds: Dataset, filters: Filters, unit: str = "month") -> pd.DataFrame:
    """Participations per month, quarter or year (``unit``; rows: the first day of each in the
    period) and event type (columns)."""
    events = scoped_events(ds, filters)
    table = events.pivot_table(
        index=period_start(events["starts_on"], unit), columns=events["event_type"].astype("object"),
        values="participations", aggfunc="sum", fill_value=0,
    )
    table = table.reindex(index=_period_index(filters, events["starts_on"], unit), columns=list(EVENT_TYPES),
                          fill_value=0)
    table.index.name = unit
    return table.astype("int64")


def participations_by_month(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Participations per month (rows: first day of each month in the period) and event type."""
    return participations_by_period(ds, filters, "month")


def events_by_month(ds: Dataset, filters: Filters) -> pd.Series:
    """Number of events per month of the period."""
    events = scoped_events(ds, filters)
    month = period_start(events["starts_on"], "month")
    counts = month.value_counts().reindex(_period_index(filters, events["starts_on"]), fill_value=0)
    counts.index.name = "month"
    return counts.astype("int64")


def first_time_vs_returning(ds: Dataset, filters: Filters) -> pd.Series:
    """Participations by whether it was the person's first event ever, a return, or unknown.

    Anonymous rows and head counts cannot be told apart, so they are ``unknown``.
    """
    first = scoped_attendance(ds, filters)["first_time"]
    labels = first.map({True: FIRST_TIME, False: RETURNING}).astype("object")
    return by_person_field(ds, filters, labels, [FIRST_TIME, RETURNING, UNKNOWN])


@lru_cache(maxsize=4)
def event_routes(ds: Dataset) -> pd.Series:
    """Each study visit's stops in order, by event id: ``Ogres Centrālā bibliotēka → CoLabora Lielvārde``
    (a stop's space name, else its place name, else ``?``). The events table's and the sign-in sheet's place.
    Once per dataset (it does not depend on the filters)."""
    names = ds.spaces.set_index("space_id")["name"]
    stops = ds.event_stops.sort_values(["event_id", "stop_no"], kind="stable")
    stop_names = stops["space_id"].map(names).astype("object").fillna(stops["place_name"].astype("object")).fillna("?")
    # consecutive runs of one event (sorted): joined in plain Python, not one pandas call per event
    routes = {event: " → ".join(name for _, name in run)
              for event, run in groupby(zip(stops["event_id"].tolist(), stop_names.tolist(), strict=True),
                                        key=itemgetter(0))}
    return pd.Series(routes, dtype="object", name=stop_names.name).rename_axis("event_id")


def events_table(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The events in scope, newest first, with their venue (name, or the route of a study visit;
    ``space_id`` is the venue's id, empty for an event not held at one space) and participations."""
    events = scoped_events(ds, filters)
    names = ds.spaces.set_index("space_id")["name"]
    venue = events["space_id"].map(names).astype("object").fillna(
        events["event_id"].map(event_routes(ds)).astype("object"))
    table = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "starts_on": events["starts_on"],
            "title": events["title"],
            "event_type": events["event_type"],
            "venue": venue,
            "space_id": events["space_id"],
            "municipality": events["municipality"],
            "project_code": events["project_code"],
            "participations": events["participations"].astype("int64"),
            "has_list": events["has_list"],
        }
    )
    return table.sort_values(["starts_on", "event_id"], ascending=[False, True]).reset_index(drop=True)
