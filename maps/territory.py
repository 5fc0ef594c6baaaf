"""The partnership's own territory, outlined (default: Mārupes novads and Olaines novads).

Another territory can be set with ``COWORKING_TERRITORY`` (names separated by ``;``), read into
``Settings.territory`` (:mod:`config.settings`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import folium

from config import DEFAULT_TERRITORY
from maps.geo import municipalities, municipality_names
from maps.style import TERRITORY_COLOUR, Look

__all__ = ["DEFAULT_TERRITORY", "add_territory", "configured_territory"]

log = logging.getLogger(__name__)


def configured_territory(value: str | Iterable[str] = "") -> tuple[str, ...]:
    """The municipalities named in ``value`` (names, or one text with ``;`` between them), else the default.

    Names not on the map are left out (and logged).
    """
    parts = value.split(";") if isinstance(value, str) else value
    names = [name.strip() for name in parts if name.strip()]
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
        style_function=lambda _feature: {"fill": False, "color": TERRITORY_COLOUR, "weight": look.territory_weight},
        interactive=False,
    ).add_to(m)
