"""Translated labels for codes and axes, shared by the pages."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from i18n import t
from i18n.formatting import fmt_month, fmt_quarter
from loaders import Dataset
from metrics import NO_VENUE


def code_labels(kind: str, codes: Iterable[str], lang: str) -> dict[str, str]:
    """``{"study_visit": "Pieredzes brauciens"}`` for ``kind="event_type"``."""
    return {str(code): t(f"{kind}.{code}", lang) for code in codes}


def space_labels(ds: Dataset, lang: str) -> dict[str, str]:
    labels = dict(zip(ds.spaces["space_id"], ds.spaces["name"], strict=True))
    labels[NO_VENUE] = t("space.no_venue", lang)
    return labels


def month_labels(index: pd.Index, lang: str) -> list[str]:
    return [fmt_month(ts.date(), lang, "abbreviated") for ts in index]


def quarter_labels(index: pd.PeriodIndex, lang: str) -> list[str]:
    return [fmt_quarter(p.year, p.quarter, lang) for p in index]

