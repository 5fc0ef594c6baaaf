"""The headline figures of the Overview (and of presentation mode)."""

from __future__ import annotations

from loaders import Dataset
from metrics.events import event_count, participations, unique_participants
from metrics.filters import Filters, previous_period
from metrics.residents import active_residents
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


def kpi_changes(ds: Dataset, filters: Filters) -> dict[str, int] | None:
    """Each KPI minus its value in the previous period of the same length (None if open-ended)."""
    previous = previous_period(filters)
    if previous is None:
        return None
    now, before = overview_kpis(ds, filters), overview_kpis(ds, previous)
    return {key: now[key] - before[key] for key in KPI_KEYS}
