"""The municipalities coloured by a measure, with a tooltip per municipality."""

from __future__ import annotations

import folium
import pandas as pd

from i18n import t
from i18n.formatting import fmt_count, fmt_decimal, fmt_int
from maps.classes import ValueClass, colour_of, rate_classes, value_classes
from maps.figures import PERSON_MEASURES, UNKNOWN, is_rate
from maps.geo import municipalities
from maps.style import AREA_FILL_OPACITY, BOUNDARY_COLOUR, NO_POPULATION_COLOUR
from maps.text import esc
from metrics.privacy import shown_number


def _on_the_map(figures: pd.DataFrame) -> dict:
    shown = dict(zip(figures["municipality"], figures["value"], strict=True))
    shown.pop(UNKNOWN, None)
    return shown


def choropleth_classes(figures: pd.DataFrame, public_figures: pd.DataFrame, measure: str, *,
                       public: bool) -> list[ValueClass]:
    """The classes of the map's municipalities (:mod:`maps.classes`).

    ``figures``: :func:`maps.figures.choropleth_figures` of this view; ``public_figures``: the same
    for the public view, which the breaks come from in both modes (the same object in a public view).
    """
    if is_rate(measure):
        top = None if public else max((v for v in _on_the_map(figures).values() if isinstance(v, float)), default=0.0)
        return rate_classes(_on_the_map(public_figures).values(), top=top)
    person = measure in PERSON_MEASURES
    top = None if public and person else max(map(shown_number, _on_the_map(figures).values()), default=0)
    return value_classes(_on_the_map(public_figures).values(), person=person, top=top)


def rate_text(rate: object, lang: str) -> str:
    """A rate as shown: ``12,4``, or ``–`` (hidden) as it is."""
    return rate if isinstance(rate, str) else fmt_decimal(rate, lang, 1)  # type: ignore[arg-type]


def _rate_tip(row: pd.Series, measure: str, lang: str) -> str:
    """``12,4 uz 1 000 iedz. (37 dalības; 2 983 iedz.)``, or "no population figure (37 dalības)"."""
    count = t(f"map.tip.count.{measure}", lang, count=fmt_count(row["count"], lang))
    if row["value"] is None:
        return t("map.tip.no_population", lang, count=count)
    return t("map.tip.rate", lang, rate=rate_text(row["value"], lang), count=count,
             population=fmt_int(row["population"], lang))


def add_choropleth(m: folium.Map, figures: pd.DataFrame, classes: list[ValueClass], measure: str,
                   lang: str) -> None:
    """Draw every municipality of the map filled by its class in ``classes``.

    ``figures`` is :func:`maps.figures.choropleth_figures` (already suppressed in a public view).
    """
    shown = _on_the_map(figures)
    label = t(f"map.measure.{measure}", lang)
    rows = {row["municipality"]: row for _, row in figures.iterrows()} if is_rate(measure) else {}
    features, fills = [], {}
    for feature in municipalities()["features"]:
        name = feature["properties"]["name"]
        value = shown.get(name, 0)
        fills[name] = colour_of(value, classes)
        if name in rows:
            tip = f"<b>{esc(name)}</b><br>{esc(_rate_tip(rows[name], measure, lang))}"
        else:
            tip = f"<b>{esc(name)}</b><br>{esc(label)}: {esc(fmt_count(value, lang))}"
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {"name": name, "tip": tip}})
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=t("map.layer.municipalities", lang),
        style_function=lambda f: {
            "fillColor": fills[f["properties"]["name"]], "fillOpacity": AREA_FILL_OPACITY,
            "color": BOUNDARY_COLOUR, "weight": 0.8,
            # no population figure: a dashed outline too, so it never reads as a light class or 0
            **({"dashArray": "4 3"} if fills[f["properties"]["name"]] == NO_POPULATION_COLOUR else {}),
        },
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#333333"},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
