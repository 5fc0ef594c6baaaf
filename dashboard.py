"""Coworking dashboard of the association "Pierīgas partnerība": the router.

Draws what every page shares (language switch, data loading, filters) once, then runs the
chosen page from ``pages/``.
"""

from __future__ import annotations

import streamlit as st

from i18n import t
from ui import context, sidebar
from ui.data import current_data
from ui.widgets import problems_table

st.set_page_config(page_title="Pierīgas partnerība · koprade", page_icon=":material/apartment:", layout="wide")

lang = sidebar.language_switch()
data = current_data()

#: (script, url path, title key, icon); the first is the default page
PAGES = (
    ("app_pages/overview.py", "overview", "page.overview", ":material/dashboard:"),
    ("app_pages/attendance.py", "attendance", "page.attendance", ":material/groups:"),
    ("app_pages/residents.py", "residents", "page.residents", ":material/chair:"),
    ("app_pages/spaces.py", "spaces", "page.spaces", ":material/apartment:"),
    ("app_pages/map.py", "map", "page.map", ":material/map:"),
    ("app_pages/reports.py", "reports", "page.reports", ":material/description:"),
    ("app_pages/data.py", "data", "page.data", ":material/database:"),
)
page = st.navigation(
    [
        st.Page(script, url_path=path, title=t(title, lang), icon=icon, default=i == 0)
        for i, (script, path, title, icon) in enumerate(PAGES)
    ]
)

if data.shown is None or data.shown.dataset is None:
    st.title(t("app.title", lang))
    st.error(t("app.cannot_load", lang, folder=data.folder), icon=":material/error:")
    problems_table(data.latest.problems, lang)
    st.stop()

filters = sidebar.filters(data.shown.dataset, lang)
context.publish(context.PageContext(lang=lang, data=data, dataset=data.shown.dataset, filters=filters))
page.run()
