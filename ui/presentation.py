"""Presentation mode (``?present=1``): the map page for a projector.

Large type, a few big figures, no tables; person counts from 1 to 4 shown as ``<5`` (the
contract's small-count rule for public views). The switch is kept in the URL, so a prepared
link opens straight in presentation mode.
"""

from __future__ import annotations

import streamlit as st

import metrics
from i18n import t
from i18n.formatting import fmt_int
from metrics.privacy import suppress
from ui import url_state
from ui.context import PageContext
from ui.widgets import metric_cards

KEY = "present"
#: the Overview's figures shown big; person counts are suppressed
KPIS = ("spaces", "active_residents", "events", "participations")
PERSON_KPIS = frozenset({"active_residents", "participations"})

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


def count_text(value: int, lang: str, public: bool) -> str:
    """A person count as shown: exact, or in a public view ``<5`` for 1–4."""
    shown = suppress(value) if public else value
    return shown if isinstance(shown, str) else fmt_int(shown, lang)


def kpi_cards(ctx: PageContext) -> None:
    """The big headline figures of presentation mode."""
    values = metrics.overview_kpis(ctx.dataset, ctx.filters)
    with st.container(key="present-figures"):
        metric_cards(
            {key: (t(f"kpi.{key}", ctx.lang), count_text(values[key], ctx.lang, public=key in PERSON_KPIS))
             for key in KPIS},
            "kpi-",
        )
