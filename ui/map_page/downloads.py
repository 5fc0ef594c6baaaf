"""The map as a PNG image for slides: made when its button is pressed, then downloaded.

A prepare step, as on the Reports page (``ui/report_page/downloads.py``), not a callable for
``st.download_button``'s ``data``: Streamlit runs such a callable in a thread of its own where no
Streamlit command works, and when it fails shows its own English "Failed to generate file" for a few
seconds. Drawing the image takes Chromium about a second; if it cannot (no Chromium, a crash, a
time-out), the page says so here in its language. So the button "Lejupielādēt karti (PNG)" draws the
image in the page's run (it spins meanwhile), keeps it in the session for the map shown, and a
"Saglabāt karti (PNG)" button then takes its place. Without a Chromium the button is not offered
at all, and a note says what is needed.
"""

from __future__ import annotations

import logging

import streamlit as st

import maps
from i18n import t
from loaders import Dataset
from maps.image import find_browser, map_png
from metrics import Filters
from ui.context import PageContext
from ui.settings import current_settings

log = logging.getLogger(__name__)

#: ``(the map's identity, PNG bytes)`` of the image made in this session
IMAGE_KEY = "map-png"
#: set by the button's callback, taken by the next run
REQUEST_KEY = "map-png-requested"
#: the image could not be made (said once, in the run after)
FAILED_KEY = "map-png-failed"


def make_png(ds: Dataset, filters: Filters, options: maps.MapOptions, lang: str) -> bytes | None:
    """The map's PNG, or ``None`` when it cannot be made (logged with the reason)."""
    try:
        return map_png(maps.standalone_html(ds, filters, options, lang), current_settings().browser_path)
    except Exception:
        log.exception("the map image could not be made")
        return None


def _request() -> None:
    st.session_state[REQUEST_KEY] = True


def png_button(ctx: PageContext, options: maps.MapOptions) -> bool:
    """The PNG button (or, without a Chromium, a note); once the image is made, its download button.
    Returns whether the last attempt failed (the caller says so with :func:`failed_message`)."""
    ds, filters, lang = ctx.dataset, ctx.filters, ctx.lang
    fingerprint = ctx.data.shown.fingerprint if ctx.data.shown is not None else None
    identity = (fingerprint, filters, options, lang)
    kept = st.session_state.get(IMAGE_KEY)
    image = kept[1] if kept is not None and kept[0] == identity else None
    requested = st.session_state.pop(REQUEST_KEY, False)
    failed = st.session_state.pop(FAILED_KEY, False)
    if image is None and find_browser(current_settings().browser_path) is None:
        st.caption(t("map.png.no_browser", lang))
        return False
    slot = st.empty()
    if requested and image is None:
        slot.button(t("map.download.png_preparing", lang), key="prepare-png", icon="spinner", disabled=True)
        image = make_png(ds, filters, options, lang)
        if image is None:
            st.session_state[FAILED_KEY] = True
            st.rerun()  # the button back as it was, and the message under it
        st.session_state[IMAGE_KEY] = (identity, image)
    if image is not None:
        slot.download_button(
            t("map.download.png_ready", lang), data=image, file_name=t("map.file.png", lang), mime="image/png",
            on_click="ignore", icon=":material/download:", type="primary", key="download-png",
        )
    else:
        slot.button(t("map.download.png", lang), key="prepare-png", icon=":material/image:", on_click=_request,
                    help=t("map.download.png_help", lang))
    return failed


def failed_message(lang: str) -> None:
    st.error(t("map.png.failed", lang), icon=":material/error:")
