"""Templates per table: the header, one example row and what each column means (LV and EN).

* CSV the way Latvian Excel writes and reads it, whatever the page's language: written by
  :func:`exports.spreadsheet_csv.spreadsheet_csv` in its Latvian form (UTF-8 with BOM, ``;``, CRLF,
  dates ``18.03.2019``, decimal comma), like every CSV download. Header and example row only (a
  description row would be read as data); the descriptions are in the ``.xlsx`` template and on the
  Data page.
* ``.xlsx``: a sheet named like the table (header, example row, drop-down lists for the enum
  columns, date format on date columns) and a second sheet ``apraksts`` describing every column.

Filled in with the example row, each template loads through :func:`loaders.load_dataset`.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import xlsxwriter

from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from loaders.contract import TABLES, ColumnSpec, Kind
from storage.examples import EXAMPLE_ROWS, Value

DESCRIPTION_SHEET = t("data.templates.col.description", "lv")  # "apraksts"
#: rows of the data sheet that get the drop-down lists (header excluded)
VALIDATED_ROWS = 5000
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def column_description(table: str, column: ColumnSpec, lang: str) -> dict[str, str]:
    """One column of the contract for people: type, required, allowed values, meaning."""
    kind = t(f"data.kind.{column.kind.value}", lang)
    if column.references:
        kind = t("data.kind.reference", lang, table=column.references)
    return {
        "column": column.name,
        "kind": kind,
        "required": t("data.yes" if column.required else "data.no", lang),
        "values": ", ".join(column.values),
        "description": t(f"data.col.{table}.{column.name}", lang),
    }


def describe_table(table: str, lang: str) -> pd.DataFrame:
    return pd.DataFrame([column_description(table, c, lang) for c in TABLES[table].columns])


def template_csv(table: str) -> bytes:
    spec = TABLES[table]
    example = EXAMPLE_ROWS[table]
    row = pd.DataFrame([[example.get(c) for c in spec.column_names]], columns=list(spec.column_names), dtype=object)
    return spreadsheet_csv(row, "lv")  # the loaders read ISO dates and decimal points too; Latvian Excel this


def template_xlsx(table: str) -> bytes:
    spec = TABLES[table]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    formats = {
        "header": workbook.add_format({"bold": True, "bg_color": "#E3F1EB", "bottom": 1}),
        "date": workbook.add_format({"num_format": "dd.mm.yyyy"}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    sheet = workbook.add_worksheet(table)
    sheet.freeze_panes(1, 0)
    for col, column in enumerate(spec.columns):
        sheet.write_string(0, col, column.name, formats["header"])
        sheet.set_column(col, col, max(12, len(column.name) + 2), formats["date"] if column.kind is Kind.DATE else None)
        _write_example(sheet, col, EXAMPLE_ROWS[table].get(column.name), formats["date"])
        if column.kind is Kind.ENUM:
            sheet.data_validation(1, col, VALIDATED_ROWS, col, {
                "validate": "list",
                "source": list(column.values),
                "input_title": column.name[:32],
                "input_message": t("data.template.choose", "lv") + " / " + t("data.template.choose", "en"),
                "error_type": "warning",
                "error_title": column.name[:32],
                "error_message": ", ".join(column.values)[:255],
            })  # fmt: skip
    _description_sheet(workbook, table, formats)
    workbook.close()
    return buffer.getvalue()


def _write_example(sheet, col: int, value: Value, date_format) -> None:
    if value is None:
        return
    if isinstance(value, dt.date):
        sheet.write_datetime(1, col, dt.datetime(value.year, value.month, value.day), date_format)
    elif isinstance(value, int | float):
        sheet.write_number(1, col, value)
    else:
        sheet.write_string(1, col, str(value))


def _description_sheet(workbook: xlsxwriter.Workbook, table: str, formats: dict) -> None:
    sheet = workbook.add_worksheet(DESCRIPTION_SHEET)
    headers = [
        *(f"{t(f'data.templates.col.{key}', 'lv')} / {t(f'data.templates.col.{key}', 'en')}"
          for key in ("column", "kind", "required", "values")),
        t("data.templates.col.description", "lv"), t("data.templates.col.description", "en"),
    ]  # fmt: skip
    widths = [24, 30, 18, 40, 60, 60]
    for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(0, col, header, formats["header"])
        sheet.set_column(col, col, width, formats["wrap"])
    sheet.freeze_panes(1, 0)
    for row, column in enumerate(TABLES[table].columns, start=1):
        lv, en = column_description(table, column, "lv"), column_description(table, column, "en")
        cells = [column.name, f"{lv['kind']} / {en['kind']}", f"{lv['required']} / {en['required']}",
                 lv["values"], lv["description"], en["description"]]
        for col, text in enumerate(cells):
            sheet.write_string(row, col, text)
