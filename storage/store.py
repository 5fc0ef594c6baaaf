"""Where the data lives: a folder of table files (the default) or a LAG in PostgreSQL, behind one interface.

The Data page, staging and the commands call a :class:`DataStore`; each backend keeps its own
guarantees: the folder its lock, journal and ``.history`` (:mod:`storage.save`), the database one
transaction per save with the LAG's row locked and a revision check (:mod:`storage.postgres.store`).
Both refuse a save checked against data that changed since (:class:`~storage.errors.StaleData`),
both validate the tables as they would be after the change with the same loaders, and both keep
what a save replaced, so the last save can be undone. No Streamlit here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from loaders import LoadResult
from loaders.snapshot import load_folder
from storage.editing import EditableTable, editable_table
from storage.errors import InvalidChange
from storage.history import CREATED, REMOVED, REPLACED, HistoryEntry
from storage.recovery import list_history
from storage.save import last_undoable, save_change, undo_last_save
from storage.settings import StorageSettings
from storage.staging import FolderSnapshot, Proposal, snapshot


class DataStore(Protocol):
    #: the data folder, for what only a folder has (logos, monitoring marks, remembered columns); ``None``
    #: for the database
    folder: Path | None

    def load(self) -> LoadResult: ...

    def snapshot(self) -> FolderSnapshot: ...

    def save(self, writes: Mapping[str, bytes], removes: Sequence[str], expected_fingerprint: str,
             settings: StorageSettings, *, validated: LoadResult | None = None) -> HistoryEntry: ...

    def undo(self, expected_fingerprint: str, settings: StorageSettings) -> HistoryEntry: ...

    def history(self) -> list[HistoryEntry]: ...

    def last_undoable(self) -> HistoryEntry | None: ...

    def editable(self, table: str) -> EditableTable: ...


class FolderStore:
    """The folder of table files (``COWORKING_DATA_DIR``, or the demo data)."""

    def __init__(self, folder: Path) -> None:
        self.folder: Path | None = folder
        self._folder = folder

    def load(self) -> LoadResult:
        return load_folder(self._folder)

    def snapshot(self) -> FolderSnapshot:
        return snapshot(self._folder)

    def save(self, writes: Mapping[str, bytes], removes: Sequence[str], expected_fingerprint: str,
             settings: StorageSettings, *, validated: LoadResult | None = None) -> HistoryEntry:
        return save_change(self._folder, writes, removes, expected_fingerprint, settings, validated=validated).entry

    def undo(self, expected_fingerprint: str, settings: StorageSettings) -> HistoryEntry:
        return undo_last_save(self._folder, expected_fingerprint, settings).entry

    def history(self) -> list[HistoryEntry]:
        return list_history(self._folder)

    def last_undoable(self) -> HistoryEntry | None:
        return last_undoable(self._folder)

    def editable(self, table: str) -> EditableTable:
        return editable_table(self._folder, table)


class DatabaseStore:
    """One LAG in PostgreSQL (``COWORKING_DATABASE_URL`` with ``?lag=CODE``), through the app role."""

    folder: Path | None = None

    def __init__(self, url: str, lag: str) -> None:
        from storage.postgres.store import PostgresStore  # psycopg only where a database is used

        self.lag = lag
        self._store = PostgresStore(url, lag)

    def load(self) -> LoadResult:
        return self._store.load()

    def snapshot(self) -> FolderSnapshot:
        return self._store.snapshot()

    def fingerprint(self) -> str:
        """The LAG's latest revision (a cheap query: a page's run checks it to know whether to reload)."""
        return self._store.fingerprint()

    def save(self, writes: Mapping[str, bytes], removes: Sequence[str], expected_fingerprint: str,
             settings: StorageSettings, *, validated: LoadResult | None = None) -> HistoryEntry:
        del settings  # the folder's limits (backups kept): the database keeps every revision
        revision = self._store.save(writes, removes, expected_fingerprint, validated=validated)
        return _entry(revision)

    def undo(self, expected_fingerprint: str, settings: StorageSettings) -> HistoryEntry:
        del settings
        return _entry(self._store.undo(expected_fingerprint))

    def history(self) -> list[HistoryEntry]:
        return [_entry(revision) for revision in self._store.history()]

    def last_undoable(self) -> HistoryEntry | None:
        return next((entry for entry in self.history() if entry.kind == "save" and not entry.undone_by), None)

    def editable(self, table: str) -> EditableTable:
        """The table as the editor shows it, from the LAG's table files (pseudonymous data, never names)."""
        files = {name: data for name, data in self.snapshot().files.items() if name.rsplit(".", 1)[0] == table}
        with tempfile.TemporaryDirectory(prefix="coworking-editable-") as tmp:
            for name, data in files.items():
                (Path(tmp) / name).write_bytes(data)
            return editable_table(Path(tmp), table)


def _entry(revision: object) -> HistoryEntry:
    """A database revision in the folder history's form (what the Data page lists and undoes)."""
    files = {}
    for before, after in revision.files.values():
        if after and before:
            files[after] = REPLACED
            if before != after:
                files[before] = REMOVED
        elif after:
            files[after] = CREATED
        elif before:
            files[before] = REMOVED
    return HistoryEntry(
        id=f"r{revision.id}", path=Path(), kind=revision.kind,
        created=revision.created, before="", after=revision.fingerprint, files=files,
        undoes=None if revision.undoes is None else f"r{revision.undoes}",
        undone_by=None if revision.undone_by is None else f"r{revision.undone_by}",
    )


def save_checked(store: DataStore, proposal: Proposal, settings: StorageSettings) -> HistoryEntry:
    """Save a checked upload or edit (refused unless it checked out without errors)."""
    if not proposal.ok:
        raise InvalidChange(proposal.problems)
    return store.save(proposal.writes, proposal.removes, proposal.base_fingerprint, settings,
                      validated=proposal.result)


def store_for(folder: Path, database_url: str = "") -> DataStore:
    """The configured store: the database when ``database_url`` names a LAG, else the folder."""
    if database_url:
        from storage.postgres.url import split_lag

        url, lag = split_lag(database_url)
        if lag:
            return DatabaseStore(url, lag)
    return FolderStore(folder)
