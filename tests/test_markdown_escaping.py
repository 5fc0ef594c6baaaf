"""Values from the data reach Streamlit markdown escaped (``ui.text.md``): the function itself, and an
AppTest per page on a copy of the demo data whose data folder, project title, space name and operator,
event titles and uploaded file names hold a markdown image, an HTML tag and bold markers."""

from __future__ import annotations

import io
import re
import shutil
import string
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.map_page.view
from i18n import t
from tests.markdown_fixture import (
    BOLD,
    COLABORA,
    HTML,
    IMAGE,
    OPERATOR,
    PROJECT_DIR,
    PROJECT_TITLE,
    SPACE,
    SPACE_NAME,
    hostile_copy,
)
from ui.text import WORD_JOINER, md

SPACE_AT = {"lat": 56.72066, "lng": 24.80743}  # its coordinates in spaces.csv

#: markdown that would still do something: an image, an HTML tag, bold markers (not preceded by a backslash)
ACTIVE = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)<img|(?<![\\*])\*\*bold")


# --------------------------------------------------------------------------- the function


def test_md_escapes_markdown_and_html_and_keeps_latvian_letters() -> None:
    assert md(IMAGE) == r"\!\[x\]\(http" + WORD_JOINER + r"\:\/\/example\.invalid\/x\.png\)"
    assert md(HTML) == r"\<img src\=x onerror\=alert\(1\)\>"
    assert md(BOLD) == r"\*\*bold\*\*"
    assert md("Ķekavas novads · “Dzīvoklis” – āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ") == (
        "Ķekavas novads · “Dzīvoklis” – āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ")
    assert md("Telpa 12 (Ogre)") == r"Telpa 12 \(Ogre\)"


@pytest.mark.parametrize("text", [
    "# heading", "1. list", "- item", "> quote", "`code`", "~~struck~~", "$x^2$", ":red[colour]", ":material/home:",
    "a | b", "<b>bold</b>", "&lt;", "[link](http://example.invalid)", "_under_", "\\![x](y)", "{#id}",
])  # fmt: skip
def test_md_escapes_every_ascii_punctuation_character(text: str) -> None:
    # a backslash before each character CommonMark lets one escape (ASCII punctuation), nothing else
    escaped = md(text).replace(WORD_JOINER, "")
    assert escaped == "".join("\\" + c if c in string.punctuation else c for c in text)


def test_md_keeps_addresses_from_becoming_links() -> None:
    # GitHub-flavoured markdown links "http://", "www." and "a@b" in text even when escaped: a word joiner breaks them
    j = WORD_JOINER
    assert md("www.example.invalid") == rf"www{j}\.example\.invalid"
    assert md("see https://example.invalid") == rf"see https{j}\:\/\/example\.invalid"
    assert md("a@example.invalid") == rf"a\@{j}example\.invalid"
    assert md("Lielvārde 14 vietas") == "Lielvārde 14 vietas" and WORD_JOINER not in md("HTTP status")


def test_md_makes_one_line_of_any_value() -> None:
    assert md("a\nb\r\n\tc\x00d\x1be\u2028f") == "a b c d e f"
    assert md(None) == "" and md(12) == "12" and md(Path("/tmp/x")) == r"\/tmp\/x"


# --------------------------------------------------------------------------- the pages


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_copy(tmp_path_factory.mktemp("md"))


@pytest.fixture
def hostile(hostile_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COWORKING_DATA_DIR", str(hostile_folder))
    monkeypatch.delenv("COWORKING_ADMIN_PASSWORD_HASH", raising=False)
    return hostile_folder


def markdown_texts(at: AppTest) -> list[str]:
    """Every text of the run that Streamlit renders as markdown."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
                                  "success") for e in getattr(at, kind)]
    texts += [m.label for m in at.metric] + [e.label for e in at.expander]
    texts += [w.label for kind in ("selectbox", "multiselect", "toggle", "button", "text_input") for w in
              getattr(at, kind)]
    return texts


def assert_inert(at: AppTest) -> None:
    active = [text for text in markdown_texts(at) if ACTIVE.search(text)]
    assert not active, active


def test_overview_does_not_show_the_folder(app, hostile: Path) -> None:
    at = app("app_pages/overview.py", period="all")
    assert not [text for text in markdown_texts(at) if "example" in text]  # the path is for staff only
    assert r"\!\[x\]\(http" + WORD_JOINER + r"\:\/example\.invalid\/x\.png\)" in md(hostile)
    assert_inert(at)


@pytest.mark.usefixtures("hostile")
def test_spaces_profile_caption_is_escaped(app) -> None:
    at = app("app_pages/spaces.py", period="all", profile=SPACE)
    assert at.selectbox(key="profile").value == SPACE
    caption = next(c.value for c in at.caption if md(OPERATOR) in c.value)
    assert caption.startswith(t("space_type.coworking", "lv") + " · ")
    assert r"\!\[x\]" in caption and "![" not in caption and BOLD not in caption
    assert_inert(at)


@pytest.mark.usefixtures("hostile")
def test_map_panel_of_a_clicked_space_is_escaped(app, monkeypatch: pytest.MonkeyPatch) -> None:
    # AppTest cannot click the map: the component's answer is what the page would get for a click on the space
    monkeypatch.setattr(ui.map_page.view, "show", lambda *_args, **_kwargs: {"last_object_clicked": SPACE_AT})
    at = app("app_pages/map.py", period="all")
    assert [s.value for s in at.subheader if "CoLabora" in s.value] == [md(SPACE_NAME)]
    assert md(SPACE_NAME).startswith(r"CoLabora Lielvārde \!\[x\]\(http")
    assert t("map.popup.events", "lv") in [m.label for m in at.metric]  # the panel's figures are there
    assert_inert(at)


@pytest.mark.usefixtures("hostile")
def test_reports_caption_shows_the_project_title_escaped(app) -> None:
    at = app("app_pages/reports.py", report_project=COLABORA)
    caption = next(c.value for c in at.caption if "CoLabora" in c.value)
    assert caption.startswith(md(PROJECT_TITLE) + " · ")
    assert r"\!\[x\]" in caption and "![" not in caption
    assert_inert(at)


def test_data_page_shows_uploaded_names_escaped_and_the_folder_only_to_staff(app, hostile: Path) -> None:
    at = app("app_pages/data.py")
    # the folder's path is operator set-up: only in "About this installation", with the password
    assert not [c for c in at.caption if str(hostile.name) in c.value]
    # a zip named with an HTML tag, its table inside a folder named like a markdown image
    entry = f"{IMAGE}/events.csv"
    zip_name = f"{HTML} {BOLD}.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(entry, (hostile / "events.csv").read_bytes())
    at.file_uploader[0].set_value([(zip_name, buffer.getvalue(), "application/zip")]).run()
    assert not at.exception
    line = t("data.diff.line", "lv", table=t("table.events", "lv"), file=md(f"{zip_name} › {entry}"),
             summary=t("data.diff.none", "lv"))
    assert line in [m.value for m in at.markdown]
    assert line.startswith("**Pasākumi** (") and r"\<img src\=x" in line and r"\!\[x\]" in line
    assert_inert(at)


def test_no_data_page_error_shows_the_folder_escaped(app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / f"{HTML} {BOLD}" / "data"
    shutil.copytree(PROJECT_DIR / "data", folder, ignore=shutil.ignore_patterns("*.md"))
    (folder / "events.csv").write_bytes(b"event_id;title\nE1;x\n")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = app()
    assert at.error[0].value == t("app.cannot_load", "lv", folder=md(folder))
    assert_inert(at)
