"""The sidebar: language switch and the filters shared by every page, kept in the URL.

A copied link reproduces the view, e.g. ``?lang=en&period=months&from=2019-01&to=2019-12&project=...``,
``?period=quarter&year=2024&quarter=3`` or ``?period=year&year=2019``. The period is picked with
selectboxes in the UI language (:mod:`ui.period_picker`). The default period is the latest calendar
year with events (up to today's year), so the dashboard does not open on an empty year once the
data stops.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pandas as pd
import streamlit as st

from i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from i18n.formatting import latvian_sort_key, period_text, sort_names
from i18n.labels import code_label
from loaders import Dataset
from loaders.contract import EVENT_TYPES
from metrics import Filters
from metrics import periods as calendar_periods
from ui import url_state
from ui.period_picker import PRESETS, pick_period

PERIODS = PRESETS
DEFAULT_PERIOD = "year"
_LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English"}
#: the filters' values as a page link carries them (set by :func:`filters`, kept across pages without them)
_FILTER_LINK = "_filter_link_params"
_LANGUAGE_LINK = "_language_link_params"


def language_switch() -> str:
    """LV / EN switch at the top of the sidebar; Latvian by default; kept in the URL."""
    url_state.init_choice("lang", LANGUAGES, DEFAULT_LANGUAGE)
    lang = st.sidebar.segmented_control(
        "Valoda / Language", list(LANGUAGES), key="lang", required=True, format_func=_LANGUAGE_NAMES.get
    )
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    url_state.write({"lang": lang}, {"lang": DEFAULT_LANGUAGE})
    st.session_state[_LANGUAGE_LINK] = url_state.link_params({"lang": lang}, {"lang": DEFAULT_LANGUAGE})
    return lang


def link_params(*, with_filters: bool) -> dict[str, str | list[str]]:
    """What a link to another page carries: the language and, to a page with the filters, the
    filters last chosen (so a page view is one browser-history entry and keeps the filters)."""
    params = dict(st.session_state.get(_LANGUAGE_LINK, {}))
    if with_filters:
        params.update(st.session_state.get(_FILTER_LINK, {}))
    return params


def project_labels(ds: Dataset) -> dict[str, str]:
    """``code · title`` per project code, in one pass (a search per option cost ~20 ms a rerun at 40 projects)."""
    first = ds.projects.drop_duplicates("project_code")
    return {code: f"{code} · {title}" for code, title in zip(first["project_code"], first["title"], strict=True)}


def event_dates(ds: Dataset) -> list[dt.date]:
    """The days on which at least one event starts, in order."""
    days = pd.Series(ds.events["starts_on"].dropna().unique())
    return sorted(days.dt.date) if len(days) else []


def event_years(ds: Dataset) -> list[int]:
    """The calendar years in which at least one event starts, in order."""
    return sorted(int(year) for year in ds.events["starts_on"].dropna().dt.year.unique())


def default_year(ds: Dataset, today: dt.date, years: list[int] | None = None) -> int:
    """The year the dashboard opens on: the latest year up to ``today``'s with at least one event.

    With events only after today's year, the first of them; with no events at all, last year.
    ``years`` are the dataset's ``event_years``, if already known.
    """
    years = event_years(ds) if years is None else years
    return calendar_periods.latest_with_data((dt.date(year, 1, 1) for year in years), today, "year")[0]


def year_options(ds: Dataset, today: dt.date, years: list[int] | None = None) -> list[int]:
    """The years to choose from, newest first: from the first event's to today's or the last event's."""
    years = event_years(ds) if years is None else years
    return calendar_periods.year_options(years, today, default_year(ds, today, years))


def _project_period(ds: Dataset, lang: str):
    def draw(values: dict[str, object]) -> tuple[dt.date | None, dt.date | None]:
        codes = ds.project_codes()
        labels = project_labels(ds)
        url_state.init_choice("project_period", codes, codes[0])
        code = st.sidebar.selectbox(
            t("filter.period_project", lang), codes, key="project_period", format_func=lambda c: labels.get(c, c)
        )
        values["project_period"] = code
        return ds.project_period(code)

    return draw


def _period(ds: Dataset, lang: str, today: dt.date, values: dict, defaults: dict
            ) -> tuple[dt.date | None, dt.date | None]:
    presets = [p for p in PERIODS if p != "project" or not ds.projects.empty]
    known = event_years(ds)
    picked = pick_period(
        st.sidebar, lang, prefix="", presets=presets, default_preset=DEFAULT_PERIOD,
        defaults=calendar_periods.period_defaults(event_dates(ds), today), years=year_options(ds, today, known),
        today=today, bad_range=t("filter.bad_range", lang), project=_project_period(ds, lang),
    )
    values.update(picked.values)
    defaults.update(picked.defaults)
    defaults["project_period"] = None  # a project's period names its project in the URL
    return picked.start, picked.end


def _multiselect(label: str, key: str, options: list[str], format_func, lang: str, values: dict) -> tuple[str, ...]:
    url_state.init_choices(key, options)
    # no "Select all" in the drop-down: it is English only, and an empty selection already means all
    chosen = st.sidebar.multiselect(label, options, key=key, format_func=format_func,
                                    placeholder=t("filter.all", lang), select_all=False)
    values[key] = list(chosen)
    return tuple(chosen)


@lru_cache(maxsize=4)
def _place_choices(ds: Dataset) -> tuple[dict[str, str], list[str], list[str]]:
    """The spaces' names by id, the space ids in Latvian order of their names, and the municipalities:
    once per dataset (sorting 5,000 names took a tenth of a second on every rerun)."""
    names = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    space_ids = sorted(names, key=lambda space: latvian_sort_key(names[space]))
    municipalities = sort_names(set(ds.spaces["municipality"].dropna()) | set(ds.events["municipality"].dropna()))
    return names, space_ids, municipalities


def filters(ds: Dataset, lang: str, today: dt.date | None = None) -> Filters:
    """Draw the filter widgets, keep them in the URL and return the selection."""
    today = today or dt.date.today()
    values: dict[str, object] = {"project_period": None}
    defaults: dict[str, object] = {}
    st.sidebar.header(t("filter.header", lang))
    start, end = _period(ds, lang, today, values, defaults)
    st.sidebar.caption(t("filter.period_shown", lang, period=period_text(start, end, lang)))

    names, space_ids, municipalities = _place_choices(ds)
    projects = project_labels(ds)
    selection = Filters(
        start=start,
        end=end,
        municipalities=_multiselect(t("filter.municipality", lang), "muni", municipalities, str, lang, values),
        spaces=_multiselect(t("filter.space", lang), "space", space_ids, names.get, lang, values),
        event_types=_multiselect(t("filter.event_type", lang), "type", list(EVENT_TYPES),
                                 lambda c: code_label("event_type", c, lang), lang, values),
        projects=_multiselect(t("filter.project", lang), "project", ds.project_codes(),
                              lambda c: projects.get(c, c), lang, values),
    )
    url_state.write(values, defaults)
    st.session_state[_FILTER_LINK] = url_state.link_params(values, defaults)
    return selection
