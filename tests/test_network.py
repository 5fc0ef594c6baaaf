"""The network's view of every LAG: ``storage.postgres.network`` (the network role reads every LAG;
"all partnerships" as one dataset with LAG-prefixed ids), ``metrics.network.comparison`` (per LAG
the Overview's own figures; the total on the combination) and ``ui.network.network_data`` (cached on
the LAGs' revisions).

The database tests use ``pg_database`` (:mod:`tests.pg_cluster`; skipped without PostgreSQL): the
demo data in ``alpha``, the hand-counted dataset of :mod:`tests.metrics_fixture` in ``beta``, with
its space ``gamma`` renamed to a space id of the demo (``ogre-library``) and its guest ``G1`` to a
person id of the demo (``G0002``): the same ids in two LAGs, which must stay two spaces, two people.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from psycopg import errors

import metrics
from loaders import Dataset, load_dataset
from loaders.contract import TABLES
from metrics.filters import Filters
from metrics.kpis import outcome_kpis, overview_kpis
from metrics.network import ALL_LAGS, COMPARISON_COLUMNS, comparison, lag_figures
from storage.postgres import network
from storage.postgres.store import PostgresStore
from storage.staging import snapshot
from tests import metrics_fixture

DATA = Path(__file__).resolve().parents[1] / "data"
#: the metrics fixture's period: its figures are counted by hand in tests/test_metrics.py
HALF = Filters(metrics_fixture.PERIOD_START, metrics_fixture.PERIOD_END)
Y2019 = Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
#: beta's ids that are also the demo's (alpha's)
RENAMED = {"gamma": "ogre-library", "G1": "G0002"}
FIGURES = ("events", "participations", "unique_participants", "spaces", "active_residents")


def _write_beta(folder: Path) -> Path:
    """The metrics fixture with the ids of :data:`RENAMED`, as ``<table>.csv`` files."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in metrics_fixture.TABLES.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([[RENAMED.get(cell, cell) for cell in row]
                                                               for row in rows])
    return folder


@pytest.fixture(scope="module")
def beta_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_beta(tmp_path_factory.mktemp("beta") / "data")


@pytest.fixture(scope="module")
def beta_ds(beta_folder: Path) -> Dataset:
    result = load_dataset(beta_folder)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.dataset is not None
    return result.dataset


def _import(url: str, lag: str, folder: Path) -> None:
    store = PostgresStore(url, lag)
    store.save(snapshot(folder).files, (), store.fingerprint(), kind="import", author="test")


@pytest.fixture
def network_db(pg_database, beta_folder):
    _import(pg_database.app, "alpha", DATA)
    _import(pg_database.app, "beta", beta_folder)
    return pg_database


def _row(frame: pd.DataFrame, lag: str) -> pd.Series:
    rows = frame.loc[frame["lag"] == lag]
    assert len(rows) == 1, lag
    return rows.iloc[0]


def _figures(row: pd.Series) -> dict[str, int]:
    return {key: int(row[key]) for key in FIGURES}


# --------------------------------------------------------------------------- without a database


def test_beta_is_the_hand_counted_fixture(beta_ds: Dataset) -> None:
    # the renaming changes no figure of test_metrics.test_overview_kpis
    assert overview_kpis(beta_ds, HALF) == {"spaces": 3, "active_residents": 4, "events": 5,
                                            "participations": 24, "unique_participants": 22}
    assert outcome_kpis(beta_ds, HALF) is None  # no outcomes table


def test_comparison_in_memory(demo: Dataset, beta_ds: Dataset) -> None:
    names = {"alpha": "Alpha partnership"}  # beta without a name: its code
    for filters in (HALF, Y2019, Filters()):
        frame = comparison({"alpha": demo, "beta": beta_ds}, names, filters)
        assert list(frame.columns) == list(COMPARISON_COLUMNS)
        assert frame["lag"].tolist() == ["alpha", "beta", ALL_LAGS]
        assert frame["name"].tolist() == ["Alpha partnership", "beta", ""]
        for code, ds in (("alpha", demo), ("beta", beta_ds)):
            row = _row(frame, code)
            assert _figures(row) == {key: overview_kpis(ds, filters)[key] for key in FIGURES}
        assert _row(frame, "alpha")["jobs_fte"] == outcome_kpis(demo, filters)["jobs_fte"]
        assert _row(frame, "beta")["jobs_fte"] is None  # no outcomes: no data, not 0
        total = _row(frame, ALL_LAGS)
        joined = network.combined({"alpha": demo, "beta": beta_ds})
        assert _figures(total) == {key: overview_kpis(joined, filters)[key] for key in FIGURES}
        assert total["jobs_fte"] == outcome_kpis(joined, filters)["jobs_fte"]
        assert total["jobs_fte"] == pytest.approx(_row(frame, "alpha")["jobs_fte"])
        # the ids are the LAGs' own, so these add up (a space and a person of each LAG apart)
        for key in FIGURES:
            assert total[key] == _row(frame, "alpha")[key] + _row(frame, "beta")[key], key
    # hand-checked: beta in the first half of 2024 (tests/test_metrics.py's counts)
    beta = _row(comparison({"alpha": demo, "beta": beta_ds}, names, HALF), "beta")
    assert _figures(beta) == {"events": 5, "participations": 24, "unique_participants": 22, "spaces": 3,
                              "active_residents": 4}
    assert str(frame["events"].dtype) == "Int64"


def test_the_total_is_counted_on_the_combination_not_summed(metrics_ds: Dataset) -> None:
    # one LAG twice: the total is the metrics of the combined dataset (each LAG's people apart)
    frame = comparison({"a": metrics_ds, "b": metrics_ds}, {}, HALF)
    total = _row(frame, ALL_LAGS)
    joined = network.combined({"a": metrics_ds, "b": metrics_ds})
    assert int(total["unique_participants"]) == metrics.unique_participants(joined, HALF) == 44
    assert int(total["spaces"]) == metrics.space_count(joined, HALF) == 6
    # a single LAG: its total row is its own figures
    alone = comparison({"a": metrics_ds}, {"a": "A"}, HALF)
    assert _figures(_row(alone, ALL_LAGS)) == _figures(_row(alone, "a"))
    assert comparison({"a": metrics_ds}, {}, HALF, total=False)["lag"].tolist() == ["a"]
    assert comparison({}, {}, HALF).empty


def test_combined_keeps_each_lags_rows_apart(demo: Dataset, beta_ds: Dataset) -> None:
    joined = network.combined({"alpha": demo, "beta": beta_ds})
    for name in TABLES:
        expected = demo.table(name).dtypes
        pd.testing.assert_series_equal(joined.table(name).dtypes, expected, obj=name)
        for column in demo.table(name).columns:
            dtype = demo.table(name)[column].dtype
            if isinstance(dtype, pd.CategoricalDtype):
                assert joined.table(name)[column].dtype == dtype, (name, column)
        if name != "municipalities":
            assert len(joined.table(name)) == len(demo.table(name)) + len(beta_ds.table(name)), name
    # the same space id in two LAGs: two spaces
    ids = joined.spaces["space_id"].tolist()
    assert "alpha:ogre-library" in ids and "beta:ogre-library" in ids
    assert len(set(ids)) == len(ids)
    # the foreign keys point at the LAG's own rows
    assert set(joined.events["space_id"].dropna()) <= set(ids)
    assert set(joined.residents["space_id"]) <= set(ids)
    assert set(joined.attendance["event_id"]) <= set(joined.events["event_id"])
    assert set(joined.event_stops["event_id"]) <= set(joined.events["event_id"])
    assert set(joined.events["project_code"].dropna()) <= set(joined.projects["project_code"])
    assert set(joined.outcomes["project_code"].dropna()) <= set(joined.projects["project_code"])
    assert set(joined.outcomes["resident_id"].dropna()) <= set(joined.residents["resident_id"])
    assert joined.outcomes["outcome_id"].str.startswith("alpha:").all()
    # the same person id in two LAGs: two people; an anonymous row stays anonymous
    people = set(joined.attendance["person_id"].dropna())
    assert {"alpha:G0002", "beta:G0002"} <= people
    assert joined.attendance["person_id"].isna().sum() == (
        demo.attendance["person_id"].isna().sum() + beta_ds.attendance["person_id"].isna().sum())
    # municipality names are shared: one row each
    assert joined.municipalities["municipality"].is_unique
    assert set(joined.municipalities["municipality"]) == set(demo.municipalities["municipality"])
    # the inputs are untouched
    assert not demo.spaces["space_id"].str.contains(":").any()


def test_combined_of_a_lag_without_rows(demo: Dataset, beta_ds: Dataset) -> None:
    joined = network.combined({"beta": beta_ds, "alpha": demo})
    assert joined.outcomes["outcome_id"].str.startswith("alpha:").all()  # beta has none
    pd.testing.assert_series_equal(joined.outcomes.dtypes, demo.outcomes.dtypes)
    with pytest.raises(ValueError):
        network.combined({})


def test_prefixed_columns() -> None:
    assert network.prefixed_columns(TABLES["events"]) == ("event_id", "space_id", "project_code")
    assert network.prefixed_columns(TABLES["attendance"]) == ("event_id", "person_id")
    assert network.prefixed_columns(TABLES["outcomes"]) == ("outcome_id", "project_code", "space_id",
                                                            "resident_id")
    assert network.prefixed_columns(TABLES["municipalities"]) == ()


def test_lag_figures_has_no_outcomes_where_there_are_none(beta_ds: Dataset) -> None:
    assert lag_figures(beta_ds, HALF)["jobs_fte"] is None


# --------------------------------------------------------------------------- the database


def test_read_network_reads_every_lag(network_db, demo, beta_ds) -> None:
    data = network.read_network(network_db.network)
    assert data.names == {"alpha": "Alpha partnership", "beta": "Beta partnership"}
    assert list(data.results) == ["alpha", "beta"]
    assert data.revisions == {"alpha": 1, "beta": 2}
    assert data.results["alpha"].fingerprint == "pg:alpha:r1"
    assert data.fingerprint == "pg:alpha:r1+pg:beta:r2"
    assert data.combined_result.fingerprint == data.fingerprint
    assert data.combined is data.combined  # built once
    assert "***" in data.source or "@" not in data.source
    for code, expected in (("alpha", demo), ("beta", beta_ds)):
        result = data.results[code]
        assert result.ok and result.dataset is not None
        for name in TABLES:
            pd.testing.assert_frame_equal(result.dataset.table(name), expected.table(name), obj=f"{code}.{name}")
    assert data.combined_result.files["events"].rows == len(demo.events) + len(beta_ds.events)
    assert network.revisions_at(network_db.network) == data.revisions


def test_comparison_of_the_database(network_db) -> None:
    data = network.read_network(network_db.network)
    frame = comparison(data.datasets, data.names, HALF)
    assert frame["name"].tolist() == ["Alpha partnership", "Beta partnership", ""]
    for code in ("alpha", "beta"):
        ds = data.datasets[code]
        assert _figures(_row(frame, code)) == {key: overview_kpis(ds, HALF)[key] for key in FIGURES}
    # hand-checked: beta as tests/test_metrics.py counts the fixture; alpha's 2024 events by hand
    assert _figures(_row(frame, "beta")) == {"events": 5, "participations": 24, "unique_participants": 22,
                                             "spaces": 3, "active_residents": 4}
    demo_events = data.datasets["alpha"].events["starts_on"]
    in_half = ((demo_events >= "2024-01-01") & (demo_events <= "2024-06-30")).sum()
    assert int(_row(frame, "alpha")["events"]) == in_half
    total = _row(frame, ALL_LAGS)
    assert int(total["unique_participants"]) == metrics.unique_participants(data.combined, HALF)
    assert int(total["events"]) == in_half + 5


def test_the_network_role_cannot_write(network_db) -> None:
    with psycopg.connect(network_db.network) as conn:
        for statement in ("insert into lags (code, name) values ('gamma', 'G')",
                          "update events set title = 'x'",
                          "delete from attendance",
                          "insert into revisions (lag, kind) values ('alpha', 'save')"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    before = network.revisions_at(network_db.network)
    store = PostgresStore(network_db.network, "alpha")
    with pytest.raises(Exception):  # noqa: B017 (refused by the server, however the store words it)
        store.save(snapshot(DATA).files, (), store.fingerprint(), kind="import", author="network")
    assert network.revisions_at(network_db.network) == before


def test_a_lag_without_data_is_left_out_of_the_comparison(pg_database) -> None:
    _import(pg_database.app, "alpha", DATA)  # beta: added, nothing imported
    data = network.read_network(pg_database.network)
    assert list(data.names) == ["alpha", "beta"]
    assert list(data.datasets) == ["alpha"]
    assert data.results["beta"].dataset is None or data.results["beta"].dataset.events.empty
    frame = comparison(data.datasets, data.names, HALF)
    assert frame["lag"].tolist() == ["alpha", ALL_LAGS]


def test_a_url_for_one_lag_is_not_the_networks(network_db) -> None:
    with pytest.raises(ValueError):
        network.read_network(network_db.network + "?lag=alpha")


def test_network_data_is_cached_on_the_revisions(network_db, beta_folder, monkeypatch) -> None:
    from ui import network as ui_network
    from ui.settings import reload_settings

    ui_network.clear_cache()
    monkeypatch.setenv("COWORKING_DATABASE_URL", network_db.network)
    reload_settings()
    first = ui_network.network_data()
    assert first is not None and first.revisions == {"alpha": 1, "beta": 2}
    assert ui_network.network_data() is first  # nothing changed: not read again
    # a save in beta: read again
    store = PostgresStore(network_db.app, "beta")
    events = snapshot(beta_folder).files["events.csv"].replace(b"Konference", b"Konference 2")
    store.save({"events.csv": events}, (), store.fingerprint(), author="test")
    second = ui_network.network_data()
    assert second is not None and second is not first
    assert second.revisions["beta"] == 3
    assert "Konference 2" in set(second.datasets["beta"].events["title"])
    # a URL for one LAG, or none: not the network
    for url in (network_db.network + "?lag=alpha", ""):
        monkeypatch.setenv("COWORKING_DATABASE_URL", url)
        reload_settings()
        assert ui_network.network_data() is None
    ui_network.clear_cache()
