"""Words and formatted values of a report in its language (shared by every format and the page)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from i18n import CATALOGUES, normalise_language, t
from i18n.formatting import fmt_date, fmt_datetime, fmt_decimal, fmt_percent

# re-exported for reports/csv_export.py only; new code imports it from i18n.labels
from i18n.labels import code_label as code_label
from reports.model import Report

#: a configured band's ASCII label: ``<30``, ``30+``, ``30-39``
_UNDER = re.compile(r"<\s*(\d+)")
_OVER = re.compile(r"(\d+)\s*\+")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")


def band_label(code: str, lang: str) -> str:
    """An age band as people read it: ``<25`` → ``līdz 24`` / ``under 25``, ``25-29`` → ``25–29``.

    The machine-readable keys (JSON, the provenance's filters) stay the ASCII labels; every table,
    chart and sentence of a report shows this. The contract's bands have their ``age_band.*``
    labels; a configured band written the same way (``<30``, ``30+``, ``30-39``) is worded alike,
    any other label is shown as written.
    """
    if f"age_band.{code}" in CATALOGUES[normalise_language(lang)]:
        return t(f"age_band.{code}", lang)
    for pattern, key in ((_UNDER, "under"), (_OVER, "over"), (_RANGE, "range")):
        match = pattern.fullmatch(code.strip())
        if match:
            numbers = [int(n) for n in match.groups()]
            return t(f"report.age_band.{key}", lang, n=numbers[0], last=numbers[0] - 1, to=numbers[-1])
    return code_label("age_band", code, lang)


def row_label(kind: str, code: str, lang: str) -> str:
    """The label of a breakdown's code: :func:`band_label` for age bands, else the code's label."""
    return band_label(code, lang) if kind == "age_band" else code_label(kind, code, lang)


def row_labels(kind: str, codes: Iterable[object], lang: str) -> dict[str, str]:
    return {str(code): row_label(kind, str(code), lang) for code in codes}


def bands_text(bands: Iterable[str], lang: str) -> str:
    """``līdz 24, 25–29, …, 65 un vairāk``: the age bands in a sentence."""
    return ", ".join(band_label(band, lang) for band in bands)


def indicator_label(report: Report, key: str) -> str:
    return t(f"report.indicator.{key}", report.lang, date=fmt_date(report.residents_on, report.lang))


def ratio(value: float | None, lang: str) -> str:
    return fmt_percent(value, lang) if value is not None else t("report.no_target", lang)


def money(value: float | None, lang: str) -> str:
    return fmt_decimal(value, lang, digits=2) if value is not None else "–"


def fte(value: float | None, lang: str) -> str:
    """Full-time equivalents with up to 2 decimals: ``1,5`` (lv) / ``1.5`` (en), ``2``."""
    if value is None:
        return "–"
    text = fmt_decimal(value, lang, digits=2)
    decimal = "," if lang == "lv" else "."
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def report_title(report: Report) -> str:
    """``Projekta atskaite`` / ``Tīkla gada pārskats``."""
    return t("report.network.heading" if report.network else "report.title", report.lang)


def section_title(report: Report, key: str) -> str:
    """A section's heading: the network's annual report has its own for the details and the indicators."""
    if report.network and key in ("identification", "indicators"):
        return t(f"report.section.{key}_network", report.lang)
    return t(f"report.section.{key}", report.lang)


def subject_code(report: Report) -> str:
    """What a report is about, in a line: the project code, or the network's year."""
    return t("report.network.subject", report.lang, year=report.year) if report.network else report.project_code


def generated_text(report: Report) -> str:
    return fmt_datetime(report.provenance.generated_at, report.lang)


def mode_text(report: Report) -> str:
    return t("report.mode.public" if report.public else "report.mode.internal", report.lang)


def file_stem(report: Report) -> str:
    """``atskaite_18-00-A019.333-000015_2018-09-01_2020-12-31`` (ASCII, safe as a file name)."""
    if report.network:
        word = "gada_parskats" if report.lang == "lv" else "annual_report"
        return "_".join([word, str(report.year), *(["public"] if report.public else [])])
    word = "atskaite" if report.lang == "lv" else "report"
    parts = [word, report.project_code.replace("/", "-")]
    if report.start or report.end:
        parts += [report.start.isoformat() if report.start else "", report.end.isoformat() if report.end else ""]
    if report.public:
        parts.append("public")
    return "_".join(parts)
