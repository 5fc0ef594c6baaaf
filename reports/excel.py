"""The report as an Excel workbook (xlsxwriter): a summary laid out like a report, one sheet per
breakdown with its native Excel chart beside the table, the events list and the provenance.

Columns are as wide as their content (up to a limit, then the text wraps), and every row with
wrapped text is given the height it needs: Excel and LibreOffice do not fit a row to wrapped text
written by xlsxwriter by themselves, so a title would otherwise be cut at the cell's edge. Charts
refer to the table's cells; in the public version a breakdown with a hidden cell gets no chart,
exactly as in the Word and PDF reports (:func:`reports.report_charts.breakdown_series` decides), and
the sheet says so in its place. Print setup: A4, one page wide, the header rows repeated; the
events list and the sheets with a chart in landscape.

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
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

import charts
from exports.safe_cells import is_formula_like
from i18n import t
from i18n.formatting import period_text
from reports.clean_text import xml_text
from reports.labels import (
    code_label,
    generated_text,
    indicator_label,
    mode_text,
    report_title,
    section_title,
    subject_code,
)
from reports.layout import (
    Line,
    breakdown_header,
    breakdown_rows,
    breakdown_title,
    cost_basis_text,
    cost_lines,
    identification_rows,
    indicator_keys,
    indicator_value,
    outcome_lines,
    population_note,
    provenance_rows,
)
from reports.model import BREAKDOWN_TABLES, Report
from reports.report_charts import breakdown_series
from reports.text_width import line_count, longest_word, text_width

_DATE_FORMATS = {"lv": "dd.mm.yyyy", "en": "d mmm yyyy"}
_INT = "#,##0"
_PERCENT = "0%"
_MONEY = "#,##0.00"
_FTE = "#,##0.0#"
_FONT_PT = 11
#: a row of one line of 11-point text (points)
_LINE_PT = 15.0
_PARTICIPATIONS_COLOUR = charts.colours.NEUTRAL
_UNIQUE_COLOUR = "#E69F00"


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

    def sheet(self, name: str, *, landscape: bool = False, header_rows: tuple[int, int] | None = None) -> Worksheet:
        """A sheet printed on A4, one page wide; ``header_rows`` (first, last) repeat on every printed page."""
        sheet = self.workbook.add_worksheet(name[:31])
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        if landscape:
            sheet.set_landscape()
        if header_rows is not None:
            sheet.repeat_rows(*header_rows)
        return sheet


def _units(points: float) -> float:
    """Excel's column width (in widths of the digit "0") that holds a text of ``points``.

    A column's width is stored in widths of "0" of the workbook's font, and each program converts
    it with the font it shows: measured in the same font's "0", a text needs about as many in Excel
    (Calibri) as in LibreOffice (which shows Calibri as DejaVu Sans where Calibri is missing).
    """
    return max(0.0, points / _digit() + 0.6)


def _points(units: float) -> float:
    """What a column of ``units`` holds of text (points of the measuring font)."""
    return max(0.0, (units - 0.4) * _digit())


def _merged_width(widths: tuple[float, ...]) -> float:
    """The width (units) of cells merged across columns: theirs and the margins between them."""
    return sum(widths) + 0.5 * (len(widths) - 1)


def _digit() -> float:
    return text_width("0", _FONT_PT)


def _column_width(texts: list[str], *, bold_first: bool = False, least: float = 8, most: float = 60) -> float:
    """A column as wide as its longest text (the first one in bold: the header), within ``least``–``most``;
    a header may wrap at its words, the other texts wrap only beyond ``most``."""
    header = texts[0] if bold_first and texts else None
    body = texts[1:] if bold_first else texts
    needed = max((text_width(text, _FONT_PT) for text in body), default=0.0)
    if header is not None:
        needed = max(needed, longest_word(header, _FONT_PT, bold=True))
    return round(min(max(_units(needed), least), most), 1)


def _height(cells: list[tuple[str, float, bool]]) -> float:
    """A row's height (points) for its wrapped ``(text, column width in units, bold)`` cells."""
    lines = max((line_count(text, _points(width), _FONT_PT, bold=bold) for text, width, bold in cells), default=1)
    return _LINE_PT * lines


def _summary(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.summary", lang))
    widths = (58, 15, 15, 15)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    merged = _merged_width(widths[1:])
    book.text(sheet, 0, 0, f"{report_title(report)}: {report.identification.title}", bold=True, font_size=15)
    book.text(sheet, 1, 0, f"{subject_code(report)} · {period_text(report.start, report.end, lang)}", font_size=12)
    book.merged(sheet, 2, 0, 3, t("report.funding", lang), text_wrap=True, bold=True, bg_color="#E2EFDA")
    sheet.set_row(2, _height([(t("report.funding", lang), _merged_width(widths), True)]))
    book.text(sheet, 3, 0, mode_text(report), italic=True, font_color="#9C0006" if report.public else "#375623")

    row = 5
    book.text(sheet, row, 0, section_title(report, "identification"), bold=True, font_size=13)
    row += 1
    keys = _NETWORK_KEYS if report.network else _IDENTIFICATION_KEYS
    for (label, value), key in zip(identification_rows(report), keys, strict=True):
        book.text(sheet, row, 0, label, bold=True, valign="top")
        if key == "budget" and report.identification.budget_eur is not None:
            sheet.write_number(row, 1, report.identification.budget_eur, book.fmt(num_format=_MONEY, align="left"))
        else:
            book.merged(sheet, row, 1, 3, value, text_wrap=True, valign="top")
            sheet.set_row(row, _height([(xml_text(value), merged, False)]))
        row += 1

    row += 1
    book.text(sheet, row, 0, section_title(report, "indicators"), bold=True, font_size=13)
    row += 1
    columns = ("indicator", "value") if report.network else ("indicator", "achieved", "target", "percent")
    book.header(sheet, row, [t(f"report.col.{c}", lang) for c in columns], [False] + [True] * (len(columns) - 1))
    for key in indicator_keys(report):
        row += 1
        number = _FTE if key == "jobs_fte" else _INT
        book.text(sheet, row, 0, indicator_label(report, key), text_wrap=True)
        value = indicator_value(report, key)
        if value is None:
            book.text(sheet, row, 1, t("report.no_data", lang), align="right")
        elif isinstance(value, float):
            sheet.write_number(row, 1, value, book.fmt(num_format=number))
        else:
            book.figure(sheet, row, 1, value)
        target = report.targets.get(key)
        if report.network:
            continue
        if target is None:
            book.text(sheet, row, 2, t("report.no_target", lang), align="right")
            book.text(sheet, row, 3, t("report.no_target", lang), align="right")
            continue
        sheet.write_number(row, 2, target.target, book.fmt(num_format=number))
        if target.ratio is None:
            book.text(sheet, row, 3, t("report.no_target", lang), align="right")
        else:
            sheet.write_number(row, 3, target.ratio, book.fmt(num_format=_PERCENT))
    row = _version_2(book, sheet, report, row)

    book.text(sheet, row + 2, 0, t("report.generated", lang, when=generated_text(report)), italic=True)


_NUMBER_FORMATS = {"fte": _FTE, "money": _MONEY, "percent": _PERCENT, "count": _INT}


def _lines(book: _Book, sheet: Worksheet, row: int, title: str, lines: list[Line], notes: list[str]) -> int:
    """A section of the summary: its title, a label and a number per line, its notes; the last row used."""
    row += 2
    book.text(sheet, row, 0, title, bold=True, font_size=13)
    row += 1
    book.header(sheet, row, [t("report.col.indicator", book.lang), t("report.col.value", book.lang)], [False, True])
    for line in lines:
        row += 1
        book.text(sheet, row, 0, line.label, text_wrap=True)
        if line.value is None:
            book.text(sheet, row, 1, "–", align="right")
        else:
            sheet.write_number(row, 1, line.value, book.fmt(num_format=_NUMBER_FORMATS[line.kind]))
    for note in notes:
        row += 1
        book.merged(sheet, row, 0, 3, note, text_wrap=True, italic=True, font_color="#595959")
        sheet.set_row(row, _height([(note, _merged_width((58, 15, 15, 15)), False)]))
    return row


def _version_2(book: _Book, sheet: Worksheet, report: Report, row: int) -> int:
    """Results and costs under the indicators (only when the data has them); the last row used."""
    lang = report.lang
    note = population_note(report)
    if note:
        row += 1
        book.merged(sheet, row, 0, 3, note, text_wrap=True, italic=True, font_color="#595959")
        sheet.set_row(row, _height([(note, _merged_width((58, 15, 15, 15)), False)]))
    if report.outcomes is not None:
        row = _lines(book, sheet, row, t("report.section.results", lang), outcome_lines(report),
                     [t("report.outcome.note", lang)])
    if report.costs is not None:
        notes = [cost_basis_text(report)] + ([t("report.cost.public_note", lang)] if report.public else [])
        row = _lines(book, sheet, row, t("report.section.costs", lang), cost_lines(report), notes)
    return row


def _projects(book: _Book, report: Report) -> None:
    """The network's annual report: each project's events in the year and its money."""
    lang = report.lang
    sheet = book.sheet(t("report.sheet.projects", lang), landscape=True, header_rows=(2, 2))
    labels = [t(f"report.col.{c}", lang) for c in ("project", "project_title", "project_events", "spent", "budget",
                                                   "absorbed")]
    widths = [_column_width([labels[0], *(r.project_code for r in report.projects)], bold_first=True, least=14),
              _column_width([labels[1], *(xml_text(r.title) for r in report.projects)], bold_first=True, least=20,
                            most=55)]
    widths += [_column_width([label, "000 000,00"], bold_first=True, least=11, most=20) for label in labels[2:]]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    book.text(sheet, 0, 0, t("report.section.projects", lang), bold=True, font_size=13)
    _table_header(book, sheet, 2, labels, widths, [False, False, True, True, True, True])
    for row, item in enumerate(report.projects, start=3):
        book.text(sheet, row, 0, item.project_code, valign="top")
        book.text(sheet, row, 1, item.title, text_wrap=True, valign="top")
        sheet.set_row(row, _height([(xml_text(item.title), widths[1], False)]))
        book.figure(sheet, row, 2, item.events, valign="top")
        for col, value, number in ((3, item.spent_eur, _MONEY), (4, item.budget_eur, _MONEY),
                                   (5, item.budget_absorbed, _PERCENT)):
            if value is None:
                book.text(sheet, row, col, "–", align="right", valign="top")
            else:
                sheet.write_number(row, col, value, book.fmt(num_format=number, valign="top"))
    if not report.projects:
        book.text(sheet, 3, 0, t("report.network.no_projects", lang), italic=True)
    sheet.freeze_panes(3, 0)


_IDENTIFICATION_KEYS = (
    "project_code", "title", "programme", "measure", "funder", "project_period", "budget", "report_period",
    "beneficiary",
)  # fmt: skip
_NETWORK_KEYS = ("year", "report_period", "scope", "beneficiary")


def _table_header(book: _Book, sheet: Worksheet, row: int, labels: list[str], widths: list[float],
                  numeric: list[bool]) -> None:
    """The header row, as tall as its wrapped labels."""
    book.header(sheet, row, labels, numeric)
    sheet.set_row(row, _height([(label, width, True) for label, width in zip(labels, widths, strict=True)]))


def _breakdown(book: _Book, report: Report, kind: str) -> None:
    lang = report.lang
    header = list(breakdown_header(report, kind))
    lines = breakdown_rows(report, kind)
    keys = dict(BREAKDOWN_TABLES)[kind]
    codes = list(dict.fromkeys(code for key in keys for code in report.breakdowns[key]))
    charted = bool(report.events)  # no events: no chart, as in the Word and PDF reports
    # beside its table on a landscape page, unless the chart is taller than that page (many municipalities)
    landscape = charted and _chart_height(kind, len(codes), len(keys)) <= _LANDSCAPE_CHART_PX
    sheet = book.sheet(t(f"report.sheet.{kind}", lang), landscape=landscape, header_rows=(2, 2))
    widths = [_column_width([header[0], *(line.label for line in lines)], bold_first=True, least=14, most=45)]
    widths += [_column_width([label, "000 000"], bold_first=True, least=11, most=20) for label in header[1:]]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    book.text(sheet, 0, 0, breakdown_title(report, kind), bold=True, font_size=13)
    _table_header(book, sheet, 2, header, widths, [False] + [True] * (len(header) - 1))
    row = 2
    for line in lines:
        row += 1
        style = {"bold": True, "top": 1} if line.bold else {}
        book.text(sheet, row, 0, line.label, text_wrap=True, **style)
        if _height([(line.label, widths[0], line.bold)]) > _LINE_PT:
            sheet.set_row(row, _height([(line.label, widths[0], line.bold)]))
        for col, value in enumerate(line.values, start=1):
            book.figure(sheet, row, col, value, **style)
    sheet.freeze_panes(3, 0)
    if charted:
        _chart(book, sheet, report, kind, keys, codes, len(header) + 1)


#: the tallest chart (pixels) that still prints beside its table on a landscape page
_LANDSCAPE_CHART_PX = 620


def _chart_height(kind: str, codes: int, series: int) -> int:
    """Pixels: a bar chart grows with its municipalities (a category of two bars about 28 pixels)."""
    if kind != "municipality":
        return 320
    return min(1250, max(320, (14 + 14 * series) * codes + 130))


def _chart(book: _Book, sheet: Worksheet, report: Report, kind: str, keys: tuple[str, ...], codes: list[str],
           col: int) -> None:
    """The breakdown's native chart beside its table (rows 3 … of the codes, not the total), one series per
    breakdown that may be charted; a note for each one that may not (public version: a hidden cell)."""
    lang, name = report.lang, sheet.get_name()
    first, last = 3, 3 + len(codes) - 1
    shown, row = [], 2
    for i, key in enumerate(keys, start=1):
        series = breakdown_series(report, key)
        if series is None:
            title = t(f"report.breakdown.{key}", lang)
            book.text(sheet, row, col, t("report.chart_hidden", lang, title=title), italic=True, font_color="#595959")
            row += 1
        elif int(series.sum()) > 0:
            shown.append((i, key))
    if not shown:
        return
    horizontal = kind == "municipality"
    chart = book.workbook.add_chart({"type": "bar" if horizontal else "column"})
    for i, key in shown:
        options: dict[str, Any] = {
            "name": [name, 2, i], "categories": [name, first, 0, last, 0], "values": [name, first, i, last, i],
            "data_labels": {"value": True, "num_format": _INT, "font": {"size": 8}}, "gap": 50,
            "fill": {"color": _UNIQUE_COLOUR if key.startswith("unique") else _PARTICIPATIONS_COLOUR},
        }
        if kind == "event_type":
            options["points"] = [{"fill": {"color": charts.EVENT_TYPE_COLOURS.get(code, charts.colours.NEUTRAL)}}
                                 for code in codes]
        chart.add_series(options)
    title = t(f"report.breakdown.{shown[0][1]}", lang) if len(shown) == 1 else breakdown_title(report, kind)
    chart.set_title({"name": title, "name_font": {"size": 12, "bold": True}})
    chart.set_legend({"none": True} if len(shown) == 1 else {"position": "bottom"})
    values = {"num_format": _INT, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if horizontal:  # the first municipality at the top, as in the table
        chart.set_y_axis({"reverse": True, "crossing": "max"})
        chart.set_x_axis(values)
    else:
        chart.set_y_axis(values)
    chart.set_size({"width": 560, "height": _chart_height(kind, len(codes), len(shown))})
    sheet.insert_chart(row, col, chart, {"x_offset": 8, "y_offset": 4, "object_position": 1})


def _spaces(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.spaces", lang), header_rows=(2, 2))
    labels = [t(key, lang) for key in ("report.col.space", "report.col.space_events", "report.col.space_visits",
                                       "report.col.space_participations")]
    widths = [_column_width([labels[0], *(space.name for space in report.by_space)], bold_first=True, least=14,
                            most=45)]
    widths += [_column_width([label, "000 000"], bold_first=True, least=11, most=20) for label in labels[1:]]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    book.text(sheet, 0, 0, t("report.section.spaces", lang), bold=True, font_size=13)
    _table_header(book, sheet, 2, labels, widths, [False, True, True, True])
    for row, space in enumerate(report.by_space, start=3):
        book.text(sheet, row, 0, space.name, text_wrap=True, valign="top")
        sheet.set_row(row, _height([(xml_text(space.name), widths[0], False)]))
        for col, value in enumerate((space.events, space.visits, space.participations), start=1):
            book.figure(sheet, row, col, value, valign="top")
    sheet.freeze_panes(3, 0)


def _events(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.events", lang), landscape=True, header_rows=(0, 0))
    keys = ("report.col.event_id", "col.starts_on", "col.title", "col.event_type", "col.venue", "col.participations")
    labels = [t(key, lang) for key in keys]
    texts = [
        [xml_text(event.event_id) for event in report.events],
        ["00.00.0000"],
        [xml_text(event.title) for event in report.events],
        [code_label("event_type", event.event_type, lang) for event in report.events],
        [xml_text(event.venue or "–") for event in report.events],
        ["000 000"],
    ]
    most = (16, 12, 55, 24, 50, 14)  # in all about as wide as a landscape A4 page at 100 %
    widths = [_column_width([label, *column], bold_first=True, least=9, most=limit)
              for label, column, limit in zip(labels, texts, most, strict=True)]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    _table_header(book, sheet, 0, labels, widths, [False] * 5 + [True])
    top = {"valign": "top"}
    for row, event in enumerate(report.events, start=1):
        title, kind, venue = texts[2][row - 1], texts[3][row - 1], texts[4][row - 1]
        book.text(sheet, row, 0, event.event_id, **top)
        book.date(sheet, row, 1, event.starts_on, **top)
        book.text(sheet, row, 2, event.title, text_wrap=True, **top)
        book.text(sheet, row, 3, kind, text_wrap=True, **top)
        book.text(sheet, row, 4, event.venue or "–", text_wrap=True, **top)
        book.figure(sheet, row, 5, event.participations, **top)
        sheet.set_row(row, _height([(title, widths[2], False), (kind, widths[3], False), (venue, widths[4], False)]))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(report.events), 1), len(labels) - 1)


def _provenance(book: _Book, report: Report) -> None:
    lang = report.lang
    sheet = book.sheet(t("report.sheet.provenance", lang))
    widths = (32, 66)  # A4 portrait at about 90 %: the fingerprint on one line, the rules wrapped
    sheet.set_column(0, 0, widths[0])
    sheet.set_column(1, 1, widths[1])
    book.text(sheet, 0, 0, t("report.section.provenance", lang), bold=True, font_size=13)
    row = 2
    for label, value in provenance_rows(report):
        book.text(sheet, row, 0, label, bold=True, valign="top", text_wrap=True)
        book.text(sheet, row, 1, value, text_wrap=True, valign="top")
        sheet.set_row(row, _height([(label, widths[0], True), (value, widths[1], False)]))
        row += 1
    row += 1
    book.text(sheet, row, 0, t("report.prov.rules", lang), bold=True)
    for _, sentence in report.provenance.counting_rules:
        row += 1
        book.merged(sheet, row, 0, 1, sentence, text_wrap=True, valign="top")
        sheet.set_row(row, _height([(sentence, _merged_width(widths), False)]))


def build_xlsx(report: Report) -> bytes:
    buffer = io.BytesIO()
    book = _Book(buffer, report.lang)
    book.workbook.set_properties(
        {"title": xml_text(f"{report_title(report)} {subject_code(report)}"),
         "company": t("report.lag", report.lang),
         "comments": f"SHA-256 {report.provenance.fingerprint}"}
    )
    _summary(book, report)
    for kind, _ in BREAKDOWN_TABLES:
        _breakdown(book, report, kind)
    if report.network:
        _projects(book, report)
    _spaces(book, report)
    _events(book, report)
    _provenance(book, report)
    book.workbook.close()
    return buffer.getvalue()
