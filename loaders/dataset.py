"""``load_dataset(folder)``: every table file of a data folder, read, typed and validated.

The result holds the typed tables *only* when there is no error, so a folder with an error is
never half-loaded; it always holds the full list of problems and what was detected per file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from i18n.formatting import sort_names
from loaders.archive import DEFAULT_LIMITS, ArchiveLimits
from loaders.checks import (
    check_attendance_duplicates,
    check_columns,
    check_coordinates,
    check_event_stops,
    check_foreign_keys,
    check_head_counts,
    check_municipalities,
    check_outcome_fte,
    check_personal_data,
    mask_problem,
)
from loaders.contract import TABLES, TableSpec
from loaders.parsing import parse_table
from loaders.problems import FileInfo, Problem, ProblemLog, error, warning
from loaders.reading import FileRefused, is_regular, read_table_file
from loaders.schemas import validate_table

SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True, eq=False)
class Dataset:
    """The validated tables. Optional tables that were absent are empty, with every column.

    Compared and hashed by identity, so derived figures can be cached per loaded dataset;
    treat the frames as read-only.

    Ids and text are ``str``, dates ``datetime64``, whole numbers ``Int64``, enums categorical
    with the contract's codes as categories; empty enum cells carry their default
    (``unknown`` gender, ``participant`` role).
    """

    spaces: pd.DataFrame
    residents: pd.DataFrame
    events: pd.DataFrame
    attendance: pd.DataFrame
    event_stops: pd.DataFrame
    projects: pd.DataFrame
    #: version 2 (optional): what the work led to; population per municipality
    outcomes: pd.DataFrame
    municipalities: pd.DataFrame

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def project(self, code: str) -> pd.Series | None:
        """The ``projects`` row of ``code`` (``None`` if there is none)."""
        rows = self.projects.loc[self.projects["project_code"] == code]
        return None if rows.empty else rows.iloc[0]

    def project_codes(self) -> list[str]:
        """The project codes in the order lists show them (Latvian alphabetical)."""
        return sort_names(self.projects["project_code"].tolist())

    def project_period(self, code: str) -> tuple[dt.date | None, dt.date | None]:
        """A project's own ``starts_on``–``ends_on`` (either may be missing; both for an unknown code)."""
        row = self.project(code)
        if row is None:
            return None, None
        return tuple(None if pd.isna(row[c]) else row[c].date() for c in ("starts_on", "ends_on"))  # type: ignore[return-value]


@dataclass
class LoadResult:
    folder: Path
    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, FileInfo] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass(frozen=True)
class _Scan:
    #: table name → its regular files
    tables: dict[str, list[Path]]
    #: other csv/xlsx files (ignored, with a warning)
    others: list[Path]
    #: files named like a table that are links, pipes, devices or folders: never opened
    irregular: list[Path]


def _scan(folder: Path) -> _Scan:
    scan = _Scan({}, [], [])
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return scan  # the folder itself cannot be listed: load_dataset says so
    for path in entries:
        if path.name.startswith((".", "~$")) or path.suffix.lower() not in SUFFIXES:
            continue
        name = path.stem.strip().lower()
        if not is_regular(path):
            if name in TABLES:
                scan.irregular.append(path)
        elif name in TABLES:
            scan.tables.setdefault(name, []).append(path)
        else:
            scan.others.append(path)
    return scan


def table_files(folder: Path) -> tuple[dict[str, list[Path]], list[Path]]:
    """The regular files in ``folder`` that are tables (by name), and the other csv/xlsx files.

    A symbolic link or any other non-regular file is never a table file (a link could make the app
    read any file on the server); :func:`load_dataset` reports such files.
    """
    scan = _scan(folder)
    return scan.tables, scan.others


def folder_fingerprint(paths: list[Path]) -> str:
    """SHA-256 over the names and bytes of the given files (in name order)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def load_dataset(folder: Path | str, limits: ArchiveLimits = DEFAULT_LIMITS) -> LoadResult:
    """Read, type and validate every table file in ``folder``; never raises.

    Whatever a file holds, what comes back is a result: a file that cannot be read, or a fault
    while checking it, is a problem of that file, and an unexpected fault anywhere else one
    ``internal_error`` problem (with no tables loaded).
    """
    folder = Path(folder)
    try:
        return _load(folder, limits)
    except Exception as exc:  # the promise to every page and CLI: a report, never a traceback
        return LoadResult(folder=folder, dataset=None, problems=[error("", "internal_error", value=type(exc).__name__)])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _load(folder: Path, limits: ArchiveLimits) -> LoadResult:
    """The steps of a load: find one file per table, load every table, check across the tables,
    then finish the problems (one pass: de-duplicate, cap, hide personal data, sort)."""
    result = LoadResult(folder=folder, dataset=None)
    log = ProblemLog()
    if not _listable(folder):
        log.add(error("", "folder_unreadable", value=str(folder)))
        result.problems = log.finish()
        return result
    scan = _scan(folder)
    files = _one_file_per_table(scan, log)
    with ThreadPoolExecutor(max_workers=2) as pool:
        fingerprint = pool.submit(_fingerprint, [p for paths in scan.tables.values() for p in paths])
        loaded = _load_tables(files, limits, pool)
        for name, table in loaded.items():
            log.merge(table.log)
            _merge_later(table, name, log)
        typed = {name: table.frame for name, table in loaded.items() if table.frame is not None}
        if all(name in typed for name, spec in TABLES.items() if spec.required):
            unreadable = frozenset(name for name in scan.tables if name not in typed)
            _check_across_tables(typed, {name: files[name].name for name in typed}, unreadable, log, pool)
        result.fingerprint = fingerprint.result()
    result.files = {name: table.info for name, table in loaded.items() if table.info is not None}
    result.problems = log.finish(polish=mask_problem)
    if result.ok:
        result.dataset = _finish(typed)
    return result


def _one_file_per_table(scan: _Scan, log: ProblemLog) -> dict[str, Path]:
    """Each table's file; other csv/xlsx files, refused files, missing tables and tables with two
    files go into ``log``."""
    log.extend(warning(p.stem, "unknown_file", file=p.name) for p in scan.others)
    log.extend(error(p.stem.strip().lower(), "file_not_regular", file=p.name) for p in scan.irregular)
    refused = {p.stem.strip().lower() for p in scan.irregular}
    files: dict[str, Path] = {}
    for name, spec in TABLES.items():
        paths = scan.tables.get(name, [])
        if len(paths) == 1:
            files[name] = paths[0]
        elif len(paths) > 1:
            log.add(error(name, "table_file_twice", file=paths[0].name,
                          params={"files": ", ".join(p.name for p in paths)}))
        elif spec.required and name not in refused:  # a refused file already says what is wrong
            log.add(error(name, "table_missing", file=f"{name}.csv"))
    return files


def _load_tables(files: dict[str, Path], limits: ArchiveLimits, pool: Executor) -> dict[str, _TableLoad]:
    """Every table, on two threads, largest file first: most of the work runs in pyarrow and pandas
    code that releases the GIL, so the attendance list (the bulk of any folder) is checked while
    the other tables are. Returned in the contract's table order."""
    largest_first = sorted(files, key=lambda name: _size(files[name]), reverse=True)
    loading = {name: pool.submit(_load_table, files[name], TABLES[name], limits, pool) for name in largest_first}
    return {name: loading[name].result() for name in TABLES if name in loading}


@dataclass
class _TableLoad:
    frame: pd.DataFrame | None  # None: the file could not be read at all
    log: ProblemLog
    info: FileInfo | None
    #: checks still running on the other thread (their problems)
    later: list[Future[ProblemLog]] = field(default_factory=list)


#: checks across the rows of one table (columns → check), handed to the other thread as soon as
#: the table is typed: on a million attendance rows they run beside the per-cell checks
_ROW_CHECKS = {"attendance": (("event_id", "person_id"), check_attendance_duplicates)}
#: a table's own rules beyond its columns' types (run on the typed table, in its thread)
_TABLE_CHECKS = {"outcomes": check_outcome_fte}


def _listable(folder: Path) -> bool:
    try:
        next(iter(folder.iterdir()), None)
    except OSError:
        return False
    return True


def _fingerprint(paths: list[Path]) -> str:
    try:
        return folder_fingerprint(paths)
    except OSError:  # a file went away or became unreadable meanwhile: its own problem says so
        return ""


def _load_table(path: Path, spec: TableSpec, limits: ArchiveLimits, pool: Executor) -> _TableLoad:
    """One table; any fault while reading or checking it is a problem of its file."""
    try:
        return _read_and_check(path, spec, limits, pool)
    except FileRefused as refused:
        log = ProblemLog()
        log.add(refused.problem)
    except Exception as exc:
        log = ProblemLog()
        log.add(error(spec.name, "file_failed", file=path.name, value=type(exc).__name__))
    return _TableLoad(None, log, None)


def _read_and_check(path: Path, spec: TableSpec, limits: ArchiveLimits, pool: Executor) -> _TableLoad:
    """Read; check the columns; type the cells; look for personal data; validate; coordinates; municipalities."""
    raw = read_table_file(path, spec.name, limits)
    info = FileInfo(spec.name, path.name, len(raw.frame), raw.encoding, raw.separator)
    log = ProblemLog()
    log.extend(raw.problems)
    log.extend(check_columns(raw.frame, spec, path.name))
    if spec.required and raw.frame.empty:
        log.add(error(spec.name, "table_empty", file=path.name))
    frame, _ = parse_table(raw.frame, spec, path.name, log)
    later = []
    if spec.name in _ROW_CHECKS:
        columns, check = _ROW_CHECKS[spec.name]
        later.append(pool.submit(check, frame[list(columns)], path.name))  # a copy-on-write view: safe to share
    # the personal-data search needs only the cells as read and the conversion problems so far (a
    # copy of the log now): on the other thread, it runs beside the schema and the later checks
    unparsed = ProblemLog()
    unparsed.merge(log)
    later.append(pool.submit(_personal_data, raw.frame, spec, path.name, unparsed))
    validate_table(frame, raw.frame, spec, path.name, log)
    check_coordinates(frame, spec, path.name, log)
    if spec.name in _TABLE_CHECKS:
        _TABLE_CHECKS[spec.name](frame, path.name, log)
    frame = check_municipalities(frame, spec.name, path.name, log)
    del raw
    # the reader's buffers are garbage now: give them back before the next table
    pa.default_memory_pool().release_unused()
    return _TableLoad(frame, log, info, later)


def _personal_data(raw: pd.DataFrame, spec: TableSpec, file: str, unparsed: ProblemLog) -> ProblemLog:
    """:func:`check_personal_data`'s problems in a log of their own."""
    log = ProblemLog()
    check_personal_data(raw, spec, file, log, unparsed)
    return log


def _merge_later(table: _TableLoad, name: str, log: ProblemLog) -> None:
    """The problems of the checks that ran on the other thread (a fault in one is its file's problem)."""
    for later in table.later:
        try:
            log.merge(later.result())
        except Exception as exc:
            file = table.info.file if table.info is not None else None
            log.add(error(name, "file_failed", file=file, value=type(exc).__name__))


def _check_across_tables(
    typed: dict[str, pd.DataFrame], files: dict[str, str], unreadable: frozenset[str], log: ProblemLog,
    pool: Executor,
) -> None:
    """Keys between tables, head counts against the lists, the stops' places."""
    head_counts = (pool.submit(check_head_counts, typed["attendance"], typed["events"], files.get("events"))
                   if "attendance" in typed else None)
    check_foreign_keys(typed, files, log, unreadable)
    if head_counts is not None:
        log.extend(head_counts.result())
    if "event_stops" in typed:
        check_event_stops(typed["event_stops"], files, log)


def _finish(typed: dict[str, pd.DataFrame]) -> Dataset:
    """Typed frames → the published dataset: positional index, empty tables for absent ones.

    Enum columns are already categorical with exactly the contract's codes as categories (a
    value outside them is an error, so it never gets here)."""
    frames: dict[str, pd.DataFrame] = {}
    for name, spec in TABLES.items():
        frame = typed.get(name)
        if frame is None:
            frame, _ = parse_table(pd.DataFrame(columns=list(spec.column_names), dtype="str"), spec, "")
        frames[name] = frame.reset_index(drop=True)
    return Dataset(**frames)
