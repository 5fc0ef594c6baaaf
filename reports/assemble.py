"""``assemble_report``: the one place a project report's figures are gathered (from ``metrics``).

Every figure is one ``metrics`` call with ``Filters(start, end, projects=(code,))``, the same
call the dashboard's pages make, so the report and the pages cannot disagree. The figures come
as one view from :func:`metrics.views.report_figures`: in public mode protected together, before
any format sees the numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from config import DEFAULT_TERRITORY
from i18n import t
from loaders import Dataset
from metrics import DEFAULT_AGE_BANDS, AgeBand, Filters, event_count, participations, unique_participants
from metrics.costs import Costs, project_costs
from metrics.filters import year_period
from metrics.outcomes import (
    STARTED,
    SUPPORTED,
    businesses,
    has_outcomes,
    jobs_created_fte,
    jobs_created_fte_by_gender,
    jobs_created_fte_under_30,
)
from metrics.periods import axis_unit
from metrics.population import population_covered
from metrics.privacy import Shown, is_suppressed
from metrics.progress import cumulative_progress
from metrics.scope import reference_date
from metrics.views import ReportFigures, report_figures
from reports.labels import bands_text
from reports.model import (
    NETWORK_SCOPE,
    TARGET_COLUMNS,
    EventRow,
    Identification,
    Outcomes,
    Progress,
    ProjectRow,
    Provenance,
    Report,
    SpaceRow,
    Target,
)

#: the counting rules printed in every report's provenance, one sentence each (``report.rule.<key>``)
RULE_KEYS: tuple[str, ...] = (
    "period", "participations", "unique_participants", "breakdowns", "unique_breakdowns", "age", "youth",
    "space_figures", "spaces_involved", "residents_active", "residents_new",
)  # fmt: skip
#: the rules added with contract version 2 (printed only for a folder with its data)
RULE_KEYS_V2: tuple[str, ...] = ("outcomes", "costs", "population")
#: the version-2 columns of ``projects``
_V2_PROJECT_COLUMNS = ("spent_eur", "target_jobs_fte", "target_businesses", "final_payment_on")


class UnknownProject(LookupError):
    """The project code is not in the ``projects`` table."""

    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__(code)
        self.code = code
        self.known = known


def project_codes(ds: Dataset) -> list[str]:
    return ds.project_codes()


def _value(value: object) -> object | None:
    return None if value is None or pd.isna(value) else value


def _date(value: object) -> dt.date | None:
    return None if _value(value) is None else pd.Timestamp(value).date()


def identification(ds: Dataset, code: str) -> Identification:
    """The project's row of ``projects`` (raises :class:`UnknownProject`)."""
    row = ds.project(code)
    if row is None:
        raise UnknownProject(code, project_codes(ds))
    budget = _value(row["budget_eur"])
    return Identification(
        project_code=code,
        title=str(row["title"]),
        programme=_value(row["programme"]),
        measure=_value(row["measure"]),
        funder=_value(row["funder"]),
        starts_on=_date(row["starts_on"]),
        ends_on=_date(row["ends_on"]),
        budget_eur=None if budget is None else float(budget),
    )


def _events(figures: ReportFigures) -> tuple[EventRow, ...]:
    table = figures.events.sort_values(["starts_on", "event_id"], kind="stable")
    return tuple(
        EventRow(
            event_id=str(row.event_id),
            starts_on=row.starts_on.date(),
            title=str(row.title),
            event_type=str(row.event_type),
            venue=None if pd.isna(row.venue) else str(row.venue),
            participations=row.participations,
        )
        for row in table.itertuples(index=False)
    )


def _spaces(ds: Dataset, figures: ReportFigures) -> tuple[SpaceRow, ...]:
    names = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    return tuple(SpaceRow(space_id=space, name=str(names[space]), events=int(cells["events"]),
                          visits=int(cells["visits"]), participations=cells["participations"])
                 for space, cells in figures.by_space.items())


def has_version_2(ds: Dataset) -> bool:
    """Whether the folder has contract version 2 data: an outcomes or municipalities table, or a project
    with one of the new columns filled in."""
    if has_outcomes(ds) or not ds.municipalities.empty:
        return True
    return any(column in ds.projects and ds.projects[column].notna().any() for column in _V2_PROJECT_COLUMNS)


def _outcomes(ds: Dataset, f: Filters) -> Outcomes | None:
    if not has_outcomes(ds):
        return None
    counts = businesses(ds, f)
    return Outcomes(
        jobs_created_fte=jobs_created_fte(ds, f),
        businesses_started=counts[STARTED],
        businesses_supported=counts[SUPPORTED],
        jobs_created_fte_by_gender=jobs_created_fte_by_gender(ds, f),
        jobs_created_fte_under_30=jobs_created_fte_under_30(ds, f),
    )


def _achieved(key: str, shown: dict[str, Shown], outcomes: Outcomes | None) -> Shown | float | None:
    if key == "jobs_fte":
        return None if outcomes is None else outcomes.jobs_created_fte
    if key == "businesses":
        return None if outcomes is None else outcomes.businesses_started + outcomes.businesses_supported
    return shown[key]


def _targets(ds: Dataset, code: str, shown: dict[str, Shown], outcomes: Outcomes | None) -> dict[str, Target]:
    row = ds.project(code)
    targets: dict[str, Target] = {}
    for key, column in TARGET_COLUMNS.items():
        target = _value(row.get(column))
        if target is None:
            continue
        target = float(target) if key == "jobs_fte" else int(target)
        achieved = _achieved(key, shown, outcomes)
        if achieved is None:  # an outcome target without an outcomes table: no data, not 0
            achieved = 0.0 if key == "jobs_fte" else 0
        number = not is_suppressed(achieved)
        ratio = achieved / target if number and target > 0 else None
        targets[key] = Target(target=target, achieved=achieved, ratio=ratio)
    return targets


def _costs(ds: Dataset, code: str, f: Filters, outcomes: Outcomes | None, shown: dict[str, Shown]) -> Costs | None:
    """The project's costs against the figures achieved; in public mode a cost per person is not shown
    when its divisor is hidden (it would give the hidden count back)."""
    costs = project_costs(ds.project(code), participations=participations(ds, f),
                          unique_participants=unique_participants(ds, f),
                          jobs_fte=outcomes.jobs_created_fte if outcomes else 0.0, events=event_count(ds, f))
    if costs.basis is None:
        return None
    hidden = {key: None for key, divisor in (("cost_per_participation", "participations"),
                                              ("cost_per_unique_participant", "unique_participants"))
              if is_suppressed(shown[divisor])}
    return dataclasses.replace(costs, **hidden) if hidden else costs


def _progress(ds: Dataset, f: Filters, targets: dict[str, Target], *, public: bool) -> tuple[Progress, ...]:
    """The cumulative series of each target (person counts not in the public version: month by month
    differences would give small counts back)."""
    if f.start is None or f.end is None or f.start > f.end:
        return ()
    unit = axis_unit(f.start, f.end)
    result = []
    for key, target in targets.items():
        if public and key in ("participations", "unique_participants"):
            continue
        series = cumulative_progress(ds, f, key, unit)
        points = tuple((day.date(), float(value) if key == "jobs_fte" else int(value)) for day, value in series.items())
        result.append(Progress(key, target.target, unit, points))
    return tuple(result)


def _coverage(ds: Dataset, territory: tuple[str, ...]) -> tuple[int | None, tuple[str, ...]]:
    if ds.municipalities.empty:
        return None, ()
    coverage = population_covered(ds, territory)
    return coverage.population, coverage.missing


def _rules(lang: str, labels: tuple[str, ...], *, public: bool, version_2: bool, network: bool
           ) -> tuple[tuple[str, str], ...]:
    keys = [("period_network" if network and key == "period" else key) for key in RULE_KEYS]
    keys += list(RULE_KEYS_V2) if version_2 else []
    rules = tuple((key, t(f"report.rule.{key}", lang, bands=bands_text(labels, lang))) for key in keys)
    return rules + ((("small_counts", t("report.rule.small_counts", lang)),) if public else ())


def assemble_report(
    ds: Dataset,
    project_code: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    public: bool = False,
    lang: str = "lv",
    bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS,
    fingerprint: str = "",
    now: dt.datetime | None = None,
    territory: tuple[str, ...] = DEFAULT_TERRITORY,
) -> Report:
    """The report of ``project_code`` for ``start``–``end`` (inclusive).

    A bound left as ``None`` is the project's own ``starts_on`` / ``ends_on``; a project
    without dates is reported over all time. ``fingerprint`` is the data folder's
    ``LoadResult.fingerprint``; ``territory``: the partnership's municipalities (``Settings.territory``),
    for the population covered. Raises :class:`UnknownProject` and, for a period that ends
    before it starts, ``ValueError``.
    """
    ident = identification(ds, project_code)
    start = start if start is not None else ident.starts_on
    end = end if end is not None else ident.ends_on
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts after it ends ({start} > {end})")
    f = Filters(start, end, projects=(project_code,))
    figures = report_figures(ds, f, public=public, bands=bands)
    version_2 = has_version_2(ds)
    outcomes = _outcomes(ds, f)
    targets = _targets(ds, project_code, figures.indicators, outcomes)
    labels = tuple(band.label for band in bands)
    filters = {"project": project_code, "from": start.isoformat() if start else None,
               "to": end.isoformat() if end else None, "public": public, "age_bands": list(labels)}
    base = _base(ds, f, figures, ident, filters, lang=lang, public=public, labels=labels, fingerprint=fingerprint,
                 now=now, version_2=version_2, network=False)
    if not version_2:
        return dataclasses.replace(base, targets=targets)
    population, missing = _coverage(ds, territory)
    return dataclasses.replace(
        base, targets=targets, outcomes=outcomes, costs=_costs(ds, project_code, f, outcomes, figures.indicators),
        population_covered=population, population_missing=missing, progress=_progress(ds, f, targets, public=public),
    )


def _base(ds: Dataset, f: Filters, figures: ReportFigures, ident: Identification, filters: dict[str, object], *,
          lang: str, public: bool, labels: tuple[str, ...], fingerprint: str, now: dt.datetime | None,
          version_2: bool, network: bool) -> Report:
    """The figures every report has (a project's or the network's)."""
    provenance = Provenance(
        fingerprint=fingerprint,
        generated_at=now or dt.datetime.now().astimezone().replace(microsecond=0),
        filters=filters,
        counting_rules=_rules(lang, labels, public=public, version_2=version_2, network=network),
    )
    return Report(
        lang=lang,
        public=public,
        start=f.start,
        end=f.end,
        residents_on=reference_date(f),
        identification=ident,
        indicators=figures.indicators,
        breakdowns=figures.breakdowns,
        under_30=figures.under_30,
        by_space=_spaces(ds, figures),
        targets={},
        events=_events(figures),
        age_bands=labels,
        provenance=provenance,
        version_2=version_2,
    )


def report_years(ds: Dataset) -> list[int]:
    """The years with events, newest first."""
    return sorted({int(year) for year in ds.events["starts_on"].dropna().dt.year}, reverse=True)


def _active_projects(ds: Dataset, year: int) -> list[str]:
    """The projects with events in the year or whose own period overlaps it, in the data's order."""
    first, last = year_period(year)
    with_events = set(ds.events.loc[ds.events["starts_on"].dt.year == year, "project_code"].dropna().astype(str))
    codes = []
    for code in ds.project_codes():
        start, end = ds.project_period(code)
        overlaps = (start is not None or end is not None) and (start or first) <= last and (end or last) >= first
        if code in with_events or overlaps:
            codes.append(code)
    return codes


def _project_rows(ds: Dataset, year: int) -> tuple[ProjectRow, ...]:
    first, last = year_period(year)
    rows = []
    for code in _active_projects(ds, year):
        f = Filters(first, last, projects=(code,))
        costs = project_costs(ds.project(code), participations=0, unique_participants=0, jobs_fte=0.0, events=0)
        rows.append(ProjectRow(code, str(ds.project(code)["title"]), event_count(ds, f), costs.spent_eur,
                               costs.budget_eur, costs.budget_absorbed))
    return tuple(rows)


def assemble_network_report(
    ds: Dataset,
    year: int,
    *,
    public: bool = False,
    lang: str = "lv",
    bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS,
    fingerprint: str = "",
    now: dt.datetime | None = None,
    territory: tuple[str, ...] = DEFAULT_TERRITORY,
) -> Report:
    """The network's annual report of ``year``: every event of the calendar year, with or without a
    project, every outcome recorded in it, and each project running in it with its money."""
    start, end = year_period(year)
    f = Filters(start, end)
    figures = report_figures(ds, f, public=public, bands=bands)
    version_2 = has_version_2(ds)
    labels = tuple(band.label for band in bands)
    ident = Identification(project_code="", title=t("report.network.title", lang, year=year), programme=None,
                           measure=None, funder=None, starts_on=start, ends_on=end, budget_eur=None)
    filters = {"project": None, "year": year, "from": start.isoformat(), "to": end.isoformat(), "public": public,
               "age_bands": list(labels)}
    base = _base(ds, f, figures, ident, filters, lang=lang, public=public, labels=labels, fingerprint=fingerprint,
                 now=now, version_2=version_2, network=True)
    population, missing = _coverage(ds, territory) if version_2 else (None, ())
    return dataclasses.replace(
        base, scope=NETWORK_SCOPE, year=year, outcomes=_outcomes(ds, f), population_covered=population,
        population_missing=missing, projects=_project_rows(ds, year),
    )
