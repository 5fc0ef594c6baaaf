"""Words and formatted values of a report in its language (shared by every format and the page)."""

from __future__ import annotations

from i18n import t
from i18n.formatting import fmt_date, fmt_datetime, fmt_decimal, fmt_percent

# re-exported for reports/csv_export.py only; new code imports it from i18n.labels
from i18n.labels import code_label as code_label
from reports.model import Report


def indicator_label(report: Report, key: str) -> str:
    return t(f"report.indicator.{key}", report.lang, date=fmt_date(report.residents_on, report.lang))


def ratio(value: float | None, lang: str) -> str:
    return fmt_percent(value, lang) if value is not None else t("report.no_target", lang)


def money(value: float | None, lang: str) -> str:
    return fmt_decimal(value, lang, digits=2) if value is not None else "–"


def generated_text(report: Report) -> str:
    return fmt_datetime(report.provenance.generated_at, report.lang)


def mode_text(report: Report) -> str:
    return t("report.mode.public" if report.public else "report.mode.internal", report.lang)


def file_stem(report: Report) -> str:
    """``atskaite_18-00-A019.333-000015_2018-09-01_2020-12-31`` (ASCII, safe as a file name)."""
    word = "atskaite" if report.lang == "lv" else "report"
    parts = [word, report.project_code.replace("/", "-")]
    if report.start or report.end:
        parts += [report.start.isoformat() if report.start else "", report.end.isoformat() if report.end else ""]
    if report.public:
        parts.append("public")
    return "_".join(parts)
