"""Overview: headline figures for the filtered period, a monthly trend, what data is shown."""

import streamlit as st

import charts
import metrics
from i18n import t
from i18n.formatting import fmt_datetime, fmt_int
from i18n.labels import code_labels
from ui import context
from ui.labels import month_labels
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
    monthly = metrics.participations_by_month(ds, f)
    if monthly.to_numpy().sum() == 0:
        empty_message(lang)
    else:
        chart(
            charts.stacked_bar(
                monthly,
                x_labels=month_labels(monthly.index, lang),
                title=t("chart.monthly_participations", lang),
                x_title=t("axis.month", lang),
                y_title=t("axis.participations", lang),
                series_labels=code_labels("event_type", monthly.columns, lang),
                colours=charts.EVENT_TYPE_COLOURS,
                lang=lang,
            ),
            key="overview-trend",
        )
with about, st.container(border=True, key="data-source"):
    st.subheader(t("overview.data_title", lang))
    kind = t("overview.demo" if is_demo(ctx.data.folder) else "overview.real", lang)
    st.markdown(t("overview.data_kind", lang, kind=kind))
    st.markdown(t("overview.data_folder", lang, folder=md(ctx.data.folder)))
    if ctx.data.last_change is not None:
        st.markdown(t("overview.last_change", lang, when=fmt_datetime(ctx.data.last_change, lang)))
    for info in ctx.data.shown.files.values():
        st.markdown(t("overview.table_rows", lang, table=t(f"table.{info.table}", lang),
                      rows=fmt_int(info.rows, lang), file=md(info.file)))
