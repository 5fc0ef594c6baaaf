"""The database schema, derived from the data contract (:mod:`loaders.contract`), and its roles.

One table per contract table, with the contract's columns typed (``id``/``text`` → ``text``,
``int`` → ``bigint``, ``decimal`` → ``double precision``, ``date`` → ``date``, ``enum`` → ``text``
checked against its codes) and a ``lag`` column: the partnership's code. A table with an id column
has the primary key ``(lag, id)``; ``row_no`` keeps the order of the rows as staff saved them.

``lag_files`` says which tables a LAG has (file name, columns), as a folder would; ``lags`` lists
the partnerships (a save locks its row, so two saves of one LAG take turns);
``revisions`` records every save and undo of a LAG (who, when, what), and ``revision_tables`` the
tables it replaced, before and after, as the contract's CSV files: history and undo need nothing else.

Three roles (names are settings of :func:`init_sql`):

* the **owner** owns every table (``db init`` runs as an administrator and creates it);
* the **app** role (``LOGIN``) reads and writes through row-level security: every statement sees
  and changes only the rows of the LAG set for its transaction (``SET LOCAL coworking.lag``); it is
  neither the owner nor a superuser, so the policies always apply;
* the **network** role (``LOGIN``) reads every LAG and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from loaders.contract import TABLES, ColumnSpec, Kind, TableSpec

#: the setting a transaction names its LAG in (``SET LOCAL coworking.lag = 'pierigas'``)
LAG_SETTING = "coworking.lag"
SCHEMA_VERSION = 1

_TYPES = {
    Kind.ID: "text",
    Kind.TEXT: "text",
    Kind.INT: "bigint",
    Kind.DECIMAL: "double precision",
    Kind.DATE: "date",
    Kind.ENUM: "text",
}


@dataclass(frozen=True)
class Roles:
    owner: str = "coworking_owner"
    app: str = "coworking_app"
    network: str = "coworking_network"


def quote_ident(name: str) -> str:
    """An SQL identifier, quoted (the contract's names are plain, but never trust a name)."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def column_type(column: ColumnSpec) -> str:
    return _TYPES[column.kind]


def _column_sql(column: ColumnSpec) -> str:
    parts = [quote_ident(column.name), column_type(column)]
    if column.required:
        parts.append("not null")
    if column.kind is Kind.ENUM:
        codes = ", ".join(quote_literal(code) for code in column.values)
        parts.append(f"check ({quote_ident(column.name)} in ({codes}))")
    return " ".join(parts)


def table_sql(spec: TableSpec) -> str:
    columns = [
        "lag text not null references lags(code)",
        "row_no integer not null",
        *(_column_sql(column) for column in spec.columns),
    ]
    if spec.id_column:
        columns.append(f"primary key (lag, {quote_ident(spec.id_column)})")
    else:
        columns.append("primary key (lag, row_no)")
    return f"create table if not exists {quote_ident(spec.name)} (\n  " + ",\n  ".join(columns) + "\n)"


BOOKKEEPING_SQL = (
    """create table if not exists schema_version (version integer not null)""",
    """create table if not exists lags (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name text not null default ''
)""",
    # which tables a LAG has, under which file name and with which of the contract's columns: a
    # version-1 partnership (no outcomes, no spent_eur) loads, reports and exports exactly as before
    """create table if not exists lag_files (
  lag text not null references lags(code),
  table_name text not null,
  file_name text not null,
  columns text[] not null,
  primary key (lag, table_name)
)""",
    """create table if not exists revisions (
  id bigserial primary key,
  lag text not null references lags(code),
  created_at timestamptz not null default now(),
  author text not null default '',
  kind text not null check (kind in ('save', 'undo', 'import')),
  undoes bigint references revisions(id),
  undone_by bigint references revisions(id)
)""",
    """create index if not exists revisions_lag on revisions (lag, id)""",
    """create table if not exists revision_tables (
  revision_id bigint not null references revisions(id),
  lag text not null references lags(code),
  table_name text not null,
  file_before text,
  before bytea,
  file_after text,
  after bytea,
  primary key (revision_id, table_name)
)""",
)

#: the tables every LAG has rows in (row-level security applies to each)
def lag_tables() -> tuple[str, ...]:
    return (*TABLES, "lag_files", "revisions", "revision_tables")


def _policies(roles: Roles) -> Iterable[str]:
    current = f"current_setting({quote_literal(LAG_SETTING)}, true)"
    for table in lag_tables():
        name = quote_ident(table)
        yield f"alter table {name} enable row level security"
        yield f"drop policy if exists lag_rows on {name}"
        yield f"create policy lag_rows on {name} to {quote_ident(roles.app)} using (lag = {current}) " \
              f"with check (lag = {current})"
        yield f"drop policy if exists network_reads on {name}"
        yield f"create policy network_reads on {name} for select to {quote_ident(roles.network)} using (true)"
    yield "alter table lags enable row level security"
    yield "drop policy if exists lag_rows on lags"
    yield f"create policy lag_rows on lags to {quote_ident(roles.app)} using (code = {current})"
    yield "drop policy if exists network_reads on lags"
    yield f"create policy network_reads on lags for select to {quote_ident(roles.network)} using (true)"


def _grants(roles: Roles) -> Iterable[str]:
    app, network = quote_ident(roles.app), quote_ident(roles.network)
    for table in TABLES:
        yield f"grant select, insert, update, delete on {quote_ident(table)} to {app}"
        yield f"grant select on {quote_ident(table)} to {network}"
    yield f"grant select, insert, update, delete on lag_files to {app}"
    yield f"grant select on lag_files to {network}"
    yield f"grant select, insert, update on revisions, revision_tables to {app}"
    yield f"grant select on revisions, revision_tables, lags, schema_version to {network}"
    yield f"grant select, update on lags to {app}"
    yield f"grant select on schema_version to {app}"
    yield f"grant usage on sequence revisions_id_seq to {app}"


def schema_sql(roles: Roles = Roles()) -> list[str]:
    """Every statement that creates the tables, policies and grants (run as the owner, idempotent)."""
    statements = list(BOOKKEEPING_SQL)
    statements += [table_sql(spec) for spec in TABLES.values()]
    statements += list(_policies(roles))
    statements += list(_grants(roles))
    statements.append(f"delete from schema_version; insert into schema_version values ({SCHEMA_VERSION})")
    return statements
