"""Colours and sizes of the maps: one look for the desk, a larger one for the projector."""

from __future__ import annotations

from dataclasses import dataclass

#: marker colour per space type (dark enough for white borders, apart from the choropleth's blues)
SPACE_TYPE_COLOURS: dict[str, str] = {
    "coworking": "#D55E00",
    "library": "#AA3377",
    "business_incubator": "#009E73",
    "business_support_centre": "#E69F00",
    "community_centre": "#6A3D9A",
    "shop": "#8C6D31",
    "other": "#555555",
}
#: one colour per study-visit route, in date order
ROUTE_COLOURS = ("#C2185B", "#1B5E20", "#0D47A1", "#E65100", "#4A148C", "#006064", "#3E2723", "#827717")
#: sequential classes of the choropleth (ColorBrewer YlGnBu, 5 classes)
CHOROPLETH_PALETTE = ("#FFFFCC", "#A1DAB4", "#41B6C4", "#2C7FB8", "#253494")
ZERO_COLOUR = "#F4F4F4"
#: a cell hidden only so that a small one cannot be worked out (shown as ``≥5``)
HIDDEN_COLOUR = "#A8A8A8"
#: a municipality with no population figure, where a rate is shown (never drawn as 0)
NO_POPULATION_COLOUR = "#D8CFC4"
BOUNDARY_COLOUR = "#7A7A7A"
TERRITORY_COLOUR = "#111111"
FLOW_COLOUR = "#37474F"
#: what shows where no municipality is drawn and there are no tiles (the sea, neighbours)
BACKGROUND = "#E8EEF2"
#: how opaque the municipalities' colours are over the background (the legend's boxes are mixed alike)
AREA_FILL_OPACITY = 0.65


@dataclass(frozen=True)
class Look:
    """Sizes in CSS pixels."""

    font_px: int
    legend_font_px: int
    dot_px: int
    badge_px: int
    route_weight: float
    territory_weight: float
    max_flow_weight: float
    #: the map fills the height of its iframe (which the page sets) rather than the height it was drawn at
    fills_its_frame: bool = False


DESK = Look(font_px=12, legend_font_px=12, dot_px=16, badge_px=20, route_weight=4, territory_weight=3,
            max_flow_weight=10)
PROJECTOR = Look(font_px=16, legend_font_px=14, dot_px=22, badge_px=28, route_weight=6, territory_weight=4.5,
                 max_flow_weight=14, fills_its_frame=True)


def look(*, public: bool) -> Look:
    return PROJECTOR if public else DESK


def space_colour(space_type: str) -> str:
    return SPACE_TYPE_COLOURS.get(space_type, SPACE_TYPE_COLOURS["other"])
