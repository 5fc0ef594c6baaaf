"""How the documents a funder gets are laid out, on the figures of ``tests/reports_fixture.py``: table
columns sized to their content, no row broken across pages, the events list in landscape, Excel's native
charts (and none for a breakdown with hidden cells), wrapped text with its row heights, the logo strip
from the data folder's ``logos/`` (and every bad file left out), one age-band label everywhere a person
reads one, and the contract's funder, programme and measure in English.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image
from pypdf import PdfReader

from i18n import t
from metrics import AgeBand
from reports import assemble_report, cli
from reports.build import build
from reports.chart_images import ChartImages
from reports.contract_terms import contract_term
from reports.json_export import report_to_dict
from reports.labels import band_label
from reports.layout import breakdown_table, events_table, provenance_rows, table_cells
from reports.logos import MAX_BYTES, MAX_LOGOS, PNG_SIGNATURE, check_logo, logos, read_logos
from reports.report_charts import report_charts
from reports.text_width import fit_columns, line_count, text_width
from tests.reports_fixture import PROJECT, write_fixture

NO_CHARTS = ChartImages((), (), missing_reason="test")
#: the contract's default bands as people read them (Latvian)
BAND_LABELS_LV = ["līdz 24", "25–29", "30–39", "40–54", "55–64", "65 un vairāk"]


def many_events(report, count: int = 60):
    """The report with ``count`` events whose titles wrap over several lines, each starting ``N<i>a`` and
    ending ``N<i>z`` (so a page's text shows whether a row was broken)."""
    base = report.events
    words = "koprades telpu tīkla pasākums ar garu nosaukumu par uzņēmējdarbību laukos"
    return dataclasses.replace(report, events=tuple(
        dataclasses.replace(base[i % len(base)], event_id=f"X{i}", title=f"N{i}a {words} {words} N{i}z")
        for i in range(count)))


# --------------------------------------------------------------------------- column widths


def test_columns_fit_their_content() -> None:
    short = [[("Datums", True), ("20.09.2018", False)], [("Skaits", True), ("12", False)]]
    widths = fit_columns(short, 9, 400, 3)
    assert widths == pytest.approx([text_width("20.09.2018", 9) + 6, text_width("Skaits", 9, bold=True) + 6])
    title = "Pieredzes apmaiņas brauciens pa Pierīgas koprades telpām " * 3
    venue = "Koprades telpa “Dzīvoklis” → Olaines novada uzņēmējdarbības atbalsta centrs → Jūrmala " * 2
    table = [[("Datums", True), *[("20.09.2018", False)] * 5], [("Nosaukums", True), *[(title, False)] * 5],
             [("Vieta", True), *[(venue, False)] * 5], [("Dalības", True), *[("1 234", False)] * 5]]
    widths = fit_columns(table, 9, 480, 3)
    assert sum(widths) == pytest.approx(480)
    assert widths[0] == pytest.approx(text_width("20.09.2018", 9) + 6)  # the date on one line
    assert widths[3] == pytest.approx(text_width("Dalības", 9, bold=True) + 6)
    assert min(widths[1], widths[2]) > 2 * max(widths[0], widths[3])  # titles and venues get the room
    # a word longer than any column: the others keep their longest word, the long one is broken inside
    assert fit_columns([[("a", False)], [("x" * 400, False)]], 9, 200, 3)[0] >= text_width("a", 9) + 6
    assert line_count("x" * 100, text_width("x" * 10, 9), 9) == 10
    assert line_count("ab cd ef", text_width("ab cd", 9) + 0.1, 9) == 2


def test_word_tables_are_sized_to_their_content(report) -> None:
    doc = Document(io.BytesIO(build(report, "docx", NO_CHARTS)))
    events = next(table for table in doc.tables if table.rows[0].cells[0].text == t("col.starts_on"))
    widths = [column.width for column in events.columns]
    date, title, _, venue, participations = widths
    assert date < title and date < venue and participations < title and participations < venue
    assert sum(widths) <= Cm(29.7 - 4) + 100  # the landscape text width (EMU rounding)
    indicators = next(table for table in doc.tables if table.rows[0].cells[0].text == t("report.col.indicator"))
    label, *figures = (column.width for column in indicators.columns)
    assert all(figure < label / 2 for figure in figures)


def test_word_rows_never_break_across_pages_and_only_the_header_repeats(report) -> None:
    doc = Document(io.BytesIO(build(many_events(report), "docx", NO_CHARTS)))
    for table in doc.tables:
        for i, row in enumerate(table.rows):
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None
            names = [child.tag for child in properties]
            header = properties.find(qn("w:tblHeader")) is not None
            assert header == (i == 0 and table.rows[0].cells[0].text != t("report.id.project_code")
                              and table.rows[0].cells[0].text != t("report.prov.fingerprint")), (i, names)
            if header:  # the schema's order: cantSplit before tblHeader
                assert names.index(qn("w:cantSplit")) < names.index(qn("w:tblHeader"))
    # the header row is the only one without data: no empty row follows it
    events = next(table for table in doc.tables if table.rows[0].cells[0].text == t("col.starts_on"))
    assert all(row.cells[0].text for row in events.rows)


def test_word_events_list_is_on_landscape_pages(report) -> None:
    doc = Document(io.BytesIO(build(report, "docx", NO_CHARTS)))
    assert [section.orientation for section in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                                  WD_ORIENT.PORTRAIT]
    assert doc.sections[1].page_width > doc.sections[1].page_height
    # the sections end in paragraphs that are there anyway (a note, a picture, the space after a table), not in
    # an empty paragraph of their own that could fall onto a page by itself
    body = doc.element.body
    enders = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert len(enders) == 2
    for ender in enders:
        text = "".join(node.text or "" for node in ender.iter(qn("w:t")))
        assert text or ender.find(f".//{qn('w:drawing')}") is not None or ender.getprevious().tag == qn("w:tbl")


def test_pdf_rows_stay_on_one_page_and_events_are_in_landscape(report) -> None:
    reader = PdfReader(io.BytesIO(build(many_events(report), "pdf", NO_CHARTS)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for i in range(60):
        starts = [n for n, text in enumerate(pages) if re.search(rf"\bN{i}a\b", text)]
        ends = [n for n, text in enumerate(pages) if re.search(rf"\bN{i}z\b", text)]
        assert starts and starts == ends, (i, starts, ends)
    landscape = [n for n, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]
    assert len(landscape) >= 2 and all(t("col.title") in pages[n] for n in landscape)  # the header repeats
    assert reader.pages[-1].mediabox.width < reader.pages[-1].mediabox.height  # the provenance: portrait
    assert not any(text.strip() == "" for text in pages)  # no blank page


def test_a_short_events_list_stays_portrait(report) -> None:
    short = dataclasses.replace(report, events=tuple(dataclasses.replace(e, title="Tikšanās", venue="Ogre")
                                                     for e in report.events))
    assert all(page.mediabox.width < page.mediabox.height
               for page in PdfReader(io.BytesIO(build(short, "pdf", NO_CHARTS))).pages)
    assert {s.orientation for s in Document(io.BytesIO(build(short, "docx", NO_CHARTS))).sections} == {
        WD_ORIENT.PORTRAIT}


# --------------------------------------------------------------------------- Excel


def chart_parts(data: bytes) -> dict[str, str]:
    """Each sheet's name → the XML of its charts (joined)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = book.namelist()
        workbook = book.read("xl/workbook.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="rId(\d+)"', workbook)
        found: dict[str, str] = {}
        for name, number in sheets:
            rels = f"xl/worksheets/_rels/sheet{number}.xml.rels"
            if rels not in names:
                continue
            drawings = re.findall(r'Target="../drawings/(drawing\d+\.xml)"', book.read(rels).decode())
            for drawing in drawings:
                chart_rels = book.read(f"xl/drawings/_rels/{drawing}.rels").decode()
                charts = re.findall(r'Target="../charts/(chart\d+\.xml)"', chart_rels)
                found[name] = "".join(book.read(f"xl/charts/{chart}").decode() for chart in charts)
    return found


def test_excel_has_a_native_chart_beside_each_breakdown(report) -> None:
    charts = chart_parts(build(report, "xlsx"))
    assert set(charts) == {"Pasākumu veidi", "Dzimums", "Vecums", "Pašvaldības"}
    assert charts["Pasākumu veidi"].count("<c:ser>") == 1 and "<c:barDir val=\"col\"/>" in charts["Pasākumu veidi"]
    for sheet in ("Dzimums", "Vecums", "Pašvaldības"):  # participations and unique participants
        assert charts[sheet].count("<c:ser>") == 2, sheet
    assert "<c:barDir val=\"bar\"/>" in charts["Pašvaldības"]
    # the codes' rows only: 4 genders in rows 4–7, not the total in row 8
    assert "Dzimums!$A$4:$A$7" in charts["Dzimums"] and "Dzimums!$C$4:$C$7" in charts["Dzimums"]
    assert "Vecums!$B$4:$B$10" in charts["Vecums"]  # 6 bands and "not known"; not the total nor the under-30s


def test_excel_public_version_charts_no_breakdown_with_hidden_cells(public_report) -> None:
    data = build(public_report, "xlsx")
    assert set(chart_parts(data)) == {"Pasākumu veidi"}  # events are not person counts
    book = openpyxl.load_workbook(io.BytesIO(data))
    notes = [c.value for c in book["Dzimums"]["E"] if c.value]
    assert notes == [t("report.chart_hidden", title=t("report.breakdown.participations_by_gender")),
                     t("report.chart_hidden", title=t("report.breakdown.unique_participants_by_gender"))]
    # the same decision as the Word and PDF charts
    assert {chart.key for chart in report_charts(public_report) if chart.figure is not None} == {"events_by_type"}


def test_excel_text_wraps_with_its_row_heights_and_prints_on_a4(report) -> None:
    long = dataclasses.replace(report, events=tuple(dataclasses.replace(
        e, title="Ļoti garš pasākuma nosaukums par koprades telpām Pierīgā " * 4) for e in report.events))
    book = openpyxl.load_workbook(io.BytesIO(build(long, "xlsx")))
    sheet = book["Pasākumi"]
    assert sheet["C2"].alignment.wrap_text and sheet["E2"].alignment.wrap_text
    assert sheet.row_dimensions[2].height >= 4 * 15  # four lines or more, not cut at one
    assert sheet.column_dimensions["B"].width < sheet.column_dimensions["C"].width
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)  # 1: default
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"  # the header on every printed page
    spaces = book["Telpas"]
    assert spaces.row_dimensions[3].height >= 15 and spaces.print_title_rows == "$3:$3"
    assert book["Kopsavilkums"].page_setup.orientation in (None, "portrait")


# --------------------------------------------------------------------------- age bands


def test_one_age_band_label_wherever_a_person_reads_it(report, english_report) -> None:
    table = breakdown_table(report, "age_band")
    assert [row[0] for row in table.rows[:6]] == BAND_LABELS_LV
    assert dict(provenance_rows(report))[t("report.prov.age_bands")] == ", ".join(BAND_LABELS_LV)
    assert ", ".join(BAND_LABELS_LV) in dict(report.provenance.counting_rules)["age"]
    age_chart = next(chart for chart in report_charts(report) if chart.key == "participations_by_age_band")
    assert list(age_chart.figure.data[0].x)[:6] == BAND_LABELS_LV
    assert [row[0] for row in breakdown_table(english_report, "age_band").rows[:2]] == ["under 25", "25–29"]
    for fmt in ("docx", "pdf", "xlsx"):
        data = build(report, fmt, NO_CHARTS)
        if fmt == "docx":
            text = "\n".join(cell.text for table in Document(io.BytesIO(data)).tables for row in table.rows
                             for cell in row.cells)
            text += "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        elif fmt == "pdf":
            text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        else:
            text = "\n".join(str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(data)) for row in ws.iter_rows()
                             for c in row if c.value is not None)
        assert "līdz 24" in text and "<25" not in text and "25-29" not in text, fmt
    data = report_to_dict(report)  # machine-readable keys stay ASCII
    assert list(data["participations_by_age_band"])[:2] == ["<25", "25-29"]
    assert data["provenance"]["filters"]["age_bands"][0] == "<25"


def test_configured_age_bands_are_worded_alike(reports_ds) -> None:
    youth = assemble_report(reports_ds, PROJECT, bands=(AgeBand("<30", None, 29), AgeBand("30+", 30, None)))
    assert [row[0] for row in breakdown_table(youth, "age_band").rows[:2]] == ["līdz 29", "30 un vairāk"]
    assert band_label("<30", "en") == "up to 29" and band_label("18-24", "lv") == "18–24"
    assert band_label("jaunieši", "lv") == "jaunieši"  # any other label as written
    assert band_label("unknown", "en") == t("age_band.unknown", "en")


# --------------------------------------------------------------------------- funder, programme, measure


def test_english_report_names_the_funder_programme_and_measure_in_english(report, english_report) -> None:
    tables = Document(io.BytesIO(build(english_report, "docx", NO_CHARTS))).tables
    details = {row.cells[0].text: row.cells[1].text for row in tables[0].rows}
    assert details["Funder"] == "EAFRD (European Agricultural Fund for Rural Development)"
    assert details["Programme"] == "Rural Development Programme of Latvia 2014–2020"
    assert details["Measure"] == "19.3 Inter-territorial and transnational cooperation"
    summary = {row[0].value: row[1].value for row in openpyxl.load_workbook(
        io.BytesIO(build(english_report, "xlsx")))["Summary"].iter_rows()}
    assert summary["Funder"].startswith("EAFRD")
    latvian = {row.cells[0].text: row.cells[1].text for row in Document(io.BytesIO(
        build(report, "docx", NO_CHARTS))).tables[0].rows}
    assert latvian[t("report.id.funder")] == "ELFLA"  # as the contract writes it
    assert report_to_dict(english_report)["identification"]["funder"] == "ELFLA"  # JSON: the data as it is


def test_contract_terms() -> None:
    assert contract_term("funder", "ELFLA", "en").startswith("EAFRD (European Agricultural Fund")
    assert contract_term("programme", "Latvijas Lauku attīstības programma 2014.–2020. gadam", "en") == (
        "Rural Development Programme of Latvia 2014–2020")
    decomposed = "19.3 Starpteritoria\u0304la\u0304 un starpvalstu sadarbi\u0304ba"  # NFD, as from macOS
    assert contract_term("measure", decomposed, "en") == "19.3 Inter-territorial and transnational cooperation"
    assert contract_term("measure", "19.9 Kaut kas cits", "en") == "19.9 Kaut kas cits"
    assert contract_term("funder", "ELFLA", "lv") == "ELFLA" and contract_term("funder", None, "en") is None


# --------------------------------------------------------------------------- logos


def png(width: int, height: int, colour=(0, 51, 153, 255), mode: str = "RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), colour if mode == "RGBA" else colour[:3]).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def data_with_logos(tmp_path: Path) -> Path:
    folder = write_fixture(tmp_path / "data")
    place = folder / "logos"
    place.mkdir()
    (place / "02_leader.png").write_bytes(png(400, 400, (0, 140, 70, 255)))
    (place / "01_eu.png").write_bytes(png(600, 400))
    (place / "03_partnership.PNG").write_bytes(png(900, 300, (200, 80, 0, 255), mode="RGB"))
    # every one of these is left out
    (place / "04_text.png").write_bytes(b"not a picture")
    (place / "05_truncated.png").write_bytes(png(300, 300)[:60])
    huge_header = bytearray(png(20, 20))
    huge_header[16:24] = (60000).to_bytes(4, "big") * 2  # claims 60000 × 60000 pixels
    (place / "06_bomb.png").write_bytes(bytes(huge_header))
    (place / "07_strip.png").write_bytes(png(2000, 20))  # no logo's shape
    (place / "08_big.png").write_bytes(PNG_SIGNATURE + b"\0" * MAX_BYTES)
    (place / "09_jpeg.png").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    (place / "10_folder.png").mkdir()
    (place / "11_link.png").symlink_to(place / "01_eu.png")
    (place / ".hidden.png").write_bytes(png(100, 100))
    (place / "readme.txt").write_text("not a PNG name")
    return folder


def test_logos_are_the_folders_good_pngs_in_name_order(data_with_logos: Path) -> None:
    found = logos(data_with_logos)
    assert [logo.name for logo in found] == ["01_eu.png", "02_leader.png", "03_partnership.PNG"]
    assert [round(logo.aspect, 2) for logo in found] == [1.5, 1.0, 3.0]
    assert all(logo.png.startswith(PNG_SIGNATURE) and logo.height <= 240 for logo in found)  # re-encoded, print size
    assert logos(data_with_logos.parent / "missing") == [] and logos(None) == []


def test_each_file_left_out_says_why(data_with_logos: Path) -> None:
    _, left_out = read_logos(data_with_logos)
    assert {item.name: item.reason.key for item in left_out} == {
        "04_text.png": "not_png", "05_truncated.png": "broken", "06_bomb.png": "size", "07_strip.png": "shape",
        "08_big.png": "too_big", "09_jpeg.png": "not_png", "10_folder.png": "not_a_file", "11_link.png": "link"}
    assert left_out[2].reason.message("lv") == "60000×60000 pikseļu nav logotipa izmērs"


def test_at_most_five_logos_and_a_linked_logos_folder_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "logos").mkdir(parents=True)
    for i in range(MAX_LOGOS + 2):
        (folder / "logos" / f"{i:02}.png").write_bytes(png(200, 100))
    assert [logo.name for logo in logos(folder)] == [f"{i:02}.png" for i in range(MAX_LOGOS)]
    linked = tmp_path / "other"
    linked.mkdir()
    os.symlink(folder / "logos", linked / "logos")
    assert logos(linked) == []


def test_a_named_pipe_is_left_out_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "logos").mkdir()
    os.mkfifo(tmp_path / "logos" / "pipe.png")
    (tmp_path / "logos" / "ok.png").write_bytes(png(100, 100))
    assert [logo.name for logo in logos(tmp_path)] == ["ok.png"]


def test_a_palette_or_grey_png_is_kept() -> None:
    out = io.BytesIO()
    Image.new("P", (64, 32)).save(out, format="PNG", transparency=0)
    assert check_logo("p.png", out.getvalue()).png.startswith(PNG_SIGNATURE)
    out = io.BytesIO()
    Image.new("I;16", (64, 32)).save(out, format="PNG")
    assert check_logo("g.png", out.getvalue()).aspect == 2.0


def test_word_and_pdf_show_the_logos_at_the_top_of_page_one(report, data_with_logos: Path) -> None:
    strip = logos(data_with_logos)
    doc = Document(io.BytesIO(build(report, "docx", NO_CHARTS, logos=strip)))
    assert len(doc.inline_shapes) == 3
    heights = {shape.height for shape in doc.inline_shapes}
    assert len(heights) == 1  # one common height
    first = doc.paragraphs[0]._p
    assert len(first.findall(f".//{qn('w:drawing')}")) == 3  # the first paragraph of page 1
    reader = PdfReader(io.BytesIO(build(report, "pdf", NO_CHARTS, logos=strip)))
    assert len(reader.pages[0].images) == 3 and sum(len(page.images) for page in reader.pages) == 3
    assert len(Document(io.BytesIO(build(report, "docx", NO_CHARTS))).inline_shapes) == 0  # none: none shown


def test_a_row_of_wide_logos_is_scaled_to_fit_the_page(report) -> None:
    wide = [check_logo(f"{i}.png", png(1000, 100)) for i in range(5)]
    doc = Document(io.BytesIO(build(report, "docx", NO_CHARTS, logos=wide)))
    assert sum(shape.width for shape in doc.inline_shapes) < Cm(17)


def test_the_command_line_passes_the_data_folders_logos(data_with_logos: Path, tmp_path: Path, monkeypatch,
                                                         capsys) -> None:
    monkeypatch.setattr(cli, "render_charts", lambda _report, _browser=None: NO_CHARTS)
    out = tmp_path / "r.docx"
    assert cli.main([str(data_with_logos), "--project", PROJECT, "--format", "docx", "--out", str(out)]) == 0
    assert len(Document(out).inline_shapes) == 3
    err = capsys.readouterr().err  # each file left out is said, in the report's language, and the report is made
    assert t("report.logo.left_out", file="04_text.png", reason=t("report.logo.not_png")) in err
    assert t("report.logo.left_out", file="11_link.png", reason=t("report.logo.link")) in err
    assert err.count("Logotips ") == 8


def test_table_cells_are_the_header_then_the_rows(report) -> None:
    cells = table_cells(events_table(report))
    assert cells[0][0] == (t("col.starts_on"), True) and len(cells[0]) == 1 + len(report.events)
