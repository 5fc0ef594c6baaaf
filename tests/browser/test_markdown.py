"""Texts from the data in a real browser: a markdown image, an HTML tag and bold markers in the data
folder's path (shown on the Data page's "About this installation" once the staff password is given),
a project's title and a space's name and operator show as the characters they are.
No image, no link, no request to the address they name (``tests/test_markdown_escaping.py`` checks
the markdown each page sends, the map's side panel too, which needs a click; this checks what
Streamlit's renderer makes of it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from storage.passwords import hash_password
from tests.markdown_fixture import COLABORA, OPERATOR, PROJECT_TITLE, SPACE, hostile_copy
from ui.text import WORD_JOINER

from .conftest import StartStreamlit, app_url, assert_no_exception, open_app

pytestmark = pytest.mark.browser

TAIL = "x.png) <img src=x onerror=alert(1)> **bold**"
#: page → (URL path, parameters, the text it must show); an invisible word joiner follows each "http"
PAGES = {
    "spaces": ("spaces", {"period": "all", "profile": SPACE}, OPERATOR.split("http")[0]),
    "reports": ("reports", {"report_project": COLABORA}, PROJECT_TITLE.split("http")[0]),
    "data": ("data", None, TAIL),
}


PASSWORD = "Olaine-2020"


def show_installation(page: Page) -> None:
    """Open "Par šo instalāciju" and give the staff password."""
    page.get_by_text("Par šo instalāciju").click()
    about = page.locator(".st-key-about")
    about.get_by_label("Personāla parole").fill(PASSWORD)
    about.get_by_role("button", name="Rādīt iestatījumus").click()
    expect(about.get_by_test_id("stDataFrame")).to_be_visible()


def test_hostile_texts_are_shown_as_text(page: Page, start_streamlit: StartStreamlit, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    server = start_streamlit(hostile_copy(tmp_path))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for name, (path, params, shown) in PAGES.items():
        open_app(page, app_url(server.url, path, params))
        assert_no_exception(page)
        if name == "data":
            show_installation(page)
        main = page.get_by_test_id("stMain")
        expect(main).to_contain_text(shown)
        text = (main.text_content() or "").replace(WORD_JOINER, "")  # a table's cells too
        assert shown in text and "example.invalid/x.png) <img src=x onerror=alert(1)> **bold**" in text, name
        assert main.locator("img").count() == 0, name
        assert main.locator("a[href*='example.invalid'], a[href='x']").count() == 0, name
        assert main.locator("strong", has_text="bold").count() == 0, name
    assert not [url for url in requests if "example.invalid" in url or url.rstrip("/").endswith("/x")], requests
