"""Reading a sign-in list: a CSV or ``.xlsx`` file, or cells pasted from Excel, into rows of text.

A sign-in list is not a table of the contract: it holds people's *names* (the import turns each into
a keyed pseudonym, :mod:`storage.signin`). So it is read here entirely in memory, never written to a
file, and the personal-data guard of the table loaders does not apply; nothing here logs a cell.

The header is the first row that names a name column (``Vārds, uzvārds``, ``Uzvārds``, ``Name``;
the printable sheet has the event's details above it), else the first row with text. Row numbers are
the spreadsheet's (the first row is 1), so a problem points at the row staff see in Excel.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field

from loaders.archive import DEFAULT_LIMITS, ArchiveLimits, ArchiveRefused, check_archive
from loaders.checks import fold
from loaders.problems import Problem, error
from loaders.reading import ENCODING_CP1257, FileRefused, detect_encoding

#: problems of a sign-in list are reported under the table its rows go to
TABLE = "attendance"
#: rows looked at for the header
HEADER_SEARCH_ROWS = 20
#: words of a header that names a person's name column (folded: lower case, no diacritics)
NAME_WORDS = ("vards", "uzvards", "name", "surname", "dalibnieks", "participant")
_SEPARATORS = (";", "\t", ",")


@dataclass
class SigninList:
    """The list's header and rows, every cell as trimmed text."""

    #: where it came from, for messages: the file's name, or "" when pasted
    source: str
    header: tuple[str, ...] = ()
    #: the spreadsheet row of the header
    header_row: int = 1
    #: (spreadsheet row, cells) of each row below the header that has any text
    rows: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def read_signin_file(name: str, data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> SigninList:
    """A sign-in list from an uploaded file's bytes (``.xlsx`` by its name, else text)."""
    try:
        grid = _xlsx_cells(data, name, limits) if name.lower().endswith(".xlsx") else _text_cells(data, name)
    except FileRefused as refused:
        return SigninList(name, problems=[refused.problem])
    return _from_grid(name, grid)


def read_signin_paste(text: str) -> SigninList:
    """A sign-in list pasted from Excel (cells separated by tabs) or typed with ``;``."""
    if not text.strip():
        return SigninList("", problems=[error(TABLE, "signin_empty")])
    return _from_grid("", _split(text))


def _text_cells(data: bytes, name: str) -> list[list[str]]:
    encoding = detect_encoding(data, TABLE, name)
    text = data.decode("cp1257" if encoding == ENCODING_CP1257 else "utf-8-sig")
    if not text.strip():
        raise FileRefused(error(TABLE, "file_empty", file=name))
    return _split(text)


def _split(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in lines.split("\n") if line.strip()), "")
    separator = max(_SEPARATORS, key=first.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(lines), delimiter=separator)]
    except csv.Error as exc:
        raise FileRefused(error(TABLE, "file_unreadable")) from exc


def _xlsx_cells(data: bytes, name: str, limits: ArchiveLimits) -> list[list[str]]:
    import openpyxl  # only Excel files need it

    try:
        check_archive(io.BytesIO(data), limits)
    except ArchiveRefused as exc:
        raise FileRefused(error(TABLE, exc.rule, file=name, params=exc.params)) from exc
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise FileRefused(error(TABLE, "archive_invalid", file=name)) from exc
    try:
        sheet = workbook[workbook.sheetnames[0]]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # a damaged sheet inside a readable archive
        raise FileRefused(error(TABLE, "archive_invalid", file=name)) from exc
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _clean(cell: str) -> str:
    return " ".join(unicodedata.normalize("NFC", cell).replace("\ufeff", "").split())


def _from_grid(source: str, grid: list[list[str]]) -> SigninList:
    cleaned = [[_clean(cell) for cell in row] for row in grid]
    header_at = _header_index(cleaned)
    if header_at is None:
        return SigninList(source, problems=[error(TABLE, "signin_empty", file=source or None)])
    header = cleaned[header_at]
    width = max(len(header), *(len(row) for row in cleaned[header_at:]))
    listed = SigninList(source, header=tuple(header + [""] * (width - len(header))), header_row=header_at + 1)
    for index in range(header_at + 1, len(cleaned)):
        row = cleaned[index]
        if any(row):
            listed.rows.append((index + 1, tuple(row + [""] * (width - len(row)))))
    if not listed.rows:
        listed.problems.append(error(TABLE, "signin_no_rows", file=source or None))
    return listed


def _header_index(rows: list[list[str]]) -> int | None:
    first_with_text = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not any(row):
            continue
        if first_with_text is None:
            first_with_text = index
        if sum(1 for cell in row if cell) >= 2 and any(word in fold(cell) for cell in row for word in NAME_WORDS):
            return index
    return first_with_text
