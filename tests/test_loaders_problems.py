"""A file with thousands of bad cells lists the first 1000 per rule and says how many more."""

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
