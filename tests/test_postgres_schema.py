"""The PostgreSQL schema in a real server: ``db init`` twice, row-level security per LAG for the app
role, the network role's read-only view, the CHECK of the enum codes, a restart; and the
``postgresql://…?lag=`` URLs (no server needed)."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from psycopg import errors

from storage.postgres.admin import add_lag, init_database
from storage.postgres.schema import Roles
from storage.postgres.url import is_database_url, redacted, split_lag
from tests.pg_cluster import PgUrls

ROLES = Roles()


def _insert_events(admin_url: str, rows: list[tuple[str, int, str, str]]) -> None:
    """Rows ``(lag, row_no, event_id, event_type)`` in ``events``, as the owner (no row-level security)."""
    with psycopg.connect(admin_url) as conn:
        conn.execute(f"set role {ROLES.owner}")
        for lag, row_no, event_id, event_type in rows:
            conn.execute(
                "insert into events (lag, row_no, event_id, title, event_type, starts_on) "
                "values (%s, %s, %s, %s, %s, %s)",
                (lag, row_no, event_id, f"Event {event_id}", event_type, dt.date(2024, 5, row_no)),
            )


def _seed(pg: PgUrls) -> None:
    _insert_events(pg.admin, [
        ("alpha", 1, "A-1", "training"),
        ("alpha", 2, "A-2", "workshop"),
        ("beta", 1, "B-1", "opening"),
    ])


def _event_ids(conn: psycopg.Connection, query: str = "select lag, event_id from events order by lag, event_id"):
    return conn.execute(query).fetchall()  # type: ignore[arg-type]


# --------------------------------------------------------------------------- db init


def test_init_twice_is_fine(pg_database: PgUrls) -> None:
    _seed(pg_database)
    init_database(pg_database.admin, app_password="second-app-pw", network_password="second-net-pw")
    add_lag(pg_database.admin, "alpha", "Alpha, renamed")  # an existing LAG: renamed, not an error

    with psycopg.connect(pg_database.admin) as conn:
        assert conn.execute("select code, name from lags order by code").fetchall() == [
            ("alpha", "Alpha, renamed"), ("beta", "Beta partnership")]
        assert conn.execute("select version from schema_version").fetchall() == [(1,)]
        assert conn.execute("select count(*) from events").fetchone() == (3,)  # nothing lost
        policies = conn.execute("select count(*) from pg_policies where tablename = 'events'").fetchone()
        assert policies == (2,)

    # the passwords were replaced: the old URL no longer logs in, the new password does
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_database.app).close()
    new_app = pg_database.cluster.url(ROLES.app, "second-app-pw", pg_database.dbname)
    with psycopg.connect(new_app) as conn:
        assert conn.execute("select current_user").fetchone() == (ROLES.app,)


def test_login_roles_need_their_password(pg_database: PgUrls) -> None:
    cluster = pg_database.cluster
    for role in (ROLES.app, ROLES.network):
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(cluster.url(role, None, pg_database.dbname)).close()
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(cluster.url(role, "wrong", pg_database.dbname)).close()
    with pytest.raises(psycopg.OperationalError):  # the owner cannot log in at all
        psycopg.connect(cluster.url(ROLES.owner, "anything", pg_database.dbname)).close()


# --------------------------------------------------------------------------- the app role: one LAG at a time


def test_app_role_sees_and_changes_only_its_lag(pg_database: PgUrls) -> None:
    _seed(pg_database)
    with psycopg.connect(pg_database.app) as conn:
        with conn.transaction():
            conn.execute("set local coworking.lag = 'alpha'")
            assert _event_ids(conn) == [("alpha", "A-1"), ("alpha", "A-2")]
            assert conn.execute("select * from events where lag = 'beta'").fetchall() == []
            assert conn.execute("select code from lags").fetchall() == [("alpha",)]
            assert conn.execute("update events set title = 'x' where lag = 'beta'").rowcount == 0
            assert conn.execute("delete from events where event_id = 'B-1'").rowcount == 0
            assert conn.execute("update events set title = 'Renamed' where event_id = 'A-1'").rowcount == 1

        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"), conn.transaction():
            conn.execute("set local coworking.lag = 'alpha'")
            conn.execute("insert into events (lag, row_no, event_id, title, event_type, starts_on) "
                         "values ('beta', 9, 'B-9', 'Smuggled', 'other', '2024-06-01')")
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"), conn.transaction():
            conn.execute("set local coworking.lag = 'alpha'")
            conn.execute("update events set lag = 'beta' where event_id = 'A-2'")  # moving a row out is refused too

        # without the setting (and after a transaction that set it) nothing is visible
        assert _event_ids(conn) == []
        assert conn.execute("select count(*) from lags").fetchone() == (0,)
    with psycopg.connect(pg_database.app) as fresh:
        assert _event_ids(fresh) == []
        assert fresh.execute("delete from events").rowcount == 0

    with psycopg.connect(pg_database.admin) as conn:  # beta's row untouched, alpha's change saved
        assert conn.execute("select lag, event_id, title from events order by lag, event_id").fetchall() == [
            ("alpha", "A-1", "Renamed"), ("alpha", "A-2", "Event A-2"), ("beta", "B-1", "Event B-1")]


def test_app_role_is_not_privileged(pg_database: PgUrls) -> None:
    with psycopg.connect(pg_database.app) as conn:
        row = conn.execute("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles "
                           "where rolname = current_user").fetchone()
        assert row == (False, False, False, False)
        owners = conn.execute("select distinct tableowner from pg_tables where schemaname = 'public'").fetchall()
        assert owners == [(ROLES.owner,)]
        assert conn.execute("select pg_has_role(current_user, %s, 'MEMBER')", (ROLES.owner,)).fetchone() == (False,)
        forced = conn.execute("select bool_and(relrowsecurity) from pg_class where relname = any(%s)",
                              (["events", "residents", "lags", "revisions", "lag_files"],)).fetchone()
        assert forced == (True,)
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(f"set role {ROLES.owner}")


# --------------------------------------------------------------------------- the network role: reads all


def test_network_role_reads_every_lag_and_writes_nothing(pg_database: PgUrls) -> None:
    _seed(pg_database)
    with psycopg.connect(pg_database.network) as conn:
        assert _event_ids(conn) == [("alpha", "A-1"), ("alpha", "A-2"), ("beta", "B-1")]
        assert conn.execute("select code from lags order by code").fetchall() == [("alpha",), ("beta",)]
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute("insert into events (lag, row_no, event_id, title, event_type, starts_on) "
                         "values ('alpha', 9, 'A-9', 'No', 'other', '2024-06-01')")
        conn.rollback()
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute("update events set title = 'x'")
        conn.rollback()
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute("delete from lags")
        conn.rollback()
        row = conn.execute("select rolsuper, rolbypassrls from pg_roles where rolname = current_user").fetchone()
        assert row == (False, False)


# --------------------------------------------------------------------------- checks


def test_a_bad_enum_code_is_refused(pg_database: PgUrls) -> None:
    with pytest.raises(errors.CheckViolation, match="event_type"):
        _insert_events(pg_database.admin, [("alpha", 1, "A-1", "party")])
    with psycopg.connect(pg_database.app) as conn, conn.transaction():  # the app role meets the same check
        conn.execute("set local coworking.lag = 'alpha'")
        with pytest.raises(errors.CheckViolation):
            conn.execute("insert into residents (lag, row_no, resident_id, space_id, joined_on, gender) "
                         "values ('alpha', 1, 'R-1', 'S-1', '2024-01-01', 'F')")


def test_a_bad_lag_code_is_refused(pg_database: PgUrls) -> None:
    with pytest.raises(errors.CheckViolation):
        add_lag(pg_database.admin, "Not a code", "")
    with pytest.raises(errors.ForeignKeyViolation):
        _insert_events(pg_database.admin, [("gamma", 1, "G-1", "other")])


# --------------------------------------------------------------------------- restart


def test_restart_keeps_the_data(pg_database: PgUrls) -> None:
    _seed(pg_database)
    pg_database.cluster.restart()
    with psycopg.connect(pg_database.app) as conn, conn.transaction():
        conn.execute("set local coworking.lag = 'beta'")
        assert _event_ids(conn) == [("beta", "B-1")]
    with psycopg.connect(pg_database.admin) as conn:
        assert conn.execute("select count(*) from events").fetchone() == (3,)


# --------------------------------------------------------------------------- URLs (no server)


@pytest.mark.parametrize(("text", "expected"), [
    ("postgresql://u:p@h:5432/db", True),
    ("postgres://h/db", True),
    ("postgresql:///db?host=/var/run/postgresql", True),
    ("/srv/data/pierigas", False),
    ("data", False),
    ("http://example.org/db", False),
    ("", False),
    (None, False),
])
def test_is_database_url(text: object, expected: bool) -> None:  # noqa: FBT001
    assert is_database_url(text) is expected


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://u:p@h:5432/db?lag=pierigas&sslmode=disable",
     ("postgresql://u:p@h:5432/db?sslmode=disable", "pierigas")),
    ("postgresql://u:p@h:5432/db?sslmode=disable&lag=pierigas",
     ("postgresql://u:p@h:5432/db?sslmode=disable", "pierigas")),
    ("postgresql://u@h/db?lag=pierigas", ("postgresql://u@h/db", "pierigas")),
    ("postgresql://u@h/db", ("postgresql://u@h/db", None)),
    ("postgresql://u@h/db?sslmode=require", ("postgresql://u@h/db?sslmode=require", None)),
    ("postgres://h1:5432,h2:5433/db?target_session_attrs=any&lag=z-1&connect_timeout=5",
     ("postgres://h1:5432,h2:5433/db?target_session_attrs=any&connect_timeout=5", "z-1")),
    ("postgresql://h/db?lag=a%5Fb&options=-c%20x%3Dy", ("postgresql://h/db?options=-c%20x%3Dy", "a_b")),
    ("postgresql://h/db?lag=", ("postgresql://h/db", "")),
    ("postgresql://h/db?lag=a&lag=a", ("postgresql://h/db", "a")),
    ("postgresql://u:p%3Fq@h/db?lag=a", ("postgresql://u:p%3Fq@h/db", "a")),
])
def test_split_lag(url: str, expected: tuple[str, str | None]) -> None:
    assert split_lag(url) == expected


def test_split_lag_refuses_two_lags_and_non_urls() -> None:
    with pytest.raises(ValueError, match="more than one"):
        split_lag("postgresql://h/db?lag=a&lag=b")
    with pytest.raises(ValueError):
        split_lag("/srv/data")


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://u:secret@h:5432/db?lag=pierigas", "postgresql://u:***@h:5432/db?lag=pierigas"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("postgresql://h/db", "postgresql://h/db"),
    ("postgresql://u:p@ss:w@rd@h/db", "postgresql://u:***@h/db"),
    ("postgresql://u:secret@h", "postgresql://u:***@h"),
    ("postgresql://u:secret@[::1]:5432/db", "postgresql://u:***@[::1]:5432/db"),
    ("postgresql://h/db?user=u&password=secret&sslmode=require",
     "postgresql://h/db?user=u&password=***&sslmode=require"),
    ("host=h user=u password=secret dbname=db", "host=h user=u password=*** dbname=db"),
])
def test_redacted(url: str, expected: str) -> None:
    assert redacted(url) == expected
    assert "secret" not in redacted(url)
