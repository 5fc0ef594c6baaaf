"""The report as a Word document (python-docx): the partnership's logos, title, funding line,
identification, indicators with targets, breakdowns, charts (or a note when they cannot be drawn),
events list, provenance.

Tables: columns sized to their content (:func:`reports.text_width.fit_columns`: dates and figures
narrow, titles and venues wide), no row broken across pages (``cantSplit``; a row Word or
LibreOffice may split leaves its empty rest under the repeated header on the next page), the header
row repeated on every page, a short table kept whole on one page. The events list is set on
landscape pages when its texts would not fit the portrait width on one line.

Every text enters the document through :func:`reports.clean_text.xml_text` (python-docx refuses
the control characters a spreadsheet cell can hold), core properties cut to Word's 255 characters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from i18n import t
from i18n.formatting import period_text
from reports.chart_images import ChartImages, PendingImages, resolved
from reports.clean_text import cut, xml_text
from reports.labels import generated_text, mode_text, report_title, section_title, subject_code
from reports.layout import (
    TextTable,
    breakdown_table,
    breakdown_title,
    cost_basis_text,
    cost_lines,
    counting_rules,
    events_table,
    identification_rows,
    indicator_table,
    lines_table,
    outcome_lines,
    pair_cells,
    population_note,
    progress_note,
    projects_table,
    provenance_rows,
    space_table,
    table_cells,
)
from reports.logos import Logo
from reports.model import BREAKDOWN_TABLES, Report
from reports.text_width import fit_columns, fit_label_column, natural_width

_FONT = "Calibri"
_HEADER_FILL = "DDEBF7"
_PAGE_CM = (21.0, 29.7)
_MARGIN_CM = 2.0
_TEXT_WIDTH_CM = _PAGE_CM[0] - 2 * _MARGIN_CM
_LANDSCAPE_TEXT_WIDTH_CM = _PAGE_CM[1] - 2 * _MARGIN_CM
_POINTS_PER_CM = 72 / 2.54
#: the text size of the document and of the events list (points)
_TEXT_PT = 10.5
_EVENTS_PT = 9.0
#: a cell's inner margin on each side ("Table Grid": 0.19 cm) and a little to spare (points)
_CELL_PADDING_PT = 5.4 + 1.5
#: tables of at most this many rows are kept on one page
_KEEP_WHOLE_ROWS = 25
#: the logo strip: its height, the gap between logos (cm)
_LOGO_HEIGHT_CM = 1.5
_LOGO_GAP_CM = 0.75
_MUTED = RGBColor(0x59, 0x59, 0x59)
#: the longest core property (title, comments) Word takes
_PROPERTY_LIMIT = 255


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_property(row, name: str) -> None:
    """``w:cantSplit`` / ``w:tblHeader`` on a row, in the schema's order (``cantSplit`` first)."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement(name)
    marker.set(qn("w:val"), "true")
    header = properties.find(qn("w:tblHeader"))
    if name == "w:cantSplit" and header is not None:
        header.addprevious(marker)
    else:
        properties.append(marker)


def _repeat_as_header(row) -> None:
    """The row repeats at the top of every page the table runs over."""
    _row_property(row, "w:tblHeader")


def _keep_rows_whole(table: Table, *, keep_together: bool, cells: list[list] | None = None) -> None:
    """No row breaks across pages, the header row stays with the first row; with ``keep_together`` the
    whole table stays on one page (each row kept with the next, as Word itself does it). ``cells``:
    the table's cells by row, if already at hand (python-docx finds a row's cells anew on each call)."""
    rows = list(table.rows)
    for i, row in enumerate(rows):
        _row_property(row, "w:cantSplit")
        if (keep_together or i == 0) and i < len(rows) - 1:
            for cell in cells[i] if cells is not None else row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _points(widths: Sequence[float]) -> list:
    return [Pt(width) for width in widths]


def _set_cell(cell, text: str, *, bold: bool = False, right: bool = False, size: float | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(1)
    run = paragraph.add_run(xml_text(text))
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def _table(doc: DocxDocument, table: TextTable, *, size: float | None = None,
           width_cm: float = _TEXT_WIDTH_CM, whole: bool = True) -> Table:
    """The table, its columns sized to their content; ``whole``: kept on one page if it is short."""
    result = _filled_table(doc, table, size=size, width_cm=width_cm, whole=whole)
    doc.add_paragraph()
    return result


def _filled_table(doc: DocxDocument, table: TextTable, *, size: float | None = None,
                  width_cm: float = _TEXT_WIDTH_CM, whole: bool = True) -> Table:
    """:func:`_table` without the paragraph after it."""
    result = doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
    result.style = "Table Grid"
    result.alignment = WD_TABLE_ALIGNMENT.LEFT
    result.autofit = False
    widths = _points(fit_columns(table_cells(table, xml_text), size or _TEXT_PT, width_cm * _POINTS_PER_CM,
                                 _CELL_PADDING_PT))
    # each row's cells looked up once: python-docx walks the whole table for ``rows[i]`` and ``columns[j]``
    rows = list(result.rows)
    cells = [row.cells for row in rows]
    for col, label in enumerate(table.header):
        cell = cells[0][col]
        _set_cell(cell, label, bold=True, right=table.numeric[col], size=size)
        _shade(cell, _HEADER_FILL)
    _repeat_as_header(rows[0])
    for i, values in enumerate(table.rows, start=1):
        total = i - 1 in table.bold_rows
        for col, value in enumerate(values):
            _set_cell(cells[i][col], value, bold=total, right=table.numeric[col], size=size)
    _widths(result, widths, cells)
    _keep_rows_whole(result, keep_together=whole and len(table.rows) <= _KEEP_WHOLE_ROWS, cells=cells)
    return result


def _widths(table: Table, widths: list, cells: list[list] | None = None) -> None:
    """Column widths on the grid (LibreOffice reads these) and on every cell (Word reads those).
    ``cells``: the table's cells by row, if already at hand."""
    columns = list(table.columns)
    by_row = cells if cells is not None else [row.cells for row in table.rows]
    for col, width in enumerate(widths):
        columns[col].width = width
        for row in by_row:
            row[col].width = width


def _pairs(doc: DocxDocument, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for row, (label, value) in zip(table.rows, rows, strict=True):
        _set_cell(row.cells[0], label, bold=True)
        _shade(row.cells[0], "F2F2F2")
        _set_cell(row.cells[1], value)
    available = _TEXT_WIDTH_CM * _POINTS_PER_CM
    label = fit_label_column(*pair_cells(rows, xml_text), _TEXT_PT, available, _CELL_PADDING_PT)
    _widths(table, _points([label, available - label]))  # the values take the rest of the line
    _keep_rows_whole(table, keep_together=len(rows) <= _KEEP_WHOLE_ROWS)
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
    section.page_width, section.page_height = Cm(_PAGE_CM[0]), Cm(_PAGE_CM[1])
    section.left_margin = section.right_margin = Cm(_MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(_MARGIN_CM)
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(_TEXT_PT)
    footer = section.footer.paragraphs[0]
    footer.text = xml_text(f"{t('report.lag', report.lang)} · {subject_code(report)} · ")
    _page_field(footer)
    for run in footer.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = _MUTED
    props = doc.core_properties
    props.title = cut(xml_text(f"{report_title(report)} {subject_code(report)}"), _PROPERTY_LIMIT)
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
    if progress_note(report):
        _note(doc, progress_note(report))


def _new_section(doc: DocxDocument, *, landscape: bool) -> None:
    """Go on on a new page, in landscape or portrait.

    python-docx ends the previous section with a paragraph of its own, an empty one that can fall
    onto a page by itself (a blank page): the section's end moves into the paragraph before it.
    """
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    body = doc.element.body
    breaker = body.sectPr.getprevious()  # the empty paragraph that ends the previous section
    before = breaker.getprevious() if breaker is not None else None
    if before is not None and before.tag == qn("w:p") and breaker.pPr is not None and breaker.pPr.sectPr is not None:
        before.get_or_add_pPr().append(breaker.pPr.sectPr)
        body.remove(breaker)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = Cm(_PAGE_CM[0]), Cm(_PAGE_CM[1])
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _logo_strip(doc: DocxDocument, logos: Sequence[Logo]) -> None:
    """The logos in a row at the top of the first page, at one height (lower if the row would not fit)."""
    if not logos:
        return
    gaps = _LOGO_GAP_CM * (len(logos) - 1)
    height = min(_LOGO_HEIGHT_CM, (_TEXT_WIDTH_CM - gaps - 0.2) / sum(logo.aspect for logo in logos))
    strip = doc.add_paragraph()
    strip.paragraph_format.space_after = Pt(8)
    for i, logo in enumerate(logos):
        if i:
            gap = strip.add_run("\u2003" * 2)  # two em spaces: about 0.74 cm at 10.5 pt in any font
            gap.font.size = Pt(_TEXT_PT)
        strip.add_run().add_picture(io.BytesIO(logo.png), width=Cm(height * logo.aspect), height=Cm(height))


@dataclass(frozen=True)
class _EventsTable:
    """The events list's table, built ahead (while the charts are drawn) and not yet in the document."""

    table: Table | None
    wide: bool


def _events_ahead(doc: DocxDocument, report: Report) -> _EventsTable:
    """The events list's table, filled now and taken out of the document until :func:`_events` puts it
    where it belongs: the same table as if it had been made there (its widths are set, not inherited)."""
    if not report.events:
        return _EventsTable(None, wide=False)
    events = events_table(report)
    wide = natural_width(table_cells(events, xml_text), _EVENTS_PT, _CELL_PADDING_PT) > _TEXT_WIDTH_CM * _POINTS_PER_CM
    table = _filled_table(doc, events, size=_EVENTS_PT, width_cm=_LANDSCAPE_TEXT_WIDTH_CM if wide else _TEXT_WIDTH_CM,
                          whole=False)
    table._tbl.getparent().remove(table._tbl)
    return _EventsTable(table, wide)


def _events(doc: DocxDocument, report: Report, ahead: _EventsTable) -> None:
    """The events list: on landscape pages when its texts need more than the portrait width."""
    lang = report.lang
    if ahead.table is None:
        doc.add_heading(t("report.section.events", lang), level=1)
        _note(doc, t("report.no_events", lang))
        return
    if ahead.wide:
        _new_section(doc, landscape=True)
    doc.add_heading(t("report.section.events", lang), level=1)
    doc.element.body._insert_tbl(ahead.table._tbl)
    doc.add_paragraph()
    if ahead.wide:
        _new_section(doc, landscape=False)


def _version_2(doc: DocxDocument, report: Report) -> None:
    """Results, costs and (the network's annual report) the projects: only when the data has them."""
    lang = report.lang
    note = population_note(report)
    if note:
        _note(doc, note)
    if report.outcomes is not None:
        doc.add_heading(t("report.section.results", lang), level=1)
        _table(doc, lines_table(report, outcome_lines(report)))
        _note(doc, t("report.outcome.note", lang))
    if report.costs is not None:
        doc.add_heading(t("report.section.costs", lang), level=1)
        _table(doc, lines_table(report, cost_lines(report)))
        _note(doc, cost_basis_text(report))
        if report.public:
            _note(doc, t("report.cost.public_note", lang))
    if report.network:
        doc.add_heading(t("report.section.projects", lang), level=1)
        if report.projects:
            _table(doc, projects_table(report))
        else:
            _note(doc, t("report.network.no_projects", lang))


def build_docx(report: Report, images: ChartImages | PendingImages, logos: Sequence[Logo] = ()) -> bytes:
    """The Word document; ``images`` may still be being drawn (:func:`reports.chart_images.drawing_charts`):
    the text, the events list first, is built meanwhile."""
    lang = report.lang
    doc = Document()
    _setup(doc, report)
    events = _events_ahead(doc, report)

    _logo_strip(doc, logos)
    doc.add_heading(report_title(report), level=0)
    subtitle = doc.add_paragraph()
    subtitle.add_run(xml_text(report.identification.title)).bold = True
    subtitle.add_run(xml_text(f"\n{subject_code(report)} · {period_text(report.start, report.end, lang)}"))
    funding = doc.add_paragraph()
    funding.add_run(t("report.funding", lang)).bold = True
    _shade_paragraph(funding)
    _note(doc, f"{mode_text(report)} {t('report.generated', lang, when=generated_text(report))}.")

    doc.add_heading(section_title(report, "identification"), level=1)
    _pairs(doc, identification_rows(report))
    doc.add_heading(section_title(report, "indicators"), level=1)
    _table(doc, indicator_table(report))
    _version_2(doc, report)

    doc.add_heading(t("report.section.breakdowns", lang), level=1)
    for kind, _ in BREAKDOWN_TABLES:
        doc.add_heading(breakdown_title(report, kind), level=2)
        _table(doc, breakdown_table(report, kind))
    if report.by_space:
        doc.add_heading(t("report.section.spaces", lang), level=2)
        _table(doc, space_table(report))

    _charts(doc, report, resolved(images))
    _events(doc, report, events)

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
