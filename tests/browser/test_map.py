"""The map page in a real browser, offline: Leaflet loads from the app itself, the markers are drawn,
presentation mode hides tables and small counts, the standalone export works from disk.

There is no internet here, so these tests prove the offline assets. Every network request is
recorded; none may leave 127.0.0.1.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
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
