"""The printable sign-in sheet of an event, as PDF and as Excel, in Latvian or English.

Staff print a sheet per event; the participants write their name, gender, year of birth and home
municipality and sign; afterwards staff type the sheet into the Excel file (or a copy of it) and import
it. The import recognises the column headers (:func:`sheet_header`), so they are the catalogue's texts
``signin.sheet.col.*`` exactly.

Both files show the partnership's name, the sheet's title, the event's title, date, place, project and
id, a consent paragraph and then a numbered table with rows tall enough to write in by hand.

* PDF: A4 landscape, DejaVu Sans from ``reports/fonts`` (Latvian letters), the table header repeated
  on every page, "1. lpp. no 2" in the footer, the logos in a row at the top of the first page.
* XLSX: one sheet printed on A4 landscape, one page wide, the header row repeated on every page and
  frozen; drop-downs for gender and the home municipality (the 43 official names, on a hidden second
  sheet), birth year a whole number from 1900 to this year.

Text from the data (title, place, project) goes through :func:`reports.clean_text.pdf_text` /
:func:`~reports.clean_text.xml_text` (control characters removed) and into Excel as a string cell,
never as a formula. No Streamlit here: the page calls these functions.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
import xlsxwriter
from fpdf import FPDF, FontFace

from exports.safe_cells import is_formula_like
from i18n import t
from i18n.formatting import fmt_date
from loaders.contract import MIN_BIRTH_YEAR
from loaders.municipalities import OFFICIAL
from metrics.events import event_routes
from reports.clean_text import PDF_CELL_LIMIT, pdf_text, xml_text
from reports.logos import Logo
from reports.pdf import FONT, add_fonts, logo_strip

if TYPE_CHECKING:
    from loaders import Dataset

SHEET_COLUMNS = ("name", "gender", "birth_year", "municipality", "consent")
DEFAULT_ROWS = 25

#: a table row's height (mm): room to write a name by hand
ROW_MM = 9.5
_HEADER_ROW_MM = 11.0
#: the columns' shares of the table's width: the number, then SHEET_COLUMNS
_WIDTH_SHARES = (0.045, 0.26, 0.165, 0.115, 0.215, 0.2)
_LOGO_HEIGHT_MM = 15.0
_HEADER_FILL = (221, 235, 247)
_MUTED = (90, 90, 90)
_BLACK = (0, 0, 0)
_MARGIN_MM = 12.0


def sheet_header(column: str, lang: str) -> str:
    """The header text of a column (``number`` or one of :data:`SHEET_COLUMNS`)."""
    return t("signin.sheet.col." + column, lang)


@dataclass(frozen=True)
class SheetEvent:
    event_id: str
    title: str
    starts_on: dt.date
    ends_on: dt.date | None
    #: e.g. "CoLabora Lielvārde, Lielvārde, Ogres novads" (may be "")
    place: str
    #: e.g. "18-00-A019.333-000015 · CoLabora" or None
    project: str | None


def _text(value: object) -> str:
    """A cell's text, ``""`` for a missing one."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _date(value: object) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def sheet_event(dataset: Dataset, event_id: str, lang: str) -> SheetEvent:
    """The sheet's details of an event: its ``events`` row, the place from its venue space (name,
    settlement, municipality), else a study visit's stops, else the event's own municipality, the
    project's code and title.

    ``lang`` is the sheet's language (the details themselves are the data's). ``KeyError`` for an
    unknown event.
    """
    del lang  # the details are the data's own words in either language
    events = dataset.events
    rows = events.loc[events["event_id"] == event_id]
    if rows.empty:
        raise KeyError(event_id)
    event = rows.iloc[0]
    parts: list[str] = []
    space_id = _text(event.get("space_id"))
    if space_id:
        spaces = dataset.spaces.loc[dataset.spaces["space_id"] == space_id]
        if not spaces.empty:
            space = spaces.iloc[0]
            parts = [_text(space.get(column)) for column in ("name", "settlement", "municipality")]
    if not any(parts):
        parts = [_text(event_routes(dataset).get(event_id)) or _text(event.get("municipality"))]
    place: list[str] = []
    for part in parts:
        if part and part not in place:
            place.append(part)
    project = None
    code = _text(event.get("project_code"))
    if code:
        row = dataset.project(code)
        title = _text(row["title"]) if row is not None else ""
        project = f"{code} · {title}" if title else code
    starts_on = _date(event["starts_on"])
    assert starts_on is not None  # required by the contract
    return SheetEvent(
        event_id=str(event_id),
        title=_text(event["title"]),
        starts_on=starts_on,
        ends_on=_date(event.get("ends_on")),
        place=", ".join(place),
        project=project,
    )


def event_date(event: SheetEvent, lang: str) -> str:
    """``18.03.2019`` or ``18.03.2019–19.03.2019`` (lv); ISO ``2019-03-18`` (en)."""
    style = "medium" if lang == "lv" else "yyyy-MM-dd"
    first = fmt_date(event.starts_on, lang, style)
    if event.ends_on is None or event.ends_on == event.starts_on:
        return first
    return f"{first}–{fmt_date(event.ends_on, lang, style)}"


def _details(event: SheetEvent, lang: str) -> list[str]:
    """The lines under the event's title: date, place (when known), project (when given)."""
    lines = [t("signin.sheet.date", lang, date=event_date(event, lang))]
    if event.place.strip():
        lines.append(t("signin.sheet.place", lang, place=event.place))
    if event.project:
        lines.append(t("signin.sheet.project", lang, project=event.project))
    return lines


def _headers(lang: str) -> list[str]:
    return [sheet_header(column, lang) for column in ("number", *SHEET_COLUMNS)]


# -- PDF ------------------------------------------------------------------------------------------


class _SheetPDF(FPDF):
    def __init__(self, event: SheetEvent, lang: str) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.event = event
        self.lang = lang
        add_fonts(self)
        self.set_margins(_MARGIN_MM, 10, _MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=14)
        self.set_title(pdf_text(f"{t('signin.sheet.title', lang)}: {event.title}", PDF_CELL_LIMIT))
        self.set_author(t("report.lag", lang))

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        self.set_text_color(*_MUTED)
        page = t("signin.sheet.page_number", self.lang, page=self.page_no(), pages="{nb}")
        event_id = pdf_text(self.event.event_id, 60)
        self.cell(0, 5, f"{t('report.lag', self.lang)} · {event_id} · {page}", align="C")
        self.set_text_color(*_BLACK)

    def line_of_text(self, text: str, size: float, *, bold: bool = False, muted: bool = False,
                     after: float = 0.0) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*(_MUTED if muted else _BLACK))
        self.multi_cell(0, size * 0.47, pdf_text(text, PDF_CELL_LIMIT), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(*_BLACK)
        if after:
            self.ln(after)

    def sign_in_table(self, rows: int) -> None:
        widths = [share * self.epw for share in _WIDTH_SHARES]
        self.set_font(FONT, size=9)
        with self.table(
            col_widths=widths, width=self.epw, align="LEFT", line_height=4.2, padding=(0.8, 1.5),
            text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"), v_align="MIDDLE",
            headings_style=FontFace(emphasis="BOLD", fill_color=_HEADER_FILL), repeat_headings=1,
            borders_layout="ALL",
        ) as table:
            table.row(_headers(self.lang), min_height=_HEADER_ROW_MM)
            for number in range(1, rows + 1):
                table.row([str(number), *("" for _ in SHEET_COLUMNS)], min_height=ROW_MM)


def signin_sheet_pdf(event: SheetEvent, lang: str, logos: Sequence[Logo] = (), rows: int = DEFAULT_ROWS) -> bytes:
    """The sign-in sheet as a PDF (A4 landscape): details, consent, and a table of ``rows`` numbered rows."""
    pdf = _SheetPDF(event, lang)
    pdf.add_page()
    logo_strip(pdf, logos, height_mm=_LOGO_HEIGHT_MM, after_mm=3)
    pdf.line_of_text(t("report.lag", lang), 9, muted=True, after=1)
    pdf.line_of_text(t("signin.sheet.title", lang), 16, bold=True, after=1.5)
    pdf.line_of_text(event.title, 12.5, bold=True, after=1)
    for line in _details(event, lang):
        pdf.line_of_text(line, 10, after=0.3)
    pdf.line_of_text(t("signin.sheet.event_id", lang, event_id=event.event_id), 7, muted=True, after=2.5)
    pdf.line_of_text(t("signin.sheet.consent", lang), 9.5, after=3)
    pdf.sign_in_table(max(0, rows))
    return bytes(pdf.output())


# -- XLSX -----------------------------------------------------------------------------------------

#: column widths (Excel units, about one digit each): the number, then SHEET_COLUMNS
_XLSX_WIDTHS = (5, 30, 20, 15, 27, 22)
#: a data row's height in points (≈ 10.5 mm, ≈ 9.5 mm when the print is shrunk to the page's width)
_XLSX_ROW_PT = 30
_XLSX_LOGO_ROW_PT = 48
#: the logos' height in pixels (1.5 cm at 96 dpi)
_XLSX_LOGO_PX = 57
_XLSX_LOGO_GAP_PX = 18


class _Book:
    def __init__(self, buffer: io.BytesIO) -> None:
        self.workbook = xlsxwriter.Workbook(
            buffer,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        self._formats: dict[tuple, Any] = {}

    def fmt(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format({"font_name": "Calibri", "font_size": 11, **props})
        return self._formats[key]

    def text(self, sheet: Any, row: int, col: int, value: object, **props: Any) -> None:
        text = xml_text(value)
        if is_formula_like(text):
            props["quote_prefix"] = True
        sheet.write_string(row, col, text, self.fmt(**props))

    def merged(self, sheet: Any, row: int, value: object, **props: Any) -> None:
        """Text across the table's width in one row."""
        text = xml_text(value)
        if is_formula_like(text):
            props["quote_prefix"] = True
        sheet.merge_range(row, 0, row, len(_XLSX_WIDTHS) - 1, "", self.fmt(**props))
        sheet.write_string(row, 0, text, self.fmt(**props))


def _lines_needed(text: str, width_units: float, size: float) -> int:
    """How many lines ``text`` takes in a merged cell ``width_units`` wide (a generous estimate)."""
    per_line = max(1, int(width_units * 11 / size * 0.95))
    words, lines, used = text.split(), 1, 0
    for word in words:
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def _xlsx_logos(sheet: Any, row: int, logos: Sequence[Logo]) -> None:
    x = 0
    for logo in logos:
        scale = _XLSX_LOGO_PX / logo.height
        sheet.insert_image(row, 0, f"{logo.name or 'logo'}.png", {
            "image_data": io.BytesIO(logo.png), "x_scale": scale, "y_scale": scale,
            "x_offset": x + 2, "y_offset": 3, "object_position": 3, "description": logo.name,
        })
        x += round(logo.width * scale) + _XLSX_LOGO_GAP_PX


def signin_sheet_xlsx(event: SheetEvent, lang: str, logos: Sequence[Logo] = (), rows: int = DEFAULT_ROWS) -> bytes:
    """The sign-in sheet as an Excel workbook: details on top, the header row, ``rows`` bordered rows."""
    rows = max(0, rows)
    buffer = io.BytesIO()
    book = _Book(buffer)
    sheet = book.workbook.add_worksheet(t("signin.sheet.xlsx.sheet", lang)[:31])
    lists = book.workbook.add_worksheet(t("signin.sheet.xlsx.municipalities_sheet", lang)[:31])
    for i, name in enumerate(OFFICIAL):
        lists.write_string(i, 0, name)
    lists.set_column(0, 0, 28)
    lists.hide()
    sheet.activate()

    for col, width in enumerate(_XLSX_WIDTHS):
        sheet.set_column(col, col, width)
    total_width = sum(_XLSX_WIDTHS)
    row = 0
    if logos:
        sheet.set_row(row, _XLSX_LOGO_ROW_PT)
        _xlsx_logos(sheet, row, logos)
        row += 1
    book.merged(sheet, row, t("report.lag", lang), font_color="#595959", font_size=10)
    row += 1
    sheet.set_row(row, 24)
    book.merged(sheet, row, t("signin.sheet.title", lang), bold=True, font_size=16, valign="vcenter")
    row += 1
    title = xml_text(event.title)
    sheet.set_row(row, 18 * _lines_needed(title, total_width, 13))
    book.merged(sheet, row, title, bold=True, font_size=13, text_wrap=True, valign="top")
    row += 1
    for line in _details(event, lang):
        text = xml_text(line)
        sheet.set_row(row, 15 * _lines_needed(text, total_width, 11))
        book.merged(sheet, row, text, text_wrap=True, valign="top")
        row += 1
    book.merged(sheet, row, t("signin.sheet.event_id", lang, event_id=event.event_id),
                font_size=8, font_color="#595959")
    row += 1
    consent = t("signin.sheet.consent", lang)
    sheet.set_row(row, 14 * _lines_needed(consent, total_width, 10) + 8)
    book.merged(sheet, row, consent, text_wrap=True, valign="vcenter", font_size=10, italic=False)
    row += 1
    sheet.set_row(row, 6)
    row += 1

    header_row = row
    sheet.set_row(header_row, 32)
    for col, label in enumerate(_headers(lang)):
        book.text(sheet, header_row, col, label, bold=True, bg_color="#DDEBF7", border=1, text_wrap=True,
                  valign="vcenter", **({"align": "center"} if col == 0 else {"indent": 1}))
    first, last = header_row + 1, header_row + rows
    for number in range(1, rows + 1):
        r = header_row + number
        sheet.set_row(r, _XLSX_ROW_PT)
        sheet.write_number(r, 0, number, book.fmt(border=1, align="center", valign="vcenter"))
        for col in range(1, len(_XLSX_WIDTHS)):
            sheet.write_blank(r, col, None, book.fmt(border=1, valign="vcenter"))

    if rows:
        columns = {column: i for i, column in enumerate(SHEET_COLUMNS, start=1)}
        genders = t("signin.sheet.xlsx.gender_values", lang).split(",")
        sheet.data_validation(first, columns["gender"], last, columns["gender"], {
            "validate": "list", "source": genders,
            "error_title": t("signin.sheet.xlsx.gender_error_title", lang),
            "error_message": t("signin.sheet.xlsx.gender_error", lang),
        })
        this_year = dt.date.today().year
        sheet.data_validation(first, columns["birth_year"], last, columns["birth_year"], {
            "validate": "integer", "criteria": "between", "minimum": MIN_BIRTH_YEAR, "maximum": this_year,
            "error_title": t("signin.sheet.xlsx.birth_year_error_title", lang),
            "error_message": t("signin.sheet.xlsx.birth_year_error", lang, first=MIN_BIRTH_YEAR, last=this_year),
        })
        list_name = lists.get_name().replace("'", "''")
        sheet.data_validation(first, columns["municipality"], last, columns["municipality"], {
            "validate": "list", "source": f"='{list_name}'!$A$1:$A${len(OFFICIAL)}",
            "error_type": "warning",  # someone from abroad or from a former novads can still be typed in
            "error_title": t("signin.sheet.xlsx.municipality_error_title", lang),
            "error_message": t("signin.sheet.xlsx.municipality_error", lang),
        })

    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.5, bottom=0.6)
    sheet.repeat_rows(header_row)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.print_area(0, 0, max(header_row, last), len(_XLSX_WIDTHS) - 1)
    footer = t("signin.sheet.page_number", lang, page="&P", pages="&N")
    sheet.set_footer("&C&8" + xml_text(t("report.lag", lang)).replace("&", "&&") + " · " + footer)
    book.workbook.set_properties({"title": xml_text(f"{t('signin.sheet.title', lang)}: {event.title}")[:255],
                                  "author": t("report.lag", lang)})
    book.workbook.close()
    return buffer.getvalue()
