"""Round trips: the same small dataset saved every way Latvian Excel and staff save it loads the same.

UTF-8, UTF-8 with BOM and Windows-1257; `,` and `;` (decimal comma with `;`); ISO and Latvian
dates; CRLF and LF; and `.xlsx` with real date and number cells. Every variant must give frames
identical to the plain UTF-8 CSV, report what was detected, and hold the values of
``tests/helpers.py`` with the contract's types.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from loaders import Dataset, LoadResult, load_dataset
from loaders.contract import TABLES, Kind
from tests.helpers import valid_tables, write_folder

ALL_TABLES = tuple(TABLES)

#: (id, write_folder options, encoding reported, separator reported) — same for every table
VARIANTS: list[tuple[str, dict[str, Any], str, str | None]] = [
    ("utf8_bom_semicolon_lv_dates_decimal_comma_crlf",
     {"encoding": "utf-8-sig", "sep": ";", "date_style": "lv", "decimal": ",", "newline": "\r\n"}, "UTF-8 BOM", ";"),
    ("utf8_semicolon_decimal_point_lf", {"sep": ";"}, "UTF-8", ";"),
    ("cp1257_semicolon_lv_dates_decimal_comma_crlf",
     {"encoding": "cp1257", "sep": ";", "date_style": "lv", "decimal": ",", "newline": "\r\n"}, "Windows-1257", ";"),
    ("cp1257_semicolon_iso_decimal_comma_lf",
     {"encoding": "cp1257", "sep": ";", "decimal": ","}, "Windows-1257", ";"),
    ("cp1257_comma_iso_lf", {"encoding": "cp1257"}, "Windows-1257", ","),
    ("xlsx_real_cells", {"xlsx": ALL_TABLES}, "xlsx", None),
]


def load_ok(folder: Path) -> LoadResult:
    result = load_dataset(folder)
    assert result.problems == []
    assert result.ok is True
    assert result.dataset is not None
    return result


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The plain variant: UTF-8, `,`, ISO dates, decimal point, LF."""
    result = load_ok(write_folder(tmp_path_factory.mktemp("baseline")))
    assert {info.encoding for info in result.files.values()} == {"UTF-8"}
    assert {info.separator for info in result.files.values()} == {","}
    assert result.dataset is not None
    return result.dataset


@pytest.mark.parametrize(("options", "encoding", "separator"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_every_variant_loads_identical_frames(
    tmp_path: Path, baseline: Dataset, options: dict[str, Any], encoding: str, separator: str | None
) -> None:
    result = load_ok(write_folder(tmp_path, **options))
    assert result.dataset is not None
    for table in ALL_TABLES:
        assert_frame_equal(result.dataset.table(table), baseline.table(table), check_exact=True)
        info = result.files[table]
        suffix = "xlsx" if encoding == "xlsx" else "csv"
        detected = (info.table, info.file, info.encoding, info.separator)
        assert detected == (table, f"{table}.{suffix}", encoding, separator)
        assert info.rows == len(valid_tables()[table])


def test_tables_saved_in_different_ways_in_one_folder(tmp_path: Path, baseline: Dataset) -> None:
    per_table = {
        "spaces": {"encoding": "cp1257", "sep": ";", "date_style": "lv", "decimal": ","},
        "residents": {"encoding": "utf-8-sig", "newline": "\r\n"},
        "attendance": {"sep": ";"},
        "projects": {"encoding": "cp1257", "date_style": "lv"},
        "outcomes": {"sep": ";", "decimal": ",", "date_style": "lv"},
    }
    result = load_ok(write_folder(tmp_path, per_table=per_table, xlsx={"events", "event_stops"}))
    assert result.dataset is not None
    for table in ALL_TABLES:
        assert_frame_equal(result.dataset.table(table), baseline.table(table), check_exact=True)
    detected = {name: (info.file, info.encoding, info.separator) for name, info in result.files.items()}
    assert detected == {
        "spaces": ("spaces.csv", "Windows-1257", ";"),
        "residents": ("residents.csv", "UTF-8 BOM", ","),
        "events": ("events.xlsx", "xlsx", None),
        "attendance": ("attendance.csv", "UTF-8", ";"),
        "event_stops": ("event_stops.xlsx", "xlsx", None),
        "projects": ("projects.csv", "Windows-1257", ","),
        "outcomes": ("outcomes.csv", "UTF-8", ";"),
        "municipalities": ("municipalities.csv", "UTF-8", ","),
    }


def test_xlsx_cells_really_are_dates_and_numbers(tmp_path: Path) -> None:
    """Guard for the round trip above: the workbook holds typed cells, not text."""
    folder = write_folder(tmp_path, xlsx={"spaces", "projects"})
    sheet = openpyxl.load_workbook(folder / "spaces.xlsx").active
    header = [c.value for c in sheet[1]]
    row = {name: c for name, c in zip(header, sheet[2], strict=True)}
    assert row["opened_on"].is_date
    assert isinstance(row["opened_on"].value, dt.datetime)
    assert row["latitude"].data_type == "n"
    assert row["latitude"].value == 56.72066
    assert row["desks"].data_type == "n"
    projects = openpyxl.load_workbook(folder / "projects.xlsx").active
    project = {c.value: v for c, v in zip(projects[1], projects[2], strict=True)}
    assert project["budget_eur"].value == 97144.03
    assert project["ends_on"].is_date


def test_xlsx_sheet_named_like_the_table_wins(tmp_path: Path, baseline: Dataset) -> None:
    tables = valid_tables()
    folder = write_folder(tmp_path, tables, xlsx={"spaces"})
    workbook = openpyxl.load_workbook(folder / "spaces.xlsx")
    notes = workbook.create_sheet("Instrukcija", 0)
    notes.append(["Šī lapa ir piezīmēm", "nevis dati"])
    workbook.save(folder / "spaces.xlsx")
    assert openpyxl.load_workbook(folder / "spaces.xlsx").sheetnames == ["Instrukcija", "spaces"]
    result = load_ok(folder)
    assert result.dataset is not None
    assert_frame_equal(result.dataset.spaces, baseline.spaces, check_exact=True)


def test_xlsx_with_whole_numbers_stored_as_floats(tmp_path: Path, baseline: Dataset) -> None:
    tables = valid_tables()
    for space in tables["spaces"]:
        space["desks"] = float(space["desks"])
    result = load_ok(write_folder(tmp_path, tables, xlsx={"spaces"}))
    assert result.dataset is not None
    assert result.dataset.spaces["desks"].tolist() == [14, 6]
    assert_frame_equal(result.dataset.spaces, baseline.spaces, check_exact=True)


def test_latvian_excel_export(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path, encoding="cp1257", sep=";", date_style="lv", decimal=",", newline="\r\n",
        headers={"spaces": {"space_id": "Space_ID ", "latitude": "Latitude"}},
    )
    data = (folder / "spaces.csv").read_bytes()
    assert data.startswith(b"Space_ID ;name;municipality;")
    assert b";56,72066;" in data
    assert b";18.03.2019;" in data
    assert "Lielvārde".encode("cp1257") in data
    assert b"\r\n" in data

    result = load_ok(folder)
    assert result.files["spaces"].encoding == "Windows-1257"
    assert result.files["spaces"].separator == ";"
    assert result.dataset is not None
    spaces = result.dataset.spaces
    assert list(spaces.columns) == list(TABLES["spaces"].column_names)
    first = spaces.iloc[0]
    assert first["space_id"] == "colabora-lielvarde"
    assert first["latitude"] == 56.72066
    assert first["longitude"] == 24.80743
    assert first["opened_on"] == pd.Timestamp(2019, 3, 18)
    assert first["name"] == "CoLabora Lielvārde"
    assert first["operator"] == 'SIA "Silja"'
    assert spaces.iloc[1]["name"] == "Ķekavas bibliotēka"
    assert spaces.iloc[1]["address"] == "Gaismas iela 17, Ķekava"
    assert result.dataset.projects.iloc[0]["budget_eur"] == 97144.03
    assert result.dataset.projects.iloc[0]["programme"] == "Latvijas Lauku attīstības programma 2014–2020"
    assert result.dataset.residents["left_on"].tolist()[1] == pd.Timestamp(2020, 1, 31)


def test_dtypes_follow_the_contract(baseline: Dataset) -> None:
    for table, spec in TABLES.items():
        frame = baseline.table(table)
        assert list(frame.columns) == list(spec.column_names)
        assert frame.index.tolist() == list(range(len(frame)))
        for column in spec.columns:
            dtype = frame[column.name].dtype
            where = f"{table}.{column.name}: {dtype}"
            if column.kind is Kind.DATE:
                assert pd.api.types.is_datetime64_dtype(dtype), where
            elif column.kind is Kind.INT:
                assert str(dtype) == "Int64", where
            elif column.kind is Kind.DECIMAL:
                assert str(dtype) == "float64", where
            elif column.kind is Kind.ENUM:
                assert isinstance(dtype, pd.CategoricalDtype), where
                assert list(dtype.categories) == list(column.values), where
            else:
                assert pd.api.types.is_string_dtype(dtype), where


def test_values_match_the_rows_written(baseline: Dataset) -> None:
    for table, rows in valid_tables().items():
        frame = baseline.table(table)
        assert len(frame) == len(rows)
        for i, row in enumerate(rows):
            for name, value in row.items():
                column = TABLES[table].column(name)
                loaded = frame.at[i, name]
                where = f"{table}[{i}].{name}"
                if value is None and column.default is not None:
                    assert loaded == column.default, where
                elif value is None:
                    assert pd.isna(loaded), where
                elif isinstance(value, dt.date):
                    assert loaded == pd.Timestamp(value), where
                else:
                    assert loaded == value, where


def test_empty_enum_cells_take_their_defaults(baseline: Dataset) -> None:
    assert baseline.residents["gender"].tolist() == ["female", "unknown", "male"]
    assert baseline.residents["occupation"].tolist() == ["entrepreneur", "remote_employee", "unknown"]
    assert baseline.attendance["role"].tolist() == ["speaker", "participant", "guest", "participant", "organiser"]
    assert baseline.attendance["gender"].tolist() == ["unknown", "unknown", "male", "unknown", "unknown"]
    assert baseline.spaces["space_type"].tolist() == ["coworking", "library"]
    assert baseline.events["event_type"].tolist() == ["opening", "study_visit", "training"]


def test_missing_values_stay_missing(baseline: Dataset) -> None:
    assert baseline.residents["birth_year"].isna().tolist() == [False, False, True]
    assert baseline.residents["left_on"].isna().tolist() == [True, False, True]
    assert baseline.events["participants"].isna().tolist() == [False, True, False]
    assert baseline.events["space_id"].isna().tolist() == [False, True, True]
    assert baseline.attendance["person_id"].isna().tolist() == [False, False, False, True, False]
    assert baseline.event_stops["latitude"].isna().tolist() == [True, False]
