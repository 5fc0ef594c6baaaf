"""Beside the map: the figures of the space that was clicked on it."""

from __future__ import annotations

import streamlit as st

from i18n import t
from i18n.labels import code_label
from maps.panel import space_panel
from ui.context import PageContext
from ui.text import md


def space_figures(ctx: PageContext, space_id: str | None, *, public: bool, in_a_row: bool = False) -> None:
    """The clicked space's name, type, municipality and figures for the period; a hint if none.

    ``in_a_row``: the figures side by side (under the map) rather than stacked (beside it).
    """
    lang = ctx.lang
    if space_id is None:
        st.info(t("map.click_hint", lang), icon=":material/touch_app:")
        return
    space = ctx.dataset.spaces.set_index("space_id").loc[space_id]
    figures = space_panel(ctx.dataset, ctx.filters, space_id, lang, public=public)
    st.subheader(md(space["name"]), anchor=False)
    kind = code_label("space_type", space["space_type"], lang)
    st.caption(f"{kind} · {md(space['municipality'])}")
    holders = st.columns(len(figures)) if in_a_row else [st.container() for _ in figures]
    for holder, (key, (label, value)) in zip(holders, figures.items(), strict=True):
        with holder, st.container(key=f"space-{key}"):
            st.metric(label, value, border=True)
