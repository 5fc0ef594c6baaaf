"""One LAG's data in the database, used like a data folder: snapshot, load, save, undo, history.

:class:`PostgresStore` mirrors the folder backend (:mod:`storage.staging`, :mod:`storage.save`):

* the **fingerprint** is the LAG's latest revision (``pg:alpha:r17``): a save or undo refuses with
  the folder's :class:`~storage.errors.StaleData` when it is no longer the one the person saw;
* a **save** is one transaction: the LAG's ``lags`` row locked (``for update``: saves of one LAG take
  turns), the fingerprint compared, the tables as they would be after the change validated with the
  loaders (errors: :class:`~storage.errors.InvalidChange`, nothing written), the changed tables kept
  before/after in ``revision_tables``, the rows replaced (:func:`storage.postgres.tables.write_tables`)
  and the ``revisions`` row inserted. Killed half way, the transaction is rolled back by the server:
  nothing half-written;
* **undo** is a new revision (kind ``undo``) that puts back the tables the last save replaced.

Each operation opens its own connection (``psycopg.connect(url, autocommit=False)``), so a server
restart between two operations costs nothing; every transaction names its LAG first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg

from loaders import LoadResult
from loaders.archive import DEFAULT_LIMITS, ArchiveLimits
from storage.errors import InvalidChange, NothingToSave, NothingToUndo, SaveFailed, StaleData, UndoRefused, UnsafeName
from storage.names import is_canonical, table_of
from storage.postgres import tables
from storage.postgres.url import redacted, split_lag
from storage.staging import FolderSnapshot, files_after, load_files

KINDS = ("save", "undo", "import")


class UnknownLag(LookupError):
    """The database has no such LAG (or the role may not see it)."""


@dataclass(frozen=True)
class Revision:
    """One save, undo or import of a LAG (what :meth:`PostgresStore.history` lists)."""

    id: int
    lag: str
    created: dt.datetime
    kind: str
    author: str = ""
    #: the tables it replaced
    tables: tuple[str, ...] = ()
    undoes: int | None = None
    undone_by: int | None = None
    #: file name before and after, per table (``None``: no file)
    files: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """The LAG's fingerprint right after this revision."""
        return tables.fingerprint(self.lag, self.id)


class PostgresStore:
    """The data of LAG ``lag`` in the database ``url`` (a ``?lag=`` in the URL is taken out; given
    both, they must agree)."""

    def __init__(self, url: str, lag: str | None = None, *, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
        plain, in_url = split_lag(url)
        if lag is None:
            lag = in_url
        elif in_url is not None and in_url != lag:
            raise ValueError(f"the URL names the LAG {in_url!r}, not {lag!r}")
        if not lag:
            raise ValueError("no LAG given (?lag=CODE)")
        self.url, self.lag, self.limits = plain, lag, limits

    @property
    def source(self) -> str:
        """The URL for messages: password hidden, with ``?lag=``."""
        return redacted(self.url) + ("&" if "?" in self.url else "?") + f"lag={self.lag}"

    # --- connections -------------------------------------------------------------------------

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=False)

    @contextmanager
    def _transaction(self, *, read_only: bool = False) -> Iterator[psycopg.Connection]:
        """One transaction on a new connection, the LAG named first; committed when the block ends."""
        with self.connect() as conn:
            if read_only:  # one view of every table, even if a save commits meanwhile
                conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
                conn.read_only = True
            with conn.transaction():
                tables.set_lag(conn, self.lag)
                if conn.execute("select 1 from lags where code = %s", (self.lag,)).fetchone() is None:
                    raise UnknownLag(self.lag)
                yield conn

    # --- reading -----------------------------------------------------------------------------

    def load(self) -> LoadResult:
        """The LAG's tables as the loaders' result (``ok``, no problems; fingerprint = revision)."""
        with self._transaction(read_only=True) as conn:
            return tables.as_loaded(tables.read_dataset(conn, self.lag, source=self.source))

    def snapshot(self) -> FolderSnapshot:
        """The LAG's tables as table files and their fingerprint (like :func:`storage.staging.snapshot`)."""
        with self._transaction(read_only=True) as conn:
            result = tables.read_dataset(conn, self.lag, source=self.source)
            return FolderSnapshot(tables.table_files(conn, self.lag, result.dataset), result.fingerprint)

    def export_files(self) -> tuple[dict[str, bytes], str]:
        """Every table as ``<table>.csv`` (Latvian Excel style), and the fingerprint they are of."""
        with self._transaction(read_only=True) as conn:
            result = tables.read_dataset(conn, self.lag, source=self.source)
            return tables.table_files(conn, self.lag, result.dataset, csv_only=True), result.fingerprint

    def fingerprint(self) -> str:
        with self._transaction(read_only=True) as conn:
            return tables.fingerprint(self.lag, tables.latest_revision(conn, self.lag))

    def load_both(self) -> tuple[LoadResult, FolderSnapshot]:
        """The load and the snapshot of one moment (what staging an upload needs)."""
        with self._transaction(read_only=True) as conn:
            result = tables.read_dataset(conn, self.lag, source=self.source)
            files = tables.table_files(conn, self.lag, result.dataset)
            return result, FolderSnapshot(files, result.fingerprint)

    def history(self) -> list[Revision]:
        """Every revision of the LAG, newest first."""
        with self._transaction(read_only=True) as conn:
            return _revisions(conn, self.lag)

    # --- changing ----------------------------------------------------------------------------

    def save(
        self, writes: Mapping[str, bytes], removes: Sequence[str] = (), expected_fingerprint: str = "", *,
        author: str = "", kind: str = "save", validated: LoadResult | None = None,
    ) -> Revision:
        """Write ``writes`` (table file name → bytes) and remove ``removes``, as one revision, or nothing.

        ``kind`` ``import`` replaces every table: the current files not in ``writes`` are removed.
        ``validated``: a load of exactly the files after the change (not loaded again)."""
        if kind not in ("save", "import"):
            raise ValueError(kind)
        for name in writes:
            if not is_canonical(name):
                raise UnsafeName(name)
        return self._change(lambda _conn, current: self._plan_save(current, writes, removes, kind, validated),
                            expected_fingerprint, kind, author)

    def undo(self, expected_fingerprint: str, *, author: str = "") -> Revision:
        """Put back the tables as they were before the last save that was not undone (a new revision)."""
        return self._change(self._plan_undo, expected_fingerprint, "undo", author)

    def _plan_save(self, current: dict[str, bytes], writes: Mapping[str, bytes], removes: Sequence[str],
                   kind: str, validated: LoadResult | None) -> _Plan:
        if kind == "import":
            removes = tuple(name for name in current if name not in writes)
        for name in removes:
            if name not in current or table_of(name) is None:
                raise UnsafeName(name)
        after = files_after(current, dict(writes), tuple(removes))
        if after == current:
            raise NothingToSave()
        result = validated if validated is not None else load_files(after, self.limits)
        if not result.ok or result.dataset is None:
            raise InvalidChange(result.problems)
        return _Plan(after, result)

    def _plan_undo(self, conn: psycopg.Connection, current: dict[str, bytes]) -> _Plan:
        revisions = _revisions(conn, self.lag)
        target = next((r for r in revisions if r.kind == "save" and r.undone_by is None), None)
        if target is None:
            raise NothingToUndo()
        later = [r for r in revisions if r.id > target.id]
        # only undos of later saves since: the tables are as the save left them
        if any(r.kind != "undo" or (r.undoes or 0) < target.id for r in later):
            raise UndoRefused(str(target.id))
        rows = conn.execute(
            "select file_before, before, file_after from revision_tables where revision_id = %s and lag = %s",
            (target.id, self.lag),
        ).fetchall()
        writes = {str(name): bytes(data) for name, data, _ in rows if name is not None and data is not None}
        removes = tuple(str(after) for before, _, after in rows
                        if after is not None and after != before and str(after) in current)
        after = files_after(current, writes, removes)
        result = load_files(after, self.limits)
        if not result.ok or result.dataset is None:
            raise InvalidChange(result.problems)
        return _Plan(after, result, undoes=target.id)

    def _change(self, plan_for, expected_fingerprint: str, kind: str, author: str) -> Revision:
        """Lock the LAG, check the fingerprint, plan, keep the tables before/after, write, record."""
        try:
            with self._transaction() as conn:
                if conn.execute("select code from lags where code = %s for update", (self.lag,)).fetchone() is None:
                    raise UnknownLag(self.lag)
                revision = tables.latest_revision(conn, self.lag)
                now = tables.fingerprint(self.lag, revision)
                if now != expected_fingerprint:
                    raise StaleData(now)
                result = tables.read_dataset(conn, self.lag, source=self.source)
                current = tables.table_files(conn, self.lag, result.dataset)
                plan = plan_for(conn, current)
                changed = _changed_tables(current, plan.after)
                tables.write_tables(conn, self.lag, plan.after, loaded=plan.result)
                row = conn.execute(
                    "insert into revisions (lag, author, kind, undoes) values (%s, %s, %s, %s) "
                    "returning id, created_at",
                    (self.lag, author, kind, plan.undoes),
                ).fetchone()
                assert row is not None
                new_id, created = int(row[0]), row[1]
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "insert into revision_tables (revision_id, lag, table_name, file_before, before, "
                        "file_after, after) values (%s, %s, %s, %s, %s, %s, %s)",
                        [(new_id, self.lag, table, b_name, b_data, a_name, a_data)
                         for table, (b_name, b_data, a_name, a_data) in changed.items()],
                    )
                if plan.undoes is not None:
                    conn.execute("update revisions set undone_by = %s where id = %s and lag = %s",
                                 (new_id, plan.undoes, self.lag))
        except psycopg.OperationalError as failed:  # the connection or the server went away: rolled back
            raise SaveFailed(f"{type(failed).__name__}: {failed}", restored=True) from failed
        return Revision(new_id, self.lag, created, kind, author, tuple(changed), plan.undoes,
                        files={t: (c[0], c[2]) for t, c in changed.items()})


@dataclass(frozen=True)
class _Plan:
    after: dict[str, bytes]
    result: LoadResult
    undoes: int | None = None


def _changed_tables(
    before: Mapping[str, bytes], after: Mapping[str, bytes]
) -> dict[str, tuple[str | None, bytes | None, str | None, bytes | None]]:
    """table → (file before, bytes before, file after, bytes after), for each table that changed."""
    old = {table_of(name): name for name in before}
    new = {table_of(name): name for name in after}
    changed = {}
    for table in tables.TABLES:
        b_name, a_name = old.get(table), new.get(table)
        b_data = before[b_name] if b_name else None
        a_data = after[a_name] if a_name else None
        if (b_name, b_data) != (a_name, a_data):
            changed[table] = (b_name, b_data, a_name, a_data)
    return changed


def _revisions(conn: psycopg.Connection, lag: str) -> list[Revision]:
    rows = conn.execute(
        "select r.id, r.created_at, r.kind, r.author, r.undoes, r.undone_by, "
        "coalesce(array_agg(t.table_name order by t.table_name) filter (where t.table_name is not null), '{}'), "
        "coalesce(array_agg(t.file_before order by t.table_name) filter (where t.table_name is not null), '{}'), "
        "coalesce(array_agg(t.file_after order by t.table_name) filter (where t.table_name is not null), '{}') "
        "from revisions r left join revision_tables t on t.revision_id = r.id and t.lag = r.lag "
        "where r.lag = %s group by r.id order by r.id desc",
        (lag,),
    ).fetchall()
    return [
        Revision(int(id_), lag, created, str(kind), str(author), tuple(names), undoes, undone_by,
                 files={n: (b, a) for n, b, a in zip(names, befores, afters, strict=True)})
        for id_, created, kind, author, undoes, undone_by, names, befores, afters in rows
    ]


def secret_free(text: str, url: str) -> str:
    """``text`` (an error message about ``url``) with the URL's password, if any, replaced by ``***``."""
    try:
        password = psycopg.conninfo.conninfo_to_dict(split_lag(url)[0]).get("password")
    except (psycopg.ProgrammingError, ValueError):
        password = None
    text = text.replace(url, redacted(url))
    return text.replace(str(password), "***") if password else text


def load_source(url: str) -> LoadResult:
    """``postgresql://…?lag=CODE`` loaded (what the commands do with such a data source).

    Raises ``ValueError`` without a LAG, :class:`UnknownLag` and ``psycopg.Error`` when the
    database cannot be read."""
    return PostgresStore(url).load()


def source_error(error: Exception, url: str, lang: str) -> str:
    """The message for a data source URL that could not be loaded (password never shown)."""
    from i18n import t

    if isinstance(error, UnknownLag):
        return t("data.cli.db.unknown_lag", lang, lag=error.args[0])
    if isinstance(error, ValueError):
        return t("data.cli.db.no_lag", lang) if "no LAG" in str(error) else t("data.cli.db.bad_lag", lang, reason=error)
    reason = secret_free(f"{type(error).__name__}: {str(error).strip()}", url)
    return t("data.cli.db.failed", lang, url=redacted(url), reason=reason)
