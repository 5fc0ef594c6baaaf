"""A tiny builder for loader tests: a minimal VALID dataset as Python rows, and a folder writer.

``valid_tables()`` returns a fresh copy each call (2 spaces, 3 residents, 3 events, 5
attendance rows, 2 event stops, 1 project), so a test changes one thing and writes it with
``write_folder``. Values are Python objects: ``str``, ``int``, ``float``, ``datetime.date`` or
``None`` (an empty cell); the writer formats them as a CSV export or as real ``.xlsx`` cells.

Spreadsheet rows: the header is row 1, so ``rows[i]`` of a table is row ``i + 2``.
Every table holds at least one non-ASCII letter, so a cp1257 file is never also valid UTF-8.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from loaders.contract import TABLES

Rows = list[dict[str, Any]]
Tables = dict[str, Rows]

PROJECT = "18-00-A019.333-000015"

_VALID: Tables = {
    "spaces": [
        {
            "space_id": "colabora-lielvarde",
            "name": "CoLabora Lielvārde",
            "municipality": "Ogres novads",
            "settlement": "Lielvārde",
            "address": None,
            "latitude": 56.72066,
            "longitude": 24.80743,
            "space_type": "coworking",
            "opened_on": dt.date(2019, 3, 18),
            "closed_on": None,
            "desks": 14,
            "operator": 'SIA "Silja"',
            "website": "https://colabora.example.lv",
        },
        {
            "space_id": "kekava-library",
            "name": "Ķekavas bibliotēka",
            "municipality": "Ķekavas novads",
            "settlement": "Ķekava",
            "address": "Gaismas iela 17, Ķekava",
            "latitude": 56.8283,
            "longitude": 24.2326,
            "space_type": "library",
            "opened_on": None,
            "closed_on": None,
            "desks": 6,
            "operator": "Ķekavas novada pašvaldība",
            "website": None,
        },
    ],
    "residents": [
        {
            "resident_id": "R0001",
            "space_id": "colabora-lielvarde",
            "joined_on": dt.date(2019, 3, 18),
            "left_on": None,
            "gender": "female",
            "birth_year": 1985,
            "home_municipality": "Ogres novads",
            "occupation": "entrepreneur",
        },
        {
            "resident_id": "R0002",
            "space_id": "colabora-lielvarde",
            "joined_on": dt.date(2019, 4, 1),
            "left_on": dt.date(2020, 1, 31),
            "gender": None,
            "birth_year": 1992,
            "home_municipality": None,
            "occupation": "remote_employee",
        },
        {
            "resident_id": "R0003",
            "space_id": "kekava-library",
            "joined_on": dt.date(2020, 2, 10),
            "left_on": None,
            "gender": "male",
            "birth_year": None,
            "home_municipality": "Ķekavas novads",
            "occupation": None,
        },
    ],
    "events": [
        {
            "event_id": "E2019-001",
            "title": "Koprades telpas atklāšana",
            "event_type": "opening",
            "starts_on": dt.date(2019, 3, 18),
            "ends_on": None,
            "space_id": "colabora-lielvarde",
            "municipality": None,
            "latitude": None,
            "longitude": None,
            "project_code": PROJECT,
            "participants": 25,
            "description": "Atklāšanas pasākums; kafija un kūkas",
        },
        {
            "event_id": "E2019-002",
            "title": "Pieredzes brauciens",
            "event_type": "study_visit",
            "starts_on": dt.date(2019, 5, 10),
            "ends_on": dt.date(2019, 5, 11),
            "space_id": None,
            "municipality": "Siguldas novads",
            "latitude": None,
            "longitude": None,
            "project_code": PROJECT,
            "participants": None,
            "description": None,
        },
        {
            "event_id": "E2019-003",
            "title": "Seminārs uzņēmējiem",
            "event_type": "training",
            "starts_on": dt.date(2019, 6, 5),
            "ends_on": None,
            "space_id": None,
            "municipality": "Mārupes novads",
            "latitude": 56.90544,
            "longitude": 24.05113,
            "project_code": None,
            "participants": 12,
            "description": None,
        },
    ],
    "attendance": [
        {"event_id": "E2019-001", "person_id": "R0001", "gender": None, "birth_year": None,
         "home_municipality": None, "role": "speaker"},
        {"event_id": "E2019-001", "person_id": "R0002", "gender": None, "birth_year": None,
         "home_municipality": None, "role": None},
        {"event_id": "E2019-001", "person_id": "G0001", "gender": "male", "birth_year": 1990,
         "home_municipality": "Ķekavas novads", "role": "guest"},
        {"event_id": "E2019-001", "person_id": None, "gender": None, "birth_year": None,
         "home_municipality": None, "role": None},
        {"event_id": "E2019-002", "person_id": "R0003", "gender": None, "birth_year": None,
         "home_municipality": None, "role": "organiser"},
    ],
    "event_stops": [
        {"event_id": "E2019-002", "stop_no": 1, "space_id": "colabora-lielvarde", "place_name": None,
         "latitude": None, "longitude": None},
        {"event_id": "E2019-002", "stop_no": 2, "space_id": None, "place_name": "Turaidas muzejrezervāts",
         "latitude": 57.1837, "longitude": 24.8497},
    ],
    "projects": [
        {
            "project_code": PROJECT,
            "title": "Sadarbības projekts par koprades telpām laukos (CoLabora)",
            "programme": "Latvijas Lauku attīstības programma 2014–2020",
            "measure": "19.3 Starpteritoriālā un starpvalstu sadarbība",
            "funder": "ELFLA",
            "starts_on": dt.date(2018, 9, 1),
            "ends_on": dt.date(2020, 12, 31),
            "budget_eur": 97144.03,
            "target_events": 30,
            "target_participants": 600,
            "target_unique_participants": 250,
            "spent_eur": 91250.5,
            "target_jobs_fte": 2.5,
            "target_businesses": 3,
            "final_payment_on": dt.date(2021, 3, 15),
        },
    ],
    "outcomes": [
        {"outcome_id": "O1", "outcome_type": "job_created", "recorded_on": dt.date(2019, 6, 1), "fte": 0.5,
         "project_code": PROJECT, "space_id": "colabora-lielvarde", "resident_id": "R0001",
         "description": "Pusslodze rezidenta uzņēmumā"},
        {"outcome_id": "O2", "outcome_type": "business_started", "recorded_on": dt.date(2019, 9, 2), "fte": None,
         "project_code": None, "space_id": None, "resident_id": "R0002", "description": None},
    ],
    "municipalities": [
        {"municipality": "Ogres novads", "population": 55000, "population_on": dt.date(2024, 1, 1),
         "source": "pārbaudes skaitlis"},
    ],
}


def write_rows(folder: Path, tables: dict[str, list[list[str]]]) -> Path:
    """Write tables given as rows of text (header first) as ``<table>.csv``, UTF-8 and ``,``, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder


def valid_tables() -> Tables:
    """A fresh deep copy of the minimal valid dataset (safe to mutate)."""
    return copy.deepcopy(_VALID)


def drop_column(rows: Rows, name: str) -> Rows:
    """Remove ``name`` from every row (in place) and return the rows."""
    for row in rows:
        row.pop(name, None)
    return rows


def cell_text(value: Any, *, date_style: str = "iso", decimal: str = ".") -> str:
    """A Python value as the text an export holds."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat() if date_style == "iso" else value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return repr(value).replace(".", decimal)
    return str(value)


def columns_of(table: str, rows: Rows) -> list[str]:
    """Header of a table: the keys of its first row, else every column of the contract."""
    return list(rows[0]) if rows else list(TABLES[table].column_names)


def table_text(
    table: str,
    rows: Rows,
    *,
    sep: str = ",",
    date_style: str = "iso",
    decimal: str = ".",
    newline: str = "\n",
    headers: dict[str, str] | None = None,
    columns: list[str] | None = None,
) -> str:
    """The CSV text of one table (quotes only where needed, as Excel does)."""
    names = columns or columns_of(table, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([(headers or {}).get(name, name) for name in names])
    for row in rows:
        writer.writerow([cell_text(row.get(name), date_style=date_style, decimal=decimal) for name in names])
    return buffer.getvalue()


def write_xlsx(path: Path, table: str, rows: Rows, *, headers: dict[str, str] | None = None,
               columns: list[str] | None = None) -> Path:
    """Save one table as ``.xlsx`` with real cells: dates as datetimes, numbers as numbers."""
    import openpyxl

    names = columns or columns_of(table, rows)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = table
    sheet.append([(headers or {}).get(name, name) for name in names])
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                value = dt.datetime(value.year, value.month, value.day)
            cells.append(value)
        sheet.append(cells)
    workbook.save(path)
    return path


def write_folder(
    tmp_path: Path,
    tables: Tables | None = None,
    *,
    encoding: str = "utf-8",
    sep: str = ",",
    date_style: str = "iso",
    decimal: str = ".",
    newline: str = "\n",
    name: str = "data",
    headers: dict[str, dict[str, str]] | None = None,
    columns: dict[str, list[str]] | None = None,
    xlsx: Iterable[str] = (),
    per_table: dict[str, dict[str, Any]] | None = None,
    raw: dict[str, bytes | str] | None = None,
) -> Path:
    """Write ``tables`` (default: the valid dataset) as a data folder ``tmp_path/name``.

    Overrides, each changing one thing:
    ``headers`` renames header cells per table (``{"spaces": {"space_id": "Space_ID "}}``);
    ``columns`` fixes a table's header (a header-only table: rows ``[]`` and its columns);
    ``xlsx`` names tables saved as ``<table>.xlsx`` instead of CSV;
    ``per_table`` overrides ``encoding``/``sep``/``date_style``/``decimal``/``newline`` per table;
    ``raw`` adds files verbatim (``str`` is written as UTF-8), e.g. ``{"notes.csv": "x"}``.
    """
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    tables = valid_tables() if tables is None else tables
    xlsx = set(xlsx)
    for table, rows in tables.items():
        table_headers = (headers or {}).get(table)
        table_columns = (columns or {}).get(table)
        if table in xlsx:
            write_xlsx(folder / f"{table}.xlsx", table, rows, headers=table_headers, columns=table_columns)
            continue
        options = {"encoding": encoding, "sep": sep, "date_style": date_style, "decimal": decimal,
                   "newline": newline, **(per_table or {}).get(table, {})}
        text = table_text(table, rows, sep=options["sep"], date_style=options["date_style"],
                          decimal=options["decimal"], newline=options["newline"],
                          headers=table_headers, columns=table_columns)
        (folder / f"{table}.csv").write_bytes(text.encode(options["encoding"]))
    for file_name, content in (raw or {}).items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / file_name).write_bytes(data)
    return folder


@functools.cache
def zip_bomb(entry: str = "xl/worksheets/sheet1.xml", size: int = 30 * 1024 * 1024) -> bytes:
    """A real zip whose one entry (named like an xlsx part) is ``size`` zero bytes, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open(entry, "w", force_zip64=False) as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


def xlsx_bytes(table: str, rows: Rows) -> bytes:
    """A real workbook of one table, as bytes (for writing under another name)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / f"{table}.xlsx", table, rows)
        return path.read_bytes()
