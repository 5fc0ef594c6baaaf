"""The assembled report: everything every format shows, computed once.

A :class:`Report` holds the figures *as they may be shown*: in public mode the small counts
are already replaced by ``"<5"`` (and ``"≥5"`` for a cell hidden only so that a total cannot
reveal a small one), so no format can leak a hidden number. Every format (JSON, Excel, Word,
PDF, CSV) is built from this object and never recomputes a figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from metrics.costs import Costs
from metrics.privacy import Shown
from metrics.views import REPORT_BREAKDOWNS, REPORT_INDICATORS

#: the indicator keys of the report, in the order of the indicator table
INDICATOR_KEYS: tuple[str, ...] = REPORT_INDICATORS
#: the breakdowns of the report (JSON keys): key → the indicator it breaks down
BREAKDOWN_TOTALS: dict[str, str] = REPORT_BREAKDOWNS
#: the breakdown tables of every format, in order: (kind of the row labels, the breakdowns side by side)
BREAKDOWN_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("event_type", ("events_by_type",)),
    ("gender", ("participations_by_gender", "unique_participants_by_gender")),
    ("age_band", ("participations_by_age_band", "unique_participants_by_age_band")),
    ("municipality", ("participations_by_municipality", "unique_participants_by_municipality")),
)
#: indicator → the ``projects`` column holding its target
TARGET_COLUMNS: dict[str, str] = {
    "events": "target_events",
    "participations": "target_participants",
    "unique_participants": "target_unique_participants",
    "jobs_fte": "target_jobs_fte",
    "businesses": "target_businesses",
}
#: the report's scopes: one project, or the whole network over a calendar year
PROJECT_SCOPE, NETWORK_SCOPE = "project", "network"


@dataclass(frozen=True)
class Identification:
    project_code: str
    title: str
    programme: str | None
    measure: str | None
    funder: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    budget_eur: float | None


@dataclass(frozen=True)
class Target:
    #: a count, or FTE (``jobs_fte``: a decimal)
    target: int | float
    achieved: Shown
    #: achieved / target (0.58 = 58 %); ``None`` when the target is 0 or the achieved figure is hidden
    ratio: float | None


@dataclass(frozen=True)
class EventRow:
    event_id: str
    starts_on: dt.date
    title: str
    event_type: str
    #: the venue's name, or the route of a study visit ("A → B"), or ``None``
    venue: str | None
    participations: Shown


@dataclass(frozen=True)
class SpaceRow:
    """A space involved in the report's events: its events, its study-visit stops and the participations
    of its events (``metrics.space_figures``)."""

    space_id: str
    name: str
    events: int
    visits: int
    participations: Shown


@dataclass(frozen=True)
class Outcomes:
    """What the work led to (``metrics.outcomes``): not person counts, shown exact in every version."""

    jobs_created_fte: float
    businesses_started: int
    businesses_supported: int
    #: FTE by the linked resident's gender (``female``, ``male``, ``other``, ``unknown``)
    jobs_created_fte_by_gender: dict[str, float]
    jobs_created_fte_under_30: float


@dataclass(frozen=True)
class Progress:
    """An indicator achieved cumulatively to the end of each month / quarter / year, against its target."""

    indicator: str
    target: int | float
    #: ``month``, ``quarter`` or ``year``
    unit: str
    #: (first day of the period, achieved from the report's start to the period's end)
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class ProjectRow:
    """A project in the network's annual report: its events in the year and its money."""

    project_code: str
    title: str
    events: int
    spent_eur: float | None
    budget_eur: float | None
    budget_absorbed: float | None


@dataclass(frozen=True)
class Provenance:
    fingerprint: str
    generated_at: dt.datetime
    #: the filters the figures were computed with (ISO dates, project codes, flags)
    filters: dict[str, object]
    #: ``[(rule key, sentence in the report's language)]``
    counting_rules: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Report:
    lang: str
    public: bool
    start: dt.date | None
    end: dt.date | None
    #: the day "at the period's end" of the residents figures (the end, or the day it was made)
    residents_on: dt.date
    identification: Identification
    #: indicator key → value (see ``INDICATOR_KEYS``)
    indicators: dict[str, Shown]
    #: breakdown key → {code → value}, in display order (see ``BREAKDOWN_TOTALS``)
    breakdowns: dict[str, dict[str, Shown]]
    #: participations and unique participants under 30: ``{"participations": n, "unique_participants": n}``
    under_30: dict[str, Shown]
    #: the spaces involved, in the data's order
    by_space: tuple[SpaceRow, ...]
    #: indicator key → target, only for the indicators the project has a target for
    targets: dict[str, Target]
    #: the events in the period, oldest first
    events: tuple[EventRow, ...]
    #: the age band labels used (the contract's defaults unless configured)
    age_bands: tuple[str, ...]
    provenance: Provenance
    #: ``project`` or ``network`` (the network's annual report of ``year``)
    scope: str = PROJECT_SCOPE
    year: int | None = None
    #: whether the folder has contract version 2 data (outcomes, municipalities or the new project
    #: columns): only then do the sections and keys below appear, so a version-1 report stays as it was
    version_2: bool = False
    #: ``None`` without an ``outcomes`` table
    outcomes: Outcomes | None = None
    #: ``None`` without a budget or spent figure; per-unit costs hidden with their divisor in public mode
    costs: Costs | None = None
    #: the territory's population (``None`` without a ``municipalities`` table)
    population_covered: int | None = None
    #: the territory's municipalities without a population figure
    population_missing: tuple[str, ...] = ()
    #: one per target, in the order of the targets
    progress: tuple[Progress, ...] = ()
    #: the network's annual report: every project with events or running in the year
    projects: tuple[ProjectRow, ...] = ()

    @property
    def project_code(self) -> str:
        return self.identification.project_code

    @property
    def network(self) -> bool:
        return self.scope == NETWORK_SCOPE
