"""Overview: headline figures for the filtered period, the trend over time, what data is shown."""

import streamlit as st

import charts
import metrics
from i18n import t
from i18n.formatting import fmt_datetime, fmt_decimal, fmt_int
from i18n.labels import code_labels
from metrics.annotations import annotation_positions, chart_annotations
from metrics.kpis import OUTCOME_KPI_KEYS, outcome_changes, outcome_kpis
from ui import context
from ui.labels import time_axis
from ui.text import md
from ui.widgets import chart, empty_message, kpi_cards, page_header, period_caption

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.overview")
period_caption(ctx)
kpi_cards(ctx, metrics.overview_kpis(ds, f), metrics.kpi_changes(ds, f))
outcomes = outcome_kpis(ds, f)  # only where the folder has outcomes: a version-1 folder shows no cards
if outcomes is not None:
    changes = outcome_changes(ds, f)
    digits = {"jobs_fte": 1, "businesses": 0}
    with st.container(key="outcome-kpis"):
        # a third of the width each: their labels are longer than the cards' above
        for column, key in zip(st.columns(3), OUTCOME_KPI_KEYS, strict=False):
            delta = None if changes is None else changes[key]
            with column, st.container(key=f"kpi-{key}"):
                st.metric(
                    t(f"overview.kpi.{key}", lang), fmt_decimal(outcomes[key], lang, digits[key]),
                    delta=None if delta is None else ("+" if delta > 0 else "-" if delta < 0 else "")
                    + fmt_decimal(abs(delta), lang, digits[key]),
                    delta_color="normal" if delta else "off", help=t(f"overview.kpi.{key}.help", lang), border=True,
                )

trend, about = st.columns([2, 1], gap="large")
with trend:
    unit = metrics.time_unit(ds, f)  # months, or quarters or years for a long period
    over_time = metrics.participations_by_period(ds, f, unit)
    if over_time.to_numpy().sum() == 0:
        empty_message(lang)
    else:
        axis = time_axis(over_time.index, unit, lang)
        marks = [(row, t(f"chart.mark.{mark.kind}", lang, name=mark.name))
                 for row, mark in annotation_positions(chart_annotations(ds, f), over_time.index, unit)]
        chart(
            charts.add_annotations(charts.stacked_bar(
                over_time,
                x_labels=axis.labels,
                x_ticks=axis.ticks,
                title=t(f"chart.participations.{unit}", lang),
                x_title=axis.title,
                y_title=t("axis.participations", lang),
                series_labels=code_labels("event_type", over_time.columns, lang),
                colours=charts.EVENT_TYPE_COLOURS,
                lang=lang,
            ), marks, legend_name=t("chart.marks", lang)),
            key="overview-trend",
        )
with about, st.container(border=True, key="data-source"):
    st.subheader(t("overview.data_title", lang))
    kind = t("overview.demo" if ctx.data.is_demo else "overview.real", lang)
    st.markdown(t("overview.data_kind", lang, kind=kind))
    if ctx.data.last_change is not None:
        st.markdown(t("overview.last_change", lang, when=fmt_datetime(ctx.data.last_change, lang)))
    for info in ctx.data.shown.files.values():
        st.markdown(t("overview.table_rows", lang, table=t(f"table.{info.table}", lang),
                      rows=fmt_int(info.rows, lang), file=md(info.file)))
