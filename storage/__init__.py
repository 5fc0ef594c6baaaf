"""Changing the data folder safely (no Streamlit here).

* :mod:`storage.intake`    uploads (table files, zips of a folder) within the limits, no paths
* :mod:`storage.staging`   an upload checked together with the current tables: a :class:`Proposal`
* :mod:`storage.diff`      rows added, removed and changed per table
* :mod:`storage.save`      save and undo: locked, fingerprint-checked, validated, backed up, atomic
* :mod:`storage.journal`   why a save killed half way loses nothing; :mod:`storage.recovery` the
  roll-back of such a save, run before the folder is read (:func:`recover`: callers that load)
* :mod:`storage.templates` CSV and ``.xlsx`` templates; :mod:`storage.export` the data as a zip
* :mod:`storage.passwords` the staff password hash (``python -m storage hash-password``)
"""

from storage.diff import RowChange, TableDiff, diff_datasets
from storage.errors import (
    InvalidChange,
    NothingToSave,
    NothingToUndo,
    SaveFailed,
    StaleData,
    StorageError,
    UndoRefused,
    UnsafeName,
)
from storage.history import HistoryEntry
from storage.intake import IncomingFile, Intake, take_uploads
from storage.passwords import hash_password, is_hash, verify_password
from storage.recovery import RecoveryReport, RolledBackChange, list_history, recover
from storage.save import SaveReceipt, last_undoable, save_change, save_proposal, undo_last_save
from storage.settings import StorageSettings
from storage.staging import Proposal, snapshot, stage

__all__ = [
    "HistoryEntry",
    "IncomingFile",
    "Intake",
    "InvalidChange",
    "NothingToSave",
    "NothingToUndo",
    "Proposal",
    "RecoveryReport",
    "RolledBackChange",
    "RowChange",
    "SaveFailed",
    "SaveReceipt",
    "StaleData",
    "StorageError",
    "StorageSettings",
    "TableDiff",
    "UndoRefused",
    "UnsafeName",
    "diff_datasets",
    "hash_password",
    "is_hash",
    "last_undoable",
    "list_history",
    "recover",
    "save_change",
    "save_proposal",
    "snapshot",
    "stage",
    "take_uploads",
    "undo_last_save",
    "verify_password",
]
