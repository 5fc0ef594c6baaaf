"""The choropleth's figures: one measure per municipality, from ``metrics``, public or exact.

In a public view (presentation mode, its exports) the person measures follow the contract's
small-count rule through :func:`metrics.privacy.suppress_breakdown`: 1–4 shows as ``<5`` and,
where one hidden cell could be worked out from the total, one more cell as ``≥5``.
"""

from __future__ import annotations

import pandas as pd

import metrics
from i18n.formatting import latvian_sort_key
from loaders import Dataset
from maps.geo import municipality_names
from maps.text import shown_number
from metrics import geography
from metrics.privacy import Shown, suppress_breakdown

#: participations and residents by *home* municipality; spaces and events by where they are
MEASURES = ("participations", "residents", "spaces", "events")
#: measures that count people, so small counts are hidden in public views
PERSON_MEASURES = frozenset({"participations", "residents"})
UNKNOWN = metrics.UNKNOWN


def measure_counts(ds: Dataset, filters: metrics.Filters, measure: str) -> pd.Series:
    """The exact figure per municipality (``unknown`` for people with no home municipality)."""
    if measure == "participations":
        return metrics.participations_by_municipality(ds, filters)
    if measure == "residents":
        return metrics.residents_by_home_municipality(ds, filters)
    if measure == "spaces":
        return geography.spaces_by_municipality(ds, filters)
    if measure == "events":
        return geography.events_by_municipality(ds, filters)
    raise ValueError(f"unknown measure {measure!r}")


def choropleth_figures(ds: Dataset, filters: metrics.Filters, measure: str, public: bool) -> pd.DataFrame:
    """``municipality``, ``value``: every municipality of the map (zeros included), then any other
    named in the data, largest first; ``unknown`` last when it is not zero.

    ``value`` is the exact count, or in a public view of a person measure the shown one (an
    ``int`` or ``"<5"`` / ``"≥5"``).
    """
    counts = measure_counts(ds, filters, measure)
    names = list(dict.fromkeys([*municipality_names(), *counts.index]))
    exact = {name: int(counts.get(name, 0)) for name in names}
    shown: dict[str, Shown] = suppress_breakdown(exact) if public and measure in PERSON_MEASURES else exact
    known = sorted(
        (name for name in names if name != UNKNOWN), key=lambda n: (-shown_number(shown[n]), latvian_sort_key(n))
    )
    order = known + ([UNKNOWN] if exact.get(UNKNOWN, 0) > 0 else [])
    values = [shown[name] for name in order]
    return pd.DataFrame(
        {"municipality": order, "value": pd.Series(values, dtype="object" if public else "int64")}
    )
