"""The sidebar: language switch and the filters shared by every page, kept in the URL.

A copied link reproduces the view, e.g.
``?lang=en&period=custom&from=2019-01-01&to=2019-12-31&project=18-00-A019.333-000015``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from i18n.formatting import latvian_sort_key, period_text, sort_names
from loaders import Dataset
from loaders.contract import EVENT_TYPES
from metrics import Filters, year_period
from ui import url_state

PERIODS = ("last_year", "this_year", "project", "all", "custom")
DEFAULT_PERIOD = "last_year"
_LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English"}
_URL_KEYS = ("period", "project_period", "from", "to", "muni", "space", "type", "project")


def language_switch() -> str:
    """LV / EN switch at the top of the sidebar; Latvian by default; kept in the URL."""
    url_state.init_choice("lang", LANGUAGES, DEFAULT_LANGUAGE)
    lang = st.sidebar.segmented_control(
        "Valoda / Language", list(LANGUAGES), key="lang", required=True, format_func=_LANGUAGE_NAMES.get
    )
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    url_state.write({"lang": lang}, {"lang": DEFAULT_LANGUAGE})
    return lang


def project_period(ds: Dataset, code: str) -> tuple[dt.date | None, dt.date | None]:
    """A project's own ``starts_on``–``ends_on`` (either may be missing)."""
    row = ds.projects.loc[ds.projects["project_code"] == code]
    if row.empty:
        return None, None
    start, end = row["starts_on"].iloc[0], row["ends_on"].iloc[0]
    return (None if pd.isna(start) else start.date()), (None if pd.isna(end) else end.date())


def project_labels(ds: Dataset) -> dict[str, str]:
    """``code · title`` per project code, in one pass (a search per option cost ~20 ms a rerun at 40 projects)."""
    first = ds.projects.drop_duplicates("project_code")
    return {code: f"{code} · {title}" for code, title in zip(first["project_code"], first["title"], strict=True)}


def _period(ds: Dataset, lang: str, today: dt.date, values: dict) -> tuple[dt.date | None, dt.date | None]:
    options = [p for p in PERIODS if p != "project" or not ds.projects.empty]
    # A shared link with only from/to means a custom period.
    has_range = "from" in st.query_params or "to" in st.query_params
    url_state.init_choice("period", options, "custom" if has_range and "period" not in st.query_params
                          else DEFAULT_PERIOD)
    period = st.sidebar.selectbox(
        t("filter.period", lang), options, key="period",
        format_func=lambda p: t(f"period.{p}", lang, this_year=today.year, last_year=today.year - 1),
    )
    values["period"] = period
    if period == "this_year":
        return year_period(today.year)
    if period == "last_year":
        return year_period(today.year - 1)
    if period == "project":
        codes = sort_names(ds.projects["project_code"].tolist())
        labels = project_labels(ds)
        url_state.init_choice("project_period", codes, codes[0])
        code = st.sidebar.selectbox(
            t("filter.period_project", lang), codes, key="project_period", format_func=lambda c: labels.get(c, c)
        )
        values["project_period"] = code
        return project_period(ds, code)
    if period == "custom":
        first = ds.events["starts_on"].min()
        url_state.init_date("from", first.date() if pd.notna(first) else dt.date(today.year, 1, 1))
        url_state.init_date("to", today)
        bounds = {"min_value": dt.date(1990, 1, 1), "max_value": dt.date(2100, 12, 31), "format": "DD.MM.YYYY"}
        start = st.sidebar.date_input(t("filter.from", lang), key="from", **bounds)
        end = st.sidebar.date_input(t("filter.to", lang), key="to", **bounds)
        values["from"], values["to"] = start, end
        return start, end
    return None, None


def _multiselect(label: str, key: str, options: list[str], format_func, lang: str, values: dict) -> tuple[str, ...]:
    url_state.init_choices(key, options)
    chosen = st.sidebar.multiselect(label, options, key=key, format_func=format_func,
                                    placeholder=t("filter.all", lang))
    values[key] = list(chosen)
    return tuple(chosen)


def filters(ds: Dataset, lang: str, today: dt.date | None = None) -> Filters:
    """Draw the filter widgets, keep them in the URL and return the selection."""
    today = today or dt.date.today()
    values: dict[str, object] = dict.fromkeys(_URL_KEYS)
    st.sidebar.header(t("filter.header", lang))
    start, end = _period(ds, lang, today, values)
    if start and end and start > end:
        st.sidebar.warning(t("filter.bad_range", lang))
        start, end = end, start
    st.sidebar.caption(t("filter.period_shown", lang, period=period_text(start, end, lang)))

    names = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    municipalities = sort_names(set(ds.spaces["municipality"].dropna()) | set(ds.events["municipality"].dropna()))
    projects = project_labels(ds)
    selection = Filters(
        start=start,
        end=end,
        municipalities=_multiselect(t("filter.municipality", lang), "muni", municipalities, str, lang, values),
        spaces=_multiselect(t("filter.space", lang), "space", sorted(names, key=lambda s: latvian_sort_key(names[s])),
                            names.get, lang, values),
        event_types=_multiselect(t("filter.event_type", lang), "type", list(EVENT_TYPES),
                                 lambda c: t(f"event_type.{c}", lang), lang, values),
        projects=_multiselect(t("filter.project", lang), "project", sort_names(ds.projects["project_code"].tolist()),
                              lambda c: projects.get(c, c), lang, values),
    )
    url_state.write(values, {"period": DEFAULT_PERIOD})
    return selection
