"""The figures of each public view, protected as one set (contract: *Small-count protection, exact*).

Two kinds of view publish person counts:

* the **map** in presentation mode (:func:`map_figures`): the headline cards, every space's
  popup and side panel, the municipalities' colours, tooltips and legend, the home → space flows
  and the map's HTML export;
* a **project report** (:func:`report_figures`): every indicator, breakdown, per-space figure and
  the events list, in every format.

Each function gathers the view's exact figures from the counting rules in ``metrics`` and states
how they add up (:class:`metrics.privacy.View`), then protects them together
(:func:`metrics.privacy.protect`): in a public view no hidden count can be worked out from any
combination of the view's figures. With ``public=False`` the same figures come back exact, so
pages, popups and exports have one code path.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

import numpy as np
import pandas as pd

from loaders import Dataset
from metrics.age import DEFAULT_AGE_BANDS, UNKNOWN, AgeBand
from metrics.events import (
    event_count,
    events_by_type,
    events_table,
    participations,
    participations_by_age_band,
    participations_by_gender,
    participations_by_municipality,
    unique_participants,
)
from metrics.filters import Filters
from metrics.geography import events_by_municipality, residents_by_home_and_space, spaces_by_municipality
from metrics.people import (
    YOUTH_AGE,
    under_30,
    unique_participants_by_age_band,
    unique_participants_by_gender,
    unique_participants_by_municipality,
)
from metrics.population import per_thousand, populations
from metrics.privacy import SECONDARY, SMALL, Protected, Shown, View, gender_cells, is_suppressed, protect, shown_number
from metrics.residents import active_residents, active_residents_by_space, new_residents, residents_by_home_municipality
from metrics.scope import per_view
from metrics.spaces import space_count, space_figures, spaces_involved

#: the code of a breakdown's unpublished rest (e.g. the participations of events without a venue)
_REST = "__rest__"
#: the headline cards of the map in presentation mode
MAP_KPIS = ("spaces", "active_residents", "events", "participations")
#: the map's per 1 000 inhabitants measures → the person measure each is a rate of
RATE_MEASURES: dict[str, str] = {"participations_per_1000": "participations", "residents_per_1000": "residents"}
#: a rate whose count is hidden (``<5`` / ``≥5``): rate × population would give the count away
HIDDEN_RATE = "–"
#: a rate as a view shows it: per 1 000 to one decimal, :data:`HIDDEN_RATE`, or ``None`` (no population figure)
Rate = float | str | None


def shown_rate(count: Shown, population: int | None) -> Rate:
    """The rate of a count *as shown* (:func:`metrics.population.per_thousand`): ``None`` without a
    (non-zero) population, :data:`HIDDEN_RATE` when the count is hidden, else per 1 000 to one decimal."""
    if not population:
        return None
    if is_suppressed(count):
        return HIDDEN_RATE
    return per_thousand(int(count), population)


@dataclass(frozen=True)
class MapFigures:
    """Everything the map shows for one dataset, filters and mode, as it may be shown."""

    public: bool
    #: the headline cards (:data:`MAP_KPIS`)
    kpis: dict[str, Shown]
    #: per space id (every space of the data): ``active_residents``, ``events``, ``visits``, ``participations``
    spaces: pd.DataFrame
    #: measure → {municipality (or ``unknown``): value}; measures as in ``maps.figures.MEASURES``
    by_municipality: dict[str, dict[str, Shown]]
    #: ``home_municipality``, ``space_id``, ``residents``: the flows that can be drawn, largest first
    flows: pd.DataFrame
    #: rate measure (:data:`RATE_MEASURES`) → {municipality: :data:`Rate`}, from the *shown* counts, for
    #: every municipality with a count or a population; empty without a ``municipalities`` table
    rates: dict[str, dict[str, Rate]]


def _counts(series: pd.Series) -> dict[str, int]:
    return {str(key): int(value) for key, value in series.items()}


def _add_flows(view: View, table: pd.DataFrame) -> list:
    """Home × space cells adding up to each space's and each home's residents (those with no home
    are never drawn, but they are part of their space's residents). Returns the cells' keys, in the
    table's order."""
    homes, spaces = table["home_municipality"].tolist(), table["space_id"].tolist()
    keys = [("flows", home, space) for home, space in zip(homes, spaces, strict=True)]
    published = table["home_municipality"].ne(UNKNOWN).to_numpy()
    numbers = view.count_cells(keys, table["residents"].to_numpy(dtype="int64"), published)
    view.adds_up_by(keys, spaces, lambda space: ("space_residents", space), numbers)
    view.adds_up_by(keys, homes, lambda home: ("home_residents", home), numbers)
    return keys


@dataclass(frozen=True)
class _MapCounts:
    """The exact counts the map's figures are made of (the same in both modes, so computed once)."""

    participations: int
    active_residents: int
    per_space: pd.DataFrame
    home_participations: dict[str, int]
    space_residents: dict[str, int]
    home_residents: dict[str, int]
    flows: pd.DataFrame


@per_view
def _map_counts(ds: Dataset, filters: Filters) -> _MapCounts:
    return _MapCounts(
        participations=participations(ds, filters),
        active_residents=active_residents(ds, filters),
        per_space=space_figures(ds, filters),
        home_participations=_counts(participations_by_municipality(ds, filters)),
        space_residents=_counts(active_residents_by_space(ds, filters)),
        home_residents=_counts(residents_by_home_municipality(ds, filters)),
        flows=residents_by_home_and_space(ds, filters),
    )


@per_view
def map_figures(ds: Dataset, filters: Filters, *, public: bool) -> MapFigures:
    """The map's figures. Relations a viewer knows: participations = the spaces' participations +
    those of events without a venue = the participations by home municipality; active residents =
    by space = by home; each space's residents = its flows by home (+ those without a home), each
    home's residents = its flows."""
    counts = _map_counts(ds, filters)
    view = View()
    view.count("participations", counts.participations)
    view.count("active_residents", counts.active_residents)
    per_space = counts.per_space
    view.breakdown("space_participations", _counts(per_space["participations"]), "participations", rest=_REST)
    view.breakdown("home_participations", counts.home_participations, "participations")
    space_residents = counts.space_residents
    view.breakdown("space_residents", space_residents, "active_residents")
    view.breakdown("home_residents", counts.home_residents, "active_residents")
    table = counts.flows
    if public:  # the flows and their margins protect each other; an internal view needs no relations
        flow_keys = _add_flows(view, table)
    shown = protect(view, public=public)

    spaces = per_space.astype("object")
    spaces["participations"] = [shown[("space_participations", s)] for s in spaces.index]
    spaces.insert(0, "active_residents", [shown[("space_residents", s)] if s in space_residents else 0
                                          for s in spaces.index])
    drawn = (table["home_municipality"] != UNKNOWN).to_numpy()
    flows = table[drawn].copy()
    if public:
        flows["residents"] = list(map(shown.shown.__getitem__, compress(flow_keys, drawn.tolist())))
    flows["order"] = _shown_numbers(flows["residents"])
    flows = (flows.sort_values(["home_municipality", "space_id"], kind="stable")
             .sort_values("order", ascending=False, kind="stable").drop(columns="order").reset_index(drop=True))
    by_municipality: dict[str, dict[str, Shown]] = {
        "participations": shown.cells("home_participations"),
        "residents": shown.cells("home_residents"),
        "spaces": _counts(spaces_by_municipality(ds, filters)),
        "events": _counts(events_by_municipality(ds, filters)),
    }
    return MapFigures(
        public=public,
        kpis={"spaces": space_count(ds, filters), "active_residents": shown["active_residents"],
              "events": event_count(ds, filters), "participations": shown["participations"]},
        spaces=spaces,
        by_municipality=by_municipality,
        flows=flows,
        rates=_rates(ds, by_municipality),
    )


def _shown_numbers(shown: pd.Series) -> np.ndarray:
    """:func:`metrics.privacy.shown_number` of each value, at once (the flows are a few hundred thousand)."""
    if pd.api.types.is_integer_dtype(shown.dtype):
        return shown.to_numpy(dtype="int64")
    values = shown.to_numpy(dtype="object")
    small, secondary = values == SMALL, values == SECONDARY
    numbers = np.zeros(len(values), dtype="int64")
    numbers[small] = shown_number(SMALL)
    numbers[secondary] = shown_number(SECONDARY)
    rest = ~small & ~secondary
    numbers[rest] = values[rest].astype("int64")
    return numbers


def _rates(ds: Dataset, by_municipality: dict[str, dict[str, Shown]]) -> dict[str, dict[str, Rate]]:
    """Each rate measure per municipality, from the counts as this view shows them."""
    if ds.municipalities.empty:
        return {}
    known = populations(ds)
    rates: dict[str, dict[str, Rate]] = {}
    for rate, measure in RATE_MEASURES.items():
        counts = by_municipality[measure]
        names = [name for name in dict.fromkeys([*counts, *known]) if name != UNKNOWN]
        rates[rate] = {name: shown_rate(counts.get(name, 0), known.get(name)) for name in names}
    return rates


#: the indicator keys of a report, in the order of its indicator table
REPORT_INDICATORS: tuple[str, ...] = (
    "events", "participations", "unique_participants", "spaces_involved", "residents_active_at_end", "residents_new",
)  # fmt: skip
#: the breakdowns of a report: key → the indicator it breaks down
REPORT_BREAKDOWNS: dict[str, str] = {
    "events_by_type": "events",
    "participations_by_gender": "participations",
    "participations_by_age_band": "participations",
    "participations_by_municipality": "participations",
    "unique_participants_by_gender": "unique_participants",
    "unique_participants_by_age_band": "unique_participants",
    "unique_participants_by_municipality": "unique_participants",
}


@dataclass(frozen=True)
class ReportFigures:
    """A report's figures as it may show them."""

    indicators: dict[str, Shown]
    breakdowns: dict[str, dict[str, Shown]]
    #: ``{"participations": n, "unique_participants": n}`` under 30
    under_30: dict[str, Shown]
    #: per space involved: ``{"events": n, "visits": n, "participations": n}``
    by_space: dict[str, dict[str, Shown]]
    #: :func:`metrics.events_table` (newest first) with ``participations`` as shown
    events: pd.DataFrame


def _youth_relation(view: View, total: str, breakdown: str, bands: tuple[AgeBand, ...]) -> None:
    """``under_30`` = the bands below 30 plus, not shown, the young part of a band that straddles 30
    (e.g. 25–34) or of ages no band covers."""
    young = [(breakdown, band.label) for band in bands if band.high is not None and band.high < YOUTH_AGE]
    left = view.values[("under_30", total)] - sum(view.values[key] for key in young)
    straddling = [band for band in bands
                  if (band.low or 0) < YOUTH_AGE and (band.high is None or band.high >= YOUTH_AGE)]
    if straddling:
        band = (breakdown, straddling[0].label)
        low = view.count((*band, "young"), left, published=False)
        high = view.count((*band, "older"), view.values[band] - left, published=False)
        view.adds_up(band, [low, high])
        young.append(low)
    elif left:
        young.append(view.count((breakdown, "young, in no band"), left, published=False))
    view.adds_up(("under_30", total), young)


def report_figures(
    ds: Dataset, filters: Filters, *, public: bool, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
) -> ReportFigures:
    """A report's figures for ``filters``. Relations a viewer knows: each breakdown adds up to its
    indicator; under 30 = the young age bands; participations = the spaces' participations + those
    of events without a venue; each space's participations = those of its events in the list."""
    view = View()
    for key, value in (("participations", participations(ds, filters)),
                       ("unique_participants", unique_participants(ds, filters)),
                       ("residents_active_at_end", active_residents(ds, filters)),
                       ("residents_new", new_residents(ds, filters))):
        view.count(key, value)
    exact = {
        "participations_by_gender": participations_by_gender(ds, filters),
        "participations_by_age_band": participations_by_age_band(ds, filters, bands),
        "participations_by_municipality": participations_by_municipality(ds, filters),
        "unique_participants_by_gender": unique_participants_by_gender(ds, filters),
        "unique_participants_by_age_band": unique_participants_by_age_band(ds, filters, bands),
        "unique_participants_by_municipality": unique_participants_by_municipality(ds, filters),
    }
    for key, series in exact.items():
        cells = gender_cells(series, public=public) if key.endswith("_by_gender") else _counts(series)
        view.breakdown(key, cells, REPORT_BREAKDOWNS[key])
    young = under_30(ds, filters)
    for total in ("participations", "unique_participants"):
        view.count(("under_30", total), young[total])
        _youth_relation(view, total, f"{total}_by_age_band", bands)

    per_space = space_figures(ds, filters)
    involved = per_space[(per_space["events"] > 0) | (per_space["visits"] > 0)]
    view.breakdown("by_space", _counts(involved["participations"]), "participations", rest=_REST)
    events = events_table(ds, filters)
    groups = events["space_id"].astype("object").fillna(_REST)
    view.breakdown("events_list", _counts(events.set_index("event_id")["participations"]))
    for group, ids in events["event_id"].groupby(groups, sort=False):
        view.adds_up(("by_space", group), [("events_list", str(e)) for e in ids])
    if _REST not in set(groups):  # no event without a venue: the rest is known to be 0
        view.adds_up(("by_space", _REST), [])
    shown = protect(view, public=public)
    return _report_shown(ds, filters, shown, involved, events)


def _report_shown(ds: Dataset, filters: Filters, shown: Protected, involved: pd.DataFrame,
                  events: pd.DataFrame) -> ReportFigures:
    indicators: dict[str, Shown] = {
        "events": event_count(ds, filters), "spaces_involved": spaces_involved(ds, filters),
        **{key: shown[key] for key in ("participations", "unique_participants", "residents_active_at_end",
                                        "residents_new")},
    }
    breakdowns = {"events_by_type": _counts(events_by_type(ds, filters))}
    breakdowns.update({key: shown.cells(key) for key in REPORT_BREAKDOWNS if key != "events_by_type"})
    shown_events = events.copy()
    shown_events["participations"] = pd.Series([shown[("events_list", str(e))] for e in events["event_id"]],
                                               index=events.index, dtype="object")
    return ReportFigures(
        indicators={key: indicators[key] for key in REPORT_INDICATORS},
        breakdowns=breakdowns,
        under_30={total: shown[("under_30", total)] for total in ("participations", "unique_participants")},
        by_space={
            str(space): {"events": int(row.events), "visits": int(row.visits),
                         "participations": shown[("by_space", str(space))]}
            for space, row in involved.iterrows()
        },
        events=shown_events,
    )
