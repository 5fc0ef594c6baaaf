"""“About this installation”: where the data is and how the app is set up, for whoever looks after it.

Operator details (the data folder's path, the settings and how to change them) are not for every
visitor: the box shows them only in the run in which the staff password was given (checked, and
throttled, as for a save); nothing is remembered in the session.
"""

from __future__ import annotations

import platform

import pandas as pd
import streamlit as st

from config.settings import (
    ENV_ADMIN_PASSWORD_HASH,
    ENV_BROWSER_PATH,
    ENV_DATA_DIR,
    ENV_KEEP_BACKUPS,
    ENV_MAX_UPLOAD_MB,
    ENV_MONITORING_BUSINESS_DUE,
    ENV_MONITORING_BUSINESS_FIRST_YEAR,
    ENV_MONITORING_BUSINESS_PROJECTS,
    ENV_MONITORING_DUE,
    ENV_MONITORING_FIRST_YEAR,
    ENV_MONITORING_YEARS,
    ENV_TERRITORY,
)
from i18n import t
from i18n.formatting import fmt_int
from reports.chart_images import browser_path
from ui.data_page import staff
from ui.loading import DataState, is_demo
from ui.settings import current_settings

PASSWORD_KEY = "about-password"


def about_installation(data: DataState, lang: str) -> None:
    with st.expander(t("about.title", lang), icon=":material/settings:"), st.container(key="about"):
        st.caption(t("about.intro", lang))
        if staff.access() is not staff.Access.PASSWORD:
            st.info(t("about.no_password", lang), icon=":material/lock:")
            return
        with st.form("about-form", border=False):
            password = st.text_input(t("data.password", lang), type="password", key=PASSWORD_KEY)
            shown = st.form_submit_button(t("about.show", lang), icon=":material/visibility:")
        if not shown:
            return
        attempt = staff.try_password(password)
        if not attempt.ok:
            st.error(staff.refusal(attempt, lang), icon=":material/lock:")
            return
        st.dataframe(settings_frame(data, lang), hide_index=True, width="stretch")
        st.caption(t("about.how", lang))


def _day_month(day_month: tuple[int, int]) -> str:
    day, month = day_month
    return f"{day:02d}.{month:02d}."


def settings_frame(data: DataState, lang: str) -> pd.DataFrame:
    """The installation's settings as a table: what, its value, the variable that changes it."""
    settings = current_settings()
    browser = browser_path(settings.browser_path)
    rows = [
        ("about.data_dir", t("about.demo", lang) if is_demo(data.folder) else str(data.folder), ENV_DATA_DIR),
        ("about.password", t("about.password.set", lang), ENV_ADMIN_PASSWORD_HASH),
        ("about.max_upload", f"{fmt_int(settings.max_upload_mb, lang)} MB", ENV_MAX_UPLOAD_MB),
        ("about.keep_backups", fmt_int(settings.keep_backups, lang), ENV_KEEP_BACKUPS),
        ("about.territory", "; ".join(settings.territory), ENV_TERRITORY),
        ("about.browser", browser or t("about.browser.missing", lang), ENV_BROWSER_PATH),
        ("about.monitoring_years", fmt_int(settings.monitoring_years, lang), ENV_MONITORING_YEARS),
        ("about.monitoring_due", _day_month(settings.monitoring_due), ENV_MONITORING_DUE),
        ("about.monitoring_first_year", fmt_int(settings.monitoring_first_year, lang), ENV_MONITORING_FIRST_YEAR),
        ("about.monitoring_business", "; ".join(settings.monitoring_business_projects) or "–",
         ENV_MONITORING_BUSINESS_PROJECTS),
        ("about.monitoring_business_first_year", fmt_int(settings.monitoring_business_first_year, lang),
         ENV_MONITORING_BUSINESS_FIRST_YEAR),
        ("about.monitoring_business_due", _day_month(settings.monitoring_business_due or settings.monitoring_due),
         ENV_MONITORING_BUSINESS_DUE),
        ("about.fingerprint", data.latest.fingerprint or "–", ""),
        ("about.versions", f"Python {platform.python_version()}, Streamlit {st.__version__}", ""),
    ]
    return pd.DataFrame(
        [{t("about.col.setting", lang): t(key, lang), t("about.col.value", lang): value,
          t("about.col.variable", lang): variable} for key, value, variable in rows]
    )
