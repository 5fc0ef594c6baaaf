"""Spreadsheet formula injection: text that Excel or LibreOffice would run as a formula.

A cell starting with ``= + - @``, a tab or a carriage return is executed by spreadsheet
programs when the file is opened. Such text gets a leading apostrophe, which shows the text as
typed and runs nothing. Numbers are left alone (``-3`` stays a number in numeric columns).
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    """Text a spreadsheet program would run as a formula (or that starts with a control character)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value: object) -> object:
    """For text formats (CSV): a leading apostrophe. Excel files mark such cells "quote prefix" instead."""
    if is_formula_like(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are safe to open in a spreadsheet."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe
