"""The report as text tables: what Word, PDF and the page's preview print, in the same order.

Nothing is computed here: every value comes from the assembled :class:`~reports.model.Report`
and is only formatted for its language.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import t
from i18n.formatting import fmt_date, period_text
from reports.labels import code_label, generated_text, indicator_label, mode_text, money, ratio, shown
from reports.model import BREAKDOWNS, INDICATOR_KEYS, Report

#: the indicator whose value is the total of each breakdown
BREAKDOWN_TOTALS = {
    "events_by_type": "events",
    "participations_by_gender": "participations",
    "participations_by_age_band": "participations",
    "participations_by_municipality": "participations",
}


@dataclass(frozen=True)
class TextTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: per column: right-aligned figures
    numeric: tuple[bool, ...]
    #: per column: relative width
    widths: tuple[float, ...]
    #: the last row is a total
    total_row: bool = False
    #: share of the text width the table takes (short breakdowns need not span the page)
    width_share: float = 1.0


def identification_rows(report: Report) -> list[tuple[str, str]]:
    ident, lang = report.identification, report.lang
    rows = [
        ("report.id.project_code", ident.project_code),
        ("report.id.title", ident.title),
        ("report.id.programme", ident.programme),
        ("report.id.measure", ident.measure),
        ("report.id.funder", ident.funder),
        ("report.id.project_period", period_text(ident.starts_on, ident.ends_on, lang)),
        ("report.id.budget", money(ident.budget_eur, lang)),
        ("report.id.report_period", period_text(report.start, report.end, lang)),
        ("report.id.beneficiary", t("report.lag", lang)),
    ]
    return [(t(key, lang), value if value else "–") for key, value in rows]


def indicator_table(report: Report) -> TextTable:
    lang = report.lang
    rows = []
    for key in INDICATOR_KEYS:
        target = report.targets.get(key)
        rows.append(
            (
                indicator_label(report, key),
                shown(report.indicators[key], lang),
                shown(target.target, lang) if target else t("report.no_target", lang),
                ratio(target.ratio, lang) if target else t("report.no_target", lang),
            )
        )
    header = tuple(t(f"report.col.{c}", lang) for c in ("indicator", "achieved", "target", "percent"))
    return TextTable(header, tuple(rows), (False, True, True, True), (5.2, 1.6, 1.6, 1.6))


def breakdown_kind(key: str) -> str:
    return dict(BREAKDOWNS)[key]


def breakdown_title(report: Report, key: str) -> str:
    return t(f"report.breakdown.{key}", report.lang)


def breakdown_table(report: Report, key: str) -> TextTable:
    lang, kind = report.lang, breakdown_kind(key)
    rows = [(code_label(kind, code, lang), shown(value, lang)) for code, value in report.breakdowns[key].items()]
    total_key = BREAKDOWN_TOTALS[key]
    rows.append((t("report.total", lang), shown(report.indicators[total_key], lang)))
    header = (t(f"report.key.{kind}", lang), t(f"report.indicator.{total_key}", lang))
    return TextTable(header, tuple(rows), (False, True), (4.0, 1.6), total_row=True, width_share=0.62)


def events_table(report: Report) -> TextTable:
    lang = report.lang
    rows = tuple(
        (
            fmt_date(event.starts_on, lang),
            event.title,
            code_label("event_type", event.event_type, lang),
            event.venue or "–",
            shown(event.participations, lang),
        )
        for event in report.events
    )
    header = tuple(t(f"col.{c}", lang) for c in ("starts_on", "title", "event_type", "venue", "participations"))
    return TextTable(header, rows, (False, False, False, False, True), (1.6, 3.6, 2.0, 3.1, 1.9))


def provenance_rows(report: Report) -> list[tuple[str, str]]:
    lang, prov = report.lang, report.provenance
    rows = [
        (t("report.prov.fingerprint", lang), prov.fingerprint or "–"),
        (t("report.prov.generated", lang), generated_text(report)),
        (t("report.prov.project", lang), report.project_code),
        (t("report.prov.period", lang), period_text(report.start, report.end, lang)),
        (t("report.prov.mode", lang), mode_text(report)),
        (t("report.prov.age_bands", lang), ", ".join(report.age_bands)),
    ]
    if report.public:
        rows += [("<5", t("report.prov.small", lang)), ("≥5", t("report.prov.secondary", lang))]
    return rows


def counting_rules(report: Report) -> list[str]:
    return [sentence for _, sentence in report.provenance.counting_rules]
