"""The choropleth's figures: one measure per municipality, as the view may show it.

Every value comes from :func:`metrics.views.map_figures`, the map's one protected set of
figures: in a public view (presentation mode, its exports) the person measures are protected
together with the cards, popups, panel and flows of the same map.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

import metrics
from i18n.formatting import latvian_sort_key
from loaders import Dataset
from maps.geo import municipality_names
from metrics.population import populations
from metrics.privacy import is_person_count, shown_number
from metrics.views import HIDDEN_RATE, RATE_MEASURES, Rate, map_figures, shown_rate

#: participations and residents by *home* municipality; spaces and events by where they are
MEASURES = ("participations", "residents", "spaces", "events")
#: the person measures per 1 000 inhabitants (offered only with a ``municipalities`` table)
RATE_MEASURE_NAMES = tuple(RATE_MEASURES)
ALL_MEASURES = MEASURES + RATE_MEASURE_NAMES
#: measures that count people, so small counts are hidden in public views
PERSON_MEASURES = frozenset(measure for measure in MEASURES if is_person_count(measure))
UNKNOWN = metrics.UNKNOWN


def choropleth_figures(ds: Dataset, filters: metrics.Filters, measure: str, *, public: bool) -> pd.DataFrame:
    """``municipality``, ``value``: every municipality of the map (zeros included), then any other
    named in the data, largest first; ``unknown`` last when it is not zero.

    ``value`` is the exact count, or in a public view of a person measure the shown one (an
    ``int`` or ``"<5"`` / ``"≥5"``).
    """
    if measure in RATE_MEASURES:
        return rate_figures(ds, filters, measure, public=public)
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


def measures(ds: Dataset) -> tuple[str, ...]:
    """The measures the map offers for ``ds``: the rates only where the folder has a ``municipalities`` table."""
    return ALL_MEASURES if not ds.municipalities.empty else MEASURES


def is_rate(measure: str) -> bool:
    return measure in RATE_MEASURES


def _rate_order(rate: Rate) -> float:
    """Largest rate first, then the hidden ones, then those with no population figure."""
    if rate is None:
        return 1.0
    if rate == HIDDEN_RATE:
        return 0.5
    return -float(rate)  # type: ignore[arg-type]


def rate_figures(ds: Dataset, filters: metrics.Filters, measure: str, *, public: bool) -> pd.DataFrame:
    """``municipality``, ``value`` (the rate as shown: a number to one decimal, ``–`` where the count is
    hidden, ``None`` where there is no population figure), ``count`` (as shown) and ``population``
    (``None`` where not given): every municipality of the map, then any other with a count or a
    population; largest rate first. The unknown home is left out (it has no population)."""
    figures = map_figures(ds, filters, public=public)
    counts = figures.by_municipality[RATE_MEASURES[measure]]
    rates = figures.rates.get(measure, {})
    known = populations(ds)
    names = [n for n in dict.fromkeys([*municipality_names(), *rates]) if n != UNKNOWN]
    values = {name: rates.get(name, shown_rate(0, known.get(name))) for name in names}
    order = sorted(names, key=lambda n: (_rate_order(values[n]), latvian_sort_key(n)))
    return pd.DataFrame({
        "municipality": order,
        "value": pd.Series([values[n] for n in order], dtype="object"),
        "count": pd.Series([counts.get(n, 0) for n in order], dtype="object" if public else "int64"),
        "population": pd.Series([known.get(n) for n in order], dtype="object"),
    })


def population_source(ds: Dataset) -> tuple[str | None, dt.date | None] | None:
    """The one source and date of the population figures (``None`` when they differ or there are none)."""
    table = ds.municipalities
    if table.empty:
        return None
    sources = set(table["source"].astype("object").fillna("")) if "source" in table else {""}
    dates = set(table["population_on"].dropna())
    if len(sources) != 1 or len(dates) > 1:
        return None
    source = next(iter(sources)) or None
    day = pd.Timestamp(next(iter(dates))).date() if dates else None
    return source, day
