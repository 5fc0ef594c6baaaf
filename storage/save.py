"""Saving a change to the data folder, and undoing the last save.

Both run under the folder's lock and refuse when the folder's fingerprint is no longer the one
the person looked at (:class:`~storage.errors.StaleData`): two people saving at once cannot
overwrite each other's work unseen. A save is validated under the lock, as the folder would be
after it (a proposal's earlier check is reused only if it was of exactly those bytes), so a save
with validation errors cannot happen (:class:`~storage.errors.InvalidChange`). Every change is
backed up in ``.history/`` first and written all-or-nothing, even if the process is killed
(:mod:`storage.journal`); an interrupted earlier change is rolled back first (:mod:`storage.recovery`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from loaders import LoadResult
from loaders.archive import DEFAULT_LIMITS, ArchiveLimits
from storage.errors import (
    InvalidChange,
    NothingToSave,
    NothingToUndo,
    SaveFailed,
    StaleData,
    UndoRefused,
    UnsafeName,
)
from storage.history import CREATED, REMOVED, REPLACED, HistoryEntry, folder_lock, next_entry_path, prune, read_history
from storage.names import base_name, is_canonical, table_of
from storage.recovery import list_history, recover_locked
from storage.settings import StorageSettings
from storage.staging import FolderSnapshot, Proposal, files_after, fingerprint_of, load_files, read_snapshot
from storage.transaction import ChangeFailed, Plan, apply


@dataclass(frozen=True)
class SaveReceipt:
    """The backup entry of the change; ``entry.after`` is the folder's new fingerprint."""

    entry: HistoryEntry

    @property
    def fingerprint(self) -> str:
        return self.entry.after or ""


def save_proposal(
    folder: Path, proposal: Proposal, settings: StorageSettings, *, now: dt.datetime | None = None
) -> SaveReceipt:
    """Save a checked upload (refused unless it checked out without errors)."""
    if not proposal.ok:
        raise InvalidChange(proposal.problems)
    return save_change(
        folder, proposal.writes, proposal.removes, proposal.base_fingerprint, settings,
        now=now, validated=proposal.result,
    )  # fmt: skip


def save_change(
    folder: Path,
    writes: Mapping[str, bytes],
    removes: Sequence[str],
    expected_fingerprint: str,
    settings: StorageSettings,
    *,
    now: dt.datetime | None = None,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    validated: LoadResult | None = None,
) -> SaveReceipt:
    """Write ``writes`` (table file name → bytes) and delete ``removes`` in ``folder``, or nothing.

    The folder as it would be afterwards is validated here, under the lock. ``validated`` is a
    load of exactly that content made before (the proposal's check): it is reused only when its
    fingerprint (SHA-256 over every table file's name and bytes) is that of the content.
    """
    for name in writes:
        if not is_canonical(name):
            raise UnsafeName(name)
    with folder_lock(folder):
        recover_locked(folder)
        current = _current(folder, expected_fingerprint)
        for name in removes:
            if name not in current.files or table_of(name) is None:
                raise UnsafeName(name)
        removes = tuple(name for name in removes if not _same_as_a_write(folder, name, writes))
        after = files_after(current.files, dict(writes), removes)
        if validated is not None and validated.fingerprint == fingerprint_of(after):
            result = validated
        else:
            result = load_files(after, limits)
        if not result.ok:
            raise InvalidChange(result.problems)
        if after == current.files:
            raise NothingToSave()
        entry = _change(folder, Plan(writes, removes), "save", current.fingerprint, result.fingerprint, now)
        prune(folder, settings.keep_backups)
        return SaveReceipt(entry)


def last_undoable(folder: Path) -> HistoryEntry | None:
    """The newest save that has not been undone (``None`` if there is none)."""
    return _newest_undoable(list_history(folder))


def _newest_undoable(entries: list[HistoryEntry]) -> HistoryEntry | None:
    for entry in entries:
        if entry.kind == "save" and entry.undone_by is None and entry.after is not None:
            return entry
    return None


def undo_last_save(
    folder: Path, expected_fingerprint: str, settings: StorageSettings, *, now: dt.datetime | None = None
) -> SaveReceipt:
    """Put back the files as they were before the last save (itself backed up, as a save is)."""
    with folder_lock(folder):
        recover_locked(folder)
        entry = _newest_undoable(read_history(folder))
        if entry is None:
            raise NothingToUndo()
        current = _current(folder, expected_fingerprint)
        if entry.after != current.fingerprint:
            raise UndoRefused(entry.id)
        for name in entry.files:  # a manifest is data on disk: never follow a path from it
            if base_name(name) != name or table_of(name) is None:
                raise UnsafeName(name)
        writes = {
            name: entry.backup_of(name).read_bytes()
            for name, action in entry.files.items()
            if action in (REPLACED, REMOVED)
        }
        removes = tuple(name for name, action in entry.files.items() if action == CREATED)
        after = fingerprint_of(files_after(current.files, writes, removes))
        undo = _change(folder, Plan(writes, removes), "undo", current.fingerprint, after, now, undoes=entry.id)
        prune(folder, settings.keep_backups)
        return SaveReceipt(undo)


def _current(folder: Path, expected_fingerprint: str) -> FolderSnapshot:
    current = read_snapshot(folder)
    if current.fingerprint != expected_fingerprint:
        raise StaleData(current.fingerprint)
    return current


def _same_as_a_write(folder: Path, name: str, writes: Mapping[str, bytes]) -> bool:
    """On a case-insensitive disk ``Events.csv`` *is* ``events.csv``: replace it, never delete it."""
    path = folder / name
    return any((folder / w).exists() and os.path.samefile(path, folder / w) for w in writes if w != name)


def _change(
    folder: Path, plan: Plan, kind: str, before: str, after: str, now: dt.datetime | None, undoes: str | None = None
) -> HistoryEntry:
    """Back up, then apply ``plan``; the entry is history only once the change is complete."""
    now = now or dt.datetime.now().astimezone()
    path = next_entry_path(folder, now)
    entry = HistoryEntry(
        id=path.name, path=path, kind=kind, created=now, before=before, after=after,
        files=plan.actions(folder), undoes=undoes,
    )
    try:
        apply(folder, plan, entry)
    except ChangeFailed as failed:
        if failed.restored:
            raise SaveFailed(str(failed), restored=True) from failed
        raise SaveFailed(str(failed), restored=False, backup=str(entry.path)) from failed
    except Exception as exc:  # before anything in the folder changed (reading a file to journal it)
        raise SaveFailed(f"{type(exc).__name__}: {exc}", restored=True) from exc
    return entry
