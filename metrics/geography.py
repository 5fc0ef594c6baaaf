"""Figures by place: per municipality, home → space flows and study-visit routes (for the map).

* spaces per municipality: the open spaces in scope (as the "spaces" KPI), by the space's
  municipality;
* events held per municipality: each event in scope once per municipality it touched, through
  its venue, its own municipality or a stop at a space (a stop at another place has no
  municipality), so a study visit counts in every municipality it visited;
* home → space flows: residents active at the end of the period, by home municipality and
  space (residents with no home municipality cannot be drawn and are left out of the flows);
* route stops: the stops of the events in scope, in order, with their coordinates.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.fast import is_in
from metrics.age import UNKNOWN
from metrics.filters import Filters
from metrics.prepared import prepare
from metrics.ranking import largest_first
from metrics.residents import active_on
from metrics.scope import reference_date, scoped_events, scoped_residents
from metrics.spaces import open_spaces

ROUTE_COLUMNS = ("event_id", "title", "starts_on", "stop_no", "space_id", "place_name", "latitude", "longitude")


def _by_municipality(counts: pd.Series) -> pd.Series:
    counts = largest_first(counts)
    counts.index.name = "municipality"
    return counts


def spaces_by_municipality(ds: Dataset, filters: Filters) -> pd.Series:
    """Open spaces in scope per municipality (only municipalities that have one)."""
    return _by_municipality(open_spaces(ds, filters)["municipality"].astype("object").value_counts())


def events_by_municipality(ds: Dataset, filters: Filters) -> pd.Series:
    """Events in scope held in each municipality (venue, own municipality or a stop at a space)."""
    places = prepare(ds).event_places
    events = scoped_events(ds, filters)["event_id"]
    in_scope = places[is_in(places["event_id"], events) & places["municipality"].notna()]
    touched = in_scope.drop_duplicates(["event_id", "municipality"])
    return _by_municipality(touched["municipality"].astype("object").value_counts())


def residents_by_home_and_space(ds: Dataset, filters: Filters, on: dt.date | None = None) -> pd.DataFrame:
    """Active residents at the end of the period (or on ``on``) per home municipality (``unknown``
    for none) and space: columns ``home_municipality``, ``space_id``, ``residents`` (no zero rows)."""
    residents = scoped_residents(ds, filters)
    # the two columns only: taking every column of a million residents costs more than the counting
    active = residents.loc[active_on(residents, on or reference_date(filters)), ["home_municipality", "space_id"]]
    # counted on the codes of the two columns (a group-by on a million Python strings is slow), in
    # the group-by's order: home, then space, each by name; residents with no space are no cell
    home_codes, home_names = _codes_by_name(active["home_municipality"], missing=UNKNOWN)
    space_codes, space_names = _codes_by_name(active["space_id"])
    keep = space_codes >= 0
    cells, counts = np.unique(home_codes[keep] * max(len(space_names), 1) + space_codes[keep], return_counts=True)
    width = max(len(space_names), 1)
    return pd.DataFrame({
        "home_municipality": pd.Series(home_names[cells // width], dtype="str"),
        "space_id": pd.Series(space_names[cells % width], dtype="str"),
        "residents": counts.astype("int64"),
    })


def _codes_by_name(values: pd.Series, missing: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each value's rank among the distinct values sorted by name, and those names (object array);
    a missing value is ``missing`` when given, else code -1."""
    codes, uniques = pd.factorize(values)
    names = [str(name) for name in uniques]
    if missing is not None and (codes < 0).any():
        if missing in names:
            codes = np.where(codes < 0, names.index(missing), codes)
        else:
            codes = np.where(codes < 0, len(names), codes)
            names.append(missing)
    order = sorted(range(len(names)), key=names.__getitem__)
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    ranked = np.where(codes >= 0, rank[np.maximum(codes, 0)] if len(names) else codes, -1)
    return ranked.astype(np.int64), np.array([names[i] for i in order], dtype=object)


def resident_flows(ds: Dataset, filters: Filters, on: dt.date | None = None) -> pd.DataFrame:
    """Active residents at the end of the period (or on ``on``) per home municipality and space.

    Columns ``home_municipality``, ``space_id``, ``residents``; largest flow first.
    """
    table = residents_by_home_and_space(ds, filters, on)
    flows = table[table["home_municipality"] != UNKNOWN].sort_values(["home_municipality", "space_id"], kind="stable")
    return flows.sort_values("residents", ascending=False, kind="stable").reset_index(drop=True)


def route_stops(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The stops of the events in scope, oldest event first and each event's stops in order.

    A stop at a space takes the space's name and coordinates; a stop elsewhere its own
    ``place_name`` and coordinates.
    """
    events = scoped_events(ds, filters)[["event_id", "title", "starts_on"]]
    stops = ds.event_stops.merge(events, on="event_id")
    spaces = ds.spaces.set_index("space_id")
    at_space = stops["space_id"]
    frame = pd.DataFrame(
        {
            "event_id": stops["event_id"],
            "title": stops["title"],
            "starts_on": stops["starts_on"],
            "stop_no": stops["stop_no"].astype("int64"),
            "space_id": at_space,
            "place_name": at_space.map(spaces["name"]).astype("object").fillna(stops["place_name"].astype("object")),
            "latitude": at_space.map(spaces["latitude"]).astype("float64").fillna(stops["latitude"]),
            "longitude": at_space.map(spaces["longitude"]).astype("float64").fillna(stops["longitude"]),
        },
        columns=list(ROUTE_COLUMNS),
    )
    return frame.sort_values(["starts_on", "event_id", "stop_no"], kind="stable").reset_index(drop=True)
