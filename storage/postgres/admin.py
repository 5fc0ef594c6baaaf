"""Setting a database up: the three roles, the schema as the owner, the LAGs (``db init``).

Runs as an administrator: a superuser, or a role with ``CREATEROLE`` that owns the database (it then
becomes a member of the owner role, to create the tables as the owner). Everything
:func:`init_database` does happens in one transaction and may be repeated: a second run changes
nothing but the two login passwords.

Passwords are sent to the server already hashed (SCRAM-SHA-256, by libpq): the plain text appears in
no statement, so in no server log.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from storage.postgres.schema import Roles, schema_sql

#: ``Roles()``: the default role names (a module constant, as ruff asks of argument defaults)
DEFAULT_ROLES = Roles()
#: the advisory lock two ``db init`` runs on one database take turns on
_INIT_LOCK = 0x636F776F726B  # "cowork"


def _role_flags(conn: psycopg.Connection, name: str) -> tuple[bool, bool, bool] | None:
    """(superuser, bypassrls, login) of a role, ``None`` if there is no such role."""
    row = conn.execute(
        "select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = %s", (name,)
    ).fetchone()
    return None if row is None else (bool(row[0]), bool(row[1]), bool(row[2]))


def _ensure_role(conn: psycopg.Connection, name: str, *, login: bool, password: str | None) -> None:
    """Create the role, or bring an existing one to: [NO]LOGIN, not superuser, no BYPASSRLS, this password."""
    role = sql.Identifier(name)
    options = [sql.SQL("login" if login else "nologin")]
    if password is not None:
        verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
        options.append(sql.SQL("password {}").format(sql.Literal(verifier.decode("ascii"))))
    flags = _role_flags(conn, name)
    if flags is None:
        conn.execute(sql.SQL("create role {} ").format(role) + sql.SQL(" ").join(options))
        return
    superuser, bypassrls, _ = flags
    if superuser:
        options.append(sql.SQL("nosuperuser"))  # only a superuser may change it: otherwise this fails, as it should
    if bypassrls:
        options.append(sql.SQL("nobypassrls"))
    conn.execute(sql.SQL("alter role {} ").format(role) + sql.SQL(" ").join(options))


def _is_member(conn: psycopg.Connection, role: str | None, of: str) -> bool:
    """Whether ``role`` (``None``: the current user) is a member of ``of``, directly or not."""
    if role is None:
        row = conn.execute("select pg_has_role(%s, 'MEMBER')", (of,)).fetchone()
    else:
        row = conn.execute("select pg_has_role(%s, %s, 'MEMBER')", (role, of)).fetchone()
    return bool(row and row[0])


def init_database(admin_url: str, *, app_password: str, network_password: str, roles: Roles = DEFAULT_ROLES) -> None:
    """Create (or bring up to date) the roles, the tables, the policies and the grants of the database
    ``admin_url`` names, in one transaction.

    The owner role is ``NOLOGIN``; the app and network roles log in with the given passwords (set
    again if the role exists). None is a superuser or has ``BYPASSRLS``, and neither login role may
    be a member of the owner (it could then read every LAG): that raises ``RuntimeError``.
    """
    if not app_password or not network_password:
        raise ValueError("the app and network roles need a password")
    if len({roles.owner, roles.app, roles.network}) != 3:
        raise ValueError("the owner, app and network roles must be three different roles")
    with psycopg.connect(admin_url, autocommit=True) as conn, conn.transaction():
        conn.execute("select pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
        _ensure_role(conn, roles.owner, login=False, password=None)
        _ensure_role(conn, roles.app, login=True, password=app_password)
        _ensure_role(conn, roles.network, login=True, password=network_password)
        for login_role in (roles.app, roles.network):
            if _is_member(conn, login_role, roles.owner):
                raise RuntimeError(f"the role {login_role} is a member of {roles.owner}: row-level security "
                                   "would not hold; revoke that membership first")
        owner = sql.Identifier(roles.owner)
        row = conn.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()
        if not (row and row[0]) and not _is_member(conn, None, roles.owner):
            # a CREATEROLE administrator: to create the tables as the owner it must be able to SET ROLE to it
            conn.execute(sql.SQL("grant {} to current_user").format(owner))
        conn.execute(sql.SQL("grant create, usage on schema public to {}").format(owner))
        dbname = conn.execute("select current_database()").fetchone()[0]  # type: ignore[index]
        conn.execute(sql.SQL("grant connect on database {} to {}, {}").format(
            sql.Identifier(dbname), sql.Identifier(roles.app), sql.Identifier(roles.network)))
        # a save copies into a temporary table first (COPY into a table with row-level security is refused)
        conn.execute(sql.SQL("grant temporary on database {} to {}").format(
            sql.Identifier(dbname), sql.Identifier(roles.app)))
        conn.execute(sql.SQL("set local role {}").format(owner))
        for statement in schema_sql(roles):
            conn.execute(statement)  # type: ignore[arg-type]  # our own SQL, no parameters
        conn.execute("reset role")


def add_lag(admin_url: str, code: str, name: str, *, roles: Roles = DEFAULT_ROLES) -> None:
    """Add the partnership ``code`` to ``lags`` (as the owner); an existing one gets the new ``name``.

    The ``lags`` table checks the code (``^[a-z0-9][a-z0-9_-]{0,62}$``): a bad one raises
    ``psycopg.errors.CheckViolation``.
    """
    with psycopg.connect(admin_url, autocommit=True) as conn, conn.transaction():
        conn.execute(sql.SQL("set local role {}").format(sql.Identifier(roles.owner)))
        conn.execute(
            "insert into lags (code, name) values (%s, %s) on conflict (code) do update set name = excluded.name",
            (code, name),
        )
