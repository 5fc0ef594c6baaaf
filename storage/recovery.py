"""Before the data folder is read or changed: an interrupted save or undo is rolled back.

A save killed half way (SIGKILL, a power cut, the server stopped) leaves its journal in
``.history/`` (:mod:`storage.journal`). :func:`recover` puts the folder back to exactly the files
it had before that save, deletes the save's unfinished history entry, and removes temporary files
(``.<name>.<hex>.tmp``) left in the folder. The storage functions call it first (under the lock),
and so must everything that loads a folder (the app, the command lines): the loaders, below
storage, cannot. It runs under the folder's lock and only repeats steps that are not done yet,
so a recovery that is itself killed is finished by the next call. With nothing left over it takes
no lock and changes nothing: cheap enough for every rerun of the app.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from i18n import t
from storage.atomic import fsync_dir, is_temp_name
from storage.errors import SaveFailed
from storage.history import HistoryEntry, folder_lock, history_dir, read_history
from storage.journal import read_journal, unfinished
from storage.transaction import roll_back

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RolledBackChange:
    """An interrupted change, undone: ``entry`` is the id its history entry would have had."""

    entry: str
    kind: str
    #: files put back from the backup copies; files the change had created, deleted
    restored: tuple[str, ...]
    deleted: tuple[str, ...]


@dataclass(frozen=True)
class RecoveryReport:
    """What :func:`recover` did, for a message to the person who will look at the data next."""

    rolled_back: tuple[RolledBackChange, ...]
    #: leftover temporary files removed (relative to the data folder)
    temporaries: tuple[str, ...]

    def message(self, lang: str, quote: Callable[[str], str] = str) -> str:
        """What happened, for staff, in ``lang`` (the page's banner, the command lines' output);
        ``quote`` makes a file name safe where the text goes (markdown on a page)."""
        files = sorted({name for change in self.rolled_back for name in (*change.restored, *change.deleted)})
        if not self.rolled_back:
            return t("data.recovered.temporaries", lang, count=len(self.temporaries))
        return t("data.recovered", lang, files=", ".join(map(quote, files)) or "–")

    def describe(self) -> str:
        changes = "; ".join(
            f"interrupted {c.kind} {c.entry} rolled back (put back: {', '.join(c.restored) or '-'}; "
            f"deleted: {', '.join(c.deleted) or '-'})"
            for c in self.rolled_back
        )
        return f"{changes or 'no interrupted change'}; temporary files removed: {len(self.temporaries)}"


def recover(folder: Path) -> RecoveryReport | None:
    """Roll back an interrupted change of ``folder``; ``None`` when there was nothing to do.

    Raises :class:`~storage.errors.SaveFailed` when a file cannot be put back: the journal and
    the backup stay, nothing may read the folder as if it were whole, and the next call retries.
    """
    if not _leftovers(folder):
        return None
    with folder_lock(folder):
        return recover_locked(folder)


def recover_locked(folder: Path) -> RecoveryReport | None:
    """:func:`recover` for a caller that already holds the folder's lock."""
    rolled_back = tuple(_roll_back(folder, entry_path) for entry_path in unfinished(folder))
    temporaries = _remove_temporaries(folder)
    if not rolled_back and not temporaries:
        return None
    report = RecoveryReport(rolled_back, temporaries)
    log.warning("data folder %s recovered: %s", folder, report.describe())
    return report


def list_history(folder: Path) -> list[HistoryEntry]:
    """Every completed save and undo of ``folder``, newest first (after :func:`recover`)."""
    recover(folder)
    return read_history(folder)


def _roll_back(folder: Path, entry_path: Path) -> RolledBackChange:
    try:
        journal = read_journal(entry_path)
    except ValueError as exc:
        raise SaveFailed(str(exc), restored=False, backup=str(entry_path)) from exc
    done = roll_back(folder, entry_path, journal)
    if not done.complete:
        raise SaveFailed(f"an interrupted {journal.kind} could not be rolled back", restored=False,
                         backup=str(entry_path))
    return RolledBackChange(entry_path.name, journal.kind, done.restored, done.deleted)


def _places(folder: Path) -> list[Path]:
    """Where temporary files and journals are made: the data folder and ``.history``."""
    return [folder, history_dir(folder)]


def _temporaries(place: Path) -> list[Path]:
    """The leftover temporary files in ``place`` (none when it cannot be listed: the load says why)."""
    try:
        return [place / entry.name for entry in os.scandir(place) if is_temp_name(entry.name) and entry.is_file()]
    except OSError:
        return []


def _leftovers(folder: Path) -> bool:
    return bool(unfinished(folder)) or any(_temporaries(place) for place in _places(folder))


def _remove_temporaries(folder: Path) -> tuple[str, ...]:
    removed: list[str] = []
    for place in _places(folder):
        found = _temporaries(place)
        for path in found:
            path.unlink(missing_ok=True)
        if found:
            fsync_dir(place)
        removed += [str(path.relative_to(folder)) for path in found]
    return tuple(removed)
