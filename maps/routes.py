"""Study-visit routes: a line through the stops in order, a numbered badge on each stop.

A stop at a space drawn on the map sits on that space's dot (its badge just above right of
it, so both stay visible); a stop elsewhere sits on its own coordinates. The badges are drawn in a
pane of their own (:data:`STOP_PANE`) above the space dots and below the tooltips, so no dot of a
neighbouring space hides a stop's number.
"""

from __future__ import annotations

import folium
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from i18n.formatting import fmt_date
from maps.spaces import pixel_offset
from maps.style import ROUTE_COLOURS, Look
from maps.text import esc

#: the Leaflet pane of the stops' badges: above the markers (600), below tooltips (650) and popups (700)
STOP_PANE = "route-stops"
STOP_PANE_Z_INDEX = 640
#: where the badge of the n-th route sits around a shared dot (×, ÷ dot size): up-right, down-right...
_BADGE_CORNERS = ((1, -1), (1, 1), (-1, -1), (-1, 1))


class RouteStops(MacroElement):
    """A route's numbered stops, one element for all of them.

    Each stop gets the Leaflet calls ``folium.Marker`` + ``DivIcon`` + ``Tooltip`` would write (a
    marker, a ``route-stop`` badge, a sticky tooltip), built in the browser from one list: three
    folium elements per stop cost ~0.1 s to render for the 20 routes of a country (folium compiles
    every element's output as a Jinja template, and streamlit-folium renders each script twice).
    ``stops``: ``location``, ``html`` (the badge), ``anchor`` and ``tooltip`` (HTML, escaped) per stop.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.stops|tojson }}.forEach(function (stop) {
            L.marker(stop.location, {pane: {{ this.pane|tojson }}})
                .setIcon(L.divIcon({
                    html: stop.html, iconSize: {{ this.size|tojson }}, iconAnchor: stop.anchor, className: "route-stop"
                }))
                .bindTooltip("<div>" + stop.tooltip + "</div>", {sticky: true})
                .addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, stops: list[dict], size: int) -> None:
        super().__init__()
        self._name = "RouteStops"
        self.stops = stops
        self.size = (size, size)
        self.pane = STOP_PANE


def route_label(title: str, starts_on: pd.Timestamp, lang: str) -> str:
    return f"{fmt_date(starts_on.date(), lang)} · {title}"


def _stop_points(stops: pd.DataFrame, positions: pd.DataFrame, look: Look) -> pd.DataFrame:
    """Each stop's point on the map and the pixel offset of its space's dot (0 for other places)."""
    drawn = positions.set_index("space_id")
    points = stops.copy()
    on_map = points["space_id"].isin(drawn.index)
    ids = points.loc[on_map, "space_id"]
    # as floats: with no stop on a drawn dot the mapped column is empty text, which a float column refuses
    points.loc[on_map, "latitude"] = ids.map(drawn["latitude"]).astype("float64")
    points.loc[on_map, "longitude"] = ids.map(drawn["longitude"]).astype("float64")
    slots, shared = points["space_id"].map(drawn["slot"]), points["space_id"].map(drawn["shared"])
    offsets = [
        pixel_offset(int(slot), int(count), look) if ok else (0.0, 0.0)
        for slot, count, ok in zip(slots, shared, on_map, strict=True)
    ]
    points["dx"] = [dx for dx, _ in offsets]
    points["dy"] = [dy for _, dy in offsets]
    points["on_dot"] = on_map
    return points.dropna(subset=["latitude", "longitude"])


def add_routes(
    m: folium.Map, stops: pd.DataFrame, positions: pd.DataFrame, lang: str, look: Look
) -> list[tuple[str, str]]:
    """Draw each event's route (``stops``: :func:`metrics.geography.route_stops`); return (colour, label) per route."""
    drawn = []
    size = look.badge_px
    folium.map.CustomPane(STOP_PANE, z_index=STOP_PANE_Z_INDEX, pointer_events=True).add_to(m)
    for i, (_, route) in enumerate(_stop_points(stops, positions, look).groupby("event_id", sort=False)):
        colour = ROUTE_COLOURS[i % len(ROUTE_COLOURS)]
        label = route_label(route["title"].iloc[0], route["starts_on"].iloc[0], lang)
        layer = folium.FeatureGroup(name=label).add_to(m)
        points = list(zip(route["latitude"], route["longitude"], strict=True))
        if len(points) > 1:
            folium.PolyLine(
                points, color=colour, weight=look.route_weight, opacity=0.9, tooltip=folium.Tooltip(esc(label))
            ).add_to(layer)
        corner_x, corner_y = _BADGE_CORNERS[i % len(_BADGE_CORNERS)]
        shift = route["on_dot"] * (look.dot_px / 2 + 2)
        xs, ys = route["dx"] + corner_x * shift, route["dy"] + corner_y * shift
        stops = [
            {
                "location": [latitude, longitude],
                "html": f'<div style="background:{colour}">{number}</div>',
                "anchor": [size / 2 - x, size / 2 - y],
                "tooltip": f"<b>{number}. {esc(place)}</b><br>{esc(label)}",
            }
            for latitude, longitude, number, place, x, y in zip(
                route["latitude"], route["longitude"], route["stop_no"].astype(int), route["place_name"], xs, ys,
                strict=True,
            )
        ]
        RouteStops(stops, size).add_to(layer)
        drawn.append((colour, label))
    return drawn


def route_choices(stops: pd.DataFrame, lang: str) -> dict[str, str]:
    """``event_id`` → "date · title" of each route in ``stops``, oldest first."""
    first = stops.drop_duplicates("event_id")
    routes = zip(first["event_id"], first["title"], first["starts_on"], strict=True)
    return {event_id: route_label(title, day, lang) for event_id, title, day in routes}
