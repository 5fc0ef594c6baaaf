"""storage.editing: a table file as an editable frame and back, and the CSV reader taking off the
apostrophe the product's CSV writer puts before formula-like text."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from exports.spreadsheet_csv import spreadsheet_csv
from loaders import LoadResult, load_dataset
from loaders.contract import TABLES
from loaders.reading import read_csv_bytes
from storage.editing import EditableTable, editable_table, kept_rows, table_file_bytes, written_columns

DEMO = Path(__file__).resolve().parents[1] / "data"
V2_PROJECT_COLUMNS = ["spent_eur", "target_jobs_fte", "target_businesses", "final_payment_on"]


@pytest.fixture(scope="module")
def demo_load() -> LoadResult:
    result = load_dataset(DEMO)
    assert result.ok
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DEMO, copy)
    return copy


def _replace(folder: Path, old_name: str, new_name: str, data: bytes) -> LoadResult:
    """The folder with ``old_name`` replaced by ``new_name`` holding ``data``, loaded."""
    (folder / old_name).unlink(missing_ok=True)
    (folder / new_name).write_bytes(data)
    return load_dataset(folder)


def _save(folder: Path, editable: EditableTable, frame: pd.DataFrame, suffix: str = ".csv") -> LoadResult:
    name = Path(editable.file_name).stem + suffix
    data = table_file_bytes(editable.table, frame, name, editable.extra_columns, original=editable.original_columns)
    return _replace(folder, editable.file_name, name, data)


def _errors(result: LoadResult) -> list[dict]:
    return [p.as_dict() for p in result.errors]


# --- reading ------------------------------------------------------------------------------------


def test_editable_frame_dtypes(folder: Path) -> None:
    spaces = editable_table(folder, "spaces")
    assert (spaces.table, spaces.file_name, spaces.exists, spaces.extra_columns) == ("spaces", "spaces.csv", True, ())
    frame = spaces.frame
    assert list(frame.columns) == list(TABLES["spaces"].column_names)
    assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
    assert frame["space_id"].dtype == object and frame["space_type"].dtype == object
    assert frame["desks"].dtype == "Int64" and frame["latitude"].dtype == "float64"
    assert frame["opened_on"].dtype == object
    first = frame.iloc[0]
    assert first["space_id"] == "colabora-lielvarde" and first["opened_on"] == dt.date(2019, 3, 18)
    assert first["closed_on"] is None and first["operator"] is None and first["space_type"] == "coworking"


def test_an_empty_enum_cell_stays_empty(folder: Path) -> None:
    # residents.csv row 2 has no gender: the loader fills "unknown", the editor must not
    residents = editable_table(folder, "residents")
    assert residents.frame.loc[0, "gender"] is None
    assert residents.frame.loc[0, "occupation"] == "unknown"


def test_extra_columns_and_a_table_without_a_file(folder: Path) -> None:
    (folder / "outcomes.csv").unlink()
    missing = editable_table(folder, "outcomes")
    assert (missing.file_name, missing.exists, missing.extra_columns, len(missing.frame)) == (
        "outcomes.csv", False, (), 0)
    assert list(missing.frame.columns) == list(TABLES["outcomes"].column_names)

    text = (folder / "municipalities.csv").read_bytes().decode("cp1257").splitlines()
    text = [text[0] + ";Piezīmes ;Cits"] + [line + (";a;" if i == 0 else ";;") for i, line in enumerate(text[1:])]
    (folder / "municipalities.csv").write_bytes(("\r\n".join(text) + "\r\n").encode("utf-8-sig"))
    table = editable_table(folder, "municipalities")
    assert table.extra_columns == ("piezīmes", "cits")
    assert list(table.frame.columns)[-2:] == ["piezīmes", "cits"]
    assert table.frame.loc[0, "piezīmes"] == "a" and table.frame.loc[1, "piezīmes"] is None


def test_a_cell_that_does_not_parse_is_a_value_error(folder: Path) -> None:
    lines = (folder / "spaces.csv").read_bytes().decode("cp1257").splitlines()
    lines[1] = lines[1].replace(";14;", ";četrpadsmit;")
    (folder / "spaces.csv").write_bytes("\r\n".join(lines).encode("cp1257"))
    with pytest.raises(ValueError, match="type_int"):
        editable_table(folder, "spaces")


# --- round trips --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("table", list(TABLES))
def test_unchanged_round_trip_loads_the_same(folder: Path, demo_load: LoadResult, table: str, suffix: str) -> None:
    editable = editable_table(folder, table)
    assert editable.exists
    result = _save(folder, editable, editable.frame, suffix)
    assert result.ok, _errors(result)
    assert set(result.files) == set(demo_load.files)
    for name in TABLES:
        pd.testing.assert_frame_equal(result.dataset.table(name), demo_load.dataset.table(name))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_edit_shows_exactly_that_change(folder: Path, demo_load: LoadResult, suffix: str) -> None:
    events = editable_table(folder, "events")
    frame = events.frame.copy()
    frame.loc[0, "title"] = "Jauns nosaukums"
    gone = frame.index[frame["event_id"] == "E2019-007"][0]  # no attendance or stop refers to it
    frame = frame.drop(index=gone)
    added = {name: None for name in frame.columns} | {
        "event_id": "E2099-001", "title": "Darbnīca Ķekavā", "event_type": "workshop",
        "starts_on": dt.date(2024, 5, 6), "participants": 12}
    frame = pd.concat([frame, pd.DataFrame([added])], ignore_index=True)

    result = _save(folder, events, frame, suffix)
    assert result.ok, _errors(result)
    before, after = demo_load.dataset.events, result.dataset.events
    expected = before.drop(index=gone).reset_index(drop=True)
    expected.loc[0, "title"] = "Jauns nosaukums"
    pd.testing.assert_frame_equal(after.iloc[:-1], expected)
    last = after.iloc[-1]
    assert (last["event_id"], last["title"], last["event_type"]) == ("E2099-001", "Darbnīca Ķekavā", "workshop")
    assert last["starts_on"] == pd.Timestamp(2024, 5, 6) and last["participants"] == 12
    assert pd.isna(last["ends_on"]) and pd.isna(last["space_id"]) and pd.isna(last["latitude"])
    for name in TABLES:
        if name != "events":
            pd.testing.assert_frame_equal(result.dataset.table(name), demo_load.dataset.table(name))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_loose_values_and_an_all_empty_row(folder: Path, demo_load: LoadResult, suffix: str) -> None:
    events = editable_table(folder, "events")
    frame = events.frame.astype(object)
    frame.loc[0, "participants"] = 3.0
    frame.loc[0, "starts_on"] = pd.Timestamp("2018-09-21")
    frame.loc[1, "ends_on"] = dt.datetime(2018, 10, 25, 0, 0)
    frame.loc[0, "description"] = np.nan
    frame.loc[1, "title"] = "  Ideju darbnīca  "
    frame.loc[2, "municipality"] = "  "
    frame.loc[2, "participants"] = " 12 "
    empty = pd.DataFrame([[None, np.nan, pd.NA, pd.NaT, "", "  "] + [None] * (frame.shape[1] - 6)],
                         columns=frame.columns)
    frame = pd.concat([frame.iloc[:1], empty, frame.iloc[1:]], ignore_index=True)

    assert kept_rows(frame) == [0, *range(2, len(frame))]
    data = table_file_bytes("events", frame, "events" + suffix, events.extra_columns)
    result = _replace(folder, "events.csv", "events" + suffix, data)
    assert result.ok, _errors(result)
    after = result.dataset.events
    assert len(after) == len(demo_load.dataset.events)
    assert after.loc[0, "participants"] == 3 and after["participants"].dtype == "Int64"
    assert after.loc[0, "starts_on"] == pd.Timestamp("2018-09-21")
    assert after.loc[1, "ends_on"] == pd.Timestamp("2018-10-25")
    assert pd.isna(after.loc[0, "description"]) and pd.isna(after.loc[2, "municipality"])
    assert after.loc[1, "title"] == "Ideju darbnīca" and after.loc[2, "participants"] == 12
    if suffix == ".csv":
        lines = data.decode("utf-8-sig").split("\r\n")
        assert lines[1].split(";")[3] == "21.09.2018" and lines[1].split(";")[10] == "3"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_bad_value_is_reported_at_its_spreadsheet_row(folder: Path, suffix: str) -> None:
    events = editable_table(folder, "events")
    frame = events.frame.astype(object)
    frame = pd.concat([frame.iloc[:3], pd.DataFrame([[None] * frame.shape[1]], columns=frame.columns),
                       frame.iloc[3:]], ignore_index=True)  # an empty row at position 3, not written
    frame.loc[5, "participants"] = "abc"
    frame.loc[7, "event_type"] = "ballīte"
    kept = kept_rows(frame)
    assert 3 not in kept

    data = table_file_bytes("events", frame, "events" + suffix, events.extra_columns)
    result = _replace(folder, "events.csv", "events" + suffix, data)
    by_column = {p.column: p for p in result.errors}
    assert set(by_column) == {"participants", "event_type"}, _errors(result)
    assert by_column["participants"].row == kept.index(5) + 2 == 6
    assert by_column["participants"].rule == "type_int"
    assert by_column["event_type"].row == kept.index(7) + 2 == 8


HOSTILE = ["a;b", 'Biedrība "Pierīga"', "rinda 1\nrinda 2", '=HYPERLINK("http://x.example","klik")',
           "Ķekava, Ādaži, Ērgļi", "=1+1", "-3 dalībnieki", "@x", "+ vairāk", "''=x", "'abc", "a'=b"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_hostile_text_round_trips(folder: Path, suffix: str) -> None:
    events = editable_table(folder, "events")
    frame = events.frame.copy()
    frame.loc[: len(HOSTILE) - 1, "description"] = HOSTILE
    data = table_file_bytes("events", frame, "events" + suffix, events.extra_columns)
    result = _replace(folder, "events.csv", "events" + suffix, data)
    assert result.ok, _errors(result)
    assert result.dataset.events["description"].iloc[: len(HOSTILE)].tolist() == HOSTILE
    # and through the editor again
    assert editable_table(folder, "events").frame["description"].iloc[: len(HOSTILE)].tolist() == HOSTILE
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))["events"]
        column = [c.value for c in sheet[1]].index("description") + 1
        cell = sheet.cell(row=5, column=column)
        assert cell.value == HOSTILE[3] and cell.data_type == "s"
        assert sheet.cell(row=1, column=1).font.b
        starts = sheet.cell(row=2, column=[c.value for c in sheet[1]].index("starts_on") + 1)
        assert starts.is_date and starts.number_format == "dd.mm.yyyy"
        desks = sheet.cell(row=2, column=[c.value for c in sheet[1]].index("participants") + 1)
        assert desks.data_type == "n"


def test_a_version_1_projects_table_stays_version_1(folder: Path) -> None:
    projects = editable_table(folder, "projects")
    v1 = [c for c in projects.frame.columns if c not in V2_PROJECT_COLUMNS]
    frame = projects.frame.copy()
    for name in V2_PROJECT_COLUMNS:
        frame[name] = None
    (folder / "projects.csv").write_bytes(table_file_bytes("projects", frame, "projects.csv", original=v1))

    projects = editable_table(folder, "projects")
    assert projects.original_columns == tuple(v1)
    frame = projects.frame.copy()
    frame.loc[0, "title"] = "Cits nosaukums"
    assert written_columns("projects", frame, projects.original_columns) == v1
    for original in (projects.original_columns, None):
        data = table_file_bytes("projects", frame, "projects.csv", original=original)
        assert data.decode("utf-8-sig").split("\r\n")[0].split(";") == v1
    result = _save(folder, projects, frame)
    assert result.ok, _errors(result)
    assert result.dataset.projects.loc[0, "title"] == "Cits nosaukums"

    # a value typed into a version-2 column brings that column (only) in
    frame.loc[0, "spent_eur"] = 10.5
    assert written_columns("projects", frame, projects.original_columns) == [*v1[:11], "spent_eur"]


def test_written_columns_keeps_the_files_empty_columns_and_the_required_ones() -> None:
    frame = pd.DataFrame({"outcome_id": ["O1"], "description": [None]})
    assert written_columns("outcomes", frame, ["outcome_id", "description"], ["piezīmes"]) == [
        "outcome_id", "outcome_type", "recorded_on", "description", "piezīmes"]
    assert written_columns("outcomes", frame, []) == ["outcome_id", "outcome_type", "recorded_on"]


def test_unknown_columns_and_suffixes_are_refused(folder: Path) -> None:
    frame = editable_table(folder, "spaces").frame
    with pytest.raises(ValueError, match="columns"):
        table_file_bytes("spaces", frame.assign(other="x"), "spaces.csv")
    with pytest.raises(ValueError, match="xlsx"):
        table_file_bytes("spaces", frame, "spaces.ods")


def test_no_rows_writes_the_header_only(folder: Path) -> None:
    frame = editable_table(folder, "outcomes").frame.iloc[:0]
    data = table_file_bytes("outcomes", frame, "outcomes.csv")
    assert data == b"\xef\xbb\xbfoutcome_id;outcome_type;recorded_on\r\n"
    assert kept_rows(frame) == []


# --- the reader takes off the writer's apostrophe ------------------------------------------------


def test_csv_reader_takes_off_the_apostrophe_of_neutralised_text() -> None:
    values = ["=1+1", "-3 dalībnieki", "@x", "+ vairāk", "\tx", "''=x", "'abc", "a'=b", "'", "plain"]
    data = spreadsheet_csv(pd.DataFrame({"id": [f"r{i}" for i in range(len(values))], "text": values}), "lv")
    assert b"'=1+1" in data and b"'-3 dal" in data
    raw = read_csv_bytes(data, "events", "events.csv")
    assert raw.frame["text"].tolist() == ["=1+1", "-3 dalībnieki", "@x", "+ vairāk", "\tx", "''=x", "'abc",
                                          "a'=b", "'", "plain"]
    assert raw.frame["id"].tolist() == [f"r{i}" for i in range(len(values))]


def test_csv_reader_strips_only_one_apostrophe_before_a_formula_start() -> None:
    raw = read_csv_bytes(b"a;b\r\n'=x;'''-y\r\n'@z;'+\r\n", "events", "events.csv")
    assert raw.frame.to_dict("list") == {"a": ["=x", "@z"], "b": ["'''-y", "+"]}
