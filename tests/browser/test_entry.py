"""Data entry in a real browser: a cell edited in the grid and saved; an event's sign-in list typed
into Excel imported as pseudonyms, saved, and counted on the Overview, with no name on disk.

Each test runs its own server on a copy of the demo data with a staff password and a pseudonym key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import metrics
from i18n import t
from i18n.formatting import fmt_int
from loaders import load_dataset
from storage import hash_password

from .conftest import (
    PROJECT_DIR,
    VIEWPORT,
    StartStreamlit,
    app_url,
    assert_no_exception,
    kpi_value,
    open_app,
    screenshot,
    show_everything,
    wait_for_app,
)

pytestmark = pytest.mark.browser

PASSWORD = "Lielvārde-2019"
KEY = "browser-tests-pseudonym-key-0123456789"
TIMEOUT_MS = 30_000
SHEET = ("Nr.;Vārds, uzvārds;Dzimums (S / V / cits);Dzimšanas gads;Dzīvesvietas pašvaldība;Piekrītu (paraksts)\r\n"
         "1;Anna Bērziņa;S;1990;Ogres novads;\r\n2;Jānis Ozoliņš;V;1985;Ogre;\r\n3;ANNA BERZINA;;;;\r\n"
         "4;Līga Kalniņa;s;2001;Rīga;\r\n5;;;;;\r\n")
NAMES = ("Bērziņa", "BERZINA", "Ozoliņš", "Kalniņa")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    monkeypatch.setenv("COWORKING_PSEUDONYM_KEY", KEY)
    return folder


def open_tab(page: Page, url: str, tab: str, heading: str) -> None:
    """Open the Data page and one of its tabs (run only when chosen: wait for its heading)."""
    open_app(page, url)
    page.get_by_role("tab", name=tab).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app(page)
    assert_no_exception(page)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_cell_edited_in_the_grid_is_checked_and_saved(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path, lang: str
) -> None:
    server = start_streamlit(data_dir)
    url = app_url(server.url, "data", {"lang": lang})
    open_tab(page, url, t("entry.tab.edit", lang), t("entry.editor.title", lang))
    screenshot(page, f"entry-grid-{lang}")
    grid = page.get_by_test_id("stDataFrameResizable").first.bounding_box()
    # the grid is a canvas of 35 px rows under its header: double-click row 2's name, type, Enter
    page.mouse.dblclick(grid["x"] + 380, grid["y"] + 35 + 35 + 17)
    editor = page.locator("textarea.gdg-input")  # the grid's cell editor, over the canvas
    editor.fill("Koprades telpa Dzīvoklis Olainē")
    editor.press("Enter")
    changes = page.locator(".st-key-diff-spaces")
    expect(changes).to_contain_text("1 rinda mainīta" if lang == "lv" else "1 row changed", timeout=TIMEOUT_MS)
    wait_for_app(page)
    show_everything(page)
    screenshot(page, f"entry-grid-changed-{lang}")
    page.set_viewport_size(VIEWPORT)
    page.locator(".st-key-data-editor-save-password input").fill(PASSWORD)
    page.locator(".st-key-data-save-editor button").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("spaces.csv", timeout=TIMEOUT_MS)
    spaces = load_dataset(data_dir).dataset.spaces.set_index("space_id")
    assert spaces.loc["dzivoklis-olaine", "name"] == "Koprades telpa Dzīvoklis Olainē"


def test_a_sign_in_list_becomes_pseudonymous_attendance_counted_on_the_overview(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path
) -> None:
    server = start_streamlit(data_dir)
    open_tab(page, app_url(server.url, "data"), t("entry.tab.signin", "lv"), t("entry.signin.import_title", "lv"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "saraksts.csv", "mimeType": "text/csv", "buffer": SHEET.encode("cp1257")}])
    expect(page.locator(".st-key-signin-near-duplicates")).to_contain_text("ANNA BERZINA", timeout=TIMEOUT_MS)
    wait_for_app(page)
    show_everything(page)
    screenshot(page, "entry-signin-list-lv")
    page.set_viewport_size(VIEWPORT)
    page.locator(".st-key-signin-password input").fill(PASSWORD)
    page.locator(".st-key-signin-convert button").click()
    summary = page.locator(".st-key-signin-summary")
    expect(summary).to_contain_text("3 cilvēki, 3 jauni", timeout=TIMEOUT_MS)
    wait_for_app(page)
    expect(page.get_by_test_id("stFileUploaderFile")).to_have_count(0)  # the file with the names is gone
    show_everything(page)
    screenshot(page, "entry-signin-summary-lv")
    page.set_viewport_size(VIEWPORT)
    page.locator(".st-key-data-signin-save-password input").fill(PASSWORD)
    page.locator(".st-key-data-save-signin button").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("attendance.csv", timeout=TIMEOUT_MS)

    saved = load_dataset(data_dir).dataset
    expected = metrics.unique_participants(saved, metrics.Filters())
    open_app(page, app_url(server.url, "", {"period": "all"}))
    assert kpi_value(page, "unique_participants") == fmt_int(expected, "lv")
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for name in NAMES:
                assert name.encode("utf-8") not in content and name.encode("cp1257") not in content, path
    assert not any(name in server.log() for name in NAMES)


def test_on_a_phone_the_sign_in_steps_stack_in_order(
    page: Page, start_streamlit: StartStreamlit, data_dir: Path
) -> None:
    server = start_streamlit(data_dir)
    page.set_viewport_size({"width": 390, "height": 844})
    open_tab(page, app_url(server.url, "data"), t("entry.tab.signin", "lv"), t("entry.signin.import_title", "lv"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "saraksts.csv", "mimeType": "text/csv", "buffer": SHEET.encode("cp1257")}])
    expect(page.locator(".st-key-signin-near-duplicates")).to_be_attached(timeout=TIMEOUT_MS)
    wait_for_app(page)
    labels = [t(f"entry.signin.col.{role}", "lv") for role in ("name", "first_name", "surname", "gender")]
    tops = [page.get_by_text(label, exact=True).first.bounding_box()["y"] for label in labels]
    assert tops == sorted(tops)  # name, first name, surname, then the details: not column by column
    screenshot(page, "entry-signin-phone-lv")
