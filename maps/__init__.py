"""Maps of the network (folium; no Streamlit here): spaces, municipalities coloured by a measure,
the partnership's territory, study-visit routes and home → space flows, offline and exportable.

Every figure on a map comes from ``metrics``; in a public view (presentation mode) person
counts follow the contract's small-count rule.
"""

from maps.build import BASE_MAPS, DEFAULT_LAYERS, LAYERS, MapOptions, build_map
from maps.click import space_at
from maps.export import standalone_html
from maps.figures import ALL_MEASURES, MEASURES, choropleth_figures, is_rate, measures
from maps.routes import route_choices
from maps.spaces import space_positions
from maps.territory import configured_territory

__all__ = [
    "ALL_MEASURES", "BASE_MAPS", "DEFAULT_LAYERS", "LAYERS", "MEASURES", "MapOptions", "build_map",
    "choropleth_figures", "configured_territory", "is_rate", "measures", "route_choices", "space_at",
    "space_positions", "standalone_html",
]  # fmt: skip
