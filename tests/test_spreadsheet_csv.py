"""CSV as Latvian Excel opens it: the one writer (:mod:`exports.spreadsheet_csv`) byte for byte, and
every CSV download going through it (the Attendance events, the Map figures, the report's events,
the Data page's templates).

The expected bytes are written out by hand: ``\\xef\\xbb\\xbf`` is the byte-order mark, and the
Latvian letters are spelled in UTF-8 (ā = ``\\xc4\\x81``, ī = ``\\xc4\\xab``, Ķ = ``\\xc4\\xb6``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st

import exports.spreadsheet_csv
import reports.csv_export
import storage.templates
from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from loaders import load_dataset
from loaders.contract import TABLES
from reports import assemble_report
from reports.build import build

COLABORA = "18-00-A019.333-000015"
BOM = b"\xef\xbb\xbf"
DATES = {"lv": re.compile(r"\d\d\.\d\d\.\d{4}"), "en": re.compile(r"\d{4}-\d\d-\d\d")}

#: a date column (as ``metrics`` gives it), dates as objects with a missing one (as the report and
#: the templates give them), an integer, a decimal with a missing value, text with Latvian letters
#: and the separator in it, and text a spreadsheet would run as a formula
FRAME = pd.DataFrame(
    {
        "Sākas": pd.to_datetime(["2019-03-18", "2024-12-01"]),
        "Beidzas": pd.Series([dt.date(2019, 3, 25), None], dtype=object),
        "Dalības": [25, 1200],
        "Platums": [56.72066, np.nan],
        "Nosaukums": ["CoLabora Lielvārde; Ķekava", "=1+2"],
    }
)
LATVIAN = (
    b"\xef\xbb\xbf"
    b"S\xc4\x81kas;Beidzas;Dal\xc4\xabbas;Platums;Nosaukums\r\n"
    b'18.03.2019;25.03.2019;25;56,72066;"CoLabora Lielv\xc4\x81rde; \xc4\xb6ekava"\r\n'
    b"01.12.2024;;1200;;'=1+2\r\n"
)
ENGLISH = (
    b"\xef\xbb\xbf"
    b"S\xc4\x81kas;Beidzas;Dal\xc4\xabbas;Platums;Nosaukums\r\n"
    b'2019-03-18;2019-03-25;25;56.72066;"CoLabora Lielv\xc4\x81rde; \xc4\xb6ekava"\r\n'
    b"2024-12-01;;1200;;'=1+2\r\n"
)


# --------------------------------------------------------------------------- the one writer


@pytest.mark.parametrize(("lang", "expected"), [("lv", LATVIAN), ("en", ENGLISH)])
def test_golden_bytes(lang: str, expected: bytes) -> None:
    assert spreadsheet_csv(FRAME, lang) == expected


def test_numbers_stay_numbers_and_whole_floats_have_no_decimals() -> None:
    frame = pd.DataFrame({"n": [-3, 4], "x": [-0.5, 25.0], "t": ["-3", "+1"], "k": pd.array([7, None], dtype="Int64")})
    assert spreadsheet_csv(frame, "lv") == b"\xef\xbb\xbfn;x;t;k\r\n-3;-0,5;'-3;7\r\n4;25;'+1;\r\n"
    assert spreadsheet_csv(frame, "en") == b"\xef\xbb\xbfn;x;t;k\r\n-3;-0.5;'-3;7\r\n4;25;'+1;\r\n"


def test_no_scientific_notation_and_a_time_of_day_is_kept() -> None:
    at = pd.to_datetime(["2024-01-02 13:05", "2024-01-03"], format="ISO8601")
    frame = pd.DataFrame({"x": [1e-7, 1e22], "at": at})
    assert spreadsheet_csv(frame, "lv") == (
        b"\xef\xbb\xbfx;at\r\n0,0000001;02.01.2024 13:05:00\r\n10000000000000000000000;03.01.2024\r\n")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        spreadsheet_csv(FRAME, "de")


# --------------------------------------------------------------------------- every download uses it


@pytest.fixture
def written(monkeypatch) -> list[bytes]:
    """Every file the one writer makes during the test (it still writes them)."""
    made: list[bytes] = []
    real = exports.spreadsheet_csv.spreadsheet_csv

    def spy(frame: pd.DataFrame, lang: str) -> bytes:
        made.append(real(frame, lang))
        return made[-1]

    monkeypatch.setattr(exports.spreadsheet_csv, "spreadsheet_csv", spy)  # pages import it on every run
    monkeypatch.setattr(reports.csv_export, "spreadsheet_csv", spy)
    monkeypatch.setattr(storage.templates, "spreadsheet_csv", spy)
    return made


@pytest.fixture
def offered(monkeypatch) -> dict[str, object]:
    """The data of every ``st.download_button`` of an AppTest run, by label (a file made only when the
    button is pressed, from a callable, is made here as the press would)."""
    buttons: dict[str, object] = {}
    real = st.download_button

    def download_button(label: str, data=None, *args, **kwargs):
        buttons[label] = data() if callable(data) else data
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", download_button)
    return buttons


def rows_of(data: bytes, header: list[str]) -> list[list[str]]:
    """The rows after ``header``, checking the file is the one writer's: BOM, ``;``, CRLF only."""
    assert data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == header
    return rows[1:]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_attendance_events_csv(app, lang: str, written, offered) -> None:
    app("app_pages/attendance.py", lang=lang, period="all")
    data = offered[t("attendance.download_csv", lang)]
    assert any(data is made for made in written)
    header = [t(key, lang) for key in ("col.starts_on", "col.title", "col.event_type", "col.participations",
                                       "col.venue", "col.municipality", "col.project_code", "col.source")]
    rows = rows_of(data, header)
    assert len(rows) == 121  # every demo event
    assert all(DATES[lang].fullmatch(row[0]) for row in rows)
    assert all(row[3].isdigit() for row in rows)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_map_figures_csv(app, lang: str, written, offered) -> None:
    app("app_pages/map.py", lang=lang, period="all")
    data = offered[t("map.download.csv", lang)]
    assert any(data is made for made in written)
    rows = rows_of(data, [t("map.col.municipality", lang), t("map.measure.participations", lang)])
    assert rows and all(value.isdigit() for _, value in rows)
    assert "Ogres novads" in [name for name, _ in rows]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_reports_events_csv(demo, lang: str, written) -> None:
    report = assemble_report(demo, COLABORA, lang=lang)
    data = build(report, "csv")
    assert written == [data]
    header = [t(key, lang) for key in ("report.col.event_id", "col.starts_on", "col.title", "col.event_type",
                                       "col.venue", "col.participations")]
    rows = rows_of(data, header)
    assert [row[0] for row in rows] == [event.event_id for event in report.events]
    assert all(DATES[lang].fullmatch(row[1]) for row in rows)


def test_the_csv_templates(written) -> None:
    """Latvian whatever the page's language (the loaders read it back, see test_storage_templates)."""
    for table in TABLES:
        data = storage.templates.template_csv(table)
        assert written[-1] is data
        (example,) = rows_of(data, list(TABLES[table].column_names))
        assert not [cell for cell in example if DATES["en"].fullmatch(cell)]
    assert storage.templates.template_csv("residents") == (
        b"\xef\xbb\xbfresident_id;space_id;joined_on;left_on;gender;birth_year;home_municipality;occupation\r\n"
        b"R0001;colabora-lielvarde;01.04.2019;;female;1990;Ogres novads;remote_employee\r\n"
    )


def test_the_english_form_loads_back_too(tmp_path: Path) -> None:
    """ISO dates and decimal points: the loaders read a file the writer made in English as well."""
    for table, spec in TABLES.items():
        example = storage.templates.EXAMPLE_ROWS[table]
        row = pd.DataFrame([[example.get(c) for c in spec.column_names]], columns=list(spec.column_names))
        (tmp_path / f"{table}.csv").write_bytes(spreadsheet_csv(row, "en"))
    spaces = (tmp_path / "spaces.csv").read_bytes()
    assert b";56.72066;" in spaces and b";2019-03-18;" in spaces
    result = load_dataset(tmp_path)
    assert result.problems == []
    assert {name: info.rows for name, info in result.files.items()} == dict.fromkeys(TABLES, 1)
