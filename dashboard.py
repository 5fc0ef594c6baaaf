"""Coworking dashboard of the association "Pierīgas partnerība": the router.

Draws what the pages share (language switch, data loading, the sidebar filters) once, then runs
the chosen page from ``app_pages/``. The filters appear only on pages that use them, and only
the Data page runs when no good data could be loaded (it is where the files get fixed).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.navigation.page import StreamlitPage

from i18n import t
from loaders.memory import return_freed_memory
from metrics import Filters
from ui import context, sidebar, url_state
from ui.accounts import accounts, sign_in_page, sign_out, signed_in
from ui.loading import current_data, data_folder
from ui.network import network_state, network_url
from ui.text import md
from ui.widgets import problems_table


@dataclass(frozen=True)
class PageSpec:
    script: str
    url_path: str
    icon: str
    uses_filters: bool = True
    needs_data: bool = True


PAGES = (
    PageSpec("app_pages/overview.py", "overview", ":material/dashboard:"),
    PageSpec("app_pages/attendance.py", "attendance", ":material/groups:"),
    PageSpec("app_pages/residents.py", "residents", ":material/chair:"),
    PageSpec("app_pages/spaces.py", "spaces", ":material/apartment:"),
    PageSpec("app_pages/map.py", "map", ":material/map:"),
    PageSpec("app_pages/reports.py", "reports", ":material/description:", uses_filters=False),
    PageSpec("app_pages/data.py", "data", ":material/database:", uses_filters=False, needs_data=False),
)
#: shown only when the dashboard reads every LAG of the database with the network role
NETWORK_PAGE = PageSpec("app_pages/network.py", "network", ":material/hub:")


def page_links(where: DeltaGenerator, pages: dict[str, StreamlitPage], specs: tuple[PageSpec, ...]) -> None:
    """The menu: a link per page, carrying the language and, to a page with filters, the filters."""
    with where:
        for spec in specs:
            st.page_link(pages[spec.url_path], query_params=sidebar.link_params(with_filters=spec.uses_filters))


return_freed_memory()  # the process-wide allocator setup, before the first load (once per process: cached)
st.set_page_config(page_title="Pierīgas partnerība · koprade", page_icon="🏢", layout="wide")

url_state.begin_run()  # before any widget: is this run a Back or Forward to an earlier URL?
navigation = st.sidebar.container(key="navigation")  # the page links, filled once the filters are known
lang = sidebar.language_switch()
found = accounts()  # an installation for many partnerships: sign in first
signed = signed_in(found) if found is not None else None
if found is not None and signed is None:
    sign_in_page(found, lang)
    st.stop()
if signed is not None:
    sign_out(lang, signed, found)
in_network = signed.is_network if signed is not None else network_url() is not None
if signed is not None and signed.is_network:
    data = network_state(data_folder(), lang, found.network_database_url)
elif signed is not None:
    data = current_data(signed.lag)
else:
    data = network_state(data_folder(), lang) if in_network else current_data()
shown_pages = (*PAGES[:-1], NETWORK_PAGE, PAGES[-1]) if in_network else PAGES

pages = {
    spec.url_path: st.Page(spec.script, url_path=spec.url_path, title=t(f"page.{spec.url_path}", lang),
                           icon=spec.icon, default=i == 0)
    for i, spec in enumerate(shown_pages)
}
# Streamlit's own menu would drop the query parameters on a page change and add a history entry
# for the page without them; these links carry them, so a page view is one entry (see ui/url_state.py)
page = st.navigation(list(pages.values()), position="hidden")
spec = next(s for s in shown_pages if pages[s.url_path] is page)
dataset = data.shown.dataset if data.shown is not None else None

if dataset is None and spec.needs_data:
    page_links(navigation, pages, shown_pages)
    st.title(t("app.title", lang))
    st.error(t("app.cannot_load", lang, folder=md(data.latest.folder)), icon=":material/error:")  # or the database
    st.page_link(pages["data"], label=t("app.go_to_data", lang), icon=":material/database:",
                 query_params=sidebar.link_params(with_filters=False))
    problems_table(data.latest.problems, lang)
    st.stop()

filters = sidebar.filters(dataset, lang) if spec.uses_filters and dataset is not None else Filters()
page_links(navigation, pages, shown_pages)
context.publish(context.PageContext(lang=lang, data=data, dataset=dataset, filters=filters))
page.run()
