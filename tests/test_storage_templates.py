"""Templates load back as valid data; the .xlsx has drop-downs and the column descriptions; the zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from i18n import t
from loaders import load_dataset
from loaders.contract import TABLES, Kind
from storage.export import data_zip
from storage.templates import DESCRIPTION_SHEET, describe_table, template_csv, template_xlsx
from tests.helpers import write_folder


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_template_with_its_example_row_loads_without_problems(tmp_path: Path, suffix: str) -> None:
    make = template_csv if suffix == ".csv" else template_xlsx
    for table in TABLES:
        (tmp_path / f"{table}{suffix}").write_bytes(make(table))
    result = load_dataset(tmp_path)
    assert result.problems == []
    assert {name: info.rows for name, info in result.files.items()} == dict.fromkeys(TABLES, 1)


def test_the_csv_template_is_latvian_excel_style() -> None:
    data = template_csv("spaces")
    assert data.startswith(b"\xef\xbb\xbf")
    header, example, _ = data.decode("utf-8-sig").split("\r\n")
    assert header.split(";") == list(TABLES["spaces"].column_names)
    assert "18.03.2019" in example and "56,72066" in example and "CoLabora Lielvārde" in example


def test_the_xlsx_template_has_drop_downs_for_enum_columns_and_a_description_sheet() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(template_xlsx("residents")))
    assert workbook.sheetnames == ["residents", DESCRIPTION_SHEET]
    sheet = workbook["residents"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(TABLES["residents"].column_names)
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        column = header[next(iter(validation.sqref)).min_col - 1]
        lists[column] = validation.formula1.strip('"').split(",")
    enums = {c.name: list(c.values) for c in TABLES["residents"].columns if c.kind is Kind.ENUM}
    assert lists == enums

    described = list(workbook[DESCRIPTION_SHEET].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in described] == list(TABLES["residents"].column_names)
    birth_year = described[header.index("birth_year")]
    assert birth_year[4] == t("data.col.residents.birth_year", "lv")
    assert birth_year[5] == t("data.col.residents.birth_year", "en")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_column_is_described_in_both_languages(lang: str) -> None:
    for table, spec in TABLES.items():
        frame = describe_table(table, lang)
        assert list(frame["column"]) == list(spec.column_names)
        assert not frame["description"].str.startswith("data.col.").any()


def test_the_data_zip_holds_the_table_files_verbatim(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, raw={"notes.txt": "not a table"})
    (folder / ".history").mkdir()
    (folder / ".history" / "old.csv").write_text("backup")
    with zipfile.ZipFile(io.BytesIO(data_zip(folder))) as archive:
        assert sorted(archive.namelist()) == sorted(f"{table}.csv" for table in TABLES)
        assert archive.read("events.csv") == (folder / "events.csv").read_bytes()
