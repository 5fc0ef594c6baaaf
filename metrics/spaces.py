"""Figures about spaces."""

from __future__ import annotations

import pandas as pd

from loaders import Dataset
from loaders.fast import is_in
from metrics.events import participations_by_space
from metrics.filters import Filters
from metrics.prepared import prepare
from metrics.residents import active_residents_by_space
from metrics.scope import scoped_events, scoped_spaces


def open_spaces(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Spaces in scope that were open for at least part of the period.

    A space with no ``opened_on`` counts as open from the start; with no ``closed_on`` as
    still open.
    """
    spaces = scoped_spaces(ds, filters)
    mask = pd.Series(True, index=spaces.index)
    if filters.end is not None:
        mask &= spaces["opened_on"].isna() | (spaces["opened_on"] <= pd.Timestamp(filters.end))
    if filters.start is not None:
        mask &= spaces["closed_on"].isna() | (spaces["closed_on"] >= pd.Timestamp(filters.start))
    return spaces[mask]


def space_count(ds: Dataset, filters: Filters) -> int:
    return len(open_spaces(ds, filters))


def events_per_space(ds: Dataset, filters: Filters) -> pd.Series:
    """Events in scope held at each space, as venue or as a study-visit stop."""
    places = prepare(ds).event_places
    in_scope = places[is_in(places["event_id"], scoped_events(ds, filters)["event_id"]) & places["space_id"].notna()]
    return in_scope.drop_duplicates(["event_id", "space_id"])["space_id"].value_counts().astype("int64")


def spaces_involved(ds: Dataset, filters: Filters) -> int:
    """Distinct spaces where events in scope took place: venues plus study-visit stops."""
    return len(events_per_space(ds, filters))


def spaces_table(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """Spaces in scope with active residents at the period's end, events and participations."""
    spaces = scoped_spaces(ds, filters)
    ids = spaces["space_id"]
    table = spaces[
        ["space_id", "name", "space_type", "municipality", "settlement", "desks", "opened_on", "closed_on"]
    ].copy()
    table["active_residents"] = ids.map(active_residents_by_space(ds, filters)).fillna(0).astype("int64")
    table["events"] = ids.map(events_per_space(ds, filters)).fillna(0).astype("int64")
    table["participations"] = ids.map(participations_by_space(ds, filters)).fillna(0).astype("int64")
    return table.reset_index(drop=True)
