"""The printable sign-in sheet of an event: its details from the data, the PDF and the Excel file."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from PIL import Image
from pypdf import PdfReader

from exports.signin_sheet import (
    SHEET_COLUMNS,
    SheetEvent,
    event_date,
    sheet_event,
    sheet_header,
    signin_sheet_pdf,
    signin_sheet_xlsx,
)
from i18n import t
from loaders import Dataset
from reports.logos import Logo

HEADERS = {
    "lv": ["Nr.", "Vārds, uzvārds", "Dzimums (S / V / cits)", "Dzimšanas gads", "Dzīvesvietas pašvaldība",
           "Piekrītu (paraksts)"],
    "en": ["No.", "Name and surname", "Gender (F / M / other)", "Year of birth", "Home municipality",
           "I agree (signature)"],
}

EVENT = SheetEvent(
    event_id="E2019-005",
    title="Koprades telpas “CoLabora Lielvārde” atklāšana",
    starts_on=dt.date(2019, 3, 18),
    ends_on=None,
    place="CoLabora Lielvārde, Lielvārde, Ogres novads",
    project="18-00-A019.333-000015 · CoLabora",
)


def _logo(colour: tuple[int, int, int] = (0, 60, 160)) -> Logo:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), colour).save(buffer, "PNG")
    return Logo("eu", buffer.getvalue(), 60, 20)


def _pdf_pages(data: bytes) -> list[str]:
    # pypdf may break a line where the PDF does not; compare without line breaks
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _sheet(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


def _header_row(sheet) -> int:
    for row in sheet.iter_rows():
        if row[0].value in (HEADERS["lv"][0], HEADERS["en"][0]):
            return row[0].row
    raise AssertionError("no header row")


def _texts(sheet) -> list[str]:
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_headers_are_the_texts_the_import_recognises() -> None:
    for lang, headers in HEADERS.items():
        assert [sheet_header(column, lang) for column in ("number", *SHEET_COLUMNS)] == headers


def test_dates() -> None:
    assert event_date(EVENT, "lv") == "18.03.2019"
    assert event_date(EVENT, "en") == "2019-03-18"
    two_days = SheetEvent("x", "x", dt.date(2019, 3, 18), dt.date(2019, 3, 19), "", None)
    assert event_date(two_days, "lv") == "18.03.2019–19.03.2019"
    assert event_date(two_days, "en") == "2019-03-18–2019-03-19"
    same_day = SheetEvent("x", "x", dt.date(2019, 3, 18), dt.date(2019, 3, 18), "", None)
    assert event_date(same_day, "lv") == "18.03.2019"


def test_sheet_event_from_the_demo_data(demo: Dataset) -> None:
    event = sheet_event(demo, "E2019-005", "lv")
    assert event.event_id == "E2019-005"
    assert "CoLabora Lielvārde" in event.title
    assert event.starts_on == dt.date(2019, 3, 18) and event.ends_on is None
    assert event.place == "CoLabora Lielvārde, Lielvārde, Ogres novads"
    assert event.project is not None and event.project.startswith("18-00-A019.333-000015 · ")
    assert sheet_event(demo, "E2019-017", "lv").ends_on == dt.date(2019, 11, 20)
    # no venue space and no stops: the event's own municipality
    without_space = demo.events.loc[demo.events["space_id"].isna() & demo.events["municipality"].notna()
                                    & ~demo.events["event_id"].isin(demo.event_stops["event_id"])]
    if not without_space.empty:
        row = without_space.iloc[0]
        assert sheet_event(demo, row["event_id"], "en").place == row["municipality"]
    with pytest.raises(KeyError):
        sheet_event(demo, "no-such-event", "lv")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_pdf_has_the_details_and_the_headers(lang: str) -> None:
    pages = _pdf_pages(signin_sheet_pdf(EVENT, lang))
    first = pages[0]
    assert t("report.lag", lang) in first
    assert t("signin.sheet.title", lang) in first
    assert EVENT.title in first
    assert {"lv": "18.03.2019", "en": "2019-03-18"}[lang] in first
    assert EVENT.place in first
    assert EVENT.project in first
    assert EVENT.event_id in first
    assert " 1 2 3 " in first and pages[-1].split(" · ")[0].rstrip().endswith(" 24 25 " + t("report.lag", lang))
    for header in HEADERS[lang]:
        assert header in first


def test_pdf_repeats_the_header_and_numbers_the_pages() -> None:
    data = signin_sheet_pdf(EVENT, "lv", rows=40)
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    pages = _pdf_pages(data)
    # rows about 9.5 mm high: 40 do not fit on two landscape pages
    assert len(pages) == 3
    for page in pages:
        for header in HEADERS["lv"]:
            assert header in page
    assert f"1. lpp. no {len(pages)}" in pages[0]
    assert f"{len(pages)}. lpp. no {len(pages)}" in pages[-1]
    assert "40" in pages[-1]
    assert len(_pdf_pages(signin_sheet_pdf(EVENT, "lv"))) == 2  # the default 25 rows: one sheet both sides
    english = _pdf_pages(signin_sheet_pdf(EVENT, "en", rows=40))
    assert "Page 1 of 3" in english[0] and all("Name and surname" in page for page in english)


def test_pdf_logos_on_the_first_page() -> None:
    with_logo = PdfReader(io.BytesIO(signin_sheet_pdf(EVENT, "lv", logos=[_logo(), _logo((200, 30, 30))])))
    assert len(with_logo.pages[0].images) == 2
    assert len(with_logo.pages[1].images) == 0
    assert len(PdfReader(io.BytesIO(signin_sheet_pdf(EVENT, "lv"))).pages[0].images) == 0


def test_pdf_takes_control_characters_and_long_texts() -> None:
    event = SheetEvent("E\x00-1", "Title\x1b with\x0cbreaks " + "long " * 200, dt.date(2020, 1, 2), None, "", None)
    text = " ".join(_pdf_pages(signin_sheet_pdf(event, "lv")))
    assert "Title with breaks" in text


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_xlsx_has_the_details_headers_and_print_setup(lang: str) -> None:
    sheet = _sheet(signin_sheet_xlsx(EVENT, lang))
    texts = _texts(sheet)
    for expected in (t("report.lag", lang), t("signin.sheet.title", lang), EVENT.title):
        assert expected in texts
    joined = " ".join(texts)
    assert {"lv": "18.03.2019", "en": "2019-03-18"}[lang] in joined
    assert EVENT.place in joined and EVENT.project in joined and EVENT.event_id in joined
    header = _header_row(sheet)
    assert [cell.value for cell in sheet[header]][:6] == HEADERS[lang]
    numbers = [sheet.cell(header + i, 1).value for i in range(1, 26)]
    assert numbers == list(range(1, 26))
    assert sheet.cell(header + 26, 1).value is None
    assert sheet.cell(header + 25, 2).border.bottom.style == "thin"
    # print setup
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize in (9, "9")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1, "1")  # 1 is the file format's default, left out
    assert sheet.page_setup.fitToHeight in (0, "0")
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.freeze_panes == f"A{header + 1}"
    # drop-downs and the year
    validations = {rule.type: rule for rule in sheet.data_validations.dataValidation}
    genders = {"lv": '"S,V,cits"', "en": '"F,M,other"'}[lang]
    lists = [rule for rule in sheet.data_validations.dataValidation if rule.type == "list"]
    assert any(rule.formula1 == genders and f"C{header + 1}" in str(rule.sqref) for rule in lists)
    municipality = next(rule for rule in lists if f"E{header + 1}" in str(rule.sqref))
    book = openpyxl.load_workbook(io.BytesIO(signin_sheet_xlsx(EVENT, lang)))
    hidden = book.worksheets[1]
    assert hidden.sheet_state == "hidden"
    assert hidden.title in municipality.formula1
    assert hidden["A1"].value == "Aizkraukles novads" and hidden.max_row == 43
    year = validations["whole"]
    assert year.formula1 == "1900" and year.formula2 == str(dt.date.today().year)
    assert f"D{header + 1}" in str(year.sqref)


def test_xlsx_row_count() -> None:
    sheet = _sheet(signin_sheet_xlsx(EVENT, "en", rows=40))
    header = _header_row(sheet)
    assert sheet.cell(header + 40, 1).value == 40
    assert sheet.cell(header + 41, 1).value is None


def test_xlsx_text_is_never_a_formula() -> None:
    event = SheetEvent("=1+1", '=HYPERLINK("x")', dt.date(2020, 1, 2), None, "@SUM(A1)\x00", "+cmd|x")
    sheet = _sheet(signin_sheet_xlsx(event, "lv"))
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    title = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert title.data_type == "s" and title.value == '=HYPERLINK("x")'
    assert all(cell.data_type != "f" for cell in cells)
    assert any(cell.value == "Vieta: @SUM(A1)" for cell in cells)  # the NUL removed


def test_xlsx_logos() -> None:
    assert len(_sheet(signin_sheet_xlsx(EVENT, "lv", logos=[_logo(), _logo((200, 30, 30))]))._images) == 2
    assert len(_sheet(signin_sheet_xlsx(EVENT, "lv"))._images) == 0


def test_sheets_from_the_demo_data(demo: Dataset) -> None:
    for event_id in demo.events["event_id"].head(5):
        event = sheet_event(demo, event_id, "lv")
        assert event.title in " ".join(_pdf_pages(signin_sheet_pdf(event, "lv")))
        assert event.title in _texts(_sheet(signin_sheet_xlsx(event, "lv")))


def test_a_study_visit_s_place_is_its_route(demo) -> None:
    """The 25 March 2019 study visit has no venue: its five stops, in order."""
    place = sheet_event(demo, "E2019-006", "lv").place
    assert place.startswith('Koprades telpa "Dzīvoklis" → Olaines novada uzņēmējdarbības atbalsta centrs → ')
    assert place.endswith(" → Biznesa vēstniecība → Jūrmalas biznesa inkubators") and place.count(" → ") == 4
