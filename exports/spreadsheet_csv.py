"""A DataFrame as CSV the way Latvian Excel opens it: the one writer of every CSV download.

* UTF-8 with a byte-order mark (without it Excel reads the bytes as Windows-1257), ``;`` between
  cells (Latvian Excel's list separator), CRLF line ends, quotes only where a cell needs them;
* dates ``dd.mm.yyyy`` in Latvian, ISO ``yyyy-mm-dd`` in English (a time of day, if any, after
  them as ``HH:MM:SS``);
* numbers as they are, without thousands separators: integers (also a float holding a whole
  number) without decimals, other decimals with a comma in Latvian and a point in English;
* missing values (``None``, ``NaN``, ``NaT``, ``pd.NA``) as empty cells;
* text that a spreadsheet would run as a formula neutralised (:mod:`exports.safe_cells`).

The header is the frame's column names, the index is not written. Both dialects load back with
:func:`loaders.load_dataset` (it reads either date form and either decimal mark).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import numbers

import numpy as np
import pandas as pd

from exports.safe_cells import neutralise

BOM = b"\xef\xbb\xbf"
SEPARATOR = ";"
LINE_END = "\r\n"
DATE_FORMATS = {"lv": "%d.%m.%Y", "en": "%Y-%m-%d"}
DECIMAL_MARKS = {"lv": ",", "en": "."}


def spreadsheet_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """``frame`` (header and rows, no index) as the bytes of a CSV file for Latvian Excel."""
    if lang not in DATE_FORMATS:
        raise ValueError(f"unknown language {lang!r}")
    columns = [_column(frame.iloc[:, i], lang) for i in range(frame.shape[1])]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([cell(str(name), lang) for name in frame.columns])
    writer.writerows(zip(*columns, strict=True))
    return BOM + buffer.getvalue().encode("utf-8")


def _column(series: pd.Series, lang: str) -> list[str]:
    """The cells of one column: :func:`cell` of each value, whole columns of dates or integers at once."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        text = series.dt.strftime(DATE_FORMATS[lang])
        timed = series.notna() & (series != series.dt.normalize())
        if timed.any():
            text = text.where(~timed, series.dt.strftime(DATE_FORMATS[lang] + " %H:%M:%S"))
        return text.fillna("").tolist()
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iu":  # numpy integers: never missing
        return series.astype(str).tolist()
    # as objects: nullable integers give pd.NA, categories their values
    return [cell(value, lang) for value in series.astype(object)]


def cell(value: object, lang: str) -> str:
    """One value as the text of its cell."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return str(neutralise(value))
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, dt.date):  # datetimes and pd.Timestamp too
        return _date_text(value, lang)
    if isinstance(value, numbers.Real):
        return _number_text(value, lang)
    return str(neutralise(str(value)))


def _date_text(value: dt.date, lang: str) -> str:
    if isinstance(value, dt.datetime) and value.time() != dt.time(0):
        return value.strftime(DATE_FORMATS[lang] + " %H:%M:%S")
    return value.strftime(DATE_FORMATS[lang])


def _number_text(value: numbers.Real, lang: str) -> str:
    if isinstance(value, numbers.Integral):
        return str(int(value))
    number = float(value)
    if np.isnan(number):
        return ""
    if number.is_integer():
        return str(int(number))
    # the shortest text that reads back as the same float, never in scientific notation
    return np.format_float_positional(number, trim="-").replace(".", DECIMAL_MARKS[lang])
