"""One entry point per file format, all built from the one assembled :class:`~reports.model.Report`."""

from __future__ import annotations

from collections.abc import Sequence

from reports.chart_images import ChartImages, drawing_charts, render_charts
from reports.csv_export import build_csv
from reports.excel import build_xlsx
from reports.json_export import build_json
from reports.labels import file_stem
from reports.logos import Logo
from reports.model import Report
from reports.pdf import build_pdf
from reports.word import build_docx

FORMATS: tuple[str, ...] = ("xlsx", "docx", "pdf", "json", "csv")
MIME_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
    "csv": "text/csv",
}
#: formats with chart images
WITH_CHARTS = frozenset({"docx", "pdf"})


def build(report: Report, fmt: str, images: ChartImages | None = None, *, browser: str | None = None,
          logos: Sequence[Logo] = ()) -> bytes:
    """The file's bytes. Word and PDF draw the charts (with ``browser``, the ``BROWSER_PATH`` setting)
    unless ``images`` are given, and show ``logos`` (``reports.logos.logos(data_folder)``) at the top.
    The charts are drawn while the document's text is built (Chromium works in its own processes)."""
    if fmt in WITH_CHARTS:
        charts = images if images is not None else drawing_charts(report, browser, render_charts)
        return build_docx(report, charts, logos) if fmt == "docx" else build_pdf(report, charts, logos)
    builders = {"xlsx": build_xlsx, "json": build_json, "csv": build_csv}
    if fmt not in builders:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return builders[fmt](report)


def file_name(report: Report, fmt: str) -> str:
    """``atskaite_<code>_<from>_<to>.xlsx``; the events CSV ends in ``_pasakumi`` / ``_events``."""
    suffix = ("_pasakumi" if report.lang == "lv" else "_events") if fmt == "csv" else ""
    return f"{file_stem(report)}{suffix}.{fmt}"
