"""The Data page in a real browser: a Latvian Excel CSV export uploaded, checked, saved with the staff
password and seen on the Overview; a broken date refused with its row, nothing on disk changed.

Each test runs its own server on a copy of the demo data, with ``COWORKING_ADMIN_PASSWORD_HASH``
set (the harness passes the environment on to ``streamlit run``).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import metrics
from i18n import t
from i18n.formatting import fmt_int
from loaders import load_dataset
from storage import hash_password, list_history

from .conftest import (
    PROJECT_DIR,
    VIEWPORT,
    StartStreamlit,
    app_url,
    assert_no_exception,
    kpi_value,
    open_app,
    screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

PASSWORD = "Lielvārde-2019"
UPLOAD_TIMEOUT_MS = 30_000


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def latvian_export(folder: Path, *, broken_date_row: int | None = None) -> bytes:
    """events.csv as Latvian Excel saves it (Windows-1257, ``;``, dd.mm.yyyy, CRLF): 12 events
    added to the current ones and one title corrected; optionally one impossible date."""
    text = (folder / "events.csv").read_text("cp1257")
    header, *rows = [row for row in csv.reader(io.StringIO(text), delimiter=";") if row]
    column = header.index
    rows[0][column("title")] += " (precizēts)"
    for i in range(1, 13):
        row = list(rows[-1])
        row[column("event_id")], row[column("title")] = f"E2026-{i:03d}", f"Koprades rīts Ķekavā Nr. {i}"
        row[column("starts_on")] = f"{i:02d}.03.2026"
        rows.append(row)
    if broken_date_row is not None:
        rows[broken_date_row - 2][column("starts_on")] = "31.02.2026"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode("cp1257")


def upload(page: Page, name: str, data: bytes) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )


def show_everything(page: Page) -> None:
    """A viewport as tall as the content (Streamlit scrolls inside ``stMain``)."""
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll("[data-testid='stMain']")].map((e) => e.scrollHeight + 2))"""
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})


def test_a_latvian_csv_export_is_saved_and_the_overview_shows_the_new_events(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path
) -> None:
    server = start_streamlit(data_dir)
    open_app(page, app_url(server.url, "data"))
    assert_no_exception(page)
    expect(page.locator(".st-key-read-only")).to_have_count(0)

    upload(page, "events.csv", latvian_export(data_dir))
    changes = page.locator(".st-key-diff-events")
    summary = "Pasākumi (events.csv): 12 rindas pievienotas, 1 mainīta"
    expect(changes).to_contain_text(summary, timeout=UPLOAD_TIMEOUT_MS)
    wait_for_app(page)
    assert_no_exception(page)
    show_everything(page)
    screenshot(page, "data-lv")
    page.set_viewport_size(VIEWPORT)

    page.locator(".st-key-data-save-password input").fill(PASSWORD)
    page.locator(".st-key-data-save button").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Saglabāts: events.csv (aizstāts)")
    wait_for_app(page)
    assert_no_exception(page)
    assert len(list_history(data_dir)) == 1

    saved = load_dataset(data_dir).dataset
    expected = metrics.event_count(saved, metrics.Filters())
    assert expected == 121 + 12
    open_app(page, app_url(server.url, "", {"period": "all"}))
    assert_no_exception(page)
    assert kpi_value(page, "events") == fmt_int(expected, "lv")


def test_a_broken_date_is_refused_with_its_row_and_nothing_changes(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path
) -> None:
    server = start_streamlit(data_dir)
    before = files(data_dir)
    open_app(page, app_url(server.url, "data", {"lang": "en"}))
    assert_no_exception(page)

    upload(page, "events.csv", latvian_export(data_dir, broken_date_row=42))
    refused = page.locator(".st-key-upload-refused")
    expect(refused).to_contain_text(t("data.review.refused", "en", count="1"), timeout=UPLOAD_TIMEOUT_MS)
    wait_for_app(page)
    assert_no_exception(page)
    problems = page.get_by_test_id("stDataFrame").filter(has=page.locator("[role='gridcell']", has_text="31.02.2026"))
    expect(problems).to_have_count(1)
    expect(problems.locator("[role='gridcell']", has_text="42").first).to_be_attached()
    expect(page.locator(".st-key-data-save")).to_have_count(0)
    show_everything(page)
    screenshot(page, "data-en")
    assert files(data_dir) == before
