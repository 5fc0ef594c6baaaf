"""The dashboard on PostgreSQL in a real browser: a partnership's data shown from the database, an
upload saved into it as one revision and seen on the Overview. Skipped without PostgreSQL."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import metrics
from i18n.formatting import fmt_int
from storage import hash_password
from storage.postgres.store import PostgresStore
from storage.staging import snapshot
from tests.storage_helpers import with_event

from .conftest import PROJECT_DIR, StartStreamlit, app_url, assert_no_exception, kpi_value, open_app, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Lielvārde-2019"
TIMEOUT_MS = 30_000


def test_an_upload_is_saved_into_the_database_and_counted(
    page: Page, start_streamlit: StartStreamlit, pg_database, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PostgresStore(pg_database.app, "alpha")
    store.save(snapshot(PROJECT_DIR / "data").files, (), store.fingerprint(), kind="import", author="test")
    monkeypatch.setenv("COWORKING_DATABASE_URL", f"{pg_database.app}?lag=alpha")
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    server = start_streamlit(None)

    open_app(page, app_url(server.url, "", {"period": "all"}))
    assert_no_exception(page)
    assert kpi_value(page, "events") == "121"

    events = with_event(store.snapshot().files, "E2026-901")
    open_app(page, app_url(server.url, "data"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "events.csv", "mimeType": "text/csv", "buffer": events}])
    expect(page.locator(".st-key-diff-events")).to_contain_text("1 rinda pievienota", timeout=TIMEOUT_MS)
    page.locator(".st-key-data-save-password input").fill(PASSWORD)
    page.locator(".st-key-data-save button").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("events.csv", timeout=TIMEOUT_MS)
    screenshot(page, "database-saved-lv")

    saved = store.load().dataset
    assert "E2026-901" in set(saved.events["event_id"])
    assert [r.kind for r in store.history()] == ["save", "import"]
    open_app(page, app_url(server.url, "", {"period": "all"}))
    assert kpi_value(page, "events") == fmt_int(metrics.event_count(saved, metrics.Filters()), "lv") == "122"
