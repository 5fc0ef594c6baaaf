"""All-or-nothing change of several files in one folder, also when the process is killed.

The steps and their order are explained in :mod:`storage.journal`: journal, backup copies and
manifest, synced temporary files, renames and deletions, then the journal removed.

If a step fails with an exception (disk full, ...), :func:`roll_back` undoes at once what was
done, from the backup copies, so the folder holds the same bytes as before, and the error is
raised as :class:`ChangeFailed`. If the process dies instead, the next storage call or load does
the same (:mod:`storage.recovery`). Only when a file cannot be put back are the backup and the
journal kept, the backup named in the error, and the next recovery tries again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import copy_synced, fsync_dir, temp_path, write_synced
from storage.history import CREATED, MANIFEST, REMOVED, REPLACED, HistoryEntry, write_manifest
from storage.journal import FileChange, Journal, digest, file_digest, remove_journal, write_journal


class ChangeFailed(Exception):
    """The change was not made. ``restored`` is False only if the folder could not be put back."""

    def __init__(self, cause: BaseException, *, restored: bool) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause = cause
        self.restored = restored


@dataclass(frozen=True)
class Plan:
    """What to do: new bytes per file name, and names to delete (all inside one folder)."""

    writes: Mapping[str, bytes]
    removes: Sequence[str] = ()

    def actions(self, folder: Path) -> dict[str, str]:
        actions = {name: REPLACED if (folder / name).exists() else CREATED for name in self.writes}
        actions.update({name: REMOVED for name in self.removes if (folder / name).exists()})
        return actions


@dataclass(frozen=True)
class RolledBack:
    """What :func:`roll_back` did; ``complete`` once the entry and the journal are gone too."""

    restored: tuple[str, ...]
    deleted: tuple[str, ...]
    complete: bool


def apply(folder: Path, plan: Plan, entry: HistoryEntry) -> None:
    """Make the change ``entry.files`` with ``entry.path`` holding the previous versions.

    Raises :class:`ChangeFailed` when it did not happen (the folder is as before, unless
    ``restored`` is False).
    """
    journal = journal_for(folder, plan, entry)
    temps: dict[str, Path] = {}
    try:
        write_journal(entry.path, journal)
        _back_up(folder, entry)
        _write_temporaries(folder, plan, temps)
        fsync_dir(folder)  # with it a ``.history`` made by this save: the journal must outlive a power cut
        _rename_and_delete(folder, plan, entry.files, temps)
        remove_journal(entry.path)
    except BaseException as exc:
        _remove(temps.values())
        rolled_back = roll_back(folder, entry.path, journal)
        if not isinstance(exc, Exception):
            raise  # an interrupt: the folder is restored, let it through as it is
        raise ChangeFailed(exc, restored=rolled_back.complete) from exc


def journal_for(folder: Path, plan: Plan, entry: HistoryEntry) -> Journal:
    files = {
        name: FileChange(
            action,
            before=None if action == CREATED else file_digest(folder / name),
            after=digest(plan.writes[name]) if name in plan.writes else None,
        )
        for name, action in entry.files.items()
    }
    return Journal(entry.kind, entry.before, entry.after, files)


def _back_up(folder: Path, entry: HistoryEntry) -> None:
    """The entry with a copy of every file about to be replaced or removed, and its manifest."""
    entry.path.mkdir()
    for name, action in entry.files.items():
        if action != CREATED:
            copy_synced(folder / name, entry.backup_of(name))
    write_manifest(entry)
    fsync_dir(entry.path.parent)


def _write_temporaries(folder: Path, plan: Plan, temps: dict[str, Path]) -> None:
    """Every new file's bytes synced beside its target (``temps`` is filled as they are made)."""
    for name, data in plan.writes.items():
        temps[name] = temp_path(folder / name)
        write_synced(temps[name], data)


def _rename_and_delete(folder: Path, plan: Plan, actions: Mapping[str, str], temps: dict[str, Path]) -> None:
    for name in plan.writes:
        os.replace(temps[name], folder / name)
        del temps[name]  # renamed: nothing left to clean up
    for name in plan.removes:
        if actions.get(name) == REMOVED:
            os.unlink(folder / name)
    fsync_dir(folder)


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def roll_back(folder: Path, entry_path: Path, journal: Journal) -> RolledBack:
    """Put every file of ``journal`` back as it was before the change; then forget the change.

    A file already as it was is left alone, so a rollback that was itself killed is simply run
    again. Only when every file is back are the entry and then the journal removed; otherwise
    both stay for the next try.
    """
    restored: list[str] = []
    deleted: list[str] = []
    complete = True
    for name, change in journal.files.items():
        try:
            if file_digest(folder / name) == change.before:
                continue
            if change.before is None:
                (folder / name).unlink()
                deleted.append(name)
            else:
                _restore_checked(entry_path / name, folder / name, change.before)
                restored.append(name)
        except Exception:  # keep restoring the other files whatever went wrong with this one
            complete = False
    fsync_dir(folder)
    if complete:
        try:
            _discard(entry_path)
            remove_journal(entry_path)
        except OSError:
            complete = False
    return RolledBack(tuple(restored), tuple(deleted), complete)


def _discard(entry_path: Path) -> None:
    """Delete an entry of a change that did not happen: its manifest first, so it is no entry."""
    (entry_path / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(entry_path, ignore_errors=True)
    fsync_dir(entry_path.parent)


def _restore_checked(copy: Path, target: Path, expected: str) -> None:
    """:func:`_restore`, only from a backup copy with exactly the bytes the journal expects."""
    if file_digest(copy) != expected:
        raise ValueError(f"the backup copy {copy} is not the file it replaced")
    _restore(copy, target)


def _restore(copy: Path, target: Path) -> None:
    """Put the backup copy back (bytes and modification time), atomically when possible."""
    temp = temp_path(target)
    try:
        copy_synced(copy, temp)
        try:
            os.replace(temp, target)
        except Exception:
            # renaming is what failed: write the bytes in place rather than leave the file changed
            with target.open("wb") as handle:
                handle.write(copy.read_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            stat = copy.stat()
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    finally:
        temp.unlink(missing_ok=True)
