"""Leaflet & co. from packaged sources (``xstatic-*``), so a map works with no internet.

folium lists its scripts and stylesheets as CDN URLs (``default_js`` / ``default_css`` of the
map and of plugins such as MarkerCluster). :func:`make_offline` replaces each with a
``data:`` URI of the same file from an installed ``xstatic`` package, and drops the ones our
maps do not use (Bootstrap, Font Awesome, awesome-markers). Both streamlit-folium (which loads
these lists into its iframe) and the standalone HTML export then need no network at all.
An asset that is neither packaged nor known to be unused is an error, so a new plugin cannot
slip a CDN link in unnoticed.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import import_module
from pathlib import Path

import folium
from branca.element import Element

#: folium's asset name → (xstatic package, file)
PACKAGED: dict[str, tuple[str, str]] = {
    "leaflet": ("leaflet", "leaflet.js"),
    "leaflet_css": ("leaflet", "leaflet.css"),
    # folium's Popup builds its content with jQuery: $(`<div>...</div>`)[0]
    "jquery": ("jquery", "jquery.min.js"),
    "markerclusterjs": ("leaflet_markercluster", "leaflet.markercluster.js"),
    "markerclustercss": ("leaflet_markercluster", "MarkerCluster.css"),
    "markerclusterdefaultcss": ("leaflet_markercluster", "MarkerCluster.Default.css"),
}
#: folium's defaults that our maps never use (no awesome-markers icons, no Bootstrap widgets)
UNUSED = frozenset(
    {
        "bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css", "awesome_markers_font_css",
        "awesome_markers_css", "awesome_rotate_css",
    }
)  # fmt: skip

_MIME = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
_CSS_URL = re.compile(r"url\((images/[\w.-]+\.png)\)")


class UnknownAsset(ValueError):
    """A map element wants a script or stylesheet that is not packaged here."""


def _data_uri(data: bytes, suffix: str) -> str:
    return f"data:{_MIME[suffix]};base64,{base64.b64encode(data).decode('ascii')}"


def _package_dir(package: str) -> Path:
    return Path(import_module(f"xstatic.pkg.{package}").BASE_DIR)


@cache
def asset_uri(name: str) -> str:
    """The ``data:`` URI of one packaged asset; a stylesheet's images are inlined too."""
    package, file = PACKAGED[name]
    path = _package_dir(package) / file
    if path.suffix != ".css":
        return _data_uri(path.read_bytes(), path.suffix)
    folder = path.parent
    css = _CSS_URL.sub(
        lambda m: f"url({_data_uri((folder / m.group(1)).read_bytes(), '.png')})", path.read_text("utf-8")
    )
    return _data_uri(css.encode("utf-8"), ".css")


def _offline_list(assets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    offline = []
    for name, url in assets:
        if name in UNUSED:
            continue
        if name not in PACKAGED:
            raise UnknownAsset(f"{name} ({url}) is not packaged for offline use; add it to maps.assets.PACKAGED")
        offline.append((name, asset_uri(name)))
    return offline


def _elements(root: Element):
    yield root
    for child in root._children.values():
        yield from _elements(child)


def make_offline(m: folium.Map) -> folium.Map:
    """Point every script and stylesheet of ``m``'s elements at packaged copies (in place)."""
    for element in _elements(m):
        for attribute in ("default_js", "default_css"):
            assets = getattr(element, attribute, None)
            if assets:
                setattr(element, attribute, _offline_list(assets))
    return m
