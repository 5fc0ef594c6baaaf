"""The report's charts as plotly figures (from the ``charts`` package), drawn from the report's figures.

Shared by the page's preview and the Word / PDF images; the Excel workbook's native charts follow the
same rule (:func:`breakdown_series`). In public mode a breakdown with a hidden cell is not charted (a
bar would show the hidden number); the chart is listed as hidden instead, so the documents can say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

import charts
from i18n import t
from i18n.labels import code_labels
from metrics.privacy import is_suppressed
from reports.labels import row_labels
from reports.model import Report


@dataclass(frozen=True)
class ReportChart:
    key: str
    title: str
    #: ``None`` when the chart is hidden in public mode
    figure: go.Figure | None


def breakdown_series(report: Report, key: str, *, drop_zeros: bool = False) -> pd.Series | None:
    """The breakdown as numbers to chart, or ``None`` when one of its cells is hidden (public mode)."""
    cells = report.breakdowns[key]
    if any(is_suppressed(value) for value in cells.values()):
        return None
    series = pd.Series({code: int(value) for code, value in cells.items()}, dtype="int64")
    return series[series > 0] if drop_zeros else series


def report_charts(report: Report) -> list[ReportChart]:
    """Events by type, participations by gender, by age band and by home municipality (if any events)."""
    lang = report.lang
    if not report.events:
        return []
    result: list[ReportChart] = []

    def add(key: str, build) -> None:
        title = t(f"report.breakdown.{key}", lang)
        series = breakdown_series(report, key, drop_zeros=key != "participations_by_age_band")
        if series is not None and int(series.sum()) == 0:
            return  # nothing to draw
        result.append(ReportChart(key, title, None if series is None else build(series, title)))

    add("events_by_type", lambda s, title: charts.bar(
        s, title=title, x_title=t("report.axis.event_type", lang), y_title=t("report.axis.events", lang),
        labels=code_labels("event_type", s.index, lang), colours=charts.EVENT_TYPE_COLOURS, lang=lang,
    ))
    add("participations_by_gender", lambda s, title: charts.donut(
        s, title=title, labels=code_labels("gender", s.index, lang), colours=charts.GENDER_COLOURS, lang=lang,
    ))
    add("participations_by_age_band", lambda s, title: charts.bar(
        s, title=title, x_title=t("axis.age_band", lang), y_title=t("report.axis.participations", lang),
        labels=row_labels("age_band", s.index, lang), lang=lang,
    ))
    add("participations_by_municipality", lambda s, title: charts.bar(
        s, title=title, x_title=t("report.key.municipality", lang), y_title=t("report.axis.participations", lang),
        labels=code_labels("municipality", s.index, lang), lang=lang, horizontal=True,
    ))
    return result
