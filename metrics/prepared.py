"""Per-dataset derived frames that several figures share (computed once per loaded dataset).

Nothing here is a figure: these are the joins the counting rules work on.

* ``events``: one row per event with its effective municipality (its own, else its venue's)
  and its *participations* (attendance rows if it has a list, else the head count, else 0);
* ``event_places``: every (event, space, municipality) an event touches: venue and stops;
* ``attendance``: attendance rows with the person's fields, residents.csv winning for
  residents, the event's date, type and venue, the age at the event, the event's place in time
  (``event_order``: by ``starts_on``, then ``event_id``), the person as a number
  (``person_code``, −1 for an anonymous row) and whether the row is the person's first
  participation ever;
* ``stops``: (event, space) for every stop of an event at a space that is not the event's own
  venue: the *visits* of that space;
* ``first_activity``: per space id, the first day it had an event (as venue) or a resident:
  when a space without ``opened_on`` counts as open.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.fast import positions


@dataclass(frozen=True)
class Prepared:
    events: pd.DataFrame
    event_places: pd.DataFrame
    attendance: pd.DataFrame
    stops: pd.DataFrame
    first_activity: pd.Series


@lru_cache(maxsize=4)
def prepare(ds: Dataset) -> Prepared:
    return Prepared(events=_events(ds), event_places=_event_places(ds), attendance=_attendance(ds),
                    stops=_stops(ds), first_activity=_first_activity(ds))


def _stops(ds: Dataset) -> pd.DataFrame:
    stops = ds.event_stops.loc[ds.event_stops["space_id"].notna(), ["event_id", "space_id"]]
    venue = stops["event_id"].map(ds.events.set_index("event_id")["space_id"])
    stops = stops[venue.isna() | (venue.astype("object") != stops["space_id"].astype("object"))]
    return stops.drop_duplicates().reset_index(drop=True)


def _first_activity(ds: Dataset) -> pd.Series:
    held = ds.events.groupby(ds.events["space_id"].astype("object"))["starts_on"].min()
    joined = ds.residents.groupby(ds.residents["space_id"].astype("object"))["joined_on"].min()
    first = pd.concat([held, joined]).groupby(level=0).min()
    return first.reindex(ds.spaces["space_id"].astype("object"))


def _events(ds: Dataset) -> pd.DataFrame:
    events = ds.events
    venue_municipality = events["space_id"].map(ds.spaces.set_index("space_id")["municipality"])
    listed = ds.attendance.groupby("event_id", observed=True).size()
    listed_rows = events["event_id"].map(listed).fillna(0).astype("int64")
    has_list = listed_rows > 0
    head_count = events["participants"].fillna(0).astype("int64")
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "title": events["title"],
            "event_type": events["event_type"],
            "starts_on": events["starts_on"],
            "ends_on": events["ends_on"],
            "space_id": events["space_id"],
            "project_code": events["project_code"],
            "municipality": events["municipality"].fillna(venue_municipality),
            "has_list": has_list,
            "participations": np.where(has_list, listed_rows, head_count),
            # head counts of events without a list: people we know only as a number
            "unlisted_head_count": np.where(has_list, 0, head_count),
        }
    )


def _event_places(ds: Dataset) -> pd.DataFrame:
    """(event, space, municipality) rows: the venue with the event's effective municipality, and each stop."""
    space_municipality = ds.spaces.set_index("space_id")["municipality"]
    events = ds.events
    venues = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "space_id": events["space_id"],
            "municipality": events["municipality"].fillna(events["space_id"].map(space_municipality)),
        }
    )
    stops = pd.DataFrame(
        {
            "event_id": ds.event_stops["event_id"],
            "space_id": ds.event_stops["space_id"],
            "municipality": ds.event_stops["space_id"].map(space_municipality),
        }
    )
    places = pd.concat([venues, stops], ignore_index=True)
    places = places[places["space_id"].notna() | places["municipality"].notna()]
    return places.drop_duplicates().reset_index(drop=True)


def _take(values: pd.Series, positions: np.ndarray, index: pd.Index) -> pd.Series:
    """``values`` at ``positions`` (−1 = missing), as a Series on ``index``."""
    found = positions >= 0
    taken = values.iloc[np.where(found, positions, 0)].reset_index(drop=True)
    taken.index = index
    return taken.where(pd.Series(found, index=index))


def _attendance(ds: Dataset) -> pd.DataFrame:
    rows = ds.attendance
    person = rows["person_id"]
    # positions instead of lookups by text: one hash pass per key, then plain array takes
    resident_at = positions(person, ds.residents["resident_id"])
    is_resident = pd.Series(resident_at >= 0, index=rows.index)
    frame = pd.DataFrame({"event_id": rows["event_id"], "person_id": person, "role": rows["role"],
                          "is_resident": is_resident})
    for column in ("gender", "birth_year", "home_municipality"):
        own = rows[column]
        from_resident = _take(ds.residents[column], resident_at, rows.index)
        if isinstance(own.dtype, pd.CategoricalDtype):
            codes = np.where(is_resident, from_resident.cat.codes, own.cat.codes)
            frame[column] = pd.Categorical.from_codes(codes, dtype=own.dtype)
        else:
            frame[column] = own.where(~is_resident, from_resident)

    events = ds.events
    # events in time order (date, then id): an attendance row's place in time is its event's rank
    rank = np.empty(len(events), dtype=np.int64)
    rank[np.lexsort((events["event_id"].to_numpy(dtype=object), events["starts_on"].to_numpy()))] = np.arange(
        len(events)
    )
    event_at = positions(rows["event_id"], events["event_id"])
    for column in ("starts_on", "event_type", "space_id"):
        frame[column] = _take(events[column], event_at, rows.index)
    frame["age"] = (frame["starts_on"].dt.year - frame["birth_year"].astype("float64")).astype("float64")

    person_code = pd.factorize(person)[0]
    frame["event_order"] = rank[event_at]
    frame["person_code"] = person_code
    order = np.argsort(rank[event_at], kind="stable")
    named = order[person_code[order] >= 0]
    first = ~pd.Series(person_code[named]).duplicated(keep="first").to_numpy()
    first_time = pd.array(np.full(len(rows), pd.NA), dtype="boolean")
    first_time[named] = first
    frame["first_time"] = pd.Series(first_time, index=rows.index)
    return frame
