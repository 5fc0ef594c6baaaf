"""A throwaway PostgreSQL cluster for the tests, and a fresh database per test (a pytest plugin:
``tests/conftest.py`` loads it with ``pytest_plugins``).

* ``pg_cluster`` (session): ``initdb`` in a temporary directory, the server on a free port of
  127.0.0.1 only (and a socket in that directory), ``fsync=off``. The superuser ``postgres`` logs in
  without a password from 127.0.0.1; every other role with its password (``scram-sha-256``), so the
  tests show the app and network roles are real. Stopped (``-m immediate``) and removed when the
  session ends. The binaries: ``$PG_BIN`` (a directory with ``initdb``), else the highest
  ``/usr/lib/postgresql/*/bin``. Without them the tests that use it are skipped, or fail when
  ``CI=true``. As root the server runs as the ``postgres`` user (``runuser``); otherwise as the
  current user.
* ``pg_database`` (function): a new database ``t_<random>``, :func:`init_database` run on it with
  random passwords, the LAGs ``alpha`` and ``beta``; a :class:`PgUrls` of full URLs. Dropped
  afterwards (``with (force)``).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

SUPERUSER = "postgres"
HOST = "127.0.0.1"
START_TIMEOUT = 60  # seconds

_HBA = f"""\
# written by tests/pg_cluster.py
local all {SUPERUSER} trust
host  all {SUPERUSER} {HOST}/32 trust
local all all scram-sha-256
host  all all {HOST}/32 scram-sha-256
"""


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def find_pg_bin() -> Path | None:
    """The directory of ``initdb``: ``$PG_BIN``, else the highest ``/usr/lib/postgresql/<version>/bin``."""
    configured = os.environ.get("PG_BIN", "").strip()
    if configured:
        path = Path(configured)
        return path if (path / "initdb").is_file() else None
    found = [path.parent for path in Path("/usr/lib/postgresql").glob("*/bin/initdb") if path.is_file()]

    def version(bin_dir: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", bin_dir.parent.name)) or (0,)

    return max(found, key=version) if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class PgCluster:
    """A running throwaway cluster: ``port``, ``admin_url(dbname)``, ``url(user, password, dbname)``,
    ``restart()``; :meth:`stop` removes it."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.host = HOST
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="coworking-pg-"))  # short: a socket path has ≤ 107 bytes
        self.data_dir = self.base / "data"
        self.socket_dir = self.base / "sock"
        self.log_file = self.base / "server.log"
        self.port = 0
        self.started_in = 0.0  # seconds, initdb and the first start

    # ------------------------------------------------------------------ running the binaries

    def _command(self, name: str, *args: str) -> list[str]:
        command = [str(self.bin_dir / name), *args]
        return ["runuser", "-u", SUPERUSER, "--", *command] if self.as_root else command

    def _run(self, name: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(self._command(name, *args), cwd=self.base, capture_output=True, text=True,
                                timeout=START_TIMEOUT + 30, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(f"{name} {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n"
                               f"{result.stderr}\n{self.log_tail()}")
        return result

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "server log:\n" + "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------------ life cycle

    def start(self) -> None:
        began = time.monotonic()
        if self.as_root:
            shutil.chown(self.base, SUPERUSER)
        self.socket_dir.mkdir()
        if self.as_root:
            shutil.chown(self.socket_dir, SUPERUSER)
        self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "-E", "UTF8", "--no-locale",
                  "--no-sync", "--auth=trust")
        (self.data_dir / "pg_hba.conf").write_text(_HBA)
        for attempt in range(3):  # the free port may be taken between finding it and binding it
            self.port = _free_port()
            self._write_settings()
            result = self._pg_ctl("start")
            if result.returncode == 0:
                break
            if attempt == 2:
                raise RuntimeError(f"the test cluster did not start:\n{result.stderr}\n{self.log_tail()}")
        self.wait_ready()
        self.started_in = time.monotonic() - began

    def _write_settings(self) -> None:
        # in postgresql.auto.conf, not on pg_ctl's command line: a restart keeps them
        settings = {
            "listen_addresses": HOST,
            "port": str(self.port),
            "unix_socket_directories": str(self.socket_dir),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "password_encryption": "scram-sha-256",
            "max_connections": "50",
            "log_min_messages": "warning",
        }
        lines = [f"{key} = '{value}'" for key, value in settings.items()]
        (self.data_dir / "postgresql.auto.conf").write_text("\n".join(lines) + "\n")

    def _pg_ctl(self, action: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return self._run("pg_ctl", action, "-D", str(self.data_dir), "-l", str(self.log_file), "-w",
                         "-t", str(START_TIMEOUT), *extra, check=False)

    def wait_ready(self) -> None:
        """Return when a connection succeeds (``pg_ctl -w`` waits too; this also checks TCP)."""
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with psycopg.connect(self.admin_url(), connect_timeout=5) as conn:
                    conn.execute("select 1")
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the test cluster is not ready\n{self.log_tail()}") from None
                time.sleep(0.1)

    def restart(self) -> None:
        """``pg_ctl restart`` (a clean shutdown and start); returns when the server takes connections."""
        result = self._pg_ctl("restart", "-m", "fast")
        if result.returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed:\n{result.stderr}\n{self.log_tail()}")
        self.wait_ready()

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "immediate", "-w", check=False)
        shutil.rmtree(self.base, ignore_errors=True)

    # ------------------------------------------------------------------ addresses

    def url(self, user: str, password: str | None, dbname: str = "postgres") -> str:
        secret = f":{quote(password, safe='')}" if password else ""
        return f"postgresql://{quote(user, safe='')}{secret}@{self.host}:{self.port}/{quote(dbname, safe='')}"

    def admin_url(self, dbname: str = "postgres") -> str:
        """The superuser's URL (no password: trusted from 127.0.0.1)."""
        return self.url(SUPERUSER, None, dbname)


@dataclass(frozen=True)
class PgUrls:
    """One test's database: full URLs of the superuser, the app role and the network role."""

    admin: str
    app: str
    network: str
    dbname: str
    cluster: PgCluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's throwaway PostgreSQL cluster (see the module's docstring)."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        message = ("PostgreSQL's initdb was not found (set PG_BIN to its directory, or install Debian's "
                   "postgresql: apt-get install postgresql)")
        if _ci():
            pytest.fail(f"CI=true and PostgreSQL is missing. {message}", pytrace=False)
        pytest.skip(message)
    try:
        import psycopg  # noqa: F401
    except ImportError as error:  # e.g. no libpq on the machine
        if _ci():
            pytest.fail(f"CI=true and psycopg cannot be imported: {error}", pytrace=False)
        pytest.skip(f"psycopg cannot be imported: {error}")
    cluster = PgCluster(bin_dir)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(pg_cluster: PgCluster) -> Iterator[PgUrls]:
    """A fresh, initialised database with the LAGs ``alpha`` and ``beta``; dropped after the test."""
    import psycopg

    from storage.postgres.admin import add_lag, init_database
    from storage.postgres.schema import Roles

    roles = Roles()
    dbname = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(pg_cluster.admin_url(), autocommit=True) as conn:
        conn.execute(f'create database "{dbname}"')  # type: ignore[arg-type]  # a name we made
    try:
        admin = pg_cluster.admin_url(dbname)
        app_password, network_password = secrets.token_urlsafe(18), secrets.token_urlsafe(18)
        init_database(admin, app_password=app_password, network_password=network_password, roles=roles)
        add_lag(admin, "alpha", "Alpha partnership")
        add_lag(admin, "beta", "Beta partnership")
        yield PgUrls(
            admin=admin,
            app=pg_cluster.url(roles.app, app_password, dbname),
            network=pg_cluster.url(roles.network, network_password, dbname),
            dbname=dbname,
            cluster=pg_cluster,
        )
    finally:
        with contextlib.suppress(psycopg.OperationalError), \
                psycopg.connect(pg_cluster.admin_url(), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{dbname}" with (force)')  # type: ignore[arg-type]
