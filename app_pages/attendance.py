"""Attendance: who came, when, where from; the events list."""

import streamlit as st

import charts
import metrics
from i18n import t
from reports.safe_cells import neutralise_frame
from ui import context
from ui.labels import code_labels, month_labels, space_labels
from ui.tables import events_frame
from ui.widgets import chart, empty_message, page_header, period_caption
from ui.widgets import table as table_widget

#: a national network has hundreds of spaces: the chart names the largest, the rest is one bar
CHART_SPACES = 15

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.attendance")
period_caption(ctx)

if metrics.event_count(ds, f) == 0:
    empty_message(lang)
    st.stop()

monthly = metrics.participations_by_month(ds, f)
chart(
    charts.stacked_bar(
        monthly, x_labels=month_labels(monthly.index, lang), title=t("chart.monthly_participations", lang),
        x_title=t("axis.month", lang), y_title=t("axis.participations", lang),
        series_labels=code_labels("event_type", monthly.columns, lang), colours=charts.EVENT_TYPE_COLOURS, lang=lang,
    ),
    key="attendance-monthly",
)

left, right = st.columns(2, gap="large")
with left:
    by_space = metrics.largest_with_rest(metrics.participations_by_space(ds, f), CHART_SPACES)
    chart(
        charts.bar(
            by_space, title=t("chart.participations_by_space", lang), x_title=t("axis.space", lang),
            y_title=t("axis.participations", lang), labels=space_labels(ds, lang),
            colours=charts.space_colours(ds.spaces["space_id"]), lang=lang, horizontal=True,
        ),
        key="attendance-by-space",
    )
with right:
    first_time = metrics.first_time_vs_returning(ds, f)
    chart(
        charts.donut(
            first_time, title=t("chart.first_time", lang), labels=code_labels("visit", first_time.index, lang),
            colours=charts.FIRST_TIME_COLOURS, lang=lang,
        ),
        key="attendance-first-time",
    )

left, right = st.columns(2, gap="large")
with left:
    gender = metrics.participations_by_gender(ds, f)
    chart(
        charts.donut(
            gender, title=t("chart.gender", lang), labels=code_labels("gender", gender.index, lang),
            colours=charts.GENDER_COLOURS, lang=lang,
        ),
        key="attendance-gender",
    )
with right:
    ages = metrics.participations_by_age_band(ds, f)
    chart(
        charts.bar(
            ages, title=t("chart.age_band", lang), x_title=t("axis.age_band", lang),
            y_title=t("axis.participations", lang), labels=code_labels("age_band", ages.index, lang), lang=lang,
        ),
        key="attendance-age",
    )

st.subheader(t("attendance.events_title", lang))
table = events_frame(metrics.events_table(ds, f), lang)
table_widget(table, lang)
st.download_button(
    t("attendance.download_csv", lang),
    # Latvian Excel opens ';'-separated UTF-8 with BOM and dd.mm.yyyy dates as they are.
    data=neutralise_frame(table)
    .to_csv(index=False, sep=";", date_format="%d.%m.%Y" if lang == "lv" else "%Y-%m-%d")
    .encode("utf-8-sig"),
    file_name="events.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
