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
from hypothesis import given, settings
from hypothesis import strategies as st

import maps
import metrics
from loaders import Dataset, load_dataset
from maps import assets, classes
from maps.choropleth import choropleth_classes
from maps.controls import NARROW_PX, FitView, HtmlControl
from maps.labels import MunicipalityNames
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
    # events: Ogre 5, Ķekava 1: values up to 5 are classes of their own, 1 and 5 (no empty 2, 3, 4)
    found = classes.value_classes([5, 1], person=False, top=5)
    assert [(c.low, c.high) for c in found] == [(1, 4), (5, 5)]
    assert fill[OGRE] == found[-1].colour and fill[KEKAVA] == found[0].colour and fill[RIGA] == ZERO_COLOUR


# --------------------------------------------------------------------------- classes and legend


def test_round_numbers() -> None:
    assert classes.round_numbers(330) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150,
                                          200, 250, 300]
    assert classes.round_numbers(4) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("values", "person", "top", "expected"),
    [
        # not people, largest 34: 3 values, so 3 classes; counts below a round number b: b ≤ 3 → 0, 4…7 → 1,
        # 8…30 → 2. Break 1 (target 1 of 3 below): 4; break 2 (target 2, above 4): 8
        ([0, 3, 7, 34], False, 34, [(1, 3), (4, 7), (8, 34)]),
        # 2 values: one break, target 1 below: the smallest round number with 1 value below is 4
        ([0, 120, 3], False, 120, [(1, 3), (4, 120)]),
        # at most 5, all ≤ 5: a class per value
        ([3, 2, 1], False, 3, [(1, 1), (2, 2), (3, 3)]),
        ([2000, 1], False, 2000, [(1, 1), (2, 2000)]),
        # a person measure: 1–4, then from 5; above 5: 7 and 34, one break with 1 value below: 8
        ([0, "<5", 7, 34], True, None, [(1, 4), (5, 7), (8, None)]),
        ([0, 2, 7, 34], True, 34, [(1, 4), (5, 7), (8, 34)]),
        (["<5", 0], True, None, [(1, 4)]),
        ([1, 2, 3], True, 3, [(1, 4)]),  # the first class of people is 1–4 on the desk too
        (["<5", "≥5", 6], True, None, [(1, 4), (5, None)]),
        (["≥5"], True, None, [(1, 4), (5, None)]),
        ([0], False, 0, []),
        ([0, 0], True, None, []),
    ],
)
def test_value_classes(*, values: list, person: bool, top: int | None, expected: list) -> None:
    assert [(c.low, c.high) for c in classes.value_classes(values, person=person, top=top)] == expected


#: participations by home municipality 2019–2025 in the demo data, as the public view shows them (every one ≥ 5)
DEMO_PARTICIPATIONS_2019_2025 = [23, 27, 34, 39, 41, 51, 61, 87, 91, 92, 120, 126, 130, 186, 212, 321]
YEARS_2019_2025 = metrics.Filters(dt.date(2019, 1, 1), dt.date(2025, 12, 31))


def test_quantile_breaks_by_hand() -> None:
    values = DEMO_PARTICIPATIONS_2019_2025
    # 16 values ≥ 5 → 4 classes above 1–4, targets 4, 8 and 12 values below each break.
    # values below b: 40 → 4 (23, 27, 34, 39): exactly 4 → 40; above 40: 50 → 5, 60 → 6, 75 → 7, 100 → 10:
    # 75 is 1 off 8 → 75; above 75: 100 → 10, 150 → 13 (120, 126, 130): 150 is 1 off 12 → 150
    assert classes.quantile_breaks(values, 4, 5) == [40, 75, 150]
    assert classes.class_lows(values, person=True) == [1, 5, 40, 75, 150]


def test_same_classes_in_the_desk_and_the_public_view(demo: Dataset) -> None:
    shown = maps.choropleth_figures(demo, YEARS_2019_2025, "participations", public=True)
    exact = maps.choropleth_figures(demo, YEARS_2019_2025, "participations", public=False)
    assert sorted(v for m, v in zip(shown["municipality"], shown["value"], strict=True)
                  if m != "unknown" and v != 0) == DEMO_PARTICIPATIONS_2019_2025
    desk = choropleth_classes(exact, shown, "participations", public=False)
    public = choropleth_classes(shown, shown, "participations", public=True)
    assert [(c.low, c.colour) for c in desk] == [(c.low, c.colour) for c in public]
    assert [(c.low, c.high) for c in desk] == [(1, 4), (5, 39), (40, 74), (75, 149), (150, 321)]
    assert [(c.low, c.high) for c in public] == [(1, 4), (5, 39), (40, 74), (75, 149), (150, None)]
    # and so every municipality has the same colour on the desk and on the projector
    fills = [{f["properties"]["name"]: layer.style_function(f)["fillColor"] for f in layer.data["features"]}
             for layer in (geojson_layers(build(demo, YEARS_2019_2025, public=public))[0] for public in (False, True))]
    assert fills[0] == fills[1]
    assert "1–4" in legend(build(demo, YEARS_2019_2025))
    assert "&lt;5" in legend(build(demo, YEARS_2019_2025, public=True))


def test_same_classes_for_a_year_with_small_counts(demo: Dataset) -> None:
    year = metrics.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    shown = maps.choropleth_figures(demo, year, "participations", public=True)
    exact = maps.choropleth_figures(demo, year, "participations", public=False)
    assert "<5" in set(shown["value"])  # some municipalities had 1–4 participations in 2025
    desk = choropleth_classes(exact, shown, "participations", public=False)
    public = choropleth_classes(shown, shown, "participations", public=True)
    assert [(c.low, c.colour) for c in desk] == [(c.low, c.colour) for c in public]
    fills = [{f["properties"]["name"]: layer.style_function(f)["fillColor"] for f in layer.data["features"]}
             for layer in (geojson_layers(build(demo, year, public=public))[0] for public in (False, True))]
    hidden = {m for m, v in zip(shown["municipality"], shown["value"], strict=True) if v == "≥5"}
    assert {m: c for m, c in fills[0].items() if m not in hidden} == {m: c for m, c in fills[1].items()
                                                                    if m not in hidden}


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # all time, public values (unknown left out): 26 27 35 39 | 43 52 65 | 89 94 97 126 127 130 | 196 215 326;
        # breaks as above: 40 (4 below), 75 (7 below, target 8), 150 (13 below, target 12)
        ("participations", {(5, 39): 4, (40, 74): 3, (75, 149): 6, (150, None): 3}),
        # six municipalities "<5", then 5 5 | 7 7 | 8 11 14 | 15 24: 9 values, targets 2.25, 4.5, 6.75; 6 → 2
        # below (0.25 off), 8 → 4 below (0.5 off, as is 9 → 5: the smaller wins), 15 → 7 below (0.25 off)
        ("residents", {(1, 4): 6, (5, 5): 2, (6, 7): 2, (8, 14): 3, (15, None): 2}),
    ],
)
def test_all_time_spreads_the_municipalities_over_the_classes(demo: Dataset, measure: str, expected: dict) -> None:
    shown = maps.choropleth_figures(demo, ALL_TIME, measure, public=True)
    found = choropleth_classes(shown, shown, measure, public=True)
    colour_to_class = {c.colour: (c.low, c.high) for c in found}
    layer = geojson_layers(build(demo, ALL_TIME, measure=measure, public=True))[0]
    used: dict = {}
    for feature in layer.data["features"]:
        colour = layer.style_function(feature)["fillColor"]
        if colour in colour_to_class:
            used[colour_to_class[colour]] = used.get(colour_to_class[colour], 0) + 1
    assert used == expected
    assert len(used) >= 3


@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=45), st.booleans())
@settings(max_examples=300, deadline=None)
def test_classes_are_increasing_and_hold_a_value_each(values: list[int], person: bool) -> None:  # noqa: FBT001
    shown = [("<5" if 0 < v < 5 else v) for v in values] if person else values
    found = classes.value_classes(shown, person=person, top=None if person else max(values, default=0))
    lows = [c.low for c in found]
    assert lows == sorted(set(lows)) and len(found) <= classes.MAX_CLASSES
    numbers = [v for v in values if v > 0]
    if not numbers:
        assert found == []
        return
    assert lows[0] == 1
    if person:
        assert found[0].high == 4 and (len(found) == 1 or lows[1] == 5)
    for value_class in found[1 if person else 0:]:  # every class but the fixed 1–4 holds a value
        high = value_class.high if value_class.high is not None else float("inf")
        assert any(value_class.low <= v <= high for v in numbers), (value_class, numbers)


def test_class_labels() -> None:
    internal = classes.value_classes([0, 3, 7, 34], person=False, top=34)
    assert [classes.class_label(c, "lv", public=False) for c in internal] == ["1–3", "4–7", "8–34"]
    public = classes.value_classes(["<5", 7, 1234], person=True, top=None)
    assert [classes.class_label(c, "lv", public=True) for c in public] == ["<5", "5–7", "8 un vairāk"]
    desk = classes.value_classes([2, 7, 1234], person=True, top=1234)
    assert [classes.class_label(c, "lv", public=False) for c in desk] == ["1–4", "5–7", "8–1\xa0234"]
    thousand = classes.ValueClass(1000, None, "#000000")
    assert classes.class_label(thousand, "lv", public=True) == "1\xa0000 un vairāk"
    assert classes.class_label(thousand, "en", public=True) == "1,000 or more"


def test_legend_of_the_desk_map(metrics_ds: Dataset) -> None:
    text = legend(build(metrics_ds, measure="events"))
    assert "Pašvaldībā notikušie pasākumi" in text
    assert [label for label in re.findall(r"<span>([^<]*)</span>", text)][:3] == ["5", "1–4", "0"]
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


def test_route_stops_are_drawn_above_the_space_dots(demo: Dataset) -> None:
    m = build(demo, ALL_TIME, route="E2019-006")
    panes = {e.name: e for e in elements(m) if isinstance(e, folium.map.CustomPane)}
    # Leaflet's marker pane is at 600 and its tooltip pane at 650: the stops' badges sit in between
    assert 600 < panes[maps.routes.STOP_PANE].z_index < 650
    assert all(e.pane == maps.routes.STOP_PANE for e in elements(m) if isinstance(e, maps.routes.RouteStops))
    script = m.get_root().render()
    created = script.index('createPane(\n                "route-stops")')
    assert created < script.index('{pane: "route-stops"}')  # the pane exists before the first stop goes in


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


def test_municipality_names_are_off_by_default_and_labels_when_chosen(demo: Dataset) -> None:
    assert "names" in maps.LAYERS and "names" not in maps.DEFAULT_LAYERS
    assert not [e for e in elements(build(demo, ALL_TIME)) if isinstance(e, MunicipalityNames)]
    m = build(demo, ALL_TIME, layers=("municipalities", "names"))
    (names,) = [e for e in elements(m) if isinstance(e, MunicipalityNames)]
    assert len(names.labels) == 43
    by_html = {label["html"]: label["location"] for label in names.labels}
    assert by_html["Mārupes<br><small>novads</small>"] == list(maps.geo.centroids()["Mārupes novads"])
    assert by_html["Rīga"] == list(maps.geo.centroids()["Rīga"])
    # the state cities win a place first, then the largest municipalities
    order = maps.labels.label_order()
    assert set(order[:7]) == {n for n in order if not n.endswith(" novads")} and order[0] == "Rīga"
    assert maps.geo.areas()[order[7]] == max(maps.geo.areas()[n] for n in order[7:])
    # names take no clicks: the municipalities' tooltips and the spaces' popups stay reachable
    panes = {e.name: e for e in elements(m) if isinstance(e, folium.map.CustomPane)}
    assert panes[maps.labels.NAME_PANE].pointer_events is False
    assert 400 < panes[maps.labels.NAME_PANE].z_index < 600
    assert "Pašvaldību nosaukumi" not in legend(m)  # nothing to explain


def test_municipality_names_are_escaped() -> None:
    assert maps.labels.label_html("<b>Ādažu</b> novads") == "&lt;b&gt;Ādažu&lt;/b&gt;<br><small>novads</small>"
    assert maps.labels.label_html("`${x}`") == "&#96;&#36;{x}&#96;"


def test_the_view_is_fitted_in_the_browser_clear_of_the_legend(demo: Dataset) -> None:
    m = build(demo, ALL_TIME, route="E2019-006")
    assert not [e for e in elements(m) if type(e).__name__ == "FitBounds"]  # folium's own padding is fixed
    (fit,) = [e for e in elements(m) if isinstance(e, FitView)]
    lats = [corner[0] for corner in maps.geo.bounds(maps.territory.DEFAULT_TERRITORY)]  # the territory is in view
    assert fit.corners[0][0] <= min(lats) and fit.corners[1][0] >= max(lats)
    assert fit.legend_px == maps.controls.legend_width_px(maps.style.DESK) and fit.narrow_px == NARROW_PX
    (control,) = [e for e in elements(m) if isinstance(e, HtmlControl)]
    assert control.fold_below_px == NARROW_PX  # on a phone the legend starts folded
    assert legend(m).startswith("<details open><summary")


def test_presentation_map_fills_its_iframe(metrics_ds: Dataset) -> None:
    fill = "#map_div { height: 100vh !important; }"
    assert fill in build(metrics_ds, public=True).get_root().render()
    assert fill not in build(metrics_ds).get_root().render()  # the desk's iframe starts 0 px high
