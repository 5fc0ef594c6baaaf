"""The report as a PDF (fpdf2), with the same content as the Word document.

Tables: columns sized to their content (:func:`reports.text_width.fit_columns`, measured in the
PDF's own font), the header repeated on every page; fpdf2 never breaks a row across pages (it
starts the row on the next page); a short table is kept whole on one page. The events list is set
on landscape pages when its texts would not fit the portrait width on one line.

The text is set in DejaVu Sans, shipped in ``reports/fonts`` and embedded in the file, so
``ā č ē ģ ī ķ ļ ņ š ū ž`` render the same on every machine (fpdf2's core fonts cannot encode them).

Every text enters the document through :func:`reports.clean_text.pdf_text`: control characters
removed, and a table cell longer than :data:`~reports.clean_text.PDF_CELL_LIMIT` characters cut with
"…" (a cell taller than a page cannot be drawn); the document then says that some texts were shortened.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF, FontFace

from i18n import t
from i18n.formatting import period_text
from reports.chart_images import ChartImages, PendingImages, resolved
from reports.clean_text import PDF_CELL_LIMIT, is_cut, pdf_text
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
from reports.text_width import fit_columns, fit_label_column, line_count, natural_width

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
_HEADER_FILL = (221, 235, 247)
_LABEL_FILL = (242, 242, 242)
_FUNDING_FILL = (226, 239, 218)
_MUTED = (89, 89, 89)
_BLACK = (0, 0, 0)
#: tables up to this height (mm) are kept on one page
_KEEP_WHOLE_MM = 150.0
_PT_PER_MM = 72 / 25.4
#: a table cell's inner margin, above and below and at the sides (mm: the tables have no vertical lines,
#: so the side margins are what keeps two columns apart), and the text's line height per point (mm)
_PADDING_MM = 1.0
_SIDE_PADDING_MM = 1.8
_LINE_MM_PER_PT = 0.47
#: what the widths leave to spare for rounding (points, each side)
_SPARE_PT = 0.6
#: the side margin the column widths are measured with (points)
_SIDE_PT = _SIDE_PADDING_MM * _PT_PER_MM + _SPARE_PT
_PADDING = (_PADDING_MM, _SIDE_PADDING_MM)
_LOGO_HEIGHT_MM = 14.0
_LOGO_GAP_MM = 6.0
#: the footer is one line: a longer project code is cut
_FOOTER_CODE_LIMIT = 60


def add_fonts(pdf: FPDF) -> None:
    """DejaVu Sans (regular and bold, shipped in ``reports/fonts``) as :data:`FONT`: Latvian letters."""
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")


def logo_strip(pdf: FPDF, logos: Sequence[Logo], *, height_mm: float, after_mm: float) -> None:
    """The logos in a row from the left margin, at one height (lower if the row would not fit the
    page's width), then ``after_mm`` of space: the reports' and the sign-in sheet's first page."""
    if not logos:
        return
    gaps = _LOGO_GAP_MM * (len(logos) - 1)
    height = min(height_mm, (pdf.epw - gaps) / sum(logo.aspect for logo in logos))
    x, y = pdf.l_margin, pdf.get_y()
    for logo in logos:
        pdf.image(io.BytesIO(logo.png), x=x, y=y, w=height * logo.aspect, h=height)
        x += height * logo.aspect + _LOGO_GAP_MM
    pdf.set_y(y + height + after_mm)


class _ReportPDF(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        add_fonts(self)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=18)

    def footer(self) -> None:
        lang = self.report.lang
        self.set_y(-12)
        self.set_font(FONT, size=7)
        self.set_text_color(*_MUTED)
        page = t("report.page_number", lang, page=self.page_no(), pages="{nb}")
        code = pdf_text(subject_code(self.report), _FOOTER_CODE_LIMIT)
        self.cell(0, 5, f"{t('report.lag', lang)} · {code} · {page}", align="C")
        self.set_text_color(*_BLACK)

    # -- building blocks ---------------------------------------------------------------------

    def heading(self, text: str, level: int = 1, keep_with: float = 0.0) -> None:
        """A heading; ``keep_with`` = height (mm) of what follows that must stay on its page."""
        size = {0: 18, 1: 13, 2: 11}[level]
        if self.will_page_break(size * 2.2 + keep_with) and not self.at_page_top():
            self.add_page(orientation=self.cur_orientation)
        self.ln(2 if level else 0)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(1.5)
        self.set_font(FONT, size=9.5)

    def at_page_top(self) -> bool:
        """Whether nothing is on this page yet (a new page would only leave this one blank)."""
        return self.y <= self.t_margin + 0.5

    def paragraph(self, text: str, *, bold: bool = False, muted: bool = False, size: float = 9.5) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*(_MUTED if muted else _BLACK))
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(*_BLACK)
        self.set_font(FONT, size=9.5)

    def column_widths(self, table: TextTable, size: float = 9) -> list[float]:
        """The table's column widths (mm), sized to its content and the page's text width."""
        points = fit_columns(table_cells(table, _cell_text), size, self.epw * _PT_PER_MM, _SIDE_PT)
        return [width / _PT_PER_MM for width in points]

    def fits_portrait(self, table: TextTable, size: float = 9) -> bool:
        """Whether every text of the table fits on one line across a portrait page."""
        portrait_width = min(self.w, self.h) - self.l_margin - self.r_margin
        return natural_width(table_cells(table, _cell_text), size, _SIDE_PT) <= portrait_width * _PT_PER_MM

    def table_height(self, table: TextTable, size: float = 9) -> float:
        """How tall the table is (mm), its texts wrapped in their columns (to keep short tables on one page)."""
        widths = [width * _PT_PER_MM - 2 * _SIDE_PT for width in self.column_widths(table, size)]
        rows = [(table.header, True), *((row, i in table.bold_rows) for i, row in enumerate(table.rows))]
        lines = [max(line_count(_cell_text(text), width, size, bold=bold)
                     for text, width in zip(row, widths, strict=True)) for row, bold in rows]
        return sum(count * size * _LINE_MM_PER_PT + 2 * _PADDING_MM for count in lines)

    def keep_with_table(self, table: TextTable, size: float = 9) -> float:
        """What a heading must keep on its page: a short table whole, else the table's first rows."""
        height = self.table_height(table, size)
        return height if height <= _KEEP_WHOLE_MM else 30.0

    def text_table(self, table: TextTable, *, size: float = 9) -> None:
        self.set_font(FONT, size=size)
        line_height = size * _LINE_MM_PER_PT
        height = self.table_height(table, size)
        if height <= _KEEP_WHOLE_MM and self.will_page_break(height) and not self.at_page_top():
            self.add_page(orientation=self.cur_orientation)  # a short table stays on one page
        aligns = tuple("RIGHT" if right else "LEFT" for right in table.numeric)
        widths = self.column_widths(table, size)
        with self.table(
            col_widths=widths, text_align=aligns, line_height=line_height, padding=_PADDING,
            headings_style=FontFace(emphasis="BOLD", fill_color=_HEADER_FILL), repeat_headings=1,
            borders_layout="SINGLE_TOP_LINE", width=min(sum(widths), self.epw), align="LEFT",
        ) as pdf_table:
            header = pdf_table.row()
            for label in table.header:
                header.cell(pdf_text(label, PDF_CELL_LIMIT))
            for i, values in enumerate(table.rows, start=1):
                total = i - 1 in table.bold_rows
                row = pdf_table.row()
                for value in values:
                    row.cell(pdf_text(value, PDF_CELL_LIMIT), style=FontFace(emphasis="BOLD") if total else None)
        self.ln(3)
        self.set_font(FONT, size=9.5)

    def pairs(self, rows: list[tuple[str, str]]) -> None:
        self.set_font(FONT, size=9)
        label = fit_label_column(*pair_cells(rows, _cell_text), 9, self.epw * _PT_PER_MM, _SIDE_PT) / _PT_PER_MM
        with self.table(
            col_widths=(label, self.epw - label), first_row_as_headings=False, line_height=5, padding=_PADDING,
            width=self.epw, borders_layout="HORIZONTAL_LINES", text_align=("LEFT", "LEFT"),
        ) as pdf_table:
            for label, value in rows:
                row = pdf_table.row()
                row.cell(pdf_text(label, PDF_CELL_LIMIT), style=FontFace(emphasis="BOLD", fill_color=_LABEL_FILL))
                row.cell(pdf_text(value, PDF_CELL_LIMIT))
        self.ln(3)
        self.set_font(FONT, size=9.5)

    def logo_strip(self, logos: Sequence[Logo]) -> None:
        """The logos in a row at the top of the first page."""
        logo_strip(self, logos, height_mm=_LOGO_HEIGHT_MM, after_mm=4)

    def chart(self, png: bytes, aspect: float, share: float) -> None:
        width = self.epw * share
        height = width * aspect
        if self.will_page_break(height + 2):
            self.add_page(orientation=self.cur_orientation)
        self.image(io.BytesIO(png), x=self.l_margin, w=width, h=height)
        self.ln(2)


def _charts(pdf: _ReportPDF, report: Report, images: ChartImages) -> None:
    lang = report.lang
    if not images.images and not images.hidden and images.missing_reason is None:
        return
    first = images.images[0] if images.images else None  # the heading stays with the first chart
    pdf.heading(t("report.section.charts", lang), keep_with=pdf.epw * first.width_share * first.aspect if first else 10)
    if images.missing_reason is not None:
        pdf.paragraph(t("report.charts_missing", lang, reason=images.missing_reason), muted=True)
    for image in images.images:
        pdf.chart(image.png, image.aspect, image.width_share)
    for title in images.hidden:
        pdf.paragraph(t("report.chart_hidden", lang, title=title), muted=True)
    if progress_note(report):
        pdf.paragraph(progress_note(report), muted=True)


def _shortened(title: str, pairs: list[list[tuple[str, str]]], tables: list[TextTable]) -> bool:
    """Whether any text of the document is cut (the title paragraph, a pair, a table cell)."""
    texts = [title, *(text for rows in pairs for row in rows for text in row),
             *(text for table in tables for row in (table.header, *table.rows) for text in row)]
    return any(is_cut(text) for text in texts)


def _cell_text(value: str) -> str:
    """A table cell's text as the PDF prints it."""
    return pdf_text(value, PDF_CELL_LIMIT)


def _events(pdf: _ReportPDF, report: Report, events: TextTable) -> None:
    """The events list: on landscape pages when its texts need more than the portrait width; the
    provenance then goes on on a portrait page."""
    lang = report.lang
    if not report.events:
        pdf.heading(t("report.section.events", lang), keep_with=10)
        pdf.paragraph(t("report.no_events", lang), muted=True)
        return
    wide = not pdf.fits_portrait(events, 7.5)
    if wide:
        pdf.add_page(orientation="L")
    pdf.heading(t("report.section.events", lang), keep_with=pdf.keep_with_table(events, 7.5))
    pdf.text_table(events, size=7.5)
    if wide:
        pdf.add_page(orientation="P")


def _version_2(pdf: _ReportPDF, report: Report) -> None:
    """Results, costs and (the network's annual report) the projects: only when the data has them."""
    lang = report.lang
    note = population_note(report)
    if note:
        pdf.paragraph(note, muted=True)
        pdf.ln(2)
    sections: list[tuple[str, TextTable | None, list[str]]] = []
    if report.outcomes is not None:
        sections.append(("report.section.results", lines_table(report, outcome_lines(report)),
                         [t("report.outcome.note", lang)]))
    if report.costs is not None:
        notes = [cost_basis_text(report)] + ([t("report.cost.public_note", lang)] if report.public else [])
        sections.append(("report.section.costs", lines_table(report, cost_lines(report)), notes))
    if report.network:
        table = projects_table(report) if report.projects else None
        sections.append(("report.section.projects", table, [] if table else [t("report.network.no_projects", lang)]))
    for key, table, notes in sections:
        pdf.heading(t(key, lang), keep_with=pdf.keep_with_table(table) if table else 10)
        if table is not None:
            pdf.text_table(table)
        for note in notes:
            pdf.paragraph(note, muted=True)
        pdf.ln(2)


def build_pdf(report: Report, images: ChartImages | PendingImages, logos: Sequence[Logo] = ()) -> bytes:
    """The PDF; ``images`` may still be being drawn (:func:`reports.chart_images.drawing_charts`): the
    text before the charts is set meanwhile."""
    lang = report.lang
    pdf = _ReportPDF(report)
    pdf.set_title(pdf_text(f"{report_title(report)} {subject_code(report)}"))
    pdf.set_author(t("report.lag", lang))
    pdf.set_subject(pdf_text(report.identification.title))
    pdf.set_keywords(pdf_text(f"SHA-256 {report.provenance.fingerprint}"))
    pdf.set_lang(lang)
    pdf.set_creator("coworking-dashboard reports")
    pdf.add_page()
    pdf.logo_strip(logos)

    identification, provenance = identification_rows(report), provenance_rows(report)
    tables = [(breakdown_title(report, kind), breakdown_table(report, kind)) for kind, _ in BREAKDOWN_TABLES]
    if report.by_space:
        tables.append((t("report.section.spaces", lang), space_table(report)))
    events = events_table(report)
    shortened = _shortened(report.identification.title, [identification, provenance],
                           [indicator_table(report), *(table for _, table in tables), events])

    pdf.heading(report_title(report), level=0)
    pdf.paragraph(pdf_text(report.identification.title, PDF_CELL_LIMIT), bold=True, size=11)
    pdf.paragraph(f"{subject_code(report)} · {period_text(report.start, report.end, lang)}")
    pdf.ln(2)
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_fill_color(*_FUNDING_FILL)
    pdf.multi_cell(0, 5, t("report.funding", lang), fill=True, padding=2, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_fill_color(255, 255, 255)
    pdf.ln(1.5)
    pdf.paragraph(f"{mode_text(report)} {t('report.generated', lang, when=generated_text(report))}.", muted=True)
    if shortened:
        pdf.paragraph(t("report.shortened", lang), muted=True)

    pdf.heading(section_title(report, "identification"))
    pdf.pairs(identification)
    pdf.heading(section_title(report, "indicators"), keep_with=pdf.keep_with_table(indicator_table(report)))
    pdf.text_table(indicator_table(report))
    _version_2(pdf, report)

    pdf.heading(t("report.section.breakdowns", lang), keep_with=12 + pdf.keep_with_table(tables[0][1]))
    for title, table in tables:
        pdf.heading(title, level=2, keep_with=pdf.keep_with_table(table))
        pdf.text_table(table)

    _charts(pdf, report, resolved(images))

    _events(pdf, report, events)

    pdf.heading(t("report.section.provenance", lang), keep_with=60)
    pdf.pairs(provenance)
    pdf.paragraph(t("report.prov.rules", lang), bold=True)
    for sentence in counting_rules(report):
        pdf.paragraph(f"• {sentence}")
        pdf.ln(0.8)
    return bytes(pdf.output())
