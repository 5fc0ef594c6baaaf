"""Map: spaces over the municipalities, the partnership's territory, study-visit routes, home →
space flows; a click on a space shows its figures; presentation mode (``?present=1``) for a
projector; the map as a standalone HTML file or a PNG image and its figures as CSV."""

import streamlit as st

import maps
import metrics
from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from i18n.formatting import period_text
from ui import context
from ui.map_page import controls as map_controls
from ui.map_page import downloads as map_downloads
from ui.map_page import panel as map_panel
from ui.map_page import presentation
from ui.map_page import view as map_view
from ui.widgets import page_header, period_caption
from ui.widgets import table as table_widget

ctx = context.current()
ds, f, lang = ctx.dataset, ctx.filters, ctx.lang

page_header(ctx, "page.map")
public = presentation.is_on()
if public:  # one line: the network and the period, the settings folded into a popover, the switch
    settings = presentation.title_line(ctx)
    presentation.kpi_cards(ctx)
else:
    period_caption(ctx)
    presentation.switch(lang)
    settings = st.container(key="map-settings")

with settings:
    options = map_controls.map_options(ds, f, lang, period_text(f.start, f.end, lang), public=public)
    html_download = {
        "label": t("map.download.html", lang), "data": lambda: maps.standalone_html(ds, f, options, lang),
        "file_name": t("map.file.html", lang), "mime": "text/html", "on_click": "ignore", "icon": ":material/map:",
        "key": "download-html",
    }
    if public:
        st.download_button(**html_download)
        if map_downloads.png_button(ctx, options):
            map_downloads.failed_message(lang)

# built once per choice of data, filters and options; only clicks come back (see ui.map_page.view)
network_map = map_view.network_map_args(ds, f, options, lang, "network-map")
if public:
    with st.container(key="present-map"):  # as tall as the screen leaves it (ui.map_page.presentation)
        clicked = map_view.show(network_map, height=700)
    space_id = maps.space_at(maps.space_positions(ds, f), clicked.get("last_object_clicked"))
    if space_id is not None:
        with st.container(key="present-space"):
            map_panel.space_figures(ctx, space_id, public=public, in_a_row=True)
    st.stop()

left, right = st.columns([4, 1], gap="medium")
with left:
    clicked = map_view.show(network_map, height=620)
with right, st.container(key="map-space"):
    clicked_space = maps.space_at(maps.space_positions(ds, f), clicked.get("last_object_clicked"))
    map_panel.space_figures(ctx, clicked_space, public=public)

st.subheader(t(f"map.measure_title.{options.measure}", lang), anchor=False)
figures = maps.choropleth_figures(ds, f, options.measure, public=public)
if maps.is_rate(options.measure):  # a number per municipality, empty where there is no population figure
    figures["value"] = figures["value"].astype("Float64")
figures["municipality"] = figures["municipality"].replace({metrics.UNKNOWN: t("value.unknown", lang)})
table = figures.rename(columns={"municipality": t("map.col.municipality", lang),
                                "value": t(f"map.measure.{options.measure}", lang),
                                "count": t("map.col.count", lang), "population": t("map.col.population", lang)})
table_widget(table, lang)
with st.container(horizontal=True, key="map-downloads"):
    st.download_button(**html_download)
    png_failed = map_downloads.png_button(ctx, options)
    st.download_button(
        t("map.download.csv", lang),
        data=lambda: spreadsheet_csv(table, lang),  # made when pressed
        file_name=t("map.file.csv", lang), mime="text/csv", on_click="ignore", icon=":material/download:",
        key="download-csv",
    )
if png_failed:
    map_downloads.failed_message(lang)
