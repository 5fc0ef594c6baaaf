"""Problems are reported once, where they arise, and not repeated as consequences."""

from pathlib import Path

from loaders import load_dataset
from tests.helpers import valid_tables, write_folder


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
