"""loaders.parsing: the quick arrow paths give what the careful rules give, cell by cell."""

import pandas as pd
import pytest

from loaders.contract import TABLES
from loaders.parsing import parse_table

RESIDENTS = TABLES["residents"]


def parse(column: str, cells: list[str]) -> tuple[list, dict[int, str]]:
    rows = pd.RangeIndex(2, 2 + len(cells), name="row")  # spreadsheet rows, as the reader numbers them
    frame = pd.DataFrame({column: pd.Series(cells, dtype="str", index=rows)})
    typed, log = parse_table(frame, RESIDENTS, "residents.csv")
    problems = log.finish()
    return typed[column].tolist(), {p.row: p.rule for p in problems}


@pytest.mark.parametrize(
    ("cell", "expected", "rule"),
    [
        ("18.03.2019", "2019-03-18", None),
        ("1.3.2019", "2019-03-01", None),
        ("2019-03-18", "2019-03-18", None),
        ("29.02.2020", "2020-02-29", None),  # a leap day
        ("29.02.2019", None, "date_invalid"),  # not one: arrow's strptime would give 1 March
        ("31.04.2019", None, "date_invalid"),
        ("2019-02-30", None, "date_invalid"),
        ("18.03.19", None, "date_two_digit_year"),
        ("18.03.1850", None, "date_implausible"),
        ("18.03.2019.", None, "date_format"),
        ("18. marts", None, "date_format"),
    ],
)
def test_dates(cell: str, expected: str | None, rule: str | None) -> None:
    values, rules = parse("joined_on", [cell, "01.01.2020"])  # the second cell keeps the quick path in use
    assert values[0] == pd.Timestamp(expected) if expected else pd.isna(values[0])
    assert values[1] == pd.Timestamp("2020-01-01")
    assert rules == ({2: rule} if rule else {})


@pytest.mark.parametrize(
    ("cell", "expected", "rule"),
    [
        ("1984", 1984, None),
        ("+1984", 1984, None),  # careful path
        ("1 984", 1984, None),
        ("1984,0", 1984, None),
        ("-5", -5, None),
        ("1984.5", None, "type_int"),
        ("1234567890123456789", None, "type_int"),  # 19 digits: more than Int64 holds
        ("MCMLXXXIV", None, "type_int"),
    ],
)
def test_whole_numbers(cell: str, expected: int | None, rule: str | None) -> None:
    values, rules = parse("birth_year", [cell, "1990", ""])
    assert values[0] == expected if expected is not None else pd.isna(values[0])
    assert values[1] == 1990 and pd.isna(values[2])
    assert rules == ({2: rule} if rule else {})


def test_enum_codes_become_the_contracts_categories() -> None:
    values, rules = parse("gender", ["Sieviete", "MALE", "", "v", "x"])
    assert values[:4] == ["female", "male", "unknown", "male"]  # an empty cell takes the default
    assert values[4] == "x" and rules == {}  # kept for the schema, which reports it
    frame = pd.DataFrame({"gender": pd.Series(["female"], dtype="str")})
    typed, _ = parse_table(frame, RESIDENTS, "residents.csv")
    assert list(typed["gender"].cat.categories) == ["female", "male", "other", "unknown"]
