"""Bad input: every rule of the data contract, one fault at a time, with its exact location.

Each case breaks the minimal valid folder of ``tests/helpers.py`` in one way and names the
problem it must produce: (severity, table, spreadsheet row, column, rule). The header is row 1,
so ``rows[i]`` of a table is row ``i + 2``; problems about a whole file have no row or column.
The same folder is also checked through the CLI (``python -m loaders check --json``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from loaders import LoadResult, Problem, load_dataset
from loaders import cli as cli_module
from loaders.archive import ArchiveLimits
from tests.helpers import (
    PROJECT,
    Tables,
    drop_column,
    table_text,
    valid_tables,
    write_folder,
    xlsx_bytes,
    zip_bomb,
)

PERSONAL_CODE = "120389-12345"
NEW_PERSONAL_CODE = "321234-56789"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")

Expected = tuple[str, str, int | None, str | None, str]  # severity, table, row, column, rule
Breaker = Callable[[Tables], dict[str, Any] | None]


class Case(NamedTuple):
    id: str
    brk: Breaker
    expected: Expected
    check: Callable[[LoadResult], None] | None = None


# --- breakers: each returns the extra keyword arguments for write_folder (or None) ---------


def cell(table: str, index: int, column: str, value: Any) -> Breaker:
    """Set one cell: ``rows[index]`` is spreadsheet row ``index + 2``."""

    def brk(tables: Tables) -> None:
        tables[table][index][column] = value

    return brk


def cells(*changes: tuple[str, int, str, Any]) -> Breaker:
    def brk(tables: Tables) -> None:
        for table, index, column, value in changes:
            tables[table][index][column] = value

    return brk


def drop(table: str, column: str) -> Breaker:
    def brk(tables: Tables) -> None:
        drop_column(tables[table], column)

    return brk


def add_column(table: str, column: str, value: Any) -> Breaker:
    def brk(tables: Tables) -> None:
        for row in tables[table]:
            row[column] = value

    return brk


def duplicate_row(table: str, index: int) -> Breaker:
    def brk(tables: Tables) -> None:
        tables[table].append(dict(tables[table][index]))

    return brk


def remove_table(table: str) -> Breaker:
    def brk(tables: Tables) -> None:
        del tables[table]

    return brk


def header_only(table: str) -> Breaker:
    def brk(tables: Tables) -> dict[str, Any]:
        columns = list(tables[table][0])
        tables[table] = []
        return {"columns": {table: columns}}

    return brk


def replace_file(table: str, file_name: str, content: bytes | Callable[[Tables], bytes]) -> Breaker:
    """Drop the table from the written CSVs and write ``file_name`` with ``content`` instead."""

    def brk(tables: Tables) -> dict[str, Any]:
        data = content(tables) if callable(content) else content
        del tables[table]
        return {"raw": {file_name: data}}

    return brk


def extra_file(file_name: str, content: bytes | Callable[[Tables], bytes]) -> Breaker:
    def brk(tables: Tables) -> dict[str, Any]:
        data = content(tables) if callable(content) else content
        return {"raw": {file_name: data}}

    return brk


def mixed_separator_row(tables: Tables) -> dict[str, Any]:
    """residents saved with `;`, but its second data row (spreadsheet row 3) typed with `,`."""
    lines = table_text("residents", tables.pop("residents"), sep=";").split("\n")
    lines[2] = lines[2].replace(";", ",")
    return {"raw": {"residents.csv": "\n".join(lines)}}


def header(table: str, column: str, text: str) -> Breaker:
    def brk(_: Tables) -> dict[str, Any]:
        return {"headers": {table: {column: text}}}

    return brk


def blank_line_then_fault(tables: Tables) -> dict[str, Any]:
    """A blank line at row 3 (Excel shows an empty row): the fault below it is at row 5, not 4."""
    tables["residents"][2]["birth_year"] = "daudz"
    lines = table_text("residents", tables.pop("residents")).split("\n")
    lines.insert(2, "")
    return {"raw": {"residents.csv": "\n".join(lines)}}


def duplicate_header(tables: Tables) -> dict[str, Any]:
    columns = list(tables["spaces"][0])
    return {"columns": {"spaces": [*columns, "desks"]}}


def utf16(tables: Tables) -> bytes:
    return table_text("spaces", tables["spaces"]).encode("utf-16")


def garbage(_: Tables) -> bytes:
    return random.Random(20190318).randbytes(4096)


def events_xlsx_with_fault(tables: Tables) -> dict[str, Any]:
    tables["events"][2]["participants"] = "daudz"
    return {"xlsx": {"events"}}


def spaces_twice(tables: Tables) -> dict[str, Any]:
    return {"raw": {"spaces.xlsx": xlsx_bytes("spaces", tables["spaces"])}}


# --- extra checks for some cases ---------------------------------------------------------


def _only(result: LoadResult, rule: str) -> list[Problem]:
    return [p for p in result.problems if p.rule == rule]


def check_swapped(result: LoadResult) -> None:
    assert not [p for p in result.problems if p.rule in ("latitude_range", "longitude_range")]
    (swapped,) = _only(result, "coordinates_swapped")
    assert swapped.value == "24.2326; 56.8283"


def check_near_miss(result: LoadResult) -> None:
    (problem,) = _only(result, "municipality_near_miss")
    assert problem.value == "Marupes novads"
    assert "Mārupes novads" in problem.message("lv")
    assert "Mārupes novads" in problem.message("en")


def check_masked(code: str) -> Callable[[LoadResult], None]:
    def check(result: LoadResult) -> None:
        hits = _only(result, "personal_code")
        assert hits
        for problem in result.problems:
            for text in (problem.value or "", problem.message("lv"), problem.message("en"), str(problem.params)):
                assert code not in text
                assert code.replace("-", "") not in text
        assert all(p.value and f"{code[:2]}****-*****" in p.value for p in hits)

    return check


def check_personal_code_value(expected_value: str) -> Callable[[LoadResult], None]:
    def check(result: LoadResult) -> None:
        check_masked(PERSONAL_CODE)(result)
        assert [p.value for p in _only(result, "personal_code")] == [expected_value]

    return check


def check_not_also_required(result: LoadResult) -> None:
    # a date that does not parse is reported once, not again as an empty required cell
    assert not _only(result, "required")


def check_former(result: LoadResult) -> None:
    assert result.dataset is not None
    assert result.dataset.spaces["municipality"].tolist() == ["Mārupes novads", "Ķekavas novads"]
    (problem,) = result.problems
    assert "Mārupes novads" in problem.message("lv")


def check_unknown_file(result: LoadResult) -> None:
    assert result.dataset is not None
    assert [p.file for p in result.problems] == ["notes.csv"]
    assert set(result.files) == {"spaces", "residents", "events", "attendance", "event_stops", "projects", "outcomes",
                                 "municipalities"}


def check_below(result: LoadResult) -> None:
    (problem,) = result.problems
    assert problem.value == "3"
    assert problem.params == {"listed": 4}


def check_foreign_key_without_projects(result: LoadResult) -> None:
    found = sorted((p.table, p.row) for p in _only(result, "foreign_key"))
    # both events with a project_code, and the outcome with one, and only those
    assert found == [("events", 2), ("events", 3), ("outcomes", 2)]


def check_all_rows_of_duplicate(rows: list[int]) -> Callable[[LoadResult], None]:
    def check(result: LoadResult) -> None:
        assert sorted(p.row for p in _only(result, "duplicate_id")) == rows

    return check


def check_mixed(result: LoadResult) -> None:
    (problem,) = _only(result, "row_field_count")
    assert problem.params == {"found": 1, "expected": 8, "separator": ";"}
    assert result.files["residents"].separator == ";"


# --- the matrix --------------------------------------------------------------------------

E, W = "error", "warning"

CASES: list[Case] = [
    # missing required column, one per table (a header problem: row 1)
    Case("column_missing_spaces", drop("spaces", "latitude"), (E, "spaces", 1, "latitude", "column_missing")),
    Case("column_missing_residents", drop("residents", "joined_on"),
         (E, "residents", 1, "joined_on", "column_missing")),
    Case("column_missing_events", drop("events", "event_type"), (E, "events", 1, "event_type", "column_missing")),
    Case("column_missing_attendance", drop("attendance", "event_id"),
         (E, "attendance", 1, "event_id", "column_missing")),
    Case("column_missing_event_stops", drop("event_stops", "stop_no"),
         (E, "event_stops", 1, "stop_no", "column_missing")),
    Case("column_missing_projects", drop("projects", "title"), (E, "projects", 1, "title", "column_missing")),
    # empty required cell, one per table
    Case("required_spaces_name", cell("spaces", 1, "name", None), (E, "spaces", 3, "name", "required")),
    Case("required_residents_space_id", cell("residents", 0, "space_id", None),
         (E, "residents", 2, "space_id", "required")),
    Case("required_events_starts_on", cell("events", 2, "starts_on", None),
         (E, "events", 4, "starts_on", "required")),
    Case("required_attendance_event_id", cell("attendance", 4, "event_id", None),
         (E, "attendance", 6, "event_id", "required")),
    Case("required_event_stops_stop_no", cell("event_stops", 0, "stop_no", None),
         (E, "event_stops", 2, "stop_no", "required")),
    Case("required_projects_title", cell("projects", 0, "title", None), (E, "projects", 2, "title", "required")),
    # duplicate ids (both occurrences are reported)
    Case("duplicate_space_id", cell("spaces", 1, "space_id", "colabora-lielvarde"),
         (E, "spaces", 3, "space_id", "duplicate_id"), check_all_rows_of_duplicate([2, 3])),
    Case("duplicate_resident_id", cell("residents", 2, "resident_id", "R0001"),
         (E, "residents", 4, "resident_id", "duplicate_id"), check_all_rows_of_duplicate([2, 4])),
    Case("duplicate_event_id", cell("events", 1, "event_id", "E2019-001"),
         (E, "events", 3, "event_id", "duplicate_id"), check_all_rows_of_duplicate([2, 3])),
    Case("duplicate_project_code", duplicate_row("projects", 0),
         (E, "projects", 3, "project_code", "duplicate_id"), check_all_rows_of_duplicate([2, 3])),
    # enums
    Case("enum_space_type", cell("spaces", 0, "space_type", "kafejnīca"), (E, "spaces", 2, "space_type", "enum")),
    Case("enum_event_type", cell("events", 1, "event_type", "party"), (E, "events", 3, "event_type", "enum")),
    Case("enum_gender", cell("residents", 0, "gender", "f"), (E, "residents", 2, "gender", "enum")),
    Case("enum_occupation", cell("residents", 1, "occupation", "farmer"), (E, "residents", 3, "occupation", "enum")),
    Case("enum_role", cell("attendance", 2, "role", "vip"), (E, "attendance", 4, "role", "enum")),
    # types
    Case("type_int_desks", cell("spaces", 0, "desks", "daudz"), (E, "spaces", 2, "desks", "type_int")),
    Case("type_int_huge_number", cell("residents", 0, "birth_year", "99999999999999999999"),
         (E, "residents", 2, "birth_year", "type_int")),
    Case("type_decimal_latitude", cell("spaces", 1, "latitude", "56.8a"),
         (E, "spaces", 3, "latitude", "type_decimal"), check_not_also_required),
    # dates
    Case("date_invalid_31_02", cell("spaces", 0, "opened_on", "31.02.2019"),
         (E, "spaces", 2, "opened_on", "date_invalid")),
    Case("date_two_digit_year", cell("residents", 0, "joined_on", "18.03.19"),
         (E, "residents", 2, "joined_on", "date_two_digit_year"), check_not_also_required),
    Case("date_us_format", cell("events", 0, "starts_on", "03/18/2019"),
         (E, "events", 2, "starts_on", "date_format"), check_not_also_required),
    Case("date_implausible_0019", cell("projects", 0, "starts_on", "18.03.0019"),
         (E, "projects", 2, "starts_on", "date_implausible")),
    # date order
    Case("closed_before_opened",
         cells(("spaces", 1, "opened_on", dt.date(2019, 5, 1)), ("spaces", 1, "closed_on", dt.date(2019, 4, 30))),
         (E, "spaces", 3, "closed_on", "date_order")),
    Case("left_before_joined", cell("residents", 1, "left_on", dt.date(2019, 3, 31)),
         (E, "residents", 3, "left_on", "date_order")),
    Case("ends_before_starts", cell("events", 1, "ends_on", dt.date(2019, 5, 9)),
         (E, "events", 3, "ends_on", "date_order")),
    # minimums and ranges
    Case("negative_desks", cell("spaces", 0, "desks", -1), (E, "spaces", 2, "desks", "minimum")),
    Case("stop_no_zero", cell("event_stops", 0, "stop_no", 0), (E, "event_stops", 2, "stop_no", "minimum")),
    Case("birth_year_1850", cell("residents", 0, "birth_year", 1850),
         (E, "residents", 2, "birth_year", "birth_year_range")),
    Case("website_ftp", cell("spaces", 0, "website", "ftp://x"), (E, "spaces", 2, "website", "url_scheme")),
    # coordinates
    Case("latitude_outside_latvia", cell("spaces", 0, "latitude", 59.5),
         (E, "spaces", 2, "latitude", "latitude_range")),
    Case("longitude_outside_latvia", cell("spaces", 1, "longitude", 30.1),
         (E, "spaces", 3, "longitude", "longitude_range")),
    Case("coordinates_swapped",
         cells(("spaces", 1, "latitude", 24.2326), ("spaces", 1, "longitude", 56.8283)),
         (E, "spaces", 3, "latitude", "coordinates_swapped"), check_swapped),
    Case("event_latitude_without_longitude", cell("events", 2, "longitude", None),
         (E, "events", 4, "longitude", "coordinates_incomplete")),
    # foreign keys
    Case("fk_resident_space", cell("residents", 2, "space_id", "nav-tadas-telpas"),
         (E, "residents", 4, "space_id", "foreign_key")),
    Case("fk_attendance_event", cell("attendance", 4, "event_id", "E2099-999"),
         (E, "attendance", 6, "event_id", "foreign_key")),
    Case("fk_event_project", cell("events", 2, "project_code", "99-00-X000.000-000000"),
         (E, "events", 4, "project_code", "foreign_key")),
    Case("fk_event_stop_space", cell("event_stops", 0, "space_id", "nezinama-telpa"),
         (E, "event_stops", 2, "space_id", "foreign_key")),
    Case("fk_project_table_missing", remove_table("projects"),
         (E, "events", 2, "project_code", "foreign_key"), check_foreign_key_without_projects),
    # attendance and stops
    Case("same_person_twice", cell("attendance", 1, "person_id", "R0001"),
         (E, "attendance", 3, "person_id", "attendance_duplicate")),
    Case("participants_below_attendance", cell("events", 0, "participants", 3),
         (W, "events", 2, "participants", "participants_below_attendance"), check_below),
    Case("stop_no_twice", cell("event_stops", 1, "stop_no", 1), (E, "event_stops", 3, "stop_no", "stop_duplicate")),
    Case("stop_without_place", cell("event_stops", 0, "space_id", None),
         (E, "event_stops", 2, "space_id", "stop_location_missing")),
    # municipalities
    Case("municipality_near_miss", cell("spaces", 0, "municipality", "Marupes novads"),
         (E, "spaces", 2, "municipality", "municipality_near_miss"), check_near_miss),
    Case("municipality_unknown", cell("residents", 0, "home_municipality", "Atlantīdas novads"),
         (E, "residents", 2, "home_municipality", "municipality_unknown")),
    Case("municipality_former_babite", cell("spaces", 0, "municipality", "Babītes novads"),
         (W, "spaces", 2, "municipality", "municipality_former"), check_former),
    # personal data
    Case("forbidden_column_vards", add_column("residents", "vards", "Anna"),
         (E, "residents", 1, "vards", "forbidden_column")),
    Case("forbidden_column_email", add_column("attendance", "email", "anna@example.lv"),
         (E, "attendance", 1, "email", "forbidden_column")),
    Case("personal_code_person_id", cell("attendance", 2, "person_id", PERSONAL_CODE),
         (E, "attendance", 4, "person_id", "personal_code"), check_personal_code_value("12****-*****")),
    Case("personal_code_description", cell("events", 0, "description", f"Kontaktpersona {PERSONAL_CODE}"),
         (E, "events", 2, "description", "personal_code"),
         check_personal_code_value("Kontaktpersona 12****-*****")),
    Case("personal_code_new_form", cell("attendance", 0, "person_id", NEW_PERSONAL_CODE),
         (E, "attendance", 2, "person_id", "personal_code"), check_masked(NEW_PERSONAL_CODE)),
    Case("personal_code_in_int_column", cell("residents", 1, "birth_year", PERSONAL_CODE),
         (E, "residents", 3, "birth_year", "personal_code"), check_masked(PERSONAL_CODE)),
    Case("forbidden_column_words", add_column("residents", "Vārds Uzvārds", "Anna"),
         (E, "residents", 1, "vārds_uzvārds", "forbidden_column")),
    Case("forbidden_column_decomposed", add_column("attendance", "Va\u0304rds", "Anna"),
         (E, "attendance", 1, "vārds", "forbidden_column")),
    Case("personal_code_nonbreaking_hyphen", cell("attendance", 2, "person_id", "120389\u201112345"),
         (E, "attendance", 4, "person_id", "personal_code")),
    Case("email_in_person_id", cell("attendance", 3, "person_id", "anna.ozola@example.lv"),
         (E, "attendance", 5, "person_id", "email_address")),
    Case("phone_in_description", cell("events", 0, "description", "Zvaniet 29123456"),
         (E, "events", 2, "description", "phone_number")),
    Case("personal_code_twice_on_event",
         cells(("attendance", 0, "person_id", PERSONAL_CODE), ("attendance", 1, "person_id", PERSONAL_CODE)),
         (E, "attendance", 3, "person_id", "personal_code"), check_masked(PERSONAL_CODE)),
    # files and tables
    Case("file_empty_0_bytes", replace_file("events", "events.csv", b""), (E, "events", None, None, "file_empty")),
    Case("header_only_required_table", header_only("residents"), (E, "residents", None, None, "table_empty")),
    Case("required_table_missing", remove_table("events"), (E, "events", None, None, "table_missing")),
    Case("unknown_extra_file", extra_file("notes.csv", "piezīmes\nnav\n"),
         (W, "notes", None, None, "unknown_file"), check_unknown_file),
    Case("table_file_twice", spaces_twice, (E, "spaces", None, None, "table_file_twice")),
    Case("utf16_file", replace_file("spaces", "spaces.csv", utf16), (E, "spaces", None, None, "encoding_utf16")),
    Case("binary_garbage", replace_file("spaces", "spaces.csv", garbage),
         (E, "spaces", None, None, "encoding_unknown")),
    Case("column_unknown", header("spaces", "operator", "piezīmes"), (W, "spaces", 1, "piezīmes", "column_unknown")),
    Case("mixed_separators", mixed_separator_row, (E, "residents", 3, None, "row_field_count"), check_mixed),
    Case("blank_line_keeps_row_numbers", blank_line_then_fault, (E, "residents", 5, "birth_year", "type_int")),
    Case("duplicate_header_column", duplicate_header, (E, "spaces", 1, "desks", "column_duplicate")),
    Case("zip_bomb_xlsx", replace_file("residents", "residents.xlsx", lambda _: zip_bomb()),
         (E, "residents", None, None, "archive_ratio")),
    Case("blank_first_line",
         replace_file("projects", "projects.csv", lambda tables: "\n" + table_text("projects", tables["projects"])),
         (E, "projects", None, None, "header_missing")),
    Case("corrupt_xlsx", replace_file("residents", "residents.xlsx", garbage),
         (E, "residents", None, None, "archive_invalid")),
    Case("xlsx_text_in_int_column", events_xlsx_with_fault, (E, "events", 4, "participants", "type_int")),
    # version 2: outcomes and municipalities
    Case("job_without_fte", cell("outcomes", 0, "fte", None), (E, "outcomes", 2, "fte", "fte_missing")),
    Case("job_with_zero_fte", cell("outcomes", 0, "fte", 0), (E, "outcomes", 2, "fte", "fte_missing")),
    Case("fte_on_a_business", cell("outcomes", 1, "fte", 1), (E, "outcomes", 3, "fte", "fte_not_a_job")),
    Case("fte_negative", cell("outcomes", 0, "fte", -0.5), (E, "outcomes", 2, "fte", "minimum")),
    Case("fte_not_a_number", cell("outcomes", 0, "fte", "puse"), (E, "outcomes", 2, "fte", "type_decimal")),
    Case("enum_outcome_type", cell("outcomes", 1, "outcome_type", "jobs"), (E, "outcomes", 3, "outcome_type", "enum")),
    Case("outcome_without_date", cell("outcomes", 1, "recorded_on", None),
         (E, "outcomes", 3, "recorded_on", "required")),
    Case("fk_outcome_resident", cell("outcomes", 1, "resident_id", "R9999"),
         (E, "outcomes", 3, "resident_id", "foreign_key")),
    Case("fk_outcome_space", cell("outcomes", 0, "space_id", "nezinama-telpa"),
         (E, "outcomes", 2, "space_id", "foreign_key")),
    Case("population_negative", cell("municipalities", 0, "population", -3),
         (E, "municipalities", 2, "population", "minimum")),
    Case("population_missing", cell("municipalities", 0, "population", None),
         (E, "municipalities", 2, "population", "required")),
    Case("population_unknown_municipality", cell("municipalities", 0, "municipality", "Atlantīdas novads"),
         (E, "municipalities", 2, "municipality", "municipality_unknown")),
    Case("spent_negative", cell("projects", 0, "spent_eur", -1), (E, "projects", 2, "spent_eur", "minimum")),
    Case("final_payment_not_a_date", cell("projects", 0, "final_payment_on", "drīzumā"),
         (E, "projects", 2, "final_payment_on", "date_format")),
]

assert len({case.id for case in CASES}) == len(CASES)


def build(tmp_path: Path, case: Case) -> Path:
    tables = valid_tables()
    options = case.brk(tables) or {}
    return write_folder(tmp_path, tables, **options)


def located(problem: Problem) -> Expected:
    return (problem.severity, problem.table, problem.row, problem.column, problem.rule)


def located_json(problem: dict[str, Any]) -> Expected:
    return (problem["severity"], problem["table"], problem["row"], problem["column"], problem["rule"])


def test_the_valid_folder_is_valid(tmp_path: Path) -> None:
    result = load_dataset(write_folder(tmp_path))
    assert result.problems == []
    assert result.ok is True
    assert result.dataset is not None
    # ids and dates with many digits do not trip the personal-code guard
    assert result.dataset.projects["project_code"].tolist() == [PROJECT]
    assert result.dataset.events["event_id"].tolist() == ["E2019-001", "E2019-002", "E2019-003"]


#: case id -> its load result, so the placeholder test does not load every folder again
_RESULTS: dict[str, LoadResult] = {}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = build(tmp_path, case)
    # One real load serves both: the CLI loads the folder, the spy keeps what it loaded.
    loaded: list[LoadResult] = []

    def spy(path: Path) -> LoadResult:
        loaded.append(load_dataset(path))
        return loaded[-1]

    monkeypatch.setattr(cli_module, "load_dataset", spy)
    capsys.readouterr()
    code = cli_module.main(["check", str(folder), "--json", "--lang", "en"])
    out = capsys.readouterr().out
    (result,) = loaded
    assert result.folder == folder
    _RESULTS[case.id] = result

    found = [located(p) for p in result.problems]
    assert case.expected in found
    severity = case.expected[0]
    if severity == "error":
        assert result.ok is False
        assert result.dataset is None
    else:
        assert result.ok is True, found
        assert result.dataset is not None
        assert all(p.severity == "warning" for p in result.problems)
    for problem in result.problems:
        assert problem.row is None or problem.row >= 1
        if problem.row is not None and problem.rule not in ("column_missing", "column_duplicate",
                                                            "forbidden_column", "column_unknown"):
            assert problem.row >= 2, problem  # data rows start below the header
    if case.check is not None:
        case.check(result)

    report = json.loads(out)
    assert code == (1 if severity == "error" else 0)
    assert report["ok"] is (severity != "error")
    assert case.expected in [located_json(p) for p in report["problems"]]
    assert PERSONAL_CODE not in out
    assert NEW_PERSONAL_CODE not in out


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_no_message_keeps_a_placeholder(lang: str, tmp_path: Path) -> None:
    seen_rules: set[str] = set()
    for case in CASES:
        result = _RESULTS.get(case.id) or load_dataset(build(tmp_path / case.id, case))
        for problem in result.problems:
            message = problem.message(lang)
            assert not PLACEHOLDER.search(message), (case.id, problem.rule, message)
            assert message != f"problem.{problem.rule}", (case.id, problem.rule)
            seen_rules.add(problem.rule)
    assert {case.expected[4] for case in CASES} <= seen_rules


# --- accepted input: things that look odd but follow the contract -----------------------


def test_latvian_gender_words_are_codes(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["residents"][0]["gender"] = "sieviete"
    tables["residents"][1]["gender"] = "V"
    tables["residents"][2]["gender"] = "nav norādīts"
    tables["attendance"][2]["gender"] = "Vīrietis"
    tables["attendance"][3]["gender"] = "s"
    tables["attendance"][4]["gender"] = "cits"
    tables["attendance"][1]["gender"] = "nezināms"
    result = load_dataset(write_folder(tmp_path, tables))
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.residents["gender"].tolist() == ["female", "male", "unknown"]
    assert result.dataset.attendance["gender"].tolist() == ["unknown", "unknown", "male", "female", "other"]


def test_enum_codes_are_case_insensitive(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["spaces"][0]["space_type"] = "CoWorking"
    tables["events"][1]["event_type"] = "Study_Visit"
    tables["attendance"][0]["role"] = "SPEAKER"
    result = load_dataset(write_folder(tmp_path, tables))
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.spaces["space_type"].tolist() == ["coworking", "library"]
    assert result.dataset.events["event_type"].tolist() == ["opening", "study_visit", "training"]
    assert result.dataset.attendance["role"].tolist()[0] == "speaker"


def test_header_only_optional_table_is_no_error(tmp_path: Path) -> None:
    tables = valid_tables()
    columns = list(tables["event_stops"][0])
    tables["event_stops"] = []
    result = load_dataset(write_folder(tmp_path, tables, columns={"event_stops": columns}))
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.event_stops.empty
    assert list(result.dataset.event_stops.columns) == columns
    assert result.files["event_stops"].rows == 0


def test_absent_optional_tables_are_empty_frames(tmp_path: Path) -> None:
    tables = valid_tables()
    for table in ("attendance", "event_stops", "projects", "outcomes", "municipalities"):
        del tables[table]
    for event in tables["events"]:
        event["project_code"] = None
    result = load_dataset(write_folder(tmp_path, tables))
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.projects.empty and result.dataset.outcomes.empty and result.dataset.municipalities.empty
    assert str(result.dataset.attendance["birth_year"].dtype) == "Int64"
    assert str(result.dataset.outcomes["fte"].dtype) == "float64"
    assert str(result.dataset.municipalities["population"].dtype) == "Int64"
    assert set(result.files) == {"spaces", "residents", "events"}


def test_headers_with_spaces_and_capitals(tmp_path: Path) -> None:
    headers = {
        "spaces": {"space_id": "Space_ID ", "name": " NAME", "space_type": "Space Type"},
        "residents": {"resident_id": "\tResident_Id", "joined_on": "JOINED_ON  "},
    }
    result = load_dataset(write_folder(tmp_path, headers=headers))
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.spaces["space_id"].tolist() == ["colabora-lielvarde", "kekava-library"]
    assert result.dataset.spaces["space_type"].tolist() == ["coworking", "library"]
    assert result.dataset.residents["joined_on"].iloc[0] == dt.datetime(2019, 3, 18)


def test_cp1257_file_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, per_table={"spaces": {"encoding": "cp1257", "sep": ";"}})
    data = (folder / "spaces.csv").read_bytes()
    assert "Ķ".encode("cp1257") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = load_dataset(folder)
    assert result.problems == []
    assert result.files["spaces"].encoding == "Windows-1257"
    assert result.files["spaces"].separator == ";"
    assert result.files["residents"].encoding == "UTF-8"
    assert result.dataset is not None
    assert result.dataset.spaces["name"].tolist() == ["CoLabora Lielvārde", "Ķekavas bibliotēka"]


def test_excel_blank_separator_rows_are_not_data(tmp_path: Path) -> None:
    tables = valid_tables()
    text = table_text("spaces", tables.pop("spaces"), sep=";") + ";;;;;;;;;;;;\n;;;;;;;;;;;;\n"
    result = load_dataset(write_folder(tmp_path, tables, raw={"spaces.csv": text}))
    assert result.problems == []
    assert result.files["spaces"].rows == 2


# --- one pass, archives -----------------------------------------------------------------


def test_all_problems_of_a_file_in_one_pass(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["spaces"][0]["desks"] = "daudz"
    tables["spaces"][1]["opened_on"] = "31.02.2019"
    tables["spaces"][1]["website"] = "ftp://x"
    result = load_dataset(write_folder(tmp_path, tables))
    assert [located(p) for p in result.problems] == [
        ("error", "spaces", 2, "desks", "type_int"),
        ("error", "spaces", 3, "opened_on", "date_invalid"),
        ("error", "spaces", 3, "website", "url_scheme"),
    ]
    assert [p.value for p in result.problems] == ["daudz", "31.02.2019", "ftp://x"]
    assert {p.file for p in result.problems} == {"spaces.csv"}


def test_problems_in_several_tables_in_one_pass(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["residents"][0]["gender"] = "f"
    tables["events"][2]["participants"] = -1
    tables["attendance"][4]["event_id"] = "E2099-999"
    folder = write_folder(tmp_path, tables, raw={"notes.csv": "x\n"})
    result = load_dataset(folder)
    assert [located(p) for p in result.problems] == [
        ("error", "residents", 2, "gender", "enum"),
        ("error", "events", 4, "participants", "minimum"),
        ("error", "attendance", 6, "event_id", "foreign_key"),
        ("warning", "notes", None, None, "unknown_file"),
    ]


def test_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl opened a refused archive")

    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    tables = valid_tables()
    del tables["residents"]
    bomb = zip_bomb()
    assert len(bomb) < 200_000
    result = load_dataset(write_folder(tmp_path, tables, raw={"residents.xlsx": bomb}))
    (problem,) = result.problems
    assert located(problem) == ("error", "residents", None, None, "archive_ratio")
    assert problem.file == "residents.xlsx"
    assert problem.params["ratio"] > 200
    assert "residents.xlsx" in problem.message("en")


def test_too_many_entries_with_small_limits(tmp_path: Path) -> None:
    tables = valid_tables()
    folder = write_folder(tmp_path, tables, xlsx={"projects"})
    with zipfile.ZipFile(folder / "projects.xlsx") as archive:
        entries = len(archive.infolist())
    assert load_dataset(folder).ok  # a real workbook passes the default limits

    result = load_dataset(folder, limits=ArchiveLimits(max_entries=entries - 1))
    (problem,) = [p for p in result.problems if p.table == "projects"]
    assert located(problem) == ("error", "projects", None, None, "archive_too_many_entries")
    assert problem.params == {"count": entries, "limit": entries - 1}
    assert result.dataset is None


def test_too_large_with_small_limits(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, xlsx={"spaces"})
    result = load_dataset(folder, limits=ArchiveLimits(max_uncompressed_bytes=1024))
    assert ("error", "spaces", None, None, "archive_too_large") in [located(p) for p in result.problems]
    assert result.dataset is None
