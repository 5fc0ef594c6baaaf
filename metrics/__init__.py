"""Every counting rule of the data contract, once (no Streamlit here).

Each figure is one function taking the loaded :class:`loaders.Dataset` and a
:class:`Filters`; pages, charts, exports and the CLIs all call these.
"""

from metrics.age import DEFAULT_AGE_BANDS, UNKNOWN, AgeBand
from metrics.events import (
    FIRST_TIME,
    NO_VENUE,
    RETURNING,
    event_count,
    events_by_month,
    events_by_type,
    events_table,
    first_time_vs_returning,
    participations,
    participations_by_age_band,
    participations_by_event_type,
    participations_by_gender,
    participations_by_month,
    participations_by_municipality,
    participations_by_period,
    unique_participants,
)
from metrics.filters import Filters, previous_period, year_period
from metrics.kpis import KPI_KEYS, kpi_changes, overview_kpis
from metrics.people import (
    YOUTH_AGE,
    under_30,
    unique_participants_by_age_band,
    unique_participants_by_gender,
    unique_participants_by_municipality,
)
from metrics.periods import time_unit
from metrics.ranking import REST, largest_columns_with_rest, largest_first, largest_with_rest
from metrics.residents import (
    active_residents,
    active_residents_by_space,
    active_residents_over_time,
    joined_and_left_by_quarter,
    left_residents,
    new_residents,
    residents_by_home_municipality,
    residents_by_occupation,
)
from metrics.spaces import (
    SPACE_FIGURES,
    open_spaces,
    participations_by_space,
    space_count,
    space_figures,
    spaces_involved,
    spaces_table,
    visits_table,
)

__all__ = [
    "DEFAULT_AGE_BANDS",
    "FIRST_TIME",
    "KPI_KEYS",
    "NO_VENUE",
    "REST",
    "RETURNING",
    "SPACE_FIGURES",
    "UNKNOWN",
    "YOUTH_AGE",
    "AgeBand",
    "Filters",
    "active_residents",
    "active_residents_by_space",
    "active_residents_over_time",
    "event_count",
    "events_by_month",
    "events_by_type",
    "events_table",
    "first_time_vs_returning",
    "joined_and_left_by_quarter",
    "kpi_changes",
    "largest_columns_with_rest",
    "largest_first",
    "largest_with_rest",
    "left_residents",
    "new_residents",
    "open_spaces",
    "overview_kpis",
    "participations",
    "participations_by_age_band",
    "participations_by_event_type",
    "participations_by_gender",
    "participations_by_month",
    "participations_by_municipality",
    "participations_by_period",
    "participations_by_space",
    "previous_period",
    "residents_by_home_municipality",
    "residents_by_occupation",
    "space_count",
    "space_figures",
    "spaces_involved",
    "spaces_table",
    "time_unit",
    "under_30",
    "unique_participants",
    "unique_participants_by_age_band",
    "unique_participants_by_gender",
    "unique_participants_by_municipality",
    "visits_table",
    "year_period",
]
