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
from charts.progress import Panel, progress_panels
from i18n import t
from i18n.formatting import fmt_month, quarter_name
from i18n.labels import code_labels
from metrics.privacy import is_suppressed
from reports.labels import row_labels
from reports.model import Progress, Report


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


def _period_label(day, unit: str, lang: str) -> str:
    if unit == "quarter":
        return quarter_name(day.year, (day.month - 1) // 3 + 1, lang)
    return str(day.year) if unit == "year" else fmt_month(day, lang, width="abbreviated")


def _panel(item: Progress, lang: str) -> Panel:
    return Panel(t(f"report.progress.short.{item.indicator}", lang),
                 tuple(_period_label(day, item.unit, lang) for day, _ in item.points),
                 tuple(value for _, value in item.points), float(item.target),
                 ",.2~f" if item.indicator == "jobs_fte" else ",d")


def progress_chart(report: Report) -> ReportChart | None:
    """The cumulative progress against each target, a small panel per target (``None`` without any)."""
    if not report.progress:
        return None
    lang = report.lang
    title = t("report.progress.heading", lang)
    figure = progress_panels([_panel(item, lang) for item in report.progress], title=title,
                             achieved=t("report.progress.achieved", lang), target=t("report.progress.target", lang),
                             lang=lang, columns=2 if len(report.progress) > 1 else 1)
    return ReportChart("progress", title, figure)


def report_charts(report: Report) -> list[ReportChart]:
    """The progress against the targets (version 2); events by type, participations by gender, by age band
    and by home municipality (if any events)."""
    lang = report.lang
    progress = progress_chart(report)
    result: list[ReportChart] = [progress] if progress is not None else []
    if not report.events:
        return result

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
