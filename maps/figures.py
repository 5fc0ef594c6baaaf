"""The choropleth's figures: one measure per municipality, as the view may show it.

Every value comes from :func:`metrics.views.map_figures`, the map's one protected set of
figures: in a public view (presentation mode, its exports) the person measures are protected
together with the cards, popups, panel and flows of the same map.
"""

from __future__ import annotations

import pandas as pd

import metrics
from i18n.formatting import latvian_sort_key
from loaders import Dataset
from maps.geo import municipality_names
from metrics.privacy import is_person_count, shown_number
from metrics.views import map_figures

#: participations and residents by *home* municipality; spaces and events by where they are
MEASURES = ("participations", "residents", "spaces", "events")
#: measures that count people, so small counts are hidden in public views
PERSON_MEASURES = frozenset(measure for measure in MEASURES if is_person_count(measure))
UNKNOWN = metrics.UNKNOWN


def choropleth_figures(ds: Dataset, filters: metrics.Filters, measure: str, *, public: bool) -> pd.DataFrame:
    """``municipality``, ``value``: every municipality of the map (zeros included), then any other
    named in the data, largest first; ``unknown`` last when it is not zero.

    ``value`` is the exact count, or in a public view of a person measure the shown one (an
    ``int`` or ``"<5"`` / ``"≥5"``).
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    shown = map_figures(ds, filters, public=public).by_municipality[measure]
    names = list(dict.fromkeys([*municipality_names(), *shown]))
    known = sorted(
        (name for name in names if name != UNKNOWN),
        key=lambda n: (-shown_number(shown.get(n, 0)), latvian_sort_key(n)),
    )
    order = known + ([UNKNOWN] if shown.get(UNKNOWN, 0) != 0 else [])
    values = [shown.get(name, 0) for name in order]
    return pd.DataFrame(
        {"municipality": order, "value": pd.Series(values, dtype="object" if public else "int64")}
    )
