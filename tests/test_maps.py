"""maps: the built folium maps against the data and the filters, escaping, legend, offline assets,
click → space, presentation (public) figures. No browser: the folium element tree and its HTML.

Datasets: the hand-counted metrics fixture (``tests/metrics_fixture.py``), the same with hostile
names, and the demo data in ``data/``.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator

import folium
import pandas as pd
import pytest
from branca.element import Element
from folium.plugins import FastMarkerCluster

import maps
import metrics
from loaders import Dataset, load_dataset
from maps import assets, classes
from maps.style import HIDDEN_COLOUR, ZERO_COLOUR
from maps.text import info_tables
from metrics import geography
from tests.helpers import write_rows
from tests.metrics_fixture import KEKAVA, OGRE, PERIOD_END, PERIOD_START, RIGA, TABLES

PERIOD = metrics.Filters(PERIOD_START, PERIOD_END)
ALL_TIME = metrics.Filters()
EVERYTHING = maps.MapOptions(layers=maps.LAYERS)
HOSTILE_SPACE = "<script>alert(1)</script>"
HOSTILE_LIBRARY = "`${alert(2)}` \\ \"quoted\" 'single'"
HOSTILE_TITLE = "</script><img src=x onerror=alert(3)>"


# --------------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The fixture with a script for a space name, template-literal tricks and an HTML title."""
    tables = copy.deepcopy(TABLES)
    tables["spaces"][1][1] = HOSTILE_SPACE  # alpha
    tables["spaces"][2][1] = HOSTILE_LIBRARY  # beta
    tables["events"][5][1] = HOSTILE_TITLE  # E4, the study visit
    folder = tmp_path_factory.mktemp("hostile") / "data"
    write_rows(folder, tables)
    result = load_dataset(folder)
    assert result.ok, result.problems
    return result.dataset


def elements(root: Element) -> Iterator[Element]:
    yield root
    for child in root._children.values():
        yield from elements(child)


def markers(m: folium.Map, css_class: str) -> list[folium.Marker]:
    """The markers whose DivIcon has ``css_class`` (``space-marker``)."""
    return [
        e for e in elements(m)
        if isinstance(e, folium.Marker)
        and any(isinstance(c, folium.DivIcon) and c.options.get("class_name") == css_class
                for c in e._children.values())
    ]


def route_stops(m: folium.Map) -> list[dict]:
    """Every route's numbered stops, in drawing order (``location``, ``html``, ``anchor``, ``tooltip``)."""
    return [stop for e in elements(m) if isinstance(e, maps.routes.RouteStops) for stop in e.stops]


def icon_html(marker: folium.Marker) -> str:
    return next(c.options["html"] for c in marker._children.values() if isinstance(c, folium.DivIcon))


def geojson_layers(m: folium.Map) -> list[folium.GeoJson]:
    return [e for e in elements(m) if isinstance(e, folium.GeoJson)]


def lines(m: folium.Map) -> list[folium.PolyLine]:
    return [e for e in elements(m) if isinstance(e, folium.PolyLine)]


def tooltip_texts(element: Element) -> list[str]:
    return [c.text for c in element._children.values() if isinstance(c, folium.Tooltip)]


def legend(m: folium.Map) -> str:
    return next(e.html for e in elements(m) if type(e).__name__ == "HtmlControl")


def build(ds: Dataset, filters: metrics.Filters = PERIOD, lang: str = "lv", **options) -> folium.Map:
    return maps.build_map(ds, filters, maps.MapOptions(**options), lang)


# --------------------------------------------------------------------------- spaces


@pytest.mark.parametrize(
    "filters",
    [
        PERIOD,
        ALL_TIME,
        metrics.Filters(dt.date(2020, 6, 1), dt.date(2020, 6, 30)),
        metrics.Filters(PERIOD_START, PERIOD_END, municipalities=(KEKAVA,)),
        metrics.Filters(PERIOD_START, PERIOD_END, spaces=("alpha", "beta")),
    ],
    ids=["period", "all-time", "june-2020", "kekava", "two-spaces"],
)
def test_one_marker_per_open_space(metrics_ds: Dataset, filters: metrics.Filters) -> None:
    drawn = markers(build(metrics_ds, filters), "space-marker")
    assert len(drawn) == metrics.space_count(metrics_ds, filters)
    assert sorted(map(tuple, (m.location for m in drawn))) == sorted(
        zip(metrics.open_spaces(metrics_ds, filters)["latitude"], metrics.open_spaces(metrics_ds, filters)["longitude"],
            strict=True)
    )


def test_demo_markers_and_colours_by_type(demo: Dataset) -> None:
    drawn = markers(build(demo, ALL_TIME), "space-marker")
    assert len(drawn) == metrics.space_count(demo, ALL_TIME) == 10
    colours = {re.search(r"background:(#\w+)", icon_html(m)).group(1) for m in drawn}
    assert colours == {maps.style.space_colour(kind) for kind in demo.spaces["space_type"].astype(str)}


def test_spaces_sharing_a_point_are_told_apart(demo: Dataset) -> None:
    positions = maps.space_positions(demo, ALL_TIME)
    # the demo puts three Olaine spaces, and two Mārupe ones, at their town's centre
    assert positions["shared"].max() == 3
    assert not positions.duplicated(["latitude", "longitude"]).any()
    divicons = [c for m in markers(build(demo, ALL_TIME), "space-marker") for c in m._children.values()
                if isinstance(c, folium.DivIcon)]
    # a dot alone is centred; 3 and 2 spaces sharing a point sit side by side
    assert len({d.options["icon_anchor"] for d in divicons}) == 1 + 3 + 2


def test_popup_and_tooltip_of_a_space(metrics_ds: Dataset) -> None:
    m = build(metrics_ds)
    alpha = next(e for e in markers(m, "space-marker") if e.location == [56.72066, 24.80743])
    tooltip = tooltip_texts(alpha)[0]
    assert "Alfa koprade" in tooltip and "Koprades telpa" in tooltip and OGRE in tooltip
    html = m.get_root().render()
    # alpha: 10 desks; active on 2024-06-30: R1 and R2; events in the period: E1, E3, E5 (4 + 0 + 3
    # participations); no study visit stopped there. beta: E2 and a stop of E4
    for text in ("Darba vietas</th><td>10<", "Aktīvie rezidenti 30.06.2024</th><td>2<", "Pasākumi periodā</th><td>3<",
                 "Pieredzes braucienu vizītes</th><td>0<", "Dalības tās pasākumos</th><td>7<"):
        assert text in html
    beta = html[html.index("<b>Beta bibliotēka</b><table>"):]
    assert "Pasākumi periodā</th><td>1<" in beta and "Pieredzes braucienu vizītes</th><td>1<" in beta


def test_info_tables_escape_every_title_label_and_value() -> None:
    tables = info_tables(["<b>A</b>", "B"], [("Type & kind", ["x", "x"]), ("`n`", ["${1}", 2])])
    assert tables == [
        '<div class="map-info"><b>&lt;b&gt;A&lt;/b&gt;</b><table><tr><th>Type &amp; kind</th><td>x</td></tr>'
        "<tr><th>&#96;n&#96;</th><td>&#36;{1}</td></tr></table></div>",
        '<div class="map-info"><b>B</b><table><tr><th>Type &amp; kind</th><td>x</td></tr>'
        "<tr><th>&#96;n&#96;</th><td>2</td></tr></table></div>",
    ]


def test_popup_is_translated(metrics_ds: Dataset) -> None:
    html = build(metrics_ds, lang="en").get_root().render()
    assert "Active residents on 30 Jun 2024</th><td>2<" in html
    assert "Coworking space" in html


def test_many_spaces_are_clustered_in_the_browser(metrics_ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(maps.spaces, "CLUSTER_FROM", 3)
    m = build(metrics_ds)
    clusters = [e for e in elements(m) if isinstance(e, FastMarkerCluster)]
    assert len(clusters) == 1 and len(clusters[0].data) == metrics.space_count(metrics_ds, PERIOD) == 3
    assert markers(m, "space-marker") == []


# --------------------------------------------------------------------------- municipalities, territory


def test_choropleth_has_every_municipality_and_the_territory_its_own(metrics_ds: Dataset) -> None:
    m = build(metrics_ds)
    choropleth, territory = geojson_layers(m)
    assert len(choropleth.data["features"]) == 43
    assert sorted(f["properties"]["name"] for f in territory.data["features"]) == ["Mārupes novads",
                                                                                   "Olaines novads"]


def test_territory_is_configurable() -> None:
    assert maps.configured_territory("Ogres novads; Ķekavas novads ;Nekurienes novads") == ("Ogres novads",
                                                                                           "Ķekavas novads")
    assert maps.configured_territory("") == ("Mārupes novads", "Olaines novads")


def test_configured_territory_is_drawn(metrics_ds: Dataset) -> None:
    m = build(metrics_ds, territory=(OGRE, KEKAVA, RIGA))
    assert len(geojson_layers(m)[1].data["features"]) == 3
    assert "Ogres novads, Ķekavas novads, Rīga" in legend(m)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # home municipalities of the attendance rows of E1, E4, E5 (residents.csv wins for residents)
        ("participations", {OGRE: 3, KEKAVA: 4, RIGA: 2}),
        # residents active on 2024-06-30 by home: R1, R5 (Ogre), R2 (Ķekava); R3 has none
        ("residents", {OGRE: 2, KEKAVA: 1}),
        ("spaces", {OGRE: 2, KEKAVA: 1}),
        ("events", {OGRE: 5, KEKAVA: 1}),
    ],
)
def test_choropleth_figures(metrics_ds: Dataset, measure: str, expected: dict[str, int]) -> None:
    figures = maps.choropleth_figures(metrics_ds, PERIOD, measure, public=False)
    values = dict(zip(figures["municipality"], figures["value"], strict=True))
    assert {name: value for name, value in values.items() if value and name != "unknown"} == expected
    assert len(figures) == 43 + ("unknown" in values)
    exact = {"participations": metrics.participations_by_municipality,
             "residents": metrics.residents_by_home_municipality,
             "spaces": geography.spaces_by_municipality, "events": geography.events_by_municipality}[measure]
    assert sum(values.values()) == exact(metrics_ds, PERIOD).sum()


def test_choropleth_tooltips_show_the_figures(metrics_ds: Dataset) -> None:
    choropleth = geojson_layers(build(metrics_ds, measure="events"))[0]
    tips = {f["properties"]["name"]: f["properties"]["tip"] for f in choropleth.data["features"]}
    assert tips[OGRE] == "<b>Ogres novads</b><br>Pasākumi: 5"
    assert tips["Rīga"] == "<b>Rīga</b><br>Pasākumi: 0"


def test_choropleth_colours_follow_the_classes(metrics_ds: Dataset) -> None:
    choropleth = geojson_layers(build(metrics_ds, measure="events"))[0]
    fill = {f["properties"]["name"]: choropleth.style_function(f)["fillColor"] for f in choropleth.data["features"]}
    # events: Ogre 5, Ķekava 1 → classes 1–4 and 5
    found = classes.value_classes([5, 1], public=False)
    assert [(c.low, c.high) for c in found] == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]
    assert fill[OGRE] == found[-1].colour and fill[KEKAVA] == found[0].colour and fill[RIGA] == ZERO_COLOUR


# --------------------------------------------------------------------------- legend


@pytest.mark.parametrize(
    ("values", "public", "expected"),
    [
        ([0, 3, 7, 34], False, [(1, 1), (2, 4), (5, 9), (10, 19), (20, 34)]),
        ([0, 120, 3], False, [(1, 4), (5, 9), (10, 49), (50, 99), (100, 120)]),
        ([3, 2, 1], False, [(1, 1), (2, 2), (3, 3)]),
        ([2000, 1], False, [(1, 9), (10, 99), (100, 999), (1000, 2000)]),
        ([0, "<5", 7, 34], True, [(1, 4), (5, 9), (10, 19), (20, None)]),
        (["<5", 0], True, [(1, 4)]),
        (["<5", "≥5", 6], True, [(1, 4), (5, None)]),
        ([0], False, []),
    ],
)
def test_value_classes(*, values: list, public: bool, expected: list) -> None:
    assert [(c.low, c.high) for c in classes.value_classes(values, public=public)] == expected


def test_class_labels() -> None:
    internal = classes.value_classes([0, 3, 7, 34], public=False)
    assert [classes.class_label(c, "lv", public=False) for c in internal] == ["1", "2–4", "5–9", "10–19", "20–34"]
    public = classes.value_classes(["<5", 7, 1234], public=True)
    assert [classes.class_label(c, "lv", public=True) for c in public] == ["<5", "5–9", "10–99", "100–999",
                                                                   "1\xa0000 un vairāk"]
    assert classes.class_label(public[-1], "en", public=True) == "1,000 or more"


def test_legend_of_the_desk_map(metrics_ds: Dataset) -> None:
    text = legend(build(metrics_ds, measure="events"))
    assert "Pašvaldībā notikušie pasākumi" in text
    assert [label for label in re.findall(r"<span>([^<]*)</span>", text)][:6] == ["5", "4", "3", "2", "1", "0"]
    assert "Partnerības teritorija" in text and "Mārupes novads, Olaines novads" in text
    assert "Koprades telpa" in text and "Bibliotēka" in text and "Kopienas centrs" in text
    assert "24.04.2024" not in text and "20.04.2024 · Pieredzes brauciens" in text


def test_legend_of_the_participations_notes_the_unknown(metrics_ds: Dataset) -> None:
    # unknown: the anonymous rows of E1 and E4, R3 (no home) at E1, and E2's head count of 12
    assert "Dzīvesvieta nav zināma: 15" in legend(build(metrics_ds))


def test_public_legend_shows_small_counts_as_less_than_five(metrics_ds: Dataset) -> None:
    text = legend(build(metrics_ds, public=True))
    assert "&lt;5" in text and "1–4" not in text
    assert "Dzīvesvieta nav zināma: 15" in text


def test_hidden_cell_gets_its_own_colour_and_legend_entry(metrics_ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = pd.DataFrame({"municipality": [OGRE, KEKAVA, RIGA], "value": pd.Series([12, "≥5", "<5"], dtype=object)})
    monkeypatch.setattr(maps.build, "choropleth_figures", lambda *_args, **_kwargs: figures)
    m = build(metrics_ds, public=True)
    choropleth = geojson_layers(m)[0]
    fill = {f["properties"]["name"]: choropleth.style_function(f)["fillColor"] for f in choropleth.data["features"]}
    assert fill[KEKAVA] == HIDDEN_COLOUR and fill[RIGA] != HIDDEN_COLOUR and fill[RIGA] != ZERO_COLOUR
    assert "≥5 (slēpts" in legend(m)


# --------------------------------------------------------------------------- routes


def test_every_route_in_scope_is_drawn(demo: Dataset) -> None:
    m = build(demo, ALL_TIME)
    stops = geography.route_stops(demo, ALL_TIME)
    routes = stops.groupby("event_id").size()
    route_lines = [line for line in lines(m) if line.options["weight"] == maps.style.DESK.route_weight]
    assert len(route_lines) == int((routes > 1).sum()) == 11
    assert len(route_stops(m)) == len(stops) == 40


def test_the_25_march_2019_study_visit_is_a_numbered_route(demo: Dataset) -> None:
    m = build(demo, ALL_TIME, route="E2019-006")
    badges = route_stops(m)
    assert [re.search(r">(\d+)<", b["html"]).group(1) for b in badges] == ["1", "2", "3", "4", "5"]
    (line,) = lines(m)
    assert [tuple(p) for p in line.locations] == [tuple(b["location"]) for b in badges]
    assert "25.03.2019 · Pieredzes apmaiņas brauciens pa Pierīgas koprades telpām (2. brauciens)" in legend(m)
    assert badges[0]["tooltip"].startswith('<b>1. Koprades telpa &quot;Dzīvoklis&quot;</b>')


def test_route_stops_sit_on_their_space_so_a_click_names_it(demo: Dataset) -> None:
    m = build(demo, ALL_TIME, route="E2019-006")
    positions = maps.space_positions(demo, ALL_TIME)
    clicked = [maps.space_at(positions, {"lat": b["location"][0], "lng": b["location"][1]}) for b in route_stops(m)]
    assert clicked == ["dzivoklis-olaine", "olaine-business-support-centre", "marupe-local-producers-shop",
                       "biznesa-vestnieciba-tiraine", "jurmala-business-incubator"]


def test_routes_follow_the_filters(demo: Dataset) -> None:
    year_2019 = metrics.Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    m = build(demo, year_2019)
    assert len(route_stops(m)) == len(geography.route_stops(demo, year_2019)) == 2 + 5 + 3
    assert route_stops(build(demo, year_2019, layers=("spaces",))) == []


# --------------------------------------------------------------------------- flows


def test_flows_one_line_per_home_and_space(metrics_ds: Dataset) -> None:
    m = build(metrics_ds, layers=("flows",))
    flow_lines = lines(m)
    assert len(flow_lines) == len(geography.resident_flows(metrics_ds, PERIOD)) == 3
    tips = sorted(tooltip_texts(line)[0] for line in flow_lines)
    assert tips[0] == "<b>Ogres novads → Alfa koprade</b><br>Aktīvie rezidenti: 1"
    starts = {tuple(line.locations[0]) for line in flow_lines}
    assert starts == {maps.geo.centroids()[OGRE], maps.geo.centroids()[KEKAVA]}


def test_public_flows_hide_small_counts(metrics_ds: Dataset) -> None:
    tips = [tooltip_texts(line)[0] for line in lines(build(metrics_ds, layers=("flows",), public=True))]
    assert tips and all(tip.endswith("Aktīvie rezidenti: &lt;5") for tip in tips)


# --------------------------------------------------------------------------- escaping


def test_hostile_names_are_text_in_popups_tooltips_and_legend(hostile: Dataset) -> None:
    html = maps.build_map(hostile, PERIOD, EVERYTHING, "lv").get_root().render()
    assert HOSTILE_SPACE not in html and "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the popup and the tooltip
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2
    # nothing can run inside folium's template literals (`...${}...`)
    assert "${alert" not in html and "`${" not in html
    assert "&#96;&#36;{alert(2)}&#96; &#92; &quot;quoted&quot; &#x27;single&#x27;" in html
    assert "<img" not in html and "&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt;" in html


def test_hostile_title_in_the_legend_is_escaped_json(hostile: Dataset) -> None:
    text = legend(maps.build_map(hostile, PERIOD, EVERYTHING, "lv"))
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt;" in text


# --------------------------------------------------------------------------- offline


EXTERNAL_URL = re.compile(r"https?://")


def test_no_external_url_with_no_base_map(demo: Dataset) -> None:
    html = maps.standalone_html(demo, ALL_TIME, maps.MapOptions(layers=maps.LAYERS), "lv")
    assert not EXTERNAL_URL.search(html)
    sources = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]{0,40})', html)
    assert len(sources) == 3 and all(src.startswith("data:") for src in sources)  # leaflet, jquery, leaflet.css


@pytest.mark.parametrize(
    ("base_map", "host"), [("osm", "tile.openstreetmap.org"), ("light", "server.arcgisonline.com")]
)
def test_only_tiles_come_from_the_web_with_a_base_map(demo: Dataset, base_map: str, host: str) -> None:
    html = maps.standalone_html(demo, ALL_TIME, maps.MapOptions(base_map=base_map), "lv")
    assert host in html
    assert all(src.startswith("data:") for src in re.findall(r'<script src="([^"]{0,10})', html))


def test_clustered_map_loads_markercluster_offline(metrics_ds: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(maps.spaces, "CLUSTER_FROM", 1)
    html = build(metrics_ds).get_root().render()
    assert not EXTERNAL_URL.search(html)
    assert html.count('<link rel="stylesheet" href="data:text/css;base64,') == 3


def test_an_unpackaged_plugin_is_refused() -> None:
    from folium.plugins import Fullscreen

    m = folium.Map(tiles=None)
    Fullscreen().add_to(m)
    with pytest.raises(assets.UnknownAsset, match="fullscreen"):
        assets.make_offline(m)


def test_leaflet_css_images_are_inlined() -> None:
    import base64

    css = base64.b64decode(assets.asset_uri("leaflet_css").split(",", 1)[1]).decode()
    assert "url(images/" not in css and "url(data:image/png;base64," in css


def test_standalone_html_has_an_escaped_title(hostile: Dataset) -> None:
    html = maps.standalone_html(hostile, PERIOD, maps.MapOptions(caption="<b>2024</b>"), "en")
    assert "<title>Pierīgas partnerība coworking network · &lt;b&gt;2024&lt;/b&gt;</title>" in html


# --------------------------------------------------------------------------- click → space


def test_click_on_each_space_names_it(demo: Dataset) -> None:
    positions = maps.space_positions(demo, ALL_TIME)
    for row in positions.itertuples():
        assert maps.space_at(positions, {"lat": row.latitude, "lng": row.longitude}) == row.space_id


def test_click_elsewhere_names_no_space(demo: Dataset) -> None:
    positions = maps.space_positions(demo, ALL_TIME)
    olaine = positions.iloc[0]
    assert maps.space_at(positions, {"lat": olaine.latitude + 0.01, "lng": olaine.longitude}) is None
    assert maps.space_at(positions, None) is None
    assert maps.space_at(positions, {}) is None
    assert maps.space_at(positions, {"lat": None, "lng": None}) is None
    assert maps.space_at(positions.iloc[0:0], {"lat": 56.9, "lng": 24.1}) is None


def test_click_positions_are_the_markers(demo: Dataset) -> None:
    positions = maps.space_positions(demo, ALL_TIME)
    drawn = sorted(tuple(m.location) for m in markers(build(demo, ALL_TIME), "space-marker"))
    assert drawn == sorted(zip(positions["latitude"], positions["longitude"], strict=True))


# --------------------------------------------------------------------------- presentation (public) figures


def test_public_choropleth_figures_hide_small_counts(metrics_ds: Dataset, demo: Dataset) -> None:
    figures = maps.choropleth_figures(metrics_ds, PERIOD, "participations", public=True)
    values = dict(zip(figures["municipality"], figures["value"], strict=True))
    assert (values[OGRE], values[KEKAVA], values[RIGA], values["unknown"]) == ("<5", "<5", "<5", 15)
    exact = maps.choropleth_figures(demo, ALL_TIME, "residents", public=False)
    shown = maps.choropleth_figures(demo, ALL_TIME, "residents", public=True)
    small = exact["value"].between(1, 4)
    assert small.any()
    assert set(shown.set_index("municipality").loc[exact.loc[small, "municipality"], "value"]) == {"<5"}


def test_public_counts_that_are_not_people_are_exact(metrics_ds: Dataset) -> None:
    figures = maps.choropleth_figures(metrics_ds, PERIOD, "events", public=True)
    assert dict(zip(figures["municipality"], figures["value"], strict=True))[KEKAVA] == 1


def test_public_popups_and_tooltips_hide_small_counts(metrics_ds: Dataset) -> None:
    html = build(metrics_ds, public=True).get_root().render()
    assert "Aktīvie rezidenti 30.06.2024</th><td>&lt;5<" in html
    assert "Aktīvie rezidenti 30.06.2024</th><td>2<" not in html
    choropleth = geojson_layers(build(metrics_ds, public=True))[0]
    tips = {f["properties"]["name"]: f["properties"]["tip"] for f in choropleth.data["features"]}
    assert tips[OGRE] == "<b>Ogres novads</b><br>Dalības: &lt;5"


def test_presentation_map_is_larger(metrics_ds: Dataset) -> None:
    desk, projector = build(metrics_ds), build(metrics_ds, public=True)
    assert icon_html(markers(projector, "space-marker")[0]) == icon_html(markers(desk, "space-marker")[0])
    sizes = [next(c for c in markers(m, "space-marker")[0]._children.values() if isinstance(c, folium.DivIcon))
             .options["icon_size"] for m in (desk, projector)]
    assert sizes[1][0] > sizes[0][0]


# --------------------------------------------------------------------------- layers


def test_layers_can_be_left_out(metrics_ds: Dataset) -> None:
    m = build(metrics_ds, layers=())
    assert markers(m, "space-marker") == [] and geojson_layers(m) == [] and lines(m) == []
    assert "Pašvaldības" not in legend(m)
