"""AppTest: the Reports page's monitoring section on a pinned day, its calendar file, staff marks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from metrics.monitoring import DONE_FILE, has_final_payments
from storage import hash_password, throttle
from tests.helpers import PROJECT, valid_tables, write_folder
from tests.storage_helpers import FakeClock
from ui.report_page import monitoring
from ui.report_page.monitoring import ADD_KEY, ICS_KEY, PASSWORD_KEY, REMOVE_KEY, SAVE_KEY

PAGE = "app_pages/reports.py"
TODAY = dt.date(2026, 12, 2)
PASSWORD = "Lielvārde-2019"
ENV = "COWORKING_ADMIN_PASSWORD_HASH"


@pytest.fixture(scope="module")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Today is 2 December 2026, a fresh password throttle; returns the calendar files the page made."""
    monkeypatch.setattr(monitoring, "today", lambda: TODAY)
    monkeypatch.setattr(throttle, "STAFF_PASSWORD", throttle.PasswordThrottle(clock=FakeClock()))
    made: list[bytes] = []
    original = monitoring.calendar_file

    def spy(*args, **kwargs) -> bytes:
        made.append(original(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(monitoring, "calendar_file", spy)
    monkeypatch.delenv(ENV, raising=False)
    return made


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid dataset: one project, its final payment on 15.03.2021."""
    data = write_folder(tmp_path)
    monkeypatch.setenv("COWORKING_DATA_DIR", str(data))
    return data


def section_table(at: AppTest):
    lang_columns = {t("monitoring.col.status", lang) for lang in ("lv", "en")}
    return next(frame.value for frame in at.dataframe if lang_columns & set(frame.value.columns))


def ics_button(at: AppTest):
    return next(b for b in at.get("download_button") if b.key == ICS_KEY)


@pytest.mark.usefixtures("folder")
@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_section_lists_the_five_reports_with_their_status(app, pinned: list[bytes], lang: str) -> None:
    at = app(PAGE, lang=lang)
    assert t("monitoring.title", lang) in [h.value for h in at.subheader]
    table = section_table(at)
    assert list(table.columns) == [t(f"monitoring.col.{c}", lang) for c in ("project", "number", "year", "due",
                                                                             "status")]
    assert list(table[t("monitoring.col.year", lang)]) == ["2021", "2022", "2023", "2024", "2025"]
    due = list(table[t("monitoring.col.due", lang)])
    if lang == "lv":
        assert due == ["30.03.2022", "30.03.2023", "30.03.2024", "30.03.2025", "30.03.2026"]
    assert list(table[t("monitoring.col.status", lang)]) == [t("monitoring.status.overdue", lang)] * 5
    assert table[t("monitoring.col.number", lang)].iloc[0] == t("monitoring.number", lang, number=1, reports=5)
    assert all(PROJECT in cell for cell in table[t("monitoring.col.project", lang)])
    assert ics_button(at).proto.label == t("monitoring.ics", lang)
    text = pinned[-1].decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 5 and "\r\n" in text
    assert f"UID:monitoring-{PROJECT}-1@pierigas-partneriba.lv" in text
    # without the password: no marks, said so
    assert t("monitoring.mark.read_only", lang) in [c.value for c in at.caption]


@pytest.mark.usefixtures("folder")
def test_a_business_project_from_the_settings_reports_from_year_four(app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWORKING_MONITORING_BUSINESS_PROJECTS", PROJECT)
    table = section_table(app(PAGE, lang="lv"))
    assert list(table["Par gadu"]) == ["2024", "2025"]
    assert list(table["Termiņš"]) == ["30.03.2025", "30.03.2026"]


def test_an_upcoming_and_a_due_report(app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = valid_tables()
    tables["projects"][0]["final_payment_on"] = dt.date(2025, 6, 1)  # reports due 30.03.2026 … 30.03.2030
    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_folder(tmp_path, tables)))
    monkeypatch.setattr(monitoring, "today", lambda: dt.date(2027, 1, 2))
    status = list(section_table(app(PAGE, lang="lv"))["Statuss"])
    assert status == [t(f"monitoring.status.{s}", "lv") for s in ("overdue", "due", "upcoming", "upcoming",
                                                                   "upcoming")]


def test_no_final_payment_only_an_info_line(app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = valid_tables()
    tables["projects"][0]["final_payment_on"] = None
    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_folder(tmp_path, tables)))
    at = app(PAGE, lang="lv")
    assert t("monitoring.none", "lv") in [i.value for i in at.info]
    assert not [b for b in at.get("download_button") if b.key == ICS_KEY]


def test_the_demo_data_is_never_written(app, demo, monkeypatch: pytest.MonkeyPatch, password_hash: str) -> None:
    """Even with the password, no marks in the demo folder (the repository's ``data/``)."""
    monkeypatch.setenv(ENV, password_hash)
    at = app(PAGE, lang="en")
    if has_final_payments(demo.projects):
        assert t("monitoring.mark.demo", "en") in [c.value for c in at.caption]
        assert ADD_KEY not in [m.key for m in at.multiselect]
    else:
        assert t("monitoring.none", "en") in [i.value for i in at.info]


def test_staff_mark_a_report_submitted_and_take_the_mark_back(app, folder: Path, pinned: list[bytes],
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              password_hash: str) -> None:
    monkeypatch.setenv(ENV, password_hash)
    at = app(PAGE, lang="lv")
    # a wrong password changes nothing
    at.multiselect(key=ADD_KEY).select((PROJECT, 2021))
    at.text_input(key=PASSWORD_KEY).input("nepareiza")
    at.button(key=SAVE_KEY).click().run()
    assert not at.exception
    assert not (folder / DONE_FILE).exists()
    assert any(e.value.startswith(t("data.password_wrong", "lv")) for e in at.error)
    # the right one writes the mark, and the table shows it at once
    at.multiselect(key=ADD_KEY).select((PROJECT, 2021))
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    at.button(key=SAVE_KEY).click().run()
    assert not at.exception
    assert t("monitoring.mark.saved", "lv") in [s.value for s in at.success]
    document = json.loads((folder / DONE_FILE).read_text("utf-8"))
    assert document["done"] == [{"project_code": PROJECT, "year_covered": 2021}]
    assert document["changed_on"] == "2026-12-02"
    assert list(section_table(at)["Statuss"]) == [t("monitoring.status.done", "lv")] + [
        t("monitoring.status.overdue", "lv")] * 4
    assert pinned[-1].decode().count("BEGIN:VEVENT") == 4  # the submitted one left the calendar
    assert at.session_state[PASSWORD_KEY] == ""
    # the mark taken back
    at.multiselect(key=REMOVE_KEY).select((PROJECT, 2021))
    at.text_input(key=PASSWORD_KEY).input(PASSWORD)
    at.button(key=SAVE_KEY).click().run()
    assert json.loads((folder / DONE_FILE).read_text("utf-8"))["done"] == []
    assert list(section_table(at)["Statuss"]) == [t("monitoring.status.overdue", "lv")] * 5
    # the loaders ignore the file: the data is still the same, without problems
    assert not at.exception and not at.warning
