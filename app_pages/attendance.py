"""Attendance: who came, when, where from; participations or different people; the events list."""

import streamlit as st

import charts
import metrics
from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from i18n.formatting import fmt_int
from metrics.annotations import annotation_positions, chart_annotations
from ui import context, url_state
from ui.labels import code_labels, space_labels, time_axis
from ui.tables import events_frame
from ui.widgets import chart, empty_message, page_header, period_caption
from ui.widgets import table as table_widget

#: a national network has hundreds of spaces: the chart names the largest, the rest is one bar
CHART_SPACES = 15
#: home municipalities named in the chart; the rest is one bar
CHART_MUNICIPALITIES = 12
#: what the "who took part" figures count: every participation, or each person once
COUNTS = ("participations", "unique_participants")

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.attendance")
period_caption(ctx)

if metrics.event_count(ds, f) == 0:
    empty_message(lang)
    st.stop()

unit = metrics.time_unit(ds, f)  # months, or quarters or years for a long period
over_time = metrics.participations_by_period(ds, f, unit)
time = time_axis(over_time.index, unit, lang)
marks = [(row, t(f"chart.mark.{mark.kind}", lang, name=mark.name))
         for row, mark in annotation_positions(chart_annotations(ds, f), over_time.index, unit)]
chart(
    charts.add_annotations(charts.stacked_bar(
        over_time, x_labels=time.labels, x_ticks=time.ticks, title=t(f"chart.participations.{unit}", lang),
        x_title=time.title, y_title=t("axis.participations", lang),
        series_labels=code_labels("event_type", over_time.columns, lang), colours=charts.EVENT_TYPE_COLOURS,
        lang=lang,
    ), marks, legend_name=t("chart.marks", lang)),
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

# who took part: the same breakdowns, counting every participation or each person once
st.subheader(t("attendance.who_title", lang), anchor=False)
url_state.init_choice("count", COUNTS, COUNTS[0])
count = st.segmented_control(t("attendance.count", lang), COUNTS, key="count", required=True,
                             format_func=lambda c: t(f"attendance.count.{c}", lang),
                             help=t("attendance.count.help", lang))
count = count if count in COUNTS else COUNTS[0]
url_state.write({"count": count}, {"count": COUNTS[0]})
unique = count == "unique_participants"
gender = (metrics.unique_participants_by_gender if unique else metrics.participations_by_gender)(ds, f)
ages = (metrics.unique_participants_by_age_band if unique else metrics.participations_by_age_band)(ds, f)
homes = (metrics.unique_participants_by_municipality if unique else metrics.participations_by_municipality)(ds, f)
young = metrics.under_30(ds, f)[count]
total = int(gender.sum())
cards = {
    "total": (t(f"kpi.{count}", lang), total, t(f"kpi.{count}.help", lang)),
    "female": (t("attendance.of_whom.female", lang), int(gender["female"]), None),
    "male": (t("attendance.of_whom.male", lang), int(gender["male"]), None),
    "under_30": (t("attendance.of_whom.under_30", lang), young, t("attendance.under_30.help", lang)),
}
with st.container(key="attendance-who"):
    for column, (key, (label, value, help_text)) in zip(st.columns(len(cards)), cards.items(), strict=True):
        with column, st.container(key=f"who-{key}"):
            st.metric(label, fmt_int(value, lang), help=help_text, border=True)

axis = t(f"axis.{count}", lang)
left, right = st.columns(2, gap="large")
with left:
    chart(
        charts.bar(
            gender, title=t(f"chart.gender.{count}", lang), x_title=t("axis.gender", lang), y_title=axis,
            labels=code_labels("gender", gender.index, lang), colours=charts.GENDER_COLOURS, lang=lang,
            horizontal=True,
        ),
        key="attendance-gender",
    )
with right:
    chart(
        charts.bar(
            ages, title=t(f"chart.age_band.{count}", lang), x_title=t("axis.age_band", lang), y_title=axis,
            labels=code_labels("age_band", ages.index, lang), lang=lang,
        ),
        key="attendance-age",
    )
chart(
    charts.bar(
        metrics.largest_with_rest(homes, CHART_MUNICIPALITIES, last=(metrics.UNKNOWN,)),
        title=t(f"chart.home.{count}", lang),
        x_title=t("axis.municipality", lang), y_title=axis,
        labels={metrics.UNKNOWN: t("value.unknown", lang), metrics.REST: t("value.other_municipalities", lang)},
        lang=lang, horizontal=True,
    ),
    key="attendance-home",
)

st.subheader(t("attendance.events_title", lang))
table = events_frame(metrics.events_table(ds, f), lang)
table_widget(table, lang)
st.download_button(
    t("attendance.download_csv", lang),
    data=lambda: spreadsheet_csv(table, lang),  # as Latvian Excel opens it; made when pressed
    file_name="events.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
