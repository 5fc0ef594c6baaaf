"""The PostgreSQL backend as the app and the commands use it: the demo data imported into a LAG and
read back exactly as the folder loader reads it, its reports, an export round trip, save / stale /
undo, one LAG not seeing another's rows, a save killed half way, a server restart between saves and
four processes saving at once without a lost update.

Every test gets a fresh database (``pg_database`` of :mod:`tests.pg_cluster`; skipped without
PostgreSQL) with the LAGs ``alpha`` and ``beta``, and connects as the app role.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from loaders import load_dataset
from loaders.contract import TABLES
from reports.cli import main as reports_main
from storage.cli import main as storage_main
from storage.errors import NothingToUndo, SaveFailed, StaleData
from storage.postgres import tables
from storage.postgres.store import PostgresStore
from storage.staging import snapshot
from tests.storage_helpers import with_event

DATA = Path(__file__).resolve().parents[1] / "data"
PROJECT = "18-00-A019.333-000015"


@pytest.fixture(scope="module")
def demo_load():
    result = load_dataset(DATA)
    assert result.ok
    return result


def _import(url: str, lag: str = "alpha") -> PostgresStore:
    store = PostgresStore(url, lag)
    files = snapshot(DATA).files
    store.save(files, (), store.fingerprint(), kind="import", author="test")
    return store


def _assert_same_dataset(actual, expected) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(actual.table(name), expected.table(name), obj=name)


def _event_ids(store: PostgresStore) -> set[str]:
    result = store.load()
    assert result.dataset is not None
    return set(result.dataset.events["event_id"])


def test_import_reads_back_as_the_folder_loads(pg_database, demo_load, capsys):
    url = pg_database.app + "?lag=alpha"
    assert storage_main(["db", "import", str(DATA), pg_database.app, "--lag", "alpha", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "pg:alpha:r1" in out
    with psycopg.connect(pg_database.app) as conn, conn.transaction():
        result = tables.read_dataset(conn, "alpha")
    assert result.ok and not result.problems and result.fingerprint == "pg:alpha:r1"
    _assert_same_dataset(result.dataset, demo_load.dataset)
    assert {name: info.rows for name, info in result.files.items()} == \
        {name: info.rows for name, info in demo_load.files.items()}
    # the commands take the URL as a data source
    assert storage_main(["db", "import", str(DATA), url, "--lang", "en"]) == 0  # a second import: r2
    from loaders.cli import main as loaders_main

    capsys.readouterr()
    assert loaders_main(["check", url, "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert checked["ok"] and checked["tables"]["attendance"]["rows"] == len(demo_load.dataset.attendance)
    assert pg_database.app.split("@")[0].split(":")[-1] not in json.dumps(checked)  # no password


def test_import_of_a_folder_with_errors_writes_nothing(pg_database, tmp_path, capsys):
    for path in DATA.glob("*.csv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "events.csv").write_bytes(b"event_id;title\r\nE1;\r\n")
    assert storage_main(["db", "import", str(tmp_path), pg_database.app, "--lag", "alpha", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "error(s)" in captured.out and "nothing was written" in captured.err
    assert PostgresStore(pg_database.app, "alpha").history() == []


def _without_provenance(value):
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in ("fingerprint", "provenance")}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


def test_report_from_the_database_is_the_folders(pg_database, capsys):
    _import(pg_database.app)
    assert reports_main([str(DATA), "--project", PROJECT, "--format", "json"]) == 0
    from_folder = json.loads(capsys.readouterr().out)
    assert reports_main([pg_database.app + "?lag=alpha", "--project", PROJECT, "--format", "json"]) == 0
    from_database = json.loads(capsys.readouterr().out)
    assert _without_provenance(from_database) == _without_provenance(from_folder)
    assert reports_main([pg_database.app + "?lag=nobody", "--project", PROJECT, "--format", "json"]) == 2


def test_export_round_trip(pg_database, demo_load, tmp_path, capsys):
    _import(pg_database.app)
    out = tmp_path / "out"
    assert storage_main(["db", "export", pg_database.app, "--lag", "alpha", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in demo_load.files)
    exported = load_dataset(out)
    assert exported.ok, exported.problems
    _assert_same_dataset(exported.dataset, demo_load.dataset)
    # a folder that is not empty only with --force
    assert storage_main(["db", "export", pg_database.app, "--lag", "alpha", str(out)]) == 2
    (out / "events.xlsx").write_bytes(b"not really")  # another file of a table: removed with --force
    assert storage_main(["db", "export", pg_database.app, "--lag", "alpha", str(out), "--force"]) == 0
    assert not (out / "events.xlsx").exists()
    assert load_dataset(out).ok
    capsys.readouterr()


def test_db_init_takes_passwords_from_the_environment_only(pg_database, monkeypatch, capsys):
    monkeypatch.delenv("NO_SUCH_PASSWORD_VAR", raising=False)
    code = storage_main(["db", "init", pg_database.admin, "--app-password-env", "NO_SUCH_PASSWORD_VAR",
                         "--network-password-env", "NO_SUCH_PASSWORD_VAR", "--lang", "en"])
    assert code == 2
    assert "NO_SUCH_PASSWORD_VAR" in capsys.readouterr().err
    assert storage_main(["db", "add-lag", pg_database.admin, "gamma", "--name", "Gamma"]) == 0
    assert PostgresStore(pg_database.app, "gamma").load().fingerprint == "pg:gamma:r0"


def test_save_stale_undo_and_history(pg_database):
    store = _import(pg_database.app)
    before = store.snapshot()
    assert before.fingerprint == "pg:alpha:r1"
    saved = store.save({"events.csv": with_event(before.files, "E-NEW-1")}, (), before.fingerprint, author="anna")
    assert saved.kind == "save" and saved.tables == ("events",) and saved.fingerprint == "pg:alpha:r2"
    assert "E-NEW-1" in _event_ids(store)
    with pytest.raises(StaleData):  # a second save checked against the old data
        store.save({"events.csv": with_event(before.files, "E-NEW-2")}, (), before.fingerprint)
    assert "E-NEW-2" not in _event_ids(store)
    with pytest.raises(StaleData):
        store.undo(before.fingerprint)
    undone = store.undo(saved.fingerprint, author="anna")
    assert undone.kind == "undo" and undone.undoes == saved.id
    after = store.snapshot()
    assert after.files == before.files and after.fingerprint == "pg:alpha:r3"
    assert "E-NEW-1" not in _event_ids(store)
    history = store.history()
    assert [(r.id, r.kind, r.undoes, r.undone_by) for r in history] == \
        [(3, "undo", 2, None), (2, "save", None, 3), (1, "import", None, None)]
    assert history[1].author == "anna" and history[1].tables == ("events",)
    with pytest.raises(NothingToUndo):  # the import is no save to undo
        store.undo(after.fingerprint)


def test_a_lag_sees_only_its_own_rows(pg_database):
    _import(pg_database.app, "alpha")
    beta = PostgresStore(pg_database.app, "beta")
    result = beta.load()
    assert result.fingerprint == "pg:beta:r0" and beta.history() == []
    # nothing imported yet: not loaded, as a folder without its tables (one problem per required table)
    assert result.dataset is None and {p.rule for p in result.problems} == {"table_missing"}
    assert beta.snapshot().files == {}
    with psycopg.connect(pg_database.app) as conn:
        with conn.transaction():
            tables.set_lag(conn, "beta")
            assert conn.execute("select count(*) from attendance").fetchone()[0] == 0
            assert conn.execute("select count(*) from revisions").fetchone()[0] == 0
            assert conn.execute("select count(*) from revision_tables").fetchone()[0] == 0
        with conn.transaction():  # no LAG named: nothing at all
            assert conn.execute("select count(*) from events").fetchone()[0] == 0
    # beta's first save is checked against beta's revisions, not alpha's
    saved = beta.save(snapshot(DATA).files, (), "pg:beta:r0", kind="import")
    assert saved.fingerprint.startswith("pg:beta:r")
    assert PostgresStore(pg_database.app, "alpha").load().fingerprint == "pg:alpha:r1"


def test_a_save_killed_half_way_leaves_the_data_as_it_was(pg_database, monkeypatch):
    store = _import(pg_database.app)
    before, loaded = store.snapshot(), store.load()
    real = tables.write_tables
    deleted, release, backend, failure = threading.Event(), threading.Event(), [], []

    def blocking(conn, lag, files, *, loaded=None):
        tables.set_lag(conn, lag)
        tables.delete_rows(conn, lag)
        backend.append(conn.info.backend_pid)
        deleted.set()
        release.wait(30)
        real(conn, lag, files, loaded=loaded)

    monkeypatch.setattr(tables, "write_tables", blocking)

    def save() -> None:
        try:
            store.save({"events.csv": with_event(before.files, "E-KILLED")}, (), before.fingerprint)
        except Exception as exc:
            failure.append(exc)

    thread = threading.Thread(target=save)
    thread.start()
    assert deleted.wait(30)
    # meanwhile the rows are deleted only inside the transaction: others still see them all
    assert "E2018-001" in _event_ids(store)
    with psycopg.connect(pg_database.admin, autocommit=True) as admin:
        assert admin.execute("select pg_terminate_backend(%s)", (backend[0],)).fetchone()[0]
    release.set()
    thread.join(30)
    assert not thread.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], SaveFailed) and failure[0].restored
    monkeypatch.setattr(tables, "write_tables", real)

    assert store.fingerprint() == before.fingerprint
    assert [r.id for r in store.history()] == [1]
    _assert_same_dataset(store.load().dataset, loaded.dataset)
    assert store.snapshot().files == before.files
    saved = store.save({"events.csv": with_event(before.files, "E-AFTER")}, (), before.fingerprint)
    assert saved.id == 2 and "E-AFTER" in _event_ids(store)


def test_a_server_restart_between_two_saves(pg_database):
    store = _import(pg_database.app)
    first = store.save({"events.csv": with_event(store.snapshot().files, "E-R1")}, (), "pg:alpha:r1")
    pg_database.cluster.restart()
    second = store.save({"events.csv": with_event(store.snapshot().files, "E-R2")}, (), first.fingerprint)
    assert second.id == first.id + 1
    assert {"E-R1", "E-R2"} <= _event_ids(store)


CYCLES = 4
PROCESSES = 4


def _append_events(url: str, worker: int, cycles: int) -> tuple[list[str], int]:
    """``cycles`` read-modify-save cycles, each appending one event; retried when someone saved first."""
    store = PostgresStore(url, "alpha")
    saved, retries = [], 0
    for cycle in range(cycles):
        event_id = f"E-W{worker}-{cycle}"
        while True:
            current = store.snapshot()
            try:
                store.save({"events.csv": with_event(current.files, event_id)}, (), current.fingerprint,
                           author=f"worker {worker}")
            except StaleData:
                retries += 1
                continue
            saved.append(event_id)
            break
    return saved, retries




def test_four_processes_saving_at_once_lose_no_update(pg_database):
    store = _import(pg_database.app)
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        results = pool.starmap(_append_events, [(pg_database.app, w, CYCLES) for w in range(PROCESSES)])
    expected = {event_id for saved, _ in results for event_id in saved}
    assert len(expected) == PROCESSES * CYCLES
    ids = _event_ids(store)
    assert expected <= ids
    assert len(ids) == 121 + PROCESSES * CYCLES
    history = store.history()
    assert len(history) == 1 + PROCESSES * CYCLES
    assert store.fingerprint() == f"pg:alpha:r{history[0].id}"
