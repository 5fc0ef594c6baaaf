"""Which space a click on the map was on (pure, so it can be tested without a browser).

streamlit-folium reports ``last_object_clicked`` as ``{"lat": ..., "lng": ...}``: for a marker,
the marker's own coordinates. Every space is drawn at coordinates of its own
(:func:`maps.spaces.space_positions`), so the click names exactly one space; a click anywhere
else (a municipality, a place that is not a space) names none.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: far smaller than the distance between two spaces drawn at one point
TOLERANCE = 1e-7


def space_at(positions: pd.DataFrame, clicked: Mapping[str, float] | None) -> str | None:
    """The ``space_id`` drawn at the clicked point, or ``None``."""
    if not clicked or clicked.get("lat") is None or clicked.get("lng") is None or positions.empty:
        return None
    distance = (positions["latitude"] - clicked["lat"]).abs() + (positions["longitude"] - clicked["lng"]).abs()
    nearest = distance.idxmin()
    return str(positions.at[nearest, "space_id"]) if distance[nearest] <= TOLERANCE else None
