"""Why a save or an undo did not happen. ``rule`` is the key of the translated message
(``data.error.<rule>``); in every case the data folder is as it was before."""

from __future__ import annotations

from typing import Any

from loaders import Problem


class StorageError(Exception):
    rule = "failed"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail or self.rule)
        self.params = params


class StaleData(StorageError):
    """The folder changed since the change was checked (someone else saved meanwhile)."""

    rule = "stale"


class InvalidChange(StorageError):
    """The folder would not load after the change: nothing is written."""

    rule = "invalid"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{sum(p.severity == 'error' for p in problems)} error(s)")
        self.problems = problems


class NothingToSave(StorageError):
    rule = "nothing_to_save"


class UnsafeName(StorageError):
    """A name that is not a table file of the folder (never written, never deleted)."""

    rule = "unsafe_name"


class SaveFailed(StorageError):
    """Writing failed half way; the folder was put back (``restored``) or the backup is kept."""

    rule = "failed"

    def __init__(self, reason: str, *, restored: bool, backup: str = "") -> None:
        super().__init__(reason, reason=reason, backup=backup)
        self.restored = restored
        if not restored:
            self.rule = "failed_not_restored"


class NothingToUndo(StorageError):
    rule = "nothing_to_undo"


class UndoRefused(StorageError):
    """The files changed after the save that undo would revert (by hand, or another save)."""

    rule = "undo_changed_since"
