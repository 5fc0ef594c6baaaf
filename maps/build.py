"""``build_map``: the whole map for a dataset, the filters and the page's choices."""

from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd

from i18n import t
from i18n.formatting import fmt_count, fmt_date, fmt_int
from i18n.labels import code_label
from loaders import Dataset
from loaders.contract import SPACE_TYPES
from maps.assets import make_offline
from maps.choropleth import add_choropleth, choropleth_classes
from maps.classes import ValueClass, class_label
from maps.controls import (
    LABEL_CHARS,
    NARROW_PX,
    Attribution,
    Entry,
    FitView,
    HtmlControl,
    MapStyle,
    MetricScale,
    Section,
    legend_html,
    legend_width_px,
    shorten,
)
from maps.figures import PERSON_MEASURES, UNKNOWN, choropleth_figures, is_rate, population_source
from maps.flows import MAX_FLOWS, add_flows
from maps.geo import bounds
from maps.labels import add_names
from maps.routes import add_routes
from maps.spaces import add_spaces, space_positions
from maps.style import HIDDEN_COLOUR, NO_POPULATION_COLOUR, TERRITORY_COLOUR, ZERO_COLOUR, look, space_colour
from maps.territory import DEFAULT_TERRITORY, add_territory
from metrics import Filters, geography
from metrics.privacy import SECONDARY
from metrics.views import HIDDEN_RATE, RATE_MEASURES, map_figures

LAYERS = ("municipalities", "names", "territory", "spaces", "routes", "flows")
#: bottom to top: areas, then lines, then the dots (the names and the route stops have panes of their own)
_DRAW_ORDER = ("municipalities", "names", "territory", "flows", "routes", "spaces")
DEFAULT_LAYERS = ("municipalities", "territory", "spaces", "routes")
#: "none" needs nothing from the internet; the others load tiles from their servers
BASE_MAPS = ("none", "light", "osm")
#: CARTO's light tiles now need an API key (xyzservices 2026.9), Esri's grey canvas does not
_TILES = {"light": "Esri.WorldGrayCanvas", "osm": "OpenStreetMap"}
#: with several routes in the legend, each is cut shorter (its full title is in the line's tooltip)
SHORT_LABEL_CHARS = 48
#: "every route" draws the latest ones only: more are unreadable, and slow with a country's data
MAX_ROUTES = 20
#: where the map looks before it is fitted to what is drawn (Riga)
_CENTRE = (56.95, 24.1)
#: Leaflet's usual limit; a map takes it from its tile layers, and with no base map it has none
MAX_ZOOM = 18


@dataclass(frozen=True)
class MapOptions:
    """What the page lets people choose. ``public``: presentation mode (small counts as ``<5``,
    large type); ``route``: one event's route, or ``None`` for every route in scope."""

    measure: str = "participations"
    base_map: str = "none"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    route: str | None = None
    public: bool = False
    territory: tuple[str, ...] = DEFAULT_TERRITORY
    #: the period shown, under the legend's title
    caption: str = ""


def _choropleth_section(figures: pd.DataFrame, classes: list[ValueClass], measure: str, lang: str, *,
                        public: bool) -> Section:
    person = public and measure in PERSON_MEASURES
    values = dict(zip(figures["municipality"], figures["value"], strict=True))
    entries = [Entry("box", c.colour, class_label(c, lang, public=person)) for c in reversed(classes)]
    if SECONDARY in values.values():
        entries.append(Entry("box", HIDDEN_COLOUR, t("map.legend.hidden", lang)))
    entries.append(Entry("box", ZERO_COLOUR, "0"))
    notes = ()
    if UNKNOWN in values:
        notes = (t("map.legend.unknown", lang, count=fmt_count(values[UNKNOWN], lang)),)
    return Section(t(f"map.measure_title.{measure}", lang), tuple(entries), notes, two_columns=len(entries) > 3)


def population_note(ds: Dataset, lang: str) -> str | None:
    """``Iedzīvotāji: CSP, 01.01.2024``: the population figures' one source and date (``None`` if several)."""
    known = population_source(ds)
    if known is None:
        return None
    source, day = known
    date = fmt_date(day, lang) if day is not None else ""
    text = ", ".join(part for part in (source, date if date not in (source or "") else "") if part)
    return t("map.legend.population", lang, source=text) if text else None


def _rate_section(ds: Dataset, filters: Filters, figures: pd.DataFrame, classes: list[ValueClass], measure: str,
                  lang: str, *, public: bool) -> Section:
    values = list(figures["value"])
    entries = [Entry("box", c.colour, class_label(c, lang, public=public)) for c in reversed(classes)]
    if HIDDEN_RATE in values:
        entries.append(Entry("box", HIDDEN_COLOUR, t("map.legend.rate_hidden", lang)))
    if any(value is None for value in values):
        entries.append(Entry("box", NO_POPULATION_COLOUR, t("map.legend.no_population", lang)))
    entries.append(Entry("box", ZERO_COLOUR, "0"))
    notes = [note for note in (population_note(ds, lang),) if note]
    unknown = map_figures(ds, filters, public=public).by_municipality[RATE_MEASURES[measure]].get(UNKNOWN, 0)
    if unknown != 0:
        notes.append(t("map.legend.unknown", lang, count=fmt_count(unknown, lang)))
    return Section(t(f"map.measure_title.{measure}", lang), tuple(entries), tuple(notes),
                   two_columns=len(entries) > 3)


def _fit(m: folium.Map, options: MapOptions, positions: pd.DataFrame, stops: pd.DataFrame) -> None:
    """Show the territory, the spaces and the routes drawn, clear of the legend on the right (on a
    phone, whose legend starts folded, edge to edge: see :class:`maps.controls.FitView`)."""
    corners = bounds(options.territory) if "territory" in options.layers else []
    points = [*zip(positions["latitude"], positions["longitude"], strict=True)] if "spaces" in options.layers else []
    if "routes" in options.layers:
        points += [*zip(stops["latitude"], stops["longitude"], strict=True)]
    points = [p for p in [*corners, *points] if pd.notna(p[0]) and pd.notna(p[1])]
    if points:
        lats, lons = zip(*points, strict=True)
        FitView([(min(lats), min(lons)), (max(lats), max(lons))], legend_width_px(look(public=options.public))
                ).add_to(m)


def _routes_shown(ds: Dataset, filters: Filters, route: str | None) -> tuple[pd.DataFrame, int]:
    """The stops of the chosen route, or of the latest ``MAX_ROUTES`` routes; and how many routes there were."""
    stops = geography.route_stops(ds, filters)
    if route is not None:
        stops = stops[stops["event_id"] == route]
    routes = stops["event_id"].drop_duplicates()
    return stops[stops["event_id"].isin(routes.iloc[-MAX_ROUTES:])], len(routes)


class _Layers:
    """Draws each chosen layer on ``m`` and returns its legend section (``None``: nothing to explain)."""

    def __init__(self, m: folium.Map, ds: Dataset, filters: Filters, options: MapOptions, lang: str) -> None:
        self.m, self.ds, self.filters, self.options, self.lang = m, ds, filters, options, lang
        self.look = look(public=options.public)
        self.positions = space_positions(ds, filters)
        self.stops, self.route_count = _routes_shown(ds, filters, options.route)

    def municipalities(self) -> Section:
        measure, public = self.options.measure, self.options.public
        figures = choropleth_figures(self.ds, self.filters, measure, public=public)
        # the breaks come from the public view's figures in both modes (maps.classes)
        protected = measure in PERSON_MEASURES or is_rate(measure)
        public_figures = figures if public or not protected else choropleth_figures(
            self.ds, self.filters, measure, public=True)
        classes = choropleth_classes(figures, public_figures, measure, public=public)
        add_choropleth(self.m, figures, classes, measure, self.lang)
        if is_rate(measure):
            return _rate_section(self.ds, self.filters, figures, classes, measure, self.lang, public=public)
        return _choropleth_section(figures, classes, measure, self.lang, public=public)

    def names(self) -> None:
        add_names(self.m)

    def territory(self) -> Section:
        label = t("map.layer.territory", self.lang)
        add_territory(self.m, self.options.territory, label, self.look)
        return Section(label, (Entry("line", TERRITORY_COLOUR, ", ".join(self.options.territory)),))

    def flows(self) -> Section | None:
        names = dict(zip(self.ds.spaces["space_id"], self.ds.spaces["name"], strict=True))
        flows = map_figures(self.ds, self.filters, public=self.options.public).flows
        drawn = add_flows(self.m, flows, self.positions, names, self.lang, self.look)
        if not drawn:
            return None
        notes = [t("map.legend.flows", self.lang)]
        if len(flows) > MAX_FLOWS:
            total = fmt_int(len(flows), self.lang)
            notes.append(t("map.legend.largest_flows", self.lang, shown=MAX_FLOWS, total=total))
        return Section(t("map.layer.flows", self.lang), notes=tuple(notes))

    def routes(self) -> Section | None:
        if self.stops.empty:
            return None
        routes = add_routes(self.m, self.stops, self.positions, self.lang, self.look)
        chars = LABEL_CHARS if len(routes) == 1 else SHORT_LABEL_CHARS
        entries = tuple(Entry("line", colour, shorten(label, chars)) for colour, label in routes)
        notes = ()
        if self.route_count > len(routes):
            notes = (t("map.legend.latest_routes", self.lang, shown=len(routes),
                       total=fmt_int(self.route_count, self.lang)),)
        return Section(t("map.layer.routes", self.lang), entries, notes)

    def spaces(self) -> Section | None:
        if self.positions.empty:
            return None
        drawn = set(add_spaces(self.m, self.ds, self.filters, self.positions, self.lang, self.look,
                               public=self.options.public))
        types = [kind for kind in SPACE_TYPES if kind in drawn]
        entries = tuple(Entry("dot", space_colour(k), code_label("space_type", k, self.lang)) for k in types)
        return Section(t("map.layer.spaces", self.lang), entries, two_columns=True)


def build_map(ds: Dataset, filters: Filters, options: MapOptions, lang: str) -> folium.Map:
    """The map with the chosen layers, its legend and attribution, every asset offline."""
    # keyboard=False: Leaflet's keyboard handler focuses the map on mousedown, and in an iframe that
    # scrolls the page to show the whole map, so the mouseup lands elsewhere and the click is lost.
    m = folium.Map(location=_CENTRE, zoom_start=9, tiles=None, keyboard=False, zoom_snap=0.25)
    # MarkerCluster (from CLUSTER_FROM spaces on) throws "Map has no maxZoom specified" without it, and
    # the map stays empty; folium.Map's max_zoom only goes to a tile layer, so it is set on the map itself
    m.options["max_zoom"] = MAX_ZOOM
    if options.base_map in _TILES:
        folium.TileLayer(_TILES[options.base_map], name=t(f"map.base.{options.base_map}", lang)).add_to(m)
    layers = _Layers(m, ds, filters, options, lang)
    drawn = [getattr(layers, name)() for name in _DRAW_ORDER if name in options.layers]
    _fit(m, options, layers.positions, layers.stops)
    MetricScale().add_to(m)
    MapStyle(layers.look).add_to(m)
    legend = legend_html(t("map.title", lang), options.caption, [section for section in drawn if section])
    HtmlControl(legend, "map-legend", fold_below_px=NARROW_PX).add_to(m)
    Attribution(t("map.attribution", lang)).add_to(m)
    return make_offline(m)
