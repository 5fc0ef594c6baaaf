"""Typing a table of text cells by the contract: numbers, dates, enums.

All conversions are vectorised and use explicit formats only (ISO ``2019-03-18`` or Latvian
``18.03.2019``; never a guessing parser). A cell that cannot be converted becomes missing *and*
a problem naming its row and column, so nothing turns into NaT or NaN silently.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.contract import GENDER_SYNONYMS, ColumnSpec, Kind, TableSpec
from loaders.fast import arrow_text, keep_where
from loaders.problems import ProblemLog

_SPACES = r"[\s\u00a0\u202f]"
_INT = r"[+-]?\d+(?:[.,]0+)?"
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_LV_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
_LV_DATE_SHORT_YEAR = r"\d{1,2}\.\d{1,2}\.\d{2}"
#: a midnight time that Excel may append to a date cell
_MIDNIGHT = r"(?:[ T]0{1,2}:00(?::00)?)?"
_PLAUSIBLE_YEARS = (1900, 2100)


def parse_table(
    frame: pd.DataFrame, spec: TableSpec, file: str, log: ProblemLog | None = None
) -> tuple[pd.DataFrame, ProblemLog]:
    """Return the typed frame (same index) and ``log`` (a new one if not given) with the conversion
    problems: per column and rule, the failing rows and the text typed there.

    ``frame`` holds trimmed strings with ``""`` for empty cells; only the contract's columns
    are converted. Columns missing from ``frame`` are added as all-missing.
    """
    log = ProblemLog() if log is None else log
    typed: dict[str, pd.Series] = {}
    for column in spec.columns:
        if column.name not in frame.columns:
            typed[column.name] = pd.Series(index=frame.index, dtype=_empty_dtype(column))
            continue
        values, bad = _convert(frame[column.name], column)
        for rule, rows in bad.groupby(bad, sort=False).groups.items():
            log.cells("error", spec.name, str(rule), column.name, rows, frame[column.name].loc[rows].array, file=file)
        typed[column.name] = values
    return pd.DataFrame(typed, index=frame.index), log


def _empty_dtype(column: ColumnSpec) -> str | pd.CategoricalDtype:
    if column.kind is Kind.ENUM:
        return pd.CategoricalDtype(list(column.values))
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
    cells = arrow_text(text)
    filled = keep_where(cells, lambda chunk: pc.not_equal(chunk, ""))
    return pd.Series(filled.to_pandas().array, index=text.index), _no_failures(text)


#: picks the cells a converter can take, one chunk at a time
Selector = Callable[[pa.Array], pa.Array]
Converter = Callable[[pa.ChunkedArray], pa.ChunkedArray]


def _no_failures(text: pd.Series) -> pd.Series:
    return pd.Series(dtype="str", index=text.index[:0])


def _to_pandas(values: pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """Arrow results as the contract's pandas dtypes (``Int64`` keeps missing as ``<NA>``)."""
    if pa.types.is_integer(values.type):
        return pd.Series(values.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get).array, index=index)
    return pd.Series(values.to_numpy(), index=index)


def _quick_then_careful(
    text: pd.Series,
    quick: list[tuple[str | Selector, Converter]],
    careful: Callable[[pd.Series], tuple[pd.Series, pd.Series]],
) -> tuple[pd.Series, pd.Series]:
    """Convert the common, unambiguous spellings (``quick``: the cells a pattern or selector
    picks → an arrow converter, which returns null for a cell it cannot take) in one C++ pass
    over the whole column; only the cells left over (rare: spaces, ``+``, typos, impossible
    dates) take ``careful``. Quick patterns use ``[0-9]``, not ``\\d``, and run in pyarrow's RE2."""
    cells = arrow_text(text)
    values: pa.ChunkedArray | None = None
    for pick, convert in quick:
        test = pick if callable(pick) else functools.partial(pc.match_substring_regex, pattern=f"^(?:{pick})$")
        picked = keep_where(cells, test)
        if picked.null_count < len(picked):
            converted = convert(picked)
            values = converted if values is None else pc.coalesce(values, converted)
    if values is None:
        return careful(text)
    quick_values = _to_pandas(values, text.index)
    left_over = pc.and_(pc.not_equal(cells, ""), pc.is_null(values))
    if not pc.any(left_over).as_py():
        return quick_values, _no_failures(text)
    rest = left_over.to_numpy(zero_copy_only=False)
    careful_values, failures = careful(text[rest])
    quick_values[rest] = careful_values
    return quick_values, failures


def _to_int(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    return _quick_then_careful(
        text, [(_plain_digits, lambda cells: pc.cast(cells, pa.int64()))], _to_int_careful
    )


def _plain_digits(cells: pa.Array) -> pa.Array:
    """Cells of 1–18 ASCII digits (fits Int64); a fifth of the time of the same regex."""
    return pc.and_(pc.ascii_is_decimal(cells), pc.less_equal(pc.binary_length(cells), 18))


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
    def convert(well_formed: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.cast(pc.replace_substring(well_formed, ",", "."), pa.float64())

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
    # years 1900–2099 only: anything else is checked (and reported) by the careful path
    quick = [
        (_QUICK_LV_DATE, functools.partial(_arrow_dates, pattern=_QUICK_LV_DATE, date_format="%d.%m.%Y")),
        (_QUICK_ISO_DATE, functools.partial(_arrow_dates, pattern=_QUICK_ISO_DATE, date_format="%Y-%m-%d")),
    ]
    return _quick_then_careful(text, quick, _to_date_careful)


_QUICK_LV_DATE = r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?:19|20)[0-9]{2}"
_QUICK_ISO_DATE = r"(?:19|20)[0-9]{2}-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"


def _arrow_dates(cells: pa.ChunkedArray, pattern: str, date_format: str) -> pa.ChunkedArray:
    """Dates of well-formed cells; null for an impossible one (31.02), which arrow's ``strptime``
    would roll over into March: its day and month must be the ones written."""
    stamps = pc.strptime(cells, format=date_format, unit="us", error_is_null=True)
    written = pc.extract_regex(cells, f"^{pattern}$")
    same_day = pc.equal(pc.day(stamps), pc.cast(pc.struct_field(written, "day"), pa.int64()))
    same_month = pc.equal(pc.month(stamps), pc.cast(pc.struct_field(written, "month"), pa.int64()))
    return pc.if_else(pc.and_(same_day, same_month), stamps, pa.scalar(None, stamps.type))


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
    """Lower-cased codes as a categorical: the contract's codes first, then any other value seen
    (the schema reports those). Each distinct cell is mapped once, not each row."""
    encoded = pc.dictionary_encode(arrow_text(text)).combine_chunks()
    codes = [str(value).lower() for value in encoded.dictionary.to_pylist()]
    if column.values == ("female", "male", "other", "unknown"):
        codes = [GENDER_SYNONYMS.get(code, code) for code in codes]
    codes = [column.default if code == "" else code for code in codes]
    categories = list(column.values) + sorted({c for c in codes if c is not None and c not in column.values})
    position = {category: i for i, category in enumerate(categories)}
    lookup = np.array([position.get(code, -1) for code in codes] + [-1], dtype=np.int64)
    indices = (pc.fill_null(encoded.indices, len(codes)) if encoded.indices.null_count else encoded.indices).to_numpy()
    return pd.Series(pd.Categorical.from_codes(lookup[indices], categories=categories), index=text.index)
