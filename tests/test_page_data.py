"""AppTest of the Data page on a copy of the demo data: upload, check, changes, save, undo, read-only."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from i18n.formatting import fmt_int
from loaders import load_dataset
from loaders.contract import TABLES
from loaders.parsing import parse_table
from storage import hash_password, list_history, save_change, snapshot, throttle
from storage.settings import StorageSettings
from tests.helpers import xlsx_bytes
from tests.storage_helpers import FakeClock, data_files, tree
from ui.text import md

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATA_PAGE = "app_pages/data.py"
PASSWORD = "Lielvārde-2019"
ENV = "COWORKING_ADMIN_PASSWORD_HASH"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """A fresh password throttle for every test (it is the server process's), on a clock the test moves."""
    fake = FakeClock()
    monkeypatch.setattr(throttle, "STAFF_PASSWORD", throttle.PasswordThrottle(clock=fake))
    return fake


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    monkeypatch.delenv(ENV, raising=False)
    return folder


@pytest.fixture
def staff(data_dir: Path, monkeypatch: pytest.MonkeyPatch, password_hash: str) -> Path:
    monkeypatch.setenv(ENV, password_hash)
    return data_dir


def demo_events(folder: Path) -> tuple[list[str], list[list[str]]]:
    """The demo events.csv (Windows-1257, ``;``) as a header and rows of text."""
    reader = csv.reader(io.StringIO((folder / "events.csv").read_text("cp1257")), delimiter=";")
    header, *rows = list(reader)
    return header, [row for row in rows if row]


def newer_events(folder: Path) -> tuple[list[str], list[list[str]]]:
    """A newer export: 12 events added and one title corrected."""
    header, rows = demo_events(folder)
    rows[0][header.index("title")] += " (precizēts)"
    template = rows[-1]
    for i in range(1, 13):
        row = list(template)
        row[header.index("event_id")] = f"E2026-{i:03d}"
        row[header.index("title")] = f"Koprades rīts Ķekavā Nr. {i}"
        row[header.index("starts_on")] = f"{i:02d}.03.2026"
        rows.append(row)
    return header, rows


def as_xlsx(header: list[str], rows: list[list[str]]) -> bytes:
    """What Excel saves: real date and number cells, each cell typed as the loader types its column."""
    typed, log = parse_table(pd.DataFrame(rows, columns=header), TABLES["events"], "events.csv")
    assert not log.has_errors
    cells = typed[header].astype(object)
    cells = cells.where(cells.notna(), None)
    return xlsx_bytes("events", [dict(zip(header, row, strict=True)) for row in cells.itertuples(index=False)])


def as_latvian_csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode("cp1257")


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at.file_uploader[0].set_value([(name, data, mime)]).run()
    assert not at.exception
    return at


def save(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.text_input(key="data-save-password").input(password)
    at.button(key="data-save").click().run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(c.value for c in at.caption), *(e.value for e in at.error),
             *(s.value for s in at.success), *(i.value for i in at.info), *(w.value for w in at.warning)]
    return "\n".join(parts)


def button_keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_page_shows_what_is_loaded_and_the_templates(app, data_dir: Path, lang: str) -> None:
    at = app(DATA_PAGE, lang=lang)
    assert at.title[0].value == t("page.data", lang)
    status = at.dataframe[0].value
    files = status[t("data.status.col.file", lang)].tolist()
    assert files[:6] == ["spaces.csv", "residents.csv", "events.csv", "attendance.csv", "event_stops.csv",
                         "projects.csv"]
    assert len(files) == 8  # the version-2 tables too: their file, or "–" where the folder has none
    assert set(status[t("data.status.col.encoding", lang)].dropna()) == {"Windows-1257"}
    assert status[t("data.status.col.rows", lang)].tolist()[2] == "121"  # formatted as everywhere ("2 154")
    assert load_dataset(data_dir).fingerprint in texts(at)
    assert [b.label for b in at.get("download_button")] == [
        t("data.download_zip", lang), t("data.templates.csv", lang), t("data.templates.xlsx", lang)]


def test_a_newer_excel_export_shows_the_changes_and_saves_with_the_password(app, staff: Path) -> None:
    before = data_files(staff)
    at = app(DATA_PAGE, lang="en")
    upload(at, "events.xlsx", as_xlsx(*newer_events(staff)), XLSX)
    assert f"**Events** ({md('events.xlsx')}): 12 rows added, 1 changed" in texts(at)
    assert t("data.review.replaces", "en", old=md("events.csv")) in texts(at)
    assert "data-save" in button_keys(at)

    save(at, "not the password")
    assert t("data.password_wrong", "en") in [e.value for e in at.error]
    assert data_files(staff) == before

    save(at)
    assert at.success and at.success[0].value.startswith(
        f"Saved: {md('events.xlsx')} (added), {md('events.csv')} (removed). Events: 12 rows added, 1 changed. "
        "Previous version: .history/")
    assert "events.csv" not in data_files(staff) and "events.xlsx" in data_files(staff)
    (entry,) = list_history(staff)
    assert (entry.path / "events.csv").read_bytes() == before["events.csv"]
    assert at.dataframe[0].value[t("data.status.col.file", "en")].tolist()[2] == "events.xlsx"
    assert at.file_uploader[0].value in (None, [])  # a fresh uploader after the save

    at.switch_page("app_pages/overview.py").run()
    at.selectbox(key="period").set_value("all").run()
    events = {m.label: m.value for m in at.metric}[t("kpi.events", "en")]
    assert events == fmt_int(121 + 12, "en")


def test_undo_puts_the_previous_files_back(app, staff: Path) -> None:
    before = data_files(staff)
    at = app(DATA_PAGE, lang="lv")
    upload(at, "events.csv", as_latvian_csv(*newer_events(staff)))
    assert f"**Pasākumi** ({md('events.csv')}): 12 rindas pievienotas, 1 mainīta" in texts(at)
    save(at)
    assert data_files(staff) != before

    at.text_input(key="data-undo-password").input(PASSWORD)
    at.button(key="data-undo").click().run()
    assert not at.exception
    assert at.success and at.success[0].value.startswith("Atsaukta saglabāšana")
    assert data_files(staff) == before
    assert "data-undo" not in button_keys(at)


def test_a_broken_date_is_refused_with_its_row_and_nothing_changes(app, staff: Path) -> None:
    before = tree(staff)
    header, rows = newer_events(staff)
    rows[40][header.index("starts_on")] = "31.02.2026"  # spreadsheet row 42
    at = app(DATA_PAGE, lang="lv")
    upload(at, "events.csv", as_latvian_csv(header, rows))

    assert at.error and at.error[0].value == t("data.review.refused", "lv", count="1")
    problems = at.dataframe[1].value
    assert problems[t("cli.col.row", "lv")].tolist() == [42]
    assert problems[t("cli.col.column", "lv")].tolist() == ["starts_on"]
    assert problems[t("cli.col.value", "lv")].tolist() == ["31.02.2026"]
    assert "data-save" not in button_keys(at)
    assert not any(ti.key == "data-save-password" for ti in at.text_input)
    assert tree(staff) == before


def test_without_a_password_configured_the_page_is_read_only(app, data_dir: Path) -> None:
    before = tree(data_dir)
    at = app(DATA_PAGE, lang="lv")
    assert t("data.access.not_configured", "lv") in texts(at)
    upload(at, "events.csv", as_latvian_csv(*newer_events(data_dir)))
    assert "12 rindas pievienotas, 1 mainīta" in texts(at)  # checking is allowed ...
    assert t("data.review.read_only", "lv") in texts(at)  # ... saving is not
    assert not {"data-save", "data-undo"} & button_keys(at)
    assert tree(data_dir) == before


def test_an_invalid_hash_is_read_only_too(app, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, PASSWORD)  # the password itself instead of its hash
    at = app(DATA_PAGE, lang="en")
    assert t("data.access.invalid", "en") in texts(at)
    upload(at, "events.csv", as_latvian_csv(*newer_events(data_dir)))
    assert "data-save" not in button_keys(at)


def test_the_hash_can_come_from_streamlit_secrets(app, data_dir: Path, password_hash: str) -> None:
    at = app(DATA_PAGE, lang="lv", secrets={ENV: password_hash})
    upload(at, "events.csv", as_latvian_csv(*newer_events(data_dir)))
    save(at)
    assert at.success, texts(at)
    assert len(load_dataset(data_dir).dataset.events) == 133


def test_a_save_after_someone_else_saved_is_refused(app, staff: Path) -> None:
    at = app(DATA_PAGE, lang="en")
    upload(at, "events.csv", as_latvian_csv(*newer_events(staff)))
    header, rows = demo_events(staff)
    rows[1][header.index("title")] = "Changed by a colleague"
    save_change(staff, {"events.csv": as_latvian_csv(header, rows)}, (), snapshot(staff).fingerprint,
                StorageSettings())
    theirs = data_files(staff)

    save(at)
    assert [e.value for e in at.error] == [t("data.error.stale", "en")]
    assert data_files(staff) == theirs
    # the page now compares the upload with the colleague's version: their change would be undone
    assert f"**Events** ({md('events.csv')}): 12 rows added, 2 changed" in texts(at)


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_wrong_passwords_make_the_next_attempt_wait_and_refuse_even_the_right_one(app, staff: Path, clock) -> None:
    before = data_files(staff)
    at = app(DATA_PAGE, lang="en")
    upload(at, "events.csv", as_latvian_csv(*newer_events(staff)))
    for _ in range(3):  # the first three cost nothing
        assert errors(save(at, "not the password")) == [t("data.password_wrong", "en")]
    save(at, "still not it")  # the 4th: the next attempt only after 1 s
    assert errors(at) == [f"{t('data.password_wrong', 'en')} {t('data.password_wait', 'en', wait='1 s')}"]
    assert errors(at) == ["Wrong password; nothing was changed. The next password can be tried in 1 s."]

    clock.advance(0.4)
    save(at)  # the right password, too early: refused unchecked, with the time left
    assert errors(at) == [t("data.password_refused", "en", wait="1 s")]
    assert not at.success and data_files(staff) == before

    clock.advance(0.6)
    save(at)
    assert not errors(at) and at.success, texts(at)
    assert len(load_dataset(staff).dataset.events) == 133


def test_ten_wrong_passwords_lock_saving_and_undo_for_fifteen_minutes(app, staff: Path, clock) -> None:
    before = data_files(staff)
    at = app(DATA_PAGE, lang="lv")
    upload(at, "events.csv", as_latvian_csv(*newer_events(staff)))
    for seconds in (0, 0, 0, 1, 2, 4, 8, 16, 32):  # each attempt as soon as it is accepted
        save(at, "minējums")
        assert not any("netika pārbaudīta" in e for e in errors(at))
        clock.advance(seconds)
    save(at, "minējums")  # the 10th within 15 minutes
    assert errors(at) == [f"{t('data.password_wrong', 'lv')} {t('data.password_locked', 'lv', wait='15 min')}"]

    clock.advance(14 * 60 + 58.5)
    save(at)  # the right password
    assert errors(at) == [t("data.password_refused_locked", "lv", wait="2 s")]
    assert data_files(staff) == before
    clock.advance(1.5)
    save(at)
    assert at.success and not errors(at)
    assert data_files(staff) != before


def _about_values(at: AppTest) -> list[str]:
    frames = [frame.value for frame in at.dataframe if t("about.col.variable", "lv") in frame.value.columns]
    return [str(v) for frame in frames for v in frame[t("about.col.value", "lv")]]


@pytest.mark.usefixtures("clock")  # a fresh throttle: the wrong password costs no wait
def test_the_installation_box_shows_the_set_up_only_with_the_password(app, staff: Path) -> None:
    at = app(DATA_PAGE, lang="lv")
    assert str(staff) not in texts(at) and _about_values(at) == []  # nothing operator-facing for every visitor
    at.text_input(key="about-password").input("nepareizi")
    at.button(key="FormSubmitter:about-form-Rādīt iestatījumus").click().run()
    assert not at.exception and _about_values(at) == []
    assert [e.value for e in at.error] == [t("data.password_wrong", "lv")]
    at.text_input(key="about-password").input(PASSWORD)
    at.button(key="FormSubmitter:about-form-Rādīt iestatījumus").click().run()
    values = _about_values(at)
    assert str(staff) in values and "10 MB" in values and "Mārupes novads; Olaines novads" in values
    at.run()  # the next run: shown no more
    assert _about_values(at) == []


def test_without_a_password_the_installation_box_shows_nothing(app, data_dir: Path) -> None:
    at = app(DATA_PAGE, lang="en")
    assert t("about.no_password", "en") in [i.value for i in at.info]
    assert _about_values(at) == [] and str(data_dir) not in texts(at)
