"""The headline figures of the Overview (and of presentation mode)."""

from __future__ import annotations

import pandas as pd

from loaders import Dataset
from metrics.events import event_count, participations, unique_participants
from metrics.filters import Filters, previous_period
from metrics.outcomes import STARTED, SUPPORTED, businesses, has_outcomes, jobs_created_fte
from metrics.periods import first_data_date
from metrics.residents import active_residents
from metrics.scope import scoped_residents
from metrics.spaces import space_count

KPI_KEYS = ("spaces", "active_residents", "events", "participations", "unique_participants")
#: the outcome cards, shown only where the folder has outcomes (contract version 2)
OUTCOME_KPI_KEYS = ("jobs_fte", "businesses")


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


def outcome_kpis(ds: Dataset, filters: Filters) -> dict[str, float] | None:
    """``jobs_fte``: jobs created (FTE, :func:`metrics.outcomes.jobs_created_fte`); ``businesses``:
    businesses started + supported. ``None`` where the folder has no outcomes (no cards, not 0)."""
    if not has_outcomes(ds):
        return None
    counts = businesses(ds, filters)
    return {"jobs_fte": jobs_created_fte(ds, filters), "businesses": counts[STARTED] + counts[SUPPORTED]}


def _comparable(ds: Dataset, filters: Filters) -> Filters | None:
    """The previous period to compare with, or ``None`` (see :func:`kpi_changes`)."""
    previous = previous_period(filters)
    if previous is None:
        return None
    first = first_data_date(ds)
    if first is None or previous.end < first or not has_activity(ds, previous):
        return None
    return previous


def outcome_changes(ds: Dataset, filters: Filters) -> dict[str, float] | None:
    """Each outcome card minus its value in the previous period (FTE to one decimal), under the same
    conditions as :func:`kpi_changes`; ``None`` without outcomes or a period to compare with."""
    previous = _comparable(ds, filters)
    now = outcome_kpis(ds, filters)
    if previous is None or now is None:
        return None
    before = outcome_kpis(ds, previous) or {}
    return {"jobs_fte": round(now["jobs_fte"] - before["jobs_fte"], 1),
            "businesses": now["businesses"] - before["businesses"]}


def kpi_changes(ds: Dataset, filters: Filters) -> dict[str, int] | None:
    """Each KPI minus its value in the previous period of the same length.

    None (no arrows) when there is nothing to compare with: an open-ended period, a previous period
    that ends before the data's first day, or one with no event and no resident active in it (a
    period after an empty one would otherwise show its whole count as a rise).
    """
    previous = _comparable(ds, filters)
    if previous is None:
        return None
    now, before = overview_kpis(ds, filters), overview_kpis(ds, previous)
    return {key: now[key] - before[key] for key in KPI_KEYS}
