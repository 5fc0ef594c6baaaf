"""The Overview's trend chart in a real browser: the outcome cards and the marks of the spaces opened
in the period (``tests/rates_fixture.py``: CoLabora Lielvārde opened 18.03.2019; a 0,5 FTE job and a
business started in 2019), and the demo's first year with its openings."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server, app_url, assert_no_exception, kpi_value, open_app, screenshot, wait_for_charts

pytestmark = pytest.mark.browser


def test_overview_marks_an_opening_and_shows_the_outcome_cards(page: Page, start_streamlit, tmp_path: Path) -> None:
    from tests.rates_fixture import write_rate_folder

    server = start_streamlit(write_rate_folder(tmp_path))
    open_app(page, app_url(server.url, "", {"period": "year", "year": "2019"}))
    assert_no_exception(page)
    wait_for_charts(page, 1)
    assert kpi_value(page, "jobs_fte") == "0,5"
    assert kpi_value(page, "businesses") == "1"
    expect(page.locator(".js-plotly-plot").first).to_contain_text("Atvērta: CoLabora Lielvārde")
    assert screenshot(page, "overview-marks-lv").stat().st_size > 0


def test_demo_overview_with_its_openings(page: Page, streamlit_server: Server) -> None:
    open_app(page, app_url(streamlit_server.url, "", {"period": "year", "year": "2019"}))
    assert_no_exception(page)
    wait_for_charts(page, 1)
    assert screenshot(page, "overview-2019-lv").stat().st_size > 0
    open_app(page, app_url(streamlit_server.url, "attendance", {"period": "all"}))
    assert_no_exception(page)
    wait_for_charts(page, 1)
    assert screenshot(page, "attendance-all-lv").stat().st_size > 0
