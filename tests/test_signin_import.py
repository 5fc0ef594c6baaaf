"""The sign-in import without the page: reading a list, its columns, its people, ids and counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from loaders.signin import read_signin_file, read_signin_paste
from storage.pseudonyms import KeyChain
from storage.signin import (
    ColumnMap,
    attendance_after,
    guess_columns,
    known_ids,
    near_duplicates,
    people_of,
    pseudonymise,
    remember_columns,
    remembered_columns,
)
from tests.helpers import xlsx_bytes

TODAY = dt.date(2026, 12, 1)
CHAIN = KeyChain.parse("unit-tests-key-0123456789abcdefghij")


def test_the_printed_sheet_s_header_is_found_below_the_event_details() -> None:
    text = ("Biedrība “Pierīgas partnerība”;;;\r\nDalībnieku reģistrācijas lapa;;;\r\n;;;\r\n"
            "Nr.;Vārds, uzvārds;Dzimums (S / V / cits);Dzimšanas gads;Dzīvesvietas pašvaldība;Piekrītu (paraksts)\r\n"
            "1;Anna Bērziņa;S;1990;Ogres novads;\r\n2;;;;;\r\n3;Jānis Ozoliņš;V;;;\r\n")
    listed = read_signin_file("lapa.csv", text.encode("cp1257"))
    assert listed.ok and listed.header_row == 4
    assert [row for row, _ in listed.rows] == [5, 6, 7]
    columns = guess_columns(listed.header)
    assert columns == ColumnMap(name=1, gender=2, birth_year=3, municipality=4)
    people, problems = people_of(listed, columns, TODAY)
    assert [p.row for p in people] == [5, 7]  # row 6 holds only its printed number: not a person
    assert (people[0].gender, people[0].birth_year, people[0].municipality) == ("female", 1990, "Ogres novads")
    assert not problems


def test_first_name_and_surname_columns_and_english_headers() -> None:
    assert guess_columns(["Vārds", "Uzvārds", "Dzimums"]) == ColumnMap(first_name=0, surname=1, gender=2)
    assert guess_columns(["No.", "Name and surname", "Gender (F / M / other)", "Year of birth",
                          "Home municipality"]) == ColumnMap(name=1, gender=2, birth_year=3, municipality=4)


def test_pasted_cells_from_excel_are_split_at_tabs() -> None:
    listed = read_signin_paste("Vārds, uzvārds\tDzimums\nAnna Bērziņa\tS\n\nJānis Ozoliņš\tv\n")
    assert listed.header == ("Vārds, uzvārds", "Dzimums")
    assert [cells for _, cells in listed.rows] == [("Anna Bērziņa", "S"), ("Jānis Ozoliņš", "v")]
    assert [row for row, _ in listed.rows] == [2, 4]


def test_an_excel_list_is_read_in_memory() -> None:
    data = xlsx_bytes("saraksts", [{"Vārds": "Anna", "Uzvārds": "Bērziņa", "Gads": 1990}])
    listed = read_signin_file("saraksts.xlsx", data)
    assert listed.rows == [(2, ("Anna", "Bērziņa", "1990"))]


@pytest.mark.parametrize(("name", "data", "rule"), [
    ("tukss.csv", b"", "file_empty"),
    ("bojats.xlsx", b"PK\x03\x04 not a workbook", "archive_invalid"),
    ("utf16.csv", "Vārds\n".encode("utf-16"), "encoding_utf16"),
    ("tikai_virsraksts.csv", "Vārds, uzvārds;Dzimums\r\n".encode(), "signin_no_rows"),
])
def test_a_list_that_cannot_be_read_is_a_problem_not_a_crash(name: str, data: bytes, rule: str) -> None:
    listed = read_signin_file(name, data)
    assert not listed.ok and [p.rule for p in listed.problems] == [rule]


def test_details_that_cannot_be_read_are_warnings_at_their_row() -> None:
    listed = read_signin_paste("Vārds\tDzimums\tGads\tPašvaldība\n"
                               "Anna\tsieviete\t1990.\tOgre\nJānis\t?\t85\tAtlantīda\n")
    people, problems = people_of(listed, guess_columns(listed.header), TODAY)
    assert [(p.gender, p.birth_year, p.municipality) for p in people] == [
        ("female", 1990, "Ogres novads"), ("unknown", None, None)]
    assert [(p.rule, p.row, p.column, p.severity) for p in problems] == [
        ("signin_municipality_read_as", 2, "home_municipality", "warning"),
        ("signin_gender", 3, "gender", "warning"),
        ("signin_birth_year", 3, "birth_year", "warning"),
        ("signin_municipality", 3, "home_municipality", "warning"),
    ]


def test_near_duplicates_are_grouped_by_the_id_they_would_get() -> None:
    listed = read_signin_paste("Vārds, uzvārds\nAnna Bērziņa\nANNA  BERZINA\nJānis Ozoliņš\nanna-bērziņa\n")
    people, _ = people_of(listed, guess_columns(listed.header), TODAY)
    groups = near_duplicates(people)
    assert [g.rows for g in groups] == [(2, 3, 5)]
    assert not groups[0].exact_repeat


def test_ids_counts_and_namesakes() -> None:
    listed = read_signin_paste("Vārds, uzvārds\tDzimums\tGads\nAnna Bērziņa\tS\t\nanna berzina\t\t1990\n"
                               "Jānis Ozoliņš\tV\t\nJānis Ozoliņš\tV\t1960\n\tS\t2001\n")
    people, _ = people_of(listed, guess_columns(listed.header), TODAY)
    anna, janis = CHAIN.pseudonym("Anna Bērziņa"), CHAIN.pseudonym("Jānis Ozoliņš")
    imported = pseudonymise("E1", people, CHAIN, known_people={janis}, resident_ids={janis}, namesakes={4})
    rows = imported.rows
    # Anna's two rows are one person with the details of both; the two Jānis are namesakes; one anonymous row
    assert rows["person_id"].tolist() == [anna, janis, CHAIN.pseudonym("Jānis Ozoliņš #2"), None]
    assert rows.loc[0, ["gender", "birth_year"]].tolist() == ["female", 1990]
    assert (imported.people, imported.new, imported.residents, imported.anonymous, imported.merged) == (4, 2, 1, 1, 1)


def test_the_list_replaces_or_adds_to_the_event_s_rows() -> None:
    current = pd.DataFrame({"event_id": ["E1", "E1", "E2"], "person_id": ["P-AAAAAA", None, "P-BBBBBB"],
                            "gender": [None, "male", None], "birth_year": [None, None, None],
                            "home_municipality": [None, None, None], "role": [None, None, "speaker"]})
    listed = read_signin_paste("Vārds\nAnna Bērziņa\n")
    people, _ = people_of(listed, ColumnMap(name=0), TODAY)
    imported = pseudonymise("E1", people, CHAIN, known_ids(current, pd.DataFrame({"resident_id": []}), "E1"), set())
    replaced, _ = attendance_after(current, imported, replace=True)
    assert replaced["event_id"].tolist() == ["E2", "E1"]
    added, skipped = attendance_after(current, imported, replace=False)
    assert added["event_id"].tolist() == ["E1", "E1", "E2", "E1"] and skipped == 0
    again, skipped = attendance_after(added, imported, replace=False)
    assert len(again) == 4 and skipped == 1


def test_columns_are_remembered_per_header_layout_without_any_name(tmp_path: Path) -> None:
    header = ("Nr.", "Vārds", "Uzvārds", "Dzimums")
    assert remembered_columns(tmp_path, header) is None
    chosen = ColumnMap(first_name=2, surname=1, gender=3)  # this partnership's sheets have the columns swapped
    remember_columns(tmp_path, header, chosen, TODAY)
    assert remembered_columns(tmp_path, header) == chosen
    assert remembered_columns(tmp_path, ("Vārds", "Uzvārds")) is None  # another layout
    stored = (tmp_path / "signin_columns.json").read_text("utf-8")
    assert "Vārds" not in stored and '"surname": 1' in stored  # a hash of the header, positions


def test_a_damaged_layouts_file_counts_as_none(tmp_path: Path) -> None:
    (tmp_path / "signin_columns.json").write_text("{not json", "utf-8")
    assert remembered_columns(tmp_path, ("Vārds",)) is None
    (tmp_path / "signin_columns.json").write_text('{"layouts": {"x": {"columns": {"name": 99}}}}', "utf-8")
    assert remembered_columns(tmp_path, ("Vārds",)) is None
