"""The Reports page's choice of report (a project's, or the network's annual report) and the annual
report's own choices (year, public version, report language), kept in the URL as ``report_kind=network``
and ``report_annual_year=2024``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from i18n import LANGUAGES, t
from loaders import Dataset
from reports import report_years
from ui import url_state

KINDS = ("project", "network")
_FOLLOW_UI_LANGUAGE = "_report_lang_follows_ui"


@dataclass(frozen=True)
class NetworkChoice:
    year: int
    public: bool
    lang: str


def report_kind(lang: str) -> str:
    """"Projekta atskaite / Tīkla gada pārskats" at the top of the page."""
    url_state.init_choice("report_kind", KINDS, KINDS[0])
    kind = st.segmented_control(t("report.page.kind", lang), list(KINDS), key="report_kind", required=True,
                                format_func=lambda code: t(f"report.page.kind.{code}", lang))
    return kind if kind in KINDS else KINDS[0]


def default_year(years: list[int], today: dt.date) -> int:
    """The latest full year with events (the latest with events when there is none before this year)."""
    full = [year for year in years if year < today.year]
    return max(full) if full else max(years)


def _stop_following_ui_language() -> None:
    st.session_state[_FOLLOW_UI_LANGUAGE] = False


def network_choice(ds: Dataset, lang: str, today: dt.date | None = None) -> NetworkChoice | None:
    """The year (one with events), the public version and the report's language; ``None`` without events."""
    today = today or dt.date.today()
    years = report_years(ds)
    if not years:
        return None
    options = [str(year) for year in years]
    default = str(default_year(years, today))
    url_state.init_choice("report_annual_year", options, default)
    url_state.init_flag("report_public")
    if _FOLLOW_UI_LANGUAGE not in st.session_state or url_state.restoring():
        st.session_state[_FOLLOW_UI_LANGUAGE] = "report_lang" not in st.query_params
    if st.session_state[_FOLLOW_UI_LANGUAGE]:
        st.session_state["report_lang"] = lang
    url_state.init_choice("report_lang", LANGUAGES, lang)
    with st.container(border=True, key="report-network-controls"):
        st.caption(t("report.page.network_intro", lang))
        year_column, public_column, lang_column = st.columns([2, 3, 2])
        year = year_column.selectbox(t("report.page.year", lang), options, key="report_annual_year")
        public = public_column.toggle(t("report.page.public", lang), key="report_public",
                                      help=t("report.page.public_help", lang))
        report_lang = lang_column.segmented_control(
            t("report.page.language", lang), list(LANGUAGES), key="report_lang", required=True,
            format_func=lambda code: t(f"report.language.{code}", lang), on_change=_stop_following_ui_language,
        )
    report_lang = report_lang if report_lang in LANGUAGES else lang
    url_state.write({"report_kind": "network", "report_annual_year": year, "report_public": "1" if public else None,
                     "report_lang": report_lang},
                    {"report_kind": "project", "report_annual_year": default, "report_lang": lang})
    return NetworkChoice(int(year), bool(public), report_lang)
