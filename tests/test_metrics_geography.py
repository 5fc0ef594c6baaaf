"""metrics.geography on the hand-counted fixture (``tests/metrics_fixture.py`` lists every row).

Reference period: 2024-01-01 … 2024-06-30. The hand computations are next to each expected value.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pandas as pd

import metrics
from loaders import Dataset, load_dataset
from metrics import geography
from tests.helpers import write_rows
from tests.metrics_fixture import KEKAVA, OGRE, PERIOD_END, PERIOD_START, TABLES


def P(**selections: tuple[str, ...]) -> metrics.Filters:
    return metrics.Filters(PERIOD_START, PERIOD_END, **selections)


def as_dict(series: pd.Series) -> dict:
    return {key: int(value) for key, value in series.items()}


# --------------------------------------------------------------------------- spaces per municipality


def test_spaces_by_municipality(metrics_ds: Dataset) -> None:
    # open in the period: alpha, beta (Ogre), gamma (Ķekava); delta closed 2023-12-31, the day before
    assert as_dict(geography.spaces_by_municipality(metrics_ds, P())) == {OGRE: 2, KEKAVA: 1}
    # June 2020: delta (opened 2020-05-01) is open too; beta (no opened_on) not yet: its first resident came in 2022
    june_2020 = metrics.Filters(dt.date(2020, 6, 1), dt.date(2020, 6, 30))
    assert as_dict(geography.spaces_by_municipality(metrics_ds, june_2020)) == {OGRE: 1, KEKAVA: 2}


def test_spaces_by_municipality_follows_the_municipality_filter(metrics_ds: Dataset) -> None:
    assert as_dict(geography.spaces_by_municipality(metrics_ds, P(municipalities=(KEKAVA,)))) == {KEKAVA: 1}


def test_spaces_by_municipality_adds_up_to_the_spaces_kpi(metrics_ds: Dataset) -> None:
    assert geography.spaces_by_municipality(metrics_ds, P()).sum() == metrics.space_count(metrics_ds, P())


# --------------------------------------------------------------------------- events held per municipality


def test_events_by_municipality(metrics_ds: Dataset) -> None:
    # in the period: E1, E3, E5 at alpha and E2 at beta (Ogre); E4 has no venue and stops at beta (Ogre)
    # and gamma (Ķekava), so it counts once in each
    assert as_dict(geography.events_by_municipality(metrics_ds, P())) == {OGRE: 5, KEKAVA: 1}


def test_events_by_municipality_counts_a_study_visit_everywhere_it_stopped(metrics_ds: Dataset) -> None:
    assert as_dict(geography.events_by_municipality(metrics_ds, P(event_types=("study_visit",)))) == {
        OGRE: 1, KEKAVA: 1}


def test_events_by_municipality_all_time(metrics_ds: Dataset) -> None:
    # E0 and E6 (alpha) as well: 7 events touched Ogre, only E4 touched Ķekava
    assert as_dict(geography.events_by_municipality(metrics_ds, metrics.Filters())) == {OGRE: 7, KEKAVA: 1}


def test_no_events_gives_an_empty_series(metrics_ds: Dataset) -> None:
    nothing = metrics.Filters(dt.date(1995, 1, 1), dt.date(1995, 12, 31))
    assert geography.events_by_municipality(metrics_ds, nothing).empty


# --------------------------------------------------------------------------- home → space flows


def flows(frame: pd.DataFrame) -> list[tuple[str, str, int]]:
    return list(zip(frame["home_municipality"], frame["space_id"], frame["residents"].astype(int), strict=True))


def test_resident_flows_at_the_end_of_the_period(metrics_ds: Dataset) -> None:
    # active on 2024-06-30: R1 (alpha, Ogre), R2 (alpha, Ķekava; joined that day), R3 (beta, no home:
    # left out), R5 (gamma, Ogre); R4 left on 2024-06-29
    assert flows(geography.resident_flows(metrics_ds, P())) == [
        (OGRE, "alpha", 1), (OGRE, "gamma", 1), (KEKAVA, "alpha", 1)]


def test_resident_flows_on_another_day(metrics_ds: Dataset) -> None:
    # on 2024-06-29: R2 has not joined yet; R4 (gamma, Ķekava) is still a resident
    on = dt.date(2024, 6, 29)
    assert flows(geography.resident_flows(metrics_ds, P(), on=on)) == [(OGRE, "alpha", 1), (OGRE, "gamma", 1),
                                                               (KEKAVA, "gamma", 1)]


def test_resident_flows_follow_the_space_filter_and_add_up(metrics_ds: Dataset) -> None:
    assert flows(geography.resident_flows(metrics_ds, P(spaces=("gamma",)))) == [(OGRE, "gamma", 1)]
    # every active resident with a known home is in one flow: 4 active, R3 has no home
    assert geography.resident_flows(metrics_ds, P())["residents"].sum() == metrics.active_residents(metrics_ds, P()) - 1


# --------------------------------------------------------------------------- study-visit routes


def test_route_stops(metrics_ds: Dataset) -> None:
    stops = geography.route_stops(metrics_ds, P())
    assert list(stops.columns) == list(geography.ROUTE_COLUMNS)
    assert stops["event_id"].tolist() == ["E4", "E4"]
    assert stops["stop_no"].tolist() == [1, 2]
    assert stops["place_name"].tolist() == ["Beta bibliotēka", "Gamma centrs"]
    assert stops[["latitude", "longitude"]].values.tolist() == [[56.8162, 24.61401], [56.8283, 24.2326]]
    assert stops["title"].unique().tolist() == ["Pieredzes brauciens"]
    assert stops["starts_on"].unique().tolist() == [pd.Timestamp("2024-04-20")]


def test_route_stops_only_of_events_in_scope(metrics_ds: Dataset) -> None:
    stops = geography.route_stops(metrics_ds, P(event_types=("opening",)))
    assert stops.empty and list(stops.columns) == list(geography.ROUTE_COLUMNS)


def test_a_stop_elsewhere_keeps_its_own_name_and_coordinates(tmp_path: Path) -> None:
    tables = copy.deepcopy(TABLES)
    # stop 3 of E4 is not a space (a place named in the file), listed before the others on purpose
    tables["event_stops"].insert(1, ["E4", "3", "", "Tukuma uzņēmēju atbalsta vietas", "56.96764", "23.15554"])
    folder = tmp_path / "data"
    write_rows(folder, tables)
    result = load_dataset(folder)
    assert result.ok, result.problems
    stops = geography.route_stops(result.dataset, P())
    assert stops["stop_no"].tolist() == [1, 2, 3]
    elsewhere = stops.iloc[2]
    assert pd.isna(elsewhere["space_id"])
    assert (elsewhere["place_name"], elsewhere["latitude"], elsewhere["longitude"]) == (
        "Tukuma uzņēmēju atbalsta vietas", 56.96764, 23.15554,
    )
