"""Presentation mode (``?present=1``): the map page for a projector.

Large type, a few big figures, no tables; person counts from 1 to 4 shown as ``<5`` (the
contract's small-count rule for public views). The switch is kept in the URL, so a prepared
link opens straight in presentation mode.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from maps.panel import headline_cards
from ui import url_state
from ui.context import PageContext
from ui.widgets import metric_cards

KEY = "present"

_CSS = """
<style>
.stMain h1 { font-size: 3rem; }
.stMain [data-testid="stCaptionContainer"] p { font-size: 1.15rem; }
.st-key-present-figures [data-testid="stMetricValue"] { font-size: 3.4rem; }
.st-key-present-figures [data-testid="stMetricLabel"] p { font-size: 1.35rem; }
.st-key-present-space [data-testid="stMetricValue"] { font-size: 2.4rem; }
.st-key-present-space [data-testid="stMetricLabel"] p { font-size: 1.15rem; }
.st-key-present-space h3 { font-size: 1.9rem; }
</style>
"""


def switch(lang: str) -> bool:
    """The presentation switch, from and to the URL; in presentation mode, the sidebar folds away."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    on = st.toggle(t("map.present", lang), key=KEY, help=t("map.present.help", lang))
    url_state.write({KEY: "1" if on else None}, {})
    st.set_page_config(initial_sidebar_state="collapsed" if on else "auto")
    if on:
        st.html(_CSS)
    return on


def kpi_cards(ctx: PageContext) -> None:
    """The big headline figures of presentation mode (protected with the map's other figures)."""
    with st.container(key="present-figures"):
        metric_cards(headline_cards(ctx.dataset, ctx.filters, ctx.lang, public=True), "kpi-")
