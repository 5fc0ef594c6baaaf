"""The figures shown beside the map, as label → text: the headline cards of presentation mode and
the side panel of a clicked space. Taken from the map's one protected set of figures
(:func:`metrics.views.map_figures`), so cards, panel and popups agree and, in a public view,
protect each other."""

from __future__ import annotations

import pandas as pd

import metrics
from i18n import t
from i18n.formatting import fmt_count, fmt_date
from loaders import Dataset
from metrics.scope import reference_date
from metrics.views import MAP_KPIS, map_figures


def headline_cards(ds: Dataset, filters: metrics.Filters, lang: str, *, public: bool) -> dict[str, tuple[str, str]]:
    """``{kpi: (label, shown value)}`` for :data:`metrics.views.MAP_KPIS`."""
    kpis = map_figures(ds, filters, public=public).kpis
    return {key: (t(f"kpi.{key}", lang), fmt_count(kpis[key], lang)) for key in MAP_KPIS}


def space_panel(ds: Dataset, filters: metrics.Filters, space_id: str, lang: str, *,
                public: bool) -> dict[str, tuple[str, str]]:
    """``{figure: (label, shown value)}`` of one space: active residents, events, visits, participations, desks."""
    figures = map_figures(ds, filters, public=public).spaces.loc[space_id]
    desks = ds.spaces.set_index("space_id").at[space_id, "desks"]
    date = fmt_date(reference_date(filters), lang)
    return {
        "active": (t("map.popup.active_residents", lang, date=date), fmt_count(figures["active_residents"], lang)),
        "events": (t("map.popup.events", lang), fmt_count(figures["events"], lang)),
        "visits": (t("map.popup.visits", lang), fmt_count(figures["visits"], lang)),
        "participations": (t("map.popup.participations", lang), fmt_count(figures["participations"], lang)),
        "desks": (t("map.popup.desks", lang), "–" if pd.isna(desks) else fmt_count(int(desks), lang)),
    }
