"""The headline figures of the Overview (and of presentation mode)."""

from __future__ import annotations

import pandas as pd

from loaders import Dataset
from metrics.events import event_count, participations, unique_participants
from metrics.filters import Filters, previous_period
from metrics.periods import first_data_date
from metrics.residents import active_residents
from metrics.scope import scoped_residents
from metrics.spaces import space_count

KPI_KEYS = ("spaces", "active_residents", "events", "participations", "unique_participants")


def overview_kpis(ds: Dataset, filters: Filters) -> dict[str, int]:
    return {
        "spaces": space_count(ds, filters),
        "active_residents": active_residents(ds, filters),
        "events": event_count(ds, filters),
        "participations": participations(ds, filters),
        "unique_participants": unique_participants(ds, filters),
    }


def has_activity(ds: Dataset, filters: Filters) -> bool:
    """Whether anything happened in the period (bounded): an event in scope, or a resident in scope
    active on at least one of its days (joined by its end, not left before its start)."""
    if event_count(ds, filters) > 0:
        return True
    residents = scoped_residents(ds, filters)
    joined = residents["joined_on"] <= pd.Timestamp(filters.end)
    stayed = residents["left_on"].isna() | (residents["left_on"] >= pd.Timestamp(filters.start))
    return bool((joined & stayed).any())


def kpi_changes(ds: Dataset, filters: Filters) -> dict[str, int] | None:
    """Each KPI minus its value in the previous period of the same length.

    None (no arrows) when there is nothing to compare with: an open-ended period, a previous period
    that ends before the data's first day, or one with no event and no resident active in it (a
    period after an empty one would otherwise show its whole count as a rise).
    """
    previous = previous_period(filters)
    if previous is None:
        return None
    first = first_data_date(ds)
    if first is None or previous.end < first or not has_activity(ds, previous):
        return None
    now, before = overview_kpis(ds, filters), overview_kpis(ds, previous)
    return {key: now[key] - before[key] for key in KPI_KEYS}
