"""The report as one JSON object (for scripts and automation).

Keys are codes, not translated labels; figures are numbers, suppressed ones the strings
``"<5"`` / ``"≥5"``; ``percent`` is achieved / target × 100 with one decimal (``null`` when the
achieved figure is hidden or the target is 0). Text is the data's as it is, control characters
escaped by ``json``; only a lone surrogate, which UTF-8 cannot encode, becomes U+FFFD.
"""

from __future__ import annotations

import json
from typing import Any

from i18n import t
from metrics.privacy import SECONDARY, SMALL
from reports.clean_text import json_text
from reports.model import Report


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _suppression(report: Report) -> dict[str, str] | None:
    """What ``<5`` and ``≥5`` mean (public mode only)."""
    if not report.public:
        return None
    return {SMALL: t("report.prov.small", report.lang), SECONDARY: t("report.prov.secondary", report.lang)}


def _version_2(report: Report) -> dict[str, Any]:
    """The contract's version-2 keys (only for a folder with version-2 data: a version-1 report stays as it was)."""
    if not report.version_2:
        return {}
    out, costs = report.outcomes, report.costs
    keys: dict[str, Any] = {}
    if out is None:  # no outcomes table: "no data", not 0
        keys.update(dict.fromkeys(("jobs_created_fte", "businesses_started", "businesses_supported",
                                   "jobs_created_fte_by_gender", "jobs_created_fte_under_30")))
    else:
        keys.update({
            "jobs_created_fte": out.jobs_created_fte,
            "businesses_started": out.businesses_started,
            "businesses_supported": out.businesses_supported,
            "jobs_created_fte_by_gender": dict(out.jobs_created_fte_by_gender),
            "jobs_created_fte_under_30": out.jobs_created_fte_under_30,
        })
    if not report.network:
        keys.update({
            "spent_eur": costs.spent_eur if costs else None,
            "budget_absorbed": costs.budget_absorbed if costs else None,
            "cost_basis": costs.basis if costs else None,
            **{key: getattr(costs, key) if costs else None
               for key in ("cost_per_participation", "cost_per_unique_participant", "cost_per_job_fte",
                           "cost_per_event")},
            "progress": {item.indicator: {"unit": item.unit, "target": item.target,
                                          "cumulative": {day.isoformat(): value for day, value in item.points}}
                         for item in report.progress},
        })
    keys["population_covered"] = report.population_covered
    if report.population_missing:
        keys["population_missing"] = list(report.population_missing)
    return keys


def _network(report: Report) -> dict[str, Any]:
    """The network's annual report: its year and each project's events and money."""
    if not report.network:
        return {}
    return {
        "report": "network_annual",
        "year": report.year,
        "projects": [
            {"project_code": row.project_code, "title": row.title, "events": row.events, "spent_eur": row.spent_eur,
             "budget_eur": row.budget_eur, "budget_absorbed": row.budget_absorbed}
            for row in report.projects
        ],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    ident, prov = report.identification, report.provenance
    return {
        "project_code": report.project_code or None,
        **_network(report),
        "from": report.start.isoformat() if report.start else None,
        "to": report.end.isoformat() if report.end else None,
        "public": report.public,
        "lang": report.lang,
        "identification": {
            "project_code": ident.project_code,
            "title": ident.title,
            "programme": ident.programme,
            "measure": ident.measure,
            "funder": ident.funder,
            "starts_on": ident.starts_on.isoformat() if ident.starts_on else None,
            "ends_on": ident.ends_on.isoformat() if ident.ends_on else None,
            "budget_eur": ident.budget_eur,
        },
        **report.indicators,
        **report.breakdowns,
        "under_30": dict(report.under_30),
        **_version_2(report),
        "by_space": {
            space.space_id: {"events": space.events, "visits": space.visits, "participations": space.participations}
            for space in report.by_space
        },
        "residents_on": report.residents_on.isoformat(),
        "targets": {
            key: {"target": target.target, "achieved": target.achieved, "percent": _percent(target.ratio)}
            for key, target in report.targets.items()
        },
        "events_list": [
            {
                "event_id": event.event_id,
                "date": event.starts_on.isoformat(),
                "title": event.title,
                "event_type": event.event_type,
                "venue": event.venue,
                "participations": event.participations,
            }
            for event in report.events
        ],
        "fingerprint": prov.fingerprint,
        "provenance": {
            "fingerprint": prov.fingerprint,
            "generated_at": prov.generated_at.isoformat(),
            "filters": prov.filters,
            "counting_rules": dict(prov.counting_rules),
            "suppression": _suppression(report),
        },
    }


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return json_text(value)
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def build_json(report: Report) -> bytes:
    return json.dumps(_clean(report_to_dict(report)), ensure_ascii=False, indent=2).encode("utf-8")
