"""AppTest of data entry on the Data page: the table editor, the quick forms and the sign-in import.

On a copy of the demo data, with a staff password and a pseudonym key. The sign-in tests check the
promise of the page: the same name gets one id at every event, near-duplicates are flagged, and no
byte of any name is anywhere under the data folder (its history too) or in the logs afterwards.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from loaders import load_dataset
from loaders.snapshot import snapshot_dir
from storage import hash_password, list_history, throttle
from storage.pseudonyms import KeyChain
from tests.helpers import xlsx_bytes
from tests.storage_helpers import FakeClock

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATA_PAGE = "app_pages/data.py"
PASSWORD = "Lielvārde-2019"
KEY = "tests-only-pseudonym-key-0123456789abcdef"
EDIT_TAB, SIGNIN_TAB = "entry.tab.edit", "entry.tab.signin"
#: the names of the tests' sign-in lists: none may be stored anywhere
NAMES = ("Anna Bērziņa", "Jānis Ozoliņš", "Līga Kalniņa", "Pēteris Liepiņš", "ANNA BERZINA")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(throttle, "STAFF_PASSWORD", throttle.PasswordThrottle(clock=fake))
    return fake


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    monkeypatch.setenv("COWORKING_PSEUDONYM_KEY", KEY)
    return folder


def open_tab(app, tab: str, lang: str = "lv") -> AppTest:
    at = app(DATA_PAGE, lang=lang)
    at.session_state["data-tab"] = t(tab, lang)
    at.run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(c.value for c in at.caption), *(e.value for e in at.error),
             *(s.value for s in at.success), *(i.value for i in at.info), *(w.value for w in at.warning)]
    return "\n".join(parts)


def save(at: AppTest, place: str) -> AppTest:
    at.text_input(key=f"data-{place}-save-password").input(PASSWORD)
    at.button(key=f"data-save-{place}").click().run()
    assert not at.exception
    return at


# the table editor

def edit(at: AppTest, table: str, state: dict) -> AppTest:
    at.selectbox(key="entry-editor-table").set_value(table).run()
    at.session_state[f"data-editor-grid-{table}-0"] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [],
                                                         **state}
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_an_edit_in_the_grid_shows_the_change_and_saves(app, data_dir: Path, lang: str) -> None:
    before = load_dataset(data_dir).dataset.events
    at = edit(open_tab(app, EDIT_TAB, lang), "events", {"edited_rows": {0: {"title": "Atklāšana (precizēts)"}}})
    shown = texts(at)
    assert ("1 rinda mainīta" if lang == "lv" else "1 row changed") in shown
    assert "Atklāšana (precizēts)" in at.dataframe[-1].value.to_string()  # the example of the change
    save(at, "editor")
    assert at.success and r"events\.csv" in at.success[0].value  # the file name, markdown-escaped
    after = load_dataset(data_dir).dataset.events
    assert after.loc[0, "title"] == "Atklāšana (precizēts)"
    assert after.drop(columns="title").equals(before.drop(columns="title"))
    assert list_history(data_dir)[0].files  # backed up: Undo can put it back


def test_a_bad_cell_blocks_save_and_is_named_by_its_grid_row_and_column(app) -> None:
    at = edit(open_tab(app, EDIT_TAB), "events", {"edited_rows": {4: {"starts_on": "31.02.2019"}}})
    assert at.container(key="upload-refused")  # the refusal, as for a bad upload
    problems = at.dataframe[-1].value
    assert problems[t("cli.col.row", "lv")].tolist() == [5]  # the grid numbers rows from 1: position 4 is row 5
    assert problems[t("cli.col.column", "lv")].tolist() == ["Sākums"]  # as the grid's header says
    assert not any(b.key == "data-save-editor" for b in at.button)


def test_the_grid_row_number_is_the_one_shown(app) -> None:
    """Rows numbered 1, 2, … in the grid: a problem on the fifth row says row 5."""
    at = edit(open_tab(app, EDIT_TAB), "events", {"edited_rows": {4: {"starts_on": "31.02.2019"}}})
    grid = next(df for df in at.dataframe if df.editing_mode == "dynamic")
    assert grid.value.index[4] == 5


def test_a_bad_cell_in_an_added_row_is_named_by_the_row_s_new_number(app) -> None:
    added = {"event_id": "E2026-900", "title": "Jauns", "event_type": "training", "starts_on": "31.13.2026"}
    at = edit(open_tab(app, EDIT_TAB), "events", {"added_rows": [added]})
    problems = at.dataframe[-1].value
    assert problems[t("cli.col.row", "lv")].tolist() == [122]  # after the 121 rows of the demo's events
    assert problems[t("cli.col.column", "lv")].tolist() == ["Sākums"]


def test_the_new_event_form_adds_a_checked_row(app, data_dir: Path) -> None:
    at = open_tab(app, EDIT_TAB)
    form_inputs = [ti for ti in at.text_input if ti.label == t("entry.event.title", "lv")]
    form_inputs[0].input("Koprades rīts Tīrainē")
    next(ti for ti in at.text_input if ti.label == t("entry.event.starts_on", "lv")).input("05.11.2026")
    next(b for b in at.button if b.label == t("entry.event.add", "lv")).click().run()
    assert not at.exception
    assert "1 rinda pievienota" in texts(at)
    save(at, "event")
    events = load_dataset(data_dir).dataset.events
    added = events.loc[events["title"] == "Koprades rīts Tīrainē"].iloc[0]
    assert added["event_id"] == "E2026-001" and added["starts_on"] == pd.Timestamp("2026-11-05")


# sign-in lists

def signin_csv(rows: list[tuple[str, str, str, str]]) -> bytes:
    lines = ["Nr.;Vārds, uzvārds;Dzimums (S / V / cits);Dzimšanas gads;Dzīvesvietas pašvaldība"]
    lines += [f"{i};{name};{gender};{year};{place}" for i, (name, gender, year, place) in enumerate(rows, start=1)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1257")


def import_list(at: AppTest, event_id: str, data: bytes, name: str = "saraksts.csv") -> AppTest:
    at.selectbox(key="signin-event").set_value(event_id).run()
    at.file_uploader[0].set_value([(name, data, "text/csv")]).run()
    assert not at.exception
    return at


def convert(at: AppTest) -> AppTest:
    at.text_input(key="signin-password").input(PASSWORD)
    at.button(key="signin-convert").click().run()
    assert not at.exception
    return at


FIRST = [("Anna Bērziņa", "S", "1990", "Ogres novads"), ("Jānis Ozoliņš", "V", "1985", "Ogre"),
         ("Līga Kalniņa", "s", "2001", "Rīga")]
SECOND = [("Pēteris Liepiņš", "V", "1979", "Ķekavas novads"), ("anna  bērziņa", "S", "1990", "Ogres novads")]


def unique_participants_2024(app) -> int:
    overview = app(None, period="year", year="2024")
    shown = next(m.value for m in overview.metric if m.label == t("kpi.unique_participants", "lv"))
    return int(shown.replace("\u00a0", "").replace(" ", ""))


def test_the_same_name_at_two_events_is_one_person_and_no_name_is_stored(app, data_dir: Path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    before = unique_participants_2024(app)
    at = import_list(open_tab(app, SIGNIN_TAB), "E2024-001", signin_csv(FIRST))
    assert "**3** dalībnieki" in texts(at)
    convert(at)
    assert "**3** cilvēki, **3** jauni" in texts(at)
    save(at, "signin")
    at = import_list(at, "E2024-002", signin_csv(SECOND))
    convert(at)
    assert "**2** cilvēki, **1** jauns" in texts(at)  # Anna was at the first event
    save(at, "signin")

    data = load_dataset(data_dir).dataset
    chain = KeyChain.parse(KEY)
    anna = chain.pseudonym("Anna Bērziņa")
    lists = data.attendance.loc[data.attendance["event_id"].isin(["E2024-001", "E2024-002"])]
    assert lists.loc[lists["person_id"] == anna, "event_id"].tolist() == ["E2024-001", "E2024-002"]
    assert lists["person_id"].str.fullmatch(r"P-[0-9A-Z]{6}").all()
    jānis = lists.loc[lists["person_id"] == chain.pseudonym("Jānis Ozoliņš")].iloc[0]
    assert (jānis["gender"], jānis["birth_year"], jānis["home_municipality"]) == ("male", 1985, "Ogres novads")

    assert_no_name_stored(data_dir, caplog.text)
    # the Overview: the two head counts (14 and 36) gave way to 3 people and then 2, one of them Anna again
    assert unique_participants_2024(app) == before - 14 + 3 - 36 + 1


def session_layers(at: AppTest) -> str:
    """Every layer of the session's state as text: the script's values and the widgets' (old and new)."""
    inner = at._session_state._state
    return repr((inner._old_state, inner._new_session_state, inner._new_widget_state))


def test_pasted_names_are_gone_from_the_session_once_the_ids_are_made(app) -> None:
    at = open_tab(app, SIGNIN_TAB)
    at.selectbox(key="signin-event").set_value("E2024-001").run()
    pasted = "Vārds, uzvārds\tDzimums\n" + "\n".join(f"{name}\tS" for name in NAMES[:4])
    at.text_area[0].input(pasted).run()
    assert "**4** dalībnieki" in texts(at)
    assert NAMES[0] in session_layers(at)  # the probe sees the pasted text while the list is checked
    convert(at)
    assert "**4** cilvēki, **4** jauni" in texts(at)
    state = session_layers(at)
    for name in NAMES:
        assert name not in state and name.split()[-1] not in state
    assert not at.text_area or not at.text_area[0].value  # a new, empty box


def assert_no_name_stored(folder: Path, logs: str) -> None:
    """No name, in any encoding staff files use, in any file under ``folder`` (``.history`` too), in its
    typed snapshot or in the logs."""
    needles = []
    for name in NAMES:
        for variant in {name, name.casefold(), name.upper()}:
            for encoding in ("utf-8", "cp1257", "utf-16-le"):
                needles.append(variant.encode(encoding, errors="ignore"))
        needles.append(name.split()[-1].encode("utf-8"))  # a surname alone
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(".history" in p.parts for p in files)
    assert (snapshot_dir(folder) / "manifest.json").is_file()
    files += [p for p in snapshot_dir(folder).rglob("*") if p.is_file()]  # the typed snapshot beside it too
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{needle!r} in {path.relative_to(folder)}"
    for name in NAMES:
        assert name not in logs and name.split()[-1] not in logs


def test_a_list_for_an_event_with_a_list_adds_to_it_unless_told(app) -> None:
    at = import_list(open_tab(app, SIGNIN_TAB), "E2025-019", signin_csv(FIRST))  # the demo's list: 18 rows
    assert at.radio(key="signin-replace").value is False  # adding is the default: nothing is deleted
    convert(at)
    assert "3 rindas pievienotas\n" in texts(at) + "\n"  # and none deleted
    added = next(df.value for df in at.dataframe if t("entry.col.gender", "lv") in df.value.columns)
    assert set(added[t("entry.col.gender", "lv")]) == {t("gender.female", "lv"), t("gender.male", "lv")}
    assert "female" not in added.to_string() and "person_id" not in added.columns  # no raw codes or names


def test_near_duplicates_in_one_list_are_flagged_for_staff(app) -> None:
    rows = [("Anna Bērziņa", "S", "1990", ""), ("ANNA BERZINA", "", "", "Ogres novads"), ("Jānis Ozoliņš", "V", "", ""),
            ("Jānis  Ozoliņš", "V", "", "")]
    at = import_list(open_tab(app, SIGNIN_TAB), "E2024-001", signin_csv(rows))
    assert at.container(key="signin-near-duplicates")
    groups = [r for r in at.radio if r.key.startswith("signin-near-")]
    assert [g.key for g in groups] == ["signin-near-2", "signin-near-4"]  # by the rows of the file
    assert "Rindas 2, 3" in groups[0].label and "ANNA BERZINA" in groups[0].label
    groups[1].set_value(True).run()  # the two Jānis Ozoliņš are namesakes
    convert(at)
    assert "**3** cilvēki" in texts(at)  # one Anna (her two rows merged), two Jānis
    assert "tas pats cilvēks vēlreiz: 1" in texts(at)


def test_without_a_key_the_import_is_refused(app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COWORKING_PSEUDONYM_KEY")
    at = open_tab(app, SIGNIN_TAB)
    assert at.container(key="signin-no-key")
    assert "COWORKING_PSEUDONYM_KEY" in texts(at)
    assert not at.file_uploader  # nothing to upload names into
    assert not any(b.key == "signin-convert" for b in at.button)


def test_a_short_key_is_refused_too(app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWORKING_PSEUDONYM_KEY", "short")
    at = open_tab(app, SIGNIN_TAB, "en")
    assert "too short" in texts(at)


def test_a_wrong_password_makes_no_ids(app) -> None:
    at = import_list(open_tab(app, SIGNIN_TAB), "E2024-001", signin_csv(FIRST))
    at.text_input(key="signin-password").input("wrong")
    at.button(key="signin-convert").click().run()
    assert "Nepareiza parole" in texts(at)
    assert "cilvēki" not in texts(at)


def test_an_excel_list_with_first_name_and_surname_columns(app, data_dir: Path) -> None:
    data = xlsx_bytes("saraksts", [{"Vārds": "Anna", "Uzvārds": "Bērziņa", "Dzimums": "sieviete", "Gads": 1990},
                                   {"Vārds": "Jānis", "Uzvārds": "Ozoliņš", "Dzimums": "vīrietis", "Gads": 1985}])
    at = import_list(open_tab(app, SIGNIN_TAB), "E2024-001", data, "saraksts.xlsx")
    assert at.selectbox(key=next(s.key for s in at.selectbox if s.key.endswith("-first_name"))).value == 0
    convert(at)
    save(at, "signin")
    ids = set(load_dataset(data_dir).dataset.attendance["person_id"].dropna())
    assert KeyChain.parse(KEY).pseudonym("Anna Bērziņa") in ids


def test_the_printable_sheet_is_offered_for_the_event(app) -> None:
    at = open_tab(app, SIGNIN_TAB)
    at.selectbox(key="signin-event").set_value("E2019-006").run()
    keys = {b.key for b in at.get("download_button")}
    assert {"signin-sheet-pdf", "signin-sheet-xlsx"} <= keys
