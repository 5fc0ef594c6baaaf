"""The report as a Word document (python-docx): title, funding line, identification, indicators
with targets, breakdowns, charts (or a note when they cannot be drawn), events list, provenance.

Every text enters the document through :func:`reports.clean_text.xml_text` (python-docx refuses
the control characters a spreadsheet cell can hold), core properties cut to Word's 255 characters.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from i18n import t
from i18n.formatting import period_text
from reports.chart_images import ChartImages
from reports.clean_text import cut, xml_text
from reports.labels import generated_text, mode_text
from reports.layout import (
    TextTable,
    breakdown_table,
    breakdown_title,
    counting_rules,
    events_table,
    identification_rows,
    indicator_table,
    provenance_rows,
    space_table,
)
from reports.model import BREAKDOWN_TABLES, Report

_FONT = "Calibri"
_HEADER_FILL = "DDEBF7"
_TEXT_WIDTH_CM = 17.0
_MUTED = RGBColor(0x59, 0x59, 0x59)
#: the longest core property (title, comments) Word takes
_PROPERTY_LIMIT = 255


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row) -> None:
    """The row repeats at the top of every page the table runs over."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _set_cell(cell, text: str, *, bold: bool = False, right: bool = False, size: float | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(1)
    run = paragraph.add_run(xml_text(text))
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def _table(doc: DocxDocument, table: TextTable, *, size: float | None = None) -> Table:
    result = doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
    result.style = "Table Grid"
    result.alignment = WD_TABLE_ALIGNMENT.LEFT
    result.autofit = False
    unit = _TEXT_WIDTH_CM * table.width_share / sum(table.widths)
    widths = [Cm(w * unit) for w in table.widths]
    for col, label in enumerate(table.header):
        cell = result.rows[0].cells[col]
        _set_cell(cell, label, bold=True, right=table.numeric[col], size=size)
        _shade(cell, _HEADER_FILL)
    _repeat_as_header(result.rows[0])
    for i, values in enumerate(table.rows, start=1):
        total = i - 1 in table.bold_rows
        for col, value in enumerate(values):
            _set_cell(result.rows[i].cells[col], value, bold=total, right=table.numeric[col], size=size)
    _widths(result, widths)
    doc.add_paragraph()
    return result


def _widths(table: Table, widths: list) -> None:
    """Column widths on the grid (LibreOffice reads these) and on every cell (Word reads those)."""
    for col, width in enumerate(widths):
        table.columns[col].width = width
        for cell in table.columns[col].cells:
            cell.width = width


def _pairs(doc: DocxDocument, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for row, (label, value) in zip(table.rows, rows, strict=True):
        _set_cell(row.cells[0], label, bold=True)
        _shade(row.cells[0], "F2F2F2")
        _set_cell(row.cells[1], value)
    _widths(table, [Cm(6.2), Cm(_TEXT_WIDTH_CM - 6.2)])
    doc.add_paragraph()


def _note(doc: DocxDocument, text: str) -> None:
    run = doc.add_paragraph().add_run(xml_text(text))
    run.italic = True
    run.font.color.rgb = _MUTED


def _page_field(paragraph) -> None:
    """A PAGE field (begin, code, separate, shown number, end): Word and LibreOffice fill in the page."""
    for kind in ("begin", "code", "separate", "result", "end"):
        run = paragraph.add_run("1" if kind == "result" else None)
        if kind == "code":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = " PAGE "
            run._r.append(code)
        elif kind != "result":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _setup(doc: DocxDocument, report: Report) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(10.5)
    footer = section.footer.paragraphs[0]
    footer.text = xml_text(f"{t('report.lag', report.lang)} · {report.project_code} · ")
    _page_field(footer)
    for run in footer.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = _MUTED
    props = doc.core_properties
    props.title = cut(xml_text(f"{t('report.title', report.lang)} {report.project_code}"), _PROPERTY_LIMIT)
    props.author = t("report.lag", report.lang)
    props.comments = cut(xml_text(f"SHA-256 {report.provenance.fingerprint}"), _PROPERTY_LIMIT)
    props.language = report.lang


def _charts(doc: DocxDocument, report: Report, images: ChartImages) -> None:
    lang = report.lang
    if not images.images and not images.hidden and images.missing_reason is None:
        return
    doc.add_heading(t("report.section.charts", lang), level=1)
    if images.missing_reason is not None:
        _note(doc, t("report.charts_missing", lang, reason=images.missing_reason))
    for image in images.images:
        doc.add_picture(io.BytesIO(image.png), width=Cm(16 * image.width_share))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for title in images.hidden:
        _note(doc, t("report.chart_hidden", lang, title=title))


def build_docx(report: Report, images: ChartImages) -> bytes:
    lang = report.lang
    doc = Document()
    _setup(doc, report)

    doc.add_heading(t("report.title", lang), level=0)
    subtitle = doc.add_paragraph()
    subtitle.add_run(xml_text(report.identification.title)).bold = True
    subtitle.add_run(xml_text(f"\n{report.project_code} · {period_text(report.start, report.end, lang)}"))
    funding = doc.add_paragraph()
    funding.add_run(t("report.funding", lang)).bold = True
    _shade_paragraph(funding)
    _note(doc, f"{mode_text(report)} {t('report.generated', lang, when=generated_text(report))}.")

    doc.add_heading(t("report.section.identification", lang), level=1)
    _pairs(doc, identification_rows(report))
    doc.add_heading(t("report.section.indicators", lang), level=1)
    _table(doc, indicator_table(report))

    doc.add_heading(t("report.section.breakdowns", lang), level=1)
    for kind, _ in BREAKDOWN_TABLES:
        doc.add_heading(breakdown_title(report, kind), level=2)
        _table(doc, breakdown_table(report, kind))
    if report.by_space:
        doc.add_heading(t("report.section.spaces", lang), level=2)
        _table(doc, space_table(report))

    _charts(doc, report, images)

    doc.add_heading(t("report.section.events", lang), level=1)
    if report.events:
        _table(doc, events_table(report), size=9)
    else:
        _note(doc, t("report.no_events", lang))

    doc.add_heading(t("report.section.provenance", lang), level=1)
    _pairs(doc, provenance_rows(report))
    doc.add_paragraph().add_run(t("report.prov.rules", lang)).bold = True
    for sentence in counting_rules(report):
        doc.add_paragraph(xml_text(sentence), style="List Bullet")

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _shade_paragraph(paragraph, fill: str = "E2EFDA") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    paragraph._p.get_or_add_pPr().append(shading)
