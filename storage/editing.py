"""One table of a data folder as an editable frame, and an edited frame back as file bytes.

The non-UI half of the in-browser editor (``st.data_editor``; no Streamlit here):

* :func:`editable_table` reads a table file with the loaders' own reader and
  :func:`loaders.parsing.parse_table` into a frame with simple dtypes a grid can edit;
* :func:`table_file_bytes` turns the (edited) frame back into the bytes of a ``.csv`` (as Latvian
  Excel writes it, :func:`exports.spreadsheet_csv.spreadsheet_csv`) or ``.xlsx`` file, which the
  UI hands to the checked save path (:mod:`storage.staging`, :mod:`storage.save`: file name → bytes).

Writing a frame that was read without edits gives a file that loads to the same tables.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from exports.spreadsheet_csv import spreadsheet_csv
from loaders.contract import TABLES, ColumnSpec, Kind, TableSpec
from loaders.dataset import table_files
from loaders.parsing import parse_table
from loaders.reading import _INVISIBLE, FileRefused, read_table_file

#: Excel's limit on the text of one cell
_XLSX_MAX_TEXT = 32767
#: integers beyond this are not exact as an Excel number (a double): written as text
_XLSX_MAX_EXACT_INT = 2**53
_INT_TEXT = re.compile(r"[+-]?\d{1,18}")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
_ISO_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
_LV_DATE_TEXT = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
_XLSX_DATE_FORMAT = "dd.mm.yyyy"


@dataclass(frozen=True)
class EditableTable:
    """A table as the editor shows it.

    ``frame``: the contract's columns in contract order, then ``extra_columns``; row order is the
    file's, the index a fresh ``RangeIndex``. Dtypes: ids and text ``object`` (``None`` when
    empty); enum codes ``object`` str (an empty cell stays ``None``: the default is not filled in,
    so saving without edits writes the same cells); whole numbers ``Int64``; decimals ``float64``;
    dates ``datetime.date`` objects in an ``object`` column (``None`` when empty); extra columns text.
    """

    table: str
    #: the current file name in the folder (``events.csv``), or ``{table}.csv`` when there is none yet
    file_name: str
    #: whether the folder has a file for the table
    exists: bool
    frame: pd.DataFrame
    #: columns of the file that are not in the contract, in file order
    extra_columns: tuple[str, ...]
    #: the contract columns the file's header has, in file order (pass as ``original=`` to
    #: :func:`table_file_bytes`, so an empty column of the file is kept)
    original_columns: tuple[str, ...] = ()


def editable_table(folder: Path, table: str) -> EditableTable:
    """``table`` of ``folder`` as an :class:`EditableTable`.

    The folder is expected to load without errors; a file that cannot be read or a cell that
    does not parse raises :class:`ValueError` (the editor is only offered for a clean folder).
    A table without a file gives an empty frame with the contract's columns.
    """
    spec = _spec(table)
    paths = table_files(Path(folder))[0].get(table, [])
    if len(paths) > 1:
        raise ValueError(f"{table}: more than one file ({', '.join(p.name for p in paths)})")
    if not paths:
        return EditableTable(table, f"{table}.csv", exists=False, frame=_empty_frame(spec), extra_columns=())
    path = paths[0]
    try:
        raw = read_table_file(path, table)
    except FileRefused as refused:
        raise ValueError(f"{path.name}: cannot be read ({refused.problem.rule})") from refused
    errors = [p for p in raw.problems if p.severity == "error"]
    if errors:
        raise ValueError(f"{path.name}: {errors[0].rule} (row {errors[0].row})")
    typed, log = parse_table(raw.frame, spec, path.name)
    if log.has_errors:
        first = next(p for p in log.finish() if p.severity == "error")
        raise ValueError(f"{path.name}: {first.rule} at row {first.row}, column {first.column}")

    text = raw.frame.reset_index(drop=True)
    typed = typed.reset_index(drop=True)
    columns: dict[str, pd.Series] = {}
    for column in spec.columns:
        if column.name in text.columns:
            columns[column.name] = _editable_column(typed[column.name], text[column.name], column)
        else:
            columns[column.name] = _empty_column(column, len(text))
    extra = tuple(str(name) for name in text.columns if name not in spec.column_names)
    for name in extra:
        columns[name] = _text_objects(text[name])
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(text)))
    original = tuple(str(name) for name in text.columns if name in spec.column_names)
    return EditableTable(table, path.name, exists=True, frame=frame, extra_columns=extra, original_columns=original)


def _spec(table: str) -> TableSpec:
    try:
        return TABLES[table]
    except KeyError:
        raise ValueError(f"unknown table {table!r}") from None


def _empty_frame(spec: TableSpec) -> pd.DataFrame:
    return pd.DataFrame({c.name: _empty_column(c, 0) for c in spec.columns}, index=pd.RangeIndex(0))


def _empty_column(column: ColumnSpec, length: int) -> pd.Series:
    if column.kind is Kind.INT:
        return pd.Series(pd.array([pd.NA] * length, dtype="Int64"))
    if column.kind is Kind.DECIMAL:
        return pd.Series(np.full(length, np.nan, dtype="float64"))
    return pd.Series([None] * length, dtype=object)


def _text_objects(text: pd.Series) -> pd.Series:
    """Text cells as ``object`` str, ``None`` for an empty one."""
    return pd.Series([value if isinstance(value, str) and value != "" else None for value in text], dtype=object)


def _editable_column(typed: pd.Series, text: pd.Series, column: ColumnSpec) -> pd.Series:
    if column.kind is Kind.INT:
        return typed.astype("Int64").reset_index(drop=True)
    if column.kind is Kind.DECIMAL:
        return typed.astype("float64").reset_index(drop=True)
    if column.kind is Kind.DATE:
        return pd.Series([None if pd.isna(v) else pd.Timestamp(v).date() for v in typed], dtype=object)
    if column.kind is Kind.ENUM:
        # the parsed code (lower-cased, synonyms mapped), but None where the file's cell is empty
        return pd.Series([None if cell == "" or pd.isna(code) else str(code)
                          for code, cell in zip(typed.astype(object), text, strict=True)], dtype=object)
    return _text_objects(text)


# --- writing -------------------------------------------------------------------------------------


def is_empty_cell(value: object) -> bool:
    """What the editor gives for an empty cell: ``None``, ``NaN``, ``NaT``, ``pd.NA``, blank text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, str):
        return _INVISIBLE.sub("", value).strip() == ""
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64 | np.timedelta64):
        return bool(np.isnat(value))
    return False


def kept_rows(frame: pd.DataFrame) -> list[int]:
    """The positions (0-based, ``iloc``) of the rows :func:`table_file_bytes` writes, in order: every
    row with at least one non-empty cell (:func:`is_empty_cell`). Position ``kept_rows(frame)[k]``
    is spreadsheet row ``k + 2`` of the file, which is the row a loader problem names."""
    if frame.shape[1] == 0:
        return []
    filled = np.zeros(len(frame), dtype=bool)
    for i in range(frame.shape[1]):
        filled |= ~np.fromiter((is_empty_cell(v) for v in frame.iloc[:, i].astype(object)), dtype=bool,
                               count=len(frame))
    return np.flatnonzero(filled).tolist()


def written_columns(table: str, frame: pd.DataFrame, original: Sequence[str],
                    extra_columns: Sequence[str] = ()) -> list[str]:
    """The header :func:`table_file_bytes` writes: in contract order, every contract column that was
    in the original file (``original``: its header, as contract names), that now holds a value in
    ``frame``, or that is required; then ``extra_columns`` in their order. So editing a version-1
    file does not add the empty version-2 columns."""
    spec = _spec(table)
    before = set(original)
    contract = [
        column.name for column in spec.columns
        if column.required or column.name in before
        or (column.name in frame.columns and not all(is_empty_cell(v) for v in frame[column.name].astype(object)))
    ]
    return contract + [name for name in extra_columns if name not in spec.column_names]


def table_file_bytes(table: str, frame: pd.DataFrame, file_name: str, extra_columns: Sequence[str] = (),
                     *, original: Sequence[str] | None = None) -> bytes:
    """The bytes of ``file_name`` (``.csv`` or ``.xlsx``, by its suffix) holding ``frame`` as table ``table``.

    ``frame`` comes from the editor and is read loosely: ``None``, ``NaN``, ``NaT``, ``pd.NA`` and
    blank text are empty cells; ``datetime.date``, ``datetime.datetime`` and ``pd.Timestamp`` are
    dates; a whole float in an int column is an int (``3.0`` → ``3``); text is trimmed. A value
    that is not of its column's type (``abc`` in an int column, an unknown enum code) is written
    as typed, so that the loader reports it at its cell. The columns are those of
    :func:`written_columns` (``original``: the contract columns of the file's header,
    :attr:`EditableTable.original_columns`; ``None`` = a new file); ``frame`` must hold no column
    beyond the contract's and ``extra_columns`` (:class:`ValueError`).

    Guarantee (the UI relies on it): rows whose every cell is empty are not written (the grid's
    "+" without typing), and row ``k`` (0-based) of the frame after dropping them, that is
    frame position ``kept_rows(frame)[k]``, is spreadsheet row ``k + 2`` of the file (the header is
    row 1): the row number :func:`loaders.load_dataset` reports for it.

    CSV: UTF-8 with BOM, ``;``, CRLF, dates ``18.03.2019``, decimal comma, formula-like text
    neutralised with an apostrophe (which the loader takes off again). XLSX: one sheet named after
    the table, bold header, dates as Excel dates ``dd.mm.yyyy``, numbers as numbers, text always as
    text (never a formula).
    """
    spec = _spec(table)
    extras = [str(name) for name in extra_columns if name not in spec.column_names]
    unknown = [name for name in frame.columns if name not in spec.column_names and name not in extras]
    if unknown:
        raise ValueError(f"{table}: columns neither in the contract nor extra: {unknown}")
    suffix = Path(file_name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"{file_name}: neither .csv nor .xlsx")

    rows = kept_rows(frame)
    header = written_columns(table, frame, () if original is None else original, extras)
    cells: dict[str, list[object]] = {}
    for name in header:
        kind = spec.column(name).kind if name in spec.column_names else Kind.TEXT
        if name in frame.columns:
            values = frame[name].astype(object).tolist()
            cells[name] = [_cell_value(values[i], kind) for i in rows]
        else:
            cells[name] = [None] * len(rows)
    if suffix == ".csv":
        return spreadsheet_csv(pd.DataFrame({name: pd.Series(cells[name], dtype=object) for name in header},
                                            columns=header), "lv")
    return _xlsx_bytes(table, header, cells, len(rows))


def _cell_value(value: object, kind: Kind) -> object:
    """One cell as what is written: ``None`` (empty), ``str``, ``int``, ``float`` or ``datetime.date``."""
    if is_empty_cell(value):
        return None
    if kind is Kind.DATE:
        return _date_value(value)
    if kind is Kind.INT:
        return _int_value(value)
    if kind is Kind.DECIMAL:
        return _decimal_value(value)
    return _text(value)


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return str(int(number)) if number.is_integer() else np.format_float_positional(number, trim="-")
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return _as_date(value).isoformat()
    return str(value).strip()


def _as_date(value: dt.date) -> dt.date:
    """A date, also of a datetime or pd.Timestamp (its time of day dropped)."""
    return value.date() if isinstance(value, dt.datetime) else value  # pd.Timestamp is a datetime


def _date_value(value: object) -> object:
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, dt.date):
        return _as_date(value)
    text = _text(value)
    try:
        if _ISO_DATE_TEXT.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _LV_DATE_TEXT.fullmatch(text):
            return dt.datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        pass
    return text  # as typed: the loader reports it


def _int_value(value: object) -> object:
    if isinstance(value, bool | np.bool_):
        return _text(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isfinite(number) and number.is_integer():
            return int(number)
        return _text(value)  # 3.5 or inf: as typed, the loader says it is not a whole number
    text = _text(value)
    return int(text) if _INT_TEXT.fullmatch(text) else text


def _decimal_value(value: object) -> object:
    if isinstance(value, bool | np.bool_):
        return _text(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else _text(value)
    text = _text(value)
    return float(text.replace(",", ".")) if _DECIMAL_TEXT.fullmatch(text) else text


def _xlsx_bytes(table: str, header: list[str], cells: dict[str, list[object]], count: int) -> bytes:
    import xlsxwriter  # imported lazily: only Excel files need it

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(table[:31])
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": _XLSX_DATE_FORMAT})
    for c, name in enumerate(header):
        sheet.write_string(0, c, name, bold)
        width = len(name)
        for r, value in enumerate(cells[name], start=1):
            width = max(width, _write_cell(sheet, r, c, value, date_format))
        sheet.set_column(c, c, min(max(width + 2, 8), 60))
    if count:
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def _write_cell(sheet: object, row: int, column: int, value: object, date_format: object) -> int:
    """Write one cell (nothing for an empty one); return the width of its text."""
    if value is None:
        return 0
    if isinstance(value, dt.date):
        sheet.write_datetime(row, column, value, date_format)  # type: ignore[attr-defined]
        return 10
    if (isinstance(value, int) and abs(value) < _XLSX_MAX_EXACT_INT) or isinstance(value, float):
        sheet.write_number(row, column, value)  # type: ignore[attr-defined]
        return len(str(value))
    text = str(value)
    if len(text) > _XLSX_MAX_TEXT:
        raise ValueError(f"row {row + 1}: a cell of more than {_XLSX_MAX_TEXT} characters does not fit Excel")
    sheet.write_string(row, column, text)  # type: ignore[attr-defined]
    return max((len(line) for line in text.splitlines()), default=0)
