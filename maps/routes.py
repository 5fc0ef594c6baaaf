"""Study-visit routes: a line through the stops in order, a numbered badge on each stop.

A stop at a space drawn on the map sits on that space's dot (its badge just above right of
it, so both stay visible); a stop elsewhere sits on its own coordinates.
"""

from __future__ import annotations

import folium
import pandas as pd

from i18n.formatting import fmt_date
from maps.spaces import pixel_offset
from maps.style import ROUTE_COLOURS, Look
from maps.text import esc

#: where the badge of the n-th route sits around a shared dot (×, ÷ dot size): up-right, down-right...
_BADGE_CORNERS = ((1, -1), (1, 1), (-1, -1), (-1, 1))


def route_label(title: str, starts_on: pd.Timestamp, lang: str) -> str:
    return f"{fmt_date(starts_on.date(), lang)} · {title}"


def _stop_points(stops: pd.DataFrame, positions: pd.DataFrame, look: Look) -> pd.DataFrame:
    """Each stop's point on the map and the pixel offset of its space's dot (0 for other places)."""
    drawn = positions.set_index("space_id")
    points = stops.copy()
    on_map = points["space_id"].isin(drawn.index)
    ids = points.loc[on_map, "space_id"]
    points.loc[on_map, "latitude"] = ids.map(drawn["latitude"])
    points.loc[on_map, "longitude"] = ids.map(drawn["longitude"])
    offsets = [
        pixel_offset(int(drawn.at[s, "slot"]), int(drawn.at[s, "shared"]), look) if ok else (0.0, 0.0)
        for s, ok in zip(points["space_id"], on_map, strict=True)
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
        for stop in route.itertuples():
            shift = (look.dot_px / 2 + 2) if stop.on_dot else 0
            x, y = stop.dx + corner_x * shift, stop.dy + corner_y * shift
            folium.Marker(
                [stop.latitude, stop.longitude],
                icon=folium.DivIcon(
                    html=f'<div style="background:{colour}">{int(stop.stop_no)}</div>',
                    icon_size=(size, size),
                    icon_anchor=(size / 2 - x, size / 2 - y),
                    class_name="route-stop",
                ),
                tooltip=folium.Tooltip(f"<b>{int(stop.stop_no)}. {esc(stop.place_name)}</b><br>{esc(label)}"),
            ).add_to(layer)
        drawn.append((colour, label))
    return drawn


def route_choices(stops: pd.DataFrame, lang: str) -> dict[str, str]:
    """``event_id`` → "date · title" of each route in ``stops``, oldest first."""
    first = stops.drop_duplicates("event_id")
    routes = zip(first["event_id"], first["title"], first["starts_on"], strict=True)
    return {event_id: route_label(title, day, lang) for event_id, title, day in routes}
