"""The Reports page's own choices (project, period, public version, report language), kept in the URL.

URL keys are ``report_*`` so they never mix with the sidebar's filters
(``?report_project=18-00-A019.333-000015&report_period=year&report_year=2019&report_public=1``).
The period is the project's own (its ``starts_on``–``ends_on``, day-exact; the default), or a
year, a quarter, a month, a range of months or all time, picked with the same selectboxes as the
sidebar's (:mod:`ui.period_picker`). Picking another project goes back to its own period. Older
links with ``report_from=2019-01-01&report_to=2019-12-31`` open the months covering those days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import LANGUAGES, t
from i18n.formatting import period_text
from loaders import Dataset
from metrics import periods
from ui import sidebar, url_state
from ui.period_picker import pick_period

_FOLLOW_UI_LANGUAGE = "_report_lang_follows_ui"
#: the project's own period first: a report is normally made for it
PRESETS = ("project", "year", "quarter", "month", "months", "all")


@dataclass(frozen=True)
class ReportChoice:
    project: str
    start: dt.date | None
    end: dt.date | None
    public: bool
    lang: str


def _own_period() -> None:
    """After a new project is picked: its own period."""
    st.session_state["report_period"] = "project"


def _stop_following_ui_language() -> None:
    st.session_state[_FOLLOW_UI_LANGUAGE] = False


def _period(ds: Dataset, code: str, lang: str, today: dt.date) -> tuple[dt.date | None, dt.date | None, dict, dict]:
    own_start, own_end = ds.project_period(code)
    data = periods.period_defaults(sidebar.event_dates(ds), today)
    own_years = [day.year for day in (own_start, own_end) if day is not None]
    years = periods.year_options(sidebar.event_years(ds), today, data.year, extra=own_years)
    with st.container(key="report-period"):
        picked = pick_period(
            st.container(), lang, prefix="report_", presets=PRESETS, default_preset="project",
            defaults=periods.project_defaults(own_start, own_end, data), years=years, today=today,
            bad_range=t("report.page.bad_range", lang), project=lambda _values: (own_start, own_end), inline=True,
        )
        st.caption(t("filter.period_shown", lang, period=period_text(picked.start, picked.end, lang)))
    return picked.start, picked.end, picked.values, picked.defaults


def init_public_and_language(lang: str) -> None:
    """The public switch and the report's language from the URL; the language follows the UI's until
    it is picked here (or a link names it), also after Back or Forward."""
    url_state.init_flag("report_public")
    if _FOLLOW_UI_LANGUAGE not in st.session_state or url_state.restoring():
        st.session_state[_FOLLOW_UI_LANGUAGE] = "report_lang" not in st.query_params
    if st.session_state[_FOLLOW_UI_LANGUAGE]:
        st.session_state["report_lang"] = lang
    url_state.init_choice("report_lang", LANGUAGES, lang)


def public_and_language(public_column: DeltaGenerator, lang_column: DeltaGenerator, lang: str) -> tuple[bool, str]:
    """The public switch and the report-language choice, drawn in their columns: (public, language)."""
    public = public_column.toggle(t("report.page.public", lang), key="report_public",
                                  help=t("report.page.public_help", lang))
    report_lang = lang_column.segmented_control(
        t("report.page.language", lang), list(LANGUAGES), key="report_lang", required=True,
        format_func=lambda code: t(f"report.language.{code}", lang), on_change=_stop_following_ui_language,
    )
    return bool(public), report_lang if report_lang in LANGUAGES else lang


def report_choice(ds: Dataset, lang: str, today: dt.date | None = None) -> ReportChoice:
    """Draw the controls and return what was chosen (the period's bounds in order)."""
    today = today or dt.date.today()
    codes = ds.project_codes()
    titles = dict(zip(ds.projects["project_code"], ds.projects["title"], strict=True))
    url_state.init_choice("report_project", codes, codes[0])
    init_public_and_language(lang)

    with st.container(border=True, key="report-controls"):
        code = st.selectbox(
            t("report.page.project", lang), codes, key="report_project",
            format_func=lambda c: f"{c} · {titles[c]}", on_change=_own_period,
        )
        start, end, values, defaults = _period(ds, code, lang, today)
        public_column, lang_column = st.columns([3, 2])
        public, report_lang = public_and_language(public_column, lang_column, lang)

    url_state.write(
        {"report_kind": None, "report_annual_year": None, "report_project": code, **values,
         "report_public": "1" if public else None, "report_lang": report_lang},
        {"report_project": codes[0], **defaults, "report_lang": lang},
    )
    return ReportChoice(code, start, end, public, report_lang)
