"""Presentation mode (``?present=1``): the map page for a projector, on one screen with no scrolling.

From top to bottom: a title line (the network's name and the period, a "demo data" badge when the
demo data is shown, and, small on the right, the settings in a popover and the switch back), the
four big headline figures, and the map filling the rest of the screen (its height follows the
window: see :data:`_CSS`). The sidebar is folded away, there are no tables, and person counts from 1
to 4 show as ``<5`` (the contract's small-count rule for public views). Sizes are in units of the
window's height, so 1280 × 720 and 1920 × 1080 look alike from the back of the room; below 640 px
(a phone) the figures sit two by two and the map keeps at least half the screen.

The switch is kept in the URL, so a prepared link opens straight in presentation mode.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import t
from i18n.formatting import period_text
from maps.panel import headline_cards
from ui import url_state
from ui.context import PageContext
from ui.text import md
from ui.widgets import metric_cards

KEY = "present"

# The page is a column as tall as the window (100dvh: the visible height, also on a phone whose
# address bar comes and goes); every block from the main container down to the map's iframe is a flex
# column whose map part takes the height that is left, so no height is guessed. The page header's
# own title and demo banner (ui.widgets.page_header) give way to the title line and its badge; its
# warnings stay.
_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stHeader"] * { background: transparent; pointer-events: none; }
[data-testid="stHeader"] button, [data-testid="stHeader"] a { pointer-events: auto; }
.stMainBlockContainer:has(.st-key-present-map) {
  display: flex; flex-direction: column; box-sizing: border-box; height: 100dvh; max-width: none;
  padding: 1.2vh 2.5rem 1.2vh 4rem; }
.stMainBlockContainer:has(.st-key-present-map) > [data-testid="stVerticalBlock"] {
  flex: 1 1 auto; min-height: 0; gap: 1.2vh; }
.stMain [data-testid="stElementContainer"]:has(> [data-testid="stHeading"] h1),
.stMain .st-key-demo-banner { display: none; }
[data-testid="stLayoutWrapper"]:has(> .st-key-present-map),
.st-key-present-map,
.st-key-present-map > [data-testid="stElementContainer"],
.st-key-present-map > [data-testid="stElementContainer"] > div {
  display: flex; flex-direction: column; flex: 1 1 0; min-height: 0; }
.st-key-present-map iframe { flex: 1 1 0; height: auto !important; min-height: 0; }
.st-key-present-title { flex-wrap: wrap; row-gap: 0; }
.st-key-present-title [data-testid="stMarkdownContainer"] p {
  font-size: clamp(1.3rem, 4.2vh, 3.4rem); line-height: 1.15; margin: 0; }
.st-key-present-title [data-testid="stCheckbox"] label p,
.st-key-present-title [data-testid="stPopover"] button p { font-size: 0.8rem; }
.st-key-present-figures [data-testid="stMetric"] { padding: 0.6vh 1rem 0.8vh; }
.st-key-present-figures [data-testid="stMetricValue"] {
  font-size: clamp(1.8rem, 7vh, 5.6rem); line-height: 1.1; }
.st-key-present-figures [data-testid="stMetricLabel"] p { font-size: clamp(1rem, 2.7vh, 2.1rem); }
.st-key-present-space [data-testid="stMetricValue"] { font-size: clamp(1.4rem, 4vh, 3rem); }
.st-key-present-space [data-testid="stMetricLabel"] p { font-size: clamp(0.9rem, 1.8vh, 1.4rem); }
.st-key-present-space h3 { font-size: clamp(1.2rem, 3vh, 2.2rem); }
@media (max-width: 640px) {
  .stMainBlockContainer:has(.st-key-present-map) { height: auto; min-height: 100dvh; padding: 2.75rem 0.75rem 0.5rem; }
  .st-key-present-title [data-testid="stMarkdownContainer"] p { font-size: 1.5rem; }
  .st-key-present-figures [data-testid="stMetricValue"] { font-size: 2.2rem; }
  .st-key-present-figures [data-testid="stMetricLabel"] p { font-size: 1rem; }
  .st-key-present-figures [data-testid="stHorizontalBlock"] { flex-flow: row wrap; gap: 0.5rem; }
  .st-key-present-figures [data-testid="stColumn"] { flex: 1 1 calc(50% - 0.5rem); min-width: calc(50% - 0.5rem); }
  .st-key-present-map > [data-testid="stElementContainer"] { min-height: 50dvh; }
}
</style>
"""


def is_on() -> bool:
    """Whether the page is in presentation mode (from the URL on the first run of the session)."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    return bool(st.session_state[KEY])


def switch(lang: str) -> bool:
    """The presentation switch, from and to the URL; in presentation mode, the sidebar folds away."""
    is_on()
    on = st.toggle(t("map.present", lang), key=KEY, help=t("map.present.help", lang))
    url_state.write({KEY: "1" if on else None}, {})
    st.set_page_config(initial_sidebar_state="collapsed" if on else "auto")
    if on:
        st.html(_CSS)
    return on


def title_line(ctx: PageContext) -> DeltaGenerator:
    """The title line: the network's name and the period, the demo badge, the settings popover and the
    switch. Returns the popover, for the map's settings."""
    lang = ctx.lang
    with st.container(key="present-title", horizontal=True, vertical_alignment="center", gap="small"):
        period = period_text(ctx.filters.start, ctx.filters.end, lang)
        st.markdown(f"**{md(t('map.title', lang))}** :gray[· {md(period)}]")
        if ctx.data.is_demo:
            st.badge(t("map.present.demo", lang), icon=":material/info:", color="blue",
                     help=t("map.present.demo_help", lang))
        settings = st.popover(t("map.present.settings", lang), icon=":material/tune:", type="tertiary",
                              key="present-settings")
        switch(lang)
    return settings


def kpi_cards(ctx: PageContext) -> None:
    """The big headline figures of presentation mode (protected with the map's other figures)."""
    with st.container(key="present-figures"):
        metric_cards(headline_cards(ctx.dataset, ctx.filters, ctx.lang, public=True), "kpi-")
