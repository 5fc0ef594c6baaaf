"""The period picker of the sidebar and of the Reports page: selectboxes in the UI language.

Streamlit's date picker shows its months and weekdays in English whatever the page's language
(streamlit#12699, #7865), so a period is picked from presets instead: a calendar year, a quarter
(year + quarter), a month (year + month), a project's own period, all time, or a range of whole
months (from year + month to year + month). The URL keeps codes (``prefix`` before each key)::

    period=year&year=2024                 period=quarter&year=2024&quarter=3
    period=month&year=2024&month=3        period=months&from=2019-01&to=2020-06
    period=project&project_period=<code>  period=all

The default preset with its default values is left out of the URL; any other choice is written
whole (a project's code too), so a link means the same period when new data moves the defaults.
Older links still open: ``period=last_year`` and ``this_year`` as that year;
``period=custom&from=2019-01-01&to=2019-12-31`` (or only ``from``/``to``) as the range of the
months covering those days. Only a project's own period is
day-exact (its ``starts_on``–``ends_on``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import t
from i18n.formatting import month_name, quarter_option
from metrics import year_period
from metrics.periods import (
    MONTHS,
    QUARTERS,
    PeriodDefaults,
    in_order,
    month_bounds,
    month_code,
    months_bounds,
    parse_month,
    quarter_bounds,
)
from ui import url_state

PRESETS = ("year", "quarter", "month", "project", "all", "months")
#: the URL keys of a period (each with the picker's ``prefix``)
URL_KEYS = ("period", "year", "quarter", "month", "from", "to")
#: presets of older links, read as the year preset: today's year plus this many years
OLD_YEAR_PERIODS = {"last_year": -1, "this_year": 0}
#: the years a link may name (outside them, the year is not offered)
YEARS_ALLOWED = range(1990, 2101)

Bounds = tuple[dt.date | None, dt.date | None]
#: draws the project preset's own choice (if any) into the URL values, returns the project's days
ProjectPeriod = Callable[[dict[str, object]], Bounds]


@dataclass(frozen=True)
class PickedPeriod:
    preset: str
    start: dt.date | None
    end: dt.date | None
    #: the URL's values (prefixed keys; None: not in the URL) and their defaults
    values: dict[str, object]
    defaults: dict[str, object]


def url_codes(get: Callable[[str], str | None], today: dt.date, prefix: str = "") -> dict[str, str]:
    """A link's period in today's codes (keys without ``prefix``), older links' included."""
    codes = {key: value for key in URL_KEYS if (value := get(prefix + key)) is not None}
    period = codes.get("period")
    if period in OLD_YEAR_PERIODS:
        codes["period"] = "year"
        codes.setdefault("year", str(today.year + OLD_YEAR_PERIODS[period]))
    elif period == "custom" or (period is None and ("from" in codes or "to" in codes)):
        codes["period"] = "months"
    for key in ("from", "to"):
        month = parse_month(codes.pop(key, None))
        if month is not None:
            codes[key] = month_code(month)
    return codes


def _url_years(codes: dict[str, str]) -> set[int]:
    years = {int(codes["year"])} if codes.get("year", "").isdigit() else set()
    years |= {month[0] for key in ("from", "to") if (month := parse_month(codes.get(key)))}
    return {year for year in years if year in YEARS_ALLOWED}


def _defaults(preset: str, d: PeriodDefaults) -> dict[str, str]:
    year = {"quarter": d.quarter[0], "month": d.month[0]}.get(preset, d.year)
    return {"year": str(year), "quarter": str(d.quarter[1]), "month": str(d.month[1]),
            "from": month_code(d.months[0]), "to": month_code(d.months[1])}


def pick_period(where: DeltaGenerator, lang: str, *, prefix: str, presets: Sequence[str], default_preset: str,
                defaults: PeriodDefaults, years: Sequence[int], today: dt.date, bad_range: str,
                project: ProjectPeriod | None = None, inline: bool = False) -> PickedPeriod:
    """Draw the preset and its selectboxes into ``where`` (side by side when ``inline``), from and
    for the URL; return the period's days (a range of months in order, with ``bad_range`` shown if
    it had to be swapped)."""
    codes = url_codes(st.query_params.get, today, prefix)
    year_codes = [str(year) for year in sorted(set(years) | _url_years(codes), reverse=True)]
    url_state.init_choice(f"{prefix}period", list(presets), default_preset, url=codes.get("period"))
    preset = where.selectbox(t("filter.period", lang), list(presets), key=f"{prefix}period",
                             format_func=lambda code: t(f"period.{code}", lang))
    preset = preset if preset in presets else default_preset
    default = _defaults(preset, defaults)
    values: dict[str, object] = dict.fromkeys(prefix + key for key in URL_KEYS)
    values[f"{prefix}period"] = preset
    # a chosen period is written whole (``period=quarter&year=2024&quarter=1``), so a link keeps its
    # meaning when the data grows and the defaults move; only the default preset's defaults are left out
    url_defaults: dict[str, object] = {f"{prefix}period": default_preset}
    if preset == default_preset:
        url_defaults |= {prefix + key: value for key, value in default.items()}

    def choice(box: DeltaGenerator, key: str, options: Sequence[str], label: str, *, url: str | None,
               format_func: Callable[[str], str] = str, hidden: bool = False) -> str:
        fallback = default.get(key)
        url_state.init_choice(prefix + key, list(options), fallback if fallback in options else options[0], url=url)
        return box.selectbox(label, list(options), key=prefix + key, format_func=format_func,
                             label_visibility="hidden" if hidden else "visible")

    months = [str(m) for m in MONTHS]
    if preset in ("year", "quarter", "month"):
        left, right = where.columns(2) if inline else (where, where)
        year = choice(left, "year", year_codes, t("filter.year", lang), url=codes.get("year"))
        values[f"{prefix}year"] = year
        if preset == "year":
            start, end = year_period(int(year))
        elif preset == "quarter":
            quarter = choice(right, "quarter", [str(q) for q in QUARTERS], t("filter.quarter", lang),
                             url=codes.get("quarter"), format_func=lambda q: quarter_option(int(q), lang))
            values[f"{prefix}quarter"] = quarter
            start, end = quarter_bounds(int(year), int(quarter))
        else:
            month = choice(right, "month", months, t("filter.month", lang), url=codes.get("month"),
                           format_func=lambda m: month_name(int(m), lang))
            values[f"{prefix}month"] = month
            start, end = month_bounds(int(year), int(month))
        return PickedPeriod(preset, start, end, values, url_defaults)
    if preset == "months":
        ends = []
        boxes = where.columns(4) if inline else [box for _ in range(2) for box in where.columns(2)]
        for n, side in enumerate(("from", "to")):
            month = parse_month(codes.get(side))
            default[f"{side}_year"], default[f"{side}_month"] = default[side][:4], str(int(default[side][5:]))
            year = choice(boxes[2 * n], f"{side}_year", year_codes, t(f"filter.{side}", lang),
                          url=str(month[0]) if month else None)
            number = choice(boxes[2 * n + 1], f"{side}_month", months, t(f"filter.{side}_month", lang),
                            url=str(month[1]) if month else None, format_func=lambda m: month_name(int(m), lang),
                            hidden=True)
            ends.append((int(year), int(number)))
            values[prefix + side] = month_code(ends[-1])
        first, last, swapped = in_order(*ends)
        if swapped:
            where.warning(bad_range)
        start, end = months_bounds(first, last)
        return PickedPeriod(preset, start, end, values, url_defaults)
    if preset == "project" and project is not None:
        start, end = project(values)
        return PickedPeriod(preset, start, end, values, url_defaults)
    return PickedPeriod(preset, None, None, values, url_defaults)
