"""Residents: how many, in which spaces, who joined and left, what they do, where from."""

import pandas as pd
import streamlit as st

import charts
import metrics
from i18n import t
from i18n.formatting import fmt_date, fmt_int
from i18n.labels import code_labels
from metrics.scope import reference_date
from ui import context
from ui.labels import space_labels, time_axis
from ui.widgets import chart, empty_message, metric_cards, page_header, period_caption

#: a national network has hundreds of spaces: the chart draws the largest, the rest as one line
CHART_SPACES = 12

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.residents")
period_caption(ctx)

on = reference_date(f)
counts = {
    "active": metrics.active_residents(ds, f),
    "new": metrics.new_residents(ds, f),
    "left": metrics.left_residents(ds, f),
}
labels = {key: t(f"residents.{key}", lang, date=fmt_date(on, lang)) for key in counts}
metric_cards({key: (labels[key], fmt_int(value, lang)) for key, value in counts.items()}, "kpi-residents-")

unit = metrics.time_unit(ds, f)  # months, or quarters or years for a long period
over_time = metrics.largest_columns_with_rest(metrics.active_residents_over_time(ds, f, unit), CHART_SPACES)
if over_time.empty or over_time.to_numpy().sum() == 0:
    empty_message(lang)
    st.stop()

time = time_axis(over_time.index, unit, lang)
chart(
    charts.lines(
        over_time, x_labels=time.labels, x_ticks=time.ticks, title=t(f"chart.active.{unit}", lang),
        x_title=time.title, y_title=t("axis.active_residents", lang),
        series_labels=space_labels(ds, lang), colours=charts.space_colours(ds.spaces["space_id"]), lang=lang,
    ),
    key="residents-over-time",
)

flows = metrics.joined_and_left_by_quarter(ds, f)
if not flows.empty:
    quarters = time_axis(flows.index, "quarter", lang)
    chart(
        charts.stacked_bar(
            flows, x_labels=quarters.labels, x_ticks=quarters.ticks, title=t("chart.joined_left", lang),
            x_title=quarters.title, y_title=t("axis.residents", lang),
            series_labels={"joined": t("residents.joined", lang), "left": t("residents.left_series", lang)},
            colours=charts.JOINED_LEFT_COLOURS, lang=lang, stacked=False,
        ),
        key="residents-flows",
    )

left, right = st.columns(2, gap="large")
with left:
    occupations = metrics.residents_by_occupation(ds, f)
    occupations = pd.concat([occupations.drop("unknown").sort_values(ascending=False, kind="stable"),
                             occupations[["unknown"]]])
    chart(
        charts.bar(
            occupations, title=t("chart.occupation", lang, date=fmt_date(on, lang)),
            x_title=t("axis.occupation", lang), y_title=t("axis.residents", lang),
            labels=code_labels("occupation", occupations.index, lang), lang=lang, horizontal=True,
        ),
        key="residents-occupation",
    )
with right:
    homes = metrics.residents_by_home_municipality(ds, f)
    chart(
        charts.bar(
            homes, title=t("chart.home_municipality", lang, date=fmt_date(on, lang)),
            x_title=t("axis.municipality", lang), y_title=t("axis.residents", lang),
            labels={"unknown": t("value.unknown", lang)}, lang=lang, horizontal=True,
        ),
        key="residents-home",
    )
