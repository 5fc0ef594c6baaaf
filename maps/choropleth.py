"""The municipalities coloured by a measure, with a tooltip per municipality."""

from __future__ import annotations

import folium
import pandas as pd

from i18n import t
from i18n.formatting import fmt_count
from maps.classes import ValueClass, colour_of, value_classes
from maps.figures import PERSON_MEASURES, UNKNOWN
from maps.geo import municipalities
from maps.style import BOUNDARY_COLOUR
from maps.text import esc


def add_choropleth(m: folium.Map, figures: pd.DataFrame, measure: str, lang: str, *,
                   public: bool) -> list[ValueClass]:
    """Draw every municipality of the map filled by its class; return the classes (for the legend).

    ``figures`` is :func:`maps.figures.choropleth_figures` (already suppressed in a public view).
    """
    shown = dict(zip(figures["municipality"], figures["value"], strict=True))
    shown.pop(UNKNOWN, None)
    classes = value_classes(shown.values(), public=public and measure in PERSON_MEASURES)
    label = t(f"map.measure.{measure}", lang)
    features, fills = [], {}
    for feature in municipalities()["features"]:
        name = feature["properties"]["name"]
        value = shown.get(name, 0)
        fills[name] = colour_of(value, classes)
        tip = f"<b>{esc(name)}</b><br>{esc(label)}: {esc(fmt_count(value, lang))}"
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {"name": name, "tip": tip}})
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=t("map.layer.municipalities", lang),
        style_function=lambda f: {
            "fillColor": fills[f["properties"]["name"]], "fillOpacity": 0.65,
            "color": BOUNDARY_COLOUR, "weight": 0.8,
        },
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    return classes
