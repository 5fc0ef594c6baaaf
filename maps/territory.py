"""The partnership's own territory, outlined (default: Mārupes novads and Olaines novads).

Another territory can be set with ``COWORKING_TERRITORY`` (names separated by ``;``).
"""

from __future__ import annotations

import logging
import os

import folium

from maps.geo import municipalities, municipality_names
from maps.style import TERRITORY_COLOUR, Look

DEFAULT_TERRITORY: tuple[str, ...] = ("Mārupes novads", "Olaines novads")

log = logging.getLogger(__name__)


def configured_territory(value: str | None = None) -> tuple[str, ...]:
    """The municipalities named in ``value`` (default: ``COWORKING_TERRITORY``), else the default.

    Names not on the map are left out (and logged).
    """
    value = os.environ.get("COWORKING_TERRITORY", "") if value is None else value
    names = [name.strip() for name in value.split(";") if name.strip()]
    known = set(municipality_names())
    unknown = [name for name in names if name not in known]
    if unknown:
        log.warning("COWORKING_TERRITORY: not municipalities of the map, left out: %s", ", ".join(unknown))
    chosen = tuple(name for name in names if name in known)
    return chosen or DEFAULT_TERRITORY


def add_territory(m: folium.Map, names: tuple[str, ...], label: str, look: Look) -> None:
    """A thick outline around the named municipalities; clicks and hovers pass through it."""
    features = [f for f in municipalities()["features"] if f["properties"]["name"] in names]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=label,
        style_function=lambda f: {"fill": False, "color": TERRITORY_COLOUR, "weight": look.territory_weight},
        interactive=False,
    ).add_to(m)
