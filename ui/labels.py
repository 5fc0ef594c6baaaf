"""Translated labels for codes and axes, shared by the pages."""

from __future__ import annotations

import pandas as pd

from i18n import t
from i18n.formatting import fmt_quarter, month_axis_labels

# re-exported for app_pages/attendance.py only; new code imports it from i18n.labels
from i18n.labels import code_labels as code_labels
from loaders import Dataset
from metrics import NO_VENUE, REST


def space_labels(ds: Dataset, lang: str) -> dict[str, str]:
    labels = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    labels[NO_VENUE] = t("space.no_venue", lang)
    labels[REST] = t("space.rest", lang)
    return labels


def month_labels(index: pd.Index, lang: str) -> list[str]:
    """Axis labels for months: names alone within one year, else short ``03.2019`` / ``Mar 2019``."""
    return month_axis_labels([ts.date() for ts in index], lang)


def quarter_labels(index: pd.PeriodIndex, lang: str) -> list[str]:
    return [fmt_quarter(p.year, p.quarter, lang) for p in index]

