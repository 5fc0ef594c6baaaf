"""Every format shows the hand-counted figures of ``tests/reports_fixture.py``: Excel cells (openpyxl),
Word tables (python-docx), PDF text (pypdf), the events CSV; formula injection; Latvian letters;
public mode; charts drawn through Chromium, and a note instead when no browser can be started.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from config import load_settings
from i18n import t
from i18n.formatting import fmt_int, fmt_percent
from reports import chart_images
from reports.build import FORMATS, build, file_name
from reports.chart_images import ChartImages, browser_path, render_charts
from reports.clean_text import PDF_CELL_LIMIT, cut, xml_text
from reports.clean_text import pdf_text as pdf_clean
from reports.labels import indicator_label
from tests.reports_fixture import (
    E3_ROUTE,
    EXPECTED,
    EXPECTED_EVENTS,
    EXPECTED_PUBLIC,
    INJECTION,
    LATVIAN_LETTERS,
    LATVIAN_TITLE,
    PROJECT,
    PROJECT_TITLE,
)

NO_CHARTS = ChartImages((), (), missing_reason="test")
INDICATORS = ("events", "participations", "unique_participants", "spaces_involved", "residents_active_at_end",
              "residents_new")
GENDER_LABELS = {"female": "gender.female", "male": "gender.male", "other": "gender.other", "unknown": "value.unknown",
                 "other_or_unknown": "gender.other_or_unknown"}


_built: dict[tuple[int, str], bytes] = {}


def built(report, fmt: str) -> bytes:
    """Each (module-scoped) report's file, built once per format, without charts."""
    key = (id(report), fmt)
    if key not in _built:
        _built[key] = build(report, fmt, NO_CHARTS)
    return _built[key]


def text_of(value: object, lang: str = "lv") -> str:
    return fmt_int(value, lang) if isinstance(value, int) else str(value)


def plain(text: str) -> str:
    """Babel's Latvian numbers use no-break spaces; extracted text may not."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


# --------------------------------------------------------------------------- readers


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows_by_label(sheet) -> dict[str, tuple]:
    return {row[0].value: row for row in sheet.iter_rows() if isinstance(row[0].value, str)}


def word_tables(data: bytes) -> dict[str, list[list[str]]]:
    """Word tables keyed by their first header cell (the identification table by its first label)."""
    doc = Document(io.BytesIO(data))
    return {table.rows[0].cells[0].text: [[c.text for c in r.cells] for r in table.rows] for table in doc.tables}


def word_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for table in doc.tables for row in table.rows for c in row.cells]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# --------------------------------------------------------------------------- Excel


def test_excel_summary_has_the_indicators_and_targets(report) -> None:
    book = workbook(built(report, "xlsx"))
    assert book.sheetnames == ["Kopsavilkums", "Pasākumu veidi", "Dzimums", "Vecums", "Pašvaldības", "Telpas",
                               "Pasākumi", "Izcelsme"]
    rows = rows_by_label(book["Kopsavilkums"])
    for key in INDICATORS:
        assert rows[indicator_label(report, key)][1].value == EXPECTED[key], key
    events, participations = rows[t("report.indicator.events")], rows[t("report.indicator.participations")]
    assert (events[2].value, events[3].value) == (8, 0.5)
    assert (participations[2].value, participations[3].value) == (50, 0.58)
    assert participations[1].number_format == "#,##0" and participations[3].number_format == "0%"
    assert rows[t("report.indicator.unique_participants")][2].value == "–"  # no target
    assert rows[t("report.id.budget")][1].value == 12345.67
    assert rows[t("report.id.title")][1].value == PROJECT_TITLE
    assert book["Kopsavilkums"].column_dimensions["A"].width > 40  # widths are set


def test_excel_breakdown_sheets_and_totals(report) -> None:
    book = workbook(built(report, "xlsx"))
    gender = rows_by_label(book["Dzimums"])
    for code, value in EXPECTED["participations_by_gender"].items():
        unique = EXPECTED["unique_participants_by_gender"][code]
        assert (gender[t(GENDER_LABELS[code])][1].value, gender[t(GENDER_LABELS[code])][2].value) == (value, unique)
    assert (gender[t("report.total")][1].value, gender[t("report.total")][2].value) == (29, 22)
    ages = rows_by_label(book["Vecums"])
    assert ages["līdz 24"][1].value == 3 and ages["65 un vairāk"][1].value == 1
    assert (ages["līdz 24"][2].value, ages[t("report.under_30")][1].value, ages[t("report.under_30")][2].value) == (
        2, 5, 3)
    spaces = rows_by_label(book["Telpas"])
    assert [c.value for c in spaces["CoLabora Lielvārde"]] == ["CoLabora Lielvārde", 2, 0, 10]
    assert [c.value for c in spaces["Olaines atbalsta centrs"]] == ["Olaines atbalsta centrs", 0, 1, 0]
    places = rows_by_label(book["Pašvaldības"])
    assert {k: places[k][1].value for k in ("Ogres novads", "Ķekavas novads", "Rīga", "Olaines novads")} == {
        "Ogres novads": 7, "Ķekavas novads": 4, "Rīga": 2, "Olaines novads": 1}
    types = rows_by_label(book["Pasākumu veidi"])
    assert types[t("event_type.study_visit")][1].value == 1 and types[t("report.total")][1].value == 4


def test_excel_events_list_with_real_dates_and_numbers(report) -> None:
    sheet = workbook(built(report, "xlsx"))["Pasākumi"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5]) for r in rows] == EXPECTED_EVENTS
    assert rows[0][1].date().isoformat() == "2024-01-15"
    assert sheet["B2"].number_format == "dd.mm.yyyy"
    assert rows[2][4] == E3_ROUTE


def test_excel_formula_injection_comes_out_as_text(report) -> None:
    sheet = workbook(built(report, "xlsx"))["Pasākumi"]
    cell = next(c for c in sheet["C"] if c.value == INJECTION)
    assert cell.data_type == "s"  # a string, not a formula ("f")
    assert cell.quotePrefix  # and stays text when someone edits it
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_excel_public_mode(public_report) -> None:
    book = workbook(built(public_report, "xlsx"))
    rows = rows_by_label(book["Kopsavilkums"])
    assert rows[indicator_label(public_report, "residents_active_at_end")][1].value == "<5"
    assert rows[t("report.indicator.participations")][1].value == 29
    gender = rows_by_label(book["Dzimums"])
    for code, value in EXPECTED_PUBLIC["participations_by_gender"].items():  # male <5, female ≥5
        assert gender[t(GENDER_LABELS[code])][1].value == value
    assert [r[5] for r in book["Pasākumi"].iter_rows(min_row=2, values_only=True)] == ["<5", 12, 7, "≥5"]
    provenance = "\n".join(str(c.value) for row in book["Izcelsme"].iter_rows() for c in row if c.value)
    assert "≥5" in provenance and t("report.prov.secondary") in provenance


# --------------------------------------------------------------------------- Word


def test_word_tables_have_the_figures(report) -> None:
    tables = word_tables(built(report, "docx"))
    indicators = {row[0]: row[1:] for row in tables[t("report.col.indicator")]}
    for key in INDICATORS:
        assert indicators[indicator_label(report, key)][0] == text_of(EXPECTED[key]), key
    assert indicators[t("report.indicator.events")] == ["4", "8", fmt_percent(0.5, "lv")]
    assert indicators[t("report.indicator.participations")] == ["29", "50", fmt_percent(0.58, "lv")]
    gender = {row[0]: row[1:] for row in tables[t("report.key.gender")][1:]}
    unique = EXPECTED["unique_participants_by_gender"]
    assert gender == {t(GENDER_LABELS[k]): [text_of(v), text_of(unique[k])]
                      for k, v in EXPECTED["participations_by_gender"].items()} | {t("report.total"): ["29", "22"]}
    places = {row[0]: row[1:] for row in tables[t("report.key.municipality")][1:]}
    assert places["Ogres novads"] == ["7", "3"] and places[t("value.unknown")] == ["15", "15"]
    spaces = {row[0]: row[1:] for row in tables[t("report.col.space")][1:]}
    assert spaces["Ķekavas bibliotēka"] == ["1", "1", "12"]
    events = tables[t("col.starts_on")]
    assert [(row[0], row[-1]) for row in events[1:]] == [("15.01.2024", "4"), ("20.02.2024", "12"),
                                                        ("10.04.2024", "7"), ("30.06.2024", "6")]
    identification = dict(tables[t("report.id.project_code")])
    assert identification[t("report.id.budget")] == "12\xa0345,67"


def test_word_has_funding_line_and_provenance(report, reports_loaded) -> None:
    text = word_text(built(report, "docx"))
    assert "Atbalsta Zemkopības ministrija un Lauku atbalsta dienests" in text and "ELFLA" in text
    assert reports_loaded.fingerprint in text
    assert t("report.rule.participations") in text


def test_word_public_mode(public_report) -> None:
    tables = word_tables(built(public_report, "docx"))
    gender = {row[0]: row[1:] for row in tables[t("report.key.gender")][1:]}
    assert gender[t("gender.male")] == ["<5", "<5"] and gender[t("gender.female")] == ["≥5", "≥5"]
    assert gender[t("gender.other_or_unknown")] == ["15", "15"] and t("gender.other") not in gender
    assert [row[-1] for row in tables[t("col.starts_on")][1:]] == ["<5", "12", "7", "≥5"]


# --------------------------------------------------------------------------- PDF


def test_pdf_text_has_the_figures(report) -> None:
    text = plain(pdf_text(built(report, "pdf")))
    assert f"{t('report.indicator.events')} 4 8 {plain(fmt_percent(0.5, 'lv'))}" in text
    assert f"{t('report.indicator.participations')} 29 50 {plain(fmt_percent(0.58, 'lv'))}" in text
    assert f"{t('report.indicator.unique_participants')} 22 – –" in text
    assert f"{plain(indicator_label(report, 'residents_active_at_end'))} 3 – –" in text
    assert f"{t('report.indicator.residents_new')} 2 – –" in text
    for code, value in EXPECTED["participations_by_gender"].items():
        assert f"{t(GENDER_LABELS[code])} {value} {EXPECTED['unique_participants_by_gender'][code]}" in text
    assert "Ogres novads 7 3" in text and "30–39 5 2" in text and "Kopā 29 22" in text
    assert f"{t('report.under_30')} 5 3" in text and "CoLabora Lielvārde 2 0 10" in text
    assert f"20.02.2024 {LATVIAN_TITLE} {t('event_type.training')} Ķekavas bibliotēka 12" in text
    assert "Projekta budžets, EUR 12 345,67" in text
    assert "Atbalsta Zemkopības ministrija un Lauku atbalsta dienests" in text


def test_pdf_public_mode(public_report) -> None:
    text = plain(pdf_text(built(public_report, "pdf")))
    assert f"{t('gender.male')} <5 <5" in text and f"{t('gender.female')} ≥5 ≥5" in text
    assert f"{t('report.indicator.residents_new')} <5 – –" in text
    assert "≥5 “≥5”: skaits ir 5 vai lielāks" in text  # what ≥5 means, in the provenance


def test_pdf_embeds_the_shipped_font(report) -> None:
    reader = PdfReader(io.BytesIO(built(report, "pdf")))
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in name for name in fonts), fonts
    assert not any(name.endswith(("Helvetica", "Times-Roman", "Courier")) for name in fonts)


# --------------------------------------------------------------------------- CSV


def test_events_csv(report) -> None:
    data = built(report, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Latvian Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [t("report.col.event_id"), t("col.starts_on"), t("col.title"), t("col.event_type"),
                       t("col.venue"), t("col.participations")]
    assert [(r[0], int(r[5])) for r in rows[1:]] == EXPECTED_EVENTS
    assert rows[2][1] == "20.02.2024" and rows[2][2] == LATVIAN_TITLE
    assert rows[4][2] == "'" + INJECTION  # neutralised: a spreadsheet shows it as text


# --------------------------------------------------------------------------- every format


@pytest.mark.parametrize("fmt", FORMATS)
def test_latvian_letters_survive(report, fmt: str) -> None:
    data = built(report, fmt)
    if fmt == "xlsx":
        book = workbook(data)
        text = "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)
    elif fmt == "docx":
        text = word_text(data)
    elif fmt == "pdf":
        text = pdf_text(data)
    else:
        text = data.decode("utf-8-sig")
    assert LATVIAN_TITLE in text
    assert set(LATVIAN_LETTERS) <= set(text)
    if fmt != "csv":
        assert PROJECT_TITLE in text


def test_english_documents(english_report) -> None:
    text = plain(pdf_text(built(english_report, "pdf")))
    assert "Participations 29 50 58%" in text and "Project report" in text and "EAFRD" in text
    assert "20/02/2024" not in text and "20 Feb 2024" in text
    book = workbook(built(english_report, "xlsx"))
    assert book.sheetnames[0] == "Summary" and book["Events"]["B2"].number_format == "d mmm yyyy"
    tables = word_tables(built(english_report, "docx"))
    assert {row[0]: row[1:] for row in tables["Gender"][1:]}[t("gender.female", "en")] == ["10", "5"]
    assert file_name(english_report, "xlsx") == f"report_{PROJECT}_2024-01-01_2024-06-30.xlsx"


def test_file_names(report, public_report) -> None:
    assert file_name(report, "pdf") == f"atskaite_{PROJECT}_2024-01-01_2024-06-30.pdf"
    assert file_name(report, "csv").endswith("_pasakumi.csv")
    assert file_name(public_report, "docx").endswith("_public.docx")


# --------------------------------------------------------------------------- charts


def test_documents_without_a_browser_get_a_note_instead_of_charts(report, monkeypatch) -> None:
    def no_browser(*_args, **_kwargs):
        raise RuntimeError("Kaleido v1 and later requires Chrome to be installed")

    monkeypatch.setattr(chart_images, "render_pngs", no_browser)
    images = render_charts(report)
    assert images.images == () and "RuntimeError" in images.missing_reason
    docx, pdf = build(report, "docx"), build(report, "pdf")  # no crash
    note = t("report.charts_missing", "lv", reason=images.missing_reason)
    assert note in word_text(docx)
    assert plain(note) in plain(pdf_text(pdf))
    assert len(Document(io.BytesIO(docx)).inline_shapes) == 0


def test_public_mode_leaves_out_charts_with_hidden_values(public_report, monkeypatch) -> None:
    drawn: list[int] = []

    def fake_render(figures, *_args, **_kwargs):
        drawn.append(len(figures))
        return [_PNG] * len(figures)

    monkeypatch.setattr(chart_images, "render_pngs", fake_render)
    images = render_charts(public_report)
    # gender, age band and municipality have hidden cells: only events by type is drawn
    assert drawn == [1] and len(images.hidden) == 3
    assert t("report.chart_hidden", "lv", title=t("report.breakdown.participations_by_gender")) in word_text(
        build(public_report, "docx", images))


#: the ``BROWSER_PATH`` setting, as the app and the command pass it
BROWSER = load_settings(os.environ).browser_path


@pytest.mark.skipif(browser_path(BROWSER) is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_charts_are_drawn_through_chromium(report) -> None:
    images = render_charts(report, BROWSER)
    assert images.missing_reason is None, images.missing_reason
    assert len(images.images) == 4 and all(image.png.startswith(b"\x89PNG") for image in images.images)
    assert len(Document(io.BytesIO(build(report, "docx", images))).inline_shapes) == 4
    reader = PdfReader(io.BytesIO(build(report, "pdf", images)))
    assert sum(len(page.images) for page in reader.pages) == 4


#: a 1×1 white PNG
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fe"
    "a7d6a5e00000000049454e44ae426082"
)


# --------------------------------------------------------------------------- text no format can hold as it is

#: a Word line break (vertical tab), ESC and NUL, as they come in a spreadsheet cell pasted from Word
CONTROL_TITLE = "Koprades\x0btīkls\x1b Pierīgā\x00 2024"
CONTROL_SHOWN = "Koprades tīkls Pierīgā 2024"
#: 5,000 characters, in words
LONG_TITLE = ("Ļoti garš pasākuma nosaukums par koprades telpām Pierīgā " * 90)[:5000].rstrip() + "x"
#: one word of 300 characters (no space to break at)
LONG_WORD = ("Koprade" * 43)[:300]
#: a formula behind a NUL: the control character goes, the neutralisation still sees the "="
FORMULA_BEHIND_NUL = "\x00=HYPERLINK(\"http://example.invalid\")"


@pytest.fixture(scope="module", params=["control_title", "long_title"])
def hostile_report(request, report):
    """The fixture's report with the data's texts replaced: project title, event titles, a space's name."""
    title = CONTROL_TITLE + " " + LONG_WORD if request.param == "control_title" else LONG_TITLE
    events = [CONTROL_TITLE, LONG_TITLE, LONG_WORD, FORMULA_BEHIND_NUL]
    return dataclasses.replace(
        report,
        identification=dataclasses.replace(report.identification, title=title),
        events=tuple(dataclasses.replace(e, title=events[i % 4]) for i, e in enumerate(report.events)),
        by_space=tuple(dataclasses.replace(s, name=f"\x1b{LONG_WORD}\x0b") if i == 0 else s
                       for i, s in enumerate(report.by_space)),
    )


def document_text(data: bytes, fmt: str) -> str:
    if fmt == "xlsx":
        return "\n".join(str(c.value) for ws in workbook(data) for row in ws.iter_rows() for c in row if c.value)
    if fmt == "docx":
        return word_text(data)
    if fmt == "pdf":
        return pdf_text(data)
    return data.decode("utf-8-sig")


def no_spaces(text: str) -> str:
    return "".join(text.split())


def test_the_sanitisers() -> None:
    assert xml_text(CONTROL_TITLE) == CONTROL_SHOWN
    assert xml_text("a\tb\nc\rd\ud800e\ufffff\x7fg") == "a\tb\nc\rdef\x7fg"  # DEL is legal XML
    assert pdf_clean("a\tb\r\nc\x0cd") == "a b\nc d"
    assert pdf_clean("a\nb", PDF_CELL_LIMIT) == "a b"  # a cell is one paragraph
    assert cut(LONG_WORD, 100) == LONG_WORD[:99] + "…" and len(cut(LONG_WORD, 100)) == 100
    shortened = cut(LONG_TITLE, PDF_CELL_LIMIT)
    assert len(shortened) <= PDF_CELL_LIMIT and shortened.endswith("…")
    assert LONG_TITLE.startswith(shortened[:-1]) and LONG_TITLE[len(shortened) - 1] == " "  # at the end of a word
    assert cut("short", 10) == "short"


@pytest.mark.parametrize("fmt", FORMATS)
def test_any_text_builds_in_every_format(hostile_report, fmt: str) -> None:
    data = build(hostile_report, fmt, NO_CHARTS)
    text = document_text(data, fmt)
    if fmt == "json":
        made = json.loads(data)  # the data's text as it is, control characters escaped by JSON
        assert made["identification"]["title"] == hostile_report.identification.title
        assert [e["title"] for e in made["events_list"]][:3] == [CONTROL_TITLE, LONG_TITLE, LONG_WORD]
        return
    assert not set(text) & {"\x0b", "\x1b", "\x00"}, "control characters are removed"
    assert CONTROL_SHOWN in (plain(text) if fmt == "pdf" else text)  # an event's title, without them
    assert LONG_WORD in no_spaces(text)
    if fmt in ("xlsx", "docx", "csv"):
        assert LONG_TITLE in text  # whole: only the PDF shortens
    if hostile_report.identification.title != LONG_TITLE and fmt in ("xlsx", "docx"):
        assert f"{CONTROL_SHOWN} {LONG_WORD}" in text  # the project's title, without the control characters
    if hostile_report.identification.title != LONG_TITLE and fmt == "pdf":  # 328 characters: cut
        assert no_spaces(f"{CONTROL_SHOWN} {LONG_WORD[:250]}") in no_spaces(text)


def test_the_pdf_shortens_long_texts_and_says_so(hostile_report, report) -> None:
    text = plain(pdf_text(build(hostile_report, "pdf", NO_CHARTS)))
    assert plain(t("report.shortened")) in text
    assert LONG_TITLE not in text and no_spaces(LONG_TITLE[:200]) in no_spaces(text) and "…" in text
    assert plain(t("report.shortened")) not in plain(pdf_text(built(report, "pdf")))  # only when it happened


def test_formulas_behind_control_characters_stay_text(hostile_report) -> None:
    sheet = workbook(build(hostile_report, "xlsx", NO_CHARTS))["Pasākumi"]
    cell = next(c for c in sheet["C"] if c.value == xml_text(FORMULA_BEHIND_NUL))
    assert cell.data_type == "s" and cell.quotePrefix
    rows = list(csv.reader(io.StringIO(build(hostile_report, "csv", NO_CHARTS).decode("utf-8-sig")), delimiter=";"))
    assert "'" + xml_text(FORMULA_BEHIND_NUL) in [row[2] for row in rows]


def test_lone_surrogates_and_word_property_limits(report) -> None:
    broken = dataclasses.replace(
        report, identification=dataclasses.replace(report.identification, title="Telpa \ud800 \ufffe"),
        events=tuple(dataclasses.replace(e, venue="\udfff") for e in report.events))
    for fmt in FORMATS:
        assert build(broken, fmt, NO_CHARTS), fmt
    assert json.loads(build(broken, "json", NO_CHARTS))["identification"]["title"] == "Telpa \ufffd \ufffe"
    long_code = dataclasses.replace(report, identification=dataclasses.replace(report.identification,
                                                                                project_code="P" * 300))
    assert len(Document(io.BytesIO(build(long_code, "docx", NO_CHARTS))).core_properties.title) == 255
