"""The report as a PDF (fpdf2), with the same content as the Word document.

The text is set in DejaVu Sans, shipped in ``reports/fonts`` and embedded in the file, so
``ā č ē ģ ī ķ ļ ņ š ū ž`` render the same on every machine (fpdf2's core fonts cannot encode them).

Every text enters the document through :func:`reports.clean_text.pdf_text`: control characters
removed, and a table cell longer than :data:`~reports.clean_text.PDF_CELL_LIMIT` characters cut with
"…" (a cell taller than a page cannot be drawn); the document then says that some texts were shortened.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF, FontFace

from i18n import t
from i18n.formatting import period_text
from reports.chart_images import ChartImages
from reports.clean_text import PDF_CELL_LIMIT, is_cut, pdf_text
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

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
_HEADER_FILL = (221, 235, 247)
_LABEL_FILL = (242, 242, 242)
_FUNDING_FILL = (226, 239, 218)
_MUTED = (89, 89, 89)
_BLACK = (0, 0, 0)
#: tables up to this height (mm) are kept on one page
_KEEP_WHOLE_MM = 150.0
#: the footer is one line: a longer project code is cut
_FOOTER_CODE_LIMIT = 60


class _ReportPDF(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=18)

    def footer(self) -> None:
        lang = self.report.lang
        self.set_y(-12)
        self.set_font(FONT, size=7)
        self.set_text_color(*_MUTED)
        page = t("report.page_number", lang, page=self.page_no(), pages="{nb}")
        code = pdf_text(self.report.project_code, _FOOTER_CODE_LIMIT)
        self.cell(0, 5, f"{t('report.lag', lang)} · {code} · {page}", align="C")
        self.set_text_color(*_BLACK)

    # -- building blocks ---------------------------------------------------------------------

    def heading(self, text: str, level: int = 1, keep_with: float = 0.0) -> None:
        """A heading; ``keep_with`` = height (mm) of what follows that must stay on its page."""
        size = {0: 18, 1: 13, 2: 11}[level]
        if self.will_page_break(size * 2.2 + keep_with):
            self.add_page()
        self.ln(2 if level else 0)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(1.5)
        self.set_font(FONT, size=9.5)

    def paragraph(self, text: str, *, bold: bool = False, muted: bool = False, size: float = 9.5) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*(_MUTED if muted else _BLACK))
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(*_BLACK)
        self.set_font(FONT, size=9.5)

    def table_height(self, table: TextTable, size: float = 9) -> float:
        """Roughly how tall a table of one-line rows is (to keep short tables on one page)."""
        return (len(table.rows) + 1) * (size * 0.55 + 2.6)

    def keep_with_table(self, table: TextTable, size: float = 9) -> float:
        """What a heading must keep on its page: a short table whole, else the table's first rows."""
        height = self.table_height(table, size)
        return height if height <= _KEEP_WHOLE_MM else 30.0

    def text_table(self, table: TextTable, *, size: float = 9) -> None:
        self.set_font(FONT, size=size)
        line_height = size * 0.55
        height = self.table_height(table, size)
        if height <= _KEEP_WHOLE_MM and self.will_page_break(height):
            self.add_page()  # a short table stays on one page
        aligns = tuple("RIGHT" if right else "LEFT" for right in table.numeric)
        with self.table(
            col_widths=table.widths, text_align=aligns, line_height=line_height, padding=1.2,
            headings_style=FontFace(emphasis="BOLD", fill_color=_HEADER_FILL), repeat_headings=1,
            borders_layout="SINGLE_TOP_LINE", width=self.epw * table.width_share, align="LEFT",
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

    def pairs(self, rows: list[tuple[str, str]], label_share: float = 0.33) -> None:
        self.set_font(FONT, size=9)
        with self.table(
            col_widths=(label_share, 1 - label_share), first_row_as_headings=False, line_height=5, padding=1.2,
            width=self.epw, borders_layout="HORIZONTAL_LINES", text_align=("LEFT", "LEFT"),
        ) as pdf_table:
            for label, value in rows:
                row = pdf_table.row()
                row.cell(pdf_text(label, PDF_CELL_LIMIT), style=FontFace(emphasis="BOLD", fill_color=_LABEL_FILL))
                row.cell(pdf_text(value, PDF_CELL_LIMIT))
        self.ln(3)
        self.set_font(FONT, size=9.5)

    def chart(self, png: bytes, aspect: float, share: float) -> None:
        width = self.epw * share
        height = width * aspect
        if self.will_page_break(height + 2):
            self.add_page()
        self.image(io.BytesIO(png), x=self.l_margin, w=width, h=height)
        self.ln(2)


def _charts(pdf: _ReportPDF, report: Report, images: ChartImages) -> None:
    lang = report.lang
    if not images.images and not images.hidden and images.missing_reason is None:
        return
    pdf.heading(t("report.section.charts", lang))
    if images.missing_reason is not None:
        pdf.paragraph(t("report.charts_missing", lang, reason=images.missing_reason), muted=True)
    for image in images.images:
        pdf.chart(image.png, image.aspect, image.width_share)
    for title in images.hidden:
        pdf.paragraph(t("report.chart_hidden", lang, title=title), muted=True)


def _shortened(title: str, pairs: list[list[tuple[str, str]]], tables: list[TextTable]) -> bool:
    """Whether any text of the document is cut (the title paragraph, a pair, a table cell)."""
    texts = [title, *(text for rows in pairs for row in rows for text in row),
             *(text for table in tables for row in (table.header, *table.rows) for text in row)]
    return any(is_cut(text) for text in texts)


def build_pdf(report: Report, images: ChartImages) -> bytes:
    lang = report.lang
    pdf = _ReportPDF(report)
    pdf.set_title(pdf_text(f"{t('report.title', lang)} {report.project_code}"))
    pdf.set_author(t("report.lag", lang))
    pdf.set_subject(pdf_text(report.identification.title))
    pdf.set_keywords(pdf_text(f"SHA-256 {report.provenance.fingerprint}"))
    pdf.set_lang(lang)
    pdf.set_creator("coworking-dashboard reports")
    pdf.add_page()

    identification, provenance = identification_rows(report), provenance_rows(report)
    tables = [(breakdown_title(report, kind), breakdown_table(report, kind)) for kind, _ in BREAKDOWN_TABLES]
    if report.by_space:
        tables.append((t("report.section.spaces", lang), space_table(report)))
    events = events_table(report)
    shortened = _shortened(report.identification.title, [identification, provenance],
                           [indicator_table(report), *(table for _, table in tables), events])

    pdf.heading(t("report.title", lang), level=0)
    pdf.paragraph(pdf_text(report.identification.title, PDF_CELL_LIMIT), bold=True, size=11)
    pdf.paragraph(f"{report.project_code} · {period_text(report.start, report.end, lang)}")
    pdf.ln(2)
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_fill_color(*_FUNDING_FILL)
    pdf.multi_cell(0, 5, t("report.funding", lang), fill=True, padding=2, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_fill_color(255, 255, 255)
    pdf.ln(1.5)
    pdf.paragraph(f"{mode_text(report)} {t('report.generated', lang, when=generated_text(report))}.", muted=True)
    if shortened:
        pdf.paragraph(t("report.shortened", lang), muted=True)

    pdf.heading(t("report.section.identification", lang))
    pdf.pairs(identification)
    pdf.heading(t("report.section.indicators", lang), keep_with=pdf.keep_with_table(indicator_table(report)))
    pdf.text_table(indicator_table(report))

    pdf.heading(t("report.section.breakdowns", lang), keep_with=12 + pdf.keep_with_table(tables[0][1]))
    for title, table in tables:
        pdf.heading(title, level=2, keep_with=pdf.keep_with_table(table))
        pdf.text_table(table)

    _charts(pdf, report, images)

    pdf.heading(t("report.section.events", lang), keep_with=pdf.keep_with_table(events, 7.5))
    if report.events:
        pdf.text_table(events, size=7.5)
    else:
        pdf.paragraph(t("report.no_events", lang), muted=True)

    pdf.heading(t("report.section.provenance", lang), keep_with=60)
    pdf.pairs(provenance, label_share=0.22)  # room for the 64-digit fingerprint
    pdf.paragraph(t("report.prov.rules", lang), bold=True)
    for sentence in counting_rules(report):
        pdf.paragraph(f"• {sentence}")
        pdf.ln(0.8)
    return bytes(pdf.output())
