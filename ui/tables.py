"""Display frames: metrics' tables with translated column names and code labels."""

from __future__ import annotations

import pandas as pd

from i18n import t
from i18n.labels import code_labels
from loaders.contract import EVENT_TYPES, SPACE_TYPES


def events_frame(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events table for people: translated headers, type labels, plain dates."""
    return pd.DataFrame(
        {
            t("col.starts_on", lang): events["starts_on"],
            t("col.title", lang): events["title"],
            t("col.event_type", lang): events["event_type"].map(code_labels("event_type", EVENT_TYPES, lang)),
            t("col.participations", lang): events["participations"],
            t("col.venue", lang): events["venue"],
            t("col.municipality", lang): events["municipality"],
            t("col.project_code", lang): events["project_code"],
            t("col.source", lang): events["has_list"].map(
                lambda listed: t("source.list" if listed else "source.head_count", lang)
            ),
        }
    )


def spaces_frame(spaces: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.name", lang): spaces["name"],
            t("col.space_type", lang): spaces["space_type"].map(code_labels("space_type", SPACE_TYPES, lang)),
            t("col.municipality", lang): spaces["municipality"],
            t("col.active_residents", lang): spaces["active_residents"],
            t("col.events", lang): spaces["events"],
            t("col.participations", lang): spaces["participations"],
            t("col.visits", lang): spaces["visits"],
            t("col.desks", lang): spaces["desks"],
            t("col.settlement", lang): spaces["settlement"],
            t("col.opened_on", lang): spaces["opened_on"],
        }
    )
