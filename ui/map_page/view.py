"""The network map on the page: streamlit-folium's component, fed with arguments computed once per map.

``st_folium`` turns the folium map into its component's arguments on every rerun: it renders the
map (``Map.render`` compiles every element's output as a Jinja template), renders each element's
script a second time for the leaflet script, walks every GeoJSON coordinate for the map's bounds
and hashes the script. At country scale (500 spaces, a 0.8 MB script) that is ~0.25 s, and
building the folium map another ~0.1 s, for a map that has not changed since the last rerun.

Here the same arguments come from streamlit-folium's own helpers, in ``st_folium``'s order, and
are cached per (dataset, filters, options, language): a rerun that shows a map already built
(a click, a page switch, a choice toggled back) only sends them, and Streamlit then sends the
browser a reference to the message it already has. The component, its iframe and what it returns
are streamlit-folium's. Its helpers are private, so streamlit-folium is pinned
(``requirements.txt``) and ``tests/test_map_view.py`` checks the arguments against ``st_folium``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from branca.element import Element
from folium.elements import JSCSSMixin

import maps
from loaders import Dataset
from metrics import Filters

#: the only thing the map reports back: panning or zooming does not rerun the page
RETURNED = ("last_object_clicked",)


@dataclass(frozen=True)
class MapArgs:
    """What streamlit-folium's component needs to draw one map (strings only: safe to share)."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    #: the page's key for the map; the latest click is also kept under it in the session state
    key: str
    #: the component's key: ``st_folium``'s hash of the script and the page's key, so a changed
    #: map gets a fresh iframe and an unchanged one keeps its pan, zoom and open popup
    component_key: str


def _scripted(element: Element) -> Iterator[Element]:
    if isinstance(element, JSCSSMixin):
        yield element
    for child in element._children.values():
        yield from _scripted(child)


def map_args(m: folium.Map, key: str) -> MapArgs:
    """The component's arguments for ``m``, as ``st_folium(m, key=key)`` computes them, without the
    bounds (only reported when asked for, and :data:`RETURNED` does not). Alters ``m``: use it once."""
    m.render()
    html = streamlit_folium._get_html(m)
    header = streamlit_folium._get_header(m)
    script = streamlit_folium._get_map_string(m)
    map_id = streamlit_folium.get_full_id(m)  # after the script: that renames the map's variable
    scripted = list(_scripted(m))
    css = dict.fromkeys(href for element in scripted for _, href in element.default_css)
    js = dict.fromkeys(src for element in scripted for _, src in element.default_js)
    return MapArgs(script, header, html, map_id, tuple(css), tuple(js), key,
                   streamlit_folium.generate_js_hash(script, key, return_on_hover=False))


@lru_cache(maxsize=8)
def network_map_args(ds: Dataset, filters: Filters, options: maps.MapOptions, lang: str, key: str) -> MapArgs:
    """:func:`map_args` of the page's map, built once per dataset, filters, options and language."""
    return map_args(maps.build_map(ds, filters, options, lang), key)


def show(args: MapArgs, height: int) -> dict[str, Any]:
    """Draw the map at the container's width; what was last clicked (``{}`` before any click)."""
    key, component_key = args.key, args.component_key

    def remember_click() -> None:  # as st_folium does
        st.session_state[key] = st.session_state.get(component_key, {})

    value = streamlit_folium._component_func(
        script=args.script, header=args.header, html=args.html, id=args.map_id, key=component_key,
        height=height, width=None, returned_objects=list(RETURNED), default=dict.fromkeys(RETURNED),
        zoom=None, center=None, feature_group=None, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(args.css_links), js_links=list(args.js_links), on_change=remember_click, wrap_longitude=False,
    )
    return value or {}
