"""Spaces: the network's spaces and the profile of one of them."""

import dataclasses

import pandas as pd
import streamlit as st

import charts
import metrics
from i18n import t
from i18n.formatting import fmt_date, fmt_int, latvian_sort_key
from i18n.labels import code_label, code_labels
from metrics.scope import reference_date
from ui import context, url_state
from ui.labels import time_axis
from ui.tables import events_frame, spaces_frame
from ui.text import md
from ui.widgets import chart, empty_message, metric_cards, page_header, period_caption
from ui.widgets import table as table_widget

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.spaces")
period_caption(ctx)

spaces = metrics.spaces_table(ds, f)
if spaces.empty:
    empty_message(lang)
    st.stop()
spaces = spaces.sort_values("name", key=lambda names: names.map(latvian_sort_key))
table_widget(spaces_frame(spaces, lang), lang)

st.header(t("spaces.profile", lang))
names = dict(zip(spaces["space_id"], spaces["name"], strict=True))
url_state.init_choice("profile", list(names), next(iter(names)))
space_id = st.selectbox(t("spaces.choose", lang), list(names), format_func=names.get, key="profile")
url_state.write({"profile": space_id}, {})
space = ds.spaces.set_index("space_id").loc[space_id]
# the space's own events (held there); its residents; its visits (study visits that stopped there) apart
held_here = dataclasses.replace(f, venues=(space_id,))
one = dataclasses.replace(f, spaces=(space_id,))

# the data's own words escaped (they are markdown here), the translated ones as they are
facts = [code_label("space_type", space["space_type"], lang),
         *(md(value) for value in (space["municipality"], space["settlement"], space["operator"])
           if isinstance(value, str) and value)]
if pd.notna(space["opened_on"]):
    facts.append(t("spaces.opened", lang, date=fmt_date(space["opened_on"].date(), lang)))
st.caption(" · ".join(facts))

row = spaces.set_index("space_id").loc[space_id]  # the table's row: the same figures, by the same rules
counts = {key: int(row[column]) for key, column in
          (("active", "active_residents"), ("events", "events"), ("visits", "visits"),
           ("participations", "participations"))}
end = fmt_date(reference_date(f), lang)
metric_cards(
    {key: (t(f"spaces.kpi.{key}", lang, date=end), fmt_int(value, lang)) for key, value in counts.items()},
    "kpi-space-",
)

unit = metrics.time_unit(ds, f)  # months, or quarters or years for a long period
residents = metrics.active_residents_over_time(ds, one, unit)
if residents.empty or residents.to_numpy().sum() == 0:
    st.info(t("spaces.no_residents", lang), icon=":material/chair:")
else:
    time = time_axis(residents.index, unit, lang)
    chart(
        charts.lines(
            residents, x_labels=time.labels, x_ticks=time.ticks, title=t(f"chart.active.{unit}", lang),
            x_title=time.title, y_title=t("axis.active_residents", lang), series_labels=names,
            colours=charts.space_colours(ds.spaces["space_id"]), lang=lang,
        ),
        key="space-residents",
    )

over_time = metrics.participations_by_period(ds, held_here, unit)
if over_time.to_numpy().sum() == 0:
    st.info(t("spaces.no_events", lang), icon=":material/event_busy:")
else:
    time = time_axis(over_time.index, unit, lang)
    chart(
        charts.stacked_bar(
            over_time, x_labels=time.labels, x_ticks=time.ticks, title=t(f"chart.participations.{unit}", lang),
            x_title=time.title, y_title=t("axis.participations", lang),
            series_labels=code_labels("event_type", over_time.columns, lang), colours=charts.EVENT_TYPE_COLOURS,
            lang=lang,
        ),
        key="space-monthly",
    )

events = metrics.events_table(ds, held_here)
if not events.empty:
    st.subheader(t("spaces.events", lang))
    table_widget(events_frame(events, lang), lang)
visits = metrics.visits_table(ds, f, space_id)
if not visits.empty:
    st.subheader(t("spaces.visits", lang))
    table_widget(events_frame(visits, lang), lang)
