"""A LAG's tables in the database: written from table files, read back as the loaders' dataset.

* :func:`write_tables` replaces every table of a LAG by the rows of its (validated) table files,
  in bulk (``COPY … FROM STDIN``), and rewrites ``lag_files`` (file name, header columns);
* :func:`read_dataset` reads every table of a LAG in bulk (``COPY (select …) TO STDOUT``) into the
  :class:`loaders.Dataset` the folder loader would give for the same files: the same dtypes
  (``str``, categorical enums with the contract's codes, ``Int64``, ``float64``,
  ``datetime64[us]``), not validated again (only validated files are ever written);
* :func:`table_files` writes the tables back as the contract's table files (Latvian Excel CSV, or
  ``.xlsx`` when the LAG's file is one), under the LAG's file names and header columns.

Every function runs in the caller's connection and transaction, and first names the LAG for it
(``set_config('coworking.lag', lag, true)``): row-level security then shows only the LAG's rows.
A column of a file that is not in the contract is not stored (the loaders ignore it too).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv
from psycopg import sql

from loaders import LoadResult
from loaders.contract import TABLES, ColumnSpec, Kind, TableSpec
from loaders.dataset import Dataset
from loaders.parsing import parse_table
from loaders.problems import FileInfo, error
from loaders.reading import (
    ENCODING_UTF8_BOM,
    FileRefused,
    detect_encoding,
    first_line,
    normalise_header,
    read_table_file,
    sniff_separator,
)
from storage.names import table_of
from storage.postgres.schema import LAG_SETTING

#: what :class:`loaders.FileInfo` says of a table read from the database
DATABASE_ENCODING = "PostgreSQL"

_ARROW_TYPES = {
    Kind.ID: pa.string(),
    Kind.TEXT: pa.string(),
    Kind.ENUM: pa.string(),
    Kind.INT: pa.int64(),
    Kind.DECIMAL: pa.float64(),
    Kind.DATE: pa.date32(),
}


class NotValid(ValueError):
    """The table files given to :func:`write_tables` do not load without errors."""

    def __init__(self, result: LoadResult) -> None:
        super().__init__(f"{len(result.errors)} error(s) in the table files")
        self.result = result


def set_lag(conn: psycopg.Connection, lag: str) -> None:
    """Name ``lag`` for the current transaction (row-level security shows only its rows)."""
    conn.execute("select set_config(%s, %s, true)", (LAG_SETTING, lag))


def fingerprint(lag: str, revision: int | None) -> str:
    """``pg:alpha:r17``: the LAG's data as of its latest revision (``r0``: none yet)."""
    return f"pg:{lag}:r{revision or 0}"


def latest_revision(conn: psycopg.Connection, lag: str) -> int:
    row = conn.execute("select coalesce(max(id), 0) from revisions where lag = %s", (lag,)).fetchone()
    return int(row[0]) if row else 0


# --- writing -----------------------------------------------------------------------------------


def header_columns(name: str, data: bytes) -> list[str]:
    """The contract columns the header of table file ``name`` has, in contract order."""
    table = table_of(name)
    if table is None:
        raise ValueError(f"{name}: not a table file")
    spec = TABLES[table]
    if name.lower().endswith(".csv"):
        encoding = detect_encoding(data, table, name)
        line = first_line(data if b"\n" in data else data.replace(b"\r", b"\n") + b"\n", encoding)
        if encoding == ENCODING_UTF8_BOM and line.startswith("\ufeff"):
            line = line[1:]
        header = next(csv.reader([line], delimiter=sniff_separator(line)), [])
        names = {normalise_header(h) for h in header}
    else:
        with tempfile.TemporaryDirectory(prefix="coworking-header-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                names = set(read_table_file(path, table).frame.columns)
            except FileRefused as refused:
                raise ValueError(f"{name}: cannot be read ({refused.problem.rule})") from refused
    return [column for column in spec.column_names if column in names]


def _arrow_column(series: pd.Series, column: ColumnSpec) -> pa.Array:
    if column.kind is Kind.DATE:
        return pa.array(series, from_pandas=True, type=pa.timestamp("us")).cast(pa.date32())
    if column.kind in (Kind.INT, Kind.DECIMAL):
        return pa.array(series, from_pandas=True, type=_ARROW_TYPES[column.kind])
    return pa.array(series.astype(object), from_pandas=True, type=pa.string())


def _copy_rows(conn: psycopg.Connection, lag: str, spec: TableSpec, frame: pd.DataFrame) -> None:
    """``frame``'s rows into ``spec``'s table as CSV through ``COPY`` (``row_no`` = 1, 2, …).

    Missing cells are unquoted empty fields (``NULL``), every value quoted (``""`` would be text)."""
    if frame.empty:
        return
    count = len(frame)
    arrays = [pa.array([lag] * count, type=pa.string()), pa.array(range(1, count + 1), type=pa.int64())]
    arrays += [_arrow_column(frame[column.name].reset_index(drop=True), column) for column in spec.columns]
    names = ["lag", "row_no", *spec.column_names]
    sink = io.BytesIO()
    pa_csv.write_csv(pa.Table.from_arrays(arrays, names=names), sink,
                     pa_csv.WriteOptions(include_header=False, quoting_style="all_valid"))
    # COPY FROM is refused on a table with row-level security: into a temporary table (the
    # transaction's own, no policies), then one INSERT … SELECT that the policies check
    staging, columns = sql.Identifier(f"_load_{spec.name}"), sql.SQL(", ").join(sql.Identifier(n) for n in names)
    conn.execute(sql.SQL("create temp table if not exists {} (like {}) on commit drop").format(
        staging, sql.Identifier(spec.name)))
    conn.execute(sql.SQL("truncate {}").format(staging))
    with conn.cursor() as cursor, cursor.copy(
        sql.SQL("copy {} ({}) from stdin (format csv)").format(staging, columns)
    ) as copy:
        view = sink.getbuffer()
        for start in range(0, len(view), 1 << 20):
            copy.write(view[start:start + (1 << 20)])
        del view
    conn.execute(sql.SQL("insert into {} ({}) select {} from {}").format(
        sql.Identifier(spec.name), columns, columns, staging))


def delete_rows(conn: psycopg.Connection, lag: str) -> None:
    """Every row of the LAG in every contract table, and its ``lag_files``, deleted."""
    for name in TABLES:
        conn.execute(sql.SQL("delete from {} where lag = %s").format(sql.Identifier(name)), (lag,))
    conn.execute("delete from lag_files where lag = %s", (lag,))


def write_tables(
    conn: psycopg.Connection, lag: str, files: Mapping[str, bytes], *, loaded: LoadResult | None = None
) -> None:
    """The LAG's tables replaced by the rows of ``files`` (table file name → bytes), in the
    caller's transaction. The files must load without errors (:class:`NotValid` otherwise);
    ``loaded`` is a load of exactly these files made before (not loaded again). A table without
    a file has no rows and no ``lag_files`` row afterwards."""
    from storage.staging import load_files  # storage.staging imports the loaders' whole pipeline

    result = loaded if loaded is not None else load_files(files)
    if not result.ok or result.dataset is None:
        raise NotValid(result)
    by_table = {table_of(name): name for name in files}
    set_lag(conn, lag)
    delete_rows(conn, lag)
    for table, spec in TABLES.items():
        name = by_table.get(table)
        if name is None:
            continue
        conn.execute(
            "insert into lag_files (lag, table_name, file_name, columns) values (%s, %s, %s, %s)",
            (lag, table, name, header_columns(name, files[name])),
        )
        _copy_rows(conn, lag, spec, result.dataset.table(table))


# --- reading -----------------------------------------------------------------------------------


def lag_files(conn: psycopg.Connection, lag: str) -> dict[str, tuple[str, list[str]]]:
    """table → (file name, header columns) of the LAG's tables."""
    rows = conn.execute(
        "select table_name, file_name, columns from lag_files where lag = %s", (lag,)
    ).fetchall()
    return {str(table): (str(file), list(columns)) for table, file, columns in rows}


def _empty_table(spec: TableSpec) -> pd.DataFrame:
    frame, _ = parse_table(pd.DataFrame(columns=list(spec.column_names), dtype="str"), spec, "")
    return frame.reset_index(drop=True)


def _copy_out(conn: psycopg.Connection, lag: str, spec: TableSpec) -> bytes:
    statement = sql.SQL("copy (select {} from {} where lag = {} order by row_no) to stdout (format csv)").format(
        sql.SQL(", ").join(sql.Identifier(n) for n in spec.column_names),
        sql.Identifier(spec.name), sql.Literal(lag))
    buffer = bytearray()
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for chunk in copy:
            buffer += chunk
    return bytes(buffer)


def _pandas_column(values: pa.ChunkedArray, column: ColumnSpec) -> pd.Series:
    """An arrow column as the dtype :mod:`loaders.parsing` gives the contract's column."""
    if column.kind is Kind.INT:
        return pd.Series(values.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get).array)
    if column.kind is Kind.DECIMAL:
        return pd.Series(values.to_numpy(), dtype="float64")
    if column.kind is Kind.DATE:
        return pd.Series(values.cast(pa.timestamp("us")).to_numpy(), dtype="datetime64[us]")
    if column.kind is Kind.ENUM:
        text = pd.Series(values.to_pylist(), dtype=object)
        if column.default is not None:
            text = text.where(text.notna(), column.default)
        return pd.Series(pd.Categorical(text, categories=pd.Index(list(column.values), dtype="str")))
    return pd.Series(values.to_pandas(), dtype="str")


def _read_table(conn: psycopg.Connection, lag: str, spec: TableSpec) -> pd.DataFrame:
    data = _copy_out(conn, lag, spec)
    if not data:
        return _empty_table(spec)
    names = list(spec.column_names)
    table = pa_csv.read_csv(
        io.BytesIO(data),
        read_options=pa_csv.ReadOptions(column_names=names),
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            column_types={c.name: _ARROW_TYPES[c.kind] for c in spec.columns},
            null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=False,
        ),
    )
    frame = pd.DataFrame({c.name: _pandas_column(table.column(c.name), c) for c in spec.columns})
    return frame.reset_index(drop=True)


def read_dataset(conn: psycopg.Connection, lag: str, *, source: str = "") -> LoadResult:
    """The LAG's tables as a :class:`loaders.LoadResult` (``ok``, no problems; ``folder`` is
    ``source``, e.g. the redacted URL; ``fingerprint`` the latest revision, :func:`fingerprint`).

    Run it in a ``REPEATABLE READ`` transaction for a consistent view across the tables (as
    :class:`storage.postgres.store.PostgresStore` does): a save may commit in between otherwise."""
    set_lag(conn, lag)
    revision = latest_revision(conn, lag)
    files = lag_files(conn, lag)
    frames = {name: _read_table(conn, lag, spec) for name, spec in TABLES.items()}
    infos = {
        name: FileInfo(name, files[name][0], len(frames[name]), DATABASE_ENCODING, None)
        for name in TABLES if name in files
    }
    return LoadResult(folder=source or f"postgresql ?lag={lag}",  # type: ignore[arg-type]
                      dataset=Dataset(**frames), problems=[], files=infos, fingerprint=fingerprint(lag, revision))


def as_loaded(result: LoadResult) -> LoadResult:
    """What the pages and commands get: a LAG with no data yet (nothing imported) is what a folder
    without its required tables is, not loaded, with a problem per missing table."""
    missing = [error(name, "table_missing", file=f"{name}.csv") for name, spec in TABLES.items()
               if spec.required and name not in result.files]
    if not missing:
        return result
    return LoadResult(folder=result.folder, dataset=None, problems=missing, files=result.files,
                      fingerprint=result.fingerprint)


def table_files(
    conn: psycopg.Connection, lag: str, dataset: Dataset | None = None, *, csv_only: bool = False
) -> dict[str, bytes]:
    """The LAG's tables as table files (file name → bytes) under its ``lag_files`` names and header
    columns: what a folder holding the same data would hold (``dataset``: already read).
    ``csv_only``: every table as ``<table>.csv`` (an export), also one the LAG keeps as ``.xlsx``."""
    from storage.editing import table_file_bytes

    if dataset is None:
        dataset = read_dataset(conn, lag).dataset
    assert dataset is not None
    files = {}
    for table, (file_name, columns) in lag_files(conn, lag).items():
        name = f"{table}.csv" if csv_only else file_name
        files[name] = table_file_bytes(table, dataset.table(table), name, original=columns)
    return files
