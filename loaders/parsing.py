"""Typing a table of text cells by the contract: numbers, dates, enums.

All conversions are vectorised and use explicit formats only (ISO ``2019-03-18`` or Latvian
``18.03.2019``; never a guessing parser). A cell that cannot be converted becomes missing *and*
a problem naming its row and column, so nothing turns into NaT or NaN silently.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.contract import GENDER_SYNONYMS, ColumnSpec, Kind, TableSpec
from loaders.problems import MAX_ROWS_PER_RULE, Problem, error

_SPACES = r"[\s\u00a0\u202f]"
_INT = r"[+-]?\d+(?:[.,]0+)?"
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_LV_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
_LV_DATE_SHORT_YEAR = r"\d{1,2}\.\d{1,2}\.\d{2}"
#: a midnight time that Excel may append to a date cell
_MIDNIGHT = r"(?:[ T]0{1,2}:00(?::00)?)?"
_PLAUSIBLE_YEARS = (1900, 2100)


def parse_table(frame: pd.DataFrame, spec: TableSpec, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Return the typed frame (same index) and the conversion problems.

    ``frame`` holds trimmed strings with ``""`` for empty cells; only the contract's columns
    are converted. Columns missing from ``frame`` are added as all-missing.
    """
    problems: list[Problem] = []
    typed: dict[str, pd.Series] = {}
    for column in spec.columns:
        if column.name in frame.columns:
            values, bad = _convert(frame[column.name], column)
            listed = bad.groupby(bad, sort=False).head(MAX_ROWS_PER_RULE) if len(bad) > MAX_ROWS_PER_RULE else bad
            for row, rule in listed.items():
                problems.append(
                    error(spec.name, rule, row=int(row), column=column.name,
                          value=frame.at[row, column.name], file=file)
                )
        else:
            values = pd.Series(index=frame.index, dtype=_empty_dtype(column))
        if column.name in frame.columns and len(bad) > len(listed):
            for rule, count in bad.value_counts().items():
                if count > MAX_ROWS_PER_RULE:
                    problems.append(error(spec.name, "more_rows", column=column.name, file=file,
                                          params={"count": int(count) - MAX_ROWS_PER_RULE, "rule": rule}))
        typed[column.name] = values
    return pd.DataFrame(typed, index=frame.index), problems


def _empty_dtype(column: ColumnSpec) -> str:
    return {
        Kind.INT: "Int64",
        Kind.DECIMAL: "float64",
        Kind.DATE: "datetime64[us]",
    }.get(column.kind, "str")


def _convert(text: pd.Series, column: ColumnSpec) -> tuple[pd.Series, pd.Series]:
    """Convert one column; return the values and a Series ``row -> rule`` of failures."""
    if column.kind is Kind.INT:
        return _to_int(text)
    if column.kind is Kind.DECIMAL:
        return _to_decimal(text)
    if column.kind is Kind.DATE:
        return _to_date(text)
    if column.kind is Kind.ENUM:
        return _to_enum(text, column), _no_failures(text)
    return text.mask(text.eq("")), _no_failures(text)


def _no_failures(text: pd.Series) -> pd.Series:
    return pd.Series(dtype="str", index=text.index[:0])


def _arrow_cast(text: pd.Series, arrow_type: pa.DataType, dtype: str) -> pd.Series:
    """Cast strings already known to be well-formed (others missing) in one C++ pass."""
    cast = pc.cast(pa.array(text, type=pa.large_string(), from_pandas=True), arrow_type)
    return pd.Series(pd.arrays.ArrowExtensionArray(cast), index=text.index).astype(dtype)


def _quick_then_careful(
    text: pd.Series,
    quick: list[tuple[str, Callable[[pd.Series], pd.Series]]],
    careful: Callable[[pd.Series], tuple[pd.Series, pd.Series]],
) -> tuple[pd.Series, pd.Series]:
    """Convert the common, unambiguous spellings (``quick``: pattern → converter) vectorised over
    the whole column; only the cells left over (rare: spaces, ``+``, typos) take ``careful``.
    Quick patterns use ``[0-9]``, not ``\\d``, so that pandas runs them in pyarrow's RE2."""
    values: pd.Series | None = None
    for pattern, convert in quick:
        matched = text.str.fullmatch(pattern)
        if matched.any():
            converted = convert(text.where(matched))
            values = converted if values is None else values.fillna(converted)
    rest = text.ne("") if values is None else text.ne("") & values.isna()
    if values is None or rest.any():
        careful_values, failures = careful(text[rest] if values is not None else text)
        if values is None:
            return careful_values, failures
        values = values.copy()
        values[rest] = careful_values
        return values, failures
    return values, _no_failures(text)


def _to_int(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    return _quick_then_careful(
        text, [(r"-?[0-9]{1,18}", lambda s: _arrow_cast(s, pa.int64(), "Int64"))], _to_int_careful
    )


def _to_int_careful(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    cleaned = text.str.replace(_SPACES, "", regex=True)
    empty = cleaned.eq("")
    # more than 18 digits does not fit Int64 (and is no count or year): not a whole number we accept
    valid = cleaned.str.fullmatch(_INT) & cleaned.str.count(r"\d").le(18)
    digits = cleaned.where(valid).str.replace(r"[.,]0+$", "", regex=True)
    values = pd.to_numeric(digits, errors="coerce").astype("Int64")
    failed = ~empty & ~valid
    return values, pd.Series("type_int", index=text.index[failed])


def _to_decimal(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    def convert(well_formed: pd.Series) -> pd.Series:
        return _arrow_cast(well_formed.str.replace(",", ".", regex=False), pa.float64(), "float64")

    return _quick_then_careful(text, [(r"-?[0-9]+(?:[.,][0-9]+)?", convert)], _to_decimal_careful)


def _to_decimal_careful(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    cleaned = text.str.replace(_SPACES, "", regex=True)
    # A decimal comma (Latvian Excel) when the value has no point.
    cleaned = cleaned.where(cleaned.str.contains(".", regex=False), cleaned.str.replace(",", ".", regex=False))
    empty = cleaned.eq("")
    valid = cleaned.str.fullmatch(_DECIMAL)
    values = pd.to_numeric(cleaned.where(valid), errors="coerce").astype("float64")
    failed = ~empty & ~valid
    return values, pd.Series("type_decimal", index=text.index[failed])


def _to_date(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    def parse(date_format: str) -> Callable[[pd.Series], pd.Series]:
        return lambda s: pd.to_datetime(s, format=date_format, errors="coerce").astype("datetime64[us]")

    # years 1900–2099 only: anything else is checked (and reported) by the careful path
    quick = [
        (r"[0-9]{1,2}\.[0-9]{1,2}\.(?:19|20)[0-9]{2}", parse("%d.%m.%Y")),
        (r"(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}", parse("%Y-%m-%d")),
    ]
    return _quick_then_careful(text, quick, _to_date_careful)


def _to_date_careful(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    empty = text.eq("")
    iso = text.str.fullmatch(_ISO_DATE + _MIDNIGHT)
    latvian = text.str.fullmatch(_LV_DATE + _MIDNIGHT)
    core = text.str.slice(0, 10).str.strip()
    from_iso = pd.to_datetime(core.where(iso), format="%Y-%m-%d", errors="coerce")
    from_latvian = pd.to_datetime(core.where(latvian), format="%d.%m.%Y", errors="coerce")
    values = from_iso.where(iso, from_latvian).astype("datetime64[us]")
    year = values.dt.year
    implausible = values.notna() & ((year < _PLAUSIBLE_YEARS[0]) | (year > _PLAUSIBLE_YEARS[1]))
    values = values.mask(implausible)

    failures = pd.Series("date_format", index=text.index, dtype="str")
    failures = failures.mask(text.str.fullmatch(_LV_DATE_SHORT_YEAR), "date_two_digit_year")
    failures = failures.mask((iso | latvian) & values.isna(), "date_invalid")
    failures = failures.mask(implausible, "date_implausible")
    failed = ~empty & values.isna()
    return values, failures[failed]


def _to_enum(text: pd.Series, column: ColumnSpec) -> pd.Series:
    codes = text.str.lower()
    if column.values == ("female", "male", "other", "unknown"):
        codes = codes.replace(GENDER_SYNONYMS)
    if column.default is not None:
        return codes.mask(codes.eq(""), column.default)
    return codes.mask(codes.eq(""))
