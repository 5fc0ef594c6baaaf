"""The map page's choices (measure, base map, study visit, layers), kept in the URL as codes."""

from __future__ import annotations

import streamlit as st

import maps
from i18n import t
from loaders import Dataset
from metrics import Filters, geography
from ui import url_state
from ui.settings import current_settings

ALL_ROUTES = "all"
DEFAULTS = {"measure": "participations", "base": "none", "layer": list(maps.DEFAULT_LAYERS)}


def map_options(ds: Dataset, filters: Filters, lang: str, caption: str, *, public: bool) -> maps.MapOptions:
    """Draw the choices and return them as map options."""
    routes = maps.route_choices(geography.route_stops(ds, filters), lang)
    # the per 1 000 inhabitants measures only where the folder has a municipalities table
    measures = maps.measures(ds)
    url_state.init_choice("measure", measures, DEFAULTS["measure"])
    url_state.init_choice("base", maps.BASE_MAPS, DEFAULTS["base"])
    # by default the latest study visit of the period: every route at once is busy on a projector
    latest = next(reversed(routes), ALL_ROUTES)
    url_state.init_choice("route", [ALL_ROUTES, *routes], latest)
    url_state.init_choices("layer", maps.LAYERS, maps.DEFAULT_LAYERS)

    measure_column, base_column, route_column = st.columns(3)
    measure = measure_column.selectbox(
        t("map.control.measure", lang), measures, key="measure",
        format_func=lambda m: t(f"map.measure_title.{m}", lang),
    )
    base = base_column.selectbox(
        t("map.control.base", lang), maps.BASE_MAPS, key="base", format_func=lambda b: t(f"map.base.{b}", lang)
    )
    route = route_column.selectbox(
        t("map.control.route", lang), [ALL_ROUTES, *routes], key="route",
        format_func=lambda r: routes.get(r, t("map.route.all", lang)),
    )
    chosen = st.pills(
        t("map.control.layers", lang), maps.LAYERS, selection_mode="multi", key="layer",
        format_func=lambda layer: t(f"map.layer.{layer}", lang),
    )
    layers = [layer for layer in maps.LAYERS if layer in chosen]
    url_state.write({"measure": measure, "base": base, "route": route, "layer": layers}, {**DEFAULTS, "route": latest})
    if base != "none":
        st.caption(t("map.online_note", lang))
    return maps.MapOptions(
        measure=measure, base_map=base, layers=tuple(layers), route=None if route == ALL_ROUTES else route,
        public=public, territory=maps.configured_territory(current_settings().territory), caption=caption,
    )
