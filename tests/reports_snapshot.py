"""The texts of a report in every format (JSON, Excel cells, Word paragraphs and tables, PDF text), to
compare two reports: a version-1 folder must give the same reports after the version-2 additions
(``tests/reports_v1_snapshot.json`` was written by the code before them)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
from docx import Document
from pypdf import PdfReader

from reports import assemble_report
from reports.build import build
from reports.chart_images import ChartImages

SNAPSHOT = Path(__file__).with_name("reports_v1_snapshot.json")
NOW = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
NO_CHARTS = ChartImages((), (), missing_reason="test")


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def texts(data: bytes, fmt: str) -> Any:
    if fmt == "json":
        return json.loads(data.decode("utf-8"))
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return {sheet.title: [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets}
    if fmt == "docx":
        doc = Document(io.BytesIO(data))
        return {"paragraphs": [p.text for p in doc.paragraphs],
                "tables": [[[c.text for c in row.cells] for row in table.rows] for table in doc.tables]}
    if fmt == "pdf":
        return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    return data.decode("utf-8")


def snapshot(ds, project: str) -> dict[str, Any]:
    """Every format of the project's report, internal and public, in both languages."""
    result: dict[str, Any] = {}
    for lang in ("lv", "en"):
        for public in (False, True):
            report = assemble_report(ds, project, public=public, lang=lang, fingerprint="f" * 64, now=NOW)
            for fmt in ("json", "xlsx", "docx", "pdf", "csv"):
                result[f"{lang}-{'public' if public else 'internal'}-{fmt}"] = texts(
                    build(report, fmt, NO_CHARTS), fmt)
    return result
