"""Overview: headline figures for the filtered period, the trend over time, what data is shown."""

import streamlit as st

import charts
import metrics
from i18n import t
from i18n.formatting import fmt_datetime, fmt_int
from i18n.labels import code_labels
from ui import context
from ui.labels import time_axis
from ui.loading import is_demo
from ui.text import md
from ui.widgets import chart, empty_message, kpi_cards, page_header, period_caption

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.overview")
period_caption(ctx)
kpi_cards(ctx, metrics.overview_kpis(ds, f), metrics.kpi_changes(ds, f))

trend, about = st.columns([2, 1], gap="large")
with trend:
    unit = metrics.time_unit(ds, f)  # months, or quarters or years for a long period
    over_time = metrics.participations_by_period(ds, f, unit)
    if over_time.to_numpy().sum() == 0:
        empty_message(lang)
    else:
        axis = time_axis(over_time.index, unit, lang)
        chart(
            charts.stacked_bar(
                over_time,
                x_labels=axis.labels,
                x_ticks=axis.ticks,
                title=t(f"chart.participations.{unit}", lang),
                x_title=axis.title,
                y_title=t("axis.participations", lang),
                series_labels=code_labels("event_type", over_time.columns, lang),
                colours=charts.EVENT_TYPE_COLOURS,
                lang=lang,
            ),
            key="overview-trend",
        )
with about, st.container(border=True, key="data-source"):
    st.subheader(t("overview.data_title", lang))
    kind = t("overview.demo" if is_demo(ctx.data.folder) else "overview.real", lang)
    st.markdown(t("overview.data_kind", lang, kind=kind))
    if ctx.data.last_change is not None:
        st.markdown(t("overview.last_change", lang, when=fmt_datetime(ctx.data.last_change, lang)))
    for info in ctx.data.shown.files.values():
        st.markdown(t("overview.table_rows", lang, table=t(f"table.{info.table}", lang),
                      rows=fmt_int(info.rows, lang), file=md(info.file)))
