"""The Reports page's choice of report (a project's, or the network's annual report) and the annual
report's own choices (year, public version, report language), kept in the URL as ``report_kind=network``
and ``report_annual_year=2024``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from i18n import t
from loaders import Dataset
from reports import report_years
from ui import url_state
from ui.report_page.controls import init_public_and_language, public_and_language

KINDS = ("project", "network")


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


def network_choice(ds: Dataset, lang: str, today: dt.date | None = None) -> NetworkChoice | None:
    """The year (one with events), the public version and the report's language; ``None`` without events."""
    today = today or dt.date.today()
    years = report_years(ds)
    if not years:
        return None
    options = [str(year) for year in years]
    default = str(default_year(years, today))
    url_state.init_choice("report_annual_year", options, default)
    init_public_and_language(lang)
    with st.container(border=True, key="report-network-controls"):
        st.caption(t("report.page.network_intro", lang))
        year_column, public_column, lang_column = st.columns([2, 3, 2])
        year = year_column.selectbox(t("report.page.year", lang), options, key="report_annual_year")
        public, report_lang = public_and_language(public_column, lang_column, lang)
    url_state.write({"report_kind": "network", "report_annual_year": year, "report_public": "1" if public else None,
                     "report_lang": report_lang},
                    {"report_kind": "project", "report_annual_year": default, "report_lang": lang})
    return NetworkChoice(int(year), public, report_lang)
