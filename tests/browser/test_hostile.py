"""A real server whose table file goes bad while it runs: every page stays usable, on the last good data.

Before, a CSV with old-Mac line ends (or one that could not be read) showed a traceback on every page.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from i18n import t

from .conftest import PROJECT_DIR, StartStreamlit, app_url, assert_no_exception, kpi_value, open_app, screenshot

pytestmark = pytest.mark.browser

YEAR_2025 = {"period": "year", "year": "2025"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    return folder


def test_a_table_file_that_becomes_unreadable_keeps_the_pages_usable(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path
) -> None:
    server = start_streamlit(data_dir)
    open_app(page, app_url(server.url, "", YEAR_2025))
    events = kpi_value(page, "events")

    # a link instead of the file (to a file that is not there): refused, never followed
    (data_dir / "events.csv").unlink()
    os.symlink(data_dir / "missing.csv", data_dir / "events.csv")
    for path in ("", "attendance", "spaces", "map", "reports"):
        open_app(page, app_url(server.url, path, YEAR_2025))
        assert_no_exception(page)
        expect(page.locator(".st-key-stale-banner")).to_contain_text(t("app.showing_last_good", "lv"))
    open_app(page, app_url(server.url, "", YEAR_2025))
    assert kpi_value(page, "events") == events  # the last good data
    page.locator(".st-key-stale-banner [data-testid='stExpander'] summary").click()
    expect(page.locator(".st-key-stale-banner")).to_contain_text("events.csv nav parasts fails")
    screenshot(page, "overview-stale-lv")

    # old-Mac line ends: read as they are, and the pages show the data again
    (data_dir / "events.csv").unlink()
    text = (PROJECT_DIR / "data" / "events.csv").read_bytes().replace(b"\r\n", b"\r")
    (data_dir / "events.csv").write_bytes(text)
    open_app(page, app_url(server.url, "", YEAR_2025))
    assert_no_exception(page)
    expect(page.locator(".st-key-stale-banner")).to_have_count(0)
    assert kpi_value(page, "events") == events
