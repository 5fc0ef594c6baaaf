"""One pandera schema per table, built from the contract, and its failures as our problems.

The schemas run on the typed frames from :mod:`loaders.parsing` (whose index is the
spreadsheet row number), lazily, so every failure of every row is collected in one pass.
Each check carries the name of our rule, which is also the key of its translated message.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from loaders.contract import (
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    MIN_BIRTH_YEAR,
    TABLES,
    ColumnSpec,
    Kind,
    TableSpec,
)
from loaders.problems import ProblemLog

_DTYPES = {
    Kind.ID: "str",
    Kind.TEXT: "str",
    Kind.ENUM: "category",
    Kind.INT: "Int64",
    Kind.DECIMAL: "float64",
    Kind.DATE: "datetime64[us]",
}

#: pandera's own check names → our rule codes
_BUILTIN_RULES = {"not_nullable": "required", "field_uniqueness": "duplicate_id"}


def _column_checks(column: ColumnSpec) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if column.kind is Kind.ENUM:
        allowed = frozenset(column.values)
        checks.append(pa.Check(lambda s: s.isin(allowed), name="enum", ignore_na=True))
    if column.minimum is not None:
        bound = column.minimum
        checks.append(pa.Check(lambda s: s >= bound, name="minimum", ignore_na=True))
    if column.name == "latitude":
        checks.append(pa.Check(lambda s: s.between(*LATITUDE_RANGE), name="latitude_range", ignore_na=True))
    if column.name == "longitude":
        checks.append(pa.Check(lambda s: s.between(*LONGITUDE_RANGE), name="longitude_range", ignore_na=True))
    if column.name == "birth_year":
        checks.append(
            pa.Check(lambda s: s.between(MIN_BIRTH_YEAR, dt.date.today().year), name="birth_year_range", ignore_na=True)
        )
    if column.name == "website":
        checks.append(pa.Check(lambda s: s.str.match(r"(?i)https?://\S+$"), name="url_scheme", ignore_na=True))
    return checks


def _date_order_check(earlier: str, later: str) -> pa.Check:
    return pa.Check(
        lambda frame: ~(frame[later] < frame[earlier]).fillna(value=False),
        name=f"date_order:{earlier}:{later}",
    )


@cache
def schema_for(table: str) -> pa.DataFrameSchema:
    """The pandera schema of ``table`` (built once from the contract)."""
    spec = TABLES[table]
    return pa.DataFrameSchema(
        {
            column.name: pa.Column(
                _DTYPES[column.kind],
                checks=_column_checks(column),
                nullable=not column.required,
                unique=column.name == spec.id_column,
                required=True,
            )
            for column in spec.columns
        },
        checks=[_date_order_check(earlier, later) for earlier, later in spec.date_order],
        name=table,
        strict=True,
    )


def validate_table(typed: pd.DataFrame, raw: pd.DataFrame, spec: TableSpec, file: str, log: ProblemLog) -> None:
    """Validate ``typed``; add its failures to ``log``, each with the text the person typed (``raw``,
    same index), as secondary reports: a cell already reported (a date that did not parse) is not
    reported again as, say, an empty required cell. A column missing from the file is reported as
    missing, not as empty in every row.
    """
    try:
        schema_for(spec.name).validate(typed, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return
    cases = cases[cases["index"].notna()]  # schema-level failures (dtype, missing column) are reported upstream
    for (check, column), group in cases.groupby(["check", "column"], sort=False, dropna=False):
        rule, params = _rule_of(str(check), spec, str(column))
        column = str(params["later"]) if rule == "date_order" else str(column)
        if column not in raw.columns:
            continue
        rows = group["index"].astype("int64").to_numpy()
        log.cells("error", spec.name, rule, column, rows, raw[column].loc[rows].array, file=file, params=params,
                  secondary=True)


def _rule_of(check: str, spec: TableSpec, column: str) -> tuple[str, dict[str, object]]:
    """Our rule code and the message parameters for a pandera check name."""
    if check in _BUILTIN_RULES:
        return _BUILTIN_RULES[check], {}
    if check.startswith("date_order:"):
        _, earlier, later = check.split(":")
        return "date_order", {"earlier": earlier, "later": later}
    if check == "enum":
        return "enum", {"allowed": ", ".join(spec.column(column).values)}
    if check == "minimum":
        return "minimum", {"minimum": spec.column(column).minimum}
    if check == "birth_year_range":
        return check, {"low": MIN_BIRTH_YEAR, "high": dt.date.today().year}
    return check, {}
