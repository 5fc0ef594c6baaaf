"""Figures about spaces (the contract's rules for a space's events, visits and opening).

* A space's **events** are the events in scope held at it (``events.space_id``); a study visit
  that stopped at a space is a **visit** of that space, counted separately and never as one of
  its events; a space's **participations** are the participations of its events.
* **Spaces involved**: the venues and the stops of the events in scope.
* A space is **open** on a date when ``opened_on`` ≤ date (or, without ``opened_on``, it had an
  event or a resident on or before that date) and ``closed_on`` is empty or ≥ date; it counts for
  a period when it was open on at least one of its days.
"""

from __future__ import annotations

import pandas as pd

from loaders import Dataset
from loaders.fast import is_in
from metrics.events import NO_VENUE, events_table, participations
from metrics.filters import Filters
from metrics.prepared import prepare
from metrics.residents import active_residents_by_space
from metrics.scope import per_view, scoped_events, scoped_spaces

#: the columns of :func:`space_figures`
SPACE_FIGURES = ("events", "visits", "participations")


def open_spaces(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Spaces in scope that were open on at least one day of the period."""
    spaces = scoped_spaces(ds, filters)
    opened = spaces["opened_on"].fillna(spaces["space_id"].astype("object").map(prepare(ds).first_activity))
    opened = pd.to_datetime(opened)
    mask = opened.notna() & (spaces["closed_on"].isna() | (spaces["closed_on"] >= opened))
    if filters.end is not None:
        mask &= opened <= pd.Timestamp(filters.end)
    if filters.start is not None:
        mask &= spaces["closed_on"].isna() | (spaces["closed_on"] >= pd.Timestamp(filters.start))
    return spaces[mask]


def space_count(ds: Dataset, filters: Filters) -> int:
    return len(open_spaces(ds, filters))


@per_view
def space_figures(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Per space id (every space of the data, zeros included): its events, visits and participations
    in scope. The one rule behind every table, profile, popup, panel and report that shows them."""
    events = scoped_events(ds, filters)
    venue = events["space_id"].astype("object")
    held = events.groupby(venue)["participations"].agg(["size", "sum"])
    stops = prepare(ds).stops
    visited = stops.loc[is_in(stops["event_id"], events["event_id"]), "space_id"].astype("object").value_counts()
    ids = pd.Index(ds.spaces["space_id"].astype("object"), name="space_id")
    return pd.DataFrame(
        {
            "events": held["size"].reindex(ids, fill_value=0),
            "visits": visited.reindex(ids, fill_value=0),
            "participations": held["sum"].reindex(ids, fill_value=0),
        },
        index=ids,
    ).astype("int64")


def participations_by_space(ds: Dataset, filters: Filters) -> pd.Series:
    """Participations per venue space id, largest first, with those of events not held at one space
    (a study visit) under ``NO_VENUE``: the spaces' participations of :func:`space_figures` and the rest."""
    figures = space_figures(ds, filters)
    held = figures.loc[figures["events"] > 0, "participations"]
    rest = participations(ds, filters) - int(held.sum())
    if rest:
        held = pd.concat([held, pd.Series({NO_VENUE: rest})])
    return held.astype("int64").sort_values(ascending=False, kind="stable")


def visits_table(ds: Dataset, filters: Filters, space_id: str) -> pd.DataFrame:
    """The study visits in scope that stopped at ``space_id`` (its visits), as :func:`events_table`."""
    stops = prepare(ds).stops
    visiting = stops.loc[stops["space_id"].astype("object") == space_id, "event_id"]
    table = events_table(ds, filters)
    return table[is_in(table["event_id"], visiting)].reset_index(drop=True)


def spaces_involved(ds: Dataset, filters: Filters) -> int:
    """Distinct spaces where events in scope took place: venues plus study-visit stops."""
    figures = space_figures(ds, filters)
    return int(((figures["events"] > 0) | (figures["visits"] > 0)).sum())


def spaces_table(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Spaces in scope with active residents at the period's end, events, visits and participations."""
    spaces = scoped_spaces(ds, filters)
    ids = spaces["space_id"].astype("object")
    table = spaces[
        ["space_id", "name", "space_type", "municipality", "settlement", "desks", "opened_on", "closed_on"]
    ].copy()
    table["active_residents"] = ids.map(active_residents_by_space(ds, filters)).fillna(0).astype("int64")
    figures = space_figures(ds, filters)
    for column in SPACE_FIGURES:
        table[column] = ids.map(figures[column]).astype("int64")
    return table.reset_index(drop=True)
