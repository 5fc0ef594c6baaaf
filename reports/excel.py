"""The report as an Excel workbook (xlsxwriter): a summary laid out like a report, one sheet per
breakdown, the events list and the provenance.

Figures are real numbers with number formats (a suppressed one is the text ``<5``, right
aligned); dates are real dates. No text is ever a formula: the workbook converts nothing
(``strings_to_formulas`` off) and text that a spreadsheet would run (``= + - @``, tab, CR) is
also marked "quote prefix", so it stays text even when someone edits the cell. Every text first
goes through :func:`reports.clean_text.xml_text`: the workbook is XML, which cannot hold NUL, ESC and
the other control characters a spreadsheet cell can bring along (the formula check sees the cleaned text).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from exports.safe_cells import is_formula_like
from i18n import t
from i18n.formatting import period_text
from reports.clean_text import xml_text
from reports.labels import code_label, generated_text, indicator_label, mode_text
from reports.layout import breakdown_header, breakdown_rows, breakdown_title, identification_rows, provenance_rows
from reports.model import BREAKDOWN_TABLES, INDICATOR_KEYS, Report

_DATE_FORMATS = {"lv": "dd.mm.yyyy", "en": "d mmm yyyy"}
_INT = "#,##0"
_PERCENT = "0%"
_MONEY = "#,##0.00"


class _Book:
    """The workbook plus memoised formats and safe cell writers."""

    def __init__(self, buffer: io.BytesIO, lang: str) -> None:
        self.workbook = xlsxwriter.Workbook(
            buffer,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        self.lang = lang
        self._formats: dict[tuple, Format] = {}

    def fmt(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format({"font_name": "Calibri", "font_size": 11, **props})
        return self._formats[key]

    def text(self, sheet: Worksheet, row: int, col: int, value: str | None, **props: Any) -> None:
        value = xml_text(value)
        if is_formula_like(value):
            props["quote_prefix"] = True
        sheet.write_string(row, col, value, self.fmt(**props))

    def merged(self, sheet: Worksheet, row: int, first: int, last: int, value: str | None, **props: Any) -> None:
        """Text across columns ``first``–``last`` of one row."""
        value = xml_text(value)
        if is_formula_like(value):
            props["quote_prefix"] = True
        sheet.merge_range(row, first, row, last, value, self.fmt(**props))

    def figure(self, sheet: Worksheet, row: int, col: int, value: int | str, **props: Any) -> None:
        """A count: a number, or a suppressed ``<5`` / ``≥5`` as right-aligned text."""
        if isinstance(value, int):
            sheet.write_number(row, col, value, self.fmt(num_format=_INT, **props))
        else:
            self.text(sheet, row, col, value, align="right", **props)

    def date(self, sheet: Worksheet, row: int, col: int, value: dt.date, **props: Any) -> None:
        fmt = self.fmt(num_format=_DATE_FORMATS.get(self.lang, _DATE_FORMATS["lv"]), align="left", **props)
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt)

    def header(self, sheet: Worksheet, row: int, labels: list[str], numeric: list[bool]) -> None:
        for col, (label, right) in enumerate(zip(labels, numeric, strict=True)):
            self.text(sheet, row, col, label, bold=True, bg_color="#DDEBF7", bottom=1, text_wrap=True,
                      align="right" if right else "left", valign="top")

    def sheet(self, name: str) -> Worksheet:
        sheet = self.workbook.add_worksheet(name[:31])
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        return sheet


def _summary(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.summary", lang))
    sheet.set_column(0, 0, 58)
    sheet.set_column(1, 3, 15)
    book.text(sheet, 0, 0, f"{t('report.title', lang)}: {report.identification.title}", bold=True, font_size=15)
    book.text(sheet, 1, 0, f"{report.project_code} · {period_text(report.start, report.end, lang)}", font_size=12)
    book.merged(sheet, 2, 0, 3, t("report.funding", lang), text_wrap=True, bold=True, bg_color="#E2EFDA")
    sheet.set_row(2, _height(t("report.funding", lang), 95))
    book.text(sheet, 3, 0, mode_text(report), italic=True, font_color="#9C0006" if report.public else "#375623")

    row = 5
    book.text(sheet, row, 0, t("report.section.identification", lang), bold=True, font_size=13)
    row += 1
    for (label, value), key in zip(identification_rows(report), _IDENTIFICATION_KEYS, strict=True):
        book.text(sheet, row, 0, label, bold=True, valign="top")
        if key == "budget" and report.identification.budget_eur is not None:
            sheet.write_number(row, 1, report.identification.budget_eur, book.fmt(num_format=_MONEY, align="left"))
        else:
            book.merged(sheet, row, 1, 3, value, text_wrap=True, valign="top")
            sheet.set_row(row, _height(value, 45))
        row += 1

    row += 1
    book.text(sheet, row, 0, t("report.section.indicators", lang), bold=True, font_size=13)
    row += 1
    book.header(sheet, row, [t(f"report.col.{c}", lang) for c in ("indicator", "achieved", "target", "percent")],
                [False, True, True, True])
    for key in INDICATOR_KEYS:
        row += 1
        book.text(sheet, row, 0, indicator_label(report, key), text_wrap=True)
        book.figure(sheet, row, 1, report.indicators[key])
        target = report.targets.get(key)
        if target is None:
            book.text(sheet, row, 2, t("report.no_target", lang), align="right")
            book.text(sheet, row, 3, t("report.no_target", lang), align="right")
            continue
        sheet.write_number(row, 2, target.target, book.fmt(num_format=_INT))
        if target.ratio is None:
            book.text(sheet, row, 3, t("report.no_target", lang), align="right")
        else:
            sheet.write_number(row, 3, target.ratio, book.fmt(num_format=_PERCENT))

    book.text(sheet, row + 2, 0, t("report.generated", lang, when=generated_text(report)), italic=True)


def _height(text: str, chars_per_line: int) -> float:
    """Row height (points) for wrapped text in merged cells, which Excel does not fit by itself."""
    return 15.0 * max(1, math.ceil(len(text) / chars_per_line))


_IDENTIFICATION_KEYS = (
    "project_code", "title", "programme", "measure", "funder", "project_period", "budget", "report_period",
    "beneficiary",
)  # fmt: skip


def _breakdown(book: _Book, report: Report, kind: str) -> None:
    sheet = book.sheet(t(f"report.sheet.{kind}", report.lang))
    header = list(breakdown_header(report, kind))
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, len(header) - 1, 18)
    book.text(sheet, 0, 0, breakdown_title(report, kind), bold=True, font_size=13)
    book.header(sheet, 2, header, [False] + [True] * (len(header) - 1))
    row = 2
    for line in breakdown_rows(report, kind):
        row += 1
        style = {"bold": True, "top": 1} if line.bold else {}
        book.text(sheet, row, 0, line.label, **style)
        for col, value in enumerate(line.values, start=1):
            book.figure(sheet, row, col, value, **style)
    sheet.freeze_panes(3, 0)


def _spaces(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.spaces", lang))
    columns = [("report.col.space", 40), ("report.col.space_events", 16), ("report.col.space_visits", 18),
               ("report.col.space_participations", 18)]
    for col, (_, width) in enumerate(columns):
        sheet.set_column(col, col, width)
    book.text(sheet, 0, 0, t("report.section.spaces", lang), bold=True, font_size=13)
    book.header(sheet, 2, [t(key, lang) for key, _ in columns], [False, True, True, True])
    for row, space in enumerate(report.by_space, start=3):
        book.text(sheet, row, 0, space.name)
        for col, value in enumerate((space.events, space.visits, space.participations), start=1):
            book.figure(sheet, row, col, value)
    sheet.freeze_panes(3, 0)


def _events(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.events", lang))
    sheet.set_landscape()
    columns = [("report.col.event_id", 12), ("col.starts_on", 12), ("col.title", 50), ("col.event_type", 22),
               ("col.venue", 44), ("col.participations", 12)]
    for col, (_, width) in enumerate(columns):
        sheet.set_column(col, col, width)
    book.header(sheet, 0, [t(key, lang) for key, _ in columns], [False] * 5 + [True])
    for row, event in enumerate(report.events, start=1):
        book.text(sheet, row, 0, event.event_id)
        book.date(sheet, row, 1, event.starts_on)
        book.text(sheet, row, 2, event.title)
        book.text(sheet, row, 3, code_label("event_type", event.event_type, lang))
        book.text(sheet, row, 4, event.venue or "–")
        book.figure(sheet, row, 5, event.participations)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(report.events), 1), len(columns) - 1)


def _provenance(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.provenance", lang))
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 1, 100)
    book.text(sheet, 0, 0, t("report.section.provenance", lang), bold=True, font_size=13)
    row = 2
    for label, value in provenance_rows(report):
        book.text(sheet, row, 0, label, bold=True, valign="top")
        book.text(sheet, row, 1, value, text_wrap=True, valign="top")
        row += 1
    row += 1
    book.text(sheet, row, 0, t("report.prov.rules", lang), bold=True)
    for _, sentence in report.provenance.counting_rules:
        row += 1
        book.merged(sheet, row, 0, 1, sentence, text_wrap=True, valign="top")
        sheet.set_row(row, _height(sentence, 150))


def build_xlsx(report: Report) -> bytes:
    buffer = io.BytesIO()
    book = _Book(buffer, report.lang)
    book.workbook.set_properties(
        {"title": xml_text(f"{t('report.title', report.lang)} {report.project_code}"),
         "company": t("report.lag", report.lang),
         "comments": f"SHA-256 {report.provenance.fingerprint}"}
    )
    _summary(book, report)
    for kind, _ in BREAKDOWN_TABLES:
        _breakdown(book, report, kind)
    _spaces(book, report)
    _events(book, report)
    _provenance(book, report)
    book.workbook.close()
    return buffer.getvalue()
