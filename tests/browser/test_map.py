"""The map page in a real browser, offline: Leaflet loads from the app itself, the markers are drawn,
presentation mode hides tables and small counts, the standalone export works from disk.

There is no internet here, so these tests prove the offline assets. Every network request is
recorded; none may leave 127.0.0.1.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Frame, FrameLocator, Page, expect

import loaders
import maps
import metrics
from i18n import t
from i18n.formatting import fmt_int
from metrics import geography
from tests.helpers import write_rows
from tests.metrics_fixture import PERIOD_END, PERIOD_START, TABLES

from .conftest import (
    LOCALE,
    VIEWPORT,
    Server,
    app_url,
    assert_no_exception,
    kpi_value,
    open_app,
    screenshot,
    show_everything,
    wait_for_app,
)

pytestmark = pytest.mark.browser

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_TIMEOUT_MS = 20_000
ALL_TIME = {"period": "all"}
STUDY_VISIT = "E2019-006"  # 25 March 2019, five stops
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def requests(page: Page) -> list[str]:
    """Every URL the page (and its iframes) requested, recorded from before the first navigation."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.fixture
def disk_page(browser: Browser) -> Iterator[Page]:
    """A separate browser context for files opened from disk: a colleague's browser."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    yield context.new_page()
    context.close()


def outside(urls: list[str]) -> list[str]:
    """The requests that left the machine (``data:``, ``blob:`` and ``file:`` stay local)."""
    return [
        url for url in urls
        if urlparse(url).scheme in {"http", "https", "ws", "wss"} and urlparse(url).hostname not in LOCAL_HOSTS
    ]


def map_frame(page: Page) -> FrameLocator:
    return page.frame_locator(MAP_IFRAME)


def leaflet_frame(page: Page) -> Frame:
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def wait_for_map(page: Page, markers: int) -> FrameLocator:
    """The map's iframe has drawn ``markers`` space dots."""
    frame = map_frame(page)
    expect(frame.locator(".space-marker")).to_have_count(markers, timeout=MAP_TIMEOUT_MS)
    expect(frame.locator(".map-legend")).to_be_visible()
    return frame


def hostile_export(folder: Path) -> Path:
    """The standalone map of the metrics fixture with a script for a space's name, written to disk."""
    tables = copy.deepcopy(TABLES)
    tables["spaces"][1][1] = "<script>alert(1)</script>"  # alpha
    tables["spaces"][2][1] = "`${alert(2)}`"  # beta
    data = folder / "data"
    write_rows(data, tables)
    ds = loaders.load_dataset(data).dataset
    period = metrics.Filters(PERIOD_START, PERIOD_END)
    html = maps.standalone_html(ds, period, maps.MapOptions(layers=maps.LAYERS), "en")
    path = folder / "hostile.html"
    path.write_text(html, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 1. the page, offline, both languages


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_map_loads_leaflet_offline_with_a_marker_per_space(
    page: Page, requests: list[str], streamlit_server: Server, demo: loaders.Dataset, lang: str
) -> None:
    params = {**ALL_TIME, **({"lang": lang} if lang != "lv" else {})}
    open_app(page, app_url(streamlit_server.url, "map", params))
    assert_no_exception(page)
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(t("page.map", lang))

    frame = wait_for_map(page, metrics.space_count(demo, metrics.Filters()))
    assert leaflet_frame(page).evaluate("() => window.L && window.L.version") == "1.9.3"
    expect(frame.locator(".map-legend")).to_contain_text(t("map.measure_title.participations", lang))
    # by default the latest study visit of the period is drawn
    stops = geography.route_stops(demo, metrics.Filters())
    expect(frame.locator(".route-stop")).to_have_count(int((stops["event_id"] == stops["event_id"].iloc[-1]).sum()))
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)

    show_everything(page)
    wait_for_map(page, 10)
    assert screenshot(page, f"map-{lang}").stat().st_size > 0
    assert outside(requests) == []


def test_click_on_a_space_shows_its_figures(page: Page, streamlit_server: Server, demo: loaders.Dataset) -> None:
    open_app(page, app_url(streamlit_server.url, "map", ALL_TIME))
    frame = wait_for_map(page, 10)
    positions = maps.space_positions(demo, metrics.Filters())
    sigulda = positions.index[positions["space_id"] == "sigulda-coworking"][0]
    frame.locator(".space-marker").nth(int(sigulda)).click()  # markers are drawn in the order of the positions

    panel = page.locator(".st-key-map-space")
    expect(panel.locator("h3")).to_have_text("Siguldas koprades centrs")
    wait_for_app(page)
    figures = metrics.space_figures(demo, metrics.Filters()).loc["sigulda-coworking"]
    assert figures["events"] > 0 and figures["visits"] > 0  # held there, and study visits that stopped there
    for key in ("events", "visits", "participations"):
        expect(page.locator(f".st-key-space-{key} [data-testid='stMetricValue']")).to_have_text(
            fmt_int(int(figures[key]), "lv")
        )
    assert_no_exception(page)


# --------------------------------------------------------------------------- 2. presentation mode


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_presentation_mode(page: Page, requests: list[str], streamlit_server: Server, lang: str) -> None:
    params = {**ALL_TIME, "present": "1", "route": STUDY_VISIT, "measure": "residents",
              **({"lang": lang} if lang != "lv" else {})}
    open_app(page, app_url(streamlit_server.url, "map", params))
    assert_no_exception(page)

    frame = wait_for_map(page, 10)
    expect(frame.locator(".route-stop")).to_have_count(5)
    expect(frame.locator(".route-stop")).to_have_text(["1", "2", "3", "4", "5"])
    # residents by home municipality: several municipalities have 1–4, so the legend has a "<5" class
    expect(frame.locator(".map-legend")).to_contain_text("<5")
    expect(frame.locator(".map-legend")).not_to_contain_text("1–4")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    expect(page.locator(".st-key-present-figures [data-testid='stMetric']")).to_have_count(4)
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")

    show_everything(page)
    wait_for_map(page, 10)
    assert screenshot(page, f"map-present-{lang}").stat().st_size > 0
    assert outside(requests) == []


def test_presentation_mode_shows_small_counts_as_less_than_five(page: Page, streamlit_server: Server) -> None:
    params = {"present": "1", "space": "ogre-library", "period": "custom", "from": "2025-01-01", "to": "2025-12-31"}
    open_app(page, app_url(streamlit_server.url, "map", params))
    assert_no_exception(page)
    assert kpi_value(page, "active_residents") == "<5"  # 2 active residents at the end of 2025
    wait_for_map(page, 1)
    expect(map_frame(page).locator(".map-legend")).to_contain_text("<5")


@pytest.mark.parametrize("present", [False, True])
def test_per_thousand_map_on_a_folder_with_population(page: Page, start_streamlit, tmp_path: Path, *,
                                                      present: bool) -> None:
    """Participations per 1 000 inhabitants (``tests/rates_fixture.py``): Ogres novads 12,4, the
    municipalities without a population figure in their own style, the source under the legend."""
    from tests.rates_fixture import write_rate_folder

    server = start_streamlit(write_rate_folder(tmp_path))
    params = {**ALL_TIME, "measure": "participations_per_1000", "layer": ["municipalities", "names", "spaces"],
              **({"present": "1"} if present else {})}
    open_app(page, app_url(server.url, "map", params))
    assert_no_exception(page)
    frame = wait_for_map(page, 2)
    legend = frame.locator(".map-legend")
    expect(legend).to_contain_text(t("map.measure_title.participations_per_1000", "lv"))
    expect(legend).to_contain_text("Nav iedzīvotāju skaita")
    expect(legend).to_contain_text("Iedzīvotāji: CSP, 01.01.2024")
    if present:  # Ķekavas novads: 2 participations, shown as <5, so its rate is hidden too
        expect(legend).to_contain_text("– (slēpts")
    else:  # the figures' table (its cells are drawn on a canvas: their values are tested in test_page_map.py)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    # the tooltip of Ogres novads
    assert "12,4 uz 1 000 iedz." in leaflet_frame(page).content()
    assert screenshot(page, f"map-per-1000{'-present' if present else ''}").stat().st_size > 0


# --------------------------------------------------------------------------- 3. the standalone export


def test_exported_html_works_from_disk(
    page: Page, disk_page: Page, streamlit_server: Server, tmp_path: Path
) -> None:
    open_app(page, app_url(streamlit_server.url, "map", {**ALL_TIME, "route": STUDY_VISIT}))
    wait_for_map(page, 10)
    with page.expect_download() as download:
        page.locator(".st-key-download-html button").click()
    assert download.value.suggested_filename == "karte.html"
    path = tmp_path / "karte.html"
    download.value.save_as(path)

    requests: list[str] = []
    disk_page.on("request", lambda request: requests.append(request.url))
    disk_page.goto(path.as_uri())
    expect(disk_page.locator(".space-marker")).to_have_count(10, timeout=MAP_TIMEOUT_MS)
    expect(disk_page.locator(".route-stop")).to_have_count(5)
    assert disk_page.evaluate("() => window.L && window.L.version") == "1.9.3"
    expect(disk_page.locator(".map-legend")).to_contain_text("25.03.2019")
    assert disk_page.title().startswith(t("map.title", "lv"))
    assert screenshot(disk_page, "map-export").stat().st_size > 0
    assert outside(requests) == []
    assert {urlparse(url).scheme for url in requests} <= {"file", "data"}


def test_exported_clustered_map_draws(
    disk_page: Page, tmp_path: Path, demo: loaders.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``CLUSTER_FROM`` spaces on (a country), the dots are clustered: MarkerCluster refuses a map
    without a zoom limit, and with no base map only the map itself can set one."""
    monkeypatch.setattr(maps.spaces, "CLUSTER_FROM", 1)
    errors: list[str] = []
    disk_page.on("pageerror", lambda error: errors.append(str(error)))
    path = tmp_path / "clustered.html"
    path.write_text(maps.standalone_html(demo, metrics.Filters(), maps.MapOptions(), "lv"), encoding="utf-8")
    disk_page.goto(path.as_uri())
    expect(disk_page.locator(".marker-cluster, .space-marker").first).to_be_visible(timeout=MAP_TIMEOUT_MS)
    expect(disk_page.locator(".map-legend")).to_be_visible()
    assert errors == []


def test_exported_html_shows_hostile_names_as_text(disk_page: Page, tmp_path: Path) -> None:
    dialogs: list[str] = []
    disk_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    disk_page.goto(hostile_export(tmp_path).as_uri())
    dots = disk_page.locator(".space-marker")
    expect(dots).to_have_count(3, timeout=MAP_TIMEOUT_MS)

    dots.nth(1).hover()  # beta: the dots are drawn in space_id order
    expect(disk_page.locator(".leaflet-tooltip b")).to_have_text("`${alert(2)}`")
    dots.nth(0).click()  # alpha
    expect(disk_page.locator(".leaflet-popup-content b")).to_have_text("<script>alert(1)</script>")
    expect(disk_page.locator(".map-legend")).to_be_visible()
    assert dialogs == []


# --------------------------------------------------------------------------- 4. on a projector and a phone

PROJECTORS = [(1920, 1080), (1280, 720)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def sized_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """``sized_page(width, height, *, phone=False)``: a page in a context of that size (a phone: touch,
    3 device pixels per CSS pixel); the contexts close after the test."""
    contexts = []

    def make(width: int, height: int, *, phone: bool = False) -> Page:
        options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 3} if phone else {}
        context = browser.new_context(viewport={"width": width, "height": height}, locale=LOCALE, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _boxes(page: Page) -> dict:
    """Where the map and the cards are, and whether anything scrolls."""
    return page.evaluate(
        """() => {
            const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const main = document.querySelector("[data-testid='stMain']");
            return {
                width: innerWidth, height: innerHeight,
                map: box(document.querySelector('iframe[title="streamlit_folium.st_folium"]')),
                cards: [...document.querySelectorAll(".st-key-present-figures [data-testid='stMetric']")].map(box),
                title: box(document.querySelector(".st-key-present-title")),
                page_scroll: document.documentElement.scrollHeight - innerHeight,
                main_scroll: main.scrollHeight - main.clientHeight,
            };
        }"""
    )


def _inside(box: list[float], width: int, height: int) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width + 0.5 and bottom <= height + 0.5 and bottom > top


_STOPS_ON_TOP_JS = """() => [...document.querySelectorAll('.route-stop')].map((stop) => {
    const r = stop.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {number: stop.textContent, own: !!hit && hit.closest('.route-stop') === stop,
            on_a_stop: !!hit && !!hit.closest('.route-stop'), under: hit ? hit.className.toString() : null};
})"""


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize(("width", "height"), PROJECTORS, ids=["1920x1080", "1280x720"])
def test_presentation_fills_one_screen(sized_page, streamlit_server: Server, width: int, height: int,
                                       lang: str) -> None:
    page = sized_page(width, height)
    params = {**ALL_TIME, "present": "1", "route": STUDY_VISIT, **({"lang": lang} if lang != "lv" else {})}
    open_app(page, app_url(streamlit_server.url, "map", params))
    assert_no_exception(page)
    frame = wait_for_map(page, 10)

    # one line of title: the network and the period; nothing for the operator but two small controls
    title = page.locator(".st-key-present-title")
    expect(title).to_contain_text(f"{t('map.title', lang)} · {t('period.all_time', lang)}")
    expect(title.get_by_role("button", name=t("map.present.settings", lang))).to_be_visible()
    expect(page.get_by_test_id("stMain").locator("h1")).to_be_hidden()  # the page header's "Karte"
    expect(page.locator(".st-key-demo-banner")).to_be_hidden()
    expect(page.get_by_test_id("stMain").get_by_test_id("stSelectbox")).to_be_hidden()  # in the closed popover
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")

    boxes = _boxes(page)
    assert _inside(boxes["map"], width, height), boxes
    assert len(boxes["cards"]) == 4 and all(_inside(card, width, height) for card in boxes["cards"]), boxes
    assert boxes["page_scroll"] <= 0 and boxes["main_scroll"] <= 1, boxes  # no scroll bar
    # the map takes what the title and the cards leave: over half the screen, to within 3 % of its bottom
    map_height = boxes["map"][3] - boxes["map"][1]
    assert map_height > 0.6 * height and boxes["map"][3] > 0.97 * height, boxes
    # large type, in units of the screen's height: the figures' digits 6 % of it or more
    value_px = float(page.locator(".st-key-kpi-events [data-testid='stMetricValue']").evaluate(
        "(e) => parseFloat(getComputedStyle(e).fontSize)"))
    assert value_px >= 0.06 * height

    # the route's stops above the dots: each stop's own badge is what is under its middle
    expect(frame.locator(".route-stop")).to_have_text(["1", "2", "3", "4", "5"])
    stops = leaflet_frame(page).evaluate(_STOPS_ON_TOP_JS)
    assert all(stop["own"] for stop in stops), stops
    # the whole legend in view, open, and folded away with a click on its title
    legend = frame.locator(".map-legend")
    box = legend.evaluate("(e) => { const r = e.getBoundingClientRect(); "
                          "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }")
    assert _inside(box[:4], box[4], box[5]), box
    expect(legend.locator("details")).to_have_attribute("open", "")
    legend.locator("summary").click()
    expect(legend.locator(".legend-heading").first).to_be_hidden()
    assert screenshot(page, f"map-present-{width}x{height}-folded-{lang}").stat().st_size > 0
    legend.locator("summary").click()
    expect(legend.locator(".legend-heading").first).to_be_visible()
    assert screenshot(page, f"map-present-{width}x{height}-{lang}").stat().st_size > 0


#: routes whose stop sits where a neighbouring space's dot would cover its number, were the dots on top:
#: the latest (22.08.2025, the default of "all time": its stop 2 at Olaine) and 2022's ninth (its stop 1)
COVERED_STOPS = {"E2025-012": "2", "E2022-009": "1"}


@pytest.mark.parametrize(("width", "height", "present"), [(1920, 1080, True), (1280, 720, True), (1440, 1000, False)],
                         ids=["present-1920x1080", "present-1280x720", "desk-1440x1000"])
def test_route_stops_are_above_the_space_dots(sized_page, streamlit_server: Server, width: int, height: int, *,
                                              present: bool) -> None:
    page = sized_page(width, height)
    for route, number in COVERED_STOPS.items():
        params = {**ALL_TIME, "route": route, **({"present": "1"} if present else {})}
        open_app(page, app_url(streamlit_server.url, "map", params))
        frame = wait_for_map(page, 10)
        expect(frame.locator(".route-stop", has_text=number).first).to_be_visible()
        stops = leaflet_frame(page).evaluate(_STOPS_ON_TOP_JS)
        assert stops and all(stop["own"] for stop in stops), (route, stops)
        assert number in [stop["number"] for stop in stops]
    assert screenshot(page, f"map-stops-{'present' if present else 'desk'}-{width}x{height}").stat().st_size > 0


def _leaflet_state_js() -> str:
    return """() => {
        const size = map.getSize(), paths = [...document.querySelectorAll('.leaflet-overlay-pane path')];
        const seen = (e) => { const r = e.getBoundingClientRect();
                              return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                                     && r.left < innerWidth && r.top < innerHeight; };
        return {zoom: map.getZoom(), width: size.x, height: size.y, paths: paths.filter(seen).length,
                dots: [...document.querySelectorAll('.space-marker')].filter(seen).length,
                legend_open: document.querySelector('.map-legend details').open};
    }"""


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("present", [False, True], ids=["desk", "presentation"])
def test_on_a_phone_the_map_shows_and_zooms(sized_page, streamlit_server: Server, lang: str, *,
                                            present: bool) -> None:
    page = sized_page(PHONE["width"], PHONE["height"], phone=True)
    params = {**ALL_TIME, "route": STUDY_VISIT, **({"present": "1"} if present else {}),
              **({"lang": lang} if lang != "lv" else {})}
    open_app(page, app_url(streamlit_server.url, "map", params))
    assert_no_exception(page)
    frame = map_frame(page)
    expect(frame.locator(".space-marker")).to_have_count(10, timeout=MAP_TIMEOUT_MS)
    iframe = page.locator(MAP_IFRAME)
    iframe.scroll_into_view_if_needed()
    height = iframe.evaluate("(e) => e.getBoundingClientRect().height")
    assert height >= 0.45 * PHONE["height"]  # a real map, not a strip
    leaflet = leaflet_frame(page)
    state = leaflet.evaluate(_leaflet_state_js())
    # fitted to the network (zoom 0 or 18 was the grey area), every dot in view, the legend folded
    assert 6 <= state["zoom"] <= 11 and state["height"] >= 0.45 * PHONE["height"], state
    assert state["paths"] >= 10 and state["dots"] == 10, state
    assert state["legend_open"] is False, state
    expect(frame.locator(".map-legend .legend-heading").first).to_be_hidden()
    name = f"map-phone-{'present' if present else 'desk'}-{lang}"
    assert screenshot(page, name).stat().st_size > 0  # the screen, scrolled to the map
    frame.locator(".leaflet-control-zoom-in").tap()
    page.wait_for_function(  # the zoom animation ends in the iframe
        "(before) => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
        " return f.contentWindow.map.getZoom() > before; }", arg=state["zoom"])
    frame.locator(".map-legend summary").tap()
    expect(frame.locator(".map-legend .legend-heading").first).to_be_visible()
    assert screenshot(page, f"{name}-zoomed-legend-open").stat().st_size > 0


_LABEL_BOXES_JS = """() => [...document.querySelectorAll('.municipality-name span')]
    .filter((e) => getComputedStyle(e).visibility !== 'hidden')
    .map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })
    .filter(([l, t, r, b]) => r > 0 && b > 0 && l < innerWidth && t < innerHeight)"""


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_municipality_names_do_not_overlap(sized_page, streamlit_server: Server, lang: str) -> None:
    page = sized_page(1920, 1080)
    layers = ["municipalities", "names", "territory", "spaces", "routes"]
    params = {**ALL_TIME, "present": "1", "route": STUDY_VISIT, "layer": layers,
              **({"lang": lang} if lang != "lv" else {})}
    open_app(page, app_url(streamlit_server.url, "map", params))
    frame = wait_for_map(page, 10)
    expect(frame.locator(".municipality-name")).to_have_count(43)
    expect(frame.locator(".municipality-name span", has_text="Mārupes")).to_be_visible()
    for _ in range(2):  # at the first view and zoomed out
        boxes = leaflet_frame(page).evaluate(_LABEL_BOXES_JS)
        assert len(boxes) >= 10
        clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
        assert clashes == []
        frame.locator(".leaflet-control-zoom-out").click()
        page.wait_for_timeout(400)  # Leaflet's zoom animation (0.25 s), then the labels are sorted out
    # a label takes no clicks: the municipality's tooltip under it still shows
    label = frame.locator(".municipality-name span", has_text="Ropažu")
    label.hover(force=True)  # forced: Playwright sees that the area under it takes the pointer
    expect(frame.locator(".leaflet-tooltip")).to_contain_text("Ropažu novads")
    assert screenshot(page, f"map-present-names-{lang}").stat().st_size > 0


def test_presentation_png_download(sized_page, streamlit_server: Server, tmp_path: Path) -> None:
    page = sized_page(1280, 720)
    open_app(page, app_url(streamlit_server.url, "map", {**ALL_TIME, "present": "1", "route": STUDY_VISIT}))
    wait_for_map(page, 10)
    page.locator(".st-key-present-title").get_by_test_id("stPopoverButton").click()
    page.get_by_role("button", name=t("map.download.png", "lv")).click()
    ready = page.get_by_role("button", name=t("map.download.png_ready", "lv"))
    expect(ready).to_be_visible(timeout=MAP_TIMEOUT_MS)
    with page.expect_download() as download:
        ready.click()
    assert download.value.suggested_filename == "karte.png"
    path = tmp_path / "karte.png"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[16:24] == (1920).to_bytes(4, "big") + (1080).to_bytes(4, "big")  # the IHDR's width and height
    target = screenshot(page, "map-present-png-popover")
    target.with_name("map-present-slide.png").write_bytes(data)  # the slide itself, to look at
