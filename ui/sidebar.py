"""The sidebar: language switch and the filters shared by every page, kept in the URL.

A copied link reproduces the view, e.g.
``?lang=en&period=custom&from=2019-01-01&to=2019-12-31&project=18-00-A019.333-000015`` or
``?period=year&year=2019``. The default period is the latest calendar year with events (up to
today's year), so the dashboard does not open on an empty year once the data stops.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from i18n.formatting import latvian_sort_key, period_text, sort_names
from i18n.labels import code_label
from loaders import Dataset
from loaders.contract import EVENT_TYPES
from metrics import Filters, year_period
from ui import url_state
from ui.widgets import DATE_INPUT_BOUNDS, in_order

PERIODS = ("year", "project", "all", "custom")
DEFAULT_PERIOD = "year"
#: presets of older links, read once per session as the year preset: today's year plus this many years
OLD_YEAR_PERIODS = {"last_year": -1, "this_year": 0}
_LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English"}
_URL_KEYS = ("period", "year", "project_period", "from", "to", "muni", "space", "type", "project")


def language_switch() -> str:
    """LV / EN switch at the top of the sidebar; Latvian by default; kept in the URL."""
    url_state.init_choice("lang", LANGUAGES, DEFAULT_LANGUAGE)
    lang = st.sidebar.segmented_control(
        "Valoda / Language", list(LANGUAGES), key="lang", required=True, format_func=_LANGUAGE_NAMES.get
    )
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    url_state.write({"lang": lang}, {"lang": DEFAULT_LANGUAGE})
    return lang


def project_labels(ds: Dataset) -> dict[str, str]:
    """``code · title`` per project code, in one pass (a search per option cost ~20 ms a rerun at 40 projects)."""
    first = ds.projects.drop_duplicates("project_code")
    return {code: f"{code} · {title}" for code, title in zip(first["project_code"], first["title"], strict=True)}


def event_years(ds: Dataset) -> list[int]:
    """The calendar years in which at least one event starts, in order."""
    return sorted(int(year) for year in ds.events["starts_on"].dropna().dt.year.unique())


def default_year(ds: Dataset, today: dt.date, years: list[int] | None = None) -> int:
    """The year the dashboard opens on: the latest year up to ``today``'s with at least one event.

    With events only after today's year, the first of them; with no events at all, last year.
    ``years`` are the dataset's ``event_years``, if already known.
    """
    years = event_years(ds) if years is None else years
    past = [year for year in years if year <= today.year]
    if past:
        return past[-1]
    return years[0] if years else today.year - 1


def year_options(ds: Dataset, today: dt.date, years: list[int] | None = None) -> list[int]:
    """The years to choose from, newest first: from the first event's to today's or the last event's."""
    years = event_years(ds) if years is None else years
    first = min([default_year(ds, today, years), *years[:1]])
    last = max([today.year, *years[-1:]])
    return list(range(last, first - 1, -1))


def _init_old_period(today: dt.date) -> None:
    """An older link's ``?period=last_year`` or ``this_year``: the year preset with that year, once."""
    old = st.query_params.get("period")
    if "period" in st.session_state or old not in OLD_YEAR_PERIODS:
        return
    st.session_state["period"] = "year"
    if "year" not in st.session_state and "year" not in st.query_params:
        st.session_state["year"] = str(today.year + OLD_YEAR_PERIODS[old])


def _period(ds: Dataset, lang: str, today: dt.date, values: dict,
            defaults: dict) -> tuple[dt.date | None, dt.date | None]:
    options = [p for p in PERIODS if p != "project" or not ds.projects.empty]
    _init_old_period(today)
    # A shared link with only from/to means a custom period.
    has_range = "from" in st.query_params or "to" in st.query_params
    url_state.init_choice("period", options, "custom" if has_range and "period" not in st.query_params
                          else DEFAULT_PERIOD)
    period = st.sidebar.selectbox(t("filter.period", lang), options, key="period",
                                  format_func=lambda p: t(f"period.{p}", lang))
    values["period"] = period
    if period == "year":
        # codes in the URL and in the session are strings, as the URL gives them
        known = event_years(ds)
        years = [str(year) for year in year_options(ds, today, known)]
        defaults["year"] = str(default_year(ds, today, known))
        url_state.init_choice("year", years, defaults["year"])
        year = st.sidebar.selectbox(t("filter.year", lang), years, key="year")
        values["year"] = year
        return year_period(int(year))
    if period == "project":
        codes = ds.project_codes()
        labels = project_labels(ds)
        url_state.init_choice("project_period", codes, codes[0])
        code = st.sidebar.selectbox(
            t("filter.period_project", lang), codes, key="project_period", format_func=lambda c: labels.get(c, c)
        )
        values["project_period"] = code
        return ds.project_period(code)
    if period == "custom":
        first = ds.events["starts_on"].min()
        url_state.init_date("from", first.date() if pd.notna(first) else dt.date(today.year, 1, 1))
        url_state.init_date("to", today)
        start = st.sidebar.date_input(t("filter.from", lang), key="from", **DATE_INPUT_BOUNDS)
        end = st.sidebar.date_input(t("filter.to", lang), key="to", **DATE_INPUT_BOUNDS)
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
    defaults: dict[str, object] = {"period": DEFAULT_PERIOD}
    st.sidebar.header(t("filter.header", lang))
    start, end = _period(ds, lang, today, values, defaults)
    start, end = in_order(start, end, st.sidebar, t("filter.bad_range", lang))
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
                                 lambda c: code_label("event_type", c, lang), lang, values),
        projects=_multiselect(t("filter.project", lang), "project", ds.project_codes(),
                              lambda c: projects.get(c, c), lang, values),
    )
    url_state.write(values, defaults)
    return selection
