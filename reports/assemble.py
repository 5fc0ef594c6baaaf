"""``assemble_report``: the one place a project report's figures are gathered (from ``metrics``).

Every figure is one ``metrics`` call with ``Filters(start, end, projects=(code,))``, the same
call the dashboard's pages make, so the report and the pages cannot disagree. The figures come
as one view from :func:`metrics.views.report_figures`: in public mode protected together, before
any format sees the numbers.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from i18n import t
from loaders import Dataset
from metrics import DEFAULT_AGE_BANDS, AgeBand, Filters
from metrics.privacy import Shown
from metrics.scope import reference_date
from metrics.views import ReportFigures, report_figures
from reports.labels import bands_text
from reports.model import (
    TARGET_COLUMNS,
    EventRow,
    Identification,
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


def _targets(ds: Dataset, code: str, shown: dict[str, Shown]) -> dict[str, Target]:
    row = ds.project(code)
    targets: dict[str, Target] = {}
    for key, column in TARGET_COLUMNS.items():
        target = _value(row[column])
        if target is None:
            continue
        achieved = shown[key]
        ratio = achieved / int(target) if isinstance(achieved, int) and int(target) > 0 else None
        targets[key] = Target(target=int(target), achieved=achieved, ratio=ratio)
    return targets


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
) -> Report:
    """The report of ``project_code`` for ``start``–``end`` (inclusive).

    A bound left as ``None`` is the project's own ``starts_on`` / ``ends_on``; a project
    without dates is reported over all time. ``fingerprint`` is the data folder's
    ``LoadResult.fingerprint``. Raises :class:`UnknownProject` and, for a period that ends
    before it starts, ``ValueError``.
    """
    ident = identification(ds, project_code)
    start = start if start is not None else ident.starts_on
    end = end if end is not None else ident.ends_on
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period starts after it ends ({start} > {end})")
    f = Filters(start, end, projects=(project_code,))
    figures = report_figures(ds, f, public=public, bands=bands)
    labels = tuple(band.label for band in bands)
    provenance = Provenance(
        fingerprint=fingerprint,
        generated_at=now or dt.datetime.now().astimezone().replace(microsecond=0),
        filters={
            "project": project_code,
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "public": public,
            "age_bands": list(labels),
        },
        counting_rules=tuple((key, t(f"report.rule.{key}", lang, bands=bands_text(labels, lang))) for key in RULE_KEYS)
        + ((("small_counts", t("report.rule.small_counts", lang)),) if public else ()),
    )
    return Report(
        lang=lang,
        public=public,
        start=start,
        end=end,
        residents_on=reference_date(f),
        identification=ident,
        indicators=figures.indicators,
        breakdowns=figures.breakdowns,
        under_30=figures.under_30,
        by_space=_spaces(ds, figures),
        targets=_targets(ds, project_code, figures.indicators),
        events=_events(figures),
        age_bands=labels,
        provenance=provenance,
    )
