"""The spaces layer: a dot per open space, coloured by space type, with its figures in a popup.

Several spaces often share one point (the demo data places spaces at town centres), so the
spaces of one point are drawn side by side a few pixels apart, and each gets its own
coordinates a metre or so apart: a click then tells them apart (see :mod:`maps.click`).
With many spaces the dots are clustered and built in the browser (``FastMarkerCluster``).
"""

from __future__ import annotations

import math
import re

import folium
import pandas as pd
from branca.element import Element
from folium.plugins import FastMarkerCluster
from folium.template import Template

import metrics
from i18n import t
from i18n.formatting import fmt_count, fmt_date, fmt_int
from i18n.labels import code_label
from loaders import Dataset
from maps.controls import legend_width_px
from maps.style import Look, space_colour
from maps.text import esc, info_tables
from metrics.scope import reference_date
from metrics.views import map_figures

#: from this many spaces on, the layer is clustered and built in the browser
CLUSTER_FROM = 200
#: degrees between spaces that share a point (about a metre): invisible, but unique per space
NUDGE = 1e-5


def space_positions(ds: Dataset, filters: metrics.Filters) -> pd.DataFrame:
    """Where each open space in scope is drawn: ``space_id``, ``latitude``, ``longitude``,
    ``slot`` (its place among the spaces at the same point) and ``shared`` (how many share it)."""
    spaces = metrics.open_spaces(ds, filters).sort_values("space_id")
    point = list(zip(spaces["latitude"].round(5), spaces["longitude"].round(5), strict=True))
    groups = pd.Series(point, index=spaces.index).map(str)
    slot = groups.groupby(groups).cumcount()
    return pd.DataFrame(
        {
            "space_id": spaces["space_id"],
            "latitude": spaces["latitude"] + slot * NUDGE,
            "longitude": spaces["longitude"],
            "slot": slot,
            "shared": groups.map(groups.value_counts()),
        }
    ).reset_index(drop=True)


def pixel_offset(slot: int, shared: int, look: Look) -> tuple[float, float]:
    """Where a dot sits, in pixels from its point, when ``shared`` spaces share the point: on a small ring."""
    if shared <= 1:
        return 0.0, 0.0
    radius = look.dot_px * 0.7
    angle = 2 * math.pi * slot / shared - (math.pi if shared == 2 else math.pi / 2)
    return round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)


def _texts(ds: Dataset, filters: metrics.Filters, lang: str, *, public: bool) -> pd.DataFrame:
    """Tooltip and popup HTML per open space in scope (by column: a country has 500 spaces)."""
    spaces = metrics.open_spaces(ds, filters)
    figures = map_figures(ds, filters, public=public).spaces.reindex(spaces["space_id"].astype("object"))
    on = fmt_date(reference_date(filters), lang)
    names, municipalities = spaces["name"].tolist(), spaces["municipality"].tolist()
    kinds = [code_label("space_type", kind, lang) for kind in spaces["space_type"]]
    desks = ["–" if pd.isna(n) else fmt_int(int(n), lang) for n in spaces["desks"]]
    tooltips = [f"<b>{esc(name)}</b><br>{esc(kind)} · {esc(municipality)}"
                for name, kind, municipality in zip(names, kinds, municipalities, strict=True)]
    popups = info_tables(
        names,
        [
            (t("map.popup.type", lang), kinds),
            (t("map.popup.municipality", lang), municipalities),
            (t("map.popup.desks", lang), desks),
            (t("map.popup.active_residents", lang, date=on), [fmt_count(v, lang) for v in figures["active_residents"]]),
            (t("map.popup.events", lang), [fmt_count(v, lang) for v in figures["events"]]),
            (t("map.popup.visits", lang), [fmt_count(v, lang) for v in figures["visits"]]),
            (t("map.popup.participations", lang), [fmt_count(v, lang) for v in figures["participations"]]),
        ],
    )
    return pd.DataFrame(
        {"space_id": spaces["space_id"], "space_type": spaces["space_type"].astype("object"),
         "tooltip": tooltips, "popup": popups}
    )


_CALLBACK = """
function (row) {
    var size = %(size)d;
    var icon = L.divIcon({
        className: "space-marker", iconSize: [size, size],
        html: '<div class="space-dot" style="background:' + row[2] + '"></div>'
    });
    return L.marker(new L.LatLng(row[0], row[1]), {icon: icon}).bindTooltip(row[3]).bindPopup(row[4]);
}
"""


#: what Jinja would read as its own syntax in a text (then the text takes branca's usual way)
_JINJA_SYNTAX = re.compile(r"\{[{%#]")
_NO_SCRIPT = Template("{% macro script(this, kwargs) %}{% endmacro %}")


class _Rendered(Element):
    """A text rendered already, put in the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:  # noqa: ARG002 (branca passes its arguments on)
        return self._text


class _SpaceCluster(FastMarkerCluster):
    """``FastMarkerCluster`` whose script, which holds every space's data, skips branca's second pass.

    branca puts each element's rendered script into the page as ``Element(script)``, which compiles
    the rendered text as a Jinja template once more: for 5 000 spaces (5 MB of popups) that is
    about 0.4 s, for a text that comes out unchanged. This renders the script once, lets folium
    place an empty one where it always goes, and puts the text there, as Jinja would have given it
    back: line ends as ``\\n``, without its last one. A text with Jinja's own syntax in it (a ``{{``
    in a space's name) takes branca's usual way.
    """

    def render(self, **kwargs) -> None:
        text = FastMarkerCluster._template.module.script(self, kwargs)
        if _JINJA_SYNTAX.search(text):
            super().render(**kwargs)
            return
        text = re.sub(r"\r\n|\r", "\n", text)
        text = text.removesuffix("\n")
        self._template = _NO_SCRIPT
        try:
            super().render(**kwargs)
        finally:
            del self._template
        script = self.get_root().script
        rendered = _Rendered(text)
        rendered._parent = script
        script._children[self.get_name()] = rendered


def add_spaces(
    m: folium.Map, ds: Dataset, filters: metrics.Filters, positions: pd.DataFrame, lang: str, look: Look, *,
    public: bool,
) -> list[str]:
    """Draw the spaces; return the space types drawn (for the legend)."""
    spaces = positions.merge(_texts(ds, filters, lang, public=public), on="space_id")
    colours = spaces["space_type"].map(space_colour)
    name = t("map.layer.spaces", lang)
    if len(spaces) >= CLUSTER_FROM:
        rows = list(
            zip(spaces["latitude"], spaces["longitude"], colours, spaces["tooltip"], spaces["popup"], strict=True)
        )
        _SpaceCluster(rows, callback=_CALLBACK % {"size": look.dot_px}, name=name).add_to(m)
        return list(dict.fromkeys(spaces["space_type"]))
    layer = folium.FeatureGroup(name=name).add_to(m)
    size = look.dot_px
    for space, colour in zip(spaces.itertuples(), colours, strict=True):
        dx, dy = pixel_offset(space.slot, space.shared, look)
        folium.Marker(
            [space.latitude, space.longitude],
            icon=folium.DivIcon(
                html=f'<div class="space-dot" style="background:{colour}"></div>',
                icon_size=(size, size),
                icon_anchor=(size / 2 - dx, size / 2 - dy),
                class_name="space-marker",
            ),
            tooltip=folium.Tooltip(space.tooltip),
            # a popup opening near the right edge pans the map so that the legend does not cover it
            popup=folium.Popup(space.popup, max_width=420, auto_pan_padding_top_left=(50, 10),
                               auto_pan_padding_bottom_right=(legend_width_px(look) + 10, 10)),
        ).add_to(layer)
    return list(dict.fromkeys(spaces["space_type"]))
