"""Translated labels for codes and axes, shared by the pages."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from i18n import t
from i18n.formatting import fmt_month, fmt_quarter, month_name
from loaders import Dataset
from metrics import NO_VENUE, REST


def code_labels(kind: str, codes: Iterable[str], lang: str) -> dict[str, str]:
    """``{"study_visit": "Pieredzes brauciens"}`` for ``kind="event_type"``."""
    return {str(code): t(f"{kind}.{code}", lang) for code in codes}


def space_labels(ds: Dataset, lang: str) -> dict[str, str]:
    labels = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    labels[NO_VENUE] = t("space.no_venue", lang)
    labels[REST] = t("space.rest", lang)
    return labels


def month_labels(index: pd.Index, lang: str) -> list[str]:
    """Axis labels for months: names alone within one year, else short ``03.2019`` / ``Mar 2019``."""
    if len({ts.year for ts in index}) <= 1:
        return [month_name(ts.month, lang, "abbreviated") for ts in index]
    if lang == "lv":
        return [f"{ts.month:02d}.{ts.year}" for ts in index]
    return [fmt_month(ts.date(), lang, "abbreviated") for ts in index]


def quarter_labels(index: pd.PeriodIndex, lang: str) -> list[str]:
    return [fmt_quarter(p.year, p.quarter, lang) for p in index]

