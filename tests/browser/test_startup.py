"""The app starts in a real browser (smoke tests): on the demo data, and on a broken folder (an error, no traceback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import PROJECT_DIR, Server, StartStreamlit, app_url, assert_no_exception, open_app, screenshot

pytestmark = pytest.mark.browser

DEMO_DIR = PROJECT_DIR / "data"


def test_app_renders_on_demo_data(page: Page, streamlit_server: Server) -> None:
    open_app(page, app_url(streamlit_server.url))

    expect(page.locator("h1").first).to_be_visible()
    assert_no_exception(page)
    assert screenshot(page, "smoke").stat().st_size > 0


def test_broken_spaces_file_shows_an_error_not_a_traceback(
    page: Page, start_streamlit: StartStreamlit, tmp_path: Path
) -> None:
    for csv in DEMO_DIR.glob("*.csv"):
        shutil.copy2(csv, tmp_path / csv.name)
    header = (DEMO_DIR / "spaces.csv").read_bytes().decode("cp1257").splitlines()[0]
    (tmp_path / "spaces.csv").write_bytes(f"{header}\r\nx;X;Londona;1;2;zzz\r\n".encode("cp1257"))

    server = start_streamlit(tmp_path)
    open_app(page, app_url(server.url))

    expect(page.locator("[data-testid='stAlertContentError']").first).to_be_visible()
    assert_no_exception(page)
