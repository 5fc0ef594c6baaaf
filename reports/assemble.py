"""``assemble_report``: the one place a project report's figures are gathered (from ``metrics``).

Every figure is one ``metrics`` call with ``Filters(start, end, projects=(code,))``, the same
call the dashboard's pages make, so the report and the pages cannot disagree. In public mode the
contract's small-count suppression is applied here, before any format sees the numbers.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

import metrics
from i18n import t
from loaders import Dataset
from metrics import DEFAULT_AGE_BANDS, AgeBand, Filters
from metrics.privacy import Shown, suppress, suppress_breakdown
from metrics.scope import reference_date
from reports.model import (
    PERSON_COUNTS,
    TARGET_COLUMNS,
    EventRow,
    Identification,
    Provenance,
    Report,
    Target,
)

#: the counting rules printed in every report's provenance, one sentence each (``report.rule.<key>``)
RULE_KEYS: tuple[str, ...] = (
    "period", "participations", "unique_participants", "breakdowns", "age", "spaces_involved",
    "residents_active", "residents_new",
)  # fmt: skip


class UnknownProject(LookupError):
    """The project code is not in the ``projects`` table."""

    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__(code)
        self.code = code
        self.known = known


def project_codes(ds: Dataset) -> list[str]:
    return sorted(ds.projects["project_code"].tolist())


def _value(value: object) -> object | None:
    return None if value is None or pd.isna(value) else value


def _date(value: object) -> dt.date | None:
    return None if _value(value) is None else pd.Timestamp(value).date()


def identification(ds: Dataset, code: str) -> Identification:
    """The project's row of ``projects`` (raises :class:`UnknownProject`)."""
    rows = ds.projects.loc[ds.projects["project_code"] == code]
    if rows.empty:
        raise UnknownProject(code, project_codes(ds))
    row = rows.iloc[0]
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


def _exact_figures(ds: Dataset, f: Filters, bands: tuple[AgeBand, ...]) -> tuple[dict[str, int], dict[str, dict]]:
    indicators = {
        "events": metrics.event_count(ds, f),
        "participations": metrics.participations(ds, f),
        "unique_participants": metrics.unique_participants(ds, f),
        "spaces_involved": metrics.spaces_involved(ds, f),
        "residents_active_at_end": metrics.active_residents(ds, f),
        "residents_new": metrics.new_residents(ds, f),
    }
    breakdowns = {
        "events_by_type": metrics.events_by_type(ds, f),
        "participations_by_gender": metrics.participations_by_gender(ds, f),
        "participations_by_age_band": metrics.participations_by_age_band(ds, f, bands),
        "participations_by_municipality": metrics.participations_by_municipality(ds, f),
    }
    as_dicts = {key: {str(k): int(v) for k, v in series.items()} for key, series in breakdowns.items()}
    return indicators, as_dicts


def _events(ds: Dataset, f: Filters, public: bool) -> tuple[EventRow, ...]:
    table = metrics.events_table(ds, f).sort_values(["starts_on", "event_id"], kind="stable")
    counts = {str(e): int(p) for e, p in zip(table["event_id"], table["participations"], strict=True)}
    shown: dict[str, Shown] = suppress_breakdown(counts) if public else dict(counts)
    return tuple(
        EventRow(
            event_id=str(row.event_id),
            starts_on=row.starts_on.date(),
            title=str(row.title),
            event_type=str(row.event_type),
            venue=None if pd.isna(row.venue) else str(row.venue),
            participations=shown[str(row.event_id)],
        )
        for row in table.itertuples(index=False)
    )


def _targets(ds: Dataset, code: str, shown: dict[str, Shown]) -> dict[str, Target]:
    row = ds.projects.loc[ds.projects["project_code"] == code].iloc[0]
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
    indicators, breakdowns = _exact_figures(ds, f, bands)

    shown: dict[str, Shown] = dict(indicators)
    shown_breakdowns: dict[str, dict[str, Shown]] = {key: dict(cells) for key, cells in breakdowns.items()}
    if public:
        shown = {key: suppress(value) if key in PERSON_COUNTS else value for key, value in indicators.items()}
        shown_breakdowns = {
            key: dict(cells) if key == "events_by_type" else suppress_breakdown(cells)
            for key, cells in breakdowns.items()
        }
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
        counting_rules=tuple((key, t(f"report.rule.{key}", lang, bands=", ".join(labels))) for key in RULE_KEYS)
        + ((("small_counts", t("report.rule.small_counts", lang)),) if public else ()),
    )
    return Report(
        lang=lang,
        public=public,
        start=start,
        end=end,
        residents_on=reference_date(f),
        identification=ident,
        indicators=shown,
        breakdowns=shown_breakdowns,
        targets=_targets(ds, project_code, shown),
        events=_events(ds, f, public),
        age_bands=labels,
        provenance=provenance,
    )
