"""How the loader reports problems: once, where they arise (not repeated as consequences), and for a
file with thousands of bad cells the first 1000 per rule and how many more."""

from pathlib import Path

from loaders import load_dataset
from loaders.problems import MAX_ROWS_PER_RULE
from tests.helpers import valid_tables, write_folder


def test_thousands_of_bad_dates_are_summed_up(tmp_path: Path) -> None:
    tables = valid_tables()
    template = tables["residents"][0]
    tables["residents"] = [
        {**template, "resident_id": f"R{i:05d}", "joined_on": "31.02.2019", "gender": "x"} for i in range(2500)
    ]
    result = load_dataset(write_folder(tmp_path, tables))
    dates = [p for p in result.problems if p.table == "residents" and p.rule == "date_invalid"]
    genders = [p for p in result.problems if p.table == "residents" and p.rule == "enum"]
    more = {p.params["rule"]: p for p in result.problems if p.rule == "more_rows"}
    assert len(dates) == len(genders) == MAX_ROWS_PER_RULE
    assert more["date_invalid"].params["count"] == 2500 - MAX_ROWS_PER_RULE
    assert more["enum"].params["count"] == 2500 - MAX_ROWS_PER_RULE
    assert "1500" in more["enum"].message("lv") and "gender" in more["enum"].message("en")
    assert dates[0].row == 2 and result.problems.index(more["date_invalid"]) > result.problems.index(dates[-1])


def test_text_coordinate_is_reported_once(tmp_path: Path) -> None:
    tables = valid_tables()
    stop = tables["event_stops"][0]
    stop.update({"space_id": "", "place_name": "Kalnciems", "latitude": "abc", "longitude": "23.5"})
    result = load_dataset(write_folder(tmp_path, tables))
    on_row = [(p.column, p.rule) for p in result.problems if p.table == "event_stops" and p.row == 2]
    assert on_row == [("latitude", "type_decimal")]


def test_unreadable_projects_file_does_not_turn_every_project_code_into_an_error(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, raw={"projects.xlsx": b"PK\x03\x04 not really a workbook"})
    (folder / "projects.csv").unlink(missing_ok=True)
    result = load_dataset(folder)
    rules = {(p.table, p.rule) for p in result.errors}
    assert ("projects", "archive_invalid") in rules
    assert ("events", "foreign_key") not in rules
