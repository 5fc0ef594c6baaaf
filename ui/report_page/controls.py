"""The Reports page's own choices (project, period, public version, report language), kept in the URL.

URL keys are ``report_*`` so they never mix with the sidebar's filters
(``?report_project=18-00-A019.333-000015&report_from=2019-01-01&report_public=1``). Picking a
project fills the period in from the project's own dates; the period can then be changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from i18n import LANGUAGES, t
from loaders import Dataset
from ui import url_state
from ui.widgets import DATE_INPUT_BOUNDS, in_order

_FOLLOW_UI_LANGUAGE = "_report_lang_follows_ui"


@dataclass(frozen=True)
class ReportChoice:
    project: str
    start: dt.date | None
    end: dt.date | None
    public: bool
    lang: str


def _fill_period(ds: Dataset) -> None:
    """After a new project is picked: its own period."""
    start, end = ds.project_period(st.session_state["report_project"])
    st.session_state["report_from"], st.session_state["report_to"] = start, end


def _stop_following_ui_language() -> None:
    st.session_state[_FOLLOW_UI_LANGUAGE] = False


def report_choice(ds: Dataset, lang: str) -> ReportChoice:
    """Draw the controls and return what was chosen (the period's bounds in order)."""
    codes = ds.project_codes()
    titles = dict(zip(ds.projects["project_code"], ds.projects["title"], strict=True))
    url_state.init_choice("report_project", codes, codes[0])
    project_start, project_end = ds.project_period(st.session_state["report_project"])
    url_state.init_date("report_from", project_start)
    url_state.init_date("report_to", project_end)
    if "report_public" not in st.session_state:
        st.session_state["report_public"] = st.query_params.get("report_public") == "1"
    if "report_lang" in st.query_params and _FOLLOW_UI_LANGUAGE not in st.session_state:
        st.session_state[_FOLLOW_UI_LANGUAGE] = False
    if st.session_state.get(_FOLLOW_UI_LANGUAGE, True):
        st.session_state["report_lang"] = lang
    url_state.init_choice("report_lang", LANGUAGES, lang)

    with st.container(border=True, key="report-controls"):
        project_column, from_column, to_column = st.columns([3, 1, 1])
        code = project_column.selectbox(
            t("report.page.project", lang), codes, key="report_project",
            format_func=lambda c: f"{c} · {titles[c]}", on_change=_fill_period, args=(ds,),
        )
        start = from_column.date_input(t("report.page.from", lang), key="report_from", **DATE_INPUT_BOUNDS)
        end = to_column.date_input(t("report.page.to", lang), key="report_to", **DATE_INPUT_BOUNDS)
        public_column, lang_column = st.columns([3, 2])
        public = public_column.toggle(t("report.page.public", lang), key="report_public",
                                      help=t("report.page.public_help", lang))
        report_lang = lang_column.segmented_control(
            t("report.page.language", lang), list(LANGUAGES), key="report_lang", required=True,
            format_func=lambda code: t(f"report.language.{code}", lang), on_change=_stop_following_ui_language,
        )
    report_lang = report_lang if report_lang in LANGUAGES else lang
    start, end = in_order(start, end, st, t("report.page.bad_range", lang))

    project_start, project_end = ds.project_period(code)
    url_state.write(
        {"report_project": code, "report_from": start, "report_to": end, "report_public": "1" if public else None,
         "report_lang": report_lang},
        {"report_project": codes[0], "report_from": project_start, "report_to": project_end, "report_lang": lang},
    )
    return ReportChoice(code, start, end, bool(public), report_lang)
