"""Beside the map: the figures of the space that was clicked on it."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

import metrics
from i18n import t
from i18n.formatting import fmt_date, fmt_int
from metrics.scope import reference_date
from ui.context import PageContext
from ui.presentation import count_text


def space_figures(ctx: PageContext, space_id: str | None, public: bool, in_a_row: bool = False) -> None:
    """The clicked space's name, type, municipality and figures for the period; a hint if none.

    ``in_a_row``: the figures side by side (under the map) rather than stacked (beside it).
    """
    lang = ctx.lang
    if space_id is None:
        st.info(t("map.click_hint", lang), icon=":material/touch_app:")
        return
    space = ctx.dataset.spaces.set_index("space_id").loc[space_id]
    one = dataclasses.replace(ctx.filters, spaces=(space_id,))
    kind = t(f"space_type.{space['space_type']}", lang)
    date = fmt_date(reference_date(ctx.filters), lang)
    desks = "–" if pd.isna(space["desks"]) else fmt_int(int(space["desks"]), lang)
    figures = {
        "active": (t("map.popup.active_residents", lang, date=date),
                   count_text(metrics.active_residents(ctx.dataset, one), lang, public)),
        "events": (t("map.popup.events", lang), fmt_int(metrics.event_count(ctx.dataset, one), lang)),
        "participations": (t("map.space.participations", lang),
                           count_text(metrics.participations(ctx.dataset, one), lang, public)),
        "desks": (t("map.popup.desks", lang), desks),
    }
    st.subheader(space["name"], anchor=False)
    st.caption(f"{kind} · {space['municipality']}")
    holders = st.columns(len(figures)) if in_a_row else [st.container() for _ in figures]
    for holder, (key, (label, value)) in zip(holders, figures.items(), strict=True):
        with holder, st.container(key=f"space-{key}"):
            st.metric(label, value, border=True)
