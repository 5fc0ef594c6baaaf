"""The municipality boundaries shipped in ``geo/`` (2021 reform, 43 units) and points derived from them."""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
MUNICIPALITIES_FILE = PROJECT_DIR / "geo" / "latvia_municipalities.geojson"

LatLon = tuple[float, float]


@cache
def municipalities() -> dict:
    """The GeoJSON FeatureCollection (read once; treat as read-only)."""
    return json.loads(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))


def municipality_names() -> list[str]:
    return [feature["properties"]["name"] for feature in municipalities()["features"]]


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def _area_and_centroid(ring: list[list[float]]) -> tuple[float, LatLon]:
    """Shoelace area and area-weighted centroid of a lon/lat ring (planar: fine at this size)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    return abs(area), (cy / (6 * area), cx / (6 * area))


@cache
def areas() -> dict[str, float]:
    """Each municipality's area in square degrees (planar, all its parts): only to compare them."""
    return {
        feature["properties"]["name"]: sum(_area_and_centroid(ring)[0] for ring in _rings(feature["geometry"]))
        for feature in municipalities()["features"]
    }


@cache
def centroids() -> dict[str, LatLon]:
    """Each municipality's centre (of its largest part), as (lat, lon): where flows start and its name sits."""
    points = {}
    for feature in municipalities()["features"]:
        _, centre = max(_area_and_centroid(ring) for ring in _rings(feature["geometry"]))
        points[feature["properties"]["name"]] = centre
    return points


def bounds(names: list[str] | tuple[str, ...]) -> list[LatLon]:
    """South-west and north-east corners of the named municipalities (empty if none is known)."""
    points = [
        (lat, lon)
        for feature in municipalities()["features"]
        if feature["properties"]["name"] in names
        for ring in _rings(feature["geometry"])
        for lon, lat in ring
    ]
    if not points:
        return []
    lats, lons = zip(*points, strict=True)
    return [(min(lats), min(lons)), (max(lats), max(lons))]
