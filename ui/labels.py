"""Translated labels for codes and axes, shared by the pages: spaces, months, quarters, time axes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from i18n import t
from i18n.formatting import fmt_month, month_abbreviation, quarter_name, quarter_tick

# re-exported for app_pages/attendance.py only; new code imports it from i18n.labels
from i18n.labels import code_labels as code_labels
from loaders import Dataset
from metrics import NO_VENUE, REST
from metrics.periods import quarter_of

#: at most this many labelled ticks on a time axis (they fit side by side in a half-width chart) ...
MAX_TICKS = {"month": 12, "quarter": 8, "year": 12}
#: ... by labelling every n-th period, n one of these (so January, Q1 or a round year stays labelled)
TICK_STEPS = {"month": (1, 2, 3, 6, 12), "quarter": (1, 2, 4), "year": (1, 2, 5, 10, 20, 50)}


def space_labels(ds: Dataset, lang: str) -> dict[str, str]:
    labels = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    labels[NO_VENUE] = t("space.no_venue", lang)
    labels[REST] = t("space.rest", lang)
    return labels


@dataclass(frozen=True)
class TimeAxis:
    """A chart's time axis: its title, one unique label per row (shown on hover) and the labelled
    ticks (label → the tick's text, on one or two lines)."""

    unit: str
    title: str
    labels: list[str]
    ticks: dict[str, str]


def _days(index: pd.Index) -> list[dt.date]:
    if isinstance(index, pd.PeriodIndex):
        index = index.start_time
    return [pd.Timestamp(value).date() for value in index]


def _tick_step(count: int, unit: str) -> int:
    return next((step for step in TICK_STEPS[unit] if math.ceil(count / step) <= MAX_TICKS[unit]),
                TICK_STEPS[unit][-1])


def time_axis(index: pd.Index, unit: str, lang: str) -> TimeAxis:
    """The axis of rows dated by ``index`` (a month's, quarter's or year's first day, the end of one,
    or a ``PeriodIndex``), counted in ``unit``: labels ``2019. marts`` / ``March 2019``,
    ``I cet. 2019`` / ``Q1 2019``, ``2019``; ticks ``marts`` … with the year under the first one
    and under each January (Q1), every n-th period when there are many."""
    days = _days(index)
    step = _tick_step(len(days), unit)
    labels, ticks, shown_year = [], {}, None
    for day in days:
        if unit == "month":
            label, number, short = fmt_month(day, lang), day.month, month_abbreviation(day.month, lang)
        elif unit == "quarter":
            number = quarter_of(day.month)
            label = quarter_name(day.year, number, lang)
            short = quarter_tick(number, lang)
        else:
            label = short = str(day.year)
            number = day.year
        labels.append(label)
        if (number - 1 if unit != "year" else number) % step:
            continue
        if unit != "year" and day.year != shown_year:
            short = f"{short}<br>{day.year}"
            shown_year = day.year
        ticks[label] = short
    return TimeAxis(unit=unit, title=t(f"axis.{unit}", lang), labels=labels, ticks=ticks)
