"""The Reports page in a real browser: both languages (screenshots), and the Excel and PDF files
made with their format's button, downloaded through the download button that takes its place, and opened."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

import metrics
from i18n import t
from reports import assemble_report
from reports.labels import indicator_label

from .conftest import (
    Server,
    app_url,
    assert_no_exception,
    open_app,
    screenshot,
    show_everything,
    wait_for_app,
    wait_for_charts,
    whole_words,
)

pytestmark = pytest.mark.browser

COLABORA = "18-00-A019.333-000015"
DOWNLOAD_TIMEOUT_MS = 60_000
RAW_CODES = ("study_visit", "open_day", "unknown", "participations_by_gender", "report.page", "report.indicator")


def make_and_download(page: Page, fmt: str) -> None:
    """Press the format's button (the file is made, Word and PDF with their charts), then its download button."""
    page.locator(f".st-key-report-prepare-{fmt} button").click()
    wait_for_app(page, timeout=DOWNLOAD_TIMEOUT_MS)
    download = page.locator(f".st-key-report-download-{fmt} button")
    expect(download).to_be_visible(timeout=DOWNLOAD_TIMEOUT_MS)
    expect(page.locator(f".st-key-report-prepare-{fmt}")).to_have_count(0)
    download.click()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_reports_page_in_both_languages(page: Page, streamlit_server: Server, lang: str) -> None:
    open_app(page, app_url(streamlit_server.url, "reports", {"lang": lang} if lang != "lv" else None))
    assert_no_exception(page)
    main = page.get_by_test_id("stMain")
    expect(main.locator("h1").first).to_have_text(t("page.reports", lang))
    expect(page.locator(".st-key-report-downloads [data-testid='stButton']")).to_have_count(5)
    expect(page.locator(".st-key-report-downloads [data-testid='stDownloadButton']")).to_have_count(0)
    expect(page.locator(".st-key-report-indicators")).to_contain_text(t("report.indicator.unique_participants", lang))
    show_everything(page)
    wait_for_charts(page, 4)
    text = main.inner_text()
    assert not whole_words(RAW_CODES, text), whole_words(RAW_CODES, text)
    assert screenshot(page, f"reports-{lang}").stat().st_size > 0


def test_excel_download_opens_with_the_pages_figures(page: Page, streamlit_server: Server, demo) -> None:
    open_app(page, app_url(streamlit_server.url, "reports"))
    assert_no_exception(page)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
        make_and_download(page, "xlsx")
    assert download.value.suggested_filename == f"atskaite_{COLABORA}_2018-09-01_2020-12-31.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    summary = {row[0].value: row for row in book["Kopsavilkums"].iter_rows() if isinstance(row[0].value, str)}

    f = metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31), projects=(COLABORA,))
    report = assemble_report(demo, COLABORA)
    assert summary[indicator_label(report, "events")][1].value == metrics.event_count(demo, f)
    assert summary[indicator_label(report, "participations")][1].value == metrics.participations(demo, f)
    assert summary[indicator_label(report, "unique_participants")][1].value == metrics.unique_participants(demo, f)
    assert summary[indicator_label(report, "residents_active_at_end")][1].value == metrics.active_residents(demo, f)
    assert book["Pasākumi"].max_row == 1 + metrics.event_count(demo, f)
    assert_no_exception(page)


def test_public_pdf_download(page: Page, streamlit_server: Server) -> None:
    open_app(page, app_url(streamlit_server.url, "reports", {"report_public": "1"}))
    expect(page.get_by_test_id("stMain")).to_contain_text(t("report.mode.public", "lv"))
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
        make_and_download(page, "pdf")
    data = download.value.path().read_bytes()
    assert data.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Projekta atskaite" in text and "Publiskā versija" in text
    assert_no_exception(page)
